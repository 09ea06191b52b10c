"""The passport pages: public verification, overview, confirmation, notifications, balance, map."""

import datetime as dt
from collections.abc import Callable

import pytest
from django.test import Client
from django.utils import timezone

from kwalibo.accounts.models import User
from kwalibo.passport import services
from kwalibo.passport.domain.custody import Purpose
from kwalibo.passport.models import Batch, CustodyStep, Declaration, Notification
from kwalibo.passport.tests.conftest import Parties, Sites
from kwalibo.register.models import Organisation

pytestmark = pytest.mark.django_db
EN = {"HTTP_ACCEPT_LANGUAGE": "en"}


def logged_in(user: User) -> Client:
    client = Client()
    client.force_login(user)
    return client


def test_verification_page_shows_a_valid_declaration(
    client: Client, declaration: Declaration
) -> None:
    response = client.get(f"/bodempaspoort/verificatie/{declaration.number}/", **EN)
    assert response.status_code == 200
    page = response.content.decode()
    assert 'data-valid="true"' in page
    assert '<span class="status status-valid">Valid</span>' in page
    assert "Grondwerken Oost B.V. (KvK 30000001)" in page


def test_verification_page_shows_a_withdrawn_declaration_as_not_valid(
    client: Client, declaration: Declaration, disposer: User
) -> None:
    services.declaration_withdraw(actor=disposer, declaration=declaration, reason="Analysefout")
    page = client.get(f"/bodempaspoort/verificatie/{declaration.number}/", **EN).content.decode()
    assert 'data-valid="false"' in page
    assert '<span class="status status-invalid">Not valid</span>' in page
    assert '<li data-code="withdrawn">The declaration was withdrawn on' in page


def test_unknown_number_is_shown_as_unknown_with_404(client: Client, db: None) -> None:
    response = client.get("/bodempaspoort/verificatie/MVB-2025-NOPE0-NOPE0/", **EN)
    assert response.status_code == 404
    assert 'data-valid="false"' in response.content.decode()


def test_lookup_form_redirects_to_the_verification_page(client: Client, db: None) -> None:
    response = client.get("/bodempaspoort/verificatie/", {"number": " mvb-2025-abcde-fghij "})
    assert response.status_code == 302
    assert response["Location"] == "/bodempaspoort/verificatie/MVB-2025-ABCDE-FGHIJ/"


def test_declaration_page_shows_the_qr_code_and_lets_the_issuer_withdraw(
    declaration: Declaration, disposer: User
) -> None:
    client = logged_in(disposer)
    page = client.get(f"/bodempaspoort/mvb/{declaration.number}/", **EN).content.decode()
    assert "<svg" in page
    assert f"http://testserver/bodempaspoort/verificatie/{declaration.number}/" in page
    response = client.post(
        f"/bodempaspoort/mvb/{declaration.number}/", {"reason": "Verkeerde partij"}
    )
    assert response.status_code == 302
    assert Declaration.objects.get(pk=declaration.pk).status == "withdrawn"


def test_pages_need_a_login(client: Client, db: None) -> None:
    for url in [
        "/bodempaspoort/",
        "/bodempaspoort/meldingen/",
        "/bodempaspoort/balans/",
        "/bodempaspoort/kaart/",
    ]:
        response = client.get(url)
        assert response.status_code == 302
        assert response["Location"].startswith("/accounts/login/")


def test_the_next_party_confirms_its_step_on_the_consignment_page(
    declaration: Declaration, batch: Batch, disposer: User, sites: Sites, parties: Parties,
    user_of: Callable[[Organisation], User],
) -> None:  # fmt: skip
    consignment = services.consignment_plan(
        actor=disposer, batch=batch, from_site=sites.origin, to_site=sites.processing,
        purpose=Purpose.PROCESSING, quantity_m3="10", planned_on=dt.date(2025, 3, 18),
        transporter_kvks=["30000004"], receiver_kvk="30000006",
    )  # fmt: skip
    overview = logged_in(disposer).get("/bodempaspoort/", **EN).content.decode()
    assert f"/bodempaspoort/zendingen/{consignment.number}/" in overview
    url = f"/bodempaspoort/zendingen/{consignment.number}/"
    transporter = logged_in(user_of(parties.transporter))
    assert "Confirm your step" not in transporter.get(url, **EN).content.decode()
    response = logged_in(disposer).post(
        url, {"action": "confirm", "quantity_m3": "10", "occurred_on": "2025-03-18"}
    )
    assert response.status_code == 302
    assert CustodyStep.objects.get(consignment=consignment, sequence=0).confirmed_at is not None
    assert "Confirm your step" in transporter.get(url, **EN).content.decode()


def test_notification_form_shows_the_refusal_reasons(
    declaration: Declaration, batch: Batch, disposer: User, sites: Sites
) -> None:
    response = logged_in(disposer).post(
        "/bodempaspoort/meldingen/",
        {"kind": "temporary_storage", "batch": batch.number, "site": sites.storage.pk,
         "starts_on": "2025-03-17", "quantity_m3": "10", "duration_days": ""},
        **EN,
    )  # fmt: skip
    page = response.content.decode()
    assert response.status_code == 200
    assert '<li data-field="starts_on">Too late: for a start on 2025-03-17' in page
    assert (
        '<li data-field="duration_days">Missing: planned duration (Bbk art 42, lid 3).</li>' in page
    )
    assert Notification.objects.count() == 0


def test_authority_sees_notifications_but_cannot_file(
    declaration: Declaration, batch: Batch, disposer: User, sites: Sites, authority: User
) -> None:
    start = timezone.localdate() + dt.timedelta(days=14)
    notification = services.notification_file(
        actor=disposer, kind="temporary_storage", batch=batch, site=sites.storage,
        starts_on=start, quantity_m3="50", duration_days=30,
    )  # fmt: skip
    client = logged_in(authority)
    page = client.get("/bodempaspoort/meldingen/", **EN).content.decode()
    assert notification.number in page
    assert "File a notification" not in page
    assert client.post("/bodempaspoort/meldingen/", {}).status_code == 403


def test_balance_and_map_pages_render_with_their_data(
    declaration: Declaration, authority: User
) -> None:
    client = logged_in(authority)
    balance = client.get("/bodempaspoort/balans/", **EN).content.decode()
    assert '<th scope="row">Bouwput Stationsplein</th><td>120.000</td>' in balance
    page = client.get("/bodempaspoort/kaart/", **EN).content.decode()
    assert 'data-features="/api/v1/soil-flows/map"' in page
    assert "/static/passport/leaflet/leaflet.js" in page
    assert "<td>Bouwput Stationsplein</td>" in page
