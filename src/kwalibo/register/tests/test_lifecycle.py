"""Unit tests of the recognition state machine (no database)."""

import datetime as dt

import pytest

from kwalibo.common.domain.errors import DomainError
from kwalibo.register.domain.lifecycle import (
    GROUNDS,
    PROCEDURAL,
    TRANSITIONS,
    Decision,
    DecisionKind,
    Status,
    add_years,
    grounds_for,
    replay,
    suspension_end_limit,
)

D = dt.date
K = DecisionKind
APPLIED_ON = D(2020, 1, 6)
GRANTED_ON = D(2020, 2, 3)


def applied(on: dt.date = APPLIED_ON) -> Decision:
    return Decision(K.APPLICATION, on, on, "application")


def granted(on: dt.date = GRANTED_ON, effective: dt.date | None = None) -> Decision:
    return Decision(K.GRANT, on, effective or on, "grant")


def intent(kind: DecisionKind, on: dt.date, ground: str, days: int = 14) -> Decision:
    return Decision(kind, on, on, ground, view_deadline=on + dt.timedelta(days=days))


def view(on: dt.date) -> Decision:
    return Decision(K.VIEW_SUBMITTED, on, on, "view_submitted")


def suspension(on: dt.date, until: dt.date, ground: str = "suspension_certificate") -> Decision:
    return Decision(K.SUSPENSION, on, on, ground, effective_until=until)


def revocation(
    on: dt.date, ground: str = "revocation_violation", effective: dt.date | None = None
) -> Decision:
    return Decision(K.REVOCATION, on, effective or on, ground)


def suspended_history() -> list[Decision]:
    """Granted 3 Feb 2020, intent 1 Mar 2021, suspended 1 Apr 2021 up to and including 30 Sep 2021."""
    return [
        applied(),
        granted(),
        intent(K.INTENT_SUSPENSION, D(2021, 3, 1), "suspension_certificate"),
        suspension(D(2021, 4, 1), D(2021, 9, 30)),
    ]


def test_application_then_grant_is_granted_from_grant_date() -> None:
    result = replay([applied(), granted()])
    assert result.status_on(D(2020, 1, 31)) is Status.APPLIED
    assert result.status_on(GRANTED_ON) is Status.GRANTED
    assert result.status_on(D(2019, 12, 31)) is None


def test_grant_may_take_effect_later_than_the_decision() -> None:
    result = replay([applied(), granted(GRANTED_ON, effective=D(2020, 3, 1))])
    assert result.status_on(D(2020, 2, 29)) is Status.APPLIED
    assert result.status_on(D(2020, 3, 1)) is Status.GRANTED


def test_grant_cannot_take_effect_before_the_decision() -> None:
    with pytest.raises(DomainError, match="no retroactive effect"):
        replay([applied(), granted(GRANTED_ON, effective=D(2020, 1, 10))])


def test_recognition_must_start_with_an_application() -> None:
    with pytest.raises(DomainError, match="starts with an application"):
        replay([granted()])


def test_suspension_ends_by_itself_the_day_after_its_end_date() -> None:
    result = replay(suspended_history())
    assert result.status_on(D(2021, 3, 31)) is Status.GRANTED
    assert result.status_on(D(2021, 4, 1)) is Status.SUSPENDED
    assert result.status_on(D(2021, 9, 30)) is Status.SUSPENDED
    assert result.status_on(D(2021, 10, 1)) is Status.GRANTED
    assert result.periods[-1].automatic is True


def test_suspension_without_intent_is_refused() -> None:
    with pytest.raises(DomainError, match="must be preceded by an intent to suspend"):
        replay([applied(), granted(), suspension(D(2021, 4, 1), D(2021, 9, 30))])


def test_decision_within_view_period_is_refused_unless_view_was_given() -> None:
    early = [*suspended_history()[:3], suspension(D(2021, 3, 10), D(2021, 9, 30))]
    with pytest.raises(DomainError, match="period for the holder's view runs until 2021-03-15"):
        replay(early)
    with_view = [*early[:3], view(D(2021, 3, 8)), early[3]]
    assert replay(with_view).status_on(D(2021, 3, 10)) is Status.SUSPENDED


def test_decision_on_the_last_day_of_the_view_period_is_refused() -> None:
    history = [*suspended_history()[:3], suspension(D(2021, 3, 15), D(2021, 9, 30))]
    with pytest.raises(DomainError, match="runs until 2021-03-15"):
        replay(history)


def test_decision_on_the_day_after_the_view_period_is_allowed() -> None:
    history = [*suspended_history()[:3], suspension(D(2021, 3, 16), D(2021, 9, 30))]
    assert replay(history).status_on(D(2021, 3, 16)) is Status.SUSPENDED


def test_intent_of_another_kind_does_not_open_the_way() -> None:
    history = [
        applied(),
        granted(),
        intent(K.INTENT_REVOCATION, D(2021, 3, 1), "revocation_violation"),
        suspension(D(2021, 4, 1), D(2021, 9, 30)),
    ]
    with pytest.raises(DomainError, match="must be preceded by an intent to suspend"):
        replay(history)


@pytest.mark.parametrize(
    ("until", "allowed"),
    [(D(2023, 3, 31), True), (D(2023, 4, 1), False)],
    ids=["exactly-two-years", "one-day-more"],
)
def test_suspension_lasts_at_most_two_years(until: dt.date, allowed: bool) -> None:
    history = [*suspended_history()[:3], suspension(D(2021, 4, 1), until)]
    if allowed:
        assert replay(history).status_on(until) is Status.SUSPENDED
    else:
        with pytest.raises(DomainError, match="at most 2 years"):
            replay(history)


def test_suspension_needs_an_end_date() -> None:
    history = [
        *suspended_history()[:3],
        Decision(K.SUSPENSION, D(2021, 4, 1), D(2021, 4, 1), "suspension_certificate"),
    ]
    with pytest.raises(DomainError, match="needs an end date"):
        replay(history)


def test_only_a_suspension_has_an_end_date() -> None:
    with pytest.raises(DomainError, match="Only a suspension"):
        replay(
            [
                applied(),
                Decision(K.GRANT, GRANTED_ON, GRANTED_ON, "grant", effective_until=D(2021, 1, 1)),
            ]
        )


def test_suspended_recognition_cannot_be_amended() -> None:
    history = [
        *suspended_history(),
        Decision(K.AMENDMENT, D(2021, 5, 1), D(2021, 5, 1), "amendment"),
    ]
    with pytest.raises(
        DomainError, match="amendment is not possible for a recognition that is suspended"
    ):
        replay(history)


def test_amendment_after_suspension_ended_is_allowed() -> None:
    history = [
        *suspended_history(),
        Decision(K.AMENDMENT, D(2021, 10, 4), D(2021, 10, 4), "amendment"),
    ]
    assert replay(history).status_on(D(2021, 10, 4)) is Status.GRANTED


def test_lifting_a_suspension_ends_it_early() -> None:
    history = [
        *suspended_history(),
        Decision(K.SUSPENSION_LIFTED, D(2021, 6, 1), D(2021, 6, 1), "suspension_lifted"),
    ]
    result = replay(history)
    assert result.status_on(D(2021, 5, 31)) is Status.SUSPENDED
    assert result.status_on(D(2021, 6, 1)) is Status.GRANTED
    assert [p.status for p in result.periods] == [
        Status.APPLIED,
        Status.GRANTED,
        Status.SUSPENDED,
        Status.GRANTED,
    ]


def test_lifting_a_suspension_that_already_ended_is_refused() -> None:
    history = [
        *suspended_history(),
        Decision(K.SUSPENSION_LIFTED, D(2021, 11, 1), D(2021, 11, 1), "suspension_lifted"),
    ]
    with pytest.raises(DomainError, match="not possible for a recognition that is granted"):
        replay(history)


def test_revocation_during_suspension_replaces_the_automatic_return() -> None:
    history = [
        *suspended_history(),
        intent(K.INTENT_REVOCATION, D(2021, 5, 3), "revocation_violation"),
        revocation(D(2021, 6, 1)),
    ]
    result = replay(history)
    assert result.status_on(D(2021, 10, 1)) is Status.REVOKED
    assert [p.status for p in result.periods][-2:] == [Status.SUSPENDED, Status.REVOKED]


def test_revocation_at_request_of_holder_needs_no_intent() -> None:
    result = replay([applied(), granted(), revocation(D(2022, 1, 3), ground="revocation_request")])
    assert result.status_on(D(2022, 1, 3)) is Status.REVOKED


def test_revoked_recognition_cannot_be_granted_again() -> None:
    history = [
        applied(),
        granted(),
        revocation(D(2022, 1, 3), ground="revocation_request"),
        granted(D(2022, 2, 1)),
    ]
    with pytest.raises(
        DomainError, match="grant is not possible for a recognition that is revoked"
    ):
        replay(history)


def test_refusal_needs_intent_and_ends_the_application() -> None:
    refusal = Decision(K.REFUSAL, D(2020, 3, 2), D(2020, 3, 2), "refusal_violation")
    with pytest.raises(DomainError, match="intent to refuse"):
        replay([applied(), refusal])
    result = replay(
        [applied(), intent(K.INTENT_REFUSAL, D(2020, 2, 10), "refusal_violation"), refusal]
    )
    assert result.status is Status.REFUSED
    assert result.open_intent is None


def test_only_one_intent_may_be_open() -> None:
    history = [
        applied(),
        granted(),
        intent(K.INTENT_SUSPENSION, D(2021, 3, 1), "suspension_certificate"),
        intent(K.INTENT_REVOCATION, D(2021, 3, 2), "revocation_violation"),
    ]
    with pytest.raises(DomainError, match="already an open intent to suspend"):
        replay(history)


def test_withdrawn_intent_no_longer_allows_the_decision() -> None:
    history = [
        *suspended_history()[:3],
        Decision(K.INTENT_WITHDRAWN, D(2021, 3, 20), D(2021, 3, 20), "intent_withdrawn"),
        suspension(D(2021, 4, 1), D(2021, 9, 30)),
    ]
    with pytest.raises(DomainError, match="must be preceded"):
        replay(history)


def test_view_without_open_intent_is_refused() -> None:
    with pytest.raises(DomainError, match="no open intent"):
        replay([applied(), granted(), view(D(2021, 1, 4))])


def test_intent_needs_a_view_period_after_the_intent() -> None:
    bad = Decision(
        K.INTENT_SUSPENSION,
        D(2021, 3, 1),
        D(2021, 3, 1),
        "suspension_certificate",
        view_deadline=D(2021, 3, 1),
    )
    with pytest.raises(DomainError, match="period for the holder's view"):
        replay([applied(), granted(), bad])


def test_ground_must_fit_the_kind_of_decision() -> None:
    with pytest.raises(DomainError, match="'revocation_request' is not a legal ground for a grant"):
        replay([applied(), Decision(K.GRANT, GRANTED_ON, GRANTED_ON, "revocation_request")])


def test_lapse_ends_a_granted_recognition() -> None:
    result = replay(
        [
            applied(),
            granted(),
            Decision(K.LAPSE, D(2023, 1, 2), D(2023, 1, 2), "lapse_holder_ceased"),
        ]
    )
    assert result.status_on(D(2023, 1, 1)) is Status.GRANTED
    assert result.status_on(D(2023, 1, 2)) is Status.LAPSED


def test_decisions_are_applied_in_order_of_legal_effect() -> None:
    """A decision registered later but effective earlier is placed where it has effect."""
    late_registered_grant = granted()
    result = replay(
        [
            applied(),
            intent(K.INTENT_SUSPENSION, D(2021, 3, 1), "suspension_certificate"),
            late_registered_grant,
        ]
    )
    assert result.status_on(D(2021, 3, 1)) is Status.GRANTED
    assert result.open_intent is not None


def test_imported_suspension_needs_no_intent() -> None:
    result = replay(
        [
            applied(),
            granted(),
            suspension(D(2024, 1, 1), D(2024, 6, 30), ground="imported_suspension"),
        ]
    )
    assert result.status_on(D(2024, 6, 30)) is Status.SUSPENDED


def test_every_ground_belongs_to_known_decision_kinds_and_every_decision_has_a_ground() -> None:
    kinds_with_grounds = {kind for g in GROUNDS.values() for kind in g.kinds}
    all_kinds = {kind for _, kind in TRANSITIONS} | set(PROCEDURAL)
    assert all_kinds <= kinds_with_grounds
    assert [g.code for g in grounds_for(K.SUSPENSION)] == [
        "suspension_certificate",
        "suspension_violation",
        "suspension_vog",
        "imported_suspension",
    ]


def test_two_year_limit_from_29_february() -> None:
    assert add_years(D(2024, 2, 29), 2) == D(2026, 3, 1)
    assert suspension_end_limit(D(2024, 2, 29)) == D(2026, 2, 28)
