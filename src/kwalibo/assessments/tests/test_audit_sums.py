"""Audit cases for sums, special substances and batches (Rbk 2015 Bijlage N, Bijlage B tabel 1
and 2 with their footnotes, Bijlage G III and IV A, art 4.2.2, 4.10.2 and 4.14), recomputed by
hand, independent of the other tests. Each expected value is worked out in a comment.

Standardisation: G_std = G × (A + 25·B + 10·C) / (A + B·L + C·H); organic compounds G × 10 / H
with 2 ≤ H ≤ 30, PAHs with 10 ≤ H ≤ 30 (Bijlage G III tabel 3 and 4). A result "< RG" counts as
0.7 × RG in sums and means; when every component is "< RG" at or below the minimum reporting
limit of Bijlage G IV tabel 1, the sum may be assumed to comply (Bijlage G IV A).

The defects this audit found are fixed; their tests say which rule they hold the engine to.
"""

from __future__ import annotations

from typing import Any

import pytest

from kwalibo.assessments.domain.engine import assess
from kwalibo.assessments.tests.builders import PAH, PCB, fillers, measurements, sample
from kwalibo.assessments.tests.builders import message_codes as codes

PHTHALATES = (
    "dimethylftalaat",
    "diethylftalaat",
    "di-isobutylftalaat",
    "dibutylftalaat",
    "butylbenzylftalaat",
    "dihexylftalaat",
    "di(2-ethylhexyl)ftalaat",
)
#: The substances of the allowance tests in test_allowance.py, kept out of the fillers.
METALS = ("koper", "zink", "lood", "kwik", "cadmium", "nikkel")


def verdicts(rows: list[tuple[object, ...]], frame: str = "grond", **options: Any) -> list[Any]:
    return list(assess(measurements(rows), frame=frame, **options).verdicts)


def verdict(rows: list[tuple[object, ...]], frame: str = "grond", **options: Any) -> dict[str, Any]:
    (found,) = verdicts(rows, frame, **options)
    return dict(found)


def parameter(found: dict[str, Any], substance: str) -> dict[str, Any]:
    matches = [p for p in found["explanation"]["parameters"] if p["parameter"] == substance]
    assert len(matches) == 1, f"{substance} not assessed once in {sorted(names(found))}"
    return dict(matches[0])


def names(found: dict[str, Any]) -> set[str]:
    return {p["parameter"] for p in found["explanation"]["parameters"]}


# --- sums of Bijlage N, components below the reporting limit -------------------------------


@pytest.mark.parametrize(
    ("trans", "expected", "assumed", "klass"),
    [
        # both "<1 µg/kg" (= tabel 1 limit): 0.7 + 0.7 = 1.4 µg/kg, may be assumed to comply
        ("<1", 0.0014, True, "achtergrondwaarde"),
        # trans "<1.5" (> tabel 1): 0.7 + 1.05 = 1.75 µg/kg ≤ AW = Wonen 0.0020, tested
        ("<1,5", 0.00175, False, "achtergrondwaarde"),
        # trans "<2": 0.7 + 1.4 = 2.1 µg/kg > AW = Wonen 0.0020 (≤ Industrie 0.1) → industrie
        ("<2", 0.0021, False, "industrie"),
    ],
)
def test_chlordane_sum_with_a_component_limit_above_the_table_limit(
    trans: str, expected: float, assumed: bool, klass: str
) -> None:
    """Bijlage N (chloordaan = cis + trans), Bijlage G IV A (0.7 × RG in sums; all at or below
    tabel 1 (1 µg/kg ds each) → assumed to comply) and tabel 1 (chloordaan (som) AW = Wonen
    0.0020): the allowance of art 4.2.2 lid 5 cannot forgive a content above Wonen."""
    rows = [
        ("M1", "lutum", "25"),
        ("M1", "organische stof", "10"),
        ("M1", "cis-chloordaan", "<1", "µg/kg ds"),
        ("M1", "trans-chloordaan", trans, "µg/kg ds"),
    ]
    found = verdict(rows)
    chlordane = parameter(found, "chloordaan_som")
    assert chlordane["origin"] == "computed"
    assert chlordane["standardised"] == pytest.approx(expected)
    assert chlordane["compliance_assumed"] is assumed
    assert found["class"] == klass


@pytest.mark.parametrize(
    ("ddd_44", "klass", "used"), [("0.03", "achtergrondwaarde", True), ("0.031", "wonen", False)]
)
def test_ddd_sum_on_land_at_twice_its_background_value(ddd_44: str, klass: str, used: bool) -> None:
    """Bijlage N (DDD = 2,4- + 4,4-DDD) and tabel 1 (DDD (som) AW 0.020, Wonen 0.84; DDT/DDE/DDD
    (som) has no land value); art 4.2.2 lid 4 a and 5: with DDD (som) and OCB (som landbodem,
    AW 0.40) measured, one substance may be elevated up to 2 × AW = 0.040."""
    # 0.01 + 0.03 = 0.040 = 2 × AW → allowance used; 0.01 + 0.031 = 0.041 > 0.040 → wonen
    found = verdict(sample("M1", {"2,4-DDD": "0.01", "4,4-DDD": ddd_44}))
    ddd = parameter(found, "ddd_som")
    assert ddd["standardised"] == pytest.approx(0.01 + float(ddd_44))
    assert ddd["exceeds_background"] is True
    assert parameter(found, "ocb_som")["standardised"] == pytest.approx(0.01 + float(ddd_44))
    assert found["allowance"]["measured"] == 2
    assert found["allowance"]["used"] is used
    assert found["class"] == klass
    # the total has no land value, but its components count in the OCB sum: no no_norm note
    assert ("DDT/DDE/DDD (som)", "no_norm") not in codes(found)
    assert ("organochloorhoudende bestrijdingsmiddelen (som)", "sum_partial") in codes(found)


def test_hch_and_the_ocb_sum_differ_between_land_and_water_bed() -> None:
    """Bijlage N: HCH-verbindingen = α + β + γ + δ; the OCB sum for the land leaves δ-HCH out,
    the one for the water bed includes it. Tabel 1: HCH (som) has no land value; tabel 2: HCH
    (som) AW = A 0.010, B 2 (art 4.2.2 lid 4, 5: one elevated of five, ≤ 2 × AW)."""
    values = {"α-HCH": "0.001", "β-HCH": "0.002", "γ-HCH": "0.003", "δ-HCH": "0.01"}
    # land: OCB = 0.001 + 0.002 + 0.003 = 0.006 (no δ); HCH (som) without a value
    land = verdict(sample("M1", values))
    assert parameter(land, "ocb_som")["standardised"] == pytest.approx(0.006)
    assert "hch_som" not in names(land)
    assert ("HCH-verbindingen (som)", "no_norm") in codes(land)
    assert land["class"] == "achtergrondwaarde"
    # water bed: HCH (som) = OCB = 0.016 > AW 0.010, ≤ 2 × AW → forgiven (5 measured, 1 allowed)
    water = verdict(sample("M1", values), "waterbodem")
    assert parameter(water, "hch_som")["standardised"] == pytest.approx(0.016)
    assert parameter(water, "ocb_som")["standardised"] == pytest.approx(0.016)
    assert water["allowance"]["measured"] == 5
    assert water["allowance"]["elevated"] == ["hch_som"]
    assert water["class"] == "achtergrondwaarde"


def test_phthalates_are_normed_one_by_one_on_land_and_as_a_sum_in_the_water_bed() -> None:
    """Tabel 1: each phthalate has an AW (0.045 or 0.070), ftalaten (som) has no land value;
    tabel 2: ftalaten (som) AW 0.25, no A value (opmerking 2 → klasse B), B 60; the single
    phthalates only have an Industrie value there (tabel 2 vn 3), so they class nothing."""
    # 7 × 0.04 = 0.28; on land each 0.04 ≤ its AW
    land = verdict(sample("M1", dict.fromkeys(PHTHALATES, "0.04")))
    assert land["class"] == "achtergrondwaarde"
    assert land["allowance"]["measured"] == 7
    assert ("ftalaten (som)", "no_norm") in codes(land)
    # water bed: 0.28 > AW 0.25, empty A column → klasse B; the only measured substance
    water = verdict(sample("M1", dict.fromkeys(PHTHALATES, "0.04")), "waterbodem")
    phthalates = parameter(water, "ftalaten_som")
    assert phthalates["standardised"] == pytest.approx(0.28)
    assert phthalates["parameter_class"] == "klasse_B"
    assert water["allowance"]["measured"] == 1
    assert water["class"] == "klasse_B"


@pytest.mark.parametrize(("tpt", "klass"), [("470", "achtergrondwaarde"), ("472", "wonen")])
def test_organotin_sum_in_micrograms_of_tin_at_twice_the_aw(tpt: str, klass: str) -> None:
    """Bijlage N (organotin = tributyltin + trifenyltin), tabel 1 vn 8 (mg Sn/kg ds): organotin
    (som) AW 0.15, Wonen 0.5; tributyltin AW = Wonen 0.065; art 4.2.2 lid 4 a and 5 (two
    measured: one may be elevated, ≤ 2 × AW and ≤ Wonen)."""
    # OM 20: × 10/20. TBT 130 µg Sn → 0.065 = AW; organotin (130 + 470) / 2 = 300 µg = 0.30
    # = 2 × AW → forgiven; TPT 472 → (130 + 472) / 2 = 301 µg = 0.301 > 0.30 → wonen
    rows = [
        ("M1", "lutum", "25"),
        ("M1", "organische stof", "20"),
        ("M1", "tributyltin", "130", "µg Sn/kg ds"),
        ("M1", "trifenyltin", tpt, "µg Sn/kg ds"),
    ]
    found = verdict(rows)
    assert parameter(found, "tbt")["standardised"] == pytest.approx(0.065)
    organotin = parameter(found, "organotin_som")
    assert organotin["value_used"] == pytest.approx((130 + int(tpt)) * 1e-3)
    assert organotin["standardised"] == pytest.approx((130 + int(tpt)) * 0.5e-3)
    assert found["allowance"]["measured"] == 2
    assert found["class"] == klass
    assert ("tributyltin", "organotin_as_tin") not in codes(found)


def test_aromatic_solvents_with_the_xylenes_reported_as_their_sum() -> None:
    """Bijlage N: aromatische oplosmiddelen = 16 components including o-, m- and p-xylene, and
    xylenen (som) = o + m + p; tabel 1: aromatische oplosmiddelen (som) AW = Wonen = Industrie
    2.5 (IW 200). The same soil must get the same sum however the lab reports the xylenes."""
    # 3 × 0.2 (benzeen, tolueen, ethylbenzeen) + 0.25 (styreen) + 0.45 (xylenes)
    # + 3 × 0.45 (1,2,4- and 1,3,5-trimethylbenzeen, propylbenzeen; each ≤ 0.45, vn 6) = 2.65
    # > 2.5 → niet toepasbaar, below the IW
    common = {
        "benzeen": "0.2",
        "tolueen": "0.2",
        "ethylbenzeen": "0.2",
        "styreen": "0.25",
        "1,2,4-trimethylbenzeen": "0.45",
        "1,3,5-trimethylbenzeen": "0.45",
        "propylbenzeen": "0.45",
    }
    isomers = verdict(sample("M1", common | {"o-xyleen": "0.15", "m,p-xyleen": "0.3"}))
    assert parameter(isomers, "aromatische_oplosmiddelen_som")["standardised"] == (
        pytest.approx(2.65)
    )
    assert isomers["class"] == "niet_toepasbaar"
    reported = verdict(sample("M1", common | {"xylenen (som)": "0.45"}))
    assert parameter(reported, "aromatische_oplosmiddelen_som")["standardised"] == (
        pytest.approx(2.65)
    )
    assert reported["class"] == "niet_toepasbaar"
    assert reported["intervention_exceeded"] is False


def test_ddt_dde_ddd_total_in_the_water_bed_from_reported_sub_sums() -> None:
    """Bijlage N: DDT/DDE/DDD = the six isomers = DDT (som) + DDE (som) + DDD (som); tabel 2:
    DDT/DDE/DDD (som) AW = A 0.30, B 4; OCB (som waterbodem) AW 0.40, no A or B (opmerking 2);
    DDT (som) and DDE (som) only have an Industrie value (vn 3)."""
    # 0.4 + 0.4 = 0.8 > A 0.30 and > 2 × AW 0.60 → klasse B (≤ B 4); OCB 0.8 > 0.40 → klasse B
    isomers = {"2,4-DDT": "0.2", "4,4-DDT": "0.2", "2,4-DDE": "0.2", "4,4-DDE": "0.2"}
    assert verdict(sample("M1", isomers), "waterbodem")["class"] == "klasse_B"
    found = verdict(sample("M1", {"DDT (som)": "0.4", "DDE (som)": "0.4"}), "waterbodem")
    assert parameter(found, "ddx_som")["standardised"] == pytest.approx(0.8)
    assert parameter(found, "ocb_som")["standardised"] == pytest.approx(0.8)
    assert found["class"] == "klasse_B"


# --- dioxin TEQ, asbestos, cyanide, mineral oil -----------------------------------------------


@pytest.mark.parametrize(
    ("pcb_169", "klass"), [("1600", "achtergrondwaarde"), ("1700", "niet_toepasbaar")]
)
def test_dioxin_teq_from_dioxin_like_pcbs_without_dioxins(pcb_169: str, klass: str) -> None:
    """Bijlage B tabel 1 opmerking 3: TEQ = Σ C × TEF over dioxins, furans and dioxin-like
    PCBs (PCB 126: 0.1, PCB 169: 0.03); only PCB 118 measured within the PCB sum makes no TEQ.
    Tabel 1: dioxine (som TEQ) AW = Wonen = Industrie 0.000055, IW 0.00018; organic: × 10/H."""
    # OM 20: (600 × 0.1 + 1600 × 0.03) × 0.5 = (60 + 48) / 2 = 54 ng/kg ≤ 55 → AW;
    # 1700: (60 + 51) / 2 = 55.5 ng/kg > 55 (≤ IW 180) → niet toepasbaar without the flag
    rows = [
        ("M1", "lutum", "25"),
        ("M1", "organische stof", "20"),
        ("M1", "PCB 126", "600", "ng/kg ds"),
        ("M1", "PCB 169", pcb_169, "ng/kg ds"),
    ]
    found = verdict(rows)
    teq = parameter(found, "dioxine_teq")
    expected = (600 * 0.1 + float(pcb_169) * 0.03) * 0.5 * 1e-6
    assert teq["standardised"] == pytest.approx(expected)
    assert sorted(c["factor"] for c in teq["components"]) == [0.03, 0.1]
    assert found["class"] == klass
    assert found["intervention_exceeded"] is False
    assert "pcb_som7" not in names(found)


def test_asbestos_with_serpentine_and_amphibole_reported_as_groups() -> None:
    """Bijlage B tabel 1 voetnoot 10: gewogen norm = serpentijn + 10 × amfibool; Bijlage N
    groups chrysotile as Serpentijn and the five amphiboles as Amfibool; tabel 1: asbest
    Wonen = Industrie = IW 100."""
    # 50 + 10 × 6 = 110 > 100 → niet toepasbaar, above the intervention value
    found = verdict(sample("M1", {"serpentijn": "50", "amfibool": "6", "asbest (gewogen)": "110"}))
    assert parameter(found, "asbest")["standardised"] == pytest.approx(110.0)
    assert found["class"] == "niet_toepasbaar"
    assert found["intervention_exceeded"] is True


@pytest.mark.parametrize(
    ("total", "free", "expected", "assumed", "klass"),
    [
        # 8.5 − 3 = 5.5 = AW = Wonen; free 3 = AW → achtergrondwaarde
        ("8.5", "3", 5.5, False, "achtergrondwaarde"),
        # 8.51 − 3 = 5.51 > Wonen 5.5 → industrie (the allowance is capped at Wonen)
        ("8.51", "3", 5.51, False, "industrie"),
        # "<3" and "<2" at the tabel 1 limits: 0.7 × 3 − 0.7 × 2 = 0.7, assumed to comply
        ("<3", "<2", 0.7, True, "achtergrondwaarde"),
        # quantified free cyanide with total "<3": 2.1 − 1.5 = 0.6, tested
        ("<3", "1.5", 0.6, False, "achtergrondwaarde"),
    ],
)
def test_complex_cyanide_is_total_minus_free_at_its_borders(
    total: str, free: str, expected: float, assumed: bool, klass: str
) -> None:
    """Bijlage B tabel 1 voetnoot 5 (cyanide-complex = cyanide-totaal − cyanide-vrij) and tabel 1
    (cyanide (vrij) AW = Wonen 3.0; cyanide (complex) AW = Wonen 5.5, Industrie 50); Bijlage G
    IV A tabel 1 (CN vrij 2, CN totaal 3 mg/kg ds); no soil-type correction (1/0/0)."""
    found = verdict(
        sample("M1", {"cyanide (totaal)": total, "cyanide (vrij)": free}, lutum=2, organic_matter=2)
    )
    complex_cn = parameter(found, "cyanide_complex")
    assert complex_cn["standardised"] == pytest.approx(expected)
    assert complex_cn["compliance_assumed"] is assumed
    assert sorted(c["factor"] for c in complex_cn["components"]) == [-1.0, 1.0]
    assert found["class"] == klass


@pytest.mark.parametrize(
    ("content", "expected", "klass", "flag"),
    [
        ("76", 190.0, "achtergrondwaarde", False),  # 76 × 10/4 = 190 = AW = Wonen
        ("200", 500.0, "industrie", False),  # = Industrie 500
        ("200.4", 501.0, "niet_toepasbaar", False),  # > Industrie, ≤ IW 5000
        ("2000", 5000.0, "niet_toepasbaar", False),  # = IW: no flag
        ("2000.4", 5001.0, "niet_toepasbaar", True),  # > IW
    ],
)
def test_mineral_oil_borders_after_the_organic_matter_correction(
    content: str, expected: float, klass: str, flag: bool
) -> None:
    """Bijlage G III (organic compound, OM 4 % → × 10/4 = 2.5); tabel 1 minerale olie AW = Wonen
    190, Industrie 500; Circulaire 2013 IW 5000; art 4.4.1 lid 6."""
    found = verdict(sample("M1", {"minerale olie": content}, lutum=None, organic_matter=4))
    assert parameter(found, "minerale_olie")["standardised"] == pytest.approx(expected)
    assert found["class"] == klass
    assert found["intervention_exceeded"] is flag


# --- batches (art 4.2.2 lid 1; Bijlage G III) -------------------------------------------------


def test_batch_pah_10_mean_of_sums_standardised_per_sample() -> None:
    """Art 4.2.2 lid 1 and Bijlage G III (standardise each measurement, then the mean); tabel 4
    (PAK: OM ≤ 10 % no correction); tabel 1 PAK (som 10) AW 1.5."""
    # M1 OM 5: 10 × 0.1 = 1.0 (factor 1); M2 OM 20: 10 × 0.4 × 10/20 = 2.0; mean 1.5 = AW
    # (the mean content 2.5 standardised at the mean OM 12.5 would give 2.0 → wonen)
    rows = sample("M1", dict.fromkeys(PAH, "0.1"), lutum=None, organic_matter=5) + sample(
        "M2", dict.fromkeys(PAH, "0.4"), lutum=None, organic_matter=20
    )
    batch = verdict(rows, as_batch=True)
    pah = parameter(batch, "pak_som10")
    assert pah["standardised"] == pytest.approx(1.5)
    assert pah["value_used"] == pytest.approx(2.5)
    assert pah["exceeds_background"] is False
    assert batch["class"] == "achtergrondwaarde"
    single = {v["sample"]: v["class"] for v in verdicts(rows)}
    assert single == {"M1": "achtergrondwaarde", "M2": "wonen"}


def test_batch_mean_of_a_reported_sum_and_a_computed_one() -> None:
    """Bijlage N with the engine's rule that a reported sum is used where none of its components
    was measured; art 4.2.2 lid 1 (mean over the samples); tabel 1 PCB's (som 7) AW 0.020,
    Wonen 0.040."""
    # M1 reports the sum 0.0295 (standard soil); M2 7 × 0.00075 = 0.00525 at OM 5 → × 2 =
    # 0.0105; mean (0.0295 + 0.0105) / 2 = 0.020 = AW → achtergrondwaarde
    rows = sample("M1", {"PCB's (som 7)": "0.0295"}) + sample(
        "M2", dict.fromkeys(PCB, "0.00075"), organic_matter=5
    )
    single = {v["sample"]: v for v in verdicts(rows)}
    assert parameter(single["M1"], "pcb_som7")["origin"] == "measured"
    assert parameter(single["M2"], "pcb_som7")["origin"] == "computed"
    assert single["M1"]["class"] == "wonen"
    batch = verdict(rows, as_batch=True)
    pcb = parameter(batch, "pcb_som7")
    assert pcb["standardised"] == pytest.approx(0.020)
    assert pcb["value_used"] == pytest.approx((0.0295 + 0.00525) / 2)
    assert batch["class"] == "achtergrondwaarde"


def test_batch_duplicates_are_averaged_within_their_sample_first() -> None:
    """Art 4.2.2 lid 1: the batch mean is over the samples; two analyses of one sample are that
    sample's mean (the engine's duplicate rule); tabel 1 koper AW 40."""
    # M1: (30 + 60) / 2 = 45; M2: 35; batch (45 + 35) / 2 = 40 = AW → achtergrondwaarde
    # (pooling the three analyses would give (30 + 60 + 35) / 3 = 41.67 → wonen)
    rows = [*sample("M1", {"koper": "30"}), ("M1", "koper", "60"), *sample("M2", {"koper": "35"})]
    batch = verdict(rows, as_batch=True)
    assert parameter(batch, "koper")["standardised"] == pytest.approx(40.0)
    assert batch["class"] == "achtergrondwaarde"
    assert ("koper", "duplicate") in codes(batch)


def test_batch_with_a_sample_without_lutum_keeps_its_organic_sums() -> None:
    """Bijlage G III: a PAH needs only the organic matter (0/0/1), copper needs the lutum
    (15/0.6/0.6); Bijlage G IV A: "< RG" at the tabel 1 limit (koper 5) may be assumed to
    comply without standardisation; art 4.2.2 lid 1."""
    # PAK: M1 10 × 0.2 = 2.0 (OM 10), M2 10 × 0.1 = 1.0 → mean 1.5 = AW;
    # koper "<5" in both: the batch mean may be assumed to comply
    rows = sample("M1", dict.fromkeys(PAH, "0.2") | {"koper": "<5"}, lutum=None) + sample(
        "M2", dict.fromkeys(PAH, "0.1") | {"koper": "<5"}
    )
    batch = verdict(rows, as_batch=True)
    assert parameter(batch, "pak_som10")["standardised"] == pytest.approx(1.5)
    copper = parameter(batch, "koper")
    assert copper["compliance_assumed"] is True
    assert copper["standardised"] is None
    assert batch["class"] == "achtergrondwaarde"
    assert ("koper", "compliant_without_lutum") in codes(batch)
    assert not [m for m in batch["messages"] if m["code"] == "batch_mean_incomplete"]


# --- receiving soil and tare soil (art 4.10.2 lid 3, 4; art 4.14) ----------------------------


@pytest.mark.parametrize(
    ("content", "klass", "used"), [("1.66", "wonen", True), ("1.6602", "industrie", False)]
)
def test_receiving_soil_wonen_allowance_for_pah_10(content: str, klass: str, used: bool) -> None:
    """Art 4.10.2 lid 3 a (7 measured: 2 may exceed Wonen) and lid 4 (≤ Wonen + AW, ≤ Industrie):
    PAK (som 10) Wonen 6.8 + AW 1.5 = 8.3; components standardised before the sum (OM 20)."""
    # 10 × 1.66 × 10/20 = 8.3 → wonen; 10 × 1.6602 / 2 = 8.301 > 8.3 → industrie
    values = fillers("rbk-2015", "grond", 6, exclude=METALS) | dict.fromkeys(PAH, content)
    found = verdict(sample("M1", values, organic_matter=20), receiving_soil=True)
    assert parameter(found, "pak_som10")["standardised"] == pytest.approx(5 * float(content))
    assert found["allowance"]["measured"] == 7
    assert found["wonen_allowance"]["used"] is used
    assert found["class"] == klass
    assert verdict(sample("M1", values, organic_matter=20))["class"] == "industrie"


def tare_cited(found: dict[str, Any]) -> set[str]:
    """The parameters whose explanation cites the tare-soil exemption (art 4.14)."""
    return {
        p["parameter"]
        for p in found["explanation"]["parameters"]
        if "tare_soil" in {r["rule"] for r in p["rules"]}
    }


def test_tare_soil_exempts_cresols_phenol_toluene_and_mineral_oil_or_chloroanilines() -> None:
    """Art 4.14.1 (tare soil, natural presence: cresolen (som), fenol, tolueen, minerale olie)
    and 4.14.2 lid 1 (tare soil of potatoes: monochlooranilinen (som)); tabel 1: cresolen (som)
    Industrie 5, fenol 1.25, tolueen 1.25, minerale olie 500, monochlooranilinen 0.20."""
    # cresols 4 + 2 = 6 > 5, fenol 2 > 1.25, tolueen 1 (≤ Industrie), mineral oil 600 > 500,
    # 2-chlooraniline 0.5 > 0.20: all above Industrie (≤ their IW) without an exemption
    values = {
        "o-cresol": "4",
        "m,p-cresol": "2",
        "fenol": "2",
        "minerale olie": "600",
        "2-chlooraniline": "0.5",
        "koper": "10",
    }
    assert verdict(sample("M1", values))["class"] == "niet_toepasbaar"
    natural = verdict(sample("M1", values), tare_soil=("natural_presence",))
    # exempt substances stay in the explanation, citing art 4.14, tested only against the IW
    assert tare_cited(natural) == {"cresolen_som", "fenol", "minerale_olie"}
    assert natural["deciding_parameters"] == ["mclan_som"]
    assert natural["class"] == "niet_toepasbaar"
    both = verdict(sample("M1", values), tare_soil=("natural_presence", "potatoes"))
    assert tare_cited(both) == {"cresolen_som", "fenol", "minerale_olie", "mclan_som"}
    assert both["deciding_parameters"] == []
    assert both["class"] == "achtergrondwaarde"
    potatoes = verdict(sample("M1", values), tare_soil=("potatoes",))
    assert "cresolen_som" in potatoes["deciding_parameters"]


def test_an_exempt_tare_soil_substance_takes_no_place_in_the_allowance() -> None:
    """Art 4.14.1: the background values "gelden niet" for the exempt substances, so one above
    its AW is not elevated (found by a differential test against an independent reference)."""
    # arseen 21 > AW 20 (≤ 2 × 20, ≤ Wonen 27) and mineral oil 300 > Wonen 190 (Industrie
    # without the exemption); exempt, with koper 2 are measured, 1 may be elevated, and only
    # arseen is
    values = {"arseen": "21", "koper": "10", "minerale olie": "300"}
    assert verdict(sample("M1", values))["class"] == "industrie"
    found = verdict(sample("M1", values), tare_soil=("natural_presence",))
    assert found["allowance"]["elevated"] == ["arseen"]
    assert found["class"] == "achtergrondwaarde"
    # exempt phenol 0.6 above 2 × its AW 0.25 does not stop the allowance for nickel 45
    # (≤ 2 × 35; exempt from the Wonen cap, lid 8)
    nickel = {"nikkel": "45", "arseen": "10", "fenol": "0.6"}
    assert verdict(sample("M1", nickel), tare_soil=("natural_presence",))["class"] == (
        "achtergrondwaarde"
    )
    (phenol,) = [
        p
        for p in verdict(sample("M1", nickel), tare_soil=("natural_presence",))["explanation"][
            "parameters"
        ]
        if p["parameter"] == "fenol"
    ]
    assert phenol["exceeds_background"] is False


def test_natural_toluene_is_left_out_of_the_aromatic_solvents_sum() -> None:
    """Art 4.14.1: the values of natural toluene "gelden niet", also not through the aromatic
    solvents' sum (tabel 1: AW = Wonen = Industrie 2.5), which is computed without it and
    says so (found by a differential test against an independent reference)."""
    # toluene 3 alone: the sum would be 3 > 2.5 (niet_toepasbaar); without it there is no sum
    alone = verdict(sample("M1", {"tolueen": "3"}), tare_soil=("natural_presence",))
    assert alone["class"] == "achtergrondwaarde"
    assert "aromatische_oplosmiddelen_som" not in {
        p["parameter"] for p in alone["explanation"]["parameters"]
    }
    (note,) = [m for m in alone["messages"] if m["code"] == "exempt_outside_sum"]
    assert note["params"]["detail"] == "aromatische oplosmiddelen (som)"
    # with benzene 0.9 the sum is benzene's 0.9 (≤ 2.5), and benzene > Wonen 0.2 decides
    found = verdict(
        sample("M1", {"tolueen": "2", "benzeen": "0.9"}), tare_soil=("natural_presence",)
    )
    (total,) = [
        p
        for p in found["explanation"]["parameters"]
        if p["parameter"] == "aromatische_oplosmiddelen_som"
    ]
    assert total["standardised"] == pytest.approx(0.9)
    assert found["class"] == "industrie"
    # without the exemption toluene is in the sum: 2.9 > 2.5
    assert verdict(sample("M1", {"tolueen": "2", "benzeen": "0.9"}))["class"] == ("niet_toepasbaar")


def test_tare_soil_above_the_intervention_value_is_not_classified() -> None:
    """Art 4.14.1 ("gelden de achtergrondwaarden alsmede de maximale waarden voor de
    kwaliteitsklasse wonen en industrie niet"); art 4.4.1 lid 6 (above the intervention value
    no class); Circulaire 2013: minerale olie IW 5000."""
    # 6000 > IW 5000 at standard soil: exempt from 190/190/500, but not from the IW
    values = {"minerale olie": "6000", "koper": "10"}
    found = verdict(sample("M1", values), tare_soil=("natural_presence",))
    assert found["intervention_exceeded"] is True
    assert found["class"] == "niet_toepasbaar"


# --- every row accounted for (docs/assessments.md: "Every row of the input is either shown in
# the explanation ... or named by a message") ---------------------------------------------------


def accounted_rows(rows: list[tuple[object, ...]], **options: Any) -> tuple[set[int], list[int]]:
    """The substance rows of the input (numbered from 2, as ``measurements`` does) and the rows
    the verdicts show as a measurement (of a parameter or of a component) or a message names,
    by its row or by the parameter as written (``no_norm`` names a parameter without a row)."""
    result = assess(measurements(rows), **options)
    parameters = [p for v in result.verdicts for p in v["explanation"]["parameters"]]
    shown = {m["row"] for p in parameters for m in p["measurements"]}
    shown |= {m["row"] for p in parameters for c in p["components"] for m in c["measurements"]}
    named = {m["row"] for m in result.messages if m["row"] is not None}
    named_parameters = {str(m["parameter"]).lower() for m in result.messages}
    substance_rows = []
    for number, row in enumerate(rows, start=2):
        written = str(row[1])
        if written in {"lutum", "organische stof"}:
            continue
        substance_rows.append(number)
        if written.lower() in named_parameters:
            named.add(number)
    return shown | named, substance_rows


@pytest.mark.parametrize(
    ("values", "options"),
    [
        pytest.param(
            {"fenol": "2", "koper": "10"},
            {"frame": "grond", "tare_soil": ("natural_presence",)},
            id="tare-soil-exempt-phenol",
        ),
        pytest.param(
            {"α-HCH": "0.001", "δ-HCH": "0.01"},
            {"frame": "grond"},
            id="delta-hch-on-land",
        ),
        pytest.param(
            {"α-HCH": "0.001", "δ-HCH": "0.01"}, {"frame": "waterbodem"}, id="delta-hch-in-water"
        ),
        # a substance without any land value is named by its no_norm message
        pytest.param(
            {"endosulfansulfaat": "0.01", "koper": "10"}, {"frame": "grond"}, id="no-norm"
        ),
    ],
)
def test_every_substance_row_is_explained_or_named_by_a_message(
    values: dict[str, str], options: dict[str, Any]
) -> None:
    """The engine's claim (docs/assessments.md, Identification): no row is left out silently.
    Tabel 1: fenol AW 0.25 (exempt in natural tare soil, art 4.14.1); δ-HCH has no land value
    and enters only HCH (som) (no land value) — on land not the OCB sum (Bijlage N); in the
    water bed δ-HCH enters HCH (som) (AW 0.010) and the OCB sum (AW 0.40)."""
    rows = sample("M1", values)
    accounted, substance_rows = accounted_rows(rows, **options)
    assert set(substance_rows) <= accounted
