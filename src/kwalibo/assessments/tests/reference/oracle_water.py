"""An independent reference ("oracle") of the water-bed classification (frame waterbodem).

Written from the dossier alone (domain.md section 5.1, 5.3 and 5.4 and its tables, copied in
``data/`` from ``shared/domain/data``: normwaarden_bagger.csv = Rbk 2015 Bijlage B tabel 2,
normwaarden_grond.csv = tabel 1 (only for the Wonen cap of the background-value allowance),
standaardisatie.csv = Bijlage G III tabel 3 and 4, rapportagegrenzen.csv = Bijlage G IV tabel 1),
without the engine's code or its converted rule data, in exact rational arithmetic so that "at
the limit" is decided exactly.

Rules (dossier section and source in brackets):

* classes per substance [5.1 "Water"; Rbk art 4.4.1 lid 3, 4, 6]: <= AW achtergrondwaarde;
  > AW and <= max A klasse_A; > A and <= max B klasse_B; > B not classified (niet_toepasbaar,
  B = intervention value for water beds, so > B also sets the intervention flag). A value at a
  limit meets it. An empty A or B column makes the substance klasse_B once it exceeds the last
  value it has [tabel 2 opmerking 2]; with B empty there is no niet_toepasbaar for it.
  The sample takes the worst class of its substances.
* standardisation [5.3]: (A + 25 B + 10 C) / (A + B L + C H) with the bounds of tabel 4; the
  organic substances (PCB congeners too) 10/H with H in [2, 30]; PAK 10/H with H in [10, 30];
  Sb and Mo none; cyanide (vrij) and thiocyanaten are neither metals nor organic: the row
  "overige verbindingen 1 0 0" (no correction) -- see AMBIGUITIES.
* "< RG" [5.4]: a "<" value at or below the required limit of tabel 1 is assumed to comply;
  above it, or without a table limit, 0.7 x the reported limit is tested. A sum is the total of
  its components (a "<" component as 0.7 x its limit) and is assumed to comply when every
  component is "<" at or below its required limit.
* sums [5.4 "Sums"; Bijlage N]: PAK (som 10), PCB (som 7), and of the organochlorine pesticides
  drins, HCH, DDT/DDE/DDD, chlordane, heptachlor epoxide and the water-bed OCB sum (its own
  composition of 23 components), each from all its components. In water the PCB congeners and
  11 of these pesticides have their own AW (tabel 2), so they are tested one by one as well as
  in their sums (on land only the PCB sum is normed).
* background-value allowance [5.4; Rbk art 4.2.2 lid 4, 5, 8]: among the measured substances
  with a value (an AW) in tabel 2 -- a sum counting as one substance, its normed congeners each
  as one too -- at most 1/2/3/4/5 may be elevated above AW at 2/7/16/27/37 measured, each at
  most 2 x AW and not above the maximum value Wonen (tabel 1; the dossier and art 4.2.2 lid 5
  name Wonen for "grond of baggerspecie" alike), nickel exempt from the Wonen cap. When the
  allowance holds the sample is achtergrondwaarde; it never forgives an intervention value.

AMBIGUITIES (resolved here): the Wonen cap in water (Wonen of tabel 1,
not klasse A); a substance whose tabel 1 row has an AW but no Wonen value cannot be forgiven
(tabel 1 opmerking 2 classes it above Wonen), a substance without any tabel 1 value (the PCB
congeners, the water-bed OCB sum, whose land counterpart "som landbodem" is another sum) has no
Wonen cap; the standardisation of cyanide and thiocyanate; whether a sum whose parts are
themselves normed counts as a measured substance (here: yes, literally).
"""

from __future__ import annotations

import functools
from fractions import Fraction
from typing import Any

from kwalibo.assessments.tests.reference.tables import (
    allowance,
    clip,
    exact,
    parse,
    reporting_limits,
    rows,
)

F = Fraction

ORG = "organische verbindingen (excl. PAK)"
OTHER = "overige verbindingen"
PAK_GROUP = "PAK (individueel en som 10)"

#: name as given to the engine -> (stof in normwaarden_bagger.csv, row of standaardisatie.csv,
#: stof in rapportagegrenzen.csv or None when tabel 1 of Bijlage G IV has no limit)
SUBSTANCES: dict[str, tuple[str, str, str | None]] = {
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
    "tin": ("tin (Sn)", "tin", "tin"),  # AW only in water
    "vanadium": ("vanadium (V)", "vanadium", "vanadium"),  # AW only in water
    "zink": ("zink (Zn)", "zink", "zink"),
    "cyanide (vrij)": ("cyanide (vrij)", OTHER, "CN vrij"),
    "thiocyanaten": ("thiocyanaten", OTHER, None),
    "fenol": ("fenol", ORG, None),
    "vinylchloride": ("monochlooretheen (vinylchloride)", ORG, "monochlooretheen( vinylchloride )"),
    "dichloormethaan": ("dichloormethaan", ORG, "dichloormethaan"),
    "1,1-dichloorethaan": ("1,1-dichloorethaan", ORG, "1,1-dichloorethaan"),
    "1,2-dichloorethaan": ("1,2-dichloorethaan", ORG, "1,2-dichloorethaan"),
    "1,1-dichlooretheen": ("1,1-dichlooretheen", ORG, "1,1-dichlooretheen"),  # B = AW (vn 9)
    "trichloormethaan": ("trichloormethaan (chloroform)", ORG, "trichloormethaan( chloroform)"),
    "1,1,1-trichloorethaan": ("1,1,1-trichloorethaan", ORG, "1,1,1-trichloorethaan"),
    "1,1,2-trichloorethaan": ("1,1,2-trichloorethaan", ORG, "1,1,2-trichloorethaan"),
    "trichlooretheen": ("trichlooretheen (Tri)", ORG, "trichlooretheen(Tri)"),
    "tetrachloormethaan": ("tetrachloormethaan (Tetra)", ORG, "tetrachloormethaan(Tetra)"),
    "tetrachlooretheen": ("tetrachlooretheen (Per)", ORG, "tetrachlooretheen (Per)"),
    "pentachlooraniline": ("pentachlooraniline", ORG, None),  # AW only in water
    "MCPA": ("MCPA", ORG, None),
    "carbaryl": ("carbaryl", ORG, None),
    "carbofuran": ("carbofuran", ORG, None),
    "cyclohexanon": ("cyclohexanon", ORG, None),
    "minerale olie": ("minerale olie", ORG, "min olie"),
    "pyridine": ("pyridine", ORG, None),
    "tetrahydrofuran": ("tetrahydrofuran", ORG, None),
    "tetrahydrothiofeen": ("tetrahydrothiofeen", ORG, None),
    "bromoform": ("tribroommethaan (bromoform)", ORG, "tribroommethaan"),
    "ethyleenglycol": ("ethyleenglycol", ORG, None),
    "diethyleenglycol": ("diethyleenglycol", ORG, None),
    "acrylonitril": ("acrylonitril", ORG, None),
    "formaldehyde": ("formaldehyde", ORG, None),
    "isopropanol": ("isopropanol (2-propanol)", ORG, None),
    "methanol": ("methanol", ORG, None),
    "butanol": ("butanol (1-butanol)", ORG, None),
    "butylacetaat": ("butylacetaat", ORG, None),
    "ethylacetaat": ("ethylacetaat", ORG, None),
    "MTBE": ("methyl-tert-butyl ether (MTBE)", ORG, "MTBE"),
    "methylethylketon": ("methylethylketon", ORG, None),
}

#: The PCB congeners: normed one by one in water (AW and klasse A, no B) and parts of PCB (som 7).
PCB_CONGENERS: dict[str, tuple[str, str, str | None]] = {
    "PCB 28": ("PCB 28", ORG, "PCB 28"),
    "PCB 52": ("PCB 52", ORG, "PCB 52"),
    "PCB 101": ("PCB 101", ORG, "PCB101"),
    "PCB 118": ("PCB 118", ORG, "PCB 118"),
    "PCB 138": ("PCB 138", ORG, "PCB138"),
    "PCB 153": ("PCB 153", ORG, "PCB153"),
    "PCB 180": ("PCB 180", ORG, "PCB 180"),
}
SUBSTANCES.update(PCB_CONGENERS)

#: The organochlorine pesticides normed one by one in tabel 2 (all parts of sums below).
OCB_NORMED: dict[str, tuple[str, str, str | None]] = {
    "aldrin": ("aldrin", ORG, "aldrin"),
    "dieldrin": ("dieldrin", ORG, "dieldrin"),  # A = AW ($)
    "endrin": ("endrin", ORG, "endrin"),  # A = AW ($)
    "isodrin": ("isodrin", ORG, "isodrin"),  # AW only
    "telodrin": ("telodrin", ORG, "telodrin"),  # AW only
    "α-HCH": ("α-HCH", ORG, "α-HCH"),
    "β-HCH": ("β-HCH", ORG, "β-HCH"),
    "γ-HCH": ("γ-HCH (lindaan)", ORG, "γ-HCH"),  # A = AW ($)
    "heptachloor": ("heptachloor", ORG, "heptachloor"),
    "α-endosulfan": ("α-endosulfan", ORG, "α-endosulfan"),
    "hexachloorbutadieen": ("hexachloorbutadieen", ORG, "hexachloorbutadieen"),
}
SUBSTANCES.update(OCB_NORMED)

#: Parts of sums without a norm of their own in tabel 2: input name -> rapportagegrenzen name.
PAH = {
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
OCB_UNNORMED = {
    "δ-HCH": "δ-HCH",
    "endosulfansulfaat": "endosulfansulfaat",
    "cis-heptachloorepoxide": "cis-heptachloorepoxide",
    "trans-heptachloorepoxide": "trans-heptachloorepoxide",
    "cis-chloordaan": "cis-chloordaan",
    "trans-chloordaan": "trans-chloordaan",
    "2,4-DDT": "opDDT",
    "4,4-DDT": "ppDDT",
    "2,4-DDE": "opDDE",
    "4,4-DDE": "ppDDE",
    "2,4-DDD": "opDDD",
    "4,4-DDD": "ppDDD",
}
UNNORMED = {**PAH, **OCB_UNNORMED}

#: Bijlage N (somparameters.csv), the water-bed OCB sum with its own composition.
DDX = ["2,4-DDT", "4,4-DDT", "2,4-DDE", "4,4-DDE", "2,4-DDD", "4,4-DDD"]
DRINS = ["aldrin", "dieldrin", "endrin"]
HCH = ["α-HCH", "β-HCH", "γ-HCH", "δ-HCH"]
CHLOORDAAN = ["cis-chloordaan", "trans-chloordaan"]
HPE = ["cis-heptachloorepoxide", "trans-heptachloorepoxide"]
OCB_WATER = [
    *HCH[:4],
    *DRINS,
    *DDX,
    "heptachloor",
    "α-endosulfan",
    "endosulfansulfaat",
    *HPE,
    "telodrin",
    "isodrin",
    *CHLOORDAAN,
    "hexachloorbutadieen",
]

#: sum -> (stof in normwaarden_bagger.csv, standardisation row, its components)
SUMS: dict[str, tuple[str, str, list[str]]] = {
    "PAK (som 10)": ("PAK’s totaal (som 10)", PAK_GROUP, list(PAH)),
    "PCB (som 7)": ("PCB’s (som 7)", ORG, list(PCB_CONGENERS)),
    "drins (som)": ("drins (som)", ORG, DRINS),
    "HCH (som)": ("HCH-verbindingen (som)", ORG, HCH),
    "DDT/DDE/DDD (som)": ("DDT/DDE/DDD (som)", ORG, DDX),
    "chloordaan (som)": ("chloordaan (som)", ORG, CHLOORDAAN),
    "heptachloorepoxide (som)": ("heptachloorepoxide (som)", ORG, HPE),
    "OCB (som waterbodem)": (
        "organochloorhoudende bestrijdingsmiddelen (som waterbodem)",
        ORG,
        OCB_WATER,
    ),
}
#: Groups of inputs the random samples give complete: the sums know complete groups only.
GROUPS = {
    "PAK": list(PAH),
    "PCB": list(PCB_CONGENERS),
    "OCB": OCB_WATER,
}

CLASSES = ("achtergrondwaarde", "klasse_A", "klasse_B", "niet_toepasbaar")


WATER = {row["stof"]: row for row in rows("normwaarden_bagger.csv")}
LAND = {row["stof"]: row for row in rows("normwaarden_grond.csv")}
STANDARDISATION = {row["stof_of_stofgroep"]: row for row in rows("standaardisatie.csv")}


REPORTING_LIMITS = reporting_limits()


def _water_norm(stof: str) -> dict[str, Fraction | None]:
    row = WATER[stof]
    return {
        "aw": exact(row["achtergrondwaarde"]),
        "a": exact(row["max_klasse_A_en_verspreiden_zoet"]),
        "b": exact(row["max_klasse_B_interventiewaarde_waterbodem"]),
    }


def _wonen_cap(stof: str) -> tuple[bool, Fraction | None]:
    """(forgivable at all, the Wonen value or None for no Wonen cap) from tabel 1."""
    row = LAND.get(stof)
    if row is None:
        return True, None
    aw, wonen = exact(row["achtergrondwaarde"]), exact(row["max_wonen"])
    if wonen is not None:
        return True, wonen
    if aw is not None:  # an empty Wonen column: classed Industrie on land (tabel 1 opm. 2)
        return False, None
    return True, None  # no tabel 1 value at all (the PCB congeners): no Wonen cap


def _constants(group: str) -> dict[str, Any]:
    row = STANDARDISATION[group]
    columns = ("A", "B", "C", "os_min_pct", "os_max_pct", "lutum_min_pct", "lutum_max_pct")
    return {"row": group, **{column: exact(row[column]) for column in columns}}


SPEC: dict[str, dict[str, Any]] = {}
for _name, (_stof, _group, _limit) in SUBSTANCES.items():
    SPEC[_name] = {
        "stof": _stof,
        "norm": _water_norm(_stof),
        "cap": _wonen_cap(_stof),
        "std": _constants(_group),
        "rg": REPORTING_LIMITS[_limit] if _limit else None,
    }
for _name, (_stof, _group, _parts) in SUMS.items():
    SPEC[_name] = {
        "stof": _stof,
        "norm": _water_norm(_stof),
        "cap": _wonen_cap(_stof),
        "std": _constants(_group),
        "components": {
            part: (SPEC[part]["rg"] if part in SUBSTANCES else REPORTING_LIMITS[UNNORMED[part]])
            for part in _parts
        },
    }
assert sorted(OCB_WATER) == sorted({*OCB_NORMED, *OCB_UNNORMED})
assert len(OCB_WATER) == 23
assert all(spec["norm"]["aw"] is not None for spec in SPEC.values())
#: the engine's catalogue name (the stof of tabel 2) -> oracle name
BY_STOF = {spec["stof"]: name for name, spec in SPEC.items()}


def factor(constants: dict[str, Any], lutum: Fraction, organic_matter: Fraction) -> Fraction:
    """(A + 25 B + 10 C) / (A + B L + C H), L and H within the bounds of tabel 4."""
    return _factor(constants["row"], lutum, organic_matter)


@functools.lru_cache(maxsize=4096)
def _factor(group: str, lutum: Fraction, organic_matter: Fraction) -> Fraction:
    constants = _constants(group)
    a, b, c = constants["A"], constants["B"], constants["C"]
    lutum = clip(lutum, constants["lutum_min_pct"], constants["lutum_max_pct"])
    organic_matter = clip(organic_matter, constants["os_min_pct"], constants["os_max_pct"])
    return F(a + 25 * b + 10 * c) / (a + b * lutum + c * organic_matter)


COMPLIANT = "compliant"


def standardised(
    values: dict[str, str], lutum: Fraction, organic_matter: Fraction
) -> dict[str, Fraction | str]:
    """Per substance and complete sum: the standardised value tested, or ``COMPLIANT`` where the
    "< RG" rule lets compliance be assumed."""
    out: dict[str, Fraction | str] = {}
    for name, raw in values.items():
        if name not in SUBSTANCES:
            continue
        spec = SPEC[name]
        below, number = parse(raw)
        if below:
            if spec["rg"] is not None and number <= spec["rg"]:
                out[name] = COMPLIANT
                continue
            number = F(7, 10) * number
        out[name] = number * factor(spec["std"], lutum, organic_matter)
    for name, (_, _, parts) in SUMS.items():
        present = [part for part in parts if part in values]
        if not present:
            continue
        assert len(present) == len(parts), f"the oracle knows complete sums only ({name})"
        spec = SPEC[name]
        complies, total = True, F(0)
        for part, limit in spec["components"].items():
            below, number = parse(values[part])
            complies = complies and below and limit is not None and number <= limit
            total += F(7, 10) * number if below else number
        out[name] = COMPLIANT if complies else total * factor(spec["std"], lutum, organic_matter)
    return out


def substance_class(name: str, value: Fraction | str) -> str:
    """The water class of one standardised value (tabel 2 with opmerking 2)."""
    if value == COMPLIANT:
        return "achtergrondwaarde"
    assert isinstance(value, Fraction)
    norm = SPEC[name]["norm"]
    aw, a, b = norm["aw"], norm["a"], norm["b"]
    if value <= aw:
        return "achtergrondwaarde"
    if a is not None and value <= a:
        return "klasse_A"
    if b is not None and value > b:
        return "niet_toepasbaar"
    return "klasse_B"  # above A (or no A), at most B (or no B)


def intervention(name: str, value: Fraction | str) -> bool:
    b = SPEC[name]["norm"]["b"]
    return value != COMPLIANT and b is not None and value > b  # type: ignore[operator]


def forgivable(name: str, value: Fraction) -> bool:
    """Art 4.2.2 lid 5 and 8: at most 2 x AW and not above Wonen (nickel: 2 x AW only)."""
    spec = SPEC[name]
    if value > 2 * spec["norm"]["aw"]:
        return False
    if name == "nikkel":
        return True
    allowed, wonen = spec["cap"]
    return allowed and (wonen is None or value <= wonen)


def forgivable_top(name: str) -> Fraction | None:
    """The highest standardised content the allowance may forgive, None when none can be."""
    spec = SPEC[name]
    top = 2 * spec["norm"]["aw"]
    allowed, wonen = spec["cap"]
    if name == "nikkel":
        return top
    if not allowed:
        return None
    top = min(top, wonen) if wonen is not None else top
    return top if top > spec["norm"]["aw"] else None


#: Sums all of whose components are normed one by one in tabel 2 (PCB (som 7), drins (som)).
SUMS_OF_NORMED_PARTS = frozenset(
    name for name, (_, _, parts) in SUMS.items() if all(part in SUBSTANCES for part in parts)
)


def classify(
    values: dict[str, str],
    lutum: Fraction,
    organic_matter: Fraction,
    *,
    sums_of_normed_parts_count: bool = True,
    water_ocb_sum_as_land: bool = False,
) -> dict[str, Any]:
    """The sample's class, its intervention flag, the number measured and allowed, whether the
    allowance was used, and per substance its standardised value and class.

    ``sums_of_normed_parts_count=False`` is not the dossier's rule: it leaves a sum whose parts
    are all normed themselves out of the number measured (but not out of the elevated ones),
    as the engine did (finding 1, fixed). ``water_ocb_sum_as_land=True`` is not the
    reference's reading either: it gives the water-bed OCB sum the Wonen cap of the land OCB
    sum of tabel 1 (an AW, no Wonen: never forgiven), as the engine does (finding 2). The test
    uses them only to tell those known disagreements from new ones."""
    values_std = standardised(values, lutum, organic_matter)
    classes = {name: substance_class(name, value) for name, value in values_std.items()}
    flag = any(intervention(name, value) for name, value in values_std.items())
    elevated = [name for name, klass in classes.items() if klass != "achtergrondwaarde"]
    measured = len(values_std)  # every oracle substance and sum has an AW in tabel 2
    if not sums_of_normed_parts_count:
        measured -= len(SUMS_OF_NORMED_PARTS & values_std.keys())
    allowed = allowance(measured)
    worst = max(classes.values(), key=CLASSES.index, default="achtergrondwaarde")
    used = (
        worst != "niet_toepasbaar"
        and 0 < len(elevated) <= allowed
        and all(forgivable(name, values_std[name]) for name in elevated)  # type: ignore[arg-type]
        and not (water_ocb_sum_as_land and "OCB (som waterbodem)" in elevated)
    )
    return {
        "class": "achtergrondwaarde" if used else worst,
        "intervention": flag,
        "measured": measured,
        "allowed": allowed,
        "used": used,
        "elevated": sorted(elevated),
        "values": values_std,
        "classes": classes,
    }
