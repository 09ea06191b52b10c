"""Rbk art 4.13.1 lid 2: an enforcement investigation establishes a violation of Bbk art 37
lid 1 only when the maximum values are exceeded by at least a factor 1.4. Standard soil (25 %
lutum, 10 % organic matter), so the standardised contents are the measured ones."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from kwalibo.assessments.domain.enforcement import EnforcementError, enforcement_check
from kwalibo.assessments.domain.engine import assess
from kwalibo.assessments.tests.builders import fillers, measurements, sample

DATE = dt.date(2020, 6, 1)


def verdict(values: dict[str, str], frame: str = "grond") -> dict[str, Any]:
    rows = sample("M1", values)
    (result,) = assess(measurements(rows, sampling_date=DATE), frame=frame).verdicts
    return result


@pytest.mark.parametrize(
    ("zinc", "violation"),
    [
        # Wonen 200 mg/kg ds (tabel 1): 1.4 × 200 = 280.
        ("279.9", False),
        ("280", True),  # "ten minste een factor 1,4": exactly 1.4 times is a violation
        ("400", True),
    ],
)
def test_a_wonen_batch_violates_only_at_1_4_times_the_wonen_value(
    zinc: str, violation: bool
) -> None:
    result = verdict({"zink": zinc})
    assert result["class"] == "industrie"  # above Wonen in the ordinary assessment
    check = enforcement_check(result, "wonen")
    assert check.violation is violation
    assert check.factor == 1.4
    assert check.article.startswith("Rbk art 4.13.1 lid 2")
    if violation:
        (item,) = check.exceeded
        assert (item.substance, item.limit) == ("zink", 200.0)
        assert item.ratio == pytest.approx(float(zinc) / 200)


def test_a_value_at_1_4_times_after_standardisation_is_a_violation() -> None:
    # copper 56.7 at 18 % lutum and 2 % organic matter: 56.7 × 36 / 27 = 75.6 = 1.4 × Wonen 54
    # in exact arithmetic, whichever way floating point rounds it.
    rows = sample("M1", {"koper": "56.7"}, lutum=18, organic_matter=2)
    (result,) = assess(measurements(rows, sampling_date=DATE), frame="grond").verdicts
    assert enforcement_check(result, "wonen").violation is True
    below = sample("M1", {"koper": "56.69"}, lutum=18, organic_matter=2)
    (lower,) = assess(measurements(below, sampling_date=DATE), frame="grond").verdicts
    assert enforcement_check(lower, "wonen").violation is False


def test_a_background_batch_keeps_its_allowance_under_the_factor() -> None:
    """With 7 measured substances the allowance is 2 (art 4.2.2 lid 4): two substances at
    1.4 × AW or more are no violation, three are; each at most 1.4 × 2 × AW and 1.4 × Wonen."""
    base = fillers("rbk-2015", "grond", 4, exclude=("koper", "zink", "lood"))
    # AW copper 40, zinc 140, lead 50; Wonen copper 54, zinc 200, lead 210.
    two = base | {"koper": "60", "zink": "200", "lood": "0"}
    three = base | {"koper": "60", "zink": "200", "lood": "75"}
    assert enforcement_check(verdict(two), "achtergrondwaarde").violation is False
    check = enforcement_check(verdict(three), "achtergrondwaarde")
    assert check.violation is True
    assert check.params["count"] == "3"
    assert check.params["allowed"] == "2"
    # copper at 1.4 × Wonen 54 = 75.6 exceeds the cap even alone
    capped = enforcement_check(verdict(base | {"koper": "75.6"}), "achtergrondwaarde")
    assert capped.violation is True
    assert [item.substance for item in capped.exceeded] == ["koper"]


def test_water_bed_classes_and_refused_classes() -> None:
    # lead: klasse A 138 (tabel 2), so 1.4 × 138 = 193.2
    result = verdict({"lood": "193.2"}, frame="waterbodem")
    assert enforcement_check(result, "klasse_A").violation is True
    assert enforcement_check(result, "klasse_B").violation is False
    with pytest.raises(EnforcementError):
        enforcement_check(result, "wonen")
    with pytest.raises(EnforcementError):
        enforcement_check(verdict({"lood": "1"}), "niet_toepasbaar")


def test_values_assumed_to_comply_never_show_a_violation() -> None:
    result = verdict({"cadmium": "<0.2"})
    assert enforcement_check(result, "achtergrondwaarde").violation is False


def test_a_substance_without_a_value_for_the_stated_class_is_held_to_its_aw() -> None:
    """Tabel 2 opmerking 2: no klasse A value means class B above the AW, so a batch stated
    klasse A may not hold antimony at 100 (AW 4; 1.4 × 4 = 5.6); stated klasse B it is held
    to B (15; 1.4 × 15 = 21). A cleaner stated class is never more lenient."""
    water = verdict({"antimoon": "100"}, frame="waterbodem")
    assert enforcement_check(water, "klasse_A").violation is True
    assert enforcement_check(water, "klasse_B").violation is True
    # on land hexachlorobutadiene has only an AW (0.003): stated Wonen it is held to the AW,
    # stated Industrie (the class of any content above the AW) to nothing
    land = verdict({"hexachloorbutadieen": "0.01"})
    assert enforcement_check(land, "wonen").violation is True
    assert enforcement_check(land, "industrie").violation is False
    assert verdict({"hexachloorbutadieen": "0.004"})["class"] == "industrie"
    assert enforcement_check(verdict({"hexachloorbutadieen": "0.004"}), "wonen").violation is False


def test_an_exempt_tare_soil_substance_shows_no_violation() -> None:
    """Art 4.14.1: the AW and the class values do not apply to mineral oil in tare soil."""
    rows = sample("M1", {"minerale olie": "600", "koper": "10"})
    (exempt,) = assess(
        measurements(rows, sampling_date=DATE), frame="grond", tare_soil=("natural_presence",)
    ).verdicts
    assert enforcement_check(exempt, "wonen").violation is False
    assert enforcement_check(exempt, "achtergrondwaarde").violation is False
    # without the exemption 600 ≥ 1.4 × 190 (Wonen) is a violation
    assert enforcement_check(verdict({"minerale olie": "600", "koper": "10"}), "wonen").violation


def test_no_violation_with_a_measurement_that_could_not_be_used_is_said_with_a_reservation() -> (
    None
):
    """A lead content written "1O0" is unknown, not absent: the investigation shows no
    violation as yet, and says which parameter it could not use."""
    found = verdict({"lood": "1O0", "zink": "100"})
    assert found["undetermined_parameters"] == ["lood"]
    for stated in ("wonen", "achtergrondwaarde"):
        check = enforcement_check(found, stated)
        assert check.violation is False
        assert "as yet" in check.reason
        assert check.params["substances"] == "lood (Pb)"
    # a clear case stays plain
    plain = enforcement_check(verdict({"lood": "100", "zink": "100"}), "wonen")
    assert "as yet" not in plain.reason
