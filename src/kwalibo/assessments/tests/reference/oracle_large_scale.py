"""An independent reference ("oracle") of the large-scale framework, the emission shortcut on
contents and the local maximum values of a soil-management area.

Written from the dossier (domain.md 5.1 "Large-scale applications", 5.3, 5.4) and its tables
(copied in ``data/``: normwaarden_grond.csv = Rbk 2015 Bijlage B tabel 1 with the land
intervention values, normwaarden_bagger.csv = tabel 2, standaardisatie.csv = Bijlage G III,
rapportagegrenzen.csv = Bijlage G IV tabel 1), and from the legal texts the dossier cites
(statengeneraal/laws-markdown: Bbk BWBR0022929, Rbk BWBR0023085), without the engine's code or
its converted rule data, in exact rational arithmetic. Standardisation constants, required
reporting limits and sum compositions are taken from the classification references
``oracle_grond`` and ``oracle_water`` (themselves written from the dossier).

Implemented (source in brackets):

* contents [Rbk art 4.2.1 lid 1 c, d and lid 2 d, e; art 4.12.1 lid 4; Bijlage G III, IV]:
  every measurement is standardised first, then the arithmetic mean over the samples is
  taken. A "< RG" result counts as 0.7 x RG; a substance (or sum) whose every result (every
  component in every sample) is "< RG" at or below the required reporting limit is assumed
  to comply. A result ">x" (above the measuring range) makes the mean a lower bound: the true
  mean is higher than the computed one. A measurement that cannot be used makes the substance
  unknown.
* scope [Bbk art 63 lid 1 and 5]: "in een laagdikte van minimaal twee meter en een minimale
  omvang van 5000 m3" (both inclusive); for roads and railways (lid 5 a) a layer of at least
  0.5 m (and still 5000 m3) "indien ... een aaneengesloten laag bouwstoffen wordt
  aangebracht" (lid 5 b). Unknown thickness or volume, or (for the thinner road layer) an
  unknown cover: undecided.
* emission [Bbk art 63 lid 1 a i; Rbk art 4.12.1, art 4.2.2 lid 6]: met when the mean
  standardised contents of the measured substances do not exceed the emission test values
  (lid 2, tabel 1 on land; lid 3 a, tabel 2 in water), whatever a column test says; in water
  also when dredgings are applied below the water level in the area of the water manager they
  come from (lid 3 b; soil: never). Otherwise a column test decides: not met when a measured
  emission exceeds its maximum emission value ("hoger dan", lid 6); undecided for a substance
  above its test value (or not known exactly) that the column test does not measure, or when
  there is no column test. (Substance by substance: an interpretation the engine documents.)
* quality [Bbk art 63 lid 1 a ii, iii; art 36 lid 2 a]: on land the Industrie values of
  tabel 1 and (outside the chapter above them) the land intervention values; in water the
  Industrie values of tabel 2 and the intervention values of the water bed (klasse B) -- the
  dossier's reading "Industrie/intervention values (water)", see AMBIGUITIES. For dredgings the
  mineral-oil value of tabel 1 voetnoot 13 (2000 mg/kg ds) takes the place of the Industrie
  value (500) and is a condition of its own.
* mineral oil, dredgings [tabel 1 vn 13]: at most 2000 mg/kg ds (exactly 2000 meets it); not
  measured: undecided.
* cover [Bbk art 63 lid 1 b, lid 3]: a top layer (leeflaag) of at least 0.5 m, or a layer of
  building materials. Unknown: undecided.
* the whole [Bbk art 63 lid 1]: not met when a condition is not met, else undecided when one
  is undecided, else met.
* column test file [Rbk art 4.2.2 lid 6, art 4.3.3 lid 2]: emissions in mg/kg or ug/kg (at
  L/S 10); "< x" counts as 0.7 x (Bijlage G IV A, no table limit for emissions); the highest
  subsample counts ("een representatief deelmonster").
* local maximum values [Bbk art 44, 45, 52; Rbk art 4.2.1 lid 1 d, lid 2 d; art 4.2.2 lid 1,
  7; art 4.2.3]: the mean standardised content may not be higher than the local value (at the
  value meets it); the values of the zone of application, the area-wide ones for substances
  the zone does not list; a substance without a local value is not checked, but one above its
  intervention value without one is outside the chapter (Bbk art 36 lid 2 a, "tenzij artikel
  44, tweede lid, of artikel 45, tweede lid van toepassing is"); soil in water may not rely on
  local values above the Industrie values (art 45 lid 2), so they are capped there; soil or
  dredgings above the generic bound (Industrie on land, klasse B in water) that meet a raised
  local value may only be applied in the area of origin (art 52 lid 2, 3). With zones and
  characteristic values (kengetallen): exceeded when the kengetal of the zone of origin is
  higher than the local value (Rbk art 4.2.3 lid 3, 4).

AMBIGUITIES (resolved here as noted):

* Bbk art 63 lid 1 a iii reads "de maximale waarden voor de bodemfunctieklasse industrie [...]
  onderscheidelijk de interventiewaarden": "respectively" would hold soil to Industrie and
  dredgings to the intervention values only (as the Bal of 2024 does: dredgings "matig
  verontreinigd"); the dossier (5.1) and tabel 2 (one column "Industrie en grootschalig")
  give both to both. Here: both (``WATER_BOTH = True``), and ``water_respectively`` tells the
  cases apart.
* Voetnoot 13 stands under tabel 1 (land); tabel 2's large-scale column has mineral oil 500.
  Here 2000 for dredgings in both frames.
* A lower bound exactly at a limit (">430" standardised to 430 against a test value of 430)
  is above it: the content is higher than the number.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from fractions import Fraction
from typing import Any

from kwalibo.assessments.tests.reference import oracle_grond, oracle_water
from kwalibo.assessments.tests.reference.tables import exact, rows

F = Fraction
SEVEN_TENTHS = F(7, 10)

# --- the tables ------------------------------------------------------------------------------

LAND_ROWS = {row["stof"]: row for row in rows("normwaarden_grond.csv")}
WATER_ROWS = {row["stof"]: row for row in rows("normwaarden_bagger.csv")}
MINERAL_OIL_DREDGINGS = F(2000)  # tabel 1 voetnoot 13
MIN_THICKNESS, MIN_VOLUME, ROAD_THICKNESS, MIN_COVER = F(2), F(5000), F(1, 2), F(1, 2)
WATER_BOTH = True

MET, NOT_MET, UNDECIDED = True, False, None


def _value(cell: str) -> Fraction | None:
    cell = (cell or "").strip()
    if not cell or cell == "nvt":
        return None
    return exact(cell)


def _spec(frame: str) -> dict[str, dict[str, Any]]:
    return (oracle_grond if frame == "grond" else oracle_water).SPEC


def stof(frame: str, name: str) -> str:
    """The table's name (the engine's parameter name) of a reference substance."""
    if frame == "grond":
        table = {**oracle_grond.SUBSTANCES, **oracle_grond.SUMS}
        return table[name][0]
    return oracle_water.SPEC[name]["stof"]


def norms(frame: str, name: str) -> dict[str, Fraction | None]:
    """aw, industrie, iw (land IW or water-bed klasse B), test (emission test value), max_emission."""
    if frame == "grond":
        row = LAND_ROWS[stof(frame, name)]
        industrie, iw = row["max_industrie"], row["interventiewaarde_grond"]
    else:
        row = WATER_ROWS[stof(frame, name)]
        industrie = row["max_bodemfunctieklasse_industrie_en_grootschalig"]
        iw = row["max_klasse_B_interventiewaarde_waterbodem"]
    return {
        "aw": _value(row["achtergrondwaarde"]),
        "industrie": _value(industrie),
        "iw": _value(iw),
        "test": _value(row["emissietoetswaarde"]),
        "max_emission": _value(row["max_emissiewaarde_mg_kg_LS10"]),
    }


def emission_substances(frame: str) -> list[str]:
    return [
        n
        for n in _spec(frame)
        if "components" not in _spec(frame)[n] and norms(frame, n)["test"] is not None
    ]


# --- contents: mean of standardised results ------------------------------------------------


@dataclass(frozen=True)
class Content:
    """A mean standardised content: ``value``; ``compliant`` (every result "< RG" at or below
    the required limit); ``lower`` (a result above the measuring range: the mean is higher);
    ``unknown`` (a result that cannot be used)."""

    value: Fraction | None
    compliant: bool = False
    lower: bool = False
    unknown: bool = False


def _read(raw: str) -> tuple[str, Fraction | None]:
    text = raw.strip()
    if text.startswith("<"):
        return "below", F(text[1:].strip())
    if text.startswith(">"):
        return "above", F(text[1:].strip())
    try:
        return "value", F(text)
    except (ValueError, ZeroDivisionError):
        return "unusable", None


def _one(
    frame: str, name: str, raw: str, lutum: Fraction, om: Fraction
) -> tuple[str, Fraction | None, bool]:
    """(kind, standardised value used, compliant) of one result."""
    spec = _spec(frame)[name]
    kind, number = _read(raw)
    if kind == "unusable":
        return kind, None, False
    assert number is not None
    compliant = kind == "below" and spec["rg"] is not None and number <= spec["rg"]
    used = SEVEN_TENTHS * number if kind == "below" else number
    return kind, used * _factor(frame, name, lutum, om), compliant


def _factor(frame: str, name: str, lutum: Fraction, om: Fraction) -> Fraction:
    reference = oracle_grond if frame == "grond" else oracle_water
    return reference.factor(_spec(frame)[name]["std"], lutum, om)


def contents(
    frame: str, samples: list[tuple[Fraction, Fraction, dict[str, str]]]
) -> dict[str, Content]:
    """The mean content per reference substance (and complete sum) over ``samples`` (lutum,
    organic matter, results as written). Every sample measures the same substances."""
    spec = _spec(frame)
    names = sorted({n for _, _, values in samples for n in values})
    out: dict[str, Content] = {}
    for name in names:
        if name not in spec or "components" in spec[name]:
            continue
        results = [_one(frame, name, values[name], lutum, om) for lutum, om, values in samples]
        if any(kind == "unusable" for kind, _, _ in results):
            out[name] = Content(None, unknown=True)
            continue
        mean = sum((v for _, v, _ in results), F(0)) / len(results)
        out[name] = Content(
            mean,
            compliant=all(c for _, _, c in results),
            lower=any(kind == "above" for kind, _, _ in results),
        )
    for name, item in spec.items():
        parts = item.get("components")
        if not parts or not any(part in names for part in parts):
            continue
        assert all(part in names for part in parts), "complete sums only"
        total, complies = F(0), True
        for lutum, om, values in samples:
            for part, limit in parts.items():
                kind, number = _read(values[part])
                assert kind in ("below", "value"), "sum parts are numbers or '< RG'"
                complies = complies and kind == "below" and limit is not None and number <= limit
                used = SEVEN_TENTHS * number if kind == "below" else number
                total += used * _factor(frame, name, lutum, om)
        out[name] = Content(total / len(samples), compliant=complies)
    return out


def _above(content: Content, limit: Fraction) -> bool | None:
    """Whether the content is higher than the limit (``None``: cannot tell, a lower bound under
    it). A content assumed to comply is not."""
    if content.compliant:
        return False
    assert content.value is not None
    if content.value > limit:
        return True
    if content.lower:
        # higher than x: at the limit it exceeds it
        return True if content.value >= limit else None
    return False


# --- the large-scale framework -------------------------------------------------------------


@dataclass(frozen=True)
class Application:
    material: str = "grond"
    thickness: Fraction | None = None
    volume: Fraction | None = None
    infrastructure: bool = False
    cover: str | None = None
    cover_thickness: Fraction | None = None
    below_water_level_same_manager: bool = False
    column_test: dict[str, Fraction] | None = None  # reference name -> emission mg/kg L/S 10


@dataclass(frozen=True)
class Result:
    met: bool | None
    substances: frozenset[str] = field(default_factory=frozenset)


def scope(app: Application) -> Result:
    if app.thickness is None or app.volume is None:
        return Result(UNDECIDED)
    if app.volume < MIN_VOLUME:
        return Result(NOT_MET)
    if app.thickness >= MIN_THICKNESS:
        return Result(MET)
    if app.infrastructure and app.thickness >= ROAD_THICKNESS:  # lid 5
        if app.cover is None:
            return Result(UNDECIDED)
        return Result(MET if app.cover == "bouwstoffen_aaneengesloten" else NOT_MET)
    return Result(NOT_MET)


def screening(frame: str, found: dict[str, Content], material: str, below_water: bool) -> Result:
    """Rbk art 4.12.1 lid 2 / 3: met, not met (the substances above their test values) or
    undecided (the substances not known exactly)."""
    if frame == "waterbodem" and below_water and material == "baggerspecie":
        return Result(MET)
    exceeded, unknown = set(), set()
    for name, content in found.items():
        test = norms(frame, name)["test"] if "components" not in _spec(frame)[name] else None
        if test is None:
            continue
        if content.unknown:
            unknown.add(name)
            continue
        above = _above(content, test)
        if above:
            exceeded.add(name)
        elif above is None:
            unknown.add(name)
    if exceeded:
        return Result(NOT_MET, frozenset(exceeded))
    if unknown:
        return Result(UNDECIDED, frozenset(unknown))
    return Result(MET)


def emission(frame: str, found: dict[str, Content], app: Application) -> Result:
    screened = screening(frame, found, app.material, app.below_water_level_same_manager)
    if screened.met:
        return Result(MET)
    if app.column_test is None:
        return Result(UNDECIDED, screened.substances)
    limits = {
        name: norms(frame, name)["max_emission"]
        for name in app.column_test
        if norms(frame, name)["max_emission"] is not None
    }
    over = {name for name, limit in limits.items() if app.column_test[name] > limit}
    if over:
        return Result(NOT_MET, frozenset(over))
    missing = {name for name in screened.substances if name not in app.column_test}
    if missing:
        return Result(UNDECIDED, frozenset(missing))
    if not limits:
        return Result(UNDECIDED)
    return Result(MET)


def quality(
    frame: str, found: dict[str, Content], material: str, *, both: bool = WATER_BOTH
) -> Result:
    exceeded, unknown = set(), False
    for name, content in found.items():
        if content.unknown:
            unknown = True
            continue
        norm = norms(frame, name)
        labels = ["industrie", "iw"]
        if frame == "waterbodem" and not both:
            labels = ["industrie"] if material == "grond" else ["iw"]
        if material == "baggerspecie" and name == "minerale olie":
            labels = [label for label in labels if label != "industrie"]  # voetnoot 13
            if frame == "grond" or both:
                labels = ["iw"]
        verdicts = [_above(content, norm[label]) for label in labels if norm[label] is not None]
        if any(verdicts):
            exceeded.add(name)
        elif None in verdicts:
            unknown = True
    if exceeded:
        return Result(NOT_MET, frozenset(exceeded))
    return Result(UNDECIDED if unknown else MET)


def mineral_oil(found: dict[str, Content]) -> Result:
    content = found.get("minerale olie")
    if content is None or content.unknown:
        return Result(UNDECIDED)
    above = _above(content, MINERAL_OIL_DREDGINGS)
    return Result(UNDECIDED if above is None else NOT_MET if above else MET)


def cover(app: Application) -> Result:
    if app.cover is None:
        return Result(UNDECIDED)
    if app.cover == "leeflaag":
        if app.cover_thickness is None:
            return Result(UNDECIDED)
        return Result(MET if app.cover_thickness >= MIN_COVER else NOT_MET)
    return Result(MET)  # a layer of building materials, continuous or not


def combine(verdicts: list[bool | None]) -> bool | None:
    return False if False in verdicts else None if None in verdicts else True


def large_scale(frame: str, found: dict[str, Content], app: Application) -> dict[str, Result]:
    out = {
        "scope": scope(app),
        "emission": emission(frame, found, app),
        "quality": quality(frame, found, app.material),
    }
    if app.material == "baggerspecie":
        out["mineral_oil"] = mineral_oil(found)
    out["cover"] = cover(app)
    out["whole"] = Result(combine([r.met for r in out.values()]))
    return out


def column_emissions(rows_: list[tuple[str, str, str]]) -> dict[str, Fraction]:
    """(reference name, value as written, unit) per row -> the highest emission per substance
    in mg/kg at L/S 10."""
    out: dict[str, Fraction] = {}
    for name, raw, unit in rows_:
        kind, number = _read(raw)
        assert kind in ("below", "value")
        assert number is not None
        scale = F(1, 1000) if unit.lower().lstrip().startswith(("µg", "ug")) else F(1)
        value = number * scale * (SEVEN_TENTHS if kind == "below" else 1)
        out[name] = max(out.get(name, value), value)
    return out


# --- local maximum values ------------------------------------------------------------------


@dataclass(frozen=True)
class Local:
    met: bool | None
    exceeded: frozenset[str] = frozenset()
    checked: frozenset[str] = frozenset()
    not_set: frozenset[str] = frozenset()
    origin_only: frozenset[str] = frozenset()
    outside: frozenset[str] = frozenset()
    soil_in_water_bound: frozenset[str] = frozenset()


def limits_for(
    values: dict[str | None, dict[str, Fraction]], zone: str | None
) -> dict[str, Fraction]:
    out = dict(values.get(None, {}))
    if zone is not None:
        out.update(values[zone])
    return out


def _generic_bound(frame: str, name: str) -> Fraction | None:
    """Above this a local value relies on Bbk art 44 lid 2 (Industrie) / art 45 lid 2
    (intervention value of the water bed, klasse B)."""
    return norms(frame, name)["industrie" if frame == "grond" else "iw"]


def local(
    frame: str,
    found: dict[str, Content],
    values: dict[str | None, dict[str, Fraction]],
    zone: str | None,
    *,
    material: str | None = None,
    characteristic: bool = False,
) -> Local:
    limits = limits_for(values, zone)
    above_soil = frozenset(
        name
        for name, limit in limits.items()
        if frame == "waterbodem"
        and material is None
        and (industrie := norms(frame, name)["industrie"]) is not None
        and limit > industrie
    )  # Bbk art 45 lid 2: such values can serve dredgings only
    if frame == "waterbodem" and material == "grond":  # Bbk art 45 lid 2
        for name, limit in list(limits.items()):
            industrie = norms(frame, name)["industrie"]
            if industrie is not None and limit > industrie:
                limits[name] = industrie
    exceeded, checked, not_set, relied, outside = set(), set(), set(), set(), set()
    undecided = False
    for name, content in found.items():
        if name not in limits:
            if content.unknown:
                continue
            not_set.add(name)
            iw = norms(frame, name)["iw"]
            if not characteristic and iw is not None and _above(content, iw):
                outside.add(name)  # Bbk art 36 lid 2 a
            continue
        checked.add(name) if not content.unknown else None
        if content.unknown:
            undecided = True
            continue
        above = _above(content, limits[name])
        if above:
            exceeded.add(name)
            continue
        if above is None:
            undecided = True
        bound = _generic_bound(frame, name)
        if bound is not None and _above(content, bound) is True:
            relied.add(name)  # a lower bound at the bound is above it, as for a limit
    if exceeded or outside:
        met: bool | None = False
    elif undecided:
        met = None
    else:
        met = True if checked else None
    origin = frozenset(relied) if relied and not exceeded and not outside else frozenset()
    return Local(
        met,
        frozenset(exceeded),
        frozenset(checked),
        frozenset(not_set),
        origin,
        frozenset(outside),
        above_soil,
    )
