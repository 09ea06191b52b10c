"""An independent reference ("oracle") of three options of the land classification (frame grond).

Written from the dossier alone (domain.md section 5, rbk2022.md section 4 and the tables copied
in ``data/`` from ``shared/domain/data``), without the engine's code or its converted rule data,
in exact rational arithmetic so that "at the limit" is decided exactly. It extends the rules of
``oracle_grond`` (standardisation with the bounds of tabel 4, "< RG", sums, the empty Wonen
column, the background-value allowance) with:

* the Wonen allowance for the receiving soil (Rbk art 4.10.2 lid 3 and 4; domain.md 5.4,
  rbk2022.md 4): with at least 7/16/27/37 substances measured at most 2/3/4/5 may exceed the
  Wonen value, each by at most its AW (so at most Wonen + AW), none above Industrie;
* tare soil (Rbk art 4.14.1, 4.14.2 lid 1; domain.md 5.4): cresols, phenol, toluene and mineral
  oil (``natural_presence``), monochloroanilines (``potatoes``) are exempt: no AW and no class
  maximum, the intervention value still applies (art 4.4.1 lid 6), not counted as measured, not
  among the elevated (the engine's documented reading, docs/assessments.md); an exempt substance
  is exempt inside a sum too: the aromatic solvents' sum is computed without exempt toluene;
* a batch (partij, art 4.2.2 lid 1): standardised per measurement (Bijlage G III), then the
  arithmetic mean per substance over the samples that measured it, "< RG" values as 0.7 x the
  reported limit, the mean assumed to comply only if every value may (Bijlage G IV A: "for
  sums, means and percentiles"), then the verdict on the means; a substance not measured in
  every sample is averaged over those that did (the dossier is silent; docs/assessments.md).

Conventions of the engine's output followed where the dossier says nothing: an exempt
substance's own class is achtergrondwaarde unless it exceeds its intervention value; where the
AW allowance forgives, the Wonen allowance is not reported as used.

Sums known: PAK (som 10) and PCB (som 7) from all their components, cresolen (som) and
monochlooranilinen (som) from their three components of Bijlage N (``somparameters.csv``) or as
reported, and the aromatic solvents' sum computed from the measured ones of benzene, toluene,
ethylbenzene and styrene (a partial sum, the samples give no other component; it is not counted
as measured, for it restates substances that are counted themselves).
"""

from __future__ import annotations

import functools
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
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

#: engine-facing name -> (stof in normwaarden_grond.csv, standardisation group, stof in
#: rapportagegrenzen.csv or None)
SINGLES: dict[str, tuple[str, str, str | None]] = {
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
    "minerale olie": ("minerale olie", ORG, "min olie"),
    "benzeen": ("benzeen", ORG, "benzeen"),
    "tolueen": ("tolueen", ORG, "tolueen"),
    "ethylbenzeen": ("ethylbenzeen", ORG, "ethylbenzeen"),
    "styreen": ("styreen (vinylbenzeen)", ORG, "styreen"),
    "fenol": ("fenol", ORG, None),
    "dichloormethaan": ("dichloormethaan", ORG, "dichloormethaan"),
    "trichloormethaan": ("trichloormethaan (chloroform)", ORG, "trichloormethaan( chloroform)"),
    "tetrachlooretheen": ("tetrachlooretheen (Per)", ORG, "tetrachlooretheen (Per)"),
    "pentachloorfenol": ("pentachloorfenol", ORG, "pentachloorfenol"),
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
    "hexachloorbutadieen": ("hexachloorbutadieen", ORG, "hexachloorbutadieen"),  # AW only
    # sums a lab may report as such (no table RG: "<x" is 0.7 x)
    "cresolen (som)": ("cresolen (som)", ORG, None),
    "monochlooranilinen (som)": ("monochlooranilinen (som)", ORG, None),
}

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
AROMATIC = "aromatische oplosmiddelen (som)"
#: The components of the aromatic solvents' sum the samples may hold (all normed themselves).
AROMATIC_PARTS = ("benzeen", "tolueen", "ethylbenzeen", "styreen")


def _bijlage_n(sum_name: str) -> dict[str, None]:
    """The components of a sum in Bijlage N (somparameters.csv); none has a table RG."""
    return {
        r["component"]: None for r in rows("somparameters.csv") if r["somparameter"] == sum_name
    }


#: complete sums: stof -> (standardisation group, {engine-facing component: rapportagegrenzen name})
SUMS: dict[str, tuple[str, Mapping[str, str | None]]] = {
    "PAK’s totaal (som 10)": ("PAK (individueel en som 10)", PAH),
    "PCB’s (som 7)": (ORG, PCB),
    "cresolen (som)": (ORG, _bijlage_n("cresolen")),
    "monochlooranilinen (som)": (ORG, _bijlage_n("monochlooranilinen")),
}
assert list(SUMS["cresolen (som)"][1]) == ["ortho-cresol", "meta-cresol", "para-cresol"]
assert list(SUMS["monochlooranilinen (som)"][1]) == [
    "2-chlooraniline",
    "3-chlooraniline",
    "4-chlooraniline",
]
assert set(AROMATIC_PARTS) <= {
    r["component"]
    for r in rows("somparameters.csv")
    if r["somparameter"] == "aromatische oplosmiddelen"
}

#: Rbk art 4.14.1 (natural presence) and 4.14.2 lid 1 (potato tare soil, chlorpropham).
TARE_EXEMPT = {
    "natural_presence": frozenset({"cresolen (som)", "fenol", "tolueen", "minerale olie"}),
    "potatoes": frozenset({"monochlooranilinen (som)"}),
}


NORM_ROWS = {row["stof"]: row for row in rows("normwaarden_grond.csv")}
STD_ROWS = {row["stof_of_stofgroep"]: row for row in rows("standaardisatie.csv")}


RG = reporting_limits()


def norm(stof: str) -> dict[str, Fraction | None]:
    row = NORM_ROWS[stof]
    return {
        "aw": exact(row["achtergrondwaarde"]),
        "wonen": exact(row["max_wonen"]),
        "industrie": exact(row["max_industrie"]),
        "iw": exact(row["interventiewaarde_grond"]),
    }


def constants(group: str) -> dict[str, Fraction | None]:
    row = STD_ROWS[group]
    columns = ("A", "B", "C", "os_min_pct", "os_max_pct", "lutum_min_pct", "lutum_max_pct")
    return {column: exact(row[column]) for column in columns}


NORMS = {stof: norm(stof) for stof in {*(s for s, _, _ in SINGLES.values()), *SUMS, AROMATIC}}


CONSTANTS = {
    group: constants(group)
    for group in {*(g for _, g, _ in SINGLES.values()), *(g for g, _ in SUMS.values())}
}


@functools.cache
def factor(group: str, lutum: Fraction, organic_matter: Fraction) -> Fraction:
    """(A + 25 B + 10 C) / (A + B L + C H) with the bounds of tabel 4 (Bijlage G III)."""
    c = CONSTANTS[group]
    a, b, cc = c["A"], c["B"], c["C"]
    assert a is not None
    assert b is not None
    assert cc is not None
    lutum = clip(lutum, c["lutum_min_pct"], c["lutum_max_pct"])
    organic_matter = clip(organic_matter, c["os_min_pct"], c["os_max_pct"])
    return (a + 25 * b + 10 * cc) / (a + b * lutum + cc * organic_matter)


@dataclass(frozen=True)
class Item:
    """A standardised content: "< RG" as 0.7 x the reported limit (the value a mean or sum
    uses), and whether compliance may be assumed (Bijlage G IV A)."""

    value: Fraction
    compliant: bool


def _measurement(raw: str, rg: Fraction | None, std: Fraction) -> Item:
    below, number = parse(raw)
    if below:
        return Item(F(7, 10) * number * std, rg is not None and number <= rg)
    return Item(number * std, False)


def _summed(parts: Iterable[Item]) -> Item:
    parts = list(parts)
    return Item(sum((p.value for p in parts), F(0)), all(p.compliant for p in parts))


def exempt_names(tare_soil: Iterable[str]) -> frozenset[str]:
    return frozenset().union(*(TARE_EXEMPT[option] for option in tare_soil))


def sample_items(
    values: Mapping[str, str],
    lutum: Fraction,
    organic_matter: Fraction,
    tare_soil: Iterable[str] = (),
) -> dict[str, Item]:
    """Per normed substance (keyed by its stof in tabel 1) its standardised item."""
    exempt = exempt_names(tare_soil)
    items: dict[str, Item] = {}
    for name, raw in values.items():
        if name in SINGLES:
            stof, group, rg_name = SINGLES[name]
            rg = RG[rg_name] if rg_name else None
            items[stof] = _measurement(raw, rg, factor(group, lutum, organic_matter))
    for stof, (group, parts) in SUMS.items():
        given = [part for part in parts if part in values]
        if not given:
            continue
        assert len(given) == len(parts), f"the oracle knows complete {stof} only"
        assert stof not in items, f"{stof} both reported and computed"
        std = factor(group, lutum, organic_matter)
        items[stof] = _summed(
            _measurement(values[part], RG[rg] if rg else None, std) for part, rg in parts.items()
        )
    aromatic = [
        items[SINGLES[part][0]]
        for part in AROMATIC_PARTS
        if part in values and SINGLES[part][0] not in exempt
    ]
    if aromatic:
        items[AROMATIC] = _summed(aromatic)
    return items


def batch_items(
    samples: Sequence[tuple[Fraction, Fraction, Mapping[str, str]]],
    tare_soil: Iterable[str] = (),
) -> dict[str, Item]:
    """Rbk art 4.2.2 lid 1: per substance the arithmetic mean over the samples that measured it
    of the values standardised per measurement; assumed to comply only if every value may."""
    per_sample = [sample_items(values, lutum, om, tare_soil) for lutum, om, values in samples]
    names = dict.fromkeys(name for items in per_sample for name in items)
    means = {}
    for name in names:
        found = [items[name] for items in per_sample if name in items]
        means[name] = Item(
            sum((i.value for i in found), F(0)) / len(found), all(i.compliant for i in found)
        )
    return means


def wonen_allowance(measured: int) -> int:
    """Rbk art 4.10.2 lid 3 (domain.md 5.4)."""
    for threshold, allowed in ((37, 5), (27, 4), (16, 3), (7, 2)):
        if measured >= threshold:
            return allowed
    return 0


@dataclass(frozen=True)
class Parameter:
    value: Fraction
    compliant: bool
    klass: str
    above_aw: bool
    intervention: bool
    exempt: bool
    allowance_used: bool


@dataclass(frozen=True)
class Verdict:
    klass: str
    intervention: bool
    measured: int
    aw_allowed: int
    aw_used: bool
    wonen_allowed: int
    wonen_used: bool
    parameters: dict[str, Parameter]

    def summary(self) -> dict[str, Any]:
        return {
            "class": self.klass,
            "intervention_exceeded": self.intervention,
            "n_measured": self.measured,
            "aw_allowed": self.aw_allowed,
            "aw_allowance_used": self.aw_used,
        }


def _parameter_class(value: Fraction, n: dict[str, Fraction | None]) -> str:
    if n["industrie"] is not None and value > n["industrie"]:
        return "niet_toepasbaar"
    if n["wonen"] is not None and value > n["wonen"]:
        return "industrie"
    if n["wonen"] is None and n["aw"] is not None and value > n["aw"]:
        return "industrie"  # empty Wonen column: Industrie (tabel 1 opmerking 2)
    if n["aw"] is not None and value > n["aw"]:
        return "wonen"
    return "achtergrondwaarde"


def classify(
    items: Mapping[str, Item],
    *,
    receiving_soil: bool = False,
    tare_soil: Iterable[str] = (),
) -> Verdict:
    exempt = exempt_names(tare_soil)
    classes, above_aw, intervention = {}, {}, {}
    for stof, item in items.items():
        n = NORMS[stof]
        tested = not item.compliant
        intervention[stof] = tested and n["iw"] is not None and item.value > n["iw"]
        if not tested:
            classes[stof], above_aw[stof] = "achtergrondwaarde", False
        elif stof in exempt:  # art 4.14: no AW, no class maxima; art 4.4.1 lid 6 still
            classes[stof] = "niet_toepasbaar" if intervention[stof] else "achtergrondwaarde"
            above_aw[stof] = False
        else:
            classes[stof] = _parameter_class(item.value, n)
            above_aw[stof] = n["aw"] is not None and item.value > n["aw"]
    measured = sum(
        1
        for stof in items
        if stof not in exempt and stof != AROMATIC and NORMS[stof]["aw"] is not None
    )
    rank = ("achtergrondwaarde", "wonen", "industrie", "niet_toepasbaar")
    klass = max(classes.values(), key=rank.index, default="achtergrondwaarde")
    forgiven: set[str] = set()

    wonen_allowed = wonen_allowance(measured) if receiving_soil else 0
    wonen_used = False
    if klass == "industrie" and receiving_soil:
        above_wonen = [stof for stof, c in classes.items() if c == "industrie"]
        if 0 < len(above_wonen) <= wonen_allowed and all(
            NORMS[stof]["wonen"] is not None
            and NORMS[stof]["aw"] is not None
            and items[stof].value <= NORMS[stof]["wonen"] + NORMS[stof]["aw"]  # type: ignore[operator]
            for stof in above_wonen
        ):
            klass, wonen_used = "wonen", True
            forgiven |= set(above_wonen)

    aw_allowed = allowance(measured)
    elevated = [stof for stof, above in above_aw.items() if above]
    aw_used = False
    if elevated and klass != "niet_toepasbaar" and len(elevated) <= aw_allowed:
        ok = True
        for stof in elevated:
            n, value = NORMS[stof], items[stof].value
            assert n["aw"] is not None
            if value > 2 * n["aw"]:
                ok = False
            if stof != "nikkel (Ni)" and (n["wonen"] is None or value > n["wonen"]):
                ok = False
        if ok:
            klass, aw_used = "achtergrondwaarde", True
            forgiven |= set(elevated)
            # the class is the AW allowance's: the Wonen allowance is not what decides it
            wonen_used = False

    parameters = {
        stof: Parameter(
            value=item.value,
            compliant=item.compliant,
            klass=classes[stof],
            above_aw=above_aw[stof],
            intervention=intervention[stof],
            exempt=stof in exempt,
            allowance_used=stof in forgiven,
        )
        for stof, item in items.items()
    }
    return Verdict(
        klass=klass,
        intervention=any(intervention.values()),
        measured=measured,
        aw_allowed=aw_allowed,
        aw_used=aw_used,
        wonen_allowed=wonen_allowed,
        wonen_used=wonen_used,
        parameters=parameters,
    )


def assess_sample(
    values: Mapping[str, str],
    lutum: Fraction,
    organic_matter: Fraction,
    *,
    receiving_soil: bool = False,
    tare_soil: Iterable[str] = (),
) -> Verdict:
    return classify(
        sample_items(values, lutum, organic_matter, tare_soil),
        receiving_soil=receiving_soil,
        tare_soil=tare_soil,
    )


def assess_batch(
    samples: Sequence[tuple[Fraction, Fraction, Mapping[str, str]]],
    *,
    receiving_soil: bool = False,
    tare_soil: Iterable[str] = (),
) -> Verdict:
    return classify(
        batch_items(samples, tare_soil), receiving_soil=receiving_soil, tare_soil=tare_soil
    )
