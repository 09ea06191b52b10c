"""Values below the reporting limit, Rbk art 4.2.2 lid 7 and Bijlage G IV A, by hand.

Copper's minimum reporting limit in Bijlage G IV tabel 1 is 5 mg/kg ds; its AW is 40.
"""

from __future__ import annotations

import pytest

from kwalibo.assessments.domain.engine import assess
from kwalibo.assessments.tests.builders import measurements, sample


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
