"""Service tests: decisions are checked, stored bi-temporally, and audited."""

import datetime as dt
from collections.abc import Callable

import pytest

from kwalibo.accounts.models import User
from kwalibo.audit.models import AuditEvent
from kwalibo.common.domain.errors import DomainError
from kwalibo.register import selectors, services
from kwalibo.register.domain.lifecycle import DecisionKind, Status
from kwalibo.register.models import (
    Activity,
    Certificate,
    Organisation,
    Person,
    RecognisedPerson,
    Recognition,
    RecognitionDecision,
    RecognitionStatusPeriod,
)

pytestmark = pytest.mark.django_db
D = dt.date


def current_periods(recognition: Recognition) -> list[tuple[str, dt.date, dt.date | None]]:
    rows = RecognitionStatusPeriod.objects.filter(
        recognition=recognition, recorded_to__isnull=True
    ).order_by("valid_from")
    return [(r.status, r.valid_from, r.valid_to) for r in rows]


def suspend(
    recognition: Recognition, officer: User, until: dt.date = D(2021, 9, 30)
) -> RecognitionDecision:
    services.recognition_intent_record(
        actor=officer,
        recognition=recognition,
        kind=DecisionKind.INTENT_SUSPENSION,
        decided_on=D(2021, 3, 1),
        view_deadline=D(2021, 3, 15),
        ground="suspension_certificate",
        reason="Certificaat geschorst door Kiwa",
    )
    return services.recognition_suspend(
        actor=officer,
        recognition=recognition,
        decided_on=D(2021, 4, 1),
        until=until,
        ground="suspension_certificate",
        reason="Certificaat geschorst door Kiwa",
    )


def test_application_gets_a_public_number_and_an_applied_period(applied: Recognition) -> None:
    assert applied.number == f"ERK-{applied.pk:06d}"
    assert current_periods(applied) == [("applied", D(2020, 1, 6), None)]


def test_grant_closes_the_open_period_and_opens_granted(granted: Recognition) -> None:
    assert current_periods(granted) == [
        ("applied", D(2020, 1, 6), D(2020, 2, 3)),
        ("granted", D(2020, 2, 3), None),
    ]


def test_replaced_period_stays_in_registration_history(granted: Recognition) -> None:
    closed = RecognitionStatusPeriod.objects.get(recognition=granted, recorded_to__isnull=False)
    assert (closed.status, closed.valid_from, closed.valid_to) == ("applied", D(2020, 1, 6), None)


def test_suspension_is_stored_with_automatic_return(granted: Recognition, officer: User) -> None:
    suspend(granted, officer)
    assert current_periods(granted) == [
        ("applied", D(2020, 1, 6), D(2020, 2, 3)),
        ("granted", D(2020, 2, 3), D(2021, 4, 1)),
        ("suspended", D(2021, 4, 1), D(2021, 10, 1)),
        ("granted", D(2021, 10, 1), None),
    ]


def test_illegal_decision_is_refused_and_nothing_changes(
    granted: Recognition, officer: User
) -> None:
    decisions_before = RecognitionDecision.objects.count()
    periods_before = list(RecognitionStatusPeriod.objects.values_list("pk", "recorded_to"))
    audit_before = AuditEvent.objects.count()
    with pytest.raises(DomainError, match="must be preceded by an intent to suspend"):
        services.recognition_suspend(
            actor=officer,
            recognition=granted,
            decided_on=D(2021, 4, 1),
            until=D(2021, 9, 30),
            ground="suspension_certificate",
            reason="Geen voornemen",
        )
    assert RecognitionDecision.objects.count() == decisions_before
    assert list(RecognitionStatusPeriod.objects.values_list("pk", "recorded_to")) == periods_before
    assert AuditEvent.objects.count() == audit_before


def test_decision_without_reason_is_refused(granted: Recognition, officer: User) -> None:
    with pytest.raises(DomainError, match="reason is required"):
        services.recognition_revoke(
            actor=officer,
            recognition=granted,
            decided_on=D(2022, 1, 3),
            ground="revocation_request",
            reason="  ",
        )


def test_every_decision_is_audited_with_actor_reason_and_article(
    granted: Recognition, officer: User
) -> None:
    suspend(granted, officer)
    event = AuditEvent.objects.filter(
        object_id=str(granted.pk), action="recognition.suspension"
    ).get()
    assert event.actor == officer
    assert event.reason == "Certificaat geschorst door Kiwa"
    assert event.legal_ground == "Bbk art 23 lid 2 onder a"
    assert event.changes["status"] == [None, "granted"]  # after the automatic return
    assert (
        event.changes["decision"][1]
        == "suspension 2021-04-01 (effect 2021-04-01 t/m 2021-09-30, suspension_certificate)"
    )


def test_grant_needs_a_certificate_for_the_activity(
    applied: Recognition, officer: User, make_certificate: Callable[..., Certificate]
) -> None:
    applied.certificate = make_certificate(
        applied.organisation, norm="BRL SIKB 7000", number="K-7000"
    )
    applied.save()
    with pytest.raises(DomainError, match="not designated for this activity"):
        services.recognition_grant(
            actor=officer, recognition=applied, decided_on=D(2020, 2, 3), reason="x"
        )


def test_grant_needs_a_certificate_valid_on_the_effective_day(
    applied: Recognition, officer: User
) -> None:
    Certificate.objects.filter(pk=applied.certificate_id).update(state=Certificate.State.SUSPENDED)
    with pytest.raises(DomainError, match="not valid on the day"):
        services.recognition_grant(
            actor=officer, recognition=applied, decided_on=D(2020, 2, 3), reason="x"
        )


def test_grant_refuses_an_accreditation_for_a_certificate_only_activity(
    organisation: Organisation, officer: User, make_certificate: Callable[..., Certificate]
) -> None:
    remediation = Activity.objects.get(code="bodemsanering")
    accreditation = make_certificate(
        organisation, norm="BRL SIKB 7000", number="RvA-1", kind="accreditation", institution=None
    )
    recognition = services.recognition_apply(
        actor=officer,
        organisation=organisation,
        activity=remediation,
        certificate=accreditation,
        applied_on=D(2020, 1, 6),
    )
    with pytest.raises(DomainError, match="rests on a certificate"):
        services.recognition_grant(
            actor=officer, recognition=recognition, decided_on=D(2020, 2, 3), reason="x"
        )


def test_correction_keeps_what_was_shown_before(granted: Recognition, officer: User) -> None:
    """A wrong suspension end date is corrected; the register as known before still shows the old date."""
    decision = suspend(granted, officer, until=D(2021, 9, 30))
    before_correction = (
        RecognitionStatusPeriod.objects.order_by("-recorded_from").first().recorded_from
    )
    services.recognition_decision_correct(
        actor=officer,
        decision=decision,
        reason="Typefout in einddatum",
        effective_until=D(2021, 6, 30),
    )

    assert current_periods(granted)[2:] == [
        ("suspended", D(2021, 4, 1), D(2021, 7, 1)),
        ("granted", D(2021, 7, 1), None),
    ]
    veldwerk = granted.activity
    now_says = selectors.recognition_check(
        viewer=officer, kvk="12345678", activity=veldwerk, on=D(2021, 8, 1)
    )
    before_said = selectors.recognition_check(
        viewer=officer,
        kvk="12345678",
        activity=veldwerk,
        on=D(2021, 8, 1),
        known_at=before_correction,
    )
    assert (now_says.recognised, before_said.recognised) == (True, False)
    assert RecognitionDecision.objects.filter(pk=decision.pk).exists()
    assert decision.corrected_by.reason == "Typefout in einddatum"


def test_correction_that_breaks_the_rules_is_refused(granted: Recognition, officer: User) -> None:
    decision = suspend(granted, officer)
    with pytest.raises(DomainError, match="at most 2 years"):
        services.recognition_decision_correct(
            actor=officer, decision=decision, reason="x", effective_until=D(2024, 1, 1)
        )
    assert not RecognitionDecision.objects.filter(corrects=decision).exists()


def test_a_decision_can_be_corrected_only_once(granted: Recognition, officer: User) -> None:
    decision = suspend(granted, officer)
    services.recognition_decision_correct(
        actor=officer, decision=decision, reason="1", effective_until=D(2021, 8, 31)
    )
    with pytest.raises(DomainError, match="already been corrected"):
        services.recognition_decision_correct(
            actor=officer, decision=decision, reason="2", effective_until=D(2021, 7, 31)
        )


def test_person_registration_needs_a_recent_vog(granted: Recognition, officer: User) -> None:
    person = Person.objects.create(initials="J.", surname_prefix="de", surname="Vries")
    with pytest.raises(DomainError, match="not older than 6 months"):
        services.recognised_person_register(
            actor=officer,
            recognition=granted,
            person=person,
            valid_from=D(2021, 1, 4),
            vog_date=D(2020, 5, 1),
            reason="x",
        )
    registration = services.recognised_person_register(
        actor=officer,
        recognition=granted,
        person=person,
        valid_from=D(2021, 1, 4),
        vog_date=D(2020, 12, 1),
        reason="Nieuwe veldwerker",
    )
    assert registration.valid_to is None


def test_person_deregistration_keeps_the_old_row(granted: Recognition, officer: User) -> None:
    person = Person.objects.create(initials="J.", surname="Jansen")
    registration = services.recognised_person_register(
        actor=officer,
        recognition=granted,
        person=person,
        valid_from=D(2021, 1, 4),
        vog_date=D(2020, 12, 1),
        reason="x",
    )
    services.recognised_person_deregister(
        actor=officer, registration=registration, valid_to=D(2022, 1, 1), reason="Uit dienst"
    )
    rows = list(
        RecognisedPerson.objects.order_by("recorded_from").values_list("valid_to", "recorded_to")
    )
    assert rows[0][0] is None
    assert rows[0][1] is not None
    assert rows[1] == (D(2022, 1, 1), None)
    assert list(selectors.persons_on(on=D(2021, 12, 31))) != []
    assert list(selectors.persons_on(on=D(2022, 1, 1))) == []


def test_persons_only_for_activities_that_register_persons(
    organisation: Organisation, officer: User, make_certificate: Callable[..., Certificate]
) -> None:
    tanks = Activity.objects.get(code="tankinstallaties")
    recognition = services.recognition_apply(
        actor=officer,
        organisation=organisation,
        activity=tanks,
        certificate=make_certificate(organisation, norm="BRL-K903", number="K-903"),
        applied_on=D(2020, 1, 6),
    )
    with pytest.raises(DomainError, match="does not register persons"):
        services.recognised_person_register(
            actor=officer,
            recognition=recognition,
            person=Person.objects.create(initials="A.", surname="B"),
            valid_from=D(2021, 1, 4),
            vog_date=D(2021, 1, 1),
            reason="x",
        )


def test_organisation_kvk_is_validated_and_duplicates_refused(organisation: Organisation) -> None:
    with pytest.raises(DomainError, match="exactly 8 digits"):
        services.organisation_create(actor=None, name="X", kvk_number="1234567")
    with pytest.raises(DomainError, match="already registered"):
        services.organisation_create(actor=None, name="X", kvk_number="1234 5678")


def test_organisation_update_audits_old_and_new_values(
    organisation: Organisation, officer: User
) -> None:
    services.organisation_update(
        actor=officer, organisation=organisation, name="Bodemadvies Zuid-Nederland B.V."
    )
    event = AuditEvent.objects.filter(action="organisation.update").get()
    assert event.changes == {"name": ["Bodemadvies Zuid B.V.", "Bodemadvies Zuid-Nederland B.V."]}
    assert event.actor_display == "Test recognition_office"


def test_status_on_date_follows_the_calendar(granted: Recognition, officer: User) -> None:
    suspend(granted, officer)
    statuses = {
        day: selectors.recognition_check(
            viewer=None, kvk="12345678", activity=granted.activity, on=day
        ).status
        for day in (D(2020, 1, 10), D(2020, 2, 3), D(2021, 4, 1), D(2021, 10, 1))
    }
    # The public does not see applications: on 10 January 2020 there is nothing to show.
    assert statuses == {
        D(2020, 1, 10): None,
        D(2020, 2, 3): "granted",
        D(2021, 4, 1): "suspended",
        D(2021, 10, 1): "granted",
    }
    assert Status.GRANTED.value == "granted"
