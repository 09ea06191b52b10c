"""The custody state machine: steps in order, each by its own party; revisions accepted by the others."""

from decimal import Decimal

import pytest

from kwalibo.common.domain.errors import DomainError
from kwalibo.passport.domain.custody import (
    ChainState,
    Purpose,
    RevisionState,
    StepView,
    chain_cancel_check,
    chain_plan,
    chain_state,
    revision_answer_check,
    revision_outcome,
    revision_request_check,
    step_confirm_check,
)

DISPOSER, CARRIER, SECOND_CARRIER, RECEIVER, APPLIER = 1, 2, 3, 4, 5
Q = Decimal("20")


def chain(*confirmed: bool) -> list[StepView]:
    kinds = chain_plan(Purpose.APPLICATION, 2)
    parties = [DISPOSER, CARRIER, SECOND_CARRIER, RECEIVER, APPLIER]
    flags = list(confirmed) + [False] * (len(kinds) - len(confirmed))
    return [
        StepView(kind, party, flag, Q if flag else None)
        for kind, party, flag in zip(kinds, parties, flags, strict=True)
    ]


@pytest.mark.parametrize(
    ("purpose", "transports", "kinds"),
    [
        (Purpose.APPLICATION, 1, ["origin", "transport", "receipt", "application"]),
        (Purpose.STORAGE, 2, ["origin", "transport", "transport", "receipt"]),
        (Purpose.PROCESSING, 1, ["origin", "transport", "receipt"]),
    ],
)
def test_plan_has_origin_transports_receipt_and_for_application_an_application(
    purpose: Purpose, transports: int, kinds: list[str]
) -> None:
    assert chain_plan(purpose, transports) == kinds


def test_a_plan_without_transporter_is_refused() -> None:
    with pytest.raises(DomainError, match="at least one transporter"):
        chain_plan(Purpose.STORAGE, 0)


def test_the_first_step_is_confirmed_by_the_disposer() -> None:
    step_confirm_check(chain(), 0, party=DISPOSER, quantity_m3=Q)


@pytest.mark.parametrize("party", [CARRIER, None])
def test_another_party_cannot_confirm_a_step(party: int | None) -> None:
    with pytest.raises(DomainError, match="Only the organisation named"):
        step_confirm_check(chain(), 0, party=party, quantity_m3=Q)


def test_steps_are_confirmed_in_order() -> None:
    with pytest.raises(DomainError, match="previous steps"):
        step_confirm_check(chain(True), 2, party=SECOND_CARRIER, quantity_m3=Q)


def test_a_step_is_confirmed_once() -> None:
    with pytest.raises(DomainError, match="already been confirmed"):
        step_confirm_check(chain(True), 0, party=DISPOSER, quantity_m3=Q)


def test_not_more_can_be_applied_than_was_received() -> None:
    with pytest.raises(DomainError, match="Not more than the 20"):
        step_confirm_check(chain(True, True, True, True), 4, party=APPLIER, quantity_m3=Q + 1)


def test_a_cancelled_consignment_cannot_be_confirmed() -> None:
    with pytest.raises(DomainError, match="cancelled"):
        step_confirm_check(chain(), 0, party=DISPOSER, quantity_m3=Q, cancelled=True)


@pytest.mark.parametrize(
    ("confirmed", "state"),
    [
        ((), ChainState.PLANNED),
        ((True,), ChainState.DISPATCHED),
        ((True, True), ChainState.IN_TRANSIT),
        ((True, True, True, True), ChainState.RECEIVED),
        ((True, True, True, True, True), ChainState.COMPLETED),
    ],
)
def test_state_follows_the_confirmed_steps(confirmed: tuple[bool, ...], state: ChainState) -> None:
    assert chain_state(chain(*confirmed)) is state


def test_only_an_undispatched_consignment_can_be_cancelled() -> None:
    chain_cancel_check(chain(), cancelled=False)
    with pytest.raises(DomainError, match="request a revision"):
        chain_cancel_check(chain(True), cancelled=False)


def test_a_revision_must_be_accepted_by_all_other_parties() -> None:
    approvers = revision_request_check(
        chain(True, True, True, True), 3, party=RECEIVER, changes={"quantity_m3": "19"}
    )
    assert approvers == {DISPOSER, CARRIER, SECOND_CARRIER, APPLIER}
    assert revision_outcome(approvers=approvers, answers={DISPOSER: True}) is RevisionState.OPEN
    everyone = dict.fromkeys(approvers, True)
    assert revision_outcome(approvers=approvers, answers=everyone) is RevisionState.ACCEPTED
    assert (
        revision_outcome(approvers=approvers, answers={DISPOSER: True, CARRIER: False})
        is RevisionState.REJECTED
    )


@pytest.mark.parametrize(
    ("index", "party", "changes", "message"),
    [
        (0, 99, {"quantity_m3": "1"}, "Only a party"),
        (4, DISPOSER, {"quantity_m3": "1"}, "unconfirmed step"),
        (0, DISPOSER, {}, "must change something"),
        (0, DISPOSER, {"party": 7}, "cannot be revised: party"),
    ],
)
def test_revision_requests_are_refused_for_non_parties_open_steps_and_fixed_fields(
    index: int, party: int, changes: dict[str, object], message: str
) -> None:
    with pytest.raises(DomainError, match=message):
        revision_request_check(chain(True), index, party=party, changes=changes)


def test_only_asked_parties_answer_once_while_open() -> None:
    approvers = frozenset({CARRIER, RECEIVER})
    revision_answer_check(state=RevisionState.OPEN, approvers=approvers, answers={}, party=CARRIER)
    with pytest.raises(DomainError, match="not asked"):
        revision_answer_check(
            state=RevisionState.OPEN, approvers=approvers, answers={}, party=APPLIER
        )
    with pytest.raises(DomainError, match="answered"):
        revision_answer_check(
            state=RevisionState.OPEN, approvers=approvers, answers={CARRIER: True}, party=CARRIER
        )
    with pytest.raises(DomainError, match="closed"):
        revision_answer_check(
            state=RevisionState.REJECTED, approvers=approvers, answers={}, party=RECEIVER
        )
