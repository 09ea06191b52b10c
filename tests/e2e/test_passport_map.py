"""The soil-flow map in a real browser, offline: without PDOK tiles it still shows sites and flows."""

import datetime as dt
from decimal import Decimal

import pytest
from django.conf import settings
from django.test import Client

from kwalibo.accounts.models import User
from kwalibo.accounts.roles import Role
from kwalibo.passport import services
from kwalibo.passport.domain.custody import Purpose
from tests.e2e.test_passport_verification import _organisation, _recognised, declaration_issued

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


def test_map_draws_sites_and_flows_and_says_when_the_background_is_missing(
    live_server, page, catalogue
) -> None:
    declaration, user = declaration_issued()
    processor = _organisation("Grondreiniging Delta B.V.", "30000006")
    _recognised(processor, "bewerking-grond", "BRL SIKB 7500", "certificate")
    _organisation("Transport Van Dijk B.V.", "30000004")
    plant = services.site_register(
        actor=user, name="Reinigingsinstallatie Botlek", kind="processing", frame="grond",
        address="Botlekweg 100", municipality="Rotterdam", x_rd=76200, y_rd=436400,
    )  # fmt: skip
    services.consignment_plan(
        actor=user, batch=declaration.batch, from_site=declaration.batch.origin_site, to_site=plant,
        purpose=Purpose.PROCESSING, quantity_m3=Decimal("40"), planned_on=dt.date(2025, 3, 18),
        transporter_kvks=["30000004"], receiver_kvk="30000006",
    )  # fmt: skip
    inspector = User.objects.create_user(username="ilt", role=Role.INSPECTORATE)
    client = Client()
    client.force_login(inspector)
    page.context.add_cookies(
        [
            {
                "name": settings.SESSION_COOKIE_NAME,
                "value": client.cookies[settings.SESSION_COOKIE_NAME].value,
                "url": live_server.url,
            }
        ]
    )
    # No internet in tests: every background tile request fails.
    page.route("https://service.pdok.nl/**", lambda route: route.abort())
    page.goto(f"{live_server.url}/bodempaspoort/kaart/")
    page.wait_for_function("document.getElementById('soil-map').dataset.loaded !== undefined")
    assert page.locator("#soil-map").get_attribute("data-loaded") == "3"  # two sites, one flow
    assert page.locator("#soil-map path.leaflet-interactive").count() == 3
    page.locator("#map-notice").wait_for(state="visible")
    page.locator("#soil-map path.leaflet-interactive").first.click(force=True)  # the flow line
    assert page.locator(".leaflet-popup-content").inner_text() == (
        "Bouwput Stationsplein → Reinigingsinstallatie Botlek\n40.000 m³ (1)"
    )
    assert page.locator("table.sites tbody tr").count() == 2
