"""Audit of identification and units: parameter names, codes and units as Dutch lab files write
them (Rbk 2015; SIKB0101; Aquo), and whether the engine reads each one as the right substance in
mg/kg ds, or refuses it with a clear message. Spellings marked "lab export" are as found in
exported lab reports (ALcontrol/Synlab, Eurofins).
"""

from __future__ import annotations

from typing import Any

import pytest

from kwalibo.assessments.domain.engine import assess
from kwalibo.assessments.readers import read_measurements
from kwalibo.assessments.tests.builders import measurements
from kwalibo.assessments.tests.builders import message_codes as codes

SOIL = [("M1", "lutum", "25", "%"), ("M1", "organische stof", "10", "%")]


def verdict(rows: list[tuple[object, ...]]) -> dict[str, Any]:
    (found,) = assess(measurements(rows), frame="grond").verdicts
    return found


def csv_verdict(text: str) -> dict[str, Any]:
    frame = read_measurements(text.encode(), filename="lab.csv")
    (found,) = assess(frame, frame="grond").verdicts
    return found


def parameters(found: dict[str, Any]) -> dict[str, dict[str, Any]]:
    return {p["parameter"]: p for p in found["explanation"]["parameters"]}


def measured_mg(found: dict[str, Any], substance: str) -> list[float]:
    """The values in mg/kg ds of the substance as measured itself (not as a component)."""
    return [m["value_mg_kg_ds"] for m in parameters(found)[substance]["measurements"]]


def component_mg(found: dict[str, Any], total: str, component: str) -> list[float]:
    """The values in mg/kg ds of a component as the sum ``total`` shows them."""
    (match,) = [c for c in parameters(found)[total]["components"] if c["component"] == component]
    return [m["value_mg_kg_ds"] for m in match["measurements"]]


# --- parameter names, symbols, CAS numbers, Aquo codes, SIKB0101 ids ------------------------


@pytest.mark.parametrize(
    ("written", "substance"),
    [
        ("chroom (Cr)", "chroom"),
        ("CHROOM", "chroom"),
        ("kwik (Hg)", "kwik"),
        ("Kwik", "kwik"),
        ("Koper (Cu)", "koper"),
        ("Koper\u00a0(Cu)", "koper"),  # non-breaking space from a spreadsheet
        ("Cu", "koper"),
        ("Zn", "zink"),
        ("arsenicum", "arseen"),
        ("7440-50-8", "koper"),
        (" 7440-50-8 ", "koper"),
        ("urn:immetingen:parameter:id:971", "koper"),
        ("URN:IMMETINGEN:PARAMETER:ID:971", "koper"),
    ],
)
def test_metal_as_labs_write_it_is_the_substance_in_mg_per_kg(written: str, substance: str) -> None:
    found = verdict([*SOIL, ("M1", written, "12,5", "mg/kg ds")])

    assert measured_mg(found, substance) == [12.5]
    assert not [m for m in found["messages"] if m["row"] == 4]


@pytest.mark.parametrize(
    ("written", "substance"),
    [
        ("PAK (som 10)", "pak_som10"),
        ("PAK totaal (10 van VROM)", "pak_som10"),
        ("sPAK10", "pak_som10"),
        ("minerale olie C10-C40", "minerale_olie"),
        ("Minerale olie (C10 - C40)", "minerale_olie"),
        ("totaal olie C10 - C40", "minerale_olie"),  # lab export
        ("PCB (som 7)", "pcb_som7"),
        ("som PCB (7)", "pcb_som7"),
    ],
)
def test_sum_reported_by_the_lab_is_the_sum_itself(written: str, substance: str) -> None:
    found = verdict([*SOIL, ("M1", written, "3", "mg/kg ds")])

    assert measured_mg(found, substance) == [3.0]


@pytest.mark.parametrize(
    ("written", "total", "component"),
    [
        ("PCB 28", "pcb_som7", "pcb_28"),
        ("PCB-28", "pcb_som7", "pcb_28"),
        ("PCB28", "pcb_som7", "pcb_28"),
        ("4,4-DDT", "ddt_som", "ddt_44"),
        ("4,4'-DDT", "ddt_som", "ddt_44"),
        ("p,p'-DDT", "ddt_som", "ddt_44"),
        ("o,p'-DDT", "ddt_som", "ddt_24"),
        ("fluoranteen", "pak_som10", "fluorantheen"),  # lab export, without the "h"
        ("benzo(k)fluoranteen", "pak_som10", "benzo_k_fluorantheen"),
        ("indeno(1,2,3-cd)pyreen", "pak_som10", "indeno_123cd_pyreen"),
    ],
)
def test_component_as_labs_write_it_counts_in_its_sum(
    written: str, total: str, component: str
) -> None:
    found = verdict([*SOIL, ("M1", written, "5", "µg/kg ds")])

    assert component_mg(found, total, component) == [pytest.approx(0.005)]


@pytest.mark.parametrize("written", ["pak-totaal (16 van EPA)", "PAK 16 EPA", "chroom (VI)"])
def test_a_different_sum_or_species_is_not_taken_for_the_normed_one(written: str) -> None:
    # PAK 16 EPA is not the Rbk PAK (som 10); chromium VI is not total chromium.
    found = verdict([*SOIL, ("M1", written, "5", "mg/kg ds")])

    assert "pak_som10" not in parameters(found)
    assert "chroom" not in parameters(found)
    assert (written, "unknown_parameter") in codes(found)


# --- units -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "unit"),
    [
        ("40", "mg/kg ds"),
        ("40", "mg/kg d.s."),
        ("40", "mg/kgds"),
        ("40", "mg/kg"),
        ("40", "MG/KG DS"),
        ("40", "mg/kg\u00a0ds"),
        ("40000", "\u00b5g/kg ds"),  # micro sign
        ("40000", "\u03bcg/kg"),  # Greek mu
        ("40000", "ug/kg ds"),
        ("0,04", "g/kg"),
        ("40", "mg kg-1 ds"),  # SI notation with a negative exponent
        ("40", "mg.kg-1 d.s."),
        ("40", "mg·kg⁻¹"),
        ("40000", "µg kg-1 ds"),
        ("40", "µg g-1"),
    ],
)
def test_copper_in_the_units_labs_write_is_40_mg_per_kg_ds(value: str, unit: str) -> None:
    found = verdict([*SOIL, ("M1", "koper", value, unit)])

    assert measured_mg(found, "koper") == [pytest.approx(40.0)]


def test_dioxins_in_nanograms_and_as_toxic_equivalents() -> None:
    found = verdict(
        [*SOIL, ("M1", "2,3,7,8-TCDD", "10", "ng/kg ds")],
    )
    assert component_mg(found, "dioxine_teq", "tcdd_2378") == [pytest.approx(1e-5)]

    found = verdict([*SOIL, ("M1", "dioxinen (som TEQ)", "10", "ng TEQ/kg ds")])
    assert measured_mg(found, "dioxine_teq") == [pytest.approx(1e-5)]


def test_organotin_in_tin_units_and_the_warning_without_tin() -> None:
    found = verdict([*SOIL, ("M1", "tributyltin (TBT)", "10", "µg Sn/kg ds")])
    assert measured_mg(found, "tbt") == [pytest.approx(0.01)]
    assert not [m for m in found["messages"] if m["code"] == "organotin_as_tin"]

    found = verdict([*SOIL, ("M1", "tributyltin", "10", "mg Sn/kg ds")])
    assert measured_mg(found, "tbt") == [pytest.approx(10.0)]

    found = verdict([*SOIL, ("M1", "TBT", "10", "µg/kg ds")])
    assert ("TBT", "organotin_as_tin") in codes(found)


@pytest.mark.parametrize(
    ("unit", "code"),
    [
        ("mg/l", "unknown_unit"),
        ("µg/l", "unknown_unit"),
        ("mg/kg n.s.", "unknown_unit"),  # wet weight: not convertible without dry matter
        ("%", "mass_fraction_expected"),
        ("% ds", "mass_fraction_expected"),
    ],
)
def test_a_unit_that_does_not_fit_a_metal_is_refused_not_converted(unit: str, code: str) -> None:
    found = verdict([*SOIL, ("M1", "koper", "40", unit), ("M1", "zink", "100", "mg/kg ds")])

    assert "koper" not in parameters(found)
    (message,) = [m for m in found["messages"] if m["row"] == 4]
    assert (message["code"], message["params"]["unit"]) == (code, unit)
    assert unit in message["message"]


@pytest.mark.parametrize(("value", "unit"), [("20", "mg/kg ds"), ("200", "g/kg ds")])
def test_lutum_not_in_percent_is_refused_with_its_unit(value: str, unit: str) -> None:
    found = verdict([("M1", "lutum", value, unit), ("M1", "organische stof", "10", "%")])

    assert found["soil"]["lutum"] is None
    assert ("lutum", "percent_expected") in codes(found)


# --- lutum, organic matter, gloeirest, dry matter --------------------------------------------


@pytest.mark.parametrize(
    ("written", "unit"),
    [
        ("Lutum (< 2 \u00b5m)", "%"),
        ("lutum (< 2 \u03bcm)", "%"),
        ("lutum (<2 µm)", "% ds"),
        ("fractie < 2 µm", "% (m/m) ds"),
        ("Fractie < 2 um", "%"),
        ("korrelgrootte < 2 µm", "%(m/m)"),
    ],
)
def test_lutum_spellings_and_percent_units(written: str, unit: str) -> None:
    found = verdict([("M1", written, "20", unit), ("M1", "organische stof", "10", "%")])

    assert found["soil"]["lutum"] == 20.0


@pytest.mark.parametrize("written", ["fractie < 63 µm", "fractie < 16 µm", "korrelgrootte < 63 µm"])
def test_a_coarser_grain_fraction_is_not_lutum(written: str) -> None:
    found = verdict([("M1", written, "40", "%"), ("M1", "organische stof", "10", "%")])

    assert found["soil"]["lutum"] is None
    assert (written, "unknown_parameter") in codes(found)


@pytest.mark.parametrize(
    "written", ["humus", "Humus", "organische stof (gloeiverlies)", "gloeiverlies"]
)
def test_organic_matter_spellings(written: str) -> None:
    found = verdict([("M1", "lutum", "25", "%"), ("M1", written, "5", "% ds")])

    assert found["soil"]["organische_stof"] == 5.0


def test_gloeirest_is_not_organic_matter() -> None:
    # Gloeirest (residue on ignition, ~95 %) is the complement of gloeiverlies, not organic matter.
    alone = verdict(
        [("M1", "lutum", "25", "%"), ("M1", "Gloeirest", "95", "% (m/m) ds"), ("M1", "pcb 28", "5")]
    )
    assert alone["soil"]["organische_stof"] is None
    gloeirest = [m["code"] for m in alone["messages"] if m["parameter"] == "Gloeirest"]
    assert gloeirest == ["not_used"]  # recognised, like droge stof, and not used

    both = verdict([*SOIL, ("M1", "Gloeirest", "90", "% (m/m) ds")])
    assert both["soil"]["organische_stof"] == 10.0
    assert not [m for m in both["messages"] if m["code"] == "duplicate"]


@pytest.mark.parametrize(
    ("written", "unit"),
    [
        ("droge stof", "%"),
        ("Droge stof", "% (m/m)"),
        ("pH", "-"),
        ("fractie C10-C12", "mg/kg ds"),  # lab export: a mineral-oil fraction, not the total
        ("minerale olie C10-C20", "mg/kg ds"),
    ],
)
def test_info_parameters_are_recognised_and_not_used(written: str, unit: str) -> None:
    found = verdict([*SOIL, ("M1", written, "85", unit), ("M1", "koper", "40", "mg/kg ds")])

    assert (written, "not_used") in codes(found)
    assert "minerale_olie" not in parameters(found)
    assert found["soil"] == {"lutum": 25.0, "organische_stof": 10.0}
    assert measured_mg(found, "koper") == [40.0]


def test_csv_with_a_separate_cas_column_identifies_an_unfamiliar_name() -> None:
    found = csv_verdict(
        "monster;parameter;waarde;eenheid;CAS-nummer\n"
        "M1;lutum;25;%;\n"
        "M1;organische stof;10;%;\n"
        "M1;Cu totaal (ICP-MS);40,5;mg/kg d.s.;7440-50-8\n"
    )

    assert measured_mg(found, "koper") == [40.5]


# --- found by this audit and fixed ------------------------------------------------------------


@pytest.mark.parametrize("written", ["Som PAK 10 VROM", "pak-totaal (10 van VROM) (0.7 factor)"])
def test_pah_10_as_labs_export_it(written: str) -> None:
    found = verdict([*SOIL, ("M1", written, "3", "mg/kg ds")])

    assert measured_mg(found, "pak_som10") == [3.0]


def test_xylenes_with_the_factor_suffix_of_lab_exports() -> None:
    found = verdict([*SOIL, ("M1", "xylenen (0.7 factor)", "0,2", "mg/kg ds")])

    assert measured_mg(found, "xylenen_som") == [0.2]


def test_para_and_meta_xylene_written_para_first() -> None:
    found = verdict([*SOIL, ("M1", "p- en m-xyleen", "0,2", "mg/kg ds")])

    assert component_mg(found, "xylenen_som", "mp_xyleen") == [0.2]


def test_lutum_with_the_method_in_its_name() -> None:
    found = verdict(
        [
            ("M1", "Korrelgrootte < 2 µm, gravimetrisch", "20", "% (m/m) ds"),
            ("M1", "organische stof", "10", "%"),
        ]
    )

    assert found["soil"]["lutum"] == 20.0


def test_csv_with_a_cas_column_headed_cas_nr() -> None:
    found = csv_verdict(
        "monster;parameter;waarde;eenheid;CAS-nr.\n"
        "M1;lutum;25;%;\n"
        "M1;organische stof;10;%;\n"
        "M1;Cu totaal (ICP-MS);40,5;mg/kg ds;7440-50-8\n"
    )

    assert measured_mg(found, "koper") == [40.5]


def test_a_name_and_a_cas_number_that_disagree_are_not_silently_resolved() -> None:
    found = csv_verdict(
        "monster;parameter;waarde;eenheid;cas\n"
        "M1;lutum;25;%;\n"
        "M1;organische stof;10;%;\n"
        "M1;koper;40;mg/kg ds;7440-66-6\n"
    )

    assert [m for m in found["messages"] if m["row"] == 4]


@pytest.mark.parametrize(
    ("written", "unit", "mg_kg"),
    [
        ("koper", "µg/g ds", 20.0),  # µg/g = mg/kg
        ("koper", "ng/g", 0.02),  # ng/g = µg/kg
    ],
)
def test_mass_fractions_per_gram(written: str, unit: str, mg_kg: float) -> None:
    found = verdict([*SOIL, ("M1", written, "20", unit)])

    assert measured_mg(found, "koper") == [pytest.approx(mg_kg)]


@pytest.mark.parametrize("unit", ["pg/g", "ng WHO-TEQ/kg ds"])
def test_dioxin_units_of_lab_reports(unit: str) -> None:
    # 5 pg/g = 5 ng/kg = 5e-6 mg/kg; for the TEQ itself "ng WHO-TEQ/kg ds" is the same scale
    written = "2,3,7,8-TCDD" if unit == "pg/g" else "dioxine (som TEQ)"
    found = verdict([*SOIL, ("M1", written, "5", unit)])

    values = [
        m["value_mg_kg_ds"]
        for p in found["explanation"]["parameters"]
        for m in p["measurements"] + [m for c in p["components"] for m in c["measurements"]]
    ]
    assert values == [pytest.approx(5e-6)]
