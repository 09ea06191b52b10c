"""Class borders (Rbk art 4.2.2 lid 1, 4.4.1; Bijlage B tabel 1 and 2): at the limit a value is
still in the class, a hair above it is not. Standard soil, so values are not changed."""

from __future__ import annotations

import polars as pl
import pytest
from django.utils import translation

from kwalibo.assessments.domain.engine import assess
from kwalibo.assessments.tests.builders import measurements, sample

HAIR = 1e-9


def verdict(
    values: dict[str, object], frame: str = "grond", **options: object
) -> dict[str, object]:
    result = assess(measurements(sample("M1", values)), frame=frame, **options)  # type: ignore[arg-type]
    (found,) = result.verdicts
    return found


def above(limit: float) -> str:
    return repr(limit * (1 + HAIR))


@pytest.mark.parametrize(
    ("limit", "inside", "outside"),
    [
        (40, "achtergrondwaarde", "wonen"),
        (54, "wonen", "industrie"),
        (190, "industrie", "niet_toepasbaar"),
    ],
)
def test_copper_on_land(limit: float, inside: str, outside: str) -> None:
    assert verdict({"koper": repr(float(limit))})["class"] == inside
    assert verdict({"koper": above(limit)})["class"] == outside


def test_above_industrie_but_below_the_intervention_value_is_not_applicable_without_the_flag() -> (
    None
):
    # cadmium: Industrie 4.3, intervention value 13
    at_industrie = verdict({"cadmium": "4.3"})
    assert at_industrie["class"] == "industrie"
    over = verdict({"cadmium": above(4.3)})
    assert (over["class"], over["intervention_exceeded"]) == ("niet_toepasbaar", False)
    at_iw = verdict({"cadmium": "13"})
    assert (at_iw["class"], at_iw["intervention_exceeded"]) == ("niet_toepasbaar", False)
    over_iw = verdict({"cadmium": above(13)})
    assert (over_iw["class"], over_iw["intervention_exceeded"]) == ("niet_toepasbaar", True)
    assert over_iw["intervention_parameters"] == ["cadmium"]


@pytest.mark.parametrize(
    ("limit", "inside", "outside", "flag"),
    [
        (40, "achtergrondwaarde", "klasse_A", False),
        (96, "klasse_A", "klasse_B", False),
        (190, "klasse_B", "niet_toepasbaar", True),
    ],
)
def test_copper_in_the_water_bed(limit: float, inside: str, outside: str, flag: bool) -> None:
    assert verdict({"koper": repr(float(limit))}, "waterbodem")["class"] == inside
    over = verdict({"koper": above(limit)}, "waterbodem")
    assert over["class"] == outside
    assert over["intervention_exceeded"] is flag


def test_an_empty_wonen_column_classes_industrie() -> None:
    # hexachloorbutadieen on land: AW 0.003, Wonen and Industrie empty (tabel 1 opmerking 2)
    assert verdict({"hexachloorbutadieen": "0.003"})["class"] == "achtergrondwaarde"
    result = verdict({"hexachloorbutadieen": "0.004"})
    assert result["class"] == "industrie"
    rules = {r["rule"] for r in result["explanation"]["rules"]}
    assert "empty_column_grond" in rules


def test_an_empty_class_a_and_b_column_classes_b_in_the_water_bed() -> None:
    # tin in tabel 2: AW 6.5, A and B empty → above AW is class B, never above it
    assert verdict({"tin": "1000"}, "waterbodem")["class"] == "klasse_B"


def test_an_empty_class_a_column_classes_b_in_the_water_bed() -> None:
    # antimoon in tabel 2: AW 4.0, A empty, B 15
    assert verdict({"antimoon": "4"}, "waterbodem")["class"] == "achtergrondwaarde"
    assert verdict({"antimoon": "5"}, "waterbodem")["class"] == "klasse_B"
    assert verdict({"antimoon": above(15)}, "waterbodem")["class"] == "niet_toepasbaar"


def test_deciding_parameters_and_limits_in_the_explanation() -> None:
    result = verdict({"koper": "60", "zink": "100", "lood": "300"})
    assert result["class"] == "industrie"
    assert result["deciding_parameters"] == ["koper", "lood"]
    (copper,) = [p for p in result["explanation"]["parameters"] if p["parameter"] == "koper"]
    assert copper["limits"] == {
        "achtergrondwaarde": 40.0,
        "wonen": 54.0,
        "industrie": 190.0,
        "interventiewaarde": 190.0,
    }
    assert copper["parameter_class"] == "industrie"
    assert copper["decisive"] is True


def test_unknown_and_impossible_values_give_messages_not_errors() -> None:
    rows = [
        *sample("M1", {"koper": "-1", "zink": "veel", "lood": "", "flubber": "3", "kwik": "0,1"}),
        ("M1", "nikkel", "4", "kg"),
        ("M1", "cadmium", "4", "%"),
        ("M1", "lutum", "140"),
    ]
    result = assess(measurements(rows), frame="grond")
    codes = {(m["parameter"], m["code"]) for m in result.messages}
    assert {
        ("koper", "negative_value"),
        ("zink", "not_a_number"),
        ("lood", "missing_value"),
        ("flubber", "unknown_parameter"),
        ("nikkel", "unknown_unit"),
        ("cadmium", "mass_fraction_expected"),
        ("lutum", "percent_out_of_range"),
    } <= codes
    row_messages = [m for m in result.messages if m["code"] != "class_undecided_input_error"]
    assert all(m["row"] for m in row_messages if m["sample"])
    # Copper, zinc, nickel and cadmium were measured but cannot be used: their contents could
    # make the class worse, so the verdict on the rest (kwik 0.1 ≤ 0.15) is named, not given.
    # Lead without a value is not measured (like a row left out) and withholds nothing.
    (verdict,) = result.verdicts
    assert verdict["class"] is None
    assert verdict["undetermined_parameters"] == ["cadmium", "koper", "nikkel", "zink"]
    (withheld,) = [m for m in result.messages if m["code"] == "class_undecided_input_error"]
    assert (withheld["level"], withheld["params"]["detail"]) == ("error", "achtergrondwaarde")


def test_a_measurement_that_cannot_be_used_withholds_the_class_unless_it_is_niet_toepasbaar() -> (
    None
):
    """Engine rule, as for results above the measuring range: a content left out could only
    make the verdict worse, so a class other than niet_toepasbaar is withheld."""
    worse = assess(measurements(sample("M1", {"koper": "1O0", "kwik": "0,1"})), frame="grond")
    assert worse.verdicts[0]["class"] is None
    # lood 1000 > IW 530: niet_toepasbaar whatever the copper content is
    final = assess(measurements(sample("M1", {"koper": "1O0", "lood": "1000"})), frame="grond")
    assert final.verdicts[0]["class"] == "niet_toepasbaar"
    assert "class_undecided_input_error" not in {m["code"] for m in final.messages}
    # a substance without a norm in the frame (barium on land) decides nothing
    barium = assess(measurements(sample("M1", {"barium": "veel", "kwik": "0,1"})), frame="grond")
    assert barium.verdicts[0]["class"] == "achtergrondwaarde"
    # no organic matter to standardise lead (a = 50, b = 1, c = 1): its content is unknown;
    # antimony (b = c = 0) needs none and alone would make the sample Wonen (5 > AW 4)
    no_om = [("M1", "lutum", "25"), ("M1", "antimoon", "5"), ("M1", "lood", "500")]
    unknown = assess(measurements(no_om), frame="grond")
    assert (unknown.verdicts[0]["class"], unknown.verdicts[0]["undetermined_parameters"]) == (
        None,
        ["lood"],
    )


@pytest.mark.parametrize("written", ["n.b.", "N.B.", "niet bepaald", "-", "n.v.t."])
def test_a_value_written_as_not_determined_is_a_substance_not_measured(written: str) -> None:
    """Like an empty cell or a row left out: the class is given on what was measured."""
    result = assess(measurements(sample("M1", {"koper": written, "kwik": "0,1"})), frame="grond")
    (verdict,) = result.verdicts
    assert (verdict["class"], verdict["undetermined_parameters"]) == ("achtergrondwaarde", [])
    assert ("koper", "missing_value") in {(m["parameter"], m["code"]) for m in result.messages}


def test_a_content_above_the_whole_dry_matter_is_an_input_error_at_its_row() -> None:
    """1,000,000 mg/kg ds is all of the dry matter: above it (a unit or typing error) nothing is
    assessed, and a number that would overflow once standardised cannot reach the output."""
    rows = [
        *sample("M1", {"koper": "1000001", "zink": "1e308", "lood": "1000000"}),
        ("M1", "nikkel", "1001", "g/kg ds"),
        ("M1", "kwik", "<2000000"),
    ]
    result = assess(measurements(rows), frame="grond")
    errors = {
        (m["parameter"], m["row"]) for m in result.messages if m["code"] == "content_out_of_range"
    }
    assert errors == {("koper", 4), ("zink", 5), ("nikkel", 7), ("kwik", 8)}
    (verdict,) = result.verdicts
    assert [p["parameter"] for p in verdict["explanation"]["parameters"]] == ["lood"]
    assert verdict["class"] == "niet_toepasbaar"  # lood at the limit is still a content


def test_a_sample_without_any_assessable_parameter_has_no_class() -> None:
    result = assess(measurements([("M1", "flubber", "1")]), frame="grond")
    assert result.verdicts[0]["class"] is None
    assert "no_assessable_parameters" in {m["code"] for m in result.verdicts[0]["messages"]}


def test_identification_by_symbol_cas_aquo_code_and_sikb_id() -> None:
    for written in ("Cu", "koper (Cu)", "KOPER", "7440-50-8", "urn:immetingen:parameter:id:971"):
        assert verdict({written: "60"})["class"] == "industrie", written


def test_the_separate_cas_column_wins() -> None:
    frame = measurements(sample("M1", {"kopr": "60"})).with_columns(
        cas=pl.when(pl.col("parameter") == "kopr").then(pl.lit("7440-50-8"))
    )
    result = assess(frame, frame="grond")
    assert result.verdicts[0]["class"] == "industrie"


@pytest.mark.parametrize("written", ["1,2.345,6", "1.234,5.6", "12.34.5"])
def test_a_number_with_separators_no_lab_writes_is_not_a_number(written: str) -> None:
    """'1,2.345,6' was read as 12.3456 without a word."""
    result = assess(measurements(sample("M1", {"koper": written})), frame="grond")
    assert ("koper", "not_a_number") in {(m["parameter"], m["code"]) for m in result.messages}


def test_without_a_class_whether_an_intervention_value_is_exceeded_is_not_known() -> None:
    open_ = assess(measurements(sample("M1", {"koper": "1O0", "zink": "100"})), frame="grond")
    assert open_.verdicts[0]["intervention_exceeded"] is None
    known = assess(measurements(sample("M1", {"koper": "1O0", "zink": "900"})), frame="grond")
    assert known.verdicts[0]["intervention_exceeded"] is True  # zinc 900 > IW 720


@pytest.mark.parametrize(
    "unit", ["mg/kg drooggewicht", "mg/kg droge stof", "mg/kg d.w.", "mg/kg dm", "mg/kg ds"]
)
def test_dry_matter_written_out_is_the_dry_matter_of_the_norms(unit: str) -> None:
    result = assess(measurements([*sample("M1", {}), ("M1", "zink", "100", unit)]), frame="grond")
    assert result.verdicts[0]["class"] == "achtergrondwaarde"
    assert not [m for m in result.messages if m["code"] == "unknown_unit"]


def test_a_row_without_a_parameter_says_so_not_unknown_parameter_blank() -> None:
    result = assess(measurements([*sample("M1", {"zink": "100"}), ("M1", "", "12")]), frame="grond")
    (message,) = [m for m in result.messages if m["code"] == "missing_parameter"]
    assert (message["row"], message["params"]["value"]) == (5, "12")


@pytest.mark.parametrize(
    ("frame", "values", "substance", "rule"),
    [
        # aldrin has only a land intervention value (Circulaire 2013): 0.01 does not exceed it
        ("grond", {"aldrin": "0.01", "koper": "10"}, "aldrin", "limit_only_grond"),
        # DDT (som) has only an Industrie value in tabel 2 (voetnoot 3): 50 classes nothing
        ("waterbodem", {"DDT (som)": "50", "koper": "10"}, "ddt_som", "limit_only_waterbodem"),
    ],
)
def test_a_row_with_no_class_value_is_shown_as_such_not_as_background_value(
    frame: str, values: dict[str, str], substance: str, rule: str
) -> None:
    from kwalibo.assessments.presentation import parameter_class_label

    (verdict,) = assess(measurements(sample("M1", values)), frame=frame).verdicts
    (row,) = [p for p in verdict["explanation"]["parameters"] if p["parameter"] == substance]
    assert row["limit_only"] is True
    assert rule in {r["rule"] for r in row["rules"]}
    copper = next(p for p in verdict["explanation"]["parameters"] if p["parameter"] == "koper")
    assert copper["limit_only"] is False
    with translation.override("en"):
        assert parameter_class_label(row) == "no class value"
        assert parameter_class_label(copper) == "Background value"


def test_above_its_intervention_value_a_row_without_class_values_shows_the_class() -> None:
    from kwalibo.assessments.presentation import parameter_class_label

    (verdict,) = assess(measurements(sample("M1", {"aldrin": "100"})), frame="grond").verdicts
    (aldrin,) = [p for p in verdict["explanation"]["parameters"] if p["parameter"] == "aldrin"]
    assert aldrin["exceeds_intervention"] is True
    with translation.override("en"):
        assert parameter_class_label(aldrin) == "Not applicable"
