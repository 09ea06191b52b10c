"""The framework for large-scale applications (Bbk art 63), each condition recomputed by hand
from the values of Rbk Bijlage B: arsenic Industrie 76 and maximum emission 0.61 mg/kg at
L/S 10; zinc Industrie in water 720 and intervention value of the water bed 2000; mineral oil
Industrie 500, intervention value 5000 (land) and at most 2000 for dredgings (voetnoot 13)."""

from __future__ import annotations

from typing import Any

import polars as pl
import pytest
from django.utils import translation

from kwalibo.assessments.domain.emission import REASON_BELOW_WATER_LEVEL
from kwalibo.assessments.domain.engine import assess
from kwalibo.assessments.domain.large_scale import (
    EMISSION_DEEMED_MET,
    EMISSION_UNDECIDED,
    SCOPE_INFRASTRUCTURE,
    SCOPE_INFRASTRUCTURE_COVER_UNKNOWN,
    SCOPE_INFRASTRUCTURE_NOT_CONTINUOUS,
    SCOPE_MET,
    ColumnTestError,
    Condition,
    LargeScaleApplication,
    LargeScaleError,
    column_test_emissions,
    large_scale_check,
)
from kwalibo.assessments.presentation import large_scale_dict
from kwalibo.assessments.tests.builders import measurements, sample

LARGE = {"thickness_m": 2.0, "volume_m3": 5000.0, "cover": "leeflaag", "cover_thickness_m": 0.5}


def verdict(values: dict[str, object], *, frame: str = "grond", **soil: float) -> dict[str, Any]:
    (result,) = assess(measurements(sample("M1", values, **soil)), frame=frame).verdicts
    return result


def condition(
    values: dict[str, object], code: str, *, frame: str = "grond", **stated: Any
) -> Condition:
    check = large_scale_check(verdict(values, frame=frame), LargeScaleApplication(**stated))
    (found,) = [c for c in check.conditions if c.code == code]
    return found


# --- scope: Bbk art 63 lid 1 and 5 --------------------------------------------------------
def test_two_metres_and_5000_cubic_metres_is_a_large_scale_application() -> None:
    assert condition({"arseen": "10"}, "scope", thickness_m=2, volume_m3=5000).met is True


@pytest.mark.parametrize(("thickness", "volume"), [(1.99, 5000), (2, 4999)])
def test_a_thinner_or_smaller_application_is_not(thickness: float, volume: float) -> None:
    found = condition({"arseen": "10"}, "scope", thickness_m=thickness, volume_m3=volume)
    assert found.met is False
    assert "generic or area-specific framework" in found.reason


def test_roads_and_railways_need_half_a_metre_under_a_continuous_layer() -> None:
    """Bbk art 63 lid 5: 0.5 m "indien" a road or railway (a) "en" a continuous layer of
    building materials (b): without that layer a layer under 2 m is no large-scale
    application at all, so the generic or area-specific framework applies."""
    stated = {"thickness_m": 0.5, "volume_m3": 5000, "infrastructure": True}
    continuous = stated | {"cover": "bouwstoffen_aaneengesloten"}
    scope = condition({"arseen": "10"}, "scope", **continuous)
    assert (scope.met, scope.reason) == (True, SCOPE_INFRASTRUCTURE)
    assert condition({"arseen": "10"}, "cover", **continuous).met is True
    top_layer = condition(
        {"arseen": "10"}, "scope", cover="leeflaag", cover_thickness_m=1, **stated
    )
    assert (top_layer.met, top_layer.reason) == (False, SCOPE_INFRASTRUCTURE_NOT_CONTINUOUS)
    unknown = condition({"arseen": "10"}, "scope", **stated)
    assert (unknown.met, unknown.reason) == (None, SCOPE_INFRASTRUCTURE_COVER_UNKNOWN)
    below = condition({"arseen": "10"}, "scope", **(continuous | {"thickness_m": 0.49}))
    assert below.met is False
    # 2 m and more is large-scale under any cover, road or not
    thick = condition({"arseen": "10"}, "scope", cover="leeflaag", **(stated | {"thickness_m": 2}))
    assert (thick.met, thick.reason) == (True, SCOPE_MET)


def test_the_road_exception_applies_in_surface_water_too() -> None:
    """Bbk art 63 lid 5 holds for "de toepassingen, bedoeld in artikel 35, onder a" (building
    and road works, "waaronder mede worden begrepen wegen, spoorwegen en geluidswallen"),
    which art 35 does not limit to land: a road of dredgings in water, 1 m under a continuous
    layer of building materials, is a large-scale application."""
    road = {"frame": "waterbodem", "thickness_m": 1, "volume_m3": 9000, "infrastructure": True}
    found = condition({"zink": "100"}, "scope", **road, cover="bouwstoffen_aaneengesloten")
    assert found.met is True
    # without the continuous layer (lid 5 b) it is not
    assert condition({"zink": "100"}, "scope", **road, cover="leeflaag").met is False


def test_without_thickness_and_volume_the_scope_is_undecided() -> None:
    check = large_scale_check(verdict({"arseen": "10"}), LargeScaleApplication())
    assert check.conditions[0].met is None
    assert check.met is None


# --- emission: Bbk art 63 lid 1 a i -----------------------------------------------------
def test_a_measured_emission_at_the_maximum_meets_it_and_above_does_not() -> None:
    # arsenic 50 > emission test value 42: the column test must decide (max 0.61 mg/kg L/S 10)
    at = condition({"arseen": "50"}, "emission", column_test={"arseen": 0.61})
    assert at.met is True
    above = condition({"arseen": "50"}, "emission", column_test={"arseen": 0.62, "koper": 0.5})
    assert above.met is False
    (item,) = above.exceeded
    assert (item["substance"], item["emission_ls10"], item["max_emission_ls10"]) == (
        "arseen",
        0.62,
        0.61,
    )


def test_the_measured_emission_wins_over_the_content_shortcut() -> None:
    # 50 mg/kg arsenic exceeds the emission test value 42, but the column test decides.
    found = condition({"arseen": "50"}, "emission", column_test={"arseen": 0.3})
    assert found.met is True


def test_without_a_column_test_contents_above_the_emission_test_value_leave_it_undecided() -> None:
    found = condition({"arseen": "50"}, "emission")
    assert (found.met, found.reason) == (None, EMISSION_UNDECIDED)
    assert [item["emission_test_value"] for item in found.exceeded] == [42.0]
    assert condition({"arseen": "42"}, "emission").met is True


def test_a_column_test_without_any_normed_substance_decides_nothing() -> None:
    assert condition({"arseen": "50"}, "emission", column_test={"benzeen": 1.0}).met is None


def test_contents_within_the_emission_test_values_meet_the_condition_whatever_a_column_test_shows() -> (
    None
):
    """Rbk art 4.12.1 lid 2: "Aan het eerste lid, aanhef en onderdeel a, wordt voldaan, indien
    de rekenkundig gemiddelde gehalten [...] de emissietoetswaarden [...] niet overschrijden"."""
    found = condition({"arseen": "10"}, "emission", column_test={"arseen": 0.62})
    assert (found.met, found.reason, found.params) == (
        True,
        EMISSION_DEEMED_MET,
        {"substances": "arseen (As)"},
    )


def test_dredgings_below_the_water_level_meet_the_emission_condition_whatever_a_column_test_shows() -> (
    None
):
    """Rbk art 4.12.1 lid 3 onder b: below the water level in the same manager's area."""
    found = condition(
        {"lood": "400"},
        "emission",
        frame="waterbodem",
        material="baggerspecie",
        below_water_level_same_manager=True,
        column_test={"lood": 16.0},
    )
    assert (found.met, found.reason) == (True, REASON_BELOW_WATER_LEVEL)


def test_a_content_that_cannot_be_standardised_leaves_the_emission_open() -> None:
    """Lead 500 without organic matter: 500 × 85 / (75 + H) is above the emission test value
    308 for any H up to 63 %; left out, it must not let the shortcut pass on antimony alone."""
    rows = [("M1", "lutum", "25"), ("M1", "antimoon", "5"), ("M1", "lood", "500")]
    (found,) = assess(measurements(rows), frame="grond").verdicts
    check = large_scale_check(found, LargeScaleApplication(**LARGE))
    conditions = {c.code: c.met for c in check.conditions}
    assert (conditions["emission"], conditions["quality"], check.met) == (None, None, None)
    measured = large_scale_check(found, LargeScaleApplication(**LARGE, column_test={"lood": 1.0}))
    assert {c.code: c.met for c in measured.conditions}["emission"] is True


def test_the_column_test_file_identifies_substances_as_a_lab_file_does() -> None:
    # Name in another spelling, a CAS number as parameter, and a separate CAS column that wins
    # over the written name (7440-38-2 is arsenic); "<" counts as 0.7 x the limit; the highest
    # subsample counts.
    table = pl.DataFrame(
        {
            "row": [2, 3, 4, 5],
            "parameter": ["Arseen (As)", "7440-50-8", "onbekend", "koper"],
            "value_raw": ["0,2", "<0.5", "0.3", "0.4"],
            "unit": ["mg/kg ds", "mg/kg ds (L/S=10)", "mg/kg ds", "mg/kg ds"],
            "cas": [None, None, "7440-38-2", None],
        }
    )
    emissions = column_test_emissions(table, rule_set_id="rbk-2015")
    assert emissions == {"arseen": pytest.approx(0.3), "koper": pytest.approx(0.4)}


def test_the_column_test_file_reads_values_as_a_lab_file_does() -> None:
    # "≤ 0,5" and "<= 0.2" are below the limit (0.7 × limit); "1.250,5" groups thousands in a
    # decimal-comma file (µg/kg: 1.2505 mg/kg).
    table = pl.DataFrame(
        {
            "row": [2, 3, 4],
            "parameter": ["arseen", "koper", "zink"],
            "value_raw": ["≤ 0,5", "<= 0.2", "1.250,5"],
            "unit": ["mg/kg", "mg/kg", "µg/kg"],
        }
    )
    emissions = column_test_emissions(table, rule_set_id="rbk-2015")
    assert emissions == {
        "arseen": pytest.approx(0.35),
        "koper": pytest.approx(0.14),
        "zink": pytest.approx(1.2505),
    }


@pytest.mark.parametrize("value", ["<<2", "<>3", "", "-0,1", "n.b."])
def test_a_column_test_value_the_assessment_would_not_read_is_refused(value: str) -> None:
    table = pl.DataFrame(
        {"row": [7], "parameter": ["arseen"], "value_raw": [value], "unit": ["mg/kg"]}
    )
    with pytest.raises(ColumnTestError, match="row 7, value"):
        column_test_emissions(table, rule_set_id="rbk-2015")


# --- quality: Bbk art 63 lid 1 a ii and iii -----------------------------------------------
def test_on_land_the_industrie_values_apply_per_substance() -> None:
    assert condition({"arseen": "76"}, "quality").met is True
    found = condition({"arseen": "76.1"}, "quality")
    assert found.met is False
    assert [item["substance"] for item in found.exceeded] == ["arseen"]


def test_in_water_the_industrie_and_intervention_values_apply() -> None:
    assert condition({"zink": "720"}, "quality", frame="waterbodem").met is True
    found = condition({"zink": "721"}, "quality", frame="waterbodem")
    assert found.met is False
    assert found.exceeded[0]["industrie"] == 720.0
    assert found.exceeded[0]["interventiewaarde"] == 2000.0


def test_contents_are_standardised_before_the_industrie_test() -> None:
    # 50 mg/kg arsenic at 5 % lutum and 3 % organic matter: 50 x 29 / 18.2 = 79.7 > 76.
    check = large_scale_check(
        verdict({"arseen": "50"}, lutum=5, organic_matter=3), LargeScaleApplication()
    )
    found = check.conditions[2]
    assert (found.code, found.met) == ("quality", False)
    assert found.exceeded[0]["standardised"] == pytest.approx(50 * 29 / 18.2)


# --- mineral oil in dredgings: Rbk Bijlage B tabel 1 voetnoot 13 --------------------------
def test_dredgings_may_hold_2000_mg_mineral_oil_instead_of_the_industrie_value() -> None:
    stated = {"material": "baggerspecie"}
    assert condition({"minerale olie": "2000"}, "mineral_oil", **stated).met is True
    assert condition({"minerale olie": "2000"}, "quality", **stated).met is True
    assert condition({"minerale olie": "2001"}, "mineral_oil", **stated).met is False
    # soil (not dredgings) keeps the Industrie value of 500
    assert condition({"minerale olie": "501"}, "quality").met is False


def test_mineral_oil_is_checked_for_dredgings_only() -> None:
    check = large_scale_check(verdict({"arseen": "10"}), LargeScaleApplication())
    assert "mineral_oil" not in [c.code for c in check.conditions]
    missing = condition({"arseen": "10"}, "mineral_oil", material="baggerspecie")
    assert missing.met is None


# --- cover: Bbk art 63 lid 1 b and lid 3 --------------------------------------------------
@pytest.mark.parametrize(("thickness", "met"), [(0.5, True), (0.49, False), (None, None)])
def test_a_top_layer_must_be_half_a_metre(thickness: float | None, met: bool | None) -> None:
    found = condition({"arseen": "10"}, "cover", cover="leeflaag", cover_thickness_m=thickness)
    assert found.met is met


def test_a_layer_of_building_materials_covers_it() -> None:
    assert condition({"arseen": "10"}, "cover", cover="bouwstoffen").met is True
    assert condition({"arseen": "10"}, "cover").met is None


# --- the verdict ------------------------------------------------------------------------
def test_all_conditions_met_gives_a_positive_verdict_and_one_failure_a_negative() -> None:
    good = large_scale_check(verdict({"arseen": "40"}), LargeScaleApplication(**LARGE))
    assert good.met is True
    assert [c.code for c in good.conditions] == ["scope", "emission", "quality", "cover"]
    bad = large_scale_check(verdict({"arseen": "80"}), LargeScaleApplication(**LARGE))
    assert bad.met is False


def test_a_failure_outweighs_an_undecided_condition() -> None:
    check = large_scale_check(
        verdict({"arseen": "80"}), LargeScaleApplication(thickness_m=2, volume_m3=5000)
    )
    assert [c.met for c in check.conditions] == [True, None, False, None]
    assert check.met is False


@pytest.mark.parametrize(
    "stated",
    [
        {"material": "bouwstof"},
        {"cover": "zand"},
        {"thickness_m": -1},
        {"volume_m3": float("nan")},
        {"column_test": {"arseen": -0.1}},
    ],
)
def test_impossible_application_details_are_refused(stated: dict[str, Any]) -> None:
    with pytest.raises(LargeScaleError):
        LargeScaleApplication(**stated)


def test_reasons_are_translated() -> None:
    found = condition({"arseen": "10"}, "scope", thickness_m=1, volume_m3=100)
    with translation.override("nl"):
        text = translation.gettext(found.reason) % found.params
    assert "grootschalige toepassing" in text
    assert "1 m" in text


def test_numbers_in_the_reasons_have_the_decimal_separator_of_the_language() -> None:
    check = large_scale_check(
        verdict({"arseen": "10"}), LargeScaleApplication(thickness_m=1.5, volume_m3=100)
    )
    for language, written in (("nl", "1,5 m"), ("en", "1.5 m")):
        with translation.override(language):
            (scope, *_) = large_scale_dict(check)["conditions"]
        assert written in scope["reason"]
    assert "100" in scope["reason"]
