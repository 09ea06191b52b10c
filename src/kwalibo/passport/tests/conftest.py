"""Fixtures for passport tests: a small register with recognised parties, sites and a batch.

Everything is built through the services of the register and the passport, as users would.
"""

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal

import pytest

from kwalibo.accounts.models import User
from kwalibo.accounts.roles import Role
from kwalibo.passport import services
from kwalibo.passport.domain.declarations import DeclarationType, Material
from kwalibo.passport.models import Batch, Declaration, Site
from kwalibo.register import services as register
from kwalibo.register.models import (
    Activity,
    Certificate,
    CertifyingInstitution,
    NormDocument,
    Organisation,
)

GRANTED_ON = dt.date(2020, 2, 3)
SAMPLED_ON = dt.date(2025, 3, 3)
ANALYSED_ON = dt.date(2025, 3, 5)


def application_check_available() -> None:
    """Skip until the toetsing engine's application check is in the tree."""
    pytest.importorskip("kwalibo.assessments.domain.application")


@dataclass
class Parties:
    disposer: Organisation
    sampler: Organisation
    laboratory: Organisation
    transporter: Organisation
    applier: Organisation
    processor: Organisation
    soil_bank: Organisation
    unrecognised_lab: Organisation


@pytest.fixture
def recognise(db: None) -> Callable[..., None]:
    institution = CertifyingInstitution.objects.create(short_name="Certibo")
    counter = iter(range(1000, 9999))

    def grant(
        organisation: Organisation, code: str, norm: str, *, accreditation: bool = False
    ) -> None:
        activity = Activity.objects.get(code=code)
        certificate = Certificate.objects.create(
            number=f"K-{next(counter)}",
            kind="accreditation" if accreditation else "certificate",
            holder=organisation,
            norm_document=NormDocument.objects.get(code=norm),
            institution=None if accreditation else institution,
            issued_on=dt.date(2019, 6, 1),
            expires_on=dt.date(2030, 6, 1),
        )
        recognition = register.recognition_apply(
            actor=None,
            organisation=organisation,
            activity=activity,
            certificate=certificate,
            applied_on=dt.date(2020, 1, 6),
        )
        register.recognition_grant(
            actor=None, recognition=recognition, decided_on=GRANTED_ON, reason="Voldoet"
        )

    return grant


def _organisation(name: str, kvk: str, city: str = "Enschede") -> Organisation:
    return register.organisation_create(
        actor=None,
        name=name,
        kvk_number=kvk,
        street="Industrieweg",
        house_number="4",
        postcode="7511AB",
        city=city,
    )


@pytest.fixture
def parties(recognise: Callable[..., None]) -> Parties:
    found = Parties(
        disposer=_organisation("Grondwerken Oost B.V.", "30000001"),
        sampler=_organisation("Bodemadvies Zuid B.V.", "30000002", "Eindhoven"),
        laboratory=_organisation("Analytico Milieulab B.V.", "30000003", "Deventer"),
        transporter=_organisation("Transport Van Dijk B.V.", "30000004", "Hengelo"),
        applier=_organisation("Infra Noord B.V.", "30000005", "Zwolle"),
        processor=_organisation("Grondreiniging Delta B.V.", "30000006", "Rotterdam"),
        soil_bank=_organisation("Grondbank Twente B.V.", "30000007", "Hengelo"),
        unrecognised_lab=_organisation("Lab Zonder Erkenning B.V.", "30000008", "Almelo"),
    )
    recognise(found.sampler, "monsterneming-partijkeuring", "BRL SIKB 1000")
    recognise(found.laboratory, "analyse-bouwstoffen-grond", "AP 04-SG", accreditation=True)
    recognise(found.processor, "bewerking-grond", "BRL SIKB 7500")
    recognise(found.soil_bank, "samenvoegen-partijen", "BRL 9335")
    return found


@pytest.fixture
def user_of(db: None) -> Callable[[Organisation], User]:
    def make(organisation: Organisation, role: str = Role.COMPANY) -> User:
        existing = User.objects.filter(username=f"user-{organisation.kvk_number}-{role}").first()
        if existing is not None:
            return existing
        return User.objects.create_user(
            username=f"user-{organisation.kvk_number}-{role}",
            password="correct horse battery staple",
            role=role,
            organisation=organisation,
        )

    return make


@pytest.fixture
def authority(db: None) -> User:
    """A user of an environmental service (competent authority)."""
    return User.objects.create_user(
        username="omgevingsdienst",
        password="correct horse battery staple",
        role=Role.ENVIRONMENTAL_SERVICE,
    )


@pytest.fixture
def disposer(parties: Parties, user_of: Callable[[Organisation], User]) -> User:
    return user_of(parties.disposer)


@dataclass
class Sites:
    origin: Site
    application: Site
    storage: Site
    processing: Site


@pytest.fixture
def sites(disposer: User, parties: Parties) -> Sites:
    def site(name: str, kind: str, x: float, y: float, **extra: str) -> Site:
        return services.site_register(
            actor=disposer,
            name=name,
            kind=kind,
            frame="grond",
            address=f"{name} 1",
            municipality=extra.pop("municipality", "Enschede"),
            x_rd=x,
            y_rd=y,
            **extra,
        )

    return Sites(
        origin=site("Bouwput Stationsplein", "excavation", 258000, 471000),
        application=site(
            "Geluidswal A35", "application", 251000, 476000,
            municipality="Hengelo", function_class="industrie", quality_class="wonen",
        ),
        storage=site(
            "Depot Twentekanaal", "storage", 249000, 474000, operator_kvk="30000007", quality_class="industrie"
        ),
        processing=site("Reinigingsinstallatie Botlek", "processing", 76000, 436000, municipality="Rotterdam"),
    )  # fmt: skip


@pytest.fixture
def batch(disposer: User, sites: Sites) -> Batch:
    """120 m³ of soil of class wonen, batch-inspected in March 2025."""
    registered = services.batch_register(
        actor=disposer,
        origin_site=sites.origin,
        material=Material.SOIL,
        volume_m3=Decimal("120"),
        mass_tonnes=Decimal("204"),
        declaration_type=DeclarationType.BATCH_INSPECTION_SOIL,
        excavated_on=dt.date(2025, 2, 24),
    )
    return services.batch_assessment_record(
        actor=disposer,
        batch=registered,
        result=services.AssessmentResult(
            frame="grond",
            quality_class="wonen",
            rule_set="Rbk 2015 Bijlage B tabel 1",
            explanation={"verdicts": [{"sample": "MM1", "class": "wonen"}]},
            lab_report_reference="AM-2025-0311",
        ),
        sampler_kvk="30000002",
        laboratory_kvk="30000003",
        sampled_on=SAMPLED_ON,
        analysed_on=ANALYSED_ON,
    )


@pytest.fixture
def declaration(disposer: User, batch: Batch) -> Declaration:
    return services.declaration_issue(actor=disposer, batch=batch, issued_on=dt.date(2025, 3, 7))
