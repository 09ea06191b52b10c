"""An independent reference ("oracle") of the soil-on-land classification (frame grond).

Written from the dossier alone (domain.md section 5 and its tables, copied in ``data/`` from
``shared/domain/data``: normwaarden_grond.csv = Rbk 2015 Bijlage B tabel 1 with the Circulaire
bodemsanering 2013 intervention values, standaardisatie.csv = Bijlage G III tabel 3 and 4,
rapportagegrenzen.csv = Bijlage G IV tabel 1), without the engine's code or its converted rule
data, in exact rational arithmetic so that "at the limit" is decided exactly. The differential
test compares the engine with it on many random samples.

Covered: the metals and single organic substances of ``SUBSTANCES``, PAK (som 10) and PCB
(som 7) from all their components; standardisation with the bounds of tabel 4; "< RG" (at or
below the required limit: assumed to comply, otherwise 0.7 x the limit; 0.7 x in a sum, which
complies when every component may); a value at a limit meets it; an empty Wonen column makes
Industrie above AW (tabel 1 opmerking 2); above Industrie niet_toepasbaar; the intervention
flag; the background-value allowance (1/2/3/4/5 elevated at 2/7/16/27/37 measured, each at
most 2 x AW and Wonen, nickel exempt from the Wonen cap; no Wonen value: not forgiven).
"""

from __future__ import annotations

from fractions import Fraction
from typing import Any

from kwalibo.assessments.tests.reference.tables import (
    allowance,
    exact,
    parse,
    reporting_limits,
    rows,
)

F = Fraction

# oracle name -> (stof in normwaarden_grond.csv, stof in standaardisatie.csv or kind, stof in rapportagegrenzen.csv)
SUBSTANCES = {
    "antimoon": ("antimoon (Sb)", "antimoon", "antimoon"),
    "arseen": ("arseen (As)", "arseen", "Arseen"),
    "cadmium": ("cadmium (Cd)", "cadmium", "cadmium"),
    "chroom": ("chroom (Cr)", "chroom", "chroom"),
    "kobalt": ("kobalt (Co)", "kobalt", "kobalt"),
    "koper": ("koper (Cu)", "koper", "koper"),
    "kwik": ("kwik (Hg)", "kwik", "kwik"),
    "lood": ("lood (Pb)", "lood", "lood"),
    "molybdeen": ("molybdeen (Mo)", "molybdeen", "molybdeen"),
    "nikkel": ("nikkel (Ni)", "nikkel", "nikkel"),
    "zink": ("zink (Zn)", "zink", "zink"),
    "tin": ("tin (Sn)", "tin", "tin"),
    "vanadium": ("vanadium (V)", "vanadium", "vanadium"),
    "minerale olie": ("minerale olie", "organische verbindingen (excl. PAK)", "min olie"),
    "benzeen": ("benzeen", "organische verbindingen (excl. PAK)", "benzeen"),
    "tolueen": ("tolueen", "organische verbindingen (excl. PAK)", "tolueen"),
    "ethylbenzeen": ("ethylbenzeen", "organische verbindingen (excl. PAK)", "ethylbenzeen"),
    "styreen": ("styreen (vinylbenzeen)", "organische verbindingen (excl. PAK)", "styreen"),
    "fenol": ("fenol", "organische verbindingen (excl. PAK)", None),  # no table RG
    "dichloormethaan": (
        "dichloormethaan",
        "organische verbindingen (excl. PAK)",
        "dichloormethaan",
    ),
    "trichloormethaan": (
        "trichloormethaan (chloroform)",
        "organische verbindingen (excl. PAK)",
        "trichloormethaan( chloroform)",
    ),
    "tetrachlooretheen": (
        "tetrachlooretheen (Per)",
        "organische verbindingen (excl. PAK)",
        "tetrachlooretheen (Per)",
    ),
    "hexachloorbenzeen": (
        "hexachloorbenzeen",
        "organische verbindingen (excl. PAK)",
        "hexachloorbenzeen",
    ),
    "pentachloorfenol": (
        "pentachloorfenol",
        "organische verbindingen (excl. PAK)",
        "pentachloorfenol",
    ),
}

ORG = "organische verbindingen (excl. PAK)"
EXTRA = {
    "vinylchloride": ("monochlooretheen (vinylchloride)", ORG, "monochlooretheen( vinylchloride )"),
    "1,1-dichloorethaan": ("1,1-dichloorethaan", ORG, "1,1-dichloorethaan"),
    "1,2-dichloorethaan": ("1,2-dichloorethaan", ORG, "1,2-dichloorethaan"),
    "1,1-dichlooretheen": ("1,1-dichlooretheen", ORG, "1,1-dichlooretheen"),
    "1,1,1-trichloorethaan": ("1,1,1-trichloorethaan", ORG, "1,1,1-trichloorethaan"),
    "1,1,2-trichloorethaan": ("1,1,2-trichloorethaan", ORG, "1,1,2-trichloorethaan"),
    "trichlooretheen": ("trichlooretheen (Tri)", ORG, "trichlooretheen(Tri)"),
    "tetrachloormethaan": ("tetrachloormethaan (Tetra)", ORG, "tetrachloormethaan(Tetra)"),
    "monochloorbenzeen": ("monochloorbenzeen", ORG, "monochloorbenzeen"),
    "pentachloorbenzeen": ("pentachloorbenzeen", ORG, "pentachloorbenzeen"),
    "cyclohexanon": ("cyclohexanon", ORG, None),
    "pyridine": ("pyridine", ORG, None),
    "tetrahydrofuran": ("tetrahydrofuran", ORG, None),
    "tetrahydrothiofeen": ("tetrahydrothiofeen", ORG, None),
    "bromoform": ("tribroommethaan (bromoform)", ORG, "tribroommethaan"),
    "MTBE": ("methyl-tert-butyl ether (MTBE)", ORG, "MTBE"),
    "carbaryl": ("carbaryl", ORG, None),
    "MCPA": ("MCPA", ORG, None),
    "carbofuran": ("carbofuran", ORG, None),
    "isopropanol": ("isopropanol (2-propanol)", ORG, None),
    "methanol": ("methanol", ORG, None),
    "butanol": ("butanol (1-butanol)", ORG, None),
    "ethylacetaat": ("ethylacetaat", ORG, None),
    "butylacetaat": ("butylacetaat", ORG, None),
    "methylethylketon": ("methylethylketon", ORG, None),
    "ethyleenglycol": ("ethyleenglycol", ORG, None),
    "diethyleenglycol": ("diethyleenglycol", ORG, None),
    "formaldehyde": ("formaldehyde", ORG, None),
    "acrylonitril": ("acrylonitril", ORG, None),
    "hexachloorbutadieen": (
        "hexachloorbutadieen",
        ORG,
        "hexachloorbutadieen",
    ),  # AW only, no Wonen/Industrie
    "xylenen (som)": ("xylenen (som)", ORG, None),
}
SUBSTANCES.update(EXTRA)
#: Substances that are also parts of a normed sum the reference does not compute (the aromatic
#: solvents, the organochlorine pesticides): the random samples leave them out.
PARTIAL_SUM_PARTS = frozenset(
    {"benzeen", "tolueen", "ethylbenzeen", "styreen", "xylenen (som)", "hexachloorbenzeen"}
)

PAH = {  # engine-facing name -> rapportagegrenzen name
    "naftaleen": "naftaleen",
    "fenantreen": "fenantreen",
    "antraceen": "antraceen",
    "fluorantheen": "fluoranteen",
    "chryseen": "chryseen",
    "benzo(a)antraceen": "benz(a)antraceen",
    "benzo(a)pyreen": "benz(a)pyreen",
    "benzo(k)fluorantheen": "benz(k)fluoranteen",
    "indeno(1,2,3cd)pyreen": "indeno(123cd)pyreen",
    "benzo(ghi)peryleen": "benz(ghi)peryleen",
}
PCB = {
    "PCB 28": "PCB 28",
    "PCB 52": "PCB 52",
    "PCB 101": "PCB101",
    "PCB 118": "PCB 118",
    "PCB 138": "PCB138",
    "PCB 153": "PCB153",
    "PCB 180": "PCB 180",
}
SUMS = {
    "PAK (som 10)": ("PAK’s totaal (som 10)", "PAK (individueel en som 10)", PAH),
    "PCB (som 7)": ("PCB’s (som 7)", "organische verbindingen (excl. PAK)", PCB),
}


NORMS = {row["stof"]: row for row in rows("normwaarden_grond.csv")}
STANDARDISATION = {row["stof_of_stofgroep"]: row for row in rows("standaardisatie.csv")}


REPORTING_LIMITS = reporting_limits()


def _norm(stof: str) -> dict[str, Fraction | None]:
    row = NORMS[stof]
    return {
        "aw": exact(row["achtergrondwaarde"]),
        "wonen": exact(row["max_wonen"]),
        "industrie": exact(row["max_industrie"]),
        "iw": exact(row["interventiewaarde_grond"]),
    }


def _constants(name: str) -> dict[str, Fraction | None]:
    row = STANDARDISATION[name]
    columns = ("A", "B", "C", "os_min_pct", "os_max_pct", "lutum_min_pct", "lutum_max_pct")
    return {column: exact(row[column]) for column in columns}


SPEC: dict[str, dict[str, Any]] = {}
for _name, (_stof, _group, _limit) in SUBSTANCES.items():
    SPEC[_name] = {
        "norm": _norm(_stof),
        "std": _constants(_group),
        "rg": REPORTING_LIMITS.get(_limit) if _limit else None,
    }
for _name, (_stof, _group, _parts) in SUMS.items():
    SPEC[_name] = {
        "norm": _norm(_stof),
        "std": _constants(_group),
        "components": {part: REPORTING_LIMITS[limit] for part, limit in _parts.items()},
    }


def factor(constants: dict[str, Any], lutum: Fraction, organic_matter: Fraction) -> Fraction:
    """(A + 25 B + 10 C) / (A + B L + C H) with the bounds of tabel 4."""
    a, b, c = constants["A"], constants["B"], constants["C"]
    low, high = constants["lutum_min_pct"], constants["lutum_max_pct"]
    lutum = max(lutum, low) if low is not None else lutum
    lutum = min(lutum, high) if high is not None else lutum
    low, high = constants["os_min_pct"], constants["os_max_pct"]
    organic_matter = max(organic_matter, low) if low is not None else organic_matter
    organic_matter = min(organic_matter, high) if high is not None else organic_matter
    return F(a + 25 * b + 10 * c) / (a + b * lutum + c * organic_matter)


def standardised(
    values: dict[str, str], lutum: Fraction, organic_matter: Fraction
) -> dict[str, Fraction | str]:
    """Per substance (and sum) its standardised value, or "compliant" where the "< RG" rule
    lets compliance be assumed."""
    out: dict[str, Fraction | str] = {}
    for name, raw in values.items():
        if name not in SUBSTANCES:
            continue
        spec = SPEC[name]
        below, number = parse(raw)
        if below:
            if spec["rg"] is not None and number <= spec["rg"]:
                out[name] = "compliant"
                continue
            number = F(7, 10) * number
        out[name] = number * factor(spec["std"], lutum, organic_matter)
    for name, spec in SPEC.items():
        parts = spec.get("components")
        if not parts or not any(part in values for part in parts):
            continue
        assert all(part in values for part in parts), "the oracle knows complete sums only"
        complies, total = True, F(0)
        for part, limit in parts.items():
            below, number = parse(values[part])
            complies = complies and below and number <= limit
            total += F(7, 10) * number if below else number
        out[name] = "compliant" if complies else total * factor(spec["std"], lutum, organic_matter)
    return out


def classify(
    values: dict[str, str], lutum: Fraction, organic_matter: Fraction
) -> tuple[str, bool, int]:
    """The class, whether an intervention value is exceeded, and the number measured."""
    values_std = standardised(values, lutum, organic_matter)
    intervention = False
    above_industrie, above_wonen, above_aw = [], [], []
    for name, value in values_std.items():
        if value == "compliant":
            continue
        assert isinstance(value, Fraction)
        norm = SPEC[name]["norm"]
        if norm["iw"] is not None and value > norm["iw"]:
            intervention = True
        if norm["industrie"] is not None and value > norm["industrie"]:
            above_industrie.append(name)
        elif norm["wonen"] is not None and value > norm["wonen"]:
            above_wonen.append(name)
        elif norm["wonen"] is None and norm["aw"] is not None and value > norm["aw"]:
            above_wonen.append(name)  # empty Wonen column: Industrie (opmerking 2)
        if norm["aw"] is not None and value > norm["aw"]:
            above_aw.append(name)
    measured = sum(1 for name in values_std if SPEC[name]["norm"]["aw"] is not None)
    if above_industrie:
        klass = "niet_toepasbaar"
    elif above_wonen:
        klass = "industrie"
    elif above_aw:
        klass = "wonen"
    else:
        klass = "achtergrondwaarde"
    if above_aw and not above_industrie and len(above_aw) <= allowance(measured):
        forgiven = True
        for name in above_aw:
            norm, value = SPEC[name]["norm"], values_std[name]
            assert isinstance(value, Fraction)
            if value > 2 * norm["aw"]:
                forgiven = False
            if name != "nikkel" and (norm["wonen"] is None or value > norm["wonen"]):
                forgiven = False
        if forgiven:
            klass = "achtergrondwaarde"
    return klass, intervention, measured
