"""An independent reference ("oracle") of the checks made on a verdict: may the batch be applied
at a location (the double test of the generic framework), and does an enforcement investigation
establish a violation (the factor 1.4).

Written from the dossier alone (/work/shared/domain/domain.md section 5.1, 5.4 "Enforcement
tolerance", 4.3 and its tables, copied in ``data/``), without the engine's rule code
(``domain/application.py``, ``domain/enforcement.py``) or its converted rule data, in exact
rational arithmetic. The class and the standardised contents of a sample come from the two
classification references, ``oracle_grond`` (land) and ``oracle_water`` (water bed), which the
differential tests of the classification hold against the engine; this module adds the rules
on top of them. Where the dossier leaves a choice open, the engine's documented interpretation
(docs/assessments.md, "Rules implemented") is followed and named below.

Location check, land (dossier 5.1 "Land"; Bbk art 36, 39, 55 lid 4, 56, 58, 59 lid 1):

* class achtergrondwaarde: may be applied freely, the frameworks do not apply (Bbk art 39);
* class niet_toepasbaar above an intervention value: outside the soil chapter (Rbk art 4.4.1
  lid 6; Bbk art 36 lid 2 a); above Industrie but not above the intervention value: not
  applicable in the generic framework, "art 59 caps at the function class and the quality
  class" (only local maximum values, art 44, can allow it);
* no soil-function map: only background-quality soil (art 55 lid 4); a location without a
  function class (``achtergrondwaarde``) or receiving soil that meets the background values:
  only background-quality soil (art 56);
* the double test: the batch meets the maximum values of the function class of the location
  (59 lid 1 a) and of the quality class of the receiving soil (59 lid 1 b): its class is not
  above either.
* Documented interpretations followed (not in the dossier): the receiving soil's quality class
  must be known, else the test cannot pass (Bbk art 58 lid 1); receiving soil above Industrie
  (``niet_toepasbaar``) counts as quality class Industrie; the material (soil or dredgings)
  does not matter on land.

Location check, water (dossier 5.1 "Water"; Bbk art 39, 56, 59 lid 2 and 3; Rbk tabel 2 vn 3):

* achtergrondwaarde free (art 39); niet_toepasbaar (above klasse B = the intervention value of
  the water bed) never; otherwise the batch class not above the quality class of the receiving
  water bed (59 lid 2); a water bed at background quality receives only background-quality
  material (art 56 / 59 lid 2 alike); receiving ``niet_toepasbaar`` counts as klasse B and an
  unknown receiving class refuses (art 58 lid 1), as on land;
* soil (``material="grond"``; not dredgings, the default) applied in water may in addition not
  exceed the Industrie values (59 lid 3; tabel 2 vn 3): the mean standardised content of no
  substance above the ``max_bodemfunctieklasse_industrie_en_grootschalig`` column of tabel 2
  (equal to the Industrie column of tabel 1 for every substance that is in both tables). That
  column also has the DDT (som), DDE (som) and DDD (som), which tabel 2 uses for nothing else:
  they are computed here from their two isomers (Bijlage N).
* function classes do not apply in surface water (the notification names the function class
  "on land" only, dossier 4.3): a stated function class is ignored in water.

Enforcement (dossier 5.4 "Enforcement tolerance"; Rbk art 4.13.1 lid 2):

* a violation when the maximum values of the class the batch had to meet are exceeded by at
  least a factor 1.4: a mean standardised content at least 1.4 times the value ("ten minste":
  exactly 1.4 times is a violation); a content that may be assumed to comply (Bijlage G IV A)
  never exceeds;
* the maximum value of a stated Wonen (klasse A) for a substance without a value in that column
  is its AW, since above the AW such a substance is classed Industrie (klasse B) (tabel 1 and
  2 opmerking 2); for a stated Industrie (klasse B) such a substance has no maximum value;
* stated achtergrondwaarde, the engine's documented interpretation: the allowance of art 4.2.2
  lid 4, 5, 8 is part of the maximum value, taken with the factor: a violation when more
  substances than the allowance permits (for the number measured) are at least 1.4 x their AW,
  or one of those is at least 1.4 x 2 AW, or at least 1.4 x the Wonen value of tabel 1 (nickel
  exempt; a land row with an AW and no Wonen value can never be forgiven, one without any
  tabel 1 value has no Wonen cap: the same caps as the classification references).
"""

from __future__ import annotations

import functools
from dataclasses import dataclass, field
from fractions import Fraction
from typing import Any

from kwalibo.assessments.tests.reference import oracle_grond, oracle_water
from kwalibo.assessments.tests.reference.tables import allowance, exact, parse, rows

F = Fraction

#: What both classification references write for a content that may be assumed to comply.
COMPLIANT = oracle_water.COMPLIANT
assert COMPLIANT == "compliant"  # oracle_grond writes the literal

#: Rbk art 4.13.1 lid 2: "met ten minste een factor 1,4".
FACTOR = F(7, 5)

AW = "achtergrondwaarde"
NT = "niet_toepasbaar"
LAND_CLASSES = (AW, "wonen", "industrie", NT)
WATER_CLASSES = (AW, "klasse_A", "klasse_B", NT)
#: Function classes of a location (``None``: no soil-function map; ``achtergrondwaarde``: a
#: location where neither Wonen nor Industrie applies).
FUNCTION_CLASSES = (None, AW, "wonen", "industrie")
MATERIALS = (None, "grond", "baggerspecie")

#: The citations, as the engine's interface writes them (the legal sources of dossier 5.1).
ART_FREE = "Bbk art 39"
ART_OUTSIDE = "Bbk art 36 lid 2 onder a; Rbk art 4.4.1 lid 6"
ART_NO_MAP = "Bbk art 55 lid 4"
ART_BACKGROUND_ONLY = "Bbk art 56 lid 1"
ART_RECEIVING_UNKNOWN = "Bbk art 58 lid 1"
ART_LAND = "Bbk art 59 lid 1"
ART_WATER = "Bbk art 59 lid 2"
ART_SOIL_IN_WATER = "Bbk art 59 lid 3"


@dataclass(frozen=True)
class Outcome:
    """May the batch be applied; the articles any of which may decide (a refusal can have
    several true grounds, the dossier does not rank them); for the double test on land whether
    the batch is above the function class (59 lid 1 a) and above the receiving soil (lid 1 b)."""

    allowed: bool
    articles: frozenset[str]
    above_function: bool | None = None
    above_receiving: bool | None = None


def _level(klass: str, classes: tuple[str, ...]) -> int:
    return classes.index(klass)


def on_land(
    batch_class: str,
    intervention: bool | None,
    function_class: str | None,
    receiving: str | None,
) -> Outcome:
    """The location check on land (see the module docstring)."""
    if batch_class == AW:
        return Outcome(True, frozenset({ART_FREE}))
    grounds: set[str] = set()
    if batch_class == NT:
        if intervention is None:  # not known which: both are true readings
            grounds |= {ART_OUTSIDE, ART_LAND}
        else:
            grounds.add(ART_OUTSIDE if intervention else ART_LAND)
    if function_class is None:
        grounds.add(ART_NO_MAP)
    elif function_class == AW:
        grounds.add(ART_BACKGROUND_ONLY)
    if receiving is None:
        grounds.add(ART_RECEIVING_UNKNOWN)
    elif receiving == AW:
        grounds.add(ART_BACKGROUND_ONLY)
    level = _level(batch_class, LAND_CLASSES)
    above_function = above_receiving = None
    if batch_class != NT and function_class in ("wonen", "industrie"):
        above_function = level > _level(function_class, LAND_CLASSES)
    if batch_class != NT and receiving not in (None, AW):
        capped = "industrie" if receiving == NT else receiving
        above_receiving = level > _level(capped, LAND_CLASSES)
    if above_function or above_receiving:
        grounds.add(ART_LAND)
    if not grounds:
        return Outcome(True, frozenset({ART_LAND}), False, False)
    return Outcome(False, frozenset(grounds), above_function, above_receiving)


def in_water(
    batch_class: str,
    receiving: str | None,
    material: str | None,
    soil_above_industrie: bool | None,
) -> Outcome:
    """The location check in surface water; ``soil_above_industrie``: whether the batch
    exceeds an Industrie value of tabel 2 (``None``: not known), used for soil only."""
    if batch_class == AW:
        if material == "grond" and soil_above_industrie:
            # not at background quality on land, so not free under art 39 (the tables never
            # give both for one batch; ``application_check`` can be told both)
            return Outcome(False, frozenset({ART_SOIL_IN_WATER}))
        return Outcome(True, frozenset({ART_FREE}))
    grounds: set[str] = set()
    if batch_class == NT:
        grounds |= {ART_OUTSIDE, ART_WATER}
    if receiving is None:
        grounds.add(ART_RECEIVING_UNKNOWN)
    elif receiving == AW:
        grounds |= {ART_BACKGROUND_ONLY, ART_WATER}
    else:
        capped = "klasse_B" if receiving == NT else receiving
        if _level(batch_class, WATER_CLASSES) > _level(capped, WATER_CLASSES):
            grounds.add(ART_WATER)
    if material == "grond" and soil_above_industrie is not False:
        grounds.add(ART_SOIL_IN_WATER)
    if not grounds:
        return Outcome(True, frozenset({ART_WATER}))
    return Outcome(False, frozenset(grounds))


# --- soil in water: the Industrie values of tabel 2 (vn 3) ---------------------------------

WATER_ROWS = {row["stof"]: row for row in rows("normwaarden_bagger.csv")}
INDUSTRIE_COLUMN = "max_bodemfunctieklasse_industrie_en_grootschalig"


def _industrie(stof: str) -> Fraction | None:
    return exact(WATER_ROWS[stof][INDUSTRIE_COLUMN])


#: The sums of tabel 2 with only an Industrie value: name -> (stof, components). Bijlage N.
INDUSTRIE_ONLY_SUMS = {
    "DDT (som)": ("DDT (som)", ["2,4-DDT", "4,4-DDT"]),
    "DDE (som)": ("DDE (som)", ["2,4-DDE", "4,4-DDE"]),
    "DDD (som)": ("DDD (som)", ["2,4-DDD", "4,4-DDD"]),
}
#: Industrie value of tabel 2 per oracle_water name (and the three sums above).
INDUSTRIE_WATER: dict[str, Fraction] = {
    name: value
    for name, spec in oracle_water.SPEC.items()
    if (value := _industrie(spec["stof"])) is not None
} | {name: _industrie(stof) for name, (stof, _) in INDUSTRIE_ONLY_SUMS.items()}  # type: ignore[misc]
assert all(value is not None for value in INDUSTRIE_WATER.values())

LAND_ROWS = {row["stof"]: row for row in rows("normwaarden_grond.csv")}
# The column of tabel 2 is the Industrie column of tabel 1 wherever a substance is in both.
assert all(
    exact(LAND_ROWS[stof]["max_industrie"]) == _industrie(stof)
    for stof in WATER_ROWS.keys() & LAND_ROWS.keys()
)


def industrie_only_sums(
    values: dict[str, str], lutum: Fraction, organic_matter: Fraction
) -> dict[str, Fraction | str]:
    """DDT (som), DDE (som), DDD (som) from their isomers, as ``oracle_water.standardised``
    computes a sum (a "<" part as 0.7 x its limit; complies when every part may)."""
    out: dict[str, Fraction | str] = {}
    org = oracle_water.SPEC["DDT/DDE/DDD (som)"]["std"]
    for name, (_, parts) in INDUSTRIE_ONLY_SUMS.items():
        if not all(part in values for part in parts):
            assert not any(part in values for part in parts), "complete sums only"
            continue
        complies, total = True, F(0)
        for part in parts:
            limit = oracle_water.REPORTING_LIMITS[oracle_water.UNNORMED[part]]
            below, number = parse(values[part])
            complies = complies and below and number <= limit
            total += F(7, 10) * number if below else number
        out[name] = (
            oracle_water.COMPLIANT
            if complies
            else total * oracle_water.factor(org, lutum, organic_matter)
        )
    return out


def soil_in_water_exceedances(values_std: dict[str, Fraction | str]) -> list[str]:
    """The substances above their Industrie value of tabel 2 (strictly above: at the value
    meets it, art 4.4.1)."""
    return sorted(
        name
        for name, value in values_std.items()
        if value != COMPLIANT and name in INDUSTRIE_WATER and value > INDUSTRIE_WATER[name]  # type: ignore[operator]
    )


# --- enforcement -----------------------------------------------------------------------------


@dataclass(frozen=True)
class Enforcement:
    violation: bool
    #: stated Wonen/Industrie/A/B: name -> the maximum value exceeded by at least 1.4
    exceeded: dict[str, Fraction] = field(default_factory=dict)
    #: stated achtergrondwaarde: the substances at least 1.4 x their AW, and the allowance
    elevated: tuple[str, ...] = ()
    allowed: int = 0


@functools.cache
def _norms(frame: str, name: str) -> dict[str, Any]:
    spec = (oracle_grond if frame == "grond" else oracle_water).SPEC[name]
    return spec["norm"]


@functools.cache
def maximum_value(frame: str, name: str, stated: str) -> Fraction | None:
    """The maximum value of the stated class for one substance (opmerking 2 for an empty
    column); ``None``: the class sets it none."""
    norm = _norms(frame, name)
    if frame == "grond":
        if stated == "wonen":
            return norm["wonen"] if norm["wonen"] is not None else norm["aw"]
        if stated == "industrie":
            return norm["industrie"]
    else:
        if stated == "klasse_A":
            return norm["a"] if norm["a"] is not None else norm["aw"]
        if stated == "klasse_B":
            return norm["b"]
    raise ValueError(f"no class {stated!r} in frame {frame!r}")


@functools.cache
def wonen_cap(frame: str, name: str) -> tuple[bool, Fraction | None]:
    """Art 4.2.2 lid 5 and 8: (forgivable at all, the Wonen value capping it or ``None``).
    Nickel has no Wonen cap; a row of tabel 1 with an AW but no Wonen value is classed
    Industrie above its AW (opmerking 2) and never forgiven; in water a substance without any
    tabel 1 value has no Wonen cap (as ``oracle_water``)."""
    if name == "nikkel":
        return True, None
    if frame == "waterbodem":
        return oracle_water.SPEC[name]["cap"]  # type: ignore[no-any-return]
    wonen = _norms(frame, name)["wonen"]
    return wonen is not None, wonen


def enforcement(
    frame: str,
    values_std: dict[str, Fraction | str],
    measured: int,
    stated: str,
    *,
    no_wonen_value_forgiven: bool = False,
) -> Enforcement:
    """Does the investigation establish a violation of the stated class (see the module
    docstring)? ``values_std``: the standardised (mean) contents of the classification
    reference, ``measured``: its number of measured substances.

    ``no_wonen_value_forgiven=True`` is not the dossier's reading: it lets the allowance under
    the factor forgive a substance whose tabel 1 row has an AW but no Wonen value (held to
    1.4 x 2 AW only), as the engine did (finding K1, fixed). The test uses it only to show its
    samples tell that reading apart."""
    tested = {name: value for name, value in values_std.items() if value != COMPLIANT}
    if stated == AW:
        elevated = []
        forgiven = True
        for name, value in tested.items():
            aw = _norms(frame, name)["aw"]
            if aw is None or value < FACTOR * aw:  # type: ignore[operator]
                continue
            elevated.append(name)
            forgivable, wonen = wonen_cap(frame, name)
            caps = [FACTOR * 2 * aw] + ([FACTOR * wonen] if wonen is not None else [])
            if not (forgivable or no_wonen_value_forgiven) or value >= min(caps):  # type: ignore[operator]
                forgiven = False
        allowed = allowance(measured)
        violation = len(elevated) > allowed or not forgiven
        return Enforcement(violation, elevated=tuple(sorted(elevated)), allowed=allowed)
    exceeded = {}
    for name, value in tested.items():
        limit = maximum_value(frame, name, stated)
        if limit is not None and value >= FACTOR * limit:  # type: ignore[operator]
            exceeded[name] = limit
    return Enforcement(bool(exceeded), exceeded=exceeded)
