"""Machine feed from certifying institutions (Bbk art 20): reports change certificates, not recognitions."""

import datetime as dt
from collections.abc import Callable

import pytest
from django.test import Client
from rest_framework.test import APIClient

from kwalibo.accounts.models import User
from kwalibo.accounts.roles import Role
from kwalibo.audit.models import AuditEvent
from kwalibo.register import selectors, services
from kwalibo.register.models import Certificate, CertifyingInstitution, Organisation, Recognition

pytestmark = pytest.mark.django_db


@pytest.fixture
def kiwa_user(institution: CertifyingInstitution) -> User:
    kiwa = services.organisation_create(
        actor=None, name="Kiwa Nederland B.V.", kvk_number="09092123"
    )
    institution.organisation = kiwa
    institution.save()
    return User.objects.create_user("kiwa", role=Role.CERTIFYING_INSTITUTION, organisation=kiwa)


@pytest.fixture
def other_ci_user(db: None) -> User:
    other = services.organisation_create(actor=None, name="Andere CI B.V.", kvk_number="11112222")
    CertifyingInstitution.objects.create(short_name="Andere CI", organisation=other)
    return User.objects.create_user("andere", role=Role.CERTIFYING_INSTITUTION, organisation=other)


def report(client: APIClient, number: str, **body: object) -> object:
    return client.post(f"/api/v1/register/certificates/{number}/reports", body, format="json")


def test_ci_reports_suspension_and_the_recognition_awaits_a_decision(
    granted: Recognition, kiwa_user: User
) -> None:
    api = APIClient()
    api.force_authenticate(kiwa_user)
    response = report(
        api,
        "K-1001",
        state="suspended",
        effective_on="2024-03-01",
        reason="Ernstige tekortkoming bij audit",
    )
    assert response.status_code == 201, response.content
    assert Certificate.objects.get(number="K-1001").state == "suspended"
    assert list(selectors.recognitions_awaiting_decision(on=dt.date(2024, 3, 2))) == [granted]
    # The recognition itself is unchanged until the recognition office decides.
    check = selectors.recognition_check(
        viewer=None, kvk="12345678", activity=granted.activity, on=dt.date(2024, 3, 2)
    )
    assert check.recognised is True
    event = AuditEvent.objects.get(action="certificate.report")
    assert (event.changes, event.legal_ground) == ({"state": ["valid", "suspended"]}, "Bbk art 20")


def test_ci_reports_a_renewal_with_new_expiry(granted: Recognition, kiwa_user: User) -> None:
    api = APIClient()
    api.force_authenticate(kiwa_user)
    response = report(
        api,
        "K-1001",
        state="valid",
        effective_on="2030-05-01",
        expires_on="2033-06-01",
        reason="Hercertificering",
    )
    assert response.status_code == 201
    assert Certificate.objects.get(number="K-1001").expires_on == dt.date(2033, 6, 1)


def test_ci_cannot_report_on_another_institutions_certificate(
    granted: Recognition, other_ci_user: User
) -> None:
    api = APIClient()
    api.force_authenticate(other_ci_user)
    response = report(api, "K-1001", state="withdrawn", effective_on="2024-03-01", reason="x")
    assert response.status_code == 404
    assert Certificate.objects.get(number="K-1001").state == "valid"
    assert not AuditEvent.objects.filter(action="certificate.report").exists()


@pytest.mark.parametrize("role", [Role.COMPANY, Role.INSPECTORATE, Role.RECOGNITION_OFFICE])
def test_other_roles_cannot_use_the_certificate_feed(
    granted: Recognition, make_user: Callable[..., User], role: str
) -> None:
    api = APIClient()
    api.force_authenticate(make_user(role, username=f"other-{role}"))
    assert (
        report(api, "K-1001", state="withdrawn", effective_on="2024-03-01", reason="x").status_code
        == 403
    )
    assert Certificate.objects.get(number="K-1001").state == "valid"


def test_anonymous_cannot_use_the_certificate_feed(granted: Recognition) -> None:
    response = report(
        APIClient(), "K-1001", state="withdrawn", effective_on="2024-03-01", reason="x"
    )
    assert response.status_code in (401, 403)


def test_report_without_reason_is_refused_with_field_error(
    granted: Recognition, kiwa_user: User
) -> None:
    api = APIClient()
    api.force_authenticate(kiwa_user)
    response = report(api, "K-1001", state="withdrawn", effective_on="2024-03-01", reason="")
    assert response.status_code == 400
    assert list(response.json()["errors"]) == ["reason"]


def test_ci_lists_only_its_own_certificates(
    granted: Recognition,
    kiwa_user: User,
    other_ci_user: User,
    make_certificate: Callable[..., Certificate],
    organisation: Organisation,
) -> None:
    make_certificate(
        organisation,
        number="X-1",
        institution=CertifyingInstitution.objects.get(short_name="Andere CI"),
    )
    api = APIClient()
    api.force_authenticate(kiwa_user)
    assert [c["number"] for c in api.get("/api/v1/register/certificates").json()["results"]] == [
        "K-1001"
    ]


def test_officer_sees_recognitions_awaiting_a_decision_in_the_back_office(
    granted: Recognition, kiwa_user: User, officer: User
) -> None:
    services.certificate_report(
        actor=kiwa_user,
        certificate=granted.certificate,
        state="withdrawn",
        effective_on=dt.date(2024, 3, 1),
        reason="Ingetrokken",
    )
    client = Client()
    client.force_login(officer)
    page = client.get("/admin/register/recognition/?awaiting=certificate")
    assert page.status_code == 200
    assert granted.number.encode() in page.content
