"""Results above the lab's measuring range (">5000"): the number is a lower bound of the content.

A class is given only where a higher content could not change it (niet_toepasbaar); any other
is withheld with a message, and a spreading verdict "verspreidbaar" becomes "onbepaald".
"""

from __future__ import annotations

import csv
import io

from hypothesis import given
from hypothesis import strategies as st

from kwalibo.assessments.domain.application import Location, location_check
from kwalibo.assessments.domain.enforcement import (
    REASON_NO_VIOLATION_LOWER_BOUND,
    enforcement_check,
)
from kwalibo.assessments.domain.engine import assess
from kwalibo.assessments.domain.local_maxima import (
    REASON_EXCEEDED,
    REASON_MET_LOWER_BOUND,
    LocalMaximumValues,
    local_check,
)
from kwalibo.assessments.tests.builders import measurements, sample
from kwalibo.assessments.tests.test_properties import PARAMETERS, SETTINGS, values


def _codes(verdict: dict[str, object]) -> list[tuple[object, object, object]]:
    return [(m["code"], m["parameter"], m["row"]) for m in verdict["messages"]]  # type: ignore[attr-defined, index]


def test_a_result_above_the_range_that_already_exceeds_industrie_gives_the_class() -> None:
    rows = sample("M1", {"minerale olie": ">5000", "lood": "20"})
    (verdict,) = assess(measurements(rows), frame="grond").verdicts

    assert verdict["class"] == "niet_toepasbaar"
    # row 2 and 3 are lutum and organic matter; mineral oil is row 4
    assert _codes(verdict) == [("above_measuring_range", "minerale olie", 4)]
    (oil,) = [p for p in verdict["explanation"]["parameters"] if p["parameter"] == "minerale_olie"]
    assert oil["measurements"][0]["value_raw"] == ">5000"
    assert oil["value_used"] == 5000
    assert oil["decisive"]


def test_a_result_above_the_range_below_the_worst_class_withholds_the_class() -> None:
    rows = sample("M1", {"minerale olie": ">400", "lood": "20"}) + sample(
        "M2", {"minerale olie": "400", "lood": "20"}
    )
    first, second = assess(measurements(rows), frame="grond").verdicts

    # 400 mg/kg ds of mineral oil in standard soil is above Wonen (190), within Industrie (500)
    assert second["class"] == "industrie"
    assert first["class"] is None
    (undecided,) = [m for m in first["messages"] if m["code"] == "class_undecided_above_range"]
    assert undecided["level"] == "error"
    assert undecided["params"]["detail"] == "industrie"
    assert undecided["message"].startswith(
        "No class: with the results above the measuring range taken at their number the "
        "verdict would be industrie"
    )
    assert [m["code"] for m in second["messages"]] == []


def test_a_result_above_the_range_in_a_batch_makes_its_mean_a_lower_bound() -> None:
    rows = sample("M1", {"minerale olie": ">400", "lood": "20"}) + sample(
        "M2", {"minerale olie": "300", "lood": "20"}
    )
    assessment = assess(measurements(rows), frame="grond", as_batch=True)
    (batch,) = assessment.verdicts
    assert batch["class"] is None
    assert "class_undecided_above_range" in [m["code"] for m in batch["messages"]]
    table = _csv_rows(assessment.to_csv())
    assert table["partij", "minerale_olie"]["lower_bound"] == "true"
    assert table["partij", "lood"]["lower_bound"] == "false"

    rows = sample("M1", {"minerale olie": ">9000", "lood": "20"}) + sample(
        "M2", {"minerale olie": "300", "lood": "20"}
    )
    (batch,) = assess(measurements(rows), frame="grond", as_batch=True).verdicts
    assert batch["class"] == "niet_toepasbaar"  # the mean is at least 4650, above Industrie


def test_a_result_above_the_range_at_a_limit_exceeds_it() -> None:
    """ ">190" copper is higher than 190, the Industrie value (standard soil): niet_toepasbaar
    for certain, where 190 itself is industrie; ">54" (Wonen) is above Wonen but may or may
    not be above Industrie, so the class stays open."""
    at = assess(measurements(sample("M1", {"koper": "190"})), frame="grond").verdicts[0]
    assert at["class"] == "industrie"
    (above,) = assess(measurements(sample("M1", {"koper": ">190"})), frame="grond").verdicts
    assert above["class"] == "niet_toepasbaar"
    assert "class_undecided_above_range" not in [m["code"] for m in above["messages"]]
    (wonen,) = assess(measurements(sample("M1", {"koper": ">54"})), frame="grond").verdicts
    assert wonen["class"] is None
    # in water: zinc ">563" at its klasse A value fails fresh water (A is its maximum there)
    (water,) = assess(measurements(sample("M1", {"zink": ">563"})), frame="waterbodem").verdicts
    assert water["spreading"]["zoet_oppervlaktewater"] == "niet_verspreidbaar"


def test_in_water_spreading_that_a_higher_content_could_fail_becomes_undecided() -> None:
    rows = sample("M1", {"zink": ">100", "lood": "20"})
    (verdict,) = assess(measurements(rows), frame="waterbodem").verdicts
    at = assess(measurements(sample("M1", {"zink": "100", "lood": "20"})), frame="waterbodem")

    assert at.verdicts[0]["spreading"]["zoet_oppervlaktewater"] == "verspreidbaar"
    assert verdict["class"] is None
    assert verdict["spreading"]["zoet_oppervlaktewater"] == "onbepaald"

    rows = sample("M1", {"zink": ">5000", "lood": "20"})
    (verdict,) = assess(measurements(rows), frame="waterbodem").verdicts
    assert verdict["class"] == "niet_toepasbaar"
    assert verdict["spreading"]["zoet_oppervlaktewater"] == "niet_verspreidbaar"


def test_a_result_above_the_range_of_a_substance_without_norms_leaves_the_class() -> None:
    # barium has no value on land in rule set rbk-2015 (and is in no sum): it classes nothing
    rows = sample("M1", {"barium": ">500", "lood": "20"})
    (verdict,) = assess(measurements(rows), frame="grond").verdicts
    assert verdict["class"] == "achtergrondwaarde"
    assert {"above_measuring_range", "no_norm"} <= {m["code"] for m in verdict["messages"]}


def test_a_component_above_the_range_leaves_the_class_of_its_sum_open() -> None:
    # naphthalene has no land value of its own; it enters PAK (som 10)
    rows = sample("M1", {"naftaleen": ">0.01", "lood": "20"})
    (verdict,) = assess(measurements(rows), frame="grond").verdicts
    assert verdict["class"] is None


def test_free_cyanide_above_the_range_leaves_even_niet_toepasbaar_open() -> None:
    # complex cyanide = total - free: a higher free cyanide lowers it
    exact = sample("M1", {"cyanide (vrij)": "100", "cyanide (totaal)": "5000"})
    assert assess(measurements(exact), frame="grond").verdicts[0]["class"] == "niet_toepasbaar"
    above = sample("M1", {"cyanide (vrij)": ">100", "cyanide (totaal)": "5000"})
    assert assess(measurements(above), frame="grond").verdicts[0]["class"] is None


def test_lutum_above_the_range_cannot_standardise() -> None:
    (verdict,) = assess(
        measurements(sample("M1", {"lood": "20"}, lutum=">50")), frame="grond"
    ).verdicts

    assert ("soil_property_above_range", "lutum", 2) in _codes(verdict)
    assert ("missing_lutum", "lood", 4) in _codes(verdict)


def test_a_batch_without_a_class_may_not_be_applied_anywhere() -> None:
    rows = sample("M1", {"minerale olie": ">50"})
    (verdict,) = assess(measurements(rows), frame="grond", as_batch=True).verdicts
    check = location_check(verdict, Location("industrie", "industrie"))
    assert check.allowed is False


@SETTINGS
@given(
    frame=st.sampled_from(["grond", "waterbodem"]),
    contents=st.dictionaries(st.sampled_from(PARAMETERS), values, min_size=1, max_size=6),
    chosen=st.data(),
)
def test_a_class_given_above_the_range_is_the_class_at_its_number_and_the_worst(
    frame: str, contents: dict[str, float], chosen: st.DataObject
) -> None:
    parameter = chosen.draw(st.sampled_from(sorted(contents)))
    at = {name: f"{value:.6g}" for name, value in contents.items()}
    above = at | {parameter: ">" + at[parameter]}

    (exact,) = assess(measurements(sample("M1", at)), frame=frame).verdicts
    (bounded,) = assess(measurements(sample("M1", above)), frame=frame).verdicts

    if exact["class"] == "niet_toepasbaar":
        assert bounded["class"] == "niet_toepasbaar"
    elif bounded["class"] is not None:
        # only a substance that classes nothing in this frame leaves the class as it was
        assert bounded["class"] == exact["class"]
        assert "no_norm" in {m["code"] for m in bounded["messages"]}


def test_local_maximum_values_met_at_the_number_are_left_undecided() -> None:
    maxima = LocalMaximumValues(
        title="Nota bodembeheer X",
        frame="grond",
        rule_set="rbk-2015",
        values={None: {"koper": 60.0, "arseen": 40.0}},
    )
    above = sample("M1", {"koper": ">50", "arseen": "10"})
    (verdict,) = assess(measurements(above), frame="grond").verdicts
    check = local_check(verdict, maxima)
    assert (check.met, check.reason) == (None, REASON_MET_LOWER_BOUND)
    assert check.params["lower_bound"] == "koper (Cu)"

    exceeded = sample("M1", {"koper": ">70", "arseen": "10"})
    (verdict,) = assess(measurements(exceeded), frame="grond").verdicts
    check = local_check(verdict, maxima)
    assert not check.met  # 70 already exceeds 60: that holds for any higher content
    assert check.reason == REASON_EXCEEDED


def test_an_enforcement_investigation_establishes_no_violation_from_a_lower_bound() -> None:
    # Wonen copper 54 in standard soil; 1.4 × 54 = 75.6
    rows = sample("M1", {"koper": ">60", "lood": "20"})
    (verdict,) = assess(measurements(rows), frame="grond", as_batch=True).verdicts
    (copper,) = [p for p in verdict["explanation"]["parameters"] if p["parameter"] == "koper"]
    assert copper["lower_bound"]
    assert copper["measurements"][0]["above_measuring_range"]
    check = enforcement_check(verdict, "wonen")
    assert check.violation is False
    assert check.reason == REASON_NO_VIOLATION_LOWER_BOUND
    assert check.params["substances"] == "koper (Cu)"

    rows = sample("M1", {"koper": ">80", "lood": "20"})
    (verdict,) = assess(measurements(rows), frame="grond", as_batch=True).verdicts
    assert enforcement_check(verdict, "wonen").violation is True


def _csv_rows(text: str) -> dict[tuple[str, str], dict[str, str]]:
    return {(r["sample"], r["parameter"]): r for r in csv.DictReader(io.StringIO(text))}


def test_the_csv_marks_each_value_that_is_a_lower_bound() -> None:
    # Mineral oil above the range is a lower bound; benzo(a)pyrene above the range makes the
    # computed PAH sum (on land only the sum is normed) one too. The other sample's values and
    # all lead rows are exact.
    rows = sample("M1", {"minerale olie": ">400", "benzo(a)pyreen": ">20", "lood": "20"})
    rows += sample("M2", {"minerale olie": "400", "benzo(a)pyreen": "0,5", "lood": "20"})
    assessment = assess(measurements(rows), frame="grond")
    fast, slow = io.StringIO(), assessment.to_csv()
    assessment.write_csv(fast)
    assert fast.getvalue() == slow
    table = _csv_rows(slow)
    assert table["M1", "minerale_olie"]["lower_bound"] == "true"
    assert table["M1", "pak_som10"]["lower_bound"] == "true"
    assert table["M2", "minerale_olie"]["lower_bound"] == "false"
    assert table["M2", "pak_som10"]["lower_bound"] == "false"
    assert {table[s, "lood"]["lower_bound"] for s in ("M1", "M2")} == {"false"}
    (pah,) = [
        p
        for p in assessment.verdicts[0]["explanation"]["parameters"]
        if p["parameter"] == "pak_som10"
    ]
    assert pah["lower_bound"]
