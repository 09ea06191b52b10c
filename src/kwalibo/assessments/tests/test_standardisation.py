"""Standardisation to standard soil, Rbk Bijlage G III, recomputed by hand."""

from __future__ import annotations

import math

import polars as pl
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kwalibo.assessments.domain.engine import assess
from kwalibo.assessments.domain.rules import load_rule_set
from kwalibo.assessments.domain.standardisation import Constants, factor
from kwalibo.assessments.tests.builders import measurements, sample

RULES = load_rule_set("rbk-2015")


def standardised(parameter: str, value: str, *, lutum: float | None, om: float | None) -> float:
    result = assess(
        measurements(sample("M1", {parameter: value}, lutum=lutum, organic_matter=om)),
        frame="grond",
    )
    (verdict,) = result.verdicts
    (parameter,) = verdict["explanation"]["parameters"]
    return float(parameter["standardised"])


def test_the_dossiers_example_copper_at_5_percent_lutum_and_3_percent_organic_matter() -> None:
    # 50 × (15 + 0.6·25 + 0.6·10) / (15 + 0.6·5 + 0.6·3) = 50 × 36 / 19.8
    assert standardised("koper", "50", lutum=5, om=3) == pytest.approx(90.909, abs=5e-4)
    assert round(50 * factor(5, 3, Constants(15, 0.6, 0.6, 2, None, 2)), 2) == 90.91


def test_inorganic_bounds_lutum_and_organic_matter_at_least_2_percent() -> None:
    # lutum 1 → 2, OM 0.5 → 2: 50 × 36 / (15 + 1.2 + 1.2)
    assert standardised("koper", "50", lutum=1, om=0.5) == pytest.approx(50 * 36 / 17.4)
    # at the bound itself nothing changes
    assert standardised("koper", "50", lutum=2, om=2) == pytest.approx(50 * 36 / 17.4)


def test_zinc_and_cadmium_constants() -> None:
    # Zn 50/3/1.5 at 10 % lutum, 5 % OM: 200 × (50+75+15)/(50+30+7.5)
    assert standardised("zink", "200", lutum=10, om=5) == pytest.approx(200 * 140 / 87.5)
    # Cd 0.4/0.007/0.021 at 15 % lutum, 4 % OM
    expected = 1.0 * (0.4 + 0.007 * 25 + 0.021 * 10) / (0.4 + 0.007 * 15 + 0.021 * 4)
    assert standardised("cadmium", "1", lutum=15, om=4) == pytest.approx(expected)


def test_nickel_depends_on_lutum_only() -> None:
    # Ni 10/1/0: 40 × 35 / (10 + 8); organic matter is not needed
    assert standardised("nikkel", "40", lutum=8, om=None) == pytest.approx(40 * 35 / 18)


def test_antimony_molybdenum_and_thallium_are_not_corrected() -> None:
    for parameter in ("antimoon", "molybdeen"):
        assert standardised(parameter, "3", lutum=2, om=2) == pytest.approx(3.0)


def test_organic_compounds_g_times_10_over_h_with_bounds_2_and_30() -> None:
    # mineral oil: G × 10 / H
    assert standardised("minerale olie", "100", lutum=None, om=5) == pytest.approx(200.0)
    # H below 2 counts as 2: × 5
    assert standardised("minerale olie", "100", lutum=None, om=1) == pytest.approx(500.0)
    # H above 30 counts as 30: × 1/3
    assert standardised("minerale olie", "90", lutum=None, om=45) == pytest.approx(30.0)


def test_pah_bounds_10_and_30_percent() -> None:
    # at or below 10 % organic matter: no correction
    assert standardised("PAK (som 10)", "3", lutum=None, om=4) == pytest.approx(3.0)
    assert standardised("PAK (som 10)", "3", lutum=None, om=10) == pytest.approx(3.0)
    # 20 % → × 1/2; ≥ 30 % → × 1/3
    assert standardised("PAK (som 10)", "3", lutum=None, om=20) == pytest.approx(1.5)
    assert standardised("PAK (som 10)", "3", lutum=None, om=60) == pytest.approx(1.0)


def test_other_compounds_are_not_corrected() -> None:
    assert standardised("cyanide (vrij)", "2,5", lutum=None, om=None) == pytest.approx(2.5)


def test_missing_lutum_or_organic_matter_gives_a_message_per_parameter() -> None:
    result = assess(
        measurements(
            [
                ("M1", "koper", "50"),
                ("M1", "minerale olie", "100"),
                ("M2", "lutum", "20"),
                ("M2", "zink", "10"),
            ]
        ),
        frame="grond",
    )
    codes = {(m["sample"], m["parameter"], m["code"]) for m in result.messages}
    assert ("M1", "koper", "missing_lutum") in codes
    assert ("M1", "minerale olie", "missing_organic_matter") in codes
    assert ("M2", "zink", "missing_organic_matter") in codes
    assert {v["sample"]: v["class"] for v in result.verdicts} == {"M1": None, "M2": None}


def test_lutum_and_organic_matter_above_the_whole_dry_matter_are_not_used() -> None:
    result = assess(
        measurements(
            sample("M1", {"koper": "500", "cyanide (vrij)": "2"}, lutum=60, organic_matter=50)
            + sample("M2", {"koper": "500"}, lutum=55, organic_matter=45)
        ),
        frame="grond",
    )

    (message,) = [m for m in result.messages if m["code"] == "soil_properties_above_dry_matter"]
    assert (message["sample"], message["params"]["detail"]) == ("M1", "60 + 50 = 110")
    verdicts = {v["sample"]: v for v in result.verdicts}
    # copper cannot be standardised with them, so M1 gets no class; free cyanide is not
    # standardised and is still assessed
    assert verdicts["M1"]["class"] is None
    assert [p["parameter"] for p in verdicts["M1"]["explanation"]["parameters"]] == ["cyanide_vrij"]
    # exactly 100 % is possible: copper 500 × (15 + 0.6·25 + 0.6·10) / (15 + 0.6·55 + 0.6·45)
    # = 500 × 36 / 75 = 240 mg/kg ds, above Industrie (190)
    (copper,) = verdicts["M2"]["explanation"]["parameters"]
    assert copper["standardised"] == pytest.approx(240.0)
    assert verdicts["M2"]["class"] == "niet_toepasbaar"


def test_explanation_shows_constants_bounds_and_factor() -> None:
    result = assess(
        measurements(sample("M1", {"koper": "50"}, lutum=1, organic_matter=3)), frame="grond"
    )
    (parameter,) = result.verdicts[0]["explanation"]["parameters"]
    (measurement,) = parameter["measurements"]
    std = measurement["standardisation"]
    assert (std["a"], std["b"], std["c"]) == (15.0, 0.6, 0.6)
    assert (std["lutum"], std["lutum_used"]) == (1.0, 2.0)
    assert std["organische_stof_used"] == 3.0
    assert std["factor"] == pytest.approx(36 / (15 + 1.2 + 1.8))
    assert {r["rule"] for r in parameter["rules"]} >= {"standardisation", "exceedance"}


@settings(max_examples=30, deadline=None)
@given(value=st.floats(min_value=0, max_value=1e5, allow_nan=False))
def test_standard_soil_leaves_every_value_unchanged(value: float) -> None:
    keys = RULES.standardisation.filter(pl.col("key") != "geen")
    for row in keys.iter_rows(named=True):
        constants = Constants(
            row["a"], row["b"], row["c"], row["om_min"], row["om_max"], row["lutum_min"]
        )
        assert math.isclose(value * factor(25, 10, constants), value, rel_tol=1e-12)
    assert standardised("koper", repr(value), lutum=25, om=10) == pytest.approx(value, rel=1e-12)
