"""Sums from their components (Rbk Bijlage N, Bijlage B tabel 1 opmerking 3 and voetnoot 5 and 10),
recomputed by hand at standard soil (25 % lutum, 10 % organic matter: factor 1)."""

from __future__ import annotations

import polars as pl
import pytest

from kwalibo.assessments.domain.catalogue import COMBINED_COMPONENTS
from kwalibo.assessments.domain.engine import assess
from kwalibo.assessments.tests.builders import PAH, PCB, explained, measurements, sample


def parameter(values: dict[str, object], substance: str, frame: str = "grond") -> dict[str, object]:
    result = assess(measurements(sample("M1", values)), frame=frame)
    (verdict,) = result.verdicts
    found = [p for p in verdict["explanation"]["parameters"] if p["parameter"] == substance]
    assert found, verdict
    found[0]["class"] = verdict["class"]
    found[0]["messages"] = [m["code"] for m in verdict["messages"]]
    return found[0]


def test_pah_10_all_components_below_the_table_limit_may_be_assumed_to_comply() -> None:
    pah = parameter(dict.fromkeys(PAH, "<0,05"), "pak_som10")
    assert pah["origin"] == "computed"
    assert len(pah["components"]) == 10
    assert pah["compliance_assumed"] is True
    assert pah["standardised"] == pytest.approx(10 * 0.7 * 0.05)
    assert pah["class"] == "achtergrondwaarde"


def test_pah_10_with_one_quantified_component_is_tested_with_0_7_rg_for_the_rest() -> None:
    # 1.0 + 9 × 0.035 = 1.315 ≤ AW 1.5
    values = dict.fromkeys(PAH, "<0.05") | {"fenantreen": "1.0"}
    pah = parameter(values, "pak_som10")
    assert pah["compliance_assumed"] is False
    assert pah["standardised"] == pytest.approx(1.315)
    assert pah["class"] == "achtergrondwaarde"
    # 1.2 + 0.315 = 1.515 > 1.5 → wonen
    values["fenantreen"] = "1.2"
    assert parameter(values, "pak_som10")["class"] == "wonen"


def test_pcb_7_in_micrograms() -> None:
    # 10 µg/kg + 6 × 0.7 × 1 µg/kg = 14.2 µg/kg = 0.0142 mg/kg ≤ AW 0.020
    rows = [("M1", "lutum", "25"), ("M1", "organische stof", "10")]
    rows += [("M1", name, "<1", "µg/kg ds") for name in PCB[1:]] + [
        ("M1", "PCB 28", "10", "ug/kg ds")
    ]
    result = assess(measurements(rows), frame="grond")
    (pcb,) = [
        p for p in result.verdicts[0]["explanation"]["parameters"] if p["parameter"] == "pcb_som7"
    ]
    assert pcb["standardised"] == pytest.approx(0.0142)
    assert result.verdicts[0]["class"] == "achtergrondwaarde"


def test_drins() -> None:
    # 0.005 + 0.005 + 0.006 = 0.016 > AW 0.015, ≤ Wonen 0.04
    drins = parameter({"aldrin": "0.005", "dieldrin": "0.005", "endrin": "0.006"}, "drins_som")
    assert drins["standardised"] == pytest.approx(0.016)
    assert drins["parameter_class"] == "wonen"
    # the drins also make the OCB sum (0.016 ≤ its AW 0.4): two substances measured, so the
    # allowance of one elevated substance (≤ 2 × AW, ≤ Wonen) applies
    assert drins["allowance_used"] is True
    assert drins["class"] == "achtergrondwaarde"


def test_ddt_exactly_at_the_background_value() -> None:
    # 2,4-DDT + 4,4-DDT = 0.2 = AW → achtergrondwaarde
    ddt = parameter({"2,4-DDT": "0.1", "4,4-DDT": "0.1"}, "ddt_som")
    assert ddt["standardised"] == pytest.approx(0.2)
    assert ddt["class"] == "achtergrondwaarde"


def test_ddt_dde_ddd_sum_in_the_water_bed() -> None:
    # water bed: DDT/DDE/DDD (som) = 0.1 + 0.1 + 0.05 + 0.1 = 0.35 > AW = A = 0.30 → B
    values = {"2,4-DDT": "0.1", "4,4-DDT": "0.1", "4,4-DDE": "0.05", "4,4-DDD": "0.1"}
    ddx = parameter(values, "ddx_som", frame="waterbodem")
    assert ddx["standardised"] == pytest.approx(0.35)
    assert ddx["parameter_class"] == "klasse_B"
    # with 0.7 (> 2 × AW) the allowance for the sums DDT, DDE, DDD and OCB no longer helps
    values["4,4-DDD"] = "0.45"
    assert parameter(values, "ddx_som", frame="waterbodem")["class"] == "klasse_B"


def test_dioxin_teq_is_the_sum_of_concentration_times_tef() -> None:
    # 20 × 1 + 10 × 1 + 1000 × 0.0003 + 100 × 0.1 = 40.3 ng TEQ/kg ≤ AW 55 ng/kg
    rows = [("M1", "lutum", "25"), ("M1", "organische stof", "10")]
    rows += [
        ("M1", "2,3,7,8-TCDD", "20", "ng/kg ds"),
        ("M1", "1,2,3,7,8-PeCDD", "10", "ng/kg ds"),
        ("M1", "OCDD", "1000", "ng/kg ds"),
        ("M1", "PCB 126", "100", "ng/kg ds"),
    ]
    result = assess(measurements(rows), frame="grond")
    (teq,) = [
        p
        for p in result.verdicts[0]["explanation"]["parameters"]
        if p["parameter"] == "dioxine_teq"
    ]
    assert teq["standardised"] == pytest.approx(40.3e-6)
    assert {c["factor"] for c in teq["components"]} == {1.0, 0.0003, 0.1}
    assert {r["rule"] for r in teq["rules"]} >= {"teq"}
    assert result.verdicts[0]["class"] == "achtergrondwaarde"
    # + 1,2,3,6,7,8-HxCDD 200 × 0.1 = 60.3 > 55 = AW = Wonen = Industrie → niet_toepasbaar
    rows.append(("M1", "1,2,3,6,7,8-HxCDD", "200", "ng/kg ds"))
    result = assess(measurements(rows), frame="grond")
    assert result.verdicts[0]["class"] == "niet_toepasbaar"
    assert result.verdicts[0]["intervention_exceeded"] is False  # IW 180 ng/kg


def test_pcb_118_alone_makes_no_dioxin_teq() -> None:
    result = assess(measurements(sample("M1", dict.fromkeys(PCB, "0.001"))), frame="grond")
    names = {p["parameter"] for p in result.verdicts[0]["explanation"]["parameters"]}
    assert "dioxine_teq" not in names
    assert "pcb_som7" in names


def test_asbestos_is_serpentine_plus_10_times_amphibole() -> None:
    # 40 + 10 × 6 = 100 = the norm → achtergrondwaarde (no AW for asbestos)
    asbestos = parameter({"chrysotiel": "40", "amosiet": "6"}, "asbest")
    assert asbestos["standardised"] == pytest.approx(100.0)
    assert asbestos["class"] == "achtergrondwaarde"
    # 50 + 60 = 110 > 100 = Wonen = Industrie = intervention value
    asbestos = parameter({"chrysotiel": "50", "amosiet": "6"}, "asbest")
    assert asbestos["class"] == "niet_toepasbaar"
    assert asbestos["exceeds_intervention"] is True


def test_complex_cyanide_is_total_minus_free() -> None:
    # 30 − 2 = 28 > Wonen 5.5, ≤ Industrie 50
    complex_cn = parameter({"cyanide (totaal)": "30", "cyanide (vrij)": "2"}, "cyanide_complex")
    assert complex_cn["standardised"] == pytest.approx(28.0)
    assert complex_cn["class"] == "industrie"
    # only the total measured: complex = total (tabel 1 voetnoot 5)
    assert parameter({"cyanide (totaal)": "4"}, "cyanide_complex")["standardised"] == pytest.approx(
        4.0
    )
    # never below zero
    assert parameter({"cyanide (totaal)": "1", "cyanide (vrij)": "2"}, "cyanide_complex")[
        "standardised"
    ] == pytest.approx(0.0)


def test_xylenes_with_m_p_xylene_reported_together() -> None:
    xylenes = parameter({"o-xyleen": "0.1", "m,p-xyleen": "0.3"}, "xylenen_som")
    assert xylenes["standardised"] == pytest.approx(0.4)
    assert xylenes["class"] == "achtergrondwaarde"  # AW 0.45


def test_ortho_meta_and_para_xylene_are_all_the_xylenes() -> None:
    # m,p-xylene is another form of meta + para, not a fourth xylene: o + m + p is complete
    result = assess(
        measurements(sample("M1", {"o-xyleen": "0.1", "m-xyleen": "0.1", "p-xyleen": "0.1"})),
        frame="grond",
    )
    partial = {
        m["params"]["parameter"]: m["params"]["detail"]
        for m in result.messages
        if m["code"] == "sum_partial"
    }
    assert "xylenen (som)" not in partial
    # of the 16 aromatic solvents three are measured (m,p-xylene is not a seventeenth)
    assert partial["aromatische oplosmiddelen (som)"] == "3/16"


def test_m_p_xylene_beside_meta_or_para_xylene_is_counted_once() -> None:
    # m,p 0.3 already holds the p 0.2: 0.3 ≤ AW 0.45, not 0.5 (> Industrie 0.45 would follow)
    xylenes = parameter({"m,p-xyleen": "0.3", "p-xyleen": "0.2"}, "xylenen_som")
    assert xylenes["standardised"] == pytest.approx(0.3)
    assert xylenes["class"] == "achtergrondwaarde"
    assert "combined_component_overlap" in xylenes["messages"]
    # the larger form counts: m 0.3 + p 0.2 = 0.5 > m,p 0.3
    larger = parameter({"m,p-xyleen": "0.3", "m-xyleen": "0.3", "p-xyleen": "0.2"}, "xylenen_som")
    assert larger["standardised"] == pytest.approx(0.5)
    # and the aromatic solvents' sum takes the same form
    aromatics = parameter({"m,p-xyleen": "0.3", "p-xyleen": "0.2"}, "aromatische_oplosmiddelen_som")
    assert aromatics["standardised"] == pytest.approx(0.3)


def test_a_reported_inner_sum_stands_in_beside_a_lower_measured_component() -> None:
    # amfibool 5 reported, amosiet 0.5 of it listed: asbestos = 60 + 10 × 5 = 110 > 100, not
    # 60 + 10 × 0.5 = 65 (listing a component must not improve the verdict)
    values = {"chrysotiel": "60", "amfibool": "5", "amosiet": "0.5"}
    asbestos = parameter(values, "asbest")
    assert asbestos["standardised"] == pytest.approx(110.0)
    assert asbestos["class"] == "niet_toepasbaar"
    assert parameter(values | {"amosiet": "1"}, "asbest")["standardised"] == pytest.approx(110.0)
    # a listed component above the reported inner sum is used instead: 60 + 10 × 8 = 140
    assert parameter(values | {"amosiet": "8"}, "asbest")["standardised"] == pytest.approx(140.0)
    # in the water bed: DDT (som) 1.0 reported with 2,4-DDT 0.05 listed, DDT/DDE/DDD = 1.0
    ddx = parameter({"DDT (som)": "1.0", "2,4-DDT": "0.05"}, "ddx_som", frame="waterbodem")
    assert ddx["standardised"] == pytest.approx(1.0)


def test_a_reported_sum_gives_way_only_to_a_complete_computed_one() -> None:
    # all ten PAHs measured: the sum is computed from them, the lab's own value set aside
    pah = parameter({"PAK (som 10)": "5"} | dict.fromkeys(PAH, "0.1"), "pak_som10")
    assert (pah["origin"], pah["standardised"]) == ("computed", pytest.approx(1.0))
    assert "sum_reported_ignored" in pah["messages"]
    # one PAH listed: 0.1 from one component of ten would overrule the lab's 5; it does not
    pah = parameter({"PAK (som 10)": "5", "naftaleen": "0.1"}, "pak_som10")
    assert (pah["origin"], pah["standardised"]) == ("measured", pytest.approx(5.0))
    assert "sum_reported_used" in pah["messages"]
    assert "sum_partial" not in pah["messages"]
    assert pah["class"] == "wonen"  # 5 > AW 1.5, ≤ Wonen 6.8
    # the listed component is still shown with its lab row, under the sum it was weighed in
    (part,) = pah["components"]
    assert part["component"] == "naftaleen"
    assert [m["value_raw"] for m in part["measurements"]] == ["0.1"]
    # but a partial sum higher than the lab's own value is not set aside for it
    pah = parameter({"PAK (som 10)": "1", "naftaleen": "3"}, "pak_som10")
    assert (pah["origin"], pah["standardised"]) == ("computed", pytest.approx(3.0))
    assert "sum_reported_ignored" in pah["messages"]
    assert parameter({"som PAK": "5"}, "pak_som10")["origin"] == "measured"


def test_sum_components_are_standardised_per_measurement() -> None:
    # mineral-oil-like organic correction for PCBs: × 10/5 at 5 % organic matter
    result = assess(
        measurements(sample("M1", {"PCB 28": "0.005", "PCB 52": "0.005"}, organic_matter=5)),
        frame="grond",
    )
    (pcb,) = [
        p for p in result.verdicts[0]["explanation"]["parameters"] if p["parameter"] == "pcb_som7"
    ]
    assert pcb["standardised"] == pytest.approx(0.02)


def _sum_cases() -> list[tuple[str, str]]:
    from kwalibo.assessments.domain.rules import load_rule_set

    rules = load_rule_set("rbk-2015")
    cases = []
    for frame in ("grond", "waterbodem"):
        # assessed sums: a value in a class column of the frame's table (classification.py)
        columns = {"grond": ("wonen", "industrie"), "waterbodem": ("klasse_a", "klasse_b")}[frame]
        table = rules.norms[frame]
        normed = table.filter(
            pl.any_horizontal(pl.col(c).is_not_null() for c in ("achtergrondwaarde", *columns))
        )
        normed_ids = {str(s) for s in normed["substance"].to_list()}
        sums = {str(name) for name in rules.sums_for(frame)["sum"].to_list()}
        cases += [(frame, name) for name in sorted(sums & normed_ids)]
    return cases


@pytest.mark.parametrize(("frame", "sum_id"), _sum_cases())
def test_every_sum_is_the_weighted_total_of_its_components(frame: str, sum_id: str) -> None:
    """Each component measured at a distinct content (standard soil, so no correction): the sum
    is Σ factor × content over the components of Bijlage N (TEFs, asbestos × 10, cyanide −1)."""
    from kwalibo.assessments.domain.rules import load_rule_set

    rules = load_rule_set("rbk-2015")
    names = rules.substance_names()
    definition = rules.sums_for(frame).filter(pl.col("sum") == sum_id)
    values: dict[str, str] = {}
    expected = 0.0
    for index, (component, factor) in enumerate(
        zip(definition["component"].to_list(), definition["factor"].to_list(), strict=True)
    ):
        if component in COMBINED_COMPONENTS:
            continue  # the lab's m+p sum stands in for m- and p-xylene (-cresol), not beside them
        content = 0.001 * (index + 1) if factor > 0 else 0.0005
        values[names[component]] = repr(content)
        expected += factor * content
    result = assess(measurements(sample("M1", values)), frame=frame)
    found = [p for p in result.verdicts[0]["explanation"]["parameters"] if p["parameter"] == sum_id]
    assert len(found) == 1, sum_id
    assert found[0]["standardised"] == pytest.approx(max(expected, 0.0))
    assert found[0]["origin"] == "computed"


def test_a_partial_sum_says_how_many_components_were_measured_in_either_language() -> None:
    from django.utils import translation

    from kwalibo.assessments.presentation import message_text

    result = assess(
        measurements(sample("M1", {"naftaleen": "0.1", "fenantreen": "0.2"})), frame="grond"
    )
    (verdict,) = result.verdicts
    (partial,) = [m for m in verdict["messages"] if m["code"] == "sum_partial"]
    assert partial["params"]["detail"] == "2/10"
    with translation.override("nl"):
        dutch = message_text(partial)
    with translation.override("en"):
        english = message_text(partial)
    assert "berekend uit een deel van de componenten (2/10 gemeten" in dutch
    assert "computed from part of its components (2/10 measured" in english


def test_each_component_shows_the_lab_results_behind_it() -> None:
    # Rows 2-3 soil, 4 naftaleen, 5-6 fenantreen twice (the mean is used), 7 PCB 28.
    rows = sample("M1", {"naftaleen": "<0,05"})
    rows += [("M1", "fenantreen", "0,4"), ("M1", "fenantreen", "0,6"), ("M1", "PCB 28", "3")]
    pah = next(
        p
        for p in assess(measurements(rows), frame="grond").verdicts[0]["explanation"]["parameters"]
        if p["parameter"] == "pak_som10"
    )

    behind = {c["component"]: c["measurements"] for c in pah["components"]}
    assert sorted(behind) == ["fenantreen", "naftaleen"]
    assert [(m["row"], m["value_raw"]) for m in behind["naftaleen"]] == [(4, "<0,05")]
    assert [(m["row"], m["value_raw"]) for m in behind["fenantreen"]] == [(5, "0,4"), (6, "0,6")]
    assert {c["component"]: c["value_used"] for c in pah["components"]}["fenantreen"] == (
        pytest.approx(0.5)
    )


def test_a_batch_shows_each_samples_component_results_under_that_sample() -> None:
    rows = sample("M1", {"naftaleen": "0,1"}) + sample("M2", {"naftaleen": "0,3"})
    (verdict,) = assess(measurements(rows), frame="grond", as_batch=True).verdicts
    pah = next(p for p in verdict["explanation"]["parameters"] if p["parameter"] == "pak_som10")

    assert [(c["sample"], [m["row"] for m in c["measurements"]]) for c in pah["components"]] == [
        ("M1", [4]),
        ("M2", [7]),
    ]


# Rbk Bijlage B tabel 1 voetnoot 6 (land) and tabel 2 voetnoot 7 (water bed): each component
# of the aromatic solvents that is not normed itself may hold at most 0.45 mg/kg ds, for the AW
# as well as the Wonen and Industrie values.


def test_a_non_normed_aromatic_solvent_at_0_45_is_within_every_class_value() -> None:
    found = parameter({"1,2,4-trimethylbenzeen": "0.45"}, "tmb_124")
    assert found["limits"] == {
        "achtergrondwaarde": 0.45,
        "wonen": 0.45,
        "industrie": 0.45,
        "interventiewaarde": None,
    }
    assert found["class"] == "achtergrondwaarde"


def test_a_non_normed_aromatic_solvent_above_0_45_exceeds_industrie() -> None:
    # 0.46 > 0.45 = Industrie for the component, while the sum (0.46 ≤ 2.5) is at AW level
    found = parameter({"isopropylbenzeen": "0.46"}, "isopropylbenzeen")
    assert found["class"] == "niet_toepasbaar"
    assert found["decisive"] is True
    assert "component_maximum_grond" in [rule["rule"] for rule in found["rules"]]
    total = parameter({"isopropylbenzeen": "0.46"}, "aromatische_oplosmiddelen_som")
    assert total["parameter_class"] == "achtergrondwaarde"


def test_the_component_maximum_is_tested_on_the_standardised_content() -> None:
    # organic standardisation: 0.3 × 10 / 5 = 0.6 > 0.45 at 5 % organic matter
    rows = sample("M1", {"propylbenzeen": "0.3"}, organic_matter=5)
    (verdict,) = assess(measurements(rows), frame="grond").verdicts
    found = explained(verdict, "propylbenzeen")
    assert found["standardised"] == pytest.approx(0.6)
    assert verdict["class"] == "niet_toepasbaar"


def test_components_with_a_maximum_do_not_count_as_measured_substances() -> None:
    """Art 4.2.2 lid 4 counts the substances of the table; the components are not among them,
    so measuring them does not raise the number of substances allowed above AW."""
    values = {"benzeen": "0.1", "1,2,3-trimethylbenzeen": "0.1", "2-ethyltolueen": "0.1"}
    (verdict,) = assess(measurements(sample("M1", values)), frame="grond").verdicts
    # benzeen and the aromatic sum computed from the three
    assert verdict["allowance"]["measured"] == 2


def test_xylenes_are_held_to_their_normed_sum_not_to_the_component_maximum() -> None:
    # xylenen (som) 0.5: above AW and Wonen (0.45), within Industrie (1.25)
    found = parameter({"o-xyleen": "0.5"}, "xylenen_som")
    assert found["class"] == "industrie"
    verdict = assess(measurements(sample("M1", {"o-xyleen": "0.5"})), frame="grond").verdicts[0]
    assert "o_xyleen" not in [p["parameter"] for p in verdict["explanation"]["parameters"]]


def test_in_the_water_bed_a_component_above_0_45_is_class_b_and_not_spread() -> None:
    # tabel 2: the sum has an AW and an Industrie value only, so the component gets 0.45 for
    # both; above AW with no A or B value the class is B (opmerking 2)
    found = parameter({"1,3,5-trimethylbenzeen": "0.5"}, "tmb_135", frame="waterbodem")
    assert found["limits"]["achtergrondwaarde"] == 0.45
    assert found["limits"]["industrie_grond_in_water"] == 0.45
    assert found["limits"]["klasse_A"] is None
    assert found["class"] == "klasse_B"
    assert "component_maximum_waterbodem" in [rule["rule"] for rule in found["rules"]]
    rows = sample("M1", {"1,3,5-trimethylbenzeen": "0.5"})
    (verdict,) = assess(measurements(rows), frame="waterbodem").verdicts
    assert verdict["spreading"]["zoet_oppervlaktewater"] == "niet_verspreidbaar"
