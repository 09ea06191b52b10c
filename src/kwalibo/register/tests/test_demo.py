"""The demo register: reproducible, legal histories, usable by the services, bi-temporal."""

import datetime as dt
from io import StringIO
from zoneinfo import ZoneInfo

import pytest
from django.core.management import call_command
from django.test import Client

from kwalibo.accounts.models import User
from kwalibo.accounts.roles import Role
from kwalibo.audit.models import AuditEvent
from kwalibo.register import selectors, services
from kwalibo.register.demo import demo_register_build
from kwalibo.register.domain.lifecycle import DecisionKind, Status, replay
from kwalibo.register.models import (
    Address,
    Certificate,
    CertifyingInstitution,
    Organisation,
    Person,
    RecognisedPerson,
    Recognition,
    RecognitionDecision,
    RecognitionStatusPeriod,
)

pytestmark = pytest.mark.django_db
TODAY = dt.date(2026, 6, 1)


def register_fingerprint() -> list[tuple[str, str, str, str]]:
    return sorted(
        (r["name"], r["kvk_number"], r["activity"], r["status"])
        for r in selectors.register_export_rows(on=TODAY)
    )


def wipe_register() -> None:
    for model in (
        AuditEvent,
        RecognisedPerson,
        Person,
        RecognitionStatusPeriod,
        RecognitionDecision,
        Recognition,
        Certificate,
        CertifyingInstitution,
        Address,
        Organisation,
    ):
        model.objects.all().delete()


def test_the_same_seed_gives_the_same_register_and_another_seed_another() -> None:
    demo_register_build(organisations=30, seed=7, today=TODAY)
    first = register_fingerprint()
    wipe_register()
    demo_register_build(organisations=30, seed=7, today=TODAY)
    assert register_fingerprint() == first
    wipe_register()
    demo_register_build(organisations=30, seed=8, today=TODAY)
    assert register_fingerprint() != first


def test_stored_periods_are_what_the_state_machine_makes_of_the_stored_decisions() -> None:
    demo_register_build(organisations=60, seed=1, today=TODAY)
    for recognition in Recognition.objects.prefetch_related("decisions", "periods"):
        decisions = services.decisions_in_force(recognition)
        result = replay([services._domain_decision(d) for d in decisions])
        stored = sorted(
            (p.status, p.valid_from, p.valid_to, p.decision_id, p.automatic)
            for p in recognition.periods.all()
            if p.recorded_to is None
        )
        expected = sorted(
            (p.status.value, p.valid_from, p.valid_to, decisions[p.decision_index].pk, p.automatic)
            for p in result.periods
        )
        assert stored == expected, recognition.number


def test_demo_covers_every_status_and_registers_persons_only_where_the_law_does() -> None:
    summary = demo_register_build(organisations=200, seed=3, today=TODAY)
    assert summary.organisations == 200 + summary.institutions
    current = set(
        RecognitionStatusPeriod.objects.filter(
            recorded_to__isnull=True, valid_from__lte=TODAY
        ).values_list("status", flat=True)
    )
    assert current == {s.value for s in Status}
    assert summary.persons > 0
    assert not RecognisedPerson.objects.filter(recognition__activity__registers_persons=False)
    # Certifying institutions are in the register themselves, recognised for activity b.
    for institution in CertifyingInstitution.objects.select_related("organisation"):
        check = selectors.recognition_check(
            viewer=None,
            kvk=institution.organisation.kvk_number,
            activity=selectors.activity_get("kwaliteitsverklaringen"),
            on=TODAY,
        )
        assert check.recognised


def test_services_continue_a_demo_history() -> None:
    demo_register_build(organisations=40, seed=5, today=TODAY)
    officer = User.objects.create_user("officer", role=Role.RECOGNITION_OFFICE)
    recognition = next(
        r
        for r in Recognition.objects.order_by("number")
        if selectors.recognition_check(
            viewer=None, kvk=r.organisation.kvk_number, activity=r.activity, on=TODAY
        ).recognition
        == r
        and r.periods.filter(recorded_to__isnull=True, status="granted", valid_to__isnull=True)
        and not r.decisions.filter(kind__startswith="intent").exists()
    )
    services.recognition_intent_record(
        actor=officer,
        recognition=recognition,
        kind=DecisionKind.INTENT_SUSPENSION,
        decided_on=TODAY,
        view_deadline=TODAY + dt.timedelta(days=14),
        ground="suspension_violation",
        reason="Voornemen na inspectie",
    )
    services.recognition_suspend(
        actor=officer,
        recognition=recognition,
        decided_on=TODAY + dt.timedelta(days=15),
        until=TODAY + dt.timedelta(days=100),
        ground="suspension_violation",
        reason="Geschorst",
    )
    later = selectors.recognition_check(
        viewer=None,
        kvk=recognition.organisation.kvk_number,
        activity=recognition.activity,
        on=TODAY + dt.timedelta(days=20),
    )
    assert later.status == Status.SUSPENDED


def test_past_suspensions_are_registered_when_they_were_decided() -> None:
    """known_at before the suspension was registered still shows the recognition as granted."""
    demo_register_build(organisations=150, seed=11, today=TODAY)
    suspension = (
        RecognitionDecision.objects.filter(kind=DecisionKind.SUSPENSION)
        .select_related("recognition__organisation", "recognition__activity")
        .first()
    )
    assert suspension is not None
    recognition = suspension.recognition
    during = suspension.effective_from
    ask = {"kvk": recognition.organisation.kvk_number, "activity": recognition.activity}
    now = selectors.recognition_check(viewer=None, on=during, **ask)
    assert now.status == Status.SUSPENDED
    before = dt.datetime.combine(
        suspension.decided_on - dt.timedelta(days=1), dt.time(12), tzinfo=ZoneInfo("UTC")
    )
    earlier = selectors.recognition_check(viewer=None, on=during, known_at=before, **ask)
    assert earlier.status == Status.GRANTED


def test_command_loads_once_and_prints_working_demo_accounts(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("KWALIBO_DEMO_PASSWORD", "demo-wachtwoord-2026")
    output = StringIO()
    call_command("demo_data", "--organisations", "25", "--today", "2026-06-01", stdout=output)
    assert "Password of every demo account: demo-wachtwoord-2026" in output.getvalue()
    organisations = Organisation.objects.count()
    again = StringIO()
    call_command("demo_data", stdout=again)
    assert "left as it is" in again.getvalue()
    assert Organisation.objects.count() == organisations
    assert set(User.objects.values_list("role", flat=True)) == {r.value for r in Role}
    company = User.objects.get(role=Role.COMPANY)
    assert company.organisation is not None
    client = Client()
    response = client.post(
        "/accounts/login/", {"username": "bodemplus", "password": "demo-wachtwoord-2026"}
    )
    assert response.status_code == 302
    assert client.get("/admin/").status_code == 200
