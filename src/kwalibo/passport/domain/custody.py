"""The chain of custody of a consignment: origin → transport(s) → receipt → application.

There is no legal format for the chain; its shape follows the practice the domain dossier
and the anchors describe (Grondbank: a reference before the movement and a receipt that
closes each leg; Walterre: the receiving site confirms; Trackdéchets: every transition is
signed by its own party). Rules:

* a consignment moves (part of) one batch under its declaration (Bbk art 38 lid 2: the
  declaration is present with the batch) from one site to another, for application, for
  temporary storage (Bbk art 35 h, i) or for processing (activity e);
* its steps are fixed when it is planned: the disposer's dispatch at the origin, one step
  per transporter, the receipt at the destination and, for application, the application;
* each step is confirmed by a user of the organisation named for it, in order; a step is
  confirmed once;
* a planned consignment can be cancelled until the dispatch is confirmed;
* a confirmed step is corrected only through a revision request that every other party of
  the consignment accepts; one rejection closes it unchanged;
* a party is named by its KvK number and must be in the register; where the law requires a
  recognition for the step (receipt for processing: activity e, Rbk art 2.1 lid 1 e) it must
  hold it on the planned day (Bbk art 15, a preventive check, see the services).
"""

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from decimal import Decimal
from enum import StrEnum

from kwalibo.common.domain.errors import N_, DomainError


class Purpose(StrEnum):
    """Why a consignment moves."""

    APPLICATION = "application"
    STORAGE = "storage"
    PROCESSING = "processing"

    @property
    def label(self) -> str:
        return _PURPOSE_LABELS[self]


_PURPOSE_LABELS = {
    Purpose.APPLICATION: N_("application of the material"),
    Purpose.STORAGE: N_("temporary storage"),
    Purpose.PROCESSING: N_("processing"),
}


class StepKind(StrEnum):
    ORIGIN = "origin"
    TRANSPORT = "transport"
    RECEIPT = "receipt"
    APPLICATION = "application"

    @property
    def label(self) -> str:
        return _KIND_LABELS[self]


_KIND_LABELS = {
    StepKind.ORIGIN: N_("dispatch at origin"),
    StepKind.TRANSPORT: N_("transport"),
    StepKind.RECEIPT: N_("receipt"),
    StepKind.APPLICATION: N_("application of the material"),
}


class ChainState(StrEnum):
    PLANNED = "planned"
    DISPATCHED = "dispatched"
    IN_TRANSIT = "in_transit"
    RECEIVED = "received"
    COMPLETED = "completed"
    CANCELLED = "cancelled"

    @property
    def label(self) -> str:
        return _STATE_LABELS[self]


_STATE_LABELS = {
    ChainState.PLANNED: N_("planned"),
    ChainState.DISPATCHED: N_("dispatched"),
    ChainState.IN_TRANSIT: N_("in transit"),
    ChainState.RECEIVED: N_("received"),
    ChainState.COMPLETED: N_("completed"),
    ChainState.CANCELLED: N_("cancelled"),
}

#: Activities the law requires of the party of a step, by purpose (Rbk art 2.1 lid 1).
REQUIRED_ACTIVITY: Mapping[tuple[Purpose, StepKind], str] = {
    (Purpose.PROCESSING, StepKind.RECEIPT): "bewerking-grond",
}


def chain_plan(purpose: Purpose, transports: int) -> list[StepKind]:
    """The steps of a consignment, in order.

    Raises:
        DomainError: no transporter is named.
    """
    if transports < 1:
        raise DomainError(N_("Name at least one transporter."))
    steps = [StepKind.ORIGIN, *([StepKind.TRANSPORT] * transports), StepKind.RECEIPT]
    if purpose is Purpose.APPLICATION:
        steps.append(StepKind.APPLICATION)
    return steps


@dataclass(frozen=True)
class StepView:
    """What the rules need of one step."""

    kind: StepKind
    party: int  # organisation id
    confirmed: bool
    quantity_m3: Decimal | None = None


def step_confirm_check(
    steps: Sequence[StepView],
    index: int,
    *,
    party: int | None,
    quantity_m3: Decimal,
    cancelled: bool = False,
) -> None:
    """Refuse confirming step `index` out of order, twice, by another party or with a wrong quantity.

    Raises:
        DomainError: the reason the confirmation is refused.
    """
    if cancelled:
        raise DomainError(N_("This consignment was cancelled."))
    step = steps[index]
    if party is None or step.party != party:
        raise DomainError(N_("Only the organisation named for this step can confirm it."))
    if step.confirmed:
        raise DomainError(N_("This step has already been confirmed."))
    if not all(previous.confirmed for previous in steps[:index]):
        raise DomainError(N_("The previous steps must be confirmed first."))
    if quantity_m3 <= 0:
        raise DomainError(N_("The quantity must be positive."))
    if step.kind is StepKind.APPLICATION:
        received = next(s.quantity_m3 for s in steps if s.kind is StepKind.RECEIPT)
        if received is not None and quantity_m3 > received:
            raise DomainError(
                N_("Not more than the %(received)s m³ received can be applied."),
                received=received,
            )


def chain_state(steps: Sequence[StepView], *, cancelled: bool = False) -> ChainState:
    """The state of a consignment from its confirmed steps."""
    if cancelled:
        return ChainState.CANCELLED
    confirmed = {s.kind for s in steps if s.confirmed}
    if all(s.confirmed for s in steps):
        return ChainState.COMPLETED
    if StepKind.RECEIPT in confirmed:
        return ChainState.RECEIVED
    if StepKind.TRANSPORT in confirmed:
        return ChainState.IN_TRANSIT
    if StepKind.ORIGIN in confirmed:
        return ChainState.DISPATCHED
    return ChainState.PLANNED


def chain_cancel_check(steps: Sequence[StepView], *, cancelled: bool) -> None:
    """Refuse cancelling a consignment that was cancelled or dispatched already.

    Raises:
        DomainError: the reason.
    """
    if cancelled:
        raise DomainError(N_("This consignment was cancelled already."))
    if any(s.confirmed for s in steps):
        raise DomainError(N_("A dispatched consignment cannot be cancelled; request a revision."))


class RevisionState(StrEnum):
    OPEN = "open"
    ACCEPTED = "accepted"
    REJECTED = "rejected"

    @property
    def label(self) -> str:
        return _REVISION_LABELS[self]


_REVISION_LABELS = {
    RevisionState.OPEN: N_("awaiting acceptance"),
    RevisionState.ACCEPTED: N_("accepted"),
    RevisionState.REJECTED: N_("rejected"),
}

#: Fields of a confirmed step that a revision may change.
REVISABLE_FIELDS = frozenset({"quantity_m3", "occurred_on", "vehicle", "remarks"})


def revision_request_check(
    steps: Sequence[StepView], index: int, *, party: int | None, changes: Mapping[str, object]
) -> frozenset[int]:
    """Check a revision request on step `index`; return the parties that must accept it.

    Raises:
        DomainError: the step is not confirmed, the requester is not a party of the
            consignment, or the changes touch fields that cannot be revised.
    """
    parties = frozenset(s.party for s in steps)
    if party is None or party not in parties:
        raise DomainError(N_("Only a party of this consignment can request a revision."))
    if not steps[index].confirmed:
        raise DomainError(
            N_("An unconfirmed step needs no revision; confirm it with the right data.")
        )
    if not changes:
        raise DomainError(N_("A revision must change something."))
    unknown = set(changes) - REVISABLE_FIELDS
    if unknown:
        raise DomainError(
            N_("These fields cannot be revised: %(fields)s."), fields=", ".join(sorted(unknown))
        )
    return parties - {party}


def revision_outcome(*, approvers: frozenset[int], answers: Mapping[int, bool]) -> RevisionState:
    """The state of a revision: rejected when any party rejected, accepted when all accepted."""
    if any(answer is False for answer in answers.values()):
        return RevisionState.REJECTED
    if approvers <= {party for party, answer in answers.items() if answer}:
        return RevisionState.ACCEPTED
    return RevisionState.OPEN


def revision_answer_check(
    *,
    state: RevisionState,
    approvers: frozenset[int],
    answers: Mapping[int, bool],
    party: int | None,
) -> None:
    """Refuse an answer by a party that is not asked, answers twice, or comes too late.

    Raises:
        DomainError: the reason.
    """
    if state is not RevisionState.OPEN:
        raise DomainError(N_("This revision request is closed."))
    if party is None or party not in approvers:
        raise DomainError(N_("Your organisation is not asked to accept this revision."))
    if party in answers:
        raise DomainError(N_("Your organisation has answered this revision already."))
