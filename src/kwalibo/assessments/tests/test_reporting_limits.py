"""Values below the reporting limit, Rbk art 4.2.2 lid 7 and Bijlage G IV A, by hand.

Copper's minimum reporting limit in Bijlage G IV tabel 1 is 5 mg/kg ds; its AW is 40.
"""

from __future__ import annotations

import pytest

from kwalibo.assessments.domain.engine import assess
from kwalibo.assessments.tests.builders import PAH, measurements, sample


def only_parameter(
    result_rows: list[tuple[object, ...]], frame: str = "grond"
) -> dict[str, object]:
    result = assess(measurements(result_rows), frame=frame)
    (parameter,) = result.verdicts[0]["explanation"]["parameters"]
    parameter["class"] = result.verdicts[0]["class"]
    return parameter


def test_limit_at_the_table_limit_may_be_assumed_to_comply() -> None:
    parameter = only_parameter(sample("M1", {"koper": "<5"}))
    assert parameter["compliance_assumed"] is True
    assert parameter["measurements"][0]["reporting_limit_rule"] == "assumed_compliant"
    assert parameter["class"] == "achtergrondwaarde"


def test_limit_below_the_table_limit_may_be_assumed_to_comply_also_in_other_units() -> None:
    # 4000 µg/kg ds = 4 mg/kg ds ≤ 5; "5000 ug/kg" is exactly the table limit
    for value, unit in (("< 4000", "µg/kg ds"), ("<5000", "ug/kg ds"), ("< 0,004", "g/kg ds")):
        rows = [("M1", "lutum", "25"), ("M1", "organische stof", "10"), ("M1", "Cu", value, unit)]
        assert only_parameter(rows)["compliance_assumed"] is True, unit


def test_limit_above_the_table_limit_tests_0_7_times_the_limit() -> None:
    # "<60": 0.7 × 60 = 42 > AW 40 → wonen (one substance: no allowance)
    parameter = only_parameter(sample("M1", {"koper": "<60"}))
    assert parameter["compliance_assumed"] is False
    assert parameter["value_used"] == pytest.approx(42.0)
    assert parameter["measurements"][0]["reporting_limit_rule"] == "0.7_x_reported_limit"
    assert parameter["class"] == "wonen"
    # "<57": 0.7 × 57 = 39.9 ≤ 40 → achtergrondwaarde
    assert only_parameter(sample("M1", {"koper": "< 57"}))["class"] == "achtergrondwaarde"


def test_the_0_7_factor_is_applied_before_standardisation() -> None:
    # 0.7 × 20 = 14, then × 36/19.8 at 5 % lutum, 3 % OM
    parameter = only_parameter(sample("M1", {"koper": "<20"}, lutum=5, organic_matter=3))
    assert parameter["value_used"] == pytest.approx(14.0)
    assert parameter["standardised"] == pytest.approx(14 * 36 / 19.8)


def test_a_reported_number_below_the_table_limit_is_tested_as_it_is() -> None:
    parameter = only_parameter(sample("M1", {"koper": "3"}))
    assert parameter["compliance_assumed"] is False
    assert parameter["value_used"] == pytest.approx(3.0)


def test_without_a_table_limit_0_7_times_the_reported_limit() -> None:
    # mineral oil has a table limit (35); complex cyanide has none in tabel 1
    parameter = only_parameter(sample("M1", {"minerale olie": "<35"}))
    assert parameter["compliance_assumed"] is True
    rows = sample("M1", {"cyanide (complex)": "<1"})
    parameter = only_parameter(rows)
    assert parameter["compliance_assumed"] is False
    assert parameter["value_used"] == pytest.approx(0.7)


def test_decimal_comma_and_spaces_after_the_sign() -> None:
    parameter = only_parameter(sample("M1", {"koper": "< 12,5"}))
    assert parameter["value_used"] == pytest.approx(0.7 * 12.5)


# --- assumed to comply without the lutum or organic matter to standardise ------------------

#: Six metals "< RG" at their tabel 1 limit; each needs lutum to be standardised (B > 0).
METALS_BELOW = {
    "arseen": "<4",
    "cadmium": "<0,2",
    "chroom": "<10",
    "kobalt": "<3",
    "koper": "<5",
    "nikkel": "<4",
}


def messages_of(result_rows: list[tuple[object, ...]], **options: object) -> set[tuple[str, str]]:
    result = assess(measurements(result_rows), frame="grond", **options)  # type: ignore[arg-type]
    return {(m["parameter"], m["code"]) for m in result.messages}


def test_below_the_table_limit_complies_without_lutum_and_counts_as_measured() -> None:
    """Bijlage G IV A: a "< RG" at or below tabel 1 may be assumed to comply, which needs no
    standardisation, so a sample without lutum keeps it. With antimony (no correction) that
    makes 7 measured substances, and art 4.2.2 lid 5 allows 2 elevated: antimony 5 (AW 4) and
    molybdenum 2 (AW 1.5) stay within 2 × AW."""
    rows = sample(
        "M1", {**METALS_BELOW, "antimoon": "5", "molybdeen": "2"}, lutum=None, organic_matter=10
    )
    result = assess(measurements(rows), frame="grond")
    (verdict,) = result.verdicts
    assert verdict["allowance"]["measured"] == 8
    assert verdict["allowance"]["used"] is True
    assert verdict["class"] == "achtergrondwaarde"
    copper = next(p for p in verdict["explanation"]["parameters"] if p["parameter"] == "koper")
    assert copper["compliance_assumed"] is True
    assert copper["standardised"] is None
    assert ("koper", "compliant_without_lutum") in messages_of(rows)


def test_without_lutum_a_quantified_metal_is_still_not_assessed() -> None:
    rows = sample("M1", {**METALS_BELOW, "koper": "20"}, lutum=None)
    codes = messages_of(rows)
    assert ("koper", "missing_lutum") in codes
    (verdict,) = assess(measurements(rows), frame="grond").verdicts
    assert "koper" not in {p["parameter"] for p in verdict["explanation"]["parameters"]}


def test_a_duplicate_below_the_limit_does_not_stand_in_for_a_quantified_one() -> None:
    """The mean of duplicates needs both values standardised; the "<" one alone would hide the
    quantified 80 mg/kg."""
    rows = [("M1", "organische stof", "10"), ("M1", "koper", "<5"), ("M1", "koper", "80")]
    (verdict,) = assess(measurements(rows), frame="grond").verdicts
    assert verdict["class"] is None
    assert ("koper", "missing_lutum") in messages_of(rows)


def test_pah_sum_of_components_all_below_the_limit_complies_without_organic_matter() -> None:
    rows = sample("M1", dict.fromkeys(PAH, "<0,05"), organic_matter=None)
    (verdict,) = assess(measurements(rows), frame="grond").verdicts
    (pah,) = verdict["explanation"]["parameters"]
    assert pah["origin"] == "computed"
    assert pah["compliance_assumed"] is True
    assert pah["standardised"] is None
    assert verdict["class"] == "achtergrondwaarde"


def test_pah_sum_with_one_quantified_component_is_not_assessed_without_organic_matter() -> None:
    """The sum would otherwise be made of the nine "<" components and assumed to comply."""
    values = dict.fromkeys(PAH, "<0,05") | {"benzo(a)pyreen": "3"}
    rows = sample("M1", values, organic_matter=None)
    (verdict,) = assess(measurements(rows), frame="grond").verdicts
    assert verdict["explanation"]["parameters"] == []
    assert verdict["class"] is None
    assert ("benzo(a)pyreen", "missing_organic_matter") in messages_of(rows)


def test_batch_mean_needs_every_sample_standardised_unless_all_may_be_assumed_to_comply() -> None:
    """Art 4.2.2 lid 1: the batch mean over every sample. M1 has no lutum, so its "< RG" copper
    cannot enter the mean as 0.7 × RG in standard soil: the batch has no copper mean."""
    rows = sample("M1", {"koper": "<5", "zink": "30"}, lutum=None) + sample(
        "M2", {"koper": "50", "zink": "30"}
    )
    result = assess(measurements(rows), frame="grond", as_batch=True)
    (batch,) = result.verdicts
    incomplete = [m for m in result.messages if m["code"] == "batch_mean_incomplete"]
    assert [(m["parameter"], m["params"]["detail"]) for m in incomplete] == [
        ("koper (Cu)", "M1"),
        ("zink (Zn)", "M1"),
    ]
    assert batch["class"] is None
    # all "< RG": the mean may be assumed to comply, standardised or not
    rows = sample("M1", {"koper": "<5"}, lutum=None) + sample("M2", {"koper": "<5"})
    (batch,) = assess(measurements(rows), frame="grond", as_batch=True).verdicts
    (copper,) = batch["explanation"]["parameters"]
    assert copper["compliance_assumed"] is True
    assert copper["standardised"] is None
    assert batch["class"] == "achtergrondwaarde"


@pytest.mark.parametrize("written", [" <60", "<60 ", "<=60", "≤60", "< 60", "<\u00a060"])
def test_the_limit_sign_is_read_with_the_spaces_around_it(written: str) -> None:
    # a leading space used to hide the sign: 60 was tested as measured, not 0.7 × 60
    parameter = only_parameter(sample("M1", {"koper": written}))
    assert parameter["measurements"][0]["below_reporting_limit"] is True
    assert parameter["value_used"] == pytest.approx(42)


@pytest.mark.parametrize("written", ["<<60", "<>60", "><60", "< <60"])
def test_a_second_limit_sign_is_not_a_number(written: str) -> None:
    result = assess(measurements(sample("M1", {"koper": written})), frame="grond")
    codes = [m["code"] for m in result.verdicts[0]["messages"]]
    assert codes == ["not_a_number", "no_assessable_parameters"]


def test_a_sum_cites_the_reporting_limit_rule_for_a_component_at_seven_tenths() -> None:
    """PCB 28 "<0.01" above its table limit (0.001) enters PCB (som 7) at 0.007 (Bijlage G IV
    A): the sum's explanation cites the rule, as it did only for components assumed to comply."""
    values = {f"PCB {n}": "0.01" for n in (28, 52, 101, 118, 138, 153, 180)} | {"PCB 28": "<0.01"}
    (verdict,) = assess(measurements(sample("M1", values)), frame="grond").verdicts
    (pcb,) = verdict["explanation"]["parameters"]
    part = next(c for c in pcb["components"] if c["component"] == "pcb_28")
    assert part["measurements"][0]["reporting_limit_rule"] == "0.7_x_reported_limit"
    assert "reporting_limit" in [rule["rule"] for rule in pcb["rules"]]
    exact = {f"PCB {n}": "0.01" for n in (28, 52, 101, 118, 138, 153, 180)}
    (plain,) = assess(measurements(sample("M1", exact)), frame="grond").verdicts
    assert "reporting_limit" not in [
        r["rule"] for r in plain["explanation"]["parameters"][0]["rules"]
    ]
