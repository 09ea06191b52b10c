"""The background-value allowance (Rbk art 4.2.2 lid 4, 5, 8) and the Wonen allowance for the
receiving soil (art 4.10.2 lid 3, 4), threshold by threshold, at standard soil.

Elevated values used (each > AW, ≤ 2 × AW and ≤ Wonen): koper 45 (AW 40, Wonen 54), zink 150
(140, 200), lood 60 (50, 210), kwik 0.2 (0.15, 0.83), cadmium 0.7 (0.6, 1.2).
"""

from __future__ import annotations

import pytest

from kwalibo.assessments.domain.classification import allowance_for
from kwalibo.assessments.domain.engine import assess
from kwalibo.assessments.tests.builders import PCB, fillers, measurements, sample

ELEVATED = {"koper": "45", "zink": "150", "lood": "60", "kwik": "0.2", "cadmium": "0.7"}
ELEVATED_IDS = ("koper", "zink", "lood", "kwik", "cadmium")


def verdict(values: dict[str, str], **options: object) -> dict[str, object]:
    result = assess(measurements(sample("M1", values)), frame="grond", **options)  # type: ignore[arg-type]
    (found,) = result.verdicts
    return found


def with_measured(elevated: int, measured: int) -> dict[str, str]:
    chosen = dict(list(ELEVATED.items())[:elevated])
    return chosen | fillers("rbk-2015", "grond", measured - elevated, exclude=ELEVATED_IDS)


@pytest.mark.parametrize(
    ("measured", "allowed"),
    [(1, 0), (2, 1), (6, 1), (7, 2), (15, 2), (16, 3), (26, 3), (27, 4), (36, 4), (37, 5), (60, 5)],
)
def test_the_number_allowed_by_the_number_measured(measured: int, allowed: int) -> None:
    assert allowance_for(measured) == allowed


@pytest.mark.parametrize(("threshold", "allowed"), [(2, 1), (7, 2), (16, 3), (27, 4), (37, 5)])
def test_each_threshold_exactly(threshold: int, allowed: int) -> None:
    # at the threshold: ``allowed`` elevated substances still count as background quality
    at = verdict(with_measured(allowed, threshold))
    assert at["allowance"]["measured"] == threshold
    assert at["allowance"]["allowed"] == allowed
    assert at["allowance"]["used"] is True
    assert at["class"] == "achtergrondwaarde"
    # one substance fewer measured: the allowance drops by one and the class is wonen
    below = verdict(with_measured(allowed, threshold - 1))
    assert below["allowance"]["allowed"] == allowed - 1
    assert below["class"] == "wonen"
    # one more elevated than allowed: wonen
    if allowed < len(ELEVATED):
        over = verdict(with_measured(allowed + 1, threshold))
        assert over["class"] == "wonen"
        assert over["allowance"]["used"] is False


def test_at_most_twice_the_background_value() -> None:
    base = fillers("rbk-2015", "grond", 1, exclude=ELEVATED_IDS)
    assert verdict(base | {"lood": "100"})["class"] == "achtergrondwaarde"  # = 2 × 50
    assert verdict(base | {"lood": "100.000001"})["class"] == "wonen"


def test_not_above_the_wonen_value() -> None:
    base = fillers("rbk-2015", "grond", 1, exclude=ELEVATED_IDS)
    # koper 54 = Wonen ≤ 2 × 40: allowed; 54.01 > Wonen: industrie
    assert verdict(base | {"koper": "54"})["class"] == "achtergrondwaarde"
    assert verdict(base | {"koper": "54.01"})["class"] == "industrie"


def test_nickel_is_exempt_from_the_wonen_cap() -> None:
    # nikkel: AW 35, Wonen 39; 60 > Wonen but ≤ 2 × AW = 70 → the allowance still applies
    base = fillers("rbk-2015", "grond", 1, exclude=("nikkel",))
    result = verdict(base | {"nikkel": "60"})
    assert result["class"] == "achtergrondwaarde"
    assert result["allowance"]["elevated"] == ["nikkel"]
    assert verdict(base | {"nikkel": "70.01"})["class"] == "industrie"


def test_a_sum_computed_only_from_counted_substances_adds_none_to_the_number_measured() -> None:
    # hexachloorbenzeen alone: the organochlorine pesticides' sum is computed from it, but one
    # result is one substance measured, so no allowance (HCB 0.01 > AW 0.0085, ≤ Wonen 0.027)
    alone = verdict({"hexachloorbenzeen": "0.01"})
    assert alone["allowance"]["measured"] == 1
    assert alone["class"] == "wonen"
    # six substances and benzene: the aromatic solvents' sum made of benzene alone is not a
    # seventh, so one may be elevated and koper and zink are two
    six = {"arseen": "10", "cadmium": "0.3", "chroom": "30", "koper": "50", "zink": "150"}
    found = verdict(six | {"benzeen": "<0.05"})
    assert found["allowance"]["measured"] == 6
    assert found["allowance"]["allowed"] == 1
    assert found["class"] == "wonen"
    # a part that is not counted itself (a trimethylbenzene) is measured only through the
    # sum: then the sum counts, and two may be elevated
    more = verdict(six | {"benzeen": "<0.05", "1,2,3-trimethylbenzeen": "0.1"})
    assert more["allowance"]["measured"] == 7
    assert more["allowance"]["used"] is True
    assert more["class"] == "achtergrondwaarde"
    # a sum whose parts have no value of their own (PAK (som 10)) counts once
    pah = verdict({"koper": "45", "naftaleen": "0.1", "fenantreen": "0.1"})
    assert pah["allowance"]["measured"] == 2


def test_in_a_water_bed_the_pcb_congeners_and_their_sum_are_measured_substances() -> None:
    # tabel 2 has a value for each of the seven PCBs and for their sum: with all seven the sum
    # is complete and counts once, as a sum parameter does: eight measured
    pcbs = dict.fromkeys(PCB, "0.001")
    result = assess(measurements(sample("M1", pcbs)), frame="waterbodem")
    (found,) = result.verdicts
    assert found["allowance"]["measured"] == 8
    assert "pcb_som7" in {p["parameter"] for p in found["explanation"]["parameters"]}
    # six of them: the partial sum restates its six parts and adds none
    six = dict.fromkeys(PCB[:6], "0.001")
    (found,) = assess(measurements(sample("M1", six)), frame="waterbodem").verdicts
    assert found["allowance"]["measured"] == 6


def test_a_complete_pcb_sum_in_water_counts_where_it_may_also_be_elevated() -> None:
    """The sum that takes a place among the elevated is one of the measured substances too:
    PCB 28 0.002 (> AW 0.001, ≤ 2 × AW), the other six 0.001, koper 50 (> AW 40, ≤ 80 and ≤
    Wonen 54), lood 60 (> AW 50, ≤ 100 and ≤ Wonen 210) and five metals at background level:
    7 + 1 + 8 = 16 measured, so three may be elevated (art 4.2.2 lid 4 c). Counted as 15 the
    verdict was klasse_A (found by the differential test of the water bed)."""
    values = {
        "PCB 28": "0.002",
        **dict.fromkeys(PCB[1:], "0.001"),
        "koper": "50",
        "lood": "60",
        "zink": "100",
        "kwik": "0.1",
        "cadmium": "0.3",
        "chroom": "30",
        "arseen": "10",
        "nikkel": "20",
    }
    (found,) = assess(measurements(sample("M1", values)), frame="waterbodem").verdicts
    assert (found["allowance"]["measured"], found["allowance"]["allowed"]) == (16, 3)
    assert sorted(found["allowance"]["elevated"]) == ["koper", "lood", "pcb_28"]
    assert found["allowance"]["used"] is True
    assert found["class"] == "achtergrondwaarde"


def test_the_allowance_is_explained_with_its_article() -> None:
    result = verdict(with_measured(1, 2))
    assert result["allowance"]["article"].startswith("Rbk art 4.2.2 lid 4")
    (copper,) = [p for p in result["explanation"]["parameters"] if p["parameter"] == "koper"]
    assert copper["allowance_used"] is True
    assert "aw_allowance" in {r["rule"] for r in copper["rules"]}
    assert result["deciding_parameters"] == []


WONEN_ELEVATED = {"koper": "60", "zink": "250", "lood": "250", "kwik": "0.95", "cadmium": "1.5"}


@pytest.mark.parametrize(("threshold", "allowed"), [(7, 2), (16, 3), (27, 4), (37, 5)])
def test_wonen_allowance_for_the_receiving_soil(threshold: int, allowed: int) -> None:
    # each > Wonen, ≤ Wonen + AW and ≤ Industrie: koper 60 ≤ 54 + 40, zink 250 ≤ 200 + 140,
    # lood 250 ≤ 210 + 50, kwik 0.95 ≤ 0.83 + 0.15, cadmium 1.5 ≤ 1.2 + 0.6
    values = dict(list(WONEN_ELEVATED.items())[:allowed])
    values |= fillers("rbk-2015", "grond", threshold - allowed, exclude=ELEVATED_IDS)
    result = verdict(values, receiving_soil=True)
    assert result["class"] == "wonen"
    assert result["wonen_allowance"]["used"] is True
    assert result["wonen_allowance"]["allowed"] == allowed
    assert verdict(values)["class"] == "industrie"  # not for soil to be applied
    fewer = dict(list(values.items())[:-1])
    assert verdict(fewer, receiving_soil=True)["class"] == "industrie"


def test_wonen_allowance_caps_at_wonen_plus_aw() -> None:
    values = fillers("rbk-2015", "grond", 6, exclude=ELEVATED_IDS)
    assert verdict(values | {"koper": "94"}, receiving_soil=True)["class"] == "wonen"
    assert verdict(values | {"koper": "94.01"}, receiving_soil=True)["class"] == "industrie"


def test_a_partial_sum_of_counted_substances_takes_no_place_among_the_elevated() -> None:
    """Six of the seven PCBs in water: their partial sum restates them, so it is no substance
    measured (13: six PCBs, seven metals) and, above its AW, no substance elevated of its own:
    PCB 28 0.003 and PCB 52 0.004 (each ≤ 2 × AW) take the two places the allowance gives
    (art 4.2.2 lid 4 b), and the sum 0.0205 (> AW 0.02, ≤ 2 × AW and ≤ Wonen 0.04) holds to
    its cap only."""
    values = {
        "PCB 28": "0.003",
        "PCB 52": "0.004",
        "PCB 101": "0.0015",
        "PCB 118": "0.0045",
        "PCB 138": "0.004",
        "PCB 153": "0.0035",
        "zink": "100",
        "kwik": "0.1",
        "cadmium": "0.3",
        "chroom": "30",
        "arseen": "10",
        "nikkel": "20",
        "lood": "40",
    }
    (found,) = assess(measurements(sample("M1", values)), frame="waterbodem").verdicts
    assert (found["allowance"]["measured"], found["allowance"]["allowed"]) == (13, 2)
    (total,) = [p for p in found["explanation"]["parameters"] if p["parameter"] == "pcb_som7"]
    assert total["standardised"] == pytest.approx(0.0205)
    assert total["exceeds_background"] is True
    assert found["allowance"]["used"] is True
    assert found["class"] == "achtergrondwaarde"


def test_every_substance_that_makes_the_allowance_fail_on_its_count_decides_the_class() -> None:
    """Nickel 50 (Industrie: above Wonen 39, but within 2 × AW 70 and exempt from the Wonen
    cap) and copper 45 (Wonen): two measured, one may exceed. Copper decides as much as nickel:
    lowered to 20 the allowance forgives nickel and the class is achtergrondwaarde. An audit
    found only nickel named."""
    found = verdict({"nikkel": "50", "koper": "45"})
    assert found["class"] == "industrie"
    assert sorted(found["deciding_parameters"]) == ["koper", "nikkel"]
    assert found["allowance"]["refused"] == ["count"]
    assert verdict({"nikkel": "50", "koper": "20"})["class"] == "achtergrondwaarde"
    # refused by the cap, the count is not what decides: copper 90 > 2 × 40 alone is industrie,
    # zinc 150 with it changes nothing
    capped = verdict(
        {"koper": "90", "zink": "150"} | fillers("rbk-2015", "grond", 5, exclude=["koper", "zink"])
    )
    assert capped["allowance"]["refused"] == ["cap"]
    assert capped["deciding_parameters"] == ["koper"]
    (copper,) = [p for p in capped["explanation"]["parameters"] if p["parameter"] == "koper"]
    assert copper["exceeds_allowance_cap"]


def test_the_allowance_text_says_why_it_was_not_used() -> None:
    from django.utils import translation

    from kwalibo.assessments.presentation import allowance_text

    with translation.override("nl"):
        by_count = allowance_text(verdict({"nikkel": "50", "koper": "45"}))
        capped = allowance_text(verdict({"koper": "90", "zink": "150"}))
        single = allowance_text(verdict({"koper": "45"}))
    assert by_count is not None
    assert by_count.startswith("2 stoffen met een achtergrondwaarde gemeten: ten hoogste 1 mag")
    assert "Dat zijn er 2, meer dan de 1 toegestaan." in by_count
    assert "tweemaal" not in by_count.split("Niet toegepast")[1]
    assert capped is not None
    assert "koper (Cu): meer dan tweemaal de achtergrondwaarde of boven Wonen." in capped
    assert "zink (Zn):" not in capped
    assert single is not None
    assert single.startswith("1 stof met een achtergrondwaarde gemeten: geen mag die")


def test_the_pdf_and_the_page_say_when_the_wonen_allowance_made_the_class() -> None:
    """With the receiving-soil rule, copper 90 and zinc 300 above Wonen (within Wonen + AW)
    among eight measured make the class Wonen (art 4.10.2 lid 3); the PDF said only that the
    background-value allowance was not used."""
    import datetime as dt

    from django.utils import translation

    from kwalibo.assessments.pdf import pdf_report
    from kwalibo.assessments.presentation import page_verdict
    from kwalibo.assessments.tests.test_views import _pdf_text

    values = fillers("rbk-2015", "grond", 6, exclude=["koper", "zink"]) | {
        "koper": "90",
        "zink": "300",
    }
    result = assess(measurements(sample("M1", values)), frame="grond", receiving_soil=True)
    (found,) = result.verdicts
    assert found["class"] == "wonen"
    with translation.override("en"):
        text = _pdf_text(
            pdf_report(result, source="a.csv", created=dt.datetime(2026, 1, 1, tzinfo=dt.UTC))
        )
        shown = page_verdict(found, result.frame)["wonen_allowance"]
    # the PDF escapes brackets in its text
    assert rb"Wonen allowance for the receiving soil used: koper \(Cu\), zink \(Zn\)" in text
    assert shown.startswith("Wonen allowance for the receiving soil used: koper (Cu), zink (Zn)")
