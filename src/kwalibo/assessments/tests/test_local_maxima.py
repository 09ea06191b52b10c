"""Local maximum values of the area-specific framework (Bbk art 44-52; Rbk art 4.2.1-4.2.3),
recomputed by hand. The local values used here are made up: arsenic 40, copper 60, zinc 300 and
PAH (sum 10) 5 mg/kg ds in standard soil."""

from __future__ import annotations

from typing import Any

import polars as pl
import pytest

from kwalibo.assessments.domain.engine import assess
from kwalibo.assessments.domain.local_maxima import (
    ART_LAND,
    ART_ORIGIN_LAND,
    ART_ORIGIN_WATER,
    ART_WATER,
    ART_ZONE_LAND,
    ART_ZONE_WATER,
    NOTE_NOT_SET,
    REASON_EXCEEDED,
    REASON_MET,
    REASON_NONE_CHECKED,
    REASON_NOT_SET_ABOVE_INTERVENTION,
    REASON_UNDETERMINED,
    REASON_ZONE_EXCEEDED,
    REASON_ZONE_MET,
    RESTRICTION_ORIGIN_ONLY,
    CharacteristicValueError,
    LocalCheck,
    LocalExceedance,
    LocalFrameError,
    LocalMaximumValues,
    LocalMaximumValuesError,
    RowError,
    UnknownZoneError,
    local_check,
    read_local_maximum_values,
    zone_check,
)
from kwalibo.assessments.tests.builders import measurements, sample

TITLE = "Nota bodembeheer Gemeente X 2024"


def maxima(
    values: dict[str | None, dict[str, float]] | None = None, *, frame: str = "grond"
) -> LocalMaximumValues:
    return LocalMaximumValues(
        title=TITLE,
        frame=frame,
        rule_set="rbk-2015",
        values=values if values is not None else {None: {"arseen": 40.0, "koper": 60.0}},
    )


def verdict(
    values: dict[str, object],
    *,
    lutum: float = 25,
    organic_matter: float = 10,
    frame: str = "grond",
) -> dict[str, Any]:
    rows = sample("M1", values, lutum=lutum, organic_matter=organic_matter)
    (only,) = assess(measurements(rows), frame=frame).verdicts
    return only


def table(*rows: tuple[object, ...], zone: bool = False) -> pl.DataFrame:
    columns = ["parameter", "value", "unit"] + (["zone"] if zone else [])
    return pl.DataFrame(
        [dict(zip(columns, row, strict=True)) for row in rows],
        schema=dict.fromkeys(columns, pl.Utf8),
    )


def read(*rows: tuple[object, ...], zone: bool = False, frame: str = "grond") -> LocalMaximumValues:
    return read_local_maximum_values(table(*rows, zone=zone), title=TITLE, frame=frame)


def row_errors(*rows: tuple[object, ...], zone: bool = False) -> list[tuple[int, str, str]]:
    with pytest.raises(LocalMaximumValuesError) as raised:
        read(*rows, zone=zone)
    return [(error.row, error.field, error.code) for error in raised.value.errors]


# --- local_check: art 4.2.1 lid 1 d, 4.2.2 lid 1 en 7 ------------------------------------


def test_a_mean_content_at_the_local_maximum_meets_it() -> None:
    check = local_check(verdict({"arseen": "40", "koper": "60"}), maxima())
    assert check.met
    assert check.exceeded == ()
    assert set(check.checked) == {"arseen", "koper"}
    assert check.not_set == ()
    assert (check.reason, check.note, check.article) == (REASON_MET, None, ART_LAND)


def test_a_mean_content_just_above_the_local_maximum_exceeds_it() -> None:
    check = local_check(verdict({"arseen": "40.01", "koper": "60"}), maxima())
    assert not check.met
    assert check.exceeded == (LocalExceedance("arseen", "arseen (As)", pytest.approx(40.01), 40.0),)
    assert check.reason == REASON_EXCEEDED
    assert check.reason % check.params == (
        f"The mean contents in standard soil exceed the local maximum values of {TITLE} for "
        "arseen (As): the soil or dredgings may not be applied in this soil-management area."
    )


def test_contents_are_standardised_before_the_comparison() -> None:
    # Arsenic 30 mg/kg at 5 % lutum and 3 % organic matter: 30 x (15 + 10 + 4) / (15 + 2 + 1.2)
    # = 47.8 in standard soil, above 40; measured as such it would pass.
    check = local_check(verdict({"arseen": "30"}, lutum=5, organic_matter=3), maxima())
    (exceeded,) = check.exceeded
    assert exceeded.standardised == pytest.approx(30 * 29 / 18.2)


def test_no_background_allowance_applies_to_the_local_maxima() -> None:
    # Under art 4.2.2 lid 4 a, 1 of 2 measured substances may be elevated above the background
    # value; no such allowance exists for local maximum values.
    one = local_check(verdict({"arseen": "41", "koper": "10"}), maxima())
    assert not one.met
    assert [item.substance for item in one.exceeded] == ["arseen"]
    both = local_check(verdict({"arseen": "41", "koper": "61"}), maxima())
    assert {item.substance for item in both.exceeded} == {"arseen", "koper"}


def test_a_result_below_the_required_reporting_limit_complies() -> None:
    # "<5" copper: 5 is the minimum reporting limit of Bijlage G IV tabel 1, so compliance may be
    # assumed; 0.7 x 5 = 3.5 would exceed a local maximum of 1.
    check = local_check(verdict({"koper": "<5"}), maxima({None: {"koper": 1.0}}))
    assert check.met
    assert check.checked == ("koper",)


def test_the_batch_mean_is_compared_not_the_samples() -> None:
    # Arsenic 47.8 (M1, as above) and 10 (M2) in standard soil: mean 28.9, below 40.
    rows = sample("M1", {"arseen": "30"}, lutum=5, organic_matter=3) + sample(
        "M2", {"arseen": "10"}
    )
    (batch,) = assess(measurements(rows), frame="grond", as_batch=True).verdicts
    check = local_check(batch, maxima())
    assert check.met
    assert check.checked == ("arseen",)
    samples = assess(measurements(rows), frame="grond").verdicts
    assert [local_check(one, maxima()).met for one in samples] == [False, True]


def test_measured_substances_without_a_local_value_keep_the_generic_values() -> None:
    check = local_check(verdict({"arseen": "10", "zink": "500"}), maxima())
    assert check.met
    assert (check.checked, check.not_set) == (("arseen",), ("zink",))
    assert check.note == NOTE_NOT_SET
    assert check.note % check.params == (
        f"{TITLE} sets no local maximum value for zink (Zn); for these substances the generic "
        "maximum values continue to apply."
    )


def test_without_any_local_value_for_the_measured_substances_nothing_is_checked() -> None:
    # the check has nothing to say: neither met nor exceeded
    check = local_check(verdict({"zink": "500"}), maxima())
    assert check.met is None
    assert check.checked == ()
    assert check.reason == REASON_NONE_CHECKED


def test_a_substance_without_a_local_value_above_the_intervention_value_is_not_met() -> None:
    """Bbk art 36 lid 2 onder a: the soil chapter does not apply to soil above an intervention
    value, unless art 44 lid 2 (a local value) is relied on; the decision sets none for lead."""
    # lead 600 > IW 530 (standard soil); arsenic 10 ≤ its local value 40
    check = local_check(verdict({"arseen": "10", "lood": "600"}), maxima())
    assert (check.met, check.reason) == (False, REASON_NOT_SET_ABOVE_INTERVENTION)
    assert check.params["above_intervention"] == "lood (Pb)"
    assert check.article.startswith("Bbk art 36 lid 2 onder a")
    # at the intervention value it is not above it: the local check is met
    assert local_check(verdict({"arseen": "10", "lood": "530"}), maxima()).met is True


def test_a_measurement_that_cannot_be_used_leaves_the_local_check_open() -> None:
    # copper "1O0" is measured but unreadable; copper has a local value (60)
    check = local_check(verdict({"arseen": "10", "koper": "1O0"}), maxima())
    assert (check.met, check.reason) == (None, REASON_UNDETERMINED)
    assert check.params["undetermined"] == "koper (Cu)"


def test_soil_in_water_is_held_to_industrie_where_a_local_value_is_higher() -> None:
    """Bbk art 45 lid 2: in water local values above the Industrie value for soil can be set
    for dredgings only. Zinc 1000 ≤ the local 2500 but > Industrie (soil in water) 720."""
    water = maxima({None: {"zink": 2500.0}}, frame="waterbodem")
    found = verdict({"zink": "1000"}, frame="waterbodem")
    soil = local_check(found, water, material="grond")
    assert soil.met is False
    assert [(item.substance, item.local_maximum) for item in soil.exceeded] == [("zink", 720.0)]
    assert "Bbk art 45 lid 2" in soil.article
    # dredgings may use the local value; 1000 ≤ klasse B 2000 relies on no raised value
    dredgings = local_check(found, water, material="baggerspecie")
    assert (dredgings.met, dredgings.origin_only, dredgings.restrictions) == (True, False, ())
    # material not stated: met, with the note that soil would be held to Industrie
    unknown = local_check(found, water)
    assert unknown.met is True
    assert [item.code for item in unknown.restrictions] == ["soil_in_water_bound"]


def test_water_uses_the_values_of_the_water_manager() -> None:
    check = local_check(
        verdict({"zink": "301"}, frame="waterbodem"),
        maxima({None: {"zink": 300.0}}, frame="waterbodem"),
    )
    assert [item.substance for item in check.exceeded] == ["zink"]
    assert check.article == ART_WATER


# --- values set above the generic ones: Bbk art 44 lid 2, 45 lid 2, 52 lid 2 en 3 ---------
# Lead: Industrie 530 mg/kg ds (Rbk Bijlage B tabel 1), klasse B 580 (tabel 2), Industrie for
# soil applied in water 530.


def test_soil_relying_on_a_value_above_industrie_may_only_stay_in_its_area() -> None:
    raised = maxima({None: {"lood": 800.0}})
    check = local_check(verdict({"lood": "600"}), raised)
    assert check.met
    assert check.origin_only
    (restriction,) = check.restrictions
    assert (restriction.code, restriction.substances, restriction.article) == (
        "origin_only",
        ("lood",),
        ART_ORIGIN_LAND,
    )
    assert restriction.reason == RESTRICTION_ORIGIN_ONLY
    assert "lood (Pb) are above the generic Industrie value" in restriction.reason % (
        restriction.params
    )


def test_at_the_industrie_value_the_soil_does_not_rely_on_the_raised_value() -> None:
    check = local_check(verdict({"lood": "530"}), maxima({None: {"lood": 800.0}}))
    assert check.met
    assert not check.origin_only
    assert check.restrictions == ()
    just_above = local_check(verdict({"lood": "530.1"}), maxima({None: {"lood": 800.0}}))
    assert just_above.origin_only


def test_soil_exceeding_the_local_values_gets_no_origin_restriction() -> None:
    # Not applicable in the area at all: the restriction would say nothing more.
    check = local_check(verdict({"lood": "900"}), maxima({None: {"lood": 800.0}}))
    assert not check.met
    assert not check.origin_only


def test_dredgings_rely_on_a_raised_value_above_the_intervention_value() -> None:
    raised = maxima({None: {"lood": 800.0}}, frame="waterbodem")
    between = local_check(verdict({"lood": "560"}, frame="waterbodem"), raised)
    assert not between.origin_only  # above Industrie 530, not above klasse B 580
    above = local_check(verdict({"lood": "600"}, frame="waterbodem"), raised)
    assert above.origin_only
    (origin,) = [item for item in above.restrictions if item.code == "origin_only"]
    assert origin.article == ART_ORIGIN_WATER


def test_in_water_a_value_above_industrie_is_noted_as_for_dredgings_only() -> None:
    raised = maxima({None: {"lood": 540.0, "zink": 300.0}}, frame="waterbodem")
    check = local_check(verdict({"lood": "100"}, frame="waterbodem"), raised)
    (note,) = check.restrictions
    assert (note.code, note.substances, note.article) == (
        "soil_in_water_bound",
        ("lood",),
        "Bbk art 45 lid 2",
    )
    assert check.met
    assert not check.origin_only


def test_a_verdict_of_the_other_frame_is_refused() -> None:
    with pytest.raises(LocalFrameError):
        local_check(verdict({"arseen": "10"}, frame="waterbodem"), maxima())


# --- zones -----------------------------------------------------------------------------

ZONED = {None: {"arseen": 40.0, "koper": 60.0}, "Centrum": {"arseen": 20.0}}


def test_a_zone_uses_its_own_values_and_the_area_wide_ones_for_the_rest() -> None:
    check = local_check(verdict({"arseen": "25", "koper": "61"}), maxima(ZONED), zone="Centrum")
    assert check.zone == "Centrum"
    assert {item.substance: item.local_maximum for item in check.exceeded} == {
        "arseen": 20.0,
        "koper": 60.0,
    }


def test_without_a_zone_only_the_area_wide_values_apply() -> None:
    check = local_check(verdict({"arseen": "25", "koper": "60"}), maxima(ZONED))
    assert check.met
    assert check.zone is None


@pytest.mark.parametrize(
    ("values", "zone", "message"),
    [
        (ZONED, "Haven", f"{TITLE} has no zone Haven; its zones are: Centrum."),
        (
            {"Centrum": {"arseen": 20.0}, "Haven": {"arseen": 80.0}},
            None,
            f"{TITLE} sets local maximum values per zone; name the zone: Centrum, Haven.",
        ),
        (
            {None: {"arseen": 40.0}},
            "Centrum",
            f"{TITLE} sets one set of local maximum values for the whole area, without zones; "
            "there is no zone Centrum.",
        ),
    ],
)
def test_an_unknown_or_missing_zone_is_refused_with_the_zones(
    values: dict[str | None, dict[str, float]], zone: str | None, message: str
) -> None:
    with pytest.raises(UnknownZoneError) as raised:
        local_check(verdict({"arseen": "10"}), maxima(values), zone=zone)
    assert str(raised.value) == message


# --- zone_check: characteristic values, art 4.2.3 lid 3 en 4 -------------------------------


def test_the_characteristic_value_of_the_zone_of_origin_is_compared() -> None:
    at = zone_check({"arseen": 20.0, "zink": 500.0}, maxima(ZONED), zone="Centrum")
    assert (at.met, at.checked, at.not_set) == (True, ("arseen",), ("zink",))
    assert (at.reason, at.article) == (REASON_ZONE_MET, ART_ZONE_LAND)
    above = zone_check({"arseen": 20.5, "koper": 60.0}, maxima(ZONED), zone="Centrum")
    assert above.exceeded == (LocalExceedance("arseen", "arseen (As)", 20.5, 20.0),)
    assert above.reason == REASON_ZONE_EXCEEDED


def test_characteristic_values_in_water_cite_lid_4() -> None:
    check = zone_check(
        {"zink": 300.0}, maxima({None: {"zink": 300.0}}, frame="waterbodem"), zone=None
    )
    assert check.met
    assert check.article == ART_ZONE_WATER


@pytest.mark.parametrize("values", [{"arsenic": 10.0}, {"arseen": -1.0}, {"arseen": float("nan")}])
def test_characteristic_values_must_be_known_substances_and_numbers(
    values: dict[str, float],
) -> None:
    with pytest.raises(CharacteristicValueError):
        zone_check(values, maxima(), zone=None)


# --- read_local_maximum_values ---------------------------------------------------------


def test_the_reader_identifies_names_cas_numbers_and_spelling_variants() -> None:
    read_values = read(
        ("Arseen", "40", "mg/kg ds"),
        ("7440-50-8", "60", "mg/kg ds"),
        ("PAK (som 10)", "5", "mg/kg ds"),
        ("Zn", "300", "mg/kg ds"),
    )
    assert read_values.values == {
        None: {"arseen": 40.0, "koper": 60.0, "pak_som10": 5.0, "zink": 300.0}
    }
    assert (read_values.title, read_values.frame, read_values.rule_set) == (
        TITLE,
        "grond",
        "rbk-2015",
    )


def test_the_reader_converts_micrograms_and_decimal_commas() -> None:
    read_values = read(("PCB's (som 7)", "20", "µg/kg ds"), ("kwik", "0,5", "ug/kg ds"))
    assert read_values.values == {None: {"pcb_som7": pytest.approx(0.02), "kwik": 0.0005}}


def test_the_reader_groups_values_by_zone() -> None:
    read_values = read(
        ("arseen", "40", "mg/kg ds", ""),
        ("arseen", "20", "mg/kg ds", " Centrum "),
        ("koper", "60", "mg/kg ds", None),
        zone=True,
    )
    assert read_values.values == {
        None: {"arseen": 40.0, "koper": 60.0},
        "Centrum": {"arseen": 20.0},
    }
    assert read_values.zones == ("Centrum",)


@pytest.mark.parametrize(
    ("row", "error"),
    [
        (("", "40", "mg/kg ds"), ("parameter", "missing_parameter")),
        (("arsenium", "40", "mg/kg ds"), ("parameter", "unknown_parameter")),
        (("lutum", "25", "%"), ("parameter", "soil_property")),
        (("organische stof", "10", "%"), ("parameter", "soil_property")),
        (("naftaleen", "1", "mg/kg ds"), ("parameter", "not_assessed")),
        (("koper", None, "mg/kg ds"), ("value", "missing_value")),
        (("koper", "veel", "mg/kg ds"), ("value", "not_a_number")),
        (("koper", "<5", "mg/kg ds"), ("value", "not_a_number")),
        (("koper", "-5", "mg/kg ds"), ("value", "negative_value")),
        (("koper", "60", ""), ("unit", "missing_unit")),
        (("koper", "60", "%"), ("unit", "unknown_unit")),
        (("koper", "60", "mg/l"), ("unit", "unknown_unit")),
    ],
)
def test_each_bad_row_is_reported_with_its_row_and_field(
    row: tuple[object, ...], error: tuple[str, str]
) -> None:
    # The bad row is the second data row, after a good one.
    assert row_errors(("arseen", "40", "mg/kg ds"), row) == [(2, *error)]


def test_a_substance_given_twice_for_one_zone_is_reported_at_the_second_row() -> None:
    errors = row_errors(
        ("arseen", "40", "mg/kg ds", ""),
        ("arseen", "20", "mg/kg ds", "Centrum"),
        ("7440-38-2", "45", "mg/kg ds", ""),
        zone=True,
    )
    assert errors == [(3, "parameter", "duplicate")]


def test_one_bad_row_among_good_rows_refuses_the_whole_table() -> None:
    with pytest.raises(LocalMaximumValuesError) as raised:
        read(
            ("arseen", "40", "mg/kg ds"),
            ("koper", "6O", "mg/kg ds"),
            ("zink", "300", "mg/kg ds"),
        )
    assert raised.value.errors == (RowError(2, "value", "not_a_number", {"value": "6O"}),)
    assert raised.value.errors[0].message == "The value 6O is not a number."
    assert str(raised.value) == "The local maximum values were not read; errors in the table: 1."


def test_every_problem_of_a_row_is_reported() -> None:
    errors = row_errors(("arsenium", "-1", "ppx"))
    assert errors == [
        (1, "parameter", "unknown_parameter"),
        (1, "value", "negative_value"),
        (1, "unit", "unknown_unit"),
    ]


def test_the_row_column_gives_the_row_numbers_of_the_source() -> None:
    rows = table(("arseen", "40", "mg/kg ds"), ("koper", "-5", "mg/kg ds")).with_columns(
        pl.Series("row", [7, 8])
    )
    with pytest.raises(LocalMaximumValuesError) as raised:
        read_local_maximum_values(rows, title=TITLE, frame="grond")
    assert [error.row for error in raised.value.errors] == [8]


def test_a_separate_cas_column_identifies_the_substance() -> None:
    rows = table(("stof 1", "40", "mg/kg ds")).with_columns(pl.Series("cas", ["7440-38-2"]))
    read_values = read_local_maximum_values(rows, title=TITLE, frame="grond")
    assert read_values.values == {None: {"arseen": 40.0}}


@pytest.mark.parametrize(
    "frame",
    [pl.DataFrame({"parameter": ["arseen"], "value": ["40"]}), table()],
    ids=["missing unit column", "empty"],
)
def test_a_table_without_the_columns_or_without_rows_is_refused(frame: pl.DataFrame) -> None:
    with pytest.raises(LocalMaximumValuesError) as raised:
        read_local_maximum_values(frame, title=TITLE, frame="grond")
    assert raised.value.errors == ()


def test_an_unknown_frame_is_refused() -> None:
    with pytest.raises(LocalFrameError):
        read_local_maximum_values(table(("arseen", "40", "mg/kg ds")), title=TITLE, frame="lucht")


def test_read_values_check_a_verdict_end_to_end() -> None:
    read_values = read(("arsenicum", "40000", "µg/kg ds"))
    check: LocalCheck = local_check(
        verdict({"arseen": "30"}, lutum=5, organic_matter=3), read_values
    )
    assert [(item.substance, item.local_maximum) for item in check.exceeded] == [("arseen", 40.0)]
