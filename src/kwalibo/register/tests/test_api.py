"""Public register API: search, check on a date, activity catalogue, errors, rate limit."""

import datetime as dt
import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from rest_framework.test import APIClient

from kwalibo.accounts.models import User
from kwalibo.accounts.roles import Role
from kwalibo.api.tests.throttling import throttle_rates
from kwalibo.register import services
from kwalibo.register.domain.lifecycle import DecisionKind
from kwalibo.register.models import Activity, Organisation, Recognition

pytestmark = pytest.mark.django_db
D = dt.date


@pytest.fixture
def api() -> APIClient:
    return APIClient()


def check(api: APIClient, **params: str) -> dict:
    response = api.get("/api/v1/register/check", params)
    assert response.status_code == 200, response.content
    return response.json()


def test_check_says_recognised_on_a_date_after_the_grant(
    api: APIClient, granted: Recognition
) -> None:
    body = check(api, kvk="12345678", activity="veldwerk", on="2020-02-03")
    assert body["recognised"] is True
    assert body["organisation"]["name"] == "Bodemadvies Zuid B.V."
    assert body["recognition"]["number"] == granted.number
    assert body["recognition"]["status"] == "granted"
    assert body["recognition"]["status_since"] == "2020-02-03"
    assert body["recognition"]["certificate"]["norm_document"] == "BRL SIKB 2000"


def test_check_says_not_recognised_before_the_grant(api: APIClient, granted: Recognition) -> None:
    """BP-ZOEK: work done before the recognition took effect is not acceptable evidence."""
    body = check(api, kvk="12345678", activity="veldwerk", on="2020-02-02")
    assert body["recognised"] is False
    assert body["recognition"] is None
    assert body["organisation"]["kvk_number"] == "12345678"


def test_check_during_suspension_gives_status_and_end(
    api: APIClient, granted: Recognition, officer: User
) -> None:
    services.recognition_intent_record(
        actor=officer,
        recognition=granted,
        kind=DecisionKind.INTENT_SUSPENSION,
        decided_on=D(2021, 3, 1),
        view_deadline=D(2021, 3, 15),
        ground="suspension_certificate",
        reason="Certificaat geschorst",
    )
    services.recognition_suspend(
        actor=officer,
        recognition=granted,
        decided_on=D(2021, 4, 1),
        until=D(2021, 9, 30),
        ground="suspension_certificate",
        reason="Certificaat geschorst",
    )
    body = check(api, kvk="12345678", activity="veldwerk", on="2021-05-01")
    assert (
        body["recognised"],
        body["recognition"]["status"],
        body["recognition"]["status_until"],
    ) == (False, "suspended", "2021-09-30")
    assert check(api, kvk="12345678", activity="veldwerk", on="2021-10-01")["recognised"] is True


def test_check_for_another_activity_is_not_recognised(api: APIClient, granted: Recognition) -> None:
    body = check(api, kvk="12345678", activity="bodemsanering", on="2024-01-01")
    assert body["recognised"] is False


def test_check_of_unknown_kvk_has_no_organisation(api: APIClient, granted: Recognition) -> None:
    body = check(api, kvk="87654321", activity="veldwerk")
    assert (body["recognised"], body["organisation"]) == (False, None)


def test_check_defaults_to_today(api: APIClient, granted: Recognition) -> None:
    body = check(api, kvk="12345678", activity="veldwerk")
    assert body["on"] == timezone.localdate().isoformat()
    assert body["recognised"] is True


def test_public_check_does_not_reveal_pending_applications(
    api: APIClient, applied: Recognition, officer: User
) -> None:
    assert check(api, kvk="12345678", activity="veldwerk", on="2020-01-10")["recognition"] is None
    api.force_authenticate(User.objects.create_user("ilt", role=Role.INSPECTORATE))
    assert (
        check(api, kvk="12345678", activity="veldwerk", on="2020-01-10")["recognition"]["status"]
        == "applied"
    )


@pytest.mark.parametrize(
    ("params", "field"),
    [
        ({"kvk": "1234567", "activity": "veldwerk"}, "kvk"),
        ({"kvk": "12345678", "activity": "graven"}, "activity"),
        ({"kvk": "12345678", "activity": "veldwerk", "on": "31-02-2024"}, "on"),
        ({"activity": "veldwerk"}, "kvk"),
    ],
)
def test_check_with_bad_input_names_the_field(
    api: APIClient, params: dict, field: str, granted: Recognition
) -> None:
    response = api.get("/api/v1/register/check", params)
    assert response.status_code == 400
    body = response.json()
    assert body["detail"] == "Ongeldige invoer."  # Dutch first, the default language
    assert list(body["errors"]) == [field]


def test_check_as_known_at_an_earlier_moment(
    api: APIClient, granted: Recognition, officer: User
) -> None:
    moment = Recognition.objects.get(pk=granted.pk).periods.latest("recorded_from").recorded_from
    services.recognition_revoke(
        actor=officer,
        recognition=granted,
        decided_on=D(2022, 1, 3),
        ground="revocation_request",
        reason="Op verzoek",
    )
    assert check(api, kvk="12345678", activity="veldwerk", on="2022-06-01")["recognised"] is False
    earlier = check(
        api, kvk="12345678", activity="veldwerk", on="2022-06-01", known_at=moment.isoformat()
    )
    assert earlier["recognised"] is True


def test_organisations_search_by_activity_and_date(api: APIClient, granted: Recognition) -> None:
    body = api.get(
        "/api/v1/register/organisations", {"activity": "veldwerk", "on": "2021-01-01"}
    ).json()
    assert body["count"] == 1
    [organisation] = body["results"]
    assert organisation["kvk_number"] == "12345678"
    assert organisation["address"]["city"] == "'s-Hertogenbosch"
    assert [(r["activity"], r["status"]) for r in organisation["recognitions"]] == [
        ("veldwerk", "granted")
    ]
    assert (
        api.get(
            "/api/v1/register/organisations", {"activity": "veldwerk", "on": "2020-01-01"}
        ).json()["count"]
        == 0
    )
    assert (
        api.get("/api/v1/register/organisations", {"activity": "bodemsanering"}).json()["count"]
        == 0
    )


def test_organisations_search_by_name_kvk_place(api: APIClient, granted: Recognition) -> None:
    for params in ({"search": "advies zuid"}, {"search": "1234"}, {"place": "'s-hertogenbosch"}):
        assert api.get("/api/v1/register/organisations", params).json()["count"] == 1, params
    for params in ({"search": "Grondbank"}, {"search": "9999"}, {"place": "Utrecht"}):
        assert api.get("/api/v1/register/organisations", params).json()["count"] == 0, params


def test_organisations_list_query_count_does_not_grow_with_results(
    api: APIClient, veldwerk: Activity, officer: User, make_certificate
) -> None:
    def add(n: int) -> None:
        organisation = services.organisation_create(
            actor=None,
            name=f"Veldwerk {n}",
            kvk_number=f"{20000000 + n}",
            street="Dorpsstraat",
            house_number=str(n),
            postcode="3511AA",
            city="Utrecht",
        )
        recognition = services.recognition_apply(
            actor=officer,
            organisation=organisation,
            activity=veldwerk,
            certificate=make_certificate(organisation, number=f"K-{n}"),
            applied_on=D(2020, 1, 6),
        )
        services.recognition_grant(
            actor=officer, recognition=recognition, decided_on=D(2020, 2, 3), reason="ok"
        )

    add(1)
    with CaptureQueriesContext(connection) as one:
        assert api.get("/api/v1/register/organisations").json()["count"] == 1
    for n in range(2, 7):
        add(n)
    with CaptureQueriesContext(connection) as six:
        assert api.get("/api/v1/register/organisations").json()["count"] == 6
    assert len(six) == len(one)


def test_activities_have_stable_codes(api: APIClient) -> None:
    body = api.get("/api/v1/register/activities").json()
    assert len(body) == 22
    veldwerk = next(a for a in body if a["code"] == "veldwerk")
    assert (veldwerk["letter"], veldwerk["basis"], veldwerk["registers_persons"]) == (
        "l",
        "either",
        True,
    )
    assert "BRL SIKB 2000" in veldwerk["norm_documents"]


def throttled(rates: dict[str, str], call) -> list:
    """Run `call` under these throttle rates and restore the configured ones afterwards."""
    with throttle_rates(rates):
        return call()


def test_public_endpoints_are_rate_limited(api: APIClient, organisation: Organisation) -> None:
    codes = throttled(
        {"anon": "3/minute", "user": "100/minute"},
        lambda: [
            api.get(
                "/api/v1/register/check", {"kvk": "12345678", "activity": "veldwerk"}
            ).status_code
            for _ in range(4)
        ],
    )
    assert codes == [200, 200, 200, 429]


def test_anonymous_callers_get_the_anonymous_rate_not_the_user_rate(
    api: APIClient, organisation: Organisation
) -> None:
    responses = throttled(
        {"anon": "5/minute", "user": "2/minute"},
        lambda: [
            api.get(
                "/api/v1/register/check",
                {"kvk": "12345678", "activity": "veldwerk"},
                HTTP_ACCEPT_LANGUAGE="en",
            )
            for _ in range(6)
        ],
    )
    assert [r.status_code for r in responses] == [200] * 5 + [429]
    assert "Retry-After" in responses[-1].headers
    assert re.fullmatch(
        r"Too many requests\. Try again in (59|60) seconds\.", responses[-1].json()["detail"]
    )


def test_health_check_reports_database(client) -> None:
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.json()["database"]["status"] == "ok"
