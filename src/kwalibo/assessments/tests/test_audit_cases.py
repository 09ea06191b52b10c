"""Audit cases: edge cases of the Rbk 2015 test rules recomputed by hand from the regulation text
and its tables (Bijlage B tabel 1 and 2, Bijlage G III tabel 3 and 4, Bijlage G IV A tabel 1),
independent of the other tests. Each expected value is worked out in a comment.

Standardisation: G_std = G × (A + 25·B + 10·C) / (A + B·L + C·H), with L ≥ 2 and H ≥ 2 for
inorganic parameters, 2 ≤ H ≤ 30 for organic ones and 10 ≤ H ≤ 30 for PAHs (tabel 4).
"""

from __future__ import annotations

from typing import Any

import pytest

from kwalibo.assessments.domain.engine import assess
from kwalibo.assessments.tests.builders import PAH, PCB, fillers, measurements, sample
from kwalibo.assessments.tests.builders import explained as parameter
from kwalibo.assessments.tests.builders import message_codes as codes

DIOXINS_AND_FURANS = (
    "2,3,7,8-TCDD",
    "1,2,3,7,8-PeCDD",
    "1,2,3,6,7,8-HxCDD",
    "1,2,3,7,8,9-HxCDD",
    "1,2,3,4,7,8-HxCDD",
    "1,2,3,4,6,7,8-HpCDD",
    "OCDD",
    "2,3,7,8-TCDF",
    "1,2,3,7,8-PeCDF",
    "2,3,4,7,8-PeCDF",
    "1,2,3,6,7,8-HxCDF",
    "1,2,3,7,8,9-HxCDF",
    "1,2,3,4,7,8-HxCDF",
    "2,3,4,6,7,8-HxCDF",
    "1,2,3,4,6,7,8-HpCDF",
    "1,2,3,4,7,8,9-HpCDF",
    "OCDF",
)
#: Σ TEF of the 17 dioxins and furans of tabel 1 opmerking 3:
#: 1 + 1 + 3 × 0.1 + 0.01 + 0.0003 + 0.1 + 0.03 + 0.3 + 4 × 0.1 + 2 × 0.01 + 0.0003 = 3.1606
TEF_DIOXINS_AND_FURANS = 3.1606
METALS = ("koper", "zink", "lood", "kwik", "cadmium", "nikkel")
STANDARD_SOIL = [("M1", "lutum", "25"), ("M1", "organische stof", "10")]


def verdict(rows: list[tuple[object, ...]], frame: str = "grond", **options: Any) -> dict[str, Any]:
    result = assess(measurements(rows), frame=frame, **options)
    (found,) = result.verdicts
    return found


# --- standardisation at the bounds of tabel 4 ----------------------------------------------


def test_nickel_below_the_lutum_minimum_counts_as_2_percent_without_organic_matter() -> None:
    """Rbk Bijlage G III tabel 3 (Ni 10/1/0) and tabel 4 (anorganisch: lutum min 2 %)."""
    # lutum 0 → 2; C = 0, so no organic matter is needed: 30 × (10 + 25) / (10 + 2) = 87.5
    # > Wonen 39, ≤ Industrie 100 → industrie
    found = verdict(sample("M1", {"nikkel": "30"}, lutum=0, organic_matter=None))
    nickel = parameter(found, "nikkel")
    assert nickel["standardised"] == pytest.approx(87.5)
    assert nickel["measurements"][0]["standardisation"]["lutum_used"] == 2.0
    assert found["class"] == "industrie"


@pytest.mark.parametrize(("om", "measured"), [(2, "38"), (1.5, "38"), (30, "570"), (45, "570")])
def test_organic_compound_at_the_organic_matter_bounds_lands_exactly_on_the_aw(
    om: float, measured: str
) -> None:
    """Rbk Bijlage G III tabel 3 (organische verbindingen 0/0/1) and tabel 4 (OS 2-30 %);
    art 4.4.1 (a value at the limit does not exceed it)."""
    # OM 2 (and 1.5 → 2): 38 × 10 / 2 = 190; OM 30 (and 45 → 30): 570 × 10 / 30 = 190;
    # 190 = AW of mineral oil → achtergrondwaarde
    found = verdict(sample("M1", {"minerale olie": measured}, lutum=None, organic_matter=om))
    assert parameter(found, "minerale_olie")["standardised"] == pytest.approx(190.0)
    assert found["class"] == "achtergrondwaarde"


@pytest.mark.parametrize(
    ("om", "content", "expected", "klass"),
    [
        (5, "0.3", 3.0, "wonen"),  # OM ≤ 10: no correction; 10 × 0.3 = 3.0 > AW 1.5
        (10, "0.15", 1.5, "achtergrondwaarde"),  # at the lower bound: 1.5 = AW
        (15, "0.3", 2.0, "wonen"),  # 3.0 × 10 / 15 = 2.0
        (30, "0.45", 1.5, "achtergrondwaarde"),  # 4.5 × 10 / 30 = 1.5 = AW
        (60, "0.45", 1.5, "achtergrondwaarde"),  # 60 → 30: 4.5 / 3 = 1.5
    ],
)
def test_pah_10_from_components_at_the_pah_bounds(
    om: float, content: str, expected: float, klass: str
) -> None:
    """Rbk Bijlage G III tabel 4 (PAK's: OS 10-30 %), components standardised one by one
    before the sum (Bijlage G III; Bijlage N)."""
    found = verdict(sample("M1", dict.fromkeys(PAH, content), lutum=None, organic_matter=om))
    pah = parameter(found, "pak_som10")
    assert pah["origin"] == "computed"
    assert pah["value_used"] == pytest.approx(10 * float(content))
    assert pah["standardised"] == pytest.approx(expected)
    assert found["class"] == klass


def test_organic_compound_without_organic_matter_is_not_assessed() -> None:
    """Rbk art 4.2.1 lid 1 and Bijlage G III: the correction needs the measured organic matter
    (C > 0); for PAHs too, since only a measured OM ≤ 10 % means no correction."""
    found = verdict(
        [("M1", "lutum", "25"), ("M1", "minerale olie", "100"), ("M1", "naftaleen", "0.1")]
    )
    assert found["class"] is None
    assert {
        ("minerale olie", "missing_organic_matter"),
        ("naftaleen", "missing_organic_matter"),
    } <= codes(found)


# --- values below the reporting limit (Bijlage G IV A) -------------------------------------


def test_pcb_7_all_below_the_table_limit_versus_one_with_a_higher_limit() -> None:
    """Rbk art 4.2.2 lid 7; Bijlage G IV A: a sum whose components are all "< RG" at or below
    tabel 1 (PCB 1 µg/kg ds) may be assumed to comply; one higher limit makes it a tested sum."""
    # all "<1 µg/kg": 7 × 0.7 × 0.001 = 0.0049 mg/kg, assumed to comply
    rows = STANDARD_SOIL + [("M1", name, "<1", "µg/kg ds") for name in PCB]
    pcb = parameter(verdict(rows), "pcb_som7")
    assert pcb["compliance_assumed"] is True
    assert pcb["standardised"] == pytest.approx(0.0049)
    # PCB 153 "<5 µg/kg" (> 1): 6 × 0.7 + 0.7 × 5 = 7.7 µg/kg = 0.0077 ≤ AW 0.020, tested
    rows = [row if row[1] != "PCB 153" else ("M1", "PCB 153", "<5", "µg/kg ds") for row in rows]
    found = verdict(rows)
    pcb = parameter(found, "pcb_som7")
    assert pcb["compliance_assumed"] is False
    assert pcb["standardised"] == pytest.approx(0.0077)
    assert found["class"] == "achtergrondwaarde"


def test_a_higher_reporting_limit_at_the_soil_bounds_0_7_then_standardised() -> None:
    """Rbk Bijlage G IV A (0.7 × RG when the reported RG exceeds tabel 1: Cd 0.2) and G III
    (Cd 0.4/0.007/0.021, lutum and OM at their minimum 2 %). The factor is linear, so 0.7 before
    or after standardisation gives the same number."""
    # 0.7 × 0.3 = 0.21; × (0.4 + 0.175 + 0.21) / (0.4 + 0.014 + 0.042) = 0.21 × 0.785 / 0.456
    # = 0.36151 ≤ AW 0.60
    found = verdict(sample("M1", {"cadmium": "<0,3"}, lutum=1, organic_matter=0.5))
    cadmium = parameter(found, "cadmium")
    assert cadmium["compliance_assumed"] is False
    assert cadmium["value_used"] == pytest.approx(0.21)
    assert cadmium["standardised"] == pytest.approx(0.21 * 0.785 / 0.456)
    assert found["class"] == "achtergrondwaarde"


def test_a_sum_of_components_without_a_table_limit_is_tested_even_when_all_are_below() -> None:
    """Rbk Bijlage G IV A: without a reporting limit in tabel 1 the "<" value × 0.7 is used and
    the computed sum is tested; Bijlage B tabel 1: trichloorfenolen (som) AW = Wonen 0.0030,
    Industrie 6."""
    # 6 × 0.7 × 0.001 = 0.0042 > Wonen 0.003, ≤ Industrie 6 → industrie
    isomers = ("2,3,4", "2,3,5", "2,3,6", "2,4,5", "2,4,6", "3,4,5")
    found = verdict(sample("M1", {f"{i}-trichloorfenol": "<0.001" for i in isomers}))
    tcp = parameter(found, "tclfol_som")
    assert tcp["compliance_assumed"] is False
    assert tcp["standardised"] == pytest.approx(0.0042)
    assert found["class"] == "industrie"
    assert found["deciding_parameters"] == ["tclfol_som"]


def test_dioxin_teq_with_congeners_below_the_limit_and_organic_matter_correction() -> None:
    """Rbk Bijlage B tabel 1 opmerking 3 (Σ C × TEF); Bijlage G IV A (no tabel 1 limit for
    dioxins: "<" × 0.7); Bijlage G III (organic compound: × 10 / H)."""
    # 0.7 × 1 × 1 + 10 × 1 + 0.7 × 100 × 0.0003 = 10.721 ng/kg; OM 5 %: × 2 = 21.442 ng/kg
    # = 2.1442e-5 mg/kg ≤ AW 5.5e-5
    rows = [
        ("M1", "lutum", "25"),
        ("M1", "organische stof", "5"),
        ("M1", "2,3,7,8-TCDD", "<1", "ng/kg ds"),
        ("M1", "1,2,3,7,8-PeCDD", "10", "ng/kg ds"),
        ("M1", "OCDD", "<100", "ng/kg ds"),
    ]
    found = verdict(rows)
    teq = parameter(found, "dioxine_teq")
    assert teq["compliance_assumed"] is False
    assert teq["value_used"] == pytest.approx(10.721e-6)
    assert teq["standardised"] == pytest.approx(21.442e-6)
    assert found["class"] == "achtergrondwaarde"


@pytest.mark.parametrize(
    ("limit", "klass"), [("<10", "achtergrondwaarde"), ("<30", "niet_toepasbaar")]
)
def test_dioxin_teq_with_every_congener_below_the_limit_is_not_assumed_to_comply(
    limit: str, klass: str
) -> None:
    """Rbk Bijlage G IV A: dioxins have no tabel 1 limit, so even an all-"<" TEQ is tested;
    Bijlage B tabel 1: dioxine (som TEQ) AW = Wonen = Industrie 0.000055, IW 0.00018."""
    # "<10": 0.7 × 10 × 3.1606 = 22.1242 ng/kg ≤ 55; "<30": 66.3726 ng/kg > 55 (≤ IW 180)
    rows = STANDARD_SOIL + [("M1", name, limit, "ng/kg ds") for name in DIOXINS_AND_FURANS]
    found = verdict(rows)
    teq = parameter(found, "dioxine_teq")
    expected = 0.7 * float(limit[1:]) * TEF_DIOXINS_AND_FURANS * 1e-6
    assert teq["standardised"] == pytest.approx(expected)
    assert teq["compliance_assumed"] is False
    assert found["class"] == klass
    assert found["intervention_exceeded"] is False


# --- background-value allowance (art 4.2.2 lid 4, 5, 8) ------------------------------------


def test_cadmium_at_twice_the_aw_which_is_also_the_wonen_value() -> None:
    """Rbk art 4.2.2 lid 4 a and lid 5: cadmium 1.2 = 2 × AW 0.60 = Wonen 1.2 is still within
    the allowance; a hair above exceeds Wonen (industrie)."""
    base = fillers("rbk-2015", "grond", 1, exclude=METALS)
    found = verdict(sample("M1", base | {"cadmium": "1.2"}))
    assert found["class"] == "achtergrondwaarde"
    allowance = {
        key: found["allowance"][key] for key in ("measured", "allowed", "elevated", "used")
    }
    assert allowance == {"measured": 2, "allowed": 1, "elevated": ["cadmium"], "used": True}
    assert parameter(found, "cadmium")["allowance_used"] is True
    over = verdict(sample("M1", base | {"cadmium": "1.2000001"}))
    assert over["class"] == "industrie"
    assert over["deciding_parameters"] == ["cadmium"]


def test_pah_10_counts_once_among_the_measured_substances() -> None:
    """Rbk art 4.2.2 lid 4 a ("stoffen waarvoor een waarde is opgenomen in tabel 1"): the ten PAHs
    have no value of their own, only PAK (som 10); with copper that makes 2 measured."""
    # koper 45 > AW 40, ≤ 2 × 40 and ≤ Wonen 54; PAH 10 × 0.7 × 0.05 = 0.35, assumed to comply
    found = verdict(sample("M1", dict.fromkeys(PAH, "<0.05") | {"koper": "45"}))
    assert found["allowance"]["measured"] == 2
    assert found["allowance"]["used"] is True
    assert found["class"] == "achtergrondwaarde"
    assert parameter(found, "pak_som10")["compliance_assumed"] is True


def test_allowance_for_a_substance_without_a_wonen_value() -> None:
    """Rbk art 4.2.2 lid 5 (an elevated substance "niet hoger [...] dan de maximale waarde voor
    de kwaliteitsklasse wonen") and tabel 1 opmerking 2 (empty Wonen/Industrie column →
    industrie): hexachloorbutadieen AW 0.003 has no Wonen value, so above its AW it is above
    what Wonen allows, and the allowance cannot forgive it (interpretation)."""
    alone = verdict(sample("M1", {"hexachloorbutadieen": "0.004"}))
    assert alone["class"] == "industrie"
    # with one more substance measured one elevated substance may be forgiven, but not this
    # one: 0.004 ≤ 2 × 0.003, yet above AW it is Industrie
    found = verdict(sample("M1", {"hexachloorbutadieen": "0.004", "koper": "10"}))
    assert found["allowance"]["allowed"] == 1
    assert found["allowance"]["elevated"] == ["hexachloorbutadieen"]
    assert found["allowance"]["used"] is False
    assert found["class"] == "industrie"
    # a substance with a Wonen value within the same allowance is forgiven: koper 40 < 45 ≤
    # 2 × 40 and ≤ Wonen 54
    copper = verdict(sample("M1", {"hexachloorbutadieen": "0.003", "koper": "45"}))
    assert copper["allowance"]["used"] is True
    assert copper["class"] == "achtergrondwaarde"


# --- Wonen allowance for the receiving soil (art 4.10.2 lid 3, 4) --------------------------


@pytest.mark.parametrize(
    ("content", "klass", "used"), [("74", "wonen", True), ("74.01", "industrie", False)]
)
def test_nickel_is_not_exempt_from_the_wonen_plus_aw_cap(
    content: str, klass: str, used: bool
) -> None:
    """Rbk art 4.10.2 lid 3 a and lid 4 (≤ Wonen + AW = 39 + 35 = 74 for nickel); the nickel
    exemption of art 4.2.2 lid 8 only applies to the background-value allowance."""
    values = {"nikkel": content} | fillers("rbk-2015", "grond", 6, exclude=METALS)
    found = verdict(sample("M1", values), receiving_soil=True)
    assert found["allowance"]["measured"] == 7
    assert found["class"] == klass
    assert found["wonen_allowance"]["used"] is used


# --- class limits -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("content", "lutum", "om"),
    [("30", 18, 2), ("32", 2, 21), ("32", 12, 11)],
)
def test_a_standardised_value_exactly_at_the_aw_does_not_exceed_it(
    content: str, lutum: float, om: float
) -> None:
    """Rbk art 4.4.1 lid 1 and art 4.2.2 lid 1 ("hoger is dan"); Bijlage G III (Cu 15/0.6/0.6):
    the arithmetic lands exactly on AW 40, floating-point rounding must not push it over."""
    # 30 × 36 / (15 + 0.6 × 18 + 0.6 × 2) = 30 × 36 / 27 = 40
    # 32 × 36 / (15 + 1.2 + 12.6) = 32 × 36 / 28.8 = 40;  32 × 36 / (15 + 7.2 + 6.6) = 40
    found = verdict(sample("M1", {"koper": content}, lutum=lutum, organic_matter=om))
    copper = parameter(found, "koper")
    assert copper["standardised"] == pytest.approx(40.0)
    assert copper["exceeds_background"] is False
    assert copper["parameter_class"] == "achtergrondwaarde"
    assert found["class"] == "achtergrondwaarde"


@pytest.mark.parametrize(
    "order",
    [("aldrin", "dieldrin", "endrin"), ("endrin", "dieldrin", "aldrin")],
)
def test_a_sum_exactly_at_the_aw_does_not_exceed_it_whatever_the_order(
    order: tuple[str, ...],
) -> None:
    """Rbk Bijlage N (drins = aldrin + dieldrin + endrin) and art 4.2.2 lid 1: 0.001 + 0.008 +
    0.006 = 0.015 = AW of drins (som); not elevated, so no allowance is used."""
    contents = {"aldrin": "0.001", "dieldrin": "0.008", "endrin": "0.006"}
    found = verdict(sample("M1", {name: contents[name] for name in order}))
    drins = parameter(found, "drins_som")
    assert drins["standardised"] == pytest.approx(0.015)
    assert drins["parameter_class"] == "achtergrondwaarde"
    assert found["allowance"]["elevated"] == []
    assert found["class"] == "achtergrondwaarde"


@pytest.mark.parametrize(
    ("value", "unit", "klass"),
    [
        ("200000", "µg/kg ds", "wonen"),  # 200000 µg = 200 mg = Wonen 200
        ("200001", "ug/kg ds", "industrie"),  # 200.001 > 200
        ("0,2", "g/kg ds", "wonen"),  # 0.2 g = 200 mg
        ("200,0", "mg/kg ds", "wonen"),
    ],
)
def test_zinc_at_the_wonen_value_in_other_units(value: str, unit: str, klass: str) -> None:
    """Rbk Bijlage B tabel 1 (zink Wonen 200 mg/kg ds) and art 4.4.1 lid 1-2; units converted to
    mg/kg ds before testing, decimal comma read as a decimal."""
    found = verdict([*STANDARD_SOIL, ("M1", "zink", value, unit)])
    assert found["class"] == klass


# --- water bed (art 4.4.1 lid 3, 4; tabel 2) -----------------------------------------------


@pytest.mark.parametrize(
    ("content", "klass"),
    [("0.0015", "achtergrondwaarde"), ("0.014", "klasse_A"), ("0.5", "klasse_B")],
)
def test_pcb_28_in_the_water_bed_with_an_empty_class_b_column(content: str, klass: str) -> None:
    """Rbk Bijlage B tabel 2 (PCB 28: AW 0.0015, A 0.014, B empty; PCB's (som 7) AW 0.020,
    A 0.139, B 1) and opmerking 2 (empty B column → klasse B, never above it)."""
    # PCB 28 alone also makes PCB (som 7) = the same content: 2 substances measured; 0.014 is
    # > 2 × AW 0.003, so the allowance does not apply
    found = verdict(sample("M1", {"PCB 28": content}), "waterbodem")
    assert found["class"] == klass
    assert found["intervention_exceeded"] is False
    assert parameter(found, "pcb_28")["parameter_class"] == klass


def test_zinc_standardised_exactly_onto_the_class_a_value() -> None:
    """Rbk art 4.10.3 / 4.4.1 lid 3 and Bijlage G III (Zn 50/3/1.5): tabel 2 zink A 563."""
    # 351.875 × (50 + 75 + 15) / (50 + 30 + 7.5) = 351.875 × 140 / 87.5 = 563 → klasse A
    found = verdict(sample("M1", {"zink": "351,875"}, lutum=10, organic_matter=5), "waterbodem")
    assert parameter(found, "zink")["standardised"] == pytest.approx(563.0)
    assert found["class"] == "klasse_A"
    assert found["spreading"]["zoet_oppervlaktewater"] == "verspreidbaar"


@pytest.mark.parametrize("frame", ["grond", "waterbodem"])
def test_asbestos_below_the_norm_has_no_background_value_to_exceed(frame: str) -> None:
    """Rbk art 4.4.1 lid 1 and 3 (a class above AW needs an exceeded AW), Bijlage B tabel 1
    voetnoot 10 / tabel 2 voetnoot 15: asbestos has no AW, only the weighted norm 100
    (Wonen = Industrie on land, A = B in the water bed)."""
    # 50 serpentine → 50 ≤ 100, no AW exceeded: background class in both frames
    found = verdict(sample("M1", {"chrysotiel": "50"}), frame)
    asbestos = parameter(found, "asbest")
    assert asbestos["standardised"] == pytest.approx(50.0)
    assert asbestos["exceeds_background"] is False
    assert found["class"] == "achtergrondwaarde"
    # 40 + 10 × 7 = 110 > 100: above the intervention value
    over = verdict(sample("M1", {"chrysotiel": "40", "amosiet": "7"}), frame)
    assert over["class"] == "niet_toepasbaar"
    assert over["intervention_exceeded"] is True


def test_organic_matter_from_organic_carbon_only_in_the_water_bed() -> None:
    """Rbk Bijlage G III (OS = 1.724 × organisch koolstof for saline dredgings); tabel 2 minerale
    olie AW 190, A 1250."""
    rows = [
        ("M1", "lutum", "25"),
        ("M1", "organische koolstof", "2,9", "%"),
        ("M1", "minerale olie", "100"),
    ]
    # H = 2.9 × 1.724 = 4.9996; 100 × 10 / 4.9996 = 200.016 > 190, ≤ 1250 → klasse A
    found = verdict(rows, "waterbodem")
    assert parameter(found, "minerale_olie")["standardised"] == pytest.approx(1000 / 4.9996)
    assert found["class"] == "klasse_A"
    assert ("organische koolstof", "organic_carbon_used") in codes(found)
    # on land organic carbon is not converted: no organic matter, no assessment
    assert ("minerale olie", "missing_organic_matter") in codes(verdict(rows))


# --- batch (art 4.2.2 lid 1; Bijlage G III) -------------------------------------------------


def test_batch_mean_of_values_standardised_per_sample_lands_on_the_aw() -> None:
    """Rbk art 4.2.2 lid 1 (arithmetic mean) and Bijlage G III (standardise each measurement
    before means are taken)."""
    # M1: 20 × 36 / (15 + 6 + 3) = 30; M2: 50 (standard soil); mean (30 + 50) / 2 = 40 = AW
    # (standardising the mean 35 at the mean lutum 17.5 / OM 7.5 would give 35 × 36 / 30 = 42)
    rows = sample("M1", {"koper": "20"}, lutum=10, organic_matter=5) + sample("M2", {"koper": "50"})
    (batch,) = assess(measurements(rows), frame="grond", as_batch=True).verdicts
    copper = parameter(batch, "koper")
    assert copper["standardised"] == pytest.approx(40.0)
    assert copper["value_used"] == pytest.approx(35.0)
    assert batch["class"] == "achtergrondwaarde"
    single = {v["sample"]: v["class"] for v in assess(measurements(rows), frame="grond").verdicts}
    assert single == {"M1": "achtergrondwaarde", "M2": "wonen"}


# --- intervention values (Circulaire bodemsanering 2013; Rbk art 4.4.1 lid 6) --------------


def test_aldrin_above_its_own_intervention_value_raises_the_flag() -> None:
    """Rbk art 4.4.1 lid 6; Circulaire bodemsanering 2013 bijlage 1 tabel 1: aldrin has an
    intervention value of its own (0.32) besides drins (som) (AW 0.015, Industrie 0.14, IW 4)."""
    # aldrin 0.5 > 0.32; drins 0.5 > Industrie 0.14 (≤ IW 4) → niet toepasbaar with the flag
    found = verdict(sample("M1", {"aldrin": "0.5"}))
    assert found["class"] == "niet_toepasbaar"
    assert found["intervention_exceeded"] is True
    assert found["intervention_parameters"] == ["aldrin"]
    # aldrin has no value in tabel 1: it does not count among the measured substances
    assert found["allowance"]["measured"] == 2  # drins (som) and OCB (som)
    # at the intervention value: no flag
    at = verdict(sample("M1", {"aldrin": "0.32"}))
    assert (at["class"], at["intervention_exceeded"]) == ("niet_toepasbaar", False)
    assert parameter(at, "aldrin")["parameter_class"] == "achtergrondwaarde"
