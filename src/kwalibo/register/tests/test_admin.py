"""Back-office: lifecycle decisions through forms with reasons, audit of edits, least privilege."""

import datetime as dt
from collections.abc import Callable

import pytest
from django.test import Client

from kwalibo.accounts.models import User
from kwalibo.accounts.roles import Role
from kwalibo.audit.models import AuditEvent
from kwalibo.register.models import (
    Activity,
    Organisation,
    Person,
    RecognisedPerson,
    Recognition,
    RecognitionDecision,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def officer_client(officer: User) -> Client:
    client = Client()
    client.force_login(officer)
    return client


def decide_url(recognition: Recognition) -> str:
    return f"/admin/register/recognition/{recognition.pk}/decide/"


def test_officer_records_intent_with_reason(officer_client: Client, granted: Recognition) -> None:
    response = officer_client.post(
        decide_url(granted),
        {
            "kind": "intent_suspension",
            "ground": "suspension_certificate",
            "decided_on": "2021-03-01",
            "view_deadline": "2021-03-15",
            "reason": "Kiwa meldt schorsing van het certificaat",
        },
    )
    assert response.status_code == 302
    decision = RecognitionDecision.objects.get(recognition=granted, kind="intent_suspension")
    assert decision.reason == "Kiwa meldt schorsing van het certificaat"
    assert decision.decided_by.username == "user-recognition_office"


def test_decision_without_reason_is_refused_by_the_form(
    officer_client: Client, granted: Recognition
) -> None:
    count = RecognitionDecision.objects.count()
    response = officer_client.post(
        decide_url(granted),
        {
            "kind": "revocation",
            "ground": "revocation_request",
            "decided_on": "2022-01-03",
            "reason": "",
        },
    )
    assert response.status_code == 200
    assert "reason" in response.context["form"].errors
    assert RecognitionDecision.objects.count() == count


def test_illegal_transition_shows_the_domain_message_in_dutch(
    officer_client: Client, granted: Recognition
) -> None:
    response = officer_client.post(
        decide_url(granted),
        {
            "kind": "suspension",
            "ground": "suspension_certificate",
            "decided_on": "2021-04-01",
            "effective_until": "2021-09-30",
            "reason": "Zonder voornemen",
        },
    )
    assert response.status_code == 200
    [error] = response.context["form"].non_field_errors()
    assert "voornemen" in error.lower()
    assert not RecognitionDecision.objects.filter(kind="suspension").exists()


def test_ground_that_does_not_fit_the_decision_is_refused(
    officer_client: Client, granted: Recognition
) -> None:
    response = officer_client.post(
        decide_url(granted),
        {"kind": "revocation", "ground": "grant", "decided_on": "2022-01-03", "reason": "x"},
    )
    assert "ground" in response.context["form"].errors


def test_application_form_creates_recognition(
    officer_client: Client,
    organisation: Organisation,
    make_certificate: Callable,
    veldwerk: Activity,
) -> None:
    certificate = make_certificate(organisation)
    response = officer_client.post(
        "/admin/register/recognition/apply/",
        {
            "organisation": organisation.pk,
            "activity": veldwerk.pk,
            "certificate": certificate.pk,
            "applied_on": "2024-05-01",
            "reason": "Aanvraag via loket",
            "scope": "",
        },
    )
    recognition = Recognition.objects.get()
    assert response.status_code == 302
    assert recognition.activity.code == "veldwerk"
    assert recognition.decisions.get().kind == "application"


def test_correction_through_the_back_office_keeps_the_original(
    officer_client: Client, granted: Recognition
) -> None:
    grant = granted.decisions.get(kind="grant")
    response = officer_client.post(
        f"/admin/register/recognition/{granted.pk}/correct/{grant.pk}/",
        {
            "decided_on": "2020-02-10",
            "effective_from": "2020-02-10",
            "reason": "Verkeerde datum ingevoerd",
        },
    )
    assert response.status_code == 302
    assert granted.decisions.filter(kind="grant").count() == 2
    assert granted.decisions.get(corrects=grant).effective_from == dt.date(2020, 2, 10)


def test_editing_an_organisation_in_the_admin_is_audited(
    officer_client: Client, organisation: Organisation
) -> None:
    response = officer_client.post(
        f"/admin/register/organisation/{organisation.pk}/change/",
        {
            "name": "Bodemadvies Zuid-Nederland B.V.",
            "kvk_number": "12345678",
            "establishment_number": "",
            "addresses-TOTAL_FORMS": "1",
            "addresses-INITIAL_FORMS": "1",
            "addresses-MIN_NUM_FORMS": "0",
            "addresses-MAX_NUM_FORMS": "2",
            "addresses-0-id": organisation.addresses.get().pk,
            "addresses-0-organisation": organisation.pk,
            "addresses-0-kind": "visiting",
            "addresses-0-street": "Stationsweg",
            "addresses-0-house_number": "12",
            "addresses-0-postcode": "5211 AB",
            "addresses-0-city": "'s-Hertogenbosch",
        },
    )
    assert response.status_code == 302, response.context["errors"] if response.context else response
    event = AuditEvent.objects.filter(action="organisation.update").get()
    assert event.changes == {"name": ["Bodemadvies Zuid B.V.", "Bodemadvies Zuid-Nederland B.V."]}
    assert event.actor_display == "Test recognition_office"


def test_invalid_kvk_in_admin_is_refused(
    officer_client: Client, organisation: Organisation
) -> None:
    response = officer_client.post(
        "/admin/register/organisation/add/",
        {
            "name": "X",
            "kvk_number": "12AB",
            "addresses-TOTAL_FORMS": "0",
            "addresses-INITIAL_FORMS": "0",
        },
    )
    assert response.status_code == 200
    assert "kvk_number" in response.context["adminform"].form.errors
    assert Organisation.objects.count() == 1


@pytest.mark.parametrize("role", [Role.INSPECTORATE, Role.CERTIFYING_INSTITUTION, Role.COMPANY])
def test_other_roles_cannot_record_decisions(
    make_user: Callable[..., User], granted: Recognition, role: str
) -> None:
    client = Client()
    client.force_login(make_user(role))
    response = client.post(
        decide_url(granted),
        {
            "kind": "revocation",
            "ground": "revocation_request",
            "decided_on": "2022-01-03",
            "reason": "x",
        },
    )
    assert response.status_code in (302, 403)
    assert not RecognitionDecision.objects.filter(kind="revocation").exists()


def test_inspectorate_can_read_but_not_change_organisations(
    make_user: Callable[..., User], organisation: Organisation
) -> None:
    client = Client()
    client.force_login(make_user(Role.INSPECTORATE))
    assert client.get(f"/admin/register/organisation/{organisation.pk}/change/").status_code == 200
    response = client.post(
        f"/admin/register/organisation/{organisation.pk}/change/", {"name": "Gewijzigd"}
    )
    assert response.status_code == 403
    organisation.refresh_from_db()
    assert organisation.name == "Bodemadvies Zuid B.V."


def test_audit_trail_is_read_only_in_admin(
    officer_client: Client, organisation: Organisation
) -> None:
    event = AuditEvent.objects.first()
    assert officer_client.get("/admin/audit/auditevent/").status_code == 200
    assert (
        officer_client.post(
            f"/admin/audit/auditevent/{event.pk}/delete/", {"post": "yes"}
        ).status_code
        == 403
    )
    assert AuditEvent.objects.filter(pk=event.pk).exists()


def test_officer_registers_and_ends_a_person_registration(
    officer_client: Client, granted: Recognition
) -> None:
    person = Person.objects.create(initials="P.", surname="Veldman")
    page = officer_client.get(f"/admin/register/recognition/{granted.pk}/change/")
    assert f"/admin/register/recognition/{granted.pk}/persons/add/".encode() in page.content

    response = officer_client.post(
        f"/admin/register/recognition/{granted.pk}/persons/add/",
        {
            "person": person.pk,
            "valid_from": "2021-01-04",
            "vog_date": "2020-12-01",
            "reason": "Nieuwe veldwerker",
        },
    )
    assert response.status_code == 302
    registration = RecognisedPerson.objects.get(recognition=granted)

    response = officer_client.post(
        f"/admin/register/recognition/{granted.pk}/persons/{registration.pk}/end/",
        {"valid_to": "2022-01-01", "reason": "Uit dienst"},
    )
    assert response.status_code == 302
    assert list(
        RecognisedPerson.objects.filter(recorded_to__isnull=True).values_list("valid_to", flat=True)
    ) == [dt.date(2022, 1, 1)]


def test_person_with_old_vog_is_refused_in_the_back_office(
    officer_client: Client, granted: Recognition
) -> None:
    person = Person.objects.create(initials="P.", surname="Veldman")
    response = officer_client.post(
        f"/admin/register/recognition/{granted.pk}/persons/add/",
        {"person": person.pk, "valid_from": "2021-01-04", "vog_date": "2019-12-01", "reason": "x"},
    )
    assert response.status_code == 200
    assert response.context["form"].non_field_errors()
    assert not RecognisedPerson.objects.exists()
