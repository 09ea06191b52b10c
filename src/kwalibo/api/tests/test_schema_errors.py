"""The error responses of the committed OpenAPI schema: what a client generated from it must
handle, in the one error shape the API answers with."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import jsonschema
import pytest
import yaml
from django.core.files.uploadedfile import SimpleUploadedFile
from rest_framework.test import APIClient

from kwalibo.api.tests.throttling import throttle_rates
from kwalibo.assessments import uploads

SCHEMA = yaml.safe_load(
    (Path(__file__).resolve().parents[1] / "openapi.yaml").read_text(encoding="utf-8")
)
METHODS = {"get", "post", "put", "patch", "delete"}
COPPER = [{"sample": "M1", "parameter": "koper", "value": "50", "unit": "mg/kg ds"}]


def _operations() -> Iterator[tuple[str, str, dict[str, Any]]]:
    for path, item in SCHEMA["paths"].items():
        for method, operation in item.items():
            if method in METHODS:
                yield path, method, operation


def _error_schema(path: str, method: str, status: int) -> dict[str, Any]:
    responses = SCHEMA["paths"][path][method]["responses"]
    assert str(status) in responses, f"{method.upper()} {path} does not document {status}"
    return responses[str(status)]["content"]["application/json"]["schema"]


def _validates(body: Any, schema: dict[str, Any]) -> bool:
    root = {"components": SCHEMA["components"], **schema}
    return jsonschema.Draft202012Validator(root).is_valid(body)


def test_every_operation_documents_the_errors_it_can_give() -> None:
    for path, method, operation in _operations():
        responses = operation["responses"]
        where = f"{method.upper()} {path}"
        assert "429" in responses, where
        if {} not in operation.get("security", [{}]):
            assert "403" in responses, where
        if "{" in path:
            assert "404" in responses, where
        if "requestBody" in operation:
            assert {"400", "422"} <= set(responses), where
        for status, response in responses.items():
            if status.startswith("4"):
                assert response["description"], where
                schema = response["content"]["application/json"]["schema"]
                assert schema == {"$ref": "#/components/schemas/Error"}, (where, status)


@pytest.fixture
def throttled() -> Iterator[None]:
    with throttle_rates({"anon": "1/minute", "user": "100/minute"}):
        yield


@pytest.mark.django_db
def test_real_errors_have_the_documented_status_and_shape(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    api = APIClient(HTTP_ACCEPT_LANGUAGE="en")
    monkeypatch.setattr(uploads, "MAX_UPLOAD_BYTES", 10)
    answers = [
        ("/api/v1/toetsing", "post", api.post("/api/v1/toetsing", {"frame": "x"}, format="json")),
        (
            "/api/v1/toetsing",
            "post",
            api.post(
                "/api/v1/toetsing",
                {
                    "file": SimpleUploadedFile(
                        "lab.csv", b"sample,parameter,value,unit\nM1,koper,5\n"
                    )
                },
                format="multipart",
            ),
        ),
        ("/api/v1/register/check", "get", api.get("/api/v1/register/check?kvk=1")),
        ("/api/v1/batches", "get", api.get("/api/v1/batches")),
        ("/api/v1/batches/{number}", "get", api.get("/api/v1/batches/B-1")),
    ]
    assert [response.status_code for *_, response in answers] == [400, 413, 400, 403, 403]
    for path, method, response in answers:
        schema = _error_schema(path, method, response.status_code)
        assert _validates(response.json(), schema), (path, response.json())
    # the check can fail: a body without the error shape does not validate
    assert not _validates({"message": "x"}, _error_schema("/api/v1/batches", "get", 403))


@pytest.mark.django_db
@pytest.mark.usefixtures("throttled")
def test_the_rate_limit_answers_as_documented() -> None:
    api = APIClient(HTTP_ACCEPT_LANGUAGE="en")
    codes = [
        api.post("/api/v1/toetsing", {"measurements": COPPER}, format="json") for _ in range(2)
    ]
    assert [c.status_code for c in codes] == [200, 429]
    assert _validates(codes[1].json(), _error_schema("/api/v1/toetsing", "post", 429))
