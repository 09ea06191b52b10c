"""The lifecycle of a recognition (erkenning) as a state machine over its decisions.

Rules and sources:
* application, grant wholly or partly, refusal: Bbk art 10-11; a grant takes effect from
  the day of the decision, never retroactively [BP-NOG];
* amendment on request of the holder: Bbk art 12;
* suspension, wholly or partly, for at most 2 years: Bbk art 23 lid 2 and 6;
* revocation on the grounds of Bbk art 23 lid 1 (a-e) and lid 3;
* refusal, suspension and revocation are preceded by an intent (voornemen) on which the
  holder may give a view (zienswijze) [BP-WEIG; Awb art 4:8], except revocation at the
  holder's own request (art 23 lid 1 onder a);
* a recognition is not transferable (Bbk art 9 lid 5): it lapses when its holder ceases.

The state machine is data (`TRANSITIONS`, `PROCEDURAL`); `replay` turns a list of
decisions into status periods in legal (valid) time, refusing illegal sequences with a
clear message. Storage of those periods in registration time is the service's job.
"""

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, field
from enum import StrEnum

from kwalibo.common.domain.errors import N_, DomainError


class Status(StrEnum):
    """The legal status of a recognition on a given day."""

    APPLIED = "applied"
    GRANTED = "granted"
    REFUSED = "refused"
    SUSPENDED = "suspended"
    REVOKED = "revoked"
    LAPSED = "lapsed"

    @property
    def label(self) -> str:
        return _STATUS_LABELS[self]


_STATUS_LABELS = {
    Status.APPLIED: N_("applied for"),
    Status.GRANTED: N_("granted"),
    Status.REFUSED: N_("refused"),
    Status.SUSPENDED: N_("suspended"),
    Status.REVOKED: N_("revoked"),
    Status.LAPSED: N_("lapsed"),
}

#: Statuses in which the holder may perform the activity (Bbk art 15).
RECOGNISED = frozenset({Status.GRANTED})
TERMINAL = frozenset({Status.REFUSED, Status.REVOKED, Status.LAPSED})
ACTIVE = frozenset(Status) - TERMINAL


class DecisionKind(StrEnum):
    """A decision (beschikking) or procedural step recorded on a recognition."""

    APPLICATION = "application"
    GRANT = "grant"
    REFUSAL = "refusal"
    AMENDMENT = "amendment"
    SUSPENSION = "suspension"
    SUSPENSION_LIFTED = "suspension_lifted"
    REVOCATION = "revocation"
    LAPSE = "lapse"
    INTENT_REFUSAL = "intent_refusal"
    INTENT_SUSPENSION = "intent_suspension"
    INTENT_REVOCATION = "intent_revocation"
    INTENT_WITHDRAWN = "intent_withdrawn"
    VIEW_SUBMITTED = "view_submitted"

    @property
    def label(self) -> str:
        return _KIND_LABELS[self]

    @property
    def is_procedural(self) -> bool:
        """Procedural steps (intents, views) do not change the status."""
        return self in PROCEDURAL


_KIND_LABELS = {
    DecisionKind.APPLICATION: N_("application"),
    DecisionKind.GRANT: N_("grant"),
    DecisionKind.REFUSAL: N_("refusal"),
    DecisionKind.AMENDMENT: N_("amendment"),
    DecisionKind.SUSPENSION: N_("suspension"),
    DecisionKind.SUSPENSION_LIFTED: N_("lifting of the suspension"),
    DecisionKind.REVOCATION: N_("revocation"),
    DecisionKind.LAPSE: N_("lapse"),
    DecisionKind.INTENT_REFUSAL: N_("intent to refuse"),
    DecisionKind.INTENT_SUSPENSION: N_("intent to suspend"),
    DecisionKind.INTENT_REVOCATION: N_("intent to revoke"),
    DecisionKind.INTENT_WITHDRAWN: N_("intent withdrawn"),
    DecisionKind.VIEW_SUBMITTED: N_("view (zienswijze) submitted"),
}

#: (status before, decision) -> status after; None is a recognition that does not exist yet.
TRANSITIONS: dict[tuple[Status | None, DecisionKind], Status] = {
    (None, DecisionKind.APPLICATION): Status.APPLIED,
    (Status.APPLIED, DecisionKind.GRANT): Status.GRANTED,
    (Status.APPLIED, DecisionKind.REFUSAL): Status.REFUSED,
    (Status.GRANTED, DecisionKind.AMENDMENT): Status.GRANTED,
    (Status.GRANTED, DecisionKind.SUSPENSION): Status.SUSPENDED,
    (Status.SUSPENDED, DecisionKind.SUSPENSION_LIFTED): Status.GRANTED,
    (Status.GRANTED, DecisionKind.REVOCATION): Status.REVOKED,
    (Status.SUSPENDED, DecisionKind.REVOCATION): Status.REVOKED,
    (Status.GRANTED, DecisionKind.LAPSE): Status.LAPSED,
    (Status.SUSPENDED, DecisionKind.LAPSE): Status.LAPSED,
}

#: Procedural steps and the statuses in which they may be recorded.
PROCEDURAL: dict[DecisionKind, frozenset[Status]] = {
    DecisionKind.INTENT_REFUSAL: frozenset({Status.APPLIED}),
    DecisionKind.INTENT_SUSPENSION: frozenset({Status.GRANTED}),
    DecisionKind.INTENT_REVOCATION: frozenset({Status.GRANTED, Status.SUSPENDED}),
    DecisionKind.INTENT_WITHDRAWN: ACTIVE,
    DecisionKind.VIEW_SUBMITTED: ACTIVE,
}

#: The intent that must precede a decision (BP-WEIG; Awb art 4:8).
INTENT_FOR: dict[DecisionKind, DecisionKind] = {
    DecisionKind.REFUSAL: DecisionKind.INTENT_REFUSAL,
    DecisionKind.SUSPENSION: DecisionKind.INTENT_SUSPENSION,
    DecisionKind.REVOCATION: DecisionKind.INTENT_REVOCATION,
}

MAX_SUSPENSION_YEARS = 2  # Bbk art 23 lid 2


@dataclass(frozen=True)
class Ground:
    """A legal ground a decision may rest on."""

    code: str
    kinds: frozenset[DecisionKind]
    article: str
    label: str
    needs_intent: bool = True


def _ground(
    code: str, kinds: set[DecisionKind], article: str, label: str, *, needs_intent: bool = True
) -> Ground:
    return Ground(code, frozenset(kinds), article, label, needs_intent)


_K = DecisionKind
GROUNDS: dict[str, Ground] = {
    g.code: g
    for g in [
        _ground("application", {_K.APPLICATION}, "Bbk art 10", N_("application by the holder")),
        _ground(
            "grant", {_K.GRANT}, "Bbk art 9 en 11 lid 2", N_("conditions for recognition are met")
        ),
        _ground(
            "refusal_violation",
            {_K.REFUSAL, _K.INTENT_REFUSAL},
            "Bbk art 11 lid 4",
            N_("violation in the 3 years before the application"),
        ),
        _ground(
            "refusal_bibob",
            {_K.REFUSAL, _K.INTENT_REFUSAL},
            "Bbk art 11 lid 5",
            N_("Wet Bibob art 3"),
        ),
        _ground(
            "refusal_conditions",
            {_K.REFUSAL, _K.INTENT_REFUSAL},
            "Bbk art 11 lid 2",
            N_("bankruptcy, suspension of payments or missing application data"),
        ),
        _ground(
            "amendment", {_K.AMENDMENT}, "Bbk art 12", N_("amendment at the request of the holder")
        ),
        _ground(
            "suspension_certificate",
            {_K.SUSPENSION, _K.INTENT_SUSPENSION},
            "Bbk art 23 lid 2 onder a",
            N_("certificate or accreditation suspended"),
        ),
        _ground(
            "suspension_violation",
            {_K.SUSPENSION, _K.INTENT_SUSPENSION},
            "Bbk art 23 lid 2 onder b",
            N_("violation as meant in art 23 lid 1 onder e"),
        ),
        _ground(
            "suspension_vog",
            {_K.SUSPENSION, _K.INTENT_SUSPENSION},
            "Bbk art 23 lid 6",
            N_("certificate of conduct (VOG) not produced"),
        ),
        _ground(
            "suspension_lifted",
            {_K.SUSPENSION_LIFTED},
            "Bbk art 23 lid 2",
            N_("the cause of the suspension has ended"),
        ),
        _ground(
            "revocation_request",
            {_K.REVOCATION},
            "Bbk art 23 lid 1 onder a",
            N_("at the request of the holder"),
            needs_intent=False,
        ),
        _ground(
            "revocation_incorrect_data",
            {_K.REVOCATION, _K.INTENT_REVOCATION},
            "Bbk art 23 lid 1 onder b",
            N_("incorrect or incomplete application data"),
        ),
        _ground(
            "revocation_certificate",
            {_K.REVOCATION, _K.INTENT_REVOCATION},
            "Bbk art 23 lid 1 onder c",
            N_("certificate or accreditation withdrawn or no longer valid"),
        ),
        _ground(
            "revocation_bankruptcy",
            {_K.REVOCATION, _K.INTENT_REVOCATION},
            "Bbk art 23 lid 1 onder d",
            N_("bankruptcy or suspension of payments"),
        ),
        _ground(
            "revocation_violation",
            {_K.REVOCATION, _K.INTENT_REVOCATION},
            "Bbk art 23 lid 1 onder e",
            N_("violation related to a designated activity"),
        ),
        _ground(
            "revocation_bibob",
            {_K.REVOCATION, _K.INTENT_REVOCATION},
            "Bbk art 23 lid 3",
            N_("Wet Bibob art 3"),
        ),
        _ground(
            "lapse_holder_ceased",
            {_K.LAPSE},
            "Bbk art 9 lid 5",
            N_("the holder ceased to exist; a recognition is not transferable"),
        ),
        # Status taken over from an earlier register (import): the earlier register holds
        # the intent and view that preceded it, so no intent is required here.
        _ground(
            "imported_suspension",
            {_K.SUSPENSION},
            "Bbk art 23 lid 2",
            N_("suspension taken over from an earlier register"),
            needs_intent=False,
        ),
        _ground(
            "imported_revocation",
            {_K.REVOCATION},
            "Bbk art 23 lid 1",
            N_("revocation taken over from an earlier register"),
            needs_intent=False,
        ),
        _ground(
            "intent_withdrawn",
            {_K.INTENT_WITHDRAWN},
            "Awb art 4:8",
            N_("the intended decision will not be taken"),
        ),
        _ground(
            "view_submitted",
            {_K.VIEW_SUBMITTED},
            "Awb art 4:8",
            N_("view (zienswijze) of the holder"),
        ),
    ]
}


def grounds_for(kind: DecisionKind) -> list[Ground]:
    """The legal grounds a decision of `kind` may rest on."""
    return [g for g in GROUNDS.values() if kind in g.kinds]


@dataclass(frozen=True)
class Decision:
    """One recorded decision, as the state machine sees it.

    Attributes:
        kind: what was decided.
        decided_on: the date of the decision (beschikking) or procedural step.
        effective_from: first day the decision has legal effect.
        effective_until: last day of a suspension (inclusive); None otherwise.
        ground: code of the legal ground (see GROUNDS).
        view_deadline: for intents, the last day for the holder's view (zienswijze).
    """

    kind: DecisionKind
    decided_on: dt.date
    effective_from: dt.date
    ground: str
    effective_until: dt.date | None = None
    view_deadline: dt.date | None = None


@dataclass(frozen=True)
class Period:
    """A span of legal time with one status; `valid_to` is exclusive, None is open-ended.

    `decision_index` points into the replayed decision list: the decision that started the
    period (for the automatic end of a suspension: the suspension itself).
    """

    status: Status
    valid_from: dt.date
    valid_to: dt.date | None
    decision_index: int
    automatic: bool = False

    def contains(self, day: dt.date) -> bool:
        return self.valid_from <= day and (self.valid_to is None or day < self.valid_to)


@dataclass
class Replay:
    """The outcome of replaying decisions: status periods and the pending intent."""

    periods: list[Period] = field(default_factory=list)
    open_intent: Decision | None = None
    view_submitted: bool = False

    @property
    def status(self) -> Status | None:
        """Status after the last decision (ignoring the calendar; see `status_on`)."""
        return self.periods[-1].status if self.periods else None

    def status_on(self, day: dt.date) -> Status | None:
        """The status on `day`, or None if the recognition did not exist yet."""
        return next((p.status for p in self.periods if p.contains(day)), None)


def add_years(day: dt.date, years: int) -> dt.date:
    """`day` plus whole years; from 29 February the anniversary in a common year is 1 March."""
    try:
        return day.replace(year=day.year + years)
    except ValueError:
        return day.replace(year=day.year + years, month=3, day=1)


def suspension_end_limit(effective_from: dt.date) -> dt.date:
    """The last day a suspension starting on `effective_from` may last (Bbk art 23 lid 2)."""
    return add_years(effective_from, MAX_SUSPENSION_YEARS) - dt.timedelta(days=1)


def _check_decision(d: Decision) -> None:
    ground = GROUNDS.get(d.ground)
    if ground is None or d.kind not in ground.kinds:
        raise DomainError(
            N_("'%(ground)s' is not a legal ground for a %(kind)s."), ground=d.ground, kind=d.kind
        )
    if d.effective_from < d.decided_on:
        raise DomainError(
            N_(
                "A %(kind)s cannot take effect before the day it is decided (no retroactive effect)."
            ),
            kind=d.kind,
        )
    if d.kind.is_procedural and d.effective_from != d.decided_on:
        raise DomainError(N_("A %(kind)s takes effect on the day it is recorded."), kind=d.kind)
    if d.kind in INTENT_FOR.values() and (
        d.view_deadline is None or d.view_deadline <= d.decided_on
    ):
        raise DomainError(
            N_(
                "An intent needs a period for the holder's view (zienswijze) that ends after the intent."
            )
        )
    if d.kind is DecisionKind.SUSPENSION:
        if d.effective_until is None:
            raise DomainError(N_("A suspension needs an end date."))
        if d.effective_until < d.effective_from:
            raise DomainError(N_("A suspension cannot end before it starts."))
        limit = suspension_end_limit(d.effective_from)
        if d.effective_until > limit:
            raise DomainError(
                N_(
                    "A suspension lasts at most 2 years (Bbk art 23 lid 2): it must end on or before %(limit)s."
                ),
                limit=limit.isoformat(),
            )
    elif d.effective_until is not None:
        raise DomainError(N_("Only a suspension has an end date."))


def _check_intent(d: Decision, state: Replay) -> None:
    """Refusal, suspension and revocation need a matching intent whose view period is over."""
    ground = GROUNDS[d.ground]
    intent_kind = INTENT_FOR.get(d.kind)
    if intent_kind is None or not ground.needs_intent:
        return
    intent = state.open_intent
    if intent is None or intent.kind is not intent_kind:
        raise DomainError(
            N_(
                "A %(kind)s must be preceded by an %(intent)s with a period for the holder's view (zienswijze)."
            ),
            kind=d.kind,
            intent=intent_kind,
        )
    assert intent.view_deadline is not None
    if not state.view_submitted and d.decided_on <= intent.view_deadline:
        raise DomainError(
            N_(
                "The period for the holder's view runs until %(deadline)s; decide after that day or record the view first."
            ),
            deadline=intent.view_deadline.isoformat(),
        )


def _sort_key(item: tuple[int, Decision]) -> tuple[dt.date, int]:
    index, decision = item
    return (decision.effective_from, index)


def replay(decisions: Sequence[Decision]) -> Replay:
    """Apply `decisions` in order of legal effect and return the resulting status periods.

    Decisions with the same effective date keep the order in which they were given
    (the order of registration); the later one decides the status of that day.

    Raises:
        DomainError: the sequence contains an illegal transition or a decision that
            breaks one of the rules in this module's docstring.

    Examples:
        >>> d = dt.date(2024, 1, 1)
        >>> r = replay([Decision(DecisionKind.APPLICATION, d, d, "application"),
        ...             Decision(DecisionKind.GRANT, d, d, "grant")])
        >>> r.status_on(d).value
        'granted'
    """
    state = Replay()
    for index, d in sorted(enumerate(decisions), key=_sort_key):
        _check_decision(d)
        current = _status_at(state, d.effective_from)
        if d.kind.is_procedural:
            _record_procedural(d, current, state)
            continue
        target = TRANSITIONS.get((current, d.kind))
        if target is None:
            if current is None:
                raise DomainError(
                    N_("A recognition starts with an application; a %(kind)s cannot come first."),
                    kind=d.kind,
                )
            raise DomainError(
                N_("A %(kind)s is not possible for a recognition that is %(status)s."),
                kind=d.kind,
                status=current,
            )
        _check_intent(d, state)
        if d.kind in INTENT_FOR or target in TERMINAL:
            state.open_intent, state.view_submitted = None, False
        _start_period(state, Period(target, d.effective_from, None, index))
        if d.effective_until is not None:
            # A suspension ends by itself: the status returns to granted the day after.
            end = d.effective_until + dt.timedelta(days=1)
            _start_period(state, Period(Status.GRANTED, end, None, index, automatic=True))
    return state


def _status_at(state: Replay, day: dt.date) -> Status | None:
    """The status on `day` given the periods so far (decisions come in date order)."""
    if not state.periods:
        return None
    return state.status_on(day) or state.periods[-1].status


def _record_procedural(d: Decision, current: Status | None, state: Replay) -> None:
    if current is None or current not in PROCEDURAL[d.kind]:
        raise DomainError(
            N_("A %(kind)s is not possible for a recognition that is %(status)s."),
            kind=d.kind,
            status=current or Status.APPLIED,
        )
    if d.kind in (DecisionKind.INTENT_WITHDRAWN, DecisionKind.VIEW_SUBMITTED):
        if state.open_intent is None:
            raise DomainError(N_("There is no open intent for a %(kind)s."), kind=d.kind)
        if d.kind is DecisionKind.INTENT_WITHDRAWN:
            state.open_intent, state.view_submitted = None, False
        else:
            state.view_submitted = True
        return
    if state.open_intent is not None:
        raise DomainError(
            N_("There is already an open %(intent)s; withdraw it or decide on it first."),
            intent=state.open_intent.kind,
        )
    state.open_intent, state.view_submitted = d, False


def _start_period(state: Replay, period: Period) -> None:
    """Start `period`, cutting off whatever ran on or after its first day."""
    kept = [p for p in state.periods if p.valid_from < period.valid_from]
    if kept and (kept[-1].valid_to is None or kept[-1].valid_to > period.valid_from):
        last = kept[-1]
        kept[-1] = Period(
            last.status, last.valid_from, period.valid_from, last.decision_index, last.automatic
        )
    kept.append(period)
    state.periods = kept
