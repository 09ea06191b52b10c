"""The emission shortcut for large-scale applications (Rbk art 4.12.1), recomputed by hand from
the emission test values of Bijlage B tabel 1 and 2 (arsenic 42, copper 113, zinc 430 mg/kg ds)."""

from __future__ import annotations

import pytest
from django.utils import translation

from kwalibo.assessments.domain.emission import (
    ART_BELOW_WATER_LEVEL,
    ART_LAND,
    ART_WATER,
    EmissionFrameError,
    EmissionScreening,
    emission_screening,
)
from kwalibo.assessments.domain.engine import assess
from kwalibo.assessments.tests.builders import measurements, sample


def screen(
    values: dict[str, object], *, lutum: float = 25, organic_matter: float = 10
) -> EmissionScreening:
    rows = sample("M1", values, lutum=lutum, organic_matter=organic_matter)
    (verdict,) = assess(measurements(rows), frame="grond").verdicts
    return emission_screening(verdict)


def test_a_mean_content_at_the_emission_test_value_meets_it() -> None:
    screening = screen({"arseen": "42", "koper": "113"})
    assert screening.met
    assert screening.exceeded == ()
    assert set(screening.checked) == {"arseen", "koper"}
    assert screening.article == ART_LAND


def test_a_mean_content_above_the_emission_test_value_needs_a_column_test() -> None:
    screening = screen({"arseen": "42.1", "koper": "100"})
    assert not screening.met
    (exceeded,) = screening.exceeded
    assert (exceeded.substance, exceeded.standardised, exceeded.emission_test_value) == (
        "arseen",
        pytest.approx(42.1),
        42.0,
    )
    assert exceeded.max_emission_ls10 == pytest.approx(0.61)
    assert "column test" in screening.reason


def test_contents_are_standardised_before_the_comparison() -> None:
    # Arsenic 30 mg/kg at 5 % lutum and 3 % organic matter: 30 x (15 + 10 + 4) / (15 + 2 + 1.2)
    # = 47.8 in standard soil, above 42; measured as such it would pass.
    screening = screen({"arseen": "30"}, lutum=5, organic_matter=3)
    (exceeded,) = screening.exceeded
    assert exceeded.standardised == pytest.approx(30 * 29 / 18.2)


def test_a_result_below_the_required_reporting_limit_is_assumed_to_comply() -> None:
    screening = screen({"koper": "<5"})
    assert screening.met
    assert screening.checked == ("koper",)


def test_water_uses_table_2_or_the_water_level_exception() -> None:
    (verdict,) = assess(measurements(sample("M1", {"zink": "500"})), frame="waterbodem").verdicts
    screening = emission_screening(verdict)
    assert not screening.met
    assert screening.article == ART_WATER
    assert [item.emission_test_value for item in screening.exceeded] == [430.0]
    below = emission_screening(verdict, below_water_level_same_manager=True)
    assert below.met
    assert below.article == ART_BELOW_WATER_LEVEL


def test_the_reason_is_translated() -> None:
    screening = screen({"arseen": "50"})
    with translation.override("nl"):
        text = translation.gettext(screening.reason) % screening.params
    assert "arseen (As)" in text
    assert "kolomproef" in text


def test_a_frame_without_emission_values_is_refused() -> None:
    with pytest.raises(EmissionFrameError):
        emission_screening({"frame": "lucht", "rule_set": "rbk-2015"})
