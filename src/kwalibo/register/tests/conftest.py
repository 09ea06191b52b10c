"""Fixtures for register tests: a small register built through the services."""

import datetime as dt
from collections.abc import Callable

import pytest

from kwalibo.accounts.models import User
from kwalibo.accounts.roles import BACK_OFFICE_ROLES, Role
from kwalibo.register import services
from kwalibo.register.models import (
    Activity,
    Certificate,
    CertifyingInstitution,
    NormDocument,
    Organisation,
    Recognition,
)

GRANTED_ON = dt.date(2020, 2, 3)


@pytest.fixture
def make_user(db: None) -> Callable[..., User]:
    def make(role: str = Role.RECOGNITION_OFFICE, username: str | None = None) -> User:
        return User.objects.create_user(
            username=username or f"user-{role}",
            password="correct horse battery staple",
            role=role,
            is_staff=role in BACK_OFFICE_ROLES,
            first_name="Test",
            last_name=str(role),
        )

    return make


@pytest.fixture
def officer(make_user: Callable[..., User]) -> User:
    """A recognition officer (Bodem+) who takes decisions."""
    return make_user(Role.RECOGNITION_OFFICE)


@pytest.fixture
def veldwerk(db: None) -> Activity:
    return Activity.objects.get(code="veldwerk")


@pytest.fixture
def institution(db: None) -> CertifyingInstitution:
    return CertifyingInstitution.objects.create(short_name="Kiwa")


@pytest.fixture
def organisation(db: None) -> Organisation:
    return services.organisation_create(
        actor=None,
        name="Bodemadvies Zuid B.V.",
        kvk_number="12345678",
        street="Stationsweg",
        house_number="12",
        postcode="5211AB",
        city="'s-Hertogenbosch",
    )


@pytest.fixture
def make_certificate(institution: CertifyingInstitution) -> Callable[..., Certificate]:
    def make(
        holder: Organisation, norm: str = "BRL SIKB 2000", number: str = "K-1001", **extra: object
    ) -> Certificate:
        values = {
            "number": number,
            "holder": holder,
            "norm_document": NormDocument.objects.get(code=norm),
            "institution": institution,
            "issued_on": dt.date(2019, 6, 1),
            "expires_on": dt.date(2030, 6, 1),
        } | extra
        return Certificate.objects.create(**values)

    return make


@pytest.fixture
def applied(
    organisation: Organisation,
    veldwerk: Activity,
    make_certificate: Callable[..., Certificate],
    officer: User,
) -> Recognition:
    """An application for fieldwork (veldwerk), based on a BRL SIKB 2000 certificate."""
    return services.recognition_apply(
        actor=officer,
        organisation=organisation,
        activity=veldwerk,
        certificate=make_certificate(organisation),
        applied_on=dt.date(2020, 1, 6),
    )


@pytest.fixture
def granted(applied: Recognition, officer: User) -> Recognition:
    """A recognition for fieldwork granted on 3 February 2020."""
    services.recognition_grant(
        actor=officer, recognition=applied, decided_on=GRANTED_ON, reason="Voldoet aan de eisen"
    )
    return applied
