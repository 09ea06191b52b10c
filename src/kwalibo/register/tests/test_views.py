"""Public register pages: search, organisation page on a reference date, exports."""

import csv
import datetime as dt
import io
import json

import pytest
from django.core.cache import cache
from django.test import Client

from kwalibo.accounts.models import User
from kwalibo.register import services
from kwalibo.register.domain.lifecycle import DecisionKind
from kwalibo.register.models import Organisation, Person, Recognition

from .conftest import GRANTED_ON

pytestmark = pytest.mark.django_db


@pytest.fixture
def english(client: Client) -> Client:
    client.defaults["HTTP_ACCEPT_LANGUAGE"] = "en"
    return client


@pytest.fixture
def suspended(granted: Recognition, officer: User) -> Recognition:
    """Suspended from 1 June to 30 September 2021 after an intent of 3 May."""
    services.recognition_intent_record(
        actor=officer,
        recognition=granted,
        kind=DecisionKind.INTENT_SUSPENSION,
        decided_on=dt.date(2021, 5, 3),
        view_deadline=dt.date(2021, 5, 17),
        ground="suspension_certificate",
        reason="Certificaat geschorst door de CI",
    )
    services.recognition_suspend(
        actor=officer,
        recognition=granted,
        decided_on=dt.date(2021, 6, 1),
        until=dt.date(2021, 9, 30),
        ground="suspension_certificate",
        reason="Certificaat geschorst door de CI",
    )
    return granted


def test_search_finds_by_name_and_shows_status_in_dutch(
    client: Client, granted: Recognition
) -> None:
    response = client.get("/", {"q": "bodemadvies"})
    html = response.content.decode()
    assert response.status_code == 200
    assert "Bodemadvies Zuid B.V." in html
    assert "Veldwerk" in html
    assert 'class="status status-granted"' in html


def test_search_on_a_date_before_the_grant_finds_nothing(
    english: Client, granted: Recognition
) -> None:
    response = english.get("/", {"q": "12345678", "on": "2019-12-31"})
    assert "0 organisations found" in response.content.decode()
    response = english.get("/", {"q": "12345678", "on": GRANTED_ON.isoformat()})
    assert "1 organisation found" in response.content.decode()


def test_htmx_search_returns_only_the_results(client: Client, granted: Recognition) -> None:
    response = client.get("/", {"q": "Zuid"}, HTTP_HX_REQUEST="true")
    html = response.content.decode()
    assert "Bodemadvies Zuid B.V." in html
    assert "<html" not in html


def test_organisation_page_shows_recognition_persons_and_public_history(
    english: Client, granted: Recognition, officer: User
) -> None:
    person = Person.objects.create(initials="J.", surname_prefix="van", surname="Dijk")
    services.recognised_person_register(
        actor=officer,
        recognition=granted,
        person=person,
        valid_from=GRANTED_ON,
        vog_date=GRANTED_ON - dt.timedelta(days=30),
        reason="Bij verlening",
    )
    response = english.get(f"/register/organisaties/{granted.organisation_id}/")
    html = response.content.decode()
    assert response.status_code == 200
    assert granted.number in html
    assert "Fieldwork for soil investigation" in html
    assert "J. van Dijk" in html
    assert "BRL SIKB 2000" in html
    assert "Stationsweg 12" in html
    # The public sees the decision but not its reason.
    assert "Bbk art 9 en 11 lid 2" in html
    assert "Voldoet aan de eisen" not in html


def test_organisation_page_on_a_date_in_a_suspension_shows_it_with_its_last_day(
    english: Client, suspended: Recognition
) -> None:
    url = f"/register/organisaties/{suspended.organisation_id}/"
    during = english.get(url, {"op": "2021-07-01"}).content.decode()
    assert 'class="status status-suspended"' in during
    assert "until 30 September 2021" in during
    after = english.get(url, {"op": "2021-10-01"}).content.decode()
    assert 'class="status status-granted"' in after
    today = english.get(url, {"op": "2021-02-30"}).content.decode()  # not a date: today
    assert 'class="status status-granted"' in today


def test_staff_see_reasons_on_the_organisation_page(officer: User, suspended: Recognition) -> None:
    client = Client()
    client.force_login(officer)
    html = client.get(f"/register/organisaties/{suspended.organisation_id}/").content.decode()
    assert "Certificaat geschorst door de CI" in html


def test_organisation_with_only_an_application_is_not_public(
    client: Client, applied: Recognition
) -> None:
    response = client.get(f"/register/organisaties/{applied.organisation_id}/")
    assert response.status_code == 404


def test_csv_and_json_exports_hold_the_current_register(
    client: Client, granted: Recognition, organisation: Organisation
) -> None:
    response = client.get("/register/export.csv")
    rows = list(csv.DictReader(io.StringIO(b"".join(response.streaming_content).decode())))
    assert [(r["recognition_number"], r["kvk_number"], r["status"]) for r in rows] == [
        (granted.number, "12345678", "granted")
    ]
    response = client.get("/register/export.json")
    data = json.loads(b"".join(response.streaming_content))
    assert [d["activity"] for d in data] == ["veldwerk"]


def test_public_pages_and_exports_are_rate_limited_per_ip(
    english: Client, granted: Recognition, settings
) -> None:
    settings.RATE_EXPORTS = "2/m"
    cache.clear()
    try:
        codes = [english.get("/register/export.csv").status_code for _ in range(3)]
        assert codes == [200, 200, 429]
        limited = english.get("/register/export.json")
        assert limited.status_code == 429
        assert "Too many requests" in limited.content.decode()
        assert limited["Retry-After"] == "60"
        # Another client (IP) is not affected.
        other = english.get("/register/export.csv", REMOTE_ADDR="10.1.2.3")
        assert other.status_code == 200
    finally:
        cache.clear()
