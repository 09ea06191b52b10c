"""The public verification page of a declaration (the QR code's target) in a real browser."""

import datetime as dt
from decimal import Decimal

import pytest

from kwalibo.accounts.models import User
from kwalibo.accounts.roles import Role
from kwalibo.passport import services
from kwalibo.passport.models import Declaration
from kwalibo.register import services as register
from kwalibo.register.models import (
    Activity,
    Certificate,
    CertifyingInstitution,
    NormDocument,
    Organisation,
)

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


def _organisation(name: str, kvk: str) -> Organisation:
    return register.organisation_create(
        actor=None, name=name, kvk_number=kvk, street="Industrieweg", house_number="4",
        postcode="7511AB", city="Enschede",
    )  # fmt: skip


def _recognised(organisation: Organisation, code: str, norm: str, kind: str) -> None:
    certificate = Certificate.objects.create(
        number=f"K-{organisation.kvk_number}",
        kind=kind,
        holder=organisation,
        norm_document=NormDocument.objects.get(code=norm),
        institution=None
        if kind == "accreditation"
        else CertifyingInstitution.objects.get_or_create(short_name="Certibo")[0],
        issued_on=dt.date(2019, 6, 1),
        expires_on=dt.date(2030, 6, 1),
    )
    recognition = register.recognition_apply(
        actor=None, organisation=organisation, activity=Activity.objects.get(code=code),
        certificate=certificate, applied_on=dt.date(2020, 1, 6),
    )  # fmt: skip
    register.recognition_grant(
        actor=None, recognition=recognition, decided_on=dt.date(2020, 2, 3), reason="Voldoet"
    )


def declaration_issued() -> tuple[Declaration, User]:
    """A signed declaration of a batch inspected by a recognised sampler and laboratory."""
    disposer = _organisation("Grondwerken Oost B.V.", "30000001")
    _recognised(
        _organisation("Bodemadvies Zuid B.V.", "30000002"),
        "monsterneming-partijkeuring",
        "BRL SIKB 1000",
        "certificate",
    )
    _recognised(
        _organisation("Analytico Milieulab B.V.", "30000003"),
        "analyse-bouwstoffen-grond",
        "AP 04-SG",
        "accreditation",
    )
    user = User.objects.create_user(
        username="grondwerken", role=Role.COMPANY, organisation=disposer
    )
    site = services.site_register(
        actor=user, name="Bouwput Stationsplein", kind="excavation", frame="grond",
        address="Stationsplein 1", municipality="Enschede", x_rd=258000, y_rd=471000,
    )  # fmt: skip
    batch = services.batch_register(
        actor=user, origin_site=site, material="grond", volume_m3=Decimal("120"),
        declaration_type="partijkeuring_grond",
    )  # fmt: skip
    services.batch_assessment_record(
        actor=user, batch=batch,
        result=services.AssessmentResult("grond", "wonen", "Rbk 2015", {}, "AM-2025-0311"),
        sampler_kvk="30000002", laboratory_kvk="30000003",
        sampled_on=dt.date(2025, 3, 3), analysed_on=dt.date(2025, 3, 5),
    )  # fmt: skip
    return services.declaration_issue(actor=user, batch=batch, issued_on=dt.date(2025, 3, 7)), user


@pytest.fixture
def english_page(browser: object):  # type: ignore[no-untyped-def]
    context = browser.new_context(locale="en-GB")  # type: ignore[attr-defined]
    page = context.new_page()
    page.set_default_timeout(10_000)
    yield page
    context.close()


def test_verification_page_of_a_withdrawn_declaration_shows_it_as_not_valid(
    live_server, english_page, catalogue
) -> None:
    declaration, user = declaration_issued()
    services.declaration_withdraw(
        actor=user, declaration=declaration, reason="Monster van een andere partij"
    )
    english_page.goto(f"{live_server.url}/bodempaspoort/verificatie/{declaration.number}/")
    verdict = english_page.locator("section.verdict")
    assert verdict.get_attribute("data-valid") == "false"
    assert "verdict-invalid" in (verdict.get_attribute("class") or "")
    assert verdict.locator(".status-invalid").inner_text() == "Not valid"
    assert (
        verdict.locator("li[data-code='withdrawn']")
        .inner_text()
        .startswith("The declaration was withdrawn on")
    )
    assert verdict.locator(".status-valid").count() == 0


def test_a_valid_declaration_is_found_by_its_number_and_shown_as_valid(
    live_server, page, catalogue
) -> None:
    declaration, _ = declaration_issued()
    page.goto(f"{live_server.url}/bodempaspoort/verificatie/")
    page.locator("input[name=number]").fill(declaration.number.lower())
    page.locator("form.search-form button[type=submit]").click()
    page.wait_for_url(f"**/bodempaspoort/verificatie/{declaration.number}/")
    verdict = page.locator("section.verdict")
    assert verdict.get_attribute("data-valid") == "true"
    assert verdict.locator(".status-valid").count() == 1
    assert page.locator("html").get_attribute("lang") == "nl"
