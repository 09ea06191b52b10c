"""POST /api/v1/toetsing: JSON measurements or a file upload, public and rate-limited."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from rest_framework.test import APIClient

from kwalibo.api.tests.throttling import throttle_rates
from kwalibo.assessments.serializers import MAX_JSON_MEASUREMENTS

LAB_FILE = Path(__file__).parent / "lab_files" / "lab_grond.csv"
URL = "/api/v1/toetsing"
COPPER = [
    {"sample": "MM1", "parameter": "lutum", "value": "5", "unit": "%"},
    {"sample": "MM1", "parameter": "organische stof", "value": "3", "unit": "%"},
    {"sample": "MM1", "parameter": "koper", "value": "50", "unit": "mg/kg ds"},
    {"sample": "MM1", "parameter": "Zn", "value": "<20", "unit": "mg/kg ds"},
]


@pytest.fixture
def api() -> APIClient:
    return APIClient(HTTP_ACCEPT_LANGUAGE="en")


def post_json(api: APIClient, body: dict[str, Any]) -> Any:
    return api.post(URL, body, format="json")


def test_json_measurements_give_explained_verdicts(api: APIClient) -> None:
    response = post_json(
        api, {"frame": "grond", "measurements": COPPER, "sampling_date": "2019-05-01"}
    )
    assert response.status_code == 200, response.content
    body = response.json()
    assert (body["rule_set"], body["frame"], body["batch"]) == ("rbk-2015", "grond", False)
    assert body["messages"] == []
    (verdict,) = body["verdicts"]
    assert (verdict["sample"], verdict["class"]) == ("MM1", "industrie")
    assert verdict["deciding_parameters"] == ["koper"]
    copper = verdict["explanation"]["parameters"][0]
    assert copper["standardised"] == pytest.approx(90.909, abs=1e-3)
    assert copper["limits"] == {
        "achtergrondwaarde": 40.0,
        "wonen": 54.0,
        "industrie": 190.0,
        "interventiewaarde": 190.0,
    }
    assert copper["measurements"][0]["standardisation"]["factor"] == pytest.approx(36 / 19.8)
    zinc = verdict["explanation"]["parameters"][1]
    assert zinc["compliance_assumed"] is True


def test_numbers_are_accepted_as_values_and_messages_are_translated(api: APIClient) -> None:
    rows = [
        {"sample": "A", "parameter": "koper", "value": 12.5, "unit": "mg/kg ds"},
        {"sample": "A", "parameter": "flubber", "value": "1", "unit": "mg/kg ds"},
    ]
    body = post_json(api, {"measurements": rows}).json()
    messages = {m["code"]: m for m in body["verdicts"][0]["messages"]}
    assert messages["unknown_parameter"]["row"] == 2
    assert messages["unknown_parameter"]["message"].startswith("Unknown parameter flubber")
    assert messages["missing_lutum"]["parameter"] == "koper"
    assert [m["code"] for m in body["messages"]] == ["no_sampling_date"]
    dutch = APIClient(HTTP_ACCEPT_LANGUAGE="nl").post(URL, {"measurements": rows}, format="json")
    assert dutch.status_code == 200


def test_a_json_number_has_a_decimal_point_beside_values_written_with_commas(
    api: APIClient,
) -> None:
    def zinc_read(value: Any) -> tuple[float, list[str]]:
        rows = [
            {"sample": "A", "parameter": "lutum", "value": "25", "unit": "%"},
            {"sample": "A", "parameter": "organische stof", "value": "10", "unit": "%"},
            {"sample": "A", "parameter": "koper", "value": "0,5", "unit": "mg/kg ds"},
            {"sample": "A", "parameter": "zink", "value": value, "unit": "mg/kg ds"},
        ]
        body = post_json(api, {"measurements": rows, "sampling_date": "2019-05-01"}).json()
        (zinc,) = (
            p for p in body["verdicts"][0]["explanation"]["parameters"] if p["parameter"] == "zink"
        )
        return zinc["value_used"], [m["code"] for m in body["verdicts"][0]["messages"]]

    assert zinc_read(1.234) == (pytest.approx(1.234), [])
    # The same digits as text follow the decimal commas of the other values: 1234.
    assert zinc_read("1.234") == (pytest.approx(1234.0), ["thousands_separator"])


def test_water_bed_batch(api: APIClient) -> None:
    rows = [*COPPER, {"sample": "MM2", "parameter": "koper", "value": "20", "unit": "mg/kg ds"}]
    rows += [
        {"sample": "MM2", "parameter": "lutum", "value": "25", "unit": "%"},
        {"sample": "MM2", "parameter": "organische stof", "value": "10", "unit": "%"},
    ]
    body = post_json(api, {"frame": "waterbodem", "batch": True, "measurements": rows}).json()
    (verdict,) = body["verdicts"]
    assert verdict["sample"] == "partij"
    assert verdict["samples"] == ["MM1", "MM2"]
    # (90.91 + 20) / 2 = 55.45: above AW 40, within klasse A 96
    assert verdict["class"] == "klasse_A"
    assert verdict["spreading"]["zoet_oppervlaktewater"] == "verspreidbaar"


def test_large_scale_applications_get_the_emission_screening(api: APIClient) -> None:
    # Copper 50 at 5 % lutum, 3 % organic matter = 90.91 in standard soil: within the emission
    # test value 113; arsenic 50 at standard soil exceeds 42 (Rbk Bijlage B tabel 1).
    rows = [*COPPER, {"sample": "MM1", "parameter": "arseen", "value": "50", "unit": "mg/kg ds"}]
    plain = post_json(api, {"measurements": rows}).json()
    assert "emission" not in plain["verdicts"][0]
    body = post_json(api, {"measurements": rows, "large_scale": True}).json()
    emission = body["verdicts"][0]["emission"]
    assert emission["met"] is False
    assert set(emission["checked"]) == {"koper", "arseen", "zink"}
    (exceeded,) = emission["exceeded"]
    assert exceeded["substance"] == "arseen"
    assert exceeded["emission_test_value"] == 42.0
    assert emission["article"].startswith("Rbk art 4.12.1 lid 2")
    dutch = APIClient(HTTP_ACCEPT_LANGUAGE="nl").post(
        URL, {"measurements": rows, "large_scale": True}, format="json"
    )
    assert "kolomproef" in dutch.json()["verdicts"][0]["emission"]["reason"]
    water = post_json(
        api,
        {
            "frame": "waterbodem",
            "measurements": rows,
            "large_scale": True,
            "below_water_level_same_manager": True,
        },
    ).json()
    assert water["verdicts"][0]["emission"]["met"] is True


def test_file_upload(api: APIClient) -> None:
    upload = SimpleUploadedFile("lab.csv", LAB_FILE.read_bytes(), content_type="text/csv")
    response = api.post(URL, {"file": upload, "frame": "grond"}, format="multipart")
    assert response.status_code == 200, response.content
    assert [(v["sample"], v["class"]) for v in response.json()["verdicts"]] == [
        ("MM1", "achtergrondwaarde"),
        ("MM2", "industrie"),
    ]


def test_unusable_file_is_a_validation_error(api: APIClient) -> None:
    upload = SimpleUploadedFile("lab.csv", b"foo;bar\n1;2\n", content_type="text/csv")
    response = api.post(URL, {"file": upload}, format="multipart")
    assert response.status_code == 400
    body = response.json()
    assert body["detail"] == "Invalid input."
    assert body["errors"]["file"][0].startswith("lab.csv, row 1: missing header column")


@pytest.mark.parametrize(
    ("body", "field"),
    [
        ({}, "non_field_errors"),
        ({"measurements": COPPER, "frame": "lucht"}, "frame"),
        ({"measurements": COPPER, "rules": "rbk-1999"}, "rules"),
        ({"measurements": [{"sample": "A"}]}, "measurements"),
        ({"measurements": COPPER, "sampling_date": "gisteren"}, "sampling_date"),
    ],
)
def test_invalid_requests(api: APIClient, body: dict[str, Any], field: str) -> None:
    response = post_json(api, body)
    assert response.status_code == 400
    assert field in response.json()["errors"]


def test_the_json_body_is_limited(api: APIClient) -> None:
    rows = [{"sample": "A", "parameter": "koper", "value": "1", "unit": "mg/kg"}]
    response = post_json(api, {"measurements": rows * (MAX_JSON_MEASUREMENTS + 1)})
    assert response.status_code == 400
    assert "measurements" in response.json()["errors"]


def test_the_endpoint_is_public_and_rate_limited(api: APIClient) -> None:
    with throttle_rates({"anon": "2/minute", "user": "100/minute"}):
        codes = [post_json(api, {"measurements": COPPER}).status_code for _ in range(3)]
    assert codes == [200, 200, 429]


def test_a_stated_large_scale_application_is_checked_condition_by_condition(
    api: APIClient,
) -> None:
    rows = [*COPPER, {"sample": "MM1", "parameter": "arseen", "value": "50", "unit": "mg/kg ds"}]
    application = {
        "thickness_m": 3,
        "volume_m3": 6000,
        "cover": "bouwstoffen",
        "column_test": [{"parameter": "As", "value": "0,7", "unit": "mg/kg"}],
    }
    body = post_json(api, {"measurements": rows, "application": application}).json()
    check = body["verdicts"][0]["large_scale"]
    assert check["met"] is False
    emission = next(c for c in check["conditions"] if c["code"] == "emission")
    assert emission["met"] is False
    assert emission["exceeded"][0]["emission_ls10"] == 0.7
    assert emission["article"].startswith("Bbk art 63 lid 1 onder a i")
    bad = post_json(
        api,
        {
            "measurements": rows,
            "application": {"column_test": [{"parameter": "onbekendium", "value": "1"}]},
        },
    )
    assert bad.status_code == 400
    assert "row 1, parameter" in bad.json()["errors"]["application"]["column_test"][0]


def test_an_unusable_column_test_is_refused_row_by_row_in_the_language_of_the_client() -> None:
    dutch = APIClient(HTTP_ACCEPT_LANGUAGE="nl")
    column_test = [
        {"parameter": "As", "value": ">2", "unit": "mg/kg"},
        {"parameter": "Cu", "value": "0,1", "unit": "mg/l"},
    ]
    bad = post_json(dutch, {"measurements": COPPER, "application": {"column_test": column_test}})
    assert bad.status_code == 400
    (message,) = bad.json()["errors"]["application"]["column_test"]
    assert message == (
        "De kolomproef is niet bruikbaar: regel 1, waarde: >2 ligt boven het meetbereik van "
        "het lab: de emissie is niet bekend; vraag het lab om het resultaat na verdunning; "
        "regel 2, eenheid: eenheid 'mg/l' is geen mg/kg of µg/kg"
    )


def test_a_file_upload_sends_the_application_as_json_text(api: APIClient) -> None:
    upload = SimpleUploadedFile("lab.csv", LAB_FILE.read_bytes(), content_type="text/csv")
    response = api.post(
        URL,
        {"file": upload, "application": '{"thickness_m": 1, "volume_m3": 100}'},
        format="multipart",
    )
    assert response.status_code == 200, response.content
    scope = response.json()["verdicts"][0]["large_scale"]["conditions"][0]
    assert (scope["code"], scope["met"]) == ("scope", False)
    broken = SimpleUploadedFile("lab.csv", LAB_FILE.read_bytes(), content_type="text/csv")
    refused = api.post(URL, {"file": broken, "application": "{"}, format="multipart")
    assert refused.status_code == 400


def test_local_maximum_values_are_checked_per_zone(api: APIClient) -> None:
    # Copper 50 at 5 % lutum and 3 % organic matter = 90.91 in standard soil (see above).
    maxima = {
        "title": "Nota bodembeheer Voorbeeld",
        "zone": "kern",
        "values": [
            {"parameter": "koper", "value": "90", "zone": "kern"},
            {"parameter": "Cu", "value": "100", "zone": "buitengebied"},
        ],
    }
    body = post_json(api, {"measurements": COPPER, "local_maximum_values": maxima}).json()
    local = body["verdicts"][0]["local_maximum_values"]
    assert local["met"] is False
    (exceeded,) = local["exceeded"]
    assert exceeded["substance"] == "koper"
    assert exceeded["standardised"] == pytest.approx(50 * 36 / 19.8)
    assert exceeded["local_maximum"] == 90.0
    outer = post_json(
        api, {"measurements": COPPER, "local_maximum_values": maxima | {"zone": "buitengebied"}}
    ).json()
    assert outer["verdicts"][0]["local_maximum_values"]["met"] is True
    # 90.91 is below Industrie 190: the soil does not rely on a raised value (Bbk art 52 lid 2)
    assert outer["verdicts"][0]["local_maximum_values"]["origin_only"] is False
    assert outer["verdicts"][0]["local_maximum_values"]["restrictions"] == []
    unknown = post_json(
        api, {"measurements": COPPER, "local_maximum_values": maxima | {"zone": "haven"}}
    )
    assert unknown.status_code == 400
    assert "haven" in unknown.json()["errors"]["local_maximum_values"]["zone"][0]
    bad = post_json(
        api,
        {
            "measurements": COPPER,
            "local_maximum_values": {
                "title": "Nota",
                "values": [{"parameter": "koper", "value": "-1"}],
            },
        },
    )
    assert bad.status_code == 400
    assert "row 1, value" in bad.json()["errors"]["local_maximum_values"]["values"][0]


def test_each_verdict_is_tested_against_a_stated_location(api: APIClient) -> None:
    """Copper 50 at 5 % lutum and 3 % organic matter is 90.9 in standard soil: Industrie (Wonen
    54), so it may go to an Industrie location with Industrie soil, not to a Wonen location."""
    industrie = {"function_class": "industrie", "receiving_quality_class": "industrie"}
    body = post_json(api, {"measurements": COPPER, "location": industrie}).json()
    (verdict,) = body["verdicts"]
    assert verdict["class"] == "industrie"
    assert verdict["location"] == {
        "allowed": True,
        "reasons": [
            "The batch meets the maximum values of both the function class of the location and "
            "the quality class of the receiving soil (Bbk art 59 lid 1)."
        ],
        "article": "Bbk art 59 lid 1",
        **industrie,
        "material": None,
    }
    wonen = post_json(
        api, {"measurements": COPPER, "location": industrie | {"function_class": "wonen"}}
    ).json()["verdicts"][0]["location"]
    assert wonen["allowed"] is False
    no_map = post_json(api, {"measurements": COPPER, "location": {}}).json()
    assert no_map["verdicts"][0]["location"]["article"] == "Bbk art 55 lid 4"
    assert "location" not in post_json(api, {"measurements": COPPER}).json()["verdicts"][0]


def test_a_location_class_of_the_other_frame_is_refused(api: APIClient) -> None:
    refused = post_json(
        api, {"measurements": COPPER, "location": {"receiving_quality_class": "klasse_B"}}
    )
    assert refused.status_code == 400
    (error,) = refused.json()["errors"]["location"]["receiving_quality_class"]
    assert "klasse_B" in error
    upload = SimpleUploadedFile("lab.csv", LAB_FILE.read_bytes(), content_type="text/csv")
    response = api.post(
        URL,
        {
            "file": upload,
            "frame": "waterbodem",
            "location": '{"receiving_quality_class": "klasse_A", "material": "grond"}',
        },
        format="multipart",
    )
    assert response.status_code == 200, response.content
    assert [v["location"]["material"] for v in response.json()["verdicts"]] == ["grond", "grond"]
    # a soil function class in water is refused, as on the page (it was ignored)
    in_water = post_json(
        api,
        {
            "frame": "waterbodem",
            "measurements": COPPER,
            "location": {"function_class": "wonen", "receiving_quality_class": "klasse_A"},
        },
    )
    assert in_water.status_code == 400
    (error,) = in_water.json()["errors"]["location"]["function_class"]
    assert error.startswith("Soil function classes apply on land")


def test_receiving_soil_and_tare_soil(api: APIClient) -> None:
    """Mineral oil 600 mg/kg ds (above Industrie 500) is not tested in tare soil where it is
    naturally present (Rbk art 4.14.1); the receiving soil gets the Wonen allowance record."""
    rows = [
        {"sample": "M1", "parameter": "lutum", "value": "25", "unit": "%"},
        {"sample": "M1", "parameter": "organische stof", "value": "10", "unit": "%"},
        {"sample": "M1", "parameter": "minerale olie", "value": "600", "unit": "mg/kg ds"},
        {"sample": "M1", "parameter": "koper", "value": "20", "unit": "mg/kg ds"},
    ]
    plain = post_json(api, {"measurements": rows}).json()["verdicts"][0]
    tare = post_json(api, {"measurements": rows, "tare_soil": ["natural_presence"]}).json()
    receiving = post_json(api, {"measurements": rows, "receiving_soil": True}).json()
    assert plain["class"] == "niet_toepasbaar"
    assert tare["verdicts"][0]["class"] == "achtergrondwaarde"
    assert receiving["verdicts"][0]["wonen_allowance"]["used"] is False
    refused = post_json(api, {"measurements": rows, "frame": "waterbodem", "receiving_soil": True})
    assert refused.status_code == 400
    assert "receiving_soil" in refused.json()["errors"]


def test_an_enforcement_investigation_is_tested_against_the_stated_class(api: APIClient) -> None:
    """Copper 50 at 5 % lutum and 3 % organic matter is 90.9 in standard soil: below 1.4 ×
    Industrie 190 (266), above 1.4 × Wonen 54 (75.6)."""
    wonen = post_json(api, {"measurements": COPPER, "stated_class": "wonen"}).json()
    industrie = post_json(api, {"measurements": COPPER, "stated_class": "industrie"}).json()
    assert wonen["verdicts"][0]["enforcement"]["violation"] is True
    assert wonen["verdicts"][0]["enforcement"]["exceeded"][0]["limit"] == 54.0
    assert industrie["verdicts"][0]["enforcement"]["violation"] is False
    refused = post_json(api, {"measurements": COPPER, "stated_class": "klasse_A"})
    assert refused.status_code == 400
    assert "stated_class" in refused.json()["errors"]


def test_a_result_assumed_to_comply_without_lutum_has_no_standardised_value(
    api: APIClient,
) -> None:
    rows = [{"sample": "A", "parameter": "cadmium", "value": "<0,2", "unit": "mg/kg ds"}]
    body = post_json(api, {"measurements": rows}).json()
    (verdict,) = body["verdicts"]
    assert verdict["class"] == "achtergrondwaarde"
    (cadmium,) = verdict["explanation"]["parameters"]
    assert (cadmium["compliance_assumed"], cadmium["standardised"]) == (True, None)
    assert cadmium["measurements"][0]["standardised"] is None
    assert [m["code"] for m in verdict["messages"]] == ["compliant_without_lutum"]
