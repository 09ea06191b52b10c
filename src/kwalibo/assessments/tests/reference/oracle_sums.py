"""An independent reference ("oracle") of the sum parameters beyond PAK, PCB and the pesticides.

Written from the dossier alone (domain.md section 5.3 and 5.4 and its tables, copied in
``data/`` from ``shared/domain/data``: somparameters.csv = Rbk Bijlage N, dioxine_tef.csv = the
TEFs of tabel 1 opmerking 3, normwaarden_grond.csv = Bijlage B tabel 1 with the Circulaire 2013
intervention values, normwaarden_bagger.csv = tabel 2, standaardisatie.csv = Bijlage G III
tabel 3 and 4, rapportagegrenzen.csv = Bijlage G IV tabel 1) and the engine's documented
interpretations (docs/assessments.md, "Rules implemented"), without the engine's code or its
converted rule data, in exact rational arithmetic.

Sums covered, in both frames where the frame's table has a value for them: xylenen (som) and
aromatische oplosmiddelen (som) (with m,p-xylene as one combined component), cresolen (som), the
chlorobenzene sums (di-, tri-, tetra- and, in water, chloorbenzenen (som)), the chlorophenol
sums (mono-, di-, tri-, tetra- and, in water, chloorfenolen (som)), 4-chloormethylfenolen (som),
monochlooranilinen (som), chloornaftaleen (som), organotin verbindingen (som) (as tin), dioxine
(som TEQ), ftalaten (som) (water only), asbest, cyanide (complex), 1,2-dichlooretheen (som) and
dichloorpropanen (som).

Rules (dossier section, source or documented interpretation in brackets):

* a sum is the total of its components [5.4 "Sums"; Bijlage N], each "< RG" component counted as
  0.7 x the reported limit; it is assumed to comply when every component is "< RG" at or below
  the required limit of Bijlage G IV tabel 1; a component without a table limit ("< RG") never
  lets it comply [5.4 "< RG"]. The dioxin TEQ weights each congener with its TEF, asbestos is
  serpentine + 10 x amphibole, complex cyanide is total - free (not below 0; total alone: complex
  = total) [5.4; tabel 1 vn 3, 5, 10; docs].
* standardisation per measurement before summing [5.3]: the organic sums 10/H with H in [2, 30];
  asbestos and cyanide are neither metals nor organic compounds: "overige verbindingen 1 0 0",
  no correction. Every component of one sum shares the factor, so sum x factor is the same.
* a sum computed from part of its components is the total of those measured; a reported sum
  gives way to one computed from all its components; computed from only part of them, the
  reported value is used when it is not lower; a reported sum inside a larger one (xylenen (som)
  in the aromatic solvents, the chlorobenzene and chlorophenol groups in their totals, amfibool
  x 10 in asbestos) stands in for its components there [docs: "sums"].
* m,p-xylene (and m,p-cresol) stands for the meta and para isomers; where the combined and a
  single form are both given, the larger form counts, not both [docs: "sums"]. The required
  limit 0.1 of m-xylene "applies to the sum of the isomers" and p-xylene "falls under" it
  (rapportagegrenzen.csv opmerking): m-, p- and m,p-xylene each have 0.1; likewise 0.002 for
  1,2,3,5- and 1,2,4,5-tetrachlorobenzene.
* the dioxin TEQ is not determined from PCB 118 (the one TEQ congener in PCB (som 7)) alone
  [5.4 "not determined if PCB 118 was only measured within the PCB sum"; docs].
* classes [5.1; tabel 1, 2 opmerking 2]: land: > Industrie niet_toepasbaar, > Wonen (or > AW
  with an empty Wonen column) industrie, > AW wonen; water: <= AW achtergrondwaarde, <= A
  klasse_A, > B niet_toepasbaar, else klasse_B (an empty A or B column: klasse_B); a value at a
  limit meets it; a sum without an AW (asbestos) is at background level up to Wonen / klasse A
  [docs]. Intervention flag: land > the land intervention value (or INEV), water > klasse B.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from fractions import Fraction
from typing import Any

from kwalibo.assessments.tests.reference.tables import clip, exact, rows

F = Fraction
SEVEN_TENTHS = F(7, 10)
ORG = "organische verbindingen (excl. PAK)"
OTHER = "overige verbindingen"
COMPUTED, MEASURED = "computed", "measured"


#: Bijlage N: sum -> its components, as somparameters.csv lists them
BIJLAGE_N: dict[str, list[str]] = {}
for _row in rows("somparameters.csv"):
    BIJLAGE_N.setdefault(_row["somparameter"], []).append(_row["component"])
TEF = {row["congeneer"]: F(row["TEF"]) for row in rows("dioxine_tef.csv")}
LAND = {row["stof"]: row for row in rows("normwaarden_grond.csv")}
WATER = {row["stof"]: row for row in rows("normwaarden_bagger.csv")}
STANDARDISATION = {row["stof_of_stofgroep"]: row for row in rows("standaardisatie.csv")}


def _reporting_limits() -> dict[str, Fraction]:
    """Bijlage G IV tabel 1 in mg/kg ds; a row "valt onder de som-rapportagegrens van de
    voorgaande rij" gets the previous row's limit (that limit applies to the isomers' sum)."""
    limits: dict[str, Fraction] = {}
    previous: Fraction | None = None
    for row in rows("rapportagegrenzen.csv"):
        value = exact(row["rapportagegrens_bodem"])
        if value is not None and row["eenheid_bodem"].startswith("µg"):
            value /= 1000
        if value is None and "voorgaande rij" in row["opmerking"]:
            value = previous
        previous = value
        if value is not None:
            limits[row["stof"]] = value
    return limits


REPORTING_LIMITS = _reporting_limits()

#: The asbestos components of Bijlage N (rows "Serpentijn" and "Amfibool") as labs name them.
ASBESTOS = {
    "chrysotiel": "Chrysotiel -Witte asbest",
    "actinoliet": "Actinoliet – groene asbest",
    "amosiet": "Amosiet / Gruneriet -bruine asbest",
    "anthofylliet": "Anthofylliet -gele asbest",
    "crocidoliet": "Crocidoliet- blauwe asbest",
    "tremoliet": "Tremoliet- grijze asbest",
}
SERPENTINE = ["chrysotiel"]
AMPHIBOLE = ["actinoliet", "amosiet", "anthofylliet", "crocidoliet", "tremoliet"]
assert [ASBESTOS[name] for name in SERPENTINE] == BIJLAGE_N["Serpentijn"]
assert [ASBESTOS[name] for name in AMPHIBOLE] == BIJLAGE_N["Amfibool"]
CYANIDE_TOTAL, CYANIDE_FREE = "cyanide (totaal)", "cyanide (vrij)"

#: combined components: input name -> the components it stands for
COMBINED = {
    "m,p-xyleen": ("meta-xyleen", "para-xyleen"),
    "m,p-cresol": ("meta-cresol", "para-cresol"),
}

#: component (input name) -> its row in rapportagegrenzen.csv; the others have no table limit
RG_ROW = {
    "benzeen": "benzeen",
    "tolueen": "tolueen",
    "ethylbenzeen": "ethylbenzeen",
    "ortho-xyleen": "o-xyleen",
    "meta-xyleen": "m-xyleen",
    "para-xyleen": "p-xyleen",
    "m,p-xyleen": "m-xyleen",  # "geldt voor de som van de isomeren"
    "styreen": "styreen",
    "1, 2, 3-trimethyl-benzeen": "1,2,3-trimethylbenzeen",
    "1, 2, 4-trimethylbenzeen": "1,2,4-trimethylbenzeen",
    "1, 3, 5-trimethylbenzeen": "1,3,5-trimethylbenzeen",
    "2-ethyltolueen": "2-ethyltolueen",
    "3-ethyltolueen": "3-ethyltolueen",
    "4-ethyltolueen": "4-ethyltolueen",
    "isopropylbenzeen": "isopropylbenzeen",
    "propylbenzeen": "propylbenzeen",
    "monochloorbenzeen": "monochloorbenzeen",
    "1,2-dichloorbenzeen": "1,2-dichloorbenzeen",
    "1,3-dichloorbenzeen": "1,3-dichloorbenzeen",
    "1,4-dichloorbenzeen": "1,4-dichloorbenzeen",
    "1,2,3-trichloorbenzeen": "1,2,3-trichloorbenzeen",
    "1,2,4-trichloorbenzeen": "1,2,4-trichloorbenzeen",
    "1,3,5-trichloorbenzeen": "1,3,5-trichloorbenzeen",
    "1,2,3,4-tetrachloorbenzeen": "1,2,3,4-tetrachloorbenzeen",
    "1,2,3,5-tetrachloorbenzeen": "1,2,3,5-tetrachloorbenzeen",
    "1,2,4,5-tetrachloorbenzeen": "1,2,4,5-tetrachloorbenzeen",
    "pentachloorbenzeen": "pentachloorbenzeen",
    "hexachloorbenzeen": "hexachloorbenzeen",
    "pentachloorfenol": "pentachloorfenol",
    "tributyltin": "tributyltin",
    "trifenyltin": "trifenyltin",
    "cis-1,2-dichlooretheen": "cis 1,2-dichlooretheen",
    "trans-1,2-dichlooretheen": "trans 1,2-dichlooretheen",
    "1,1-dichloorpropaan": "1,1-dichloorpropaan",
    "1,2-dichloorpropaan": "1,2-dichloorpropaan",
    "1,3-dichloorpropaan": "1,3-dichloorpropaan",
    CYANIDE_TOTAL: "CN totaal",
    CYANIDE_FREE: "CN vrij",
}
RG = {component: REPORTING_LIMITS[row] for component, row in RG_ROW.items()}

#: The PCB (som 7) congener among the TEQ congeners (tabel 1 opmerking 3).
PCB7 = {name.replace(" ", "") for name in BIJLAGE_N["polychloorbiphenylen"]}
assert {name for name in TEF if name in PCB7} == {"PCB118"}


@dataclass(frozen=True)
class Sum:
    """A sum parameter: ``parts`` are (component or nested sum, weight)."""

    name: str  # the engine's name (the stof of tabel 1, else of tabel 2)
    parts: tuple[tuple[str, Fraction], ...]
    std: str  # row of standaardisatie.csv
    land: str | None  # stof in normwaarden_grond.csv, None when tabel 1 has no such row
    water: str | None  # stof in normwaarden_bagger.csv


#: (Bijlage N row, engine name, tabel 1 stof, tabel 2 stof), smallest sums first
_BIJLAGE_N_SUMS = [
    ("xylenen", "xylenen (som)", "xylenen (som)", "xylenen (som)"),
    ("cresolen", "cresolen (som)", "cresolen (som)", "cresolen (som)"),
    ("dichloorbenzenen", "dichloorbenzenen (som)", "dichloorbenzenen (som)", None),
    ("trichloorbenzenen", "trichloorbenzenen (som)", "trichloorbenzenen (som)", None),
    ("tetrachloorbenzenen", "tetrachloorbenzenen (som)", "tetrachloorbenzenen (som)", None),
    ("monochloorfenolen", "monochloorfenolen (som)", "monochloorfenolen (som)", None),
    ("dichloorfenolen", "dichloorfenolen (som)", "dichloorfenolen (som)", None),
    ("trichloorfenolen", "trichloorfenolen (som)", "trichloorfenolen (som)", None),
    ("tetrachloorfenolen", "tetrachloorfenolen (som)", "tetrachloorfenolen (som)", None),
    ("4-chloormethylfenolen", "4-chloormethylfenolen (som)", "4-chloormethylfenolen (som)", None),
    ("monochlooranilinen", "monochlooranilinen (som)", "monochlooranilinen (som)", None),
    ("chloornaftaleen", "chloornaftaleen (som)", "chloornaftaleen (som)", None),
    (
        "organotin verbindingen",
        "organotin verbindingen (som)",
        "organotin verbindingen (som)",
        None,
    ),
    ("ftalaten", "ftalaten (som)", None, "ftalaten (som)"),
    ("1,2-dichlooretheen", "1,2-dichlooretheen (som)", "1,2-dichlooretheen (som)", None),
    ("dichloorpropanen", "dichloorpropanen (som)", "dichloorpropanen (som)", None),
    ("dioxines (som gekwantificeerd als TEQ)", "dioxine (som TEQ)", "dioxine (som TEQ)", None),
    ("chloorbenzenen", "chloorbenzenen (som)", "chloorbenzenen (som)", None),
    ("chloorfenolen", "chloorfenolen (som)", "chloorfenolen (som)", None),
    (
        "aromatische oplosmiddelen",
        "aromatische oplosmiddelen (som)",
        "aromatische oplosmiddelen (som)",
        None,
    ),
]
AMFIBOOL = "amfibool"


def _build() -> dict[str, Sum]:
    sums: dict[str, Sum] = {}
    leaves: dict[str, frozenset[str]] = {}
    for row, name, land, water in _BIJLAGE_N_SUMS:
        components = BIJLAGE_N[row]
        members = frozenset(components)
        # a smaller sum whose components all lie in this one is nested in it (the largest first)
        nested = sorted(
            (other for other, inner in leaves.items() if inner < members),
            key=lambda other: -len(leaves[other]),
        )
        parts: list[tuple[str, Fraction]] = []
        taken: set[str] = set()
        for other in nested:
            if leaves[other] & taken:
                continue
            parts.append((other, F(1)))
            taken |= leaves[other]
        for component in components:
            if component not in taken:
                weight = TEF[component] if row.startswith("dioxines") else F(1)
                parts.append((component, weight))
        sums[name] = Sum(name, tuple(parts), ORG, _stof(LAND, land), water or _stof(WATER, land))
        leaves[name] = members
    sums[AMFIBOOL] = Sum(AMFIBOOL, tuple((c, F(1)) for c in AMPHIBOLE), OTHER, None, None)
    sums["asbest"] = Sum(
        "asbest", ((SERPENTINE[0], F(1)), (AMFIBOOL, F(10))), OTHER, "asbest", "asbest"
    )
    sums["cyanide (complex)"] = Sum(
        "cyanide (complex)",
        ((CYANIDE_TOTAL, F(1)), (CYANIDE_FREE, F(-1))),
        OTHER,
        "cyanide (complex)",
        "cyanide-complex",
    )
    return sums


def _stof(table: dict[str, dict[str, str]], stof: str | None) -> str | None:
    return stof if stof in table else None


SUMS = _build()
assert [p for p, _ in SUMS["aromatische oplosmiddelen (som)"].parts].count("xylenen (som)") == 1
assert {p for p, _ in SUMS["chloorbenzenen (som)"].parts} >= {
    "dichloorbenzenen (som)",
    "trichloorbenzenen (som)",
    "tetrachloorbenzenen (som)",
}
assert len(SUMS["dioxine (som TEQ)"].parts) == 29


@functools.cache
def leaves(name: str) -> tuple[str, ...]:
    """The components of a sum, nested sums resolved."""
    out: list[str] = []
    for part, _ in SUMS[name].parts:
        out += leaves(part) if part in SUMS else [part]
    return tuple(out)


@functools.cache
def norms(name: str, frame: str) -> dict[str, Fraction | None] | None:
    """The sum's values in the frame's table; None when the table has no value for it."""
    spec = SUMS[name]
    if frame == "grond":
        row = LAND.get(spec.land or "")
        if row is None:
            return None
        values = {
            "aw": exact(row["achtergrondwaarde"]),
            "wonen": exact(row["max_wonen"]),
            "industrie": exact(row["max_industrie"]),
            "iw": exact(row["interventiewaarde_grond"]),
        }
        classed = ("aw", "wonen", "industrie")
    else:
        row = WATER.get(spec.water or "")
        if row is None:
            return None
        values = {
            "aw": exact(row["achtergrondwaarde"]),
            "a": exact(row["max_klasse_A_en_verspreiden_zoet"]),
            "b": exact(row["max_klasse_B_interventiewaarde_waterbodem"]),
        }
        classed = ("aw", "a", "b")
    return values if any(values[key] is not None for key in classed) else None


NORMED = {
    frame: [name for name in SUMS if norms(name, frame) is not None]
    for frame in ("grond", "waterbodem")
}


@functools.lru_cache(maxsize=4096)
def factor(group: str, lutum: Fraction, organic_matter: Fraction) -> Fraction:
    """(A + 25 B + 10 C) / (A + B L + C H) with L and H within the bounds of tabel 4."""
    row = STANDARDISATION[group]
    a, b, c = (F(row[key]) for key in ("A", "B", "C"))
    lutum = clip(lutum, exact(row["lutum_min_pct"]), exact(row["lutum_max_pct"]))
    organic_matter = clip(organic_matter, exact(row["os_min_pct"]), exact(row["os_max_pct"]))
    return (a + 25 * b + 10 * c) / (a + b * lutum + c * organic_matter)


#: mass fractions the test writes, in mg/kg ds per unit
UNITS = {
    "mg/kg ds": F(1),
    "µg/kg ds": F(1, 1000),
    "ng/kg ds": F(1, 10**6),
    "pg/g ds": F(1, 10**6),
    "mg Sn/kg ds": F(1),
    "µg Sn/kg ds": F(1, 1000),
    "ng TEQ/kg ds": F(1, 10**6),
}


@functools.cache
def parse(raw: str, unit: str) -> tuple[bool, Fraction]:
    """(below the reporting limit, the number in mg/kg ds)."""
    text = raw.strip()
    below = text.startswith("<")
    return below, F(text.lstrip("<").strip()) * UNITS[unit]


@dataclass(frozen=True)
class Part:
    """A component's or sum's contribution: unstandardised value, compliance, origin, and the
    components it covers. Where a reported sum equals (to 1e-9) the one computed from part of
    its components, floating point may tip "not lower" either way: ``alternative`` is then the
    computed one, which the test accepts as well."""

    value: Fraction
    compliant: bool
    origin: str
    covered: frozenset[str]
    alternative: Part | None = None


Inputs = dict[str, tuple[str, str]]  # parameter -> (value as written, unit)


def _component(name: str, inputs: Inputs) -> Part | None:
    if name not in inputs:
        return None
    below, number = parse(*inputs[name])
    if not below:
        return Part(number, False, MEASURED, frozenset({name}))
    limit = RG.get(name)
    return Part(
        SEVEN_TENTHS * number, limit is not None and number <= limit, MEASURED, frozenset({name})
    )


def _pair(
    pair: tuple[str, str], combined: str, inputs: Inputs
) -> tuple[Part, Fraction, int] | None:
    """meta + para, or their combined form; where both forms are given, the larger counts. With
    it, the value of the form left out (0 without an overlap) and the number of inputs."""
    singles = [p for p in (_component(name, inputs) for name in pair) if p is not None]
    both = _component(combined, inputs)
    single = (
        Part(
            sum((p.value for p in singles), F(0)),
            all(p.compliant for p in singles),
            MEASURED,
            frozenset().union(*(p.covered for p in singles)),
        )
        if singles
        else None
    )
    alone = len(singles) + (both is not None)
    if both is None:
        return (single, F(0), alone) if single is not None else None
    both = Part(both.value, both.compliant, MEASURED, frozenset(pair))
    if single is None:
        return both, F(0), alone
    if both.value >= single.value:
        return both, single.value, alone
    return single, both.value, alone


def _reported(name: str, inputs: Inputs) -> Fraction | None:
    if name not in inputs:
        return None
    below, number = parse(*inputs[name])
    assert not below, "the reference knows reported sums as numbers only"
    return number


#: The engine's former readings (both fixed), as options, so that the test can show that the
#: samples of those defects tell them apart from the reference's:
#: CRESOL_FOUR: m,p-cresol is a fourth component of cresolen (som), added to the others;
#: NAIVE_STAND_IN: inside a larger sum, a sum counts as complete when as many inputs as it has
#: components are given (m,p-xylene counted as one, o- and p- with m,p-xylene as complete), and
#: its reported value stands in for its components when it is not lower than all of them added
#: up (m,p-xylene and para-xylene both).
CRESOL_FOUR = "cresol_four"
NAIVE_STAND_IN = "naive_stand_in"
READINGS = (CRESOL_FOUR, NAIVE_STAND_IN)


def _parts_of(name: str, readings: frozenset[str]) -> tuple[tuple[str, Fraction], ...]:
    parts = SUMS[name].parts
    if name == "cresolen (som)" and CRESOL_FOUR in readings:
        parts = (*parts, ("m,p-cresol", F(1)))
    return parts


@functools.cache
def _leaves(name: str, readings: frozenset[str]) -> frozenset[str]:
    out = set(leaves(name))
    if name == "cresolen (som)" and CRESOL_FOUR in readings:
        out.add("m,p-cresol")
    return frozenset(out)


def evaluate(name: str, inputs: Inputs, readings: frozenset[str] = frozenset()) -> Part | None:
    """The sum's unstandardised value, whether it may be assumed to comply and whether it is
    computed or the reported value; None when it cannot be determined."""
    return _evaluate(name, tuple(sorted(inputs.items())), readings, False)


@functools.lru_cache(maxsize=2**18)
def _evaluate(
    name: str,
    frozen: tuple[tuple[str, tuple[str, str]], ...],
    readings: frozenset[str],
    inner: bool,
) -> Part | None:
    """``inner``: the sum as a part of a larger one."""
    inputs = dict(frozen)
    spec_parts = _parts_of(name, readings)
    parts: list[tuple[Part, Fraction]] = []
    names = {part for part, _ in spec_parts}
    pairs = {
        combined: pair
        for combined, pair in COMBINED.items()
        if set(pair) <= names and combined not in names
    }
    left_out = F(0)
    items = 0  # inputs given, a combined form counted as one
    for combined, pair in pairs.items():
        found = _pair(pair, combined, inputs)
        if found is not None:
            parts.append((found[0], F(1)))
            left_out += found[1]
            items += found[2]
    for part, weight in spec_parts:
        if any(part in pair for pair in pairs.values()):
            continue
        if part in SUMS:
            found_sum = _evaluate(part, frozen, readings, True)
        else:
            found_sum = _component(part, inputs)
        if found_sum is not None:
            parts.append((found_sum, weight))
            items += len(found_sum.covered)
    covered = frozenset().union(*(p.covered for p, _ in parts)) if parts else frozenset()
    complete = covered >= _leaves(name, readings)
    naive = inner and NAIVE_STAND_IN in readings
    if naive:
        complete = items >= len(_leaves(name, readings))
    reported = _reported(name, inputs)
    determined = bool(parts)
    if name == "dioxine (som TEQ)":  # not from PCB 118, the PCB (som 7) congener, alone
        determined = any(leaf not in PCB7 for leaf in covered)
    if name == "cyanide (complex)":  # total - free needs the total
        determined = CYANIDE_TOTAL in covered
    if not determined:
        if reported is None:
            return None
        return Part(reported, False, MEASURED, frozenset(leaves(name)))
    value = sum((weight * part.value for part, weight in parts), F(0))
    if name == "cyanide (complex)":
        value = max(value, F(0))
    computed = Part(value, all(p.compliant for p, _ in parts), COMPUTED, covered)
    if complete or reported is None:
        return computed
    threshold = value + left_out if naive else value
    tie = abs(reported - threshold) <= max(abs(reported), abs(threshold)) * F(1, 10**9)
    if reported < threshold and not tie:
        return computed
    # the reported sum stands in for all its components
    return Part(reported, False, MEASURED, frozenset(leaves(name)), computed if tie else None)


def land_class(values: dict[str, Fraction | None], value: Fraction) -> str:
    aw, wonen, industrie = values["aw"], values["wonen"], values["industrie"]
    if industrie is not None and value > industrie:
        return "niet_toepasbaar"
    if wonen is not None and value > wonen:
        return "industrie"
    if wonen is None and aw is not None and value > aw:
        return "industrie"  # an empty Wonen column (tabel 1 opmerking 2)
    if aw is not None and value > aw:
        return "wonen"
    return "achtergrondwaarde"


def water_class(values: dict[str, Fraction | None], value: Fraction) -> str:
    aw, a, b = values["aw"], values["a"], values["b"]
    if aw is not None and value <= aw:
        return "achtergrondwaarde"
    if aw is None and a is not None and value <= a:
        return "achtergrondwaarde"  # no AW (asbestos): background level up to klasse A
    if a is not None and value <= a:
        return "klasse_A"
    if b is not None and value > b:
        return "niet_toepasbaar"
    return "klasse_B"  # above A (or no A), at most B (or no B): tabel 2 opmerking 2


@dataclass(frozen=True)
class Expected:
    value: Fraction  # value used, mg/kg ds
    standardised: Fraction
    compliant: bool
    origin: str
    klass: str
    intervention: bool
    alternative: Expected | None = None  # the other reading of a tie (see Part)


def _expected(name: str, found: Part, factor_: Fraction, frame: str) -> Expected:
    values = norms(name, frame)
    assert values is not None
    std = found.value * factor_
    if found.compliant:
        klass, flag = "achtergrondwaarde", False
    elif frame == "grond":
        klass = land_class(values, std)
        flag = values["iw"] is not None and std > values["iw"]
    else:
        klass = water_class(values, std)
        flag = values["b"] is not None and std > values["b"]
    other = found.alternative
    alternative = _expected(name, other, factor_, frame) if other is not None else None
    return Expected(found.value, std, found.compliant, found.origin, klass, flag, alternative)


def expected(
    inputs: Inputs,
    lutum: Fraction,
    organic_matter: Fraction,
    frame: str,
    readings: frozenset[str] = frozenset(),
) -> dict[str, Expected]:
    """Per sum normed in the frame and determined by the inputs, what the engine should say
    (``readings``: the engine's known other readings, see READINGS)."""
    out: dict[str, Expected] = {}
    frozen = tuple(sorted(inputs.items()))
    for name in NORMED[frame]:
        found = _evaluate(name, frozen, readings, False)
        if found is not None:
            out[name] = _expected(name, found, factor(SUMS[name].std, lutum, organic_matter), frame)
    return out


@functools.cache
def limits(name: str) -> list[Fraction]:
    """Every value of the sum in either table (the places a random content should hit)."""
    out: list[Fraction] = []
    for frame in ("grond", "waterbodem"):
        values: dict[str, Any] = norms(name, frame) or {}
        out += [value for value in values.values() if value is not None]
    return sorted(set(out))
