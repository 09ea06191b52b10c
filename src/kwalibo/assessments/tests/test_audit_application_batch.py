"""Audit of the application check (Bbk art 39, 55, 56, 59; ``application``) and of the batch
(partij) assessment (Rbk art 4.2.2 lid 1; Bijlage G III and IV A; ``sums.batch_means``).

Every expected outcome is worked out by hand in a comment from the dossier tables
(/work/shared/domain/data: normwaarden_grond.csv = Rbk Bijlage B tabel 1 with the Circulaire 2013
intervention values, normwaarden_bagger.csv = tabel 2, standaardisatie.csv = Bijlage G III
tabel 3/4, rapportagegrenzen.csv = Bijlage G IV tabel 1), cited by substance row.

Standardisation: G_std = G × (A + 25·B + 10·C) / (A + B·L + C·H); organic compounds G × 10 / H
with 2 ≤ H ≤ 30. Reporting limits: "< RG" with RG ≤ the table RG may be assumed to comply; for
sums and means each "< RG" counts as 0.7 × RG and the computed value is tested unless every value
is below the table RG (domain.md 5.4).
"""

from __future__ import annotations

from typing import Any

import pytest

from kwalibo.assessments.domain.application import (
    REASON_ABOVE_INDUSTRIE,
    REASON_ABOVE_INTERVENTION,
    REASON_BATCH_INPUT_ERROR,
    REASON_BATCH_UNCLASSIFIED,
    REASON_BATCH_UNDECIDED,
    Location,
    location_check,
)
from kwalibo.assessments.domain.engine import assess
from kwalibo.assessments.tests.builders import PAH, PCB, measurements, sample
from kwalibo.assessments.tests.builders import explained as parameter
from kwalibo.assessments.tests.builders import message_codes as codes

Rows = list[tuple[object, ...]]


def batch(rows: Rows, frame: str = "grond") -> dict[str, Any]:
    (found,) = assess(measurements(rows), frame=frame, as_batch=True).verdicts
    return found


def single(rows: Rows, frame: str = "grond") -> dict[str, dict[str, Any]]:
    return {v["sample"]: v for v in assess(measurements(rows), frame=frame).verdicts}


def classes(rows: Rows, frame: str = "grond") -> dict[str, str | None]:
    return {name: v["class"] for name, v in single(rows, frame).items()}


def pcbs(name: str, value: str, organic_matter: float) -> Rows:
    """The seven PCBs of PCB's (som 7) in µg/kg ds (table RG 1 µg/kg ds each)."""
    soil: Rows = [(name, "lutum", 25), (name, "organische stof", organic_matter)]
    return soil + [(name, pcb, value, "µg/kg ds") for pcb in PCB]


# --- application at a location (Bbk art 39, 55, 56, 59) ---------------------------------------

#: cadmium (normwaarden_grond.csv): AW 0.60, Wonen 1.2, Industrie 4.3, land IW 13.
CADMIUM_ABOVE_INDUSTRIE = {"cadmium": "5"}


def test_between_industrie_and_the_intervention_value_is_refused_on_land() -> None:
    """Domain 5.1: above Industrie but not above the IW is not applicable in the generic
    framework, even at an Industrie location on Industrie soil (art 59 caps at both)."""
    # Cd 5 (standard soil): 4.3 < 5 ≤ 13 → niet_toepasbaar without the intervention flag
    (verdict,) = single(sample("M1", CADMIUM_ABOVE_INDUSTRIE)).values()
    assert (verdict["class"], verdict["intervention_exceeded"]) == ("niet_toepasbaar", False)
    assert location_check(verdict, Location("industrie", "industrie")).allowed is False


def test_between_industrie_and_the_intervention_value_cites_art_59() -> None:
    (verdict,) = single(sample("M1", CADMIUM_ABOVE_INDUSTRIE)).values()
    result = location_check(verdict, Location("industrie", "industrie"))
    assert result.article == "Bbk art 59 lid 1"
    assert result.reasons == (REASON_ABOVE_INDUSTRIE,)


def test_above_the_intervention_value_is_outside_the_soil_chapter() -> None:
    """Rbk art 4.4.1 lid 6; Bbk art 36 lid 2 a (domain 5.1)."""
    # Cd 14 > land IW 13 → no class, flag raised
    (verdict,) = single(sample("M1", {"cadmium": "14"})).values()
    assert verdict["intervention_exceeded"] is True
    result = location_check(verdict, Location("industrie", "industrie"))
    assert (result.allowed, result.article) == (
        False,
        "Bbk art 36 lid 2 onder a; Rbk art 4.4.1 lid 6",
    )
    assert result.reasons == (REASON_ABOVE_INTERVENTION,)


@pytest.mark.parametrize(
    ("frame", "location"),
    [
        ("grond", Location("achtergrondwaarde", "achtergrondwaarde")),
        ("grond", Location(None, None)),
        ("waterbodem", Location(receiving_quality_class="achtergrondwaarde", material="grond")),
    ],
)
def test_background_quality_may_go_anywhere(frame: str, location: Location) -> None:
    """Bbk art 39, 55 lid 4, 56: where only AW soil may be applied, AW soil may be applied."""
    # zinc 100 ≤ AW 140 (tabel 1 and tabel 2 zink)
    (verdict,) = single(sample("M1", {"zink": "100"}), frame).values()
    assert verdict["class"] == "achtergrondwaarde"
    result = location_check(verdict, location)
    assert (result.allowed, result.article) == (True, "Bbk art 39")


def test_soil_of_class_a_in_water_is_refused_above_the_industrie_mineral_oil_value() -> None:
    """Bbk art 59 lid 3; tabel 2 vn 3: soil in water also meets Industrie, even in class A."""
    # minerale olie (normwaarden_bagger.csv): AW 190, A 1250, Industrie 500. 600 at H 10 → A;
    # as dredgings into an A bed: allowed (lid 2); as soil: 600 > 500 refused (lid 3)
    (verdict,) = single(sample("M1", {"minerale olie": "600"}), "waterbodem").values()
    assert verdict["class"] == "klasse_A"
    dredgings = location_check(verdict, Location(receiving_quality_class="klasse_A"))
    soil = location_check(verdict, Location(receiving_quality_class="klasse_A", material="grond"))
    assert (dredgings.allowed, dredgings.article) == (True, "Bbk art 59 lid 2")
    assert (soil.allowed, soil.article) == (False, "Bbk art 59 lid 3")


def test_a_water_verdict_without_a_class_cites_the_water_article() -> None:
    # copper without lutum cannot be standardised: no parameter, no class
    (verdict,) = single(sample("M1", {"koper": "60"}, lutum=None), "waterbodem").values()
    assert verdict["class"] is None
    result = location_check(verdict, Location(receiving_quality_class="klasse_B"))
    assert result.allowed is False
    assert result.article == "Bbk art 59 lid 2"
    assert result.reasons == (REASON_BATCH_UNCLASSIFIED,)


def test_a_class_left_open_above_the_measuring_range_says_so_at_the_location() -> None:
    # zinc >800 in water (normwaarden_bagger.csv zink: A 563, B 2000): at least klasse_B, so the
    # class is withheld
    (verdict,) = single(sample("M1", {"zink": ">800"}), "waterbodem").values()
    assert verdict["class"] is None
    result = location_check(verdict, Location(receiving_quality_class="klasse_B"))
    assert (result.allowed, result.article) == (False, "Bbk art 59 lid 2")
    assert result.reasons == (REASON_BATCH_UNDECIDED,)


def test_a_batch_whose_class_an_unusable_measurement_leaves_open_is_not_allowed() -> None:
    """Audit finding: lead 500 without organic matter was left out, the batch classed Wonen on
    antimony alone and allowed on a Wonen location. Lead 500 × 85 / (75 + H) is above Wonen
    210 for any H up to 127 %, so the location must not be allowed on that class."""
    rows = [("M1", "lutum", "25"), ("M1", "antimoon", "5"), ("M1", "lood", "500")]
    found = batch(rows)
    assert found["class"] is None
    result = location_check(
        found, Location(function_class="wonen", receiving_quality_class="wonen")
    )
    assert (result.allowed, result.reasons) == (False, (REASON_BATCH_INPUT_ERROR,))


def test_the_batch_mean_not_the_worst_sample_decides_at_the_location() -> None:
    """Rbk art 4.2.2 lid 1 with Bbk art 59 lid 1: a batch is applied on its mean class."""
    # zinc M1 250 (> Wonen 200 → industrie), M2 150 (wonen); mean 200 = Wonen → wonen
    rows = sample("M1", {"zink": "250"}) + sample("M2", {"zink": "150"})
    assert classes(rows) == {"M1": "industrie", "M2": "wonen"}
    found = batch(rows)
    assert parameter(found, "zink")["standardised"] == pytest.approx(200.0)
    result = location_check(found, Location("wonen", "wonen"))
    assert (result.allowed, result.article) == (True, "Bbk art 59 lid 1")


def test_soil_in_water_is_held_to_industrie_on_the_batch_mean() -> None:
    """Bbk art 59 lid 3 on a batch: the mean, not each sample, meets Industrie."""
    # lood (tabel 2): A 138, B 580, Industrie 530. M1 600 > B → niet_toepasbaar alone;
    # mean (600 + 460) / 2 = 530 = Industrie → klasse B, soil may go into a B bed
    rows = sample("M1", {"lood": "600"}) + sample("M2", {"lood": "460"})
    assert classes(rows, "waterbodem")["M1"] == "niet_toepasbaar"
    found = batch(rows, "waterbodem")
    assert found["class"] == "klasse_B"
    result = location_check(found, Location(receiving_quality_class="klasse_B", material="grond"))
    assert (result.allowed, result.article) == (True, "Bbk art 59 lid 2")


# --- batch means with "< RG" values (Bijlage G IV A) ------------------------------------------


def test_below_the_table_limit_enters_the_mean_as_0_7_rg_standardised_in_its_sample() -> None:
    """Bijlage G IV A (means: "< RG" counts as 0.7 × RG) and G III (per measurement)."""
    # koper RG 5 (rapportagegrenzen.csv); "<5" at L 10 / H 5: 0.7 × 5 × 36 / (15 + 6 + 3) = 5.25
    # M2 74.75 (standard soil); mean (5.25 + 74.75) / 2 = 40 = AW → achtergrondwaarde
    # (the full RG would give (7.5 + 74.75) / 2 = 41.125 → wonen)
    rows = sample("M1", {"koper": "<5"}, lutum=10, organic_matter=5) + sample(
        "M2", {"koper": "74.75"}
    )
    found = batch(rows)
    copper = parameter(found, "koper")
    assert copper["standardised"] == pytest.approx(40.0)
    assert copper["value_used"] == pytest.approx((3.5 + 74.75) / 2)
    assert copper["compliance_assumed"] is False
    assert found["class"] == "achtergrondwaarde"


def test_a_limit_above_the_table_limit_enters_the_mean_as_0_7_times_that_limit() -> None:
    """Bijlage G IV A: a higher RG (matrix interference) counts as 0.7 × RG."""
    # koper "<20" (> table RG 5) → 14; M2 66; mean (14 + 66) / 2 = 40 = AW
    rows = sample("M1", {"koper": "<20"}) + sample("M2", {"koper": "66"})
    found = batch(rows)
    assert parameter(found, "koper")["standardised"] == pytest.approx(40.0)
    assert found["class"] == "achtergrondwaarde"


def test_all_below_the_limit_but_one_limit_too_high_is_tested() -> None:
    """Bijlage G IV A: compliance may be assumed only if every value is below the table RG."""
    # koper "<5" → 3.5; "<200" → 140; mean 71.75 > Wonen 54, ≤ Industrie 190 → industrie
    found = batch(sample("M1", {"koper": "<5"}) + sample("M2", {"koper": "<200"}))
    copper = parameter(found, "koper")
    assert copper["compliance_assumed"] is False
    assert copper["standardised"] == pytest.approx(71.75)
    assert found["class"] == "industrie"


def test_pcb_sum_below_the_table_limit_in_every_sample_may_be_assumed_to_comply() -> None:
    """Bijlage G IV A: every component of every sample below the table RG → complies."""
    # PCB's (som 7) AW 0.020; at H 2 each "<1 µg/kg" is 0.0007 × 10/2 = 0.0035, sum 0.0245
    # per sample and as mean > AW, yet all values may be assumed to comply → achtergrondwaarde
    found = batch(pcbs("M1", "<1", 2) + pcbs("M2", "<1", 2))
    pcb = parameter(found, "pcb_som7")
    assert pcb["compliance_assumed"] is True
    assert pcb["standardised"] == pytest.approx(0.0245)
    assert found["class"] == "achtergrondwaarde"


def test_pcb_sum_below_the_limit_in_one_sample_is_tested_in_the_mean() -> None:
    """Bijlage G IV A: with a quantified value in the mean, the computed mean is tested; two
    background samples can make a Wonen batch."""
    # M1 (H 2): 0.0245 as above, assumed to comply on its own; M2 (H 10): 7 × 0.0025 = 0.0175
    # ≤ AW. Mean (0.0245 + 0.0175) / 2 = 0.021 > AW 0.020, ≤ Wonen 0.040 → wonen
    rows = pcbs("M1", "<1", 2) + pcbs("M2", "2.5", 10)
    assert classes(rows) == {"M1": "achtergrondwaarde", "M2": "achtergrondwaarde"}
    found = batch(rows)
    pcb = parameter(found, "pcb_som7")
    assert pcb["compliance_assumed"] is False
    assert pcb["standardised"] == pytest.approx(0.021)
    assert found["class"] == "wonen"


def test_pah_sum_components_below_the_limit_count_0_7_rg_in_the_mean() -> None:
    """Bijlage N and G IV A: sum per sample (10 × 0.7 × 0.05 = 0.35), then the mean."""
    # PAK som 10 AW 1.5; M2 10 × 0.265 = 2.65; mean (0.35 + 2.65) / 2 = 1.5 = AW
    # (components at the full RG: (0.5 + 2.65) / 2 = 1.575 → wonen)
    rows = sample("M1", dict.fromkeys(PAH, "<0.05")) + sample("M2", dict.fromkeys(PAH, "0.265"))
    found = batch(rows)
    assert parameter(found, "pak_som10")["standardised"] == pytest.approx(1.5)
    assert found["class"] == "achtergrondwaarde"


# --- standardisation per sample, missing values, test rules on the means ----------------------


def test_organic_matter_bounds_apply_per_sample_before_the_mean() -> None:
    """Bijlage G III tabel 4 (organic: 2 ≤ H ≤ 30), per measurement before the mean."""
    # minerale olie AW = Wonen = 190, Industrie 500. M1 40 at H 1 → 40 × 10/2 = 200;
    # M2 540 at H 40 → 540 × 10/30 = 180; mean 190 → achtergrondwaarde
    # (unbounded: 400 and 135 → 267.5 industrie; M1 alone 200 > 190 → industrie)
    rows = sample("M1", {"minerale olie": "40"}, organic_matter=1) + sample(
        "M2", {"minerale olie": "540"}, organic_matter=40
    )
    assert classes(rows) == {"M1": "industrie", "M2": "achtergrondwaarde"}
    found = batch(rows)
    oil = parameter(found, "minerale_olie")
    assert oil["standardised"] == pytest.approx(190.0)
    assert oil["value_used"] == pytest.approx(290.0)
    assert found["class"] == "achtergrondwaarde"


def test_a_metal_without_an_organic_matter_constant_needs_only_lutum() -> None:
    """Bijlage G III tabel 3: nikkel 10/1/0 (C = 0), so organic matter does not enter."""
    # M1 16 at L 10, no OM: 16 × 35 / 20 = 28; M2 42 (> Wonen 39 alone); mean 35 = AW
    rows = sample("M1", {"nikkel": "16"}, lutum=10, organic_matter=None) + sample(
        "M2", {"nikkel": "42"}
    )
    found = batch(rows)
    assert parameter(found, "nikkel")["standardised"] == pytest.approx(35.0)
    assert found["class"] == "achtergrondwaarde"


def test_a_substance_missing_in_a_sample_is_averaged_over_the_samples_that_measured_it() -> None:
    """Art 4.2.2 lid 1 (mean of the measured contents; the dossier does not say more)."""
    # koper only in M1: 80 → mean 80 > Wonen 54 → industrie; zink (100 + 100) / 2 = 100
    found = batch(sample("M1", {"koper": "80", "zink": "100"}) + sample("M2", {"zink": "100"}))
    copper = parameter(found, "koper")
    assert copper["standardised"] == pytest.approx(80.0)
    assert len(copper["measurements"]) == 1
    assert found["class"] == "industrie"
    # and says which samples the mean leaves out, once per substance
    (partial,) = [m for m in found["messages"] if m["code"] == "batch_mean_partial"]
    assert (partial["parameter"], partial["level"]) == ("koper (Cu)", "warning")
    assert partial["message"] == (
        "koper (Cu) was not measured in M2: its batch mean is over the other samples "
        "(Rbk art 4.2.2 lid 1)."
    )


def test_a_substance_measured_in_every_sample_needs_no_note() -> None:
    found = batch(sample("M1", {"zink": "100"}) + sample("M2", {"zink": "100"}))
    assert "batch_mean_partial" not in [m["code"] for m in found["messages"]]


def test_a_substance_without_a_mean_is_not_also_called_partial() -> None:
    # copper in M1 cannot be standardised (no lutum), copper missing in M3: one error only
    rows = sample("M1", {"koper": "60", "zink": "100"}, lutum=None)
    rows += sample("M2", {"koper": "60", "zink": "100"}) + sample("M3", {"zink": "100"})
    found = batch(rows)
    assert [c for p, c in codes(found) if p == "koper (Cu)"] == ["batch_mean_incomplete"]


def test_the_aw_allowance_is_applied_to_the_batch_means() -> None:
    """Art 4.2.2 lid 4, 5: 2 measured → 1 may exceed AW, ≤ 2 × AW and ≤ Wonen (on the means)."""
    # zink M1 300, M2 100 → 200: > AW 140, ≤ 2 × 140 = 280 and ≤ Wonen 200; koper 30 → AW
    # M1 alone: 300 > Wonen → industrie
    rows = sample("M1", {"zink": "300", "koper": "30"}) + sample(
        "M2", {"zink": "100", "koper": "30"}
    )
    assert classes(rows)["M1"] == "industrie"
    found = batch(rows)
    assert found["allowance"]["used"] is True
    assert found["allowance"]["elevated"] == ["zink"]
    assert found["class"] == "achtergrondwaarde"


def test_the_intervention_value_is_tested_on_the_batch_mean() -> None:
    """Art 4.2.2 lid 1 read for the IW too (the dossier lists only the class values)."""
    # Cd M1 20 > IW 13 (flag alone); M2 2; mean 11: > Industrie 4.3, ≤ IW 13 → no flag
    rows = sample("M1", {"cadmium": "20"}) + sample("M2", {"cadmium": "2"})
    assert single(rows)["M1"]["intervention_exceeded"] is True
    found = batch(rows)
    assert parameter(found, "cadmium")["standardised"] == pytest.approx(11.0)
    assert (found["class"], found["intervention_exceeded"]) == ("niet_toepasbaar", False)


def test_a_quantified_value_without_lutum_leaves_its_substance_out_of_the_batch() -> None:
    """Engine rule (no mean over fewer samples); the copper content of the batch is unknown,
    so its class is withheld and the verdict on the rest is named."""
    # koper 60 in M1 (no lutum) cannot be standardised; M2 60 > Wonen 54 on its own. No copper
    # mean: on mineral oil alone ((100 + 100) / 2 ≤ AW 190) the batch would be AW
    rows = sample("M1", {"koper": "60", "minerale olie": "100"}, lutum=None) + sample(
        "M2", {"koper": "60", "minerale olie": "100"}
    )
    found = batch(rows)
    assert [p["parameter"] for p in found["explanation"]["parameters"]] == ["minerale_olie"]
    assert ("koper (Cu)", "batch_mean_incomplete") in codes(found)
    assert (found["class"], found["undetermined_parameters"]) == (None, ["koper"])
    (withheld,) = [m for m in found["messages"] if m["code"] == "class_undecided_input_error"]
    assert withheld["params"]["detail"] == "achtergrondwaarde"


def test_components_of_a_sum_another_sample_reports_need_no_note() -> None:
    """M1 gives the ten PAHs, M2 only PAK (som 10): on land the PAHs are tested through their
    sum alone, which both samples have; the page showed ten warnings "naftaleen was not
    measured in M2". A substance that is tested itself still gets its note."""
    pahs = dict.fromkeys(PAH, "0.1")
    rows = sample("M1", pahs | {"koper": "30"}) + sample("M2", {"PAK (som 10)": "2.1"})
    found = batch(rows)
    partial = [m["parameter"] for m in found["messages"] if m["code"] == "batch_mean_partial"]
    assert partial == ["koper (Cu)"]
    assert parameter(found, "pak_som10")["standardised"] == pytest.approx((1.0 + 2.1) / 2)
