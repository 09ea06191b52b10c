"""A batch assessed by the real toetsing engine, stored with its explanation and declared."""

import datetime as dt
from decimal import Decimal

import pytest

from kwalibo.accounts.models import User
from kwalibo.passport import selectors, services
from kwalibo.passport.tests.conftest import Parties, Sites

pytestmark = pytest.mark.django_db


def test_engine_verdict_is_stored_with_the_batch_and_signed_into_its_declaration(
    disposer: User, sites: Sites, parties: Parties
) -> None:
    pytest.importorskip("kwalibo.assessments.domain.engine")
    from kwalibo.assessments.tests.builders import measurements, sample

    batch = services.batch_register(
        actor=disposer, origin_site=sites.origin, material="grond", volume_m3=Decimal("300"),
        declaration_type="partijkeuring_grond",
    )  # fmt: skip
    # M1: 50 mg/kg copper at 5 % lutum / 3 % organic matter, M2: 10 at standard soil; the
    # batch mean of the standardised values is above AW and within Wonen.
    rows = sample("M1", {"koper": "50"}, lutum=5, organic_matter=3) + sample("M2", {"koper": "10"})
    services.batch_assess(
        actor=disposer, batch=batch, measurements=measurements(rows), frame="grond",
        lab_report_reference="AR-2025-1234", sampler_kvk="30000002", laboratory_kvk="30000003",
        sampled_on=dt.date(2025, 3, 3), analysed_on=dt.date(2025, 3, 5),
    )  # fmt: skip
    batch.refresh_from_db()
    assert (batch.quality_class, batch.assessment_rule_set) == ("wonen", "rbk-2015")
    [verdict] = batch.assessment_explanation["verdicts"]
    assert (verdict["sample"], verdict["class"]) == ("partij", "wonen")
    declaration = services.declaration_issue(
        actor=disposer, batch=batch, issued_on=dt.date(2025, 3, 7)
    )
    assert declaration.payload["assessment"]["rule_set"] == "rbk-2015"
    assert len(declaration.payload["assessment"]["explanation_sha256"]) == 64
    assert selectors.declaration_verify(number=declaration.number).verification.valid is True


def test_lab_results_posted_to_the_api_are_assessed_by_the_engine(
    disposer: User, sites: Sites, parties: Parties
) -> None:
    pytest.importorskip("kwalibo.assessments.domain.engine")
    from django.test import Client

    batch = services.batch_register(
        actor=disposer, origin_site=sites.origin, material="grond", volume_m3=Decimal("50"),
        declaration_type="partijkeuring_grond",
    )  # fmt: skip
    client = Client()
    client.force_login(disposer)
    rows = [
        {"sample": sample, "parameter": parameter, "value": value, "unit": unit}
        for sample in ("M1", "M2")
        for parameter, value, unit in (
            ("lutum", "25", "%"),
            ("organische stof", "10", "%"),
            ("koper", "10", "mg/kg ds"),
        )
    ]
    response = client.post(
        f"/api/v1/batches/{batch.number}/assessment/measurements",
        {
            "frame": "grond", "lab_report_reference": "AR-9", "measurements": rows,
            "sampler_kvk": "30000002", "laboratory_kvk": "30000003",
            "sampled_on": "2025-03-03", "analysed_on": "2025-03-05",
        },
        content_type="application/json",
    )  # fmt: skip
    assert response.status_code == 200, response.json()
    assert (response.json()["quality_class"], response.json()["assessment_rule_set"]) == (
        "achtergrondwaarde",
        "rbk-2015",
    )
