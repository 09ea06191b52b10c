"""The API is a contract: the committed OpenAPI schema must match the code."""

from pathlib import Path

import pytest
from django.core.management import call_command

SCHEMA = Path(__file__).resolve().parents[2] / "src" / "kwalibo" / "api" / "openapi.yaml"


def test_committed_schema_matches_the_code(tmp_path: Path) -> None:
    generated = tmp_path / "openapi.yaml"
    call_command(
        "spectacular", "--lang", "en", "--file", str(generated), "--validate", "--fail-on-warn"
    )
    assert generated.read_text(encoding="utf-8") == SCHEMA.read_text(encoding="utf-8"), (
        "The API changed: run `make schema` and commit src/kwalibo/api/openapi.yaml"
    )


@pytest.mark.django_db
def test_schema_is_served(client) -> None:
    response = client.get("/api/v1/schema", HTTP_ACCEPT="application/vnd.oai.openapi+json")
    assert response.status_code == 200
    assert response.json()["info"]["title"] == "Kwalibo API"
    assert "/api/v1/register/check" in response.json()["paths"]


@pytest.mark.django_db
def test_interactive_docs_are_served_without_external_assets(client) -> None:
    response = client.get("/api/v1/docs")
    assert response.status_code == 200
    assert b"cdn.jsdelivr" not in response.content
