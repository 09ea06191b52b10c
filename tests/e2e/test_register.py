"""The public register in a real browser: search as you type, open an organisation page."""

import datetime as dt
import re

import pytest

from kwalibo.register.demo import demo_register_build
from kwalibo.register.models import Organisation

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def register(catalogue: None) -> Organisation:
    demo_register_build(organisations=40, seed=4, today=dt.date.today())  # noqa: DTZ011
    return (
        Organisation.objects.filter(
            recognitions__periods__status="granted",
            recognitions__periods__recorded_to__isnull=True,
            recognitions__periods__valid_to__isnull=True,
            institution__isnull=True,
        )
        .order_by("name")
        .first()
    )


def test_citizen_searches_the_register_and_opens_an_organisation(
    live_server, page, register: Organisation
) -> None:
    page.goto(live_server.url + "/")
    assert page.locator("html").get_attribute("lang") == "nl"
    page.get_by_label("Naam of KvK-nummer").fill(register.kvk_number)
    # htmx replaces the results while typing, without a page load.
    result = page.locator(".result h2 a", has_text=register.name)
    result.wait_for()
    assert page.locator(".result").count() == 1
    assert "1 organisatie gevonden" in page.locator(".result-count").inner_text()
    result.click()
    page.wait_for_url(re.compile(rf"/register/organisaties/{register.pk}/"))
    assert page.locator("h1").inner_text() == register.name
    assert page.locator(".recognition-table .status-granted").count() >= 1
    assert page.get_by_role("heading", name="Besluitenhistorie").is_visible()


def test_search_by_activity_and_keyboard_only_navigation(
    live_server, page, register: Organisation
) -> None:
    page.goto(live_server.url + "/")
    page.get_by_label("Werkzaamheid").select_option("veldwerk")
    page.locator(".result").first.wait_for()
    count = page.locator(".result").count()
    assert count >= 1
    # Every result on the page holds a fieldwork recognition.
    for index in range(count):
        assert "Veldwerk" in page.locator(".result").nth(index).inner_text()
    # The skip link is the first stop for keyboard users and jumps to the content.
    page.keyboard.press("Tab")
    focused = page.evaluate("document.activeElement.className")
    assert focused == "skip-link"
