"""The area-specific framework: local maximum values of a soil-management area (Bbk art 44-53).

Where the municipal council (land, Bbk art 44 lid 1) or the water manager (water, art 45 lid 1)
has set *lokale maximale waarden* for a *bodembeheergebied*, soil or dredgings applied there may
not exceed them (art 52 lid 1); the generic framework of art 55-59 then does not apply (art 54).

The rules, Regeling bodemkwaliteit 2015:

* Standardisation. "De gemeten gehalten worden voor lutum en organisch stof gecorrigeerd
  volgens de rekenregels in bijlage G, onder III, om te bepalen of de kwaliteit van de grond of
  baggerspecie [...] een van de volgende waarden overschrijdt: [...] d. de lokale maximale
  waarden, bedoeld in artikel 44, eerste lid, van het besluit" (art 4.2.1 lid 1 onder d; in
  water lid 2 onder d, "bedoeld in artikel 45, eerste lid"). Bijlage G III: "Interventiewaarden
  en normwaarden in de tabellen 1 en 2 van bijlage B en lokale maximale waarden zijn
  bodemtype-afhankelijk en gebaseerd op een standaardbodem met een lutum percentage van 25 % en
  een organische stof percentage van 10 %." The values read here are therefore taken to be in
  mg/kg ds of standard soil, and they are compared with the standardised contents.
* Exceedance. "De kwaliteit van grond of baggerspecie overschrijdt de waarden, bedoeld in
  artikel 4.2.1, eerste lid, onder b, tweede lid, onder b, c en d [...], indien voor een of meer
  van de gemeten stoffen het rekenkundig gemiddelde gehalte hoger is dan deze waarden"
  (art 4.2.2 lid 1): a mean exactly at the value meets it. The allowance for a few elevated
  substances (lid 4 and 5) is for the background values only, so none applies here.
* Reporting limits. "Bij het vaststellen van een overschrijding van de waarden, bedoeld in dit
  artikel, worden de regels in bijlage G, onder IV toegepast" (art 4.2.2 lid 7): a parameter
  the engine marks ``compliance_assumed`` complies; otherwise 0.7 x RG counts (``measurements``).
* Zones. "[...] kan de gemeenteraad [...] een bodembeheergebied indelen in bodemkwaliteitszones
  en daarvoor per stof een kengetal vaststellen om te bepalen of de kwaliteit van de grond of
  baggerspecie de lokale maximale waarden [...] overschrijdt" (art 4.2.3 lid 1); "Het kengetal
  [...] is voor alle onderzochte stoffen gelijk aan of hoger dan het rekenkundig gemiddelde
  gehalte van de stof in de bodemkwaliteitszone" (lid 2); "De kwaliteit van grond of
  baggerspecie overschrijdt de lokale maximale waarden, bedoeld in artikel 4.2.1, eerste lid,
  onder d, indien voor een of meer van de gemeten stoffen het kengetal in de
  bodemkwaliteitszone waarvan de grond of baggerspecie afkomstig is, hoger is dan de lokale
  maximale waarden" (lid 3; lid 4 the same for art 4.2.1 tweede lid onder d). ``zone_check``.

Interpretations (the text does not settle them):

* Art 4.2.2 lid 1 lists art 4.2.1 lid 2 onder d (water) but not lid 1 onder d (land); the mean
  rule is applied on land too, as art 4.2.3 lid 1 and 3 presuppose ("In afwijking van artikel
  4.2.2, eerste lid" for the land values).
* A decision may set values for some substances only. For a measured substance without a local
  value the check says so (``not_set``) and the result is about the others only; the note says
  the generic maximum values continue to apply to those substances, which is what a nota
  bodembeheer usually provides (Bbk art 54 itself switches the generic framework off as a whole).
* Values may be set per zone of the area. A zone's own values are used first; for substances the
  zone does not list, the area-wide values (a set without zone) apply, if any. Without a zone only
  the area-wide set is used.
* Characteristic values (*kengetallen*) are taken to be in standard soil, like the local maximum
  values they are compared with; whether each is at least the zone's mean (lid 2) is the
  council's responsibility and is not checked here.

Values set above the generic ones (Bbk art 44 lid 2, art 45 lid 2, art 52 lid 2 and 3):

* "De lokale maximale waarden kunnen boven de maximale waarden voor de bodemfunctieklasse
  industrie [...] worden vastgesteld [...] indien" the soil quality is due to diffuse pollution
  of the area, the values match it, and they stay below the urgency values of the Wbb (art 44
  lid 2 a-c). In water, "voor het toepassen van baggerspecie boven de interventiewaarden en voor
  het toepassen van grond niet boven de maximale waarden voor de bodemfunctieklasse industrie"
  (art 45 lid 2). Whether a decision meets conditions a-c is the council's or water manager's
  responsibility and is not checked here.
* "Grond of baggerspecie die voldoet aan de lokale maximale waarden, bedoeld in de artikelen 44,
  tweede lid, en 45, tweede lid, kan uitsluitend worden toegepast in het bodembeheergebied
  waarvan deze afkomstig is" (art 52 lid 2; lid 3 the same when it exceeds the quality of the
  receiving soil). Interpretation: soil or dredgings rely on such values when the content of a
  substance is above the generic bound (Industrie on land; the intervention value, the upper
  bound of klasse B, for dredgings) and at or below its raised local value. The check then
  meets the local values with the restriction ``origin_only``.
* In water, a local value above the Industrie value for soil applied in water
  (``industrie_grond_in_water``) can serve dredgings only; the check notes it
  (``soil_in_water_bound``), since the verdict does not say whether soil or dredgings are
  applied.

Out of scope: the foreign-matter percentage (no measurement of it in a lab file), and whether
soil comes from the area of application (the user knows; the restriction says it).
"""

from __future__ import annotations

import math
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from dataclasses import field as dataclass_field
from typing import Any, Final

import polars as pl

from kwalibo.assessments.domain.catalogue import Catalogue, catalogue
from kwalibo.assessments.domain.classification import exceeds
from kwalibo.assessments.domain.identification import (
    MASS_UNITS,
    unit_key,
)
from kwalibo.assessments.domain.rules import FRAMES, RuleSet, choose, load_rule_set
from kwalibo.common.domain.errors import N_, DomainError

ART_LAND: Final = (
    "Bbk art 44 lid 1, art 52 lid 1; Rbk art 4.2.1 lid 1 onder d, art 4.2.2 lid 1 en 7"
)
ART_WATER: Final = (
    "Bbk art 45 lid 1, art 52 lid 1; Rbk art 4.2.1 lid 2 onder d, art 4.2.2 lid 1 en 7"
)
ART_ZONE_LAND: Final = "Bbk art 44 lid 1, art 52 lid 1; Rbk art 4.2.3 lid 1 en 3"
ART_ZONE_WATER: Final = "Bbk art 45 lid 1, art 52 lid 1; Rbk art 4.2.3 lid 1 en 4"

REASON_MET: Final = N_(
    "The mean contents in standard soil do not exceed the local maximum values of %(title)s."
)
REASON_MET_LOWER_BOUND: Final = N_(
    "The mean contents in standard soil do not exceed the local maximum values of %(title)s "
    "with the results above the measuring range taken at their number (%(lower_bound)s); a "
    "higher content could exceed them, so they are met only as far as those numbers go."
)
REASON_EXCEEDED: Final = N_(
    "The mean contents in standard soil exceed the local maximum values of %(title)s for "
    "%(substances)s: the soil or dredgings may not be applied in this soil-management area."
)
REASON_ZONE_MET: Final = N_(
    "The characteristic values of the soil-quality zone of origin do not exceed the local "
    "maximum values of %(title)s."
)
REASON_ZONE_EXCEEDED: Final = N_(
    "The characteristic values of the soil-quality zone of origin exceed the local maximum "
    "values of %(title)s for %(substances)s: the soil or dredgings may not be applied in this "
    "soil-management area."
)
REASON_NONE_CHECKED: Final = N_(
    "None of the measured substances has a local maximum value in %(title)s."
)
REASON_UNDETERMINED: Final = N_(
    "The mean contents of %(undetermined)s are not known (a measurement that cannot be used): "
    "whether the local maximum values of %(title)s are exceeded cannot be decided."
)
REASON_NOT_SET_ABOVE_INTERVENTION: Final = N_(
    "%(above_intervention)s exceed the intervention value and %(title)s sets no local maximum "
    "value for them: the soil chapter does not apply to this soil or these dredgings, so they "
    "may not be applied in this soil-management area."
)
ART_ABOVE_INTERVENTION: Final = "Bbk art 36 lid 2 onder a"
NOTE_NOT_SET: Final = N_(
    "%(title)s sets no local maximum value for %(not_set)s; for these substances the generic "
    "maximum values continue to apply."
)

ART_ORIGIN_LAND: Final = "Bbk art 44 lid 2, art 52 lid 2 en 3"
ART_ORIGIN_WATER: Final = "Bbk art 45 lid 2, art 52 lid 2 en 3"
RESTRICTION_ORIGIN_ONLY: Final = N_(
    "The contents of %(substances)s are above the generic %(bound)s value and meet local "
    "maximum values set above it: the soil or dredgings may only be applied in the "
    "soil-management area they come from."
)
RESTRICTION_SOIL_IN_WATER: Final = N_(
    "%(title)s sets local maximum values above the Industrie value for soil applied in water for "
    "%(substances)s; such values can be set for dredgings only, so soil (not dredgings) must "
    "still meet the Industrie values for these substances."
)
#: The generic bound above which a local value relies on art 44 lid 2 or 45 lid 2, per frame:
#: (column of the rule set's norm table, its name in messages).
_RAISED_BOUND: Final = {
    "grond": ("industrie", "Industrie"),
    "waterbodem": ("klasse_b", "interventiewaarde (klasse B)"),
}

#: Templates of the errors per row of a table of local maximum values.
ROW_ERRORS: Final = {
    "missing_parameter": N_("The parameter is missing."),
    "unknown_parameter": N_(
        "Unknown parameter %(parameter)s: not a name, CAS number or code in rule set %(rule_set)s."
    ),
    "soil_property": N_(
        "%(parameter)s is a soil property, not a substance with a norm: lutum and organic matter "
        "serve to standardise contents and have no local maximum value."
    ),
    "not_assessed": N_(
        "%(parameter)s has no value in the %(frame)s tables of rule set %(rule_set)s, so the "
        "assessment does not test it on its own and a local maximum value for it cannot be "
        "checked."
    ),
    "duplicate": N_(
        "%(parameter)s is given twice for the whole area; it is also in row %(first_row)s."
    ),
    "duplicate_in_zone": N_(
        "%(parameter)s is given twice for zone %(zone)s; it is also in row %(first_row)s."
    ),
    "missing_value": N_("The value is missing."),
    "not_a_number": N_("The value %(value)s is not a number."),
    "negative_value": N_("The value %(value)s is negative."),
    "missing_unit": N_("The unit is missing; give mg/kg ds or µg/kg ds."),
    "unknown_unit": N_(
        "Unknown unit %(unit)s; give a mass fraction of dry matter such as mg/kg ds or µg/kg ds."
    ),
}
REQUIRED_COLUMNS: Final = ("parameter", "value", "unit")
_NUMBER_RE: Final = re.compile(r"^[+-]?(?:\d+(?:[.,]\d*)?|[.,]\d+)$")


class LocalMaximumValuesError(DomainError):
    """A table of local maximum values that cannot be used; nothing of it was read.

    Attributes:
        errors: Every problem found, by row (empty when the table as a whole is unusable).
    """

    def __init__(self, template: str, *, errors: tuple[RowError, ...] = (), **params: Any) -> None:
        self.errors = errors
        super().__init__(template, **params)


class LocalFrameError(DomainError):
    """A frame other than ``grond`` or ``waterbodem``, or a verdict of the other frame."""


class UnknownZoneError(DomainError):
    """A zone the local maximum values do not have, or a missing zone where they need one."""


class CharacteristicValueError(DomainError):
    """A characteristic value for an unknown substance id, or one that is not a number >= 0."""


@dataclass(frozen=True)
class RowError:
    """One problem in one row of a table of local maximum values.

    Attributes:
        row: The row as the user sees it: the ``row`` column when the table has one, otherwise
            the position among the data rows counted from 1.
        field: The column concerned: ``parameter``, ``value`` or ``unit``.
        code: A key of ``ROW_ERRORS``.
        params: The parameters of the template.
    """

    row: int
    field: str
    code: str
    params: Mapping[str, str] = dataclass_field(default_factory=dict)

    @property
    def template(self) -> str:
        """The English message template, marked for translation."""
        return ROW_ERRORS[self.code]

    @property
    def message(self) -> str:
        """The English message."""
        return self.template % self.params if self.params else self.template


@dataclass(frozen=True)
class LocalMaximumValues:
    """The local maximum values a decision under Bbk art 44 or 45 sets, in standard soil.

    Attributes:
        title: The decision, as it is cited (e.g. "Nota bodembeheer Gemeente X 2024").
        frame: ``grond`` (art 44, land) or ``waterbodem`` (art 45, water).
        rule_set: The rule set whose substance ids ``values`` uses.
        values: Zone -> substance id -> local maximum value in mg/kg ds of standard soil; the
            zone ``None`` is the set for the whole area.
    """

    title: str
    frame: str
    rule_set: str
    values: Mapping[str | None, Mapping[str, float]]

    @property
    def zones(self) -> tuple[str, ...]:
        """The named zones, sorted."""
        return tuple(sorted(zone for zone in self.values if zone is not None))

    def for_zone(self, zone: str | None) -> dict[str, float]:
        """Substance -> local maximum value that applies in ``zone`` (see the module docstring).

        Raises:
            UnknownZoneError: ``zone`` is not one of ``zones``, or it is ``None`` while there is
                no area-wide set.
        """
        area = dict(self.values.get(None, {}))
        name = zone.strip() if zone is not None else ""
        if not name:
            if None not in self.values:
                raise UnknownZoneError(
                    N_("%(title)s sets local maximum values per zone; name the zone: %(zones)s."),
                    title=self.title,
                    zones=", ".join(self.zones),
                )
            return area
        if name not in self.values:
            if not self.zones:
                raise UnknownZoneError(
                    N_(
                        "%(title)s sets one set of local maximum values for the whole area, "
                        "without zones; there is no zone %(zone)s."
                    ),
                    title=self.title,
                    zone=name,
                )
            raise UnknownZoneError(
                N_("%(title)s has no zone %(zone)s; its zones are: %(zones)s."),
                title=self.title,
                zone=name,
                zones=", ".join(self.zones),
            )
        return area | dict(self.values[name])


@dataclass(frozen=True)
class LocalExceedance:
    """A substance whose value exceeds its local maximum value.

    ``standardised`` is the mean standardised content (``local_check``) or the characteristic
    value of the zone of origin (``zone_check``), both in mg/kg ds of standard soil.
    """

    substance: str
    name: str
    standardised: float
    local_maximum: float


@dataclass(frozen=True)
class Restriction:
    """A limit on the use of soil that meets the local maximum values, or on the values.

    Attributes:
        code: ``origin_only`` (art 52 lid 2 and 3) or ``soil_in_water_bound`` (art 45 lid 2).
        reason: English template marked for translation; its parameters are ``params``.
        substances: The substance ids concerned.
        article: The legal source.
        params: ``title``, ``substances`` (names) and ``bound`` for ``reason``.
    """

    code: str
    reason: str
    substances: tuple[str, ...]
    article: str
    params: Mapping[str, str] = dataclass_field(compare=False)


@dataclass(frozen=True)
class LocalCheck:
    """Whether soil or dredgings meet the local maximum values, and why.

    Attributes:
        met: No checked substance exceeds its local maximum value (and none without one
            exceeds the intervention value); ``None`` when that cannot be decided: nothing was
            checked, or a content is not known exactly (a result above the measuring range, a
            measurement that cannot be used).
        exceeded: The substances that do, in the order of the verdict.
        checked: The measured substances that have a local maximum value (including those
            assumed to comply below the reporting limit).
        not_set: The measured substances without a local maximum value.
        zone: The zone whose values were used (``None``: the area-wide set).
        reason: English template marked for translation; its parameters are ``params``.
        note: ``NOTE_NOT_SET`` when ``not_set`` is not empty, else ``None``.
        article: The legal source of the check.
        params: ``title``, ``substances`` (names of ``exceeded``) and ``not_set`` (names of
            ``not_set``), for ``reason`` and ``note``.
        restrictions: What limits the use of soil that meets the values (see the module
            docstring): ``origin_only`` only when ``met``.
    """

    met: bool | None
    exceeded: tuple[LocalExceedance, ...]
    checked: tuple[str, ...]
    not_set: tuple[str, ...]
    zone: str | None
    reason: str
    note: str | None
    article: str
    params: Mapping[str, str] = dataclass_field(compare=False)
    restrictions: tuple[Restriction, ...] = ()

    @property
    def origin_only(self) -> bool:
        """The soil may only be applied in the soil-management area it comes from."""
        return any(item.code == "origin_only" for item in self.restrictions)


def _catalogue(rule_set_id: str | None, frame: str) -> Catalogue:
    if frame not in FRAMES:
        raise LocalFrameError(N_("Unknown frame %(frame)s; use grond or waterbodem."), frame=frame)
    if rule_set_id is None:
        rule_set = choose(rule_set_id=None, sampling_date=None).rule_set
    else:
        rule_set = load_rule_set(rule_set_id)
    return catalogue(rule_set, frame)


def _text(value: object) -> str:
    return "" if value is None else str(value).strip()


def _number(value: object) -> tuple[float | None, str | None]:
    """The number of a cell and the code of what is wrong with it (``None`` for nothing)."""
    if value is None or (isinstance(value, str) and not value.strip()):
        return None, "missing_value"
    if isinstance(value, bool):
        return None, "not_a_number"
    if isinstance(value, int | float):
        number = float(value)
    else:
        text = str(value).strip().replace("\u00a0", "")
        if not _NUMBER_RE.match(text):
            return None, "not_a_number"
        number = float(text.replace(",", "."))
    if not math.isfinite(number):
        return None, "not_a_number"
    if number < 0:
        return None, "negative_value"
    return number, None


def _identified(table: pl.DataFrame, substances: Catalogue) -> pl.DataFrame:
    """Per row the substance as the engine identifies it: ``id``, ``is_soil`` and ``assessed``
    (a value of its own in the frame's table, so the verdicts report it)."""
    found = substances.identify(table.get_column("parameter"), table.get_column("cas"))
    properties = substances.substances.select(
        "sub",
        pl.col("id").cast(pl.Utf8),
        "is_soil",
        (pl.col("has_value") & ~pl.col("is_info")).alias("assessed"),
    )
    return (
        pl.DataFrame({"sub": found})
        .join(properties, on="sub", how="left", maintain_order="left")
        .drop("sub")
    )


def read_local_maximum_values(
    table: pl.DataFrame, *, title: str, frame: str, rule_set_id: str | None = None
) -> LocalMaximumValues:
    """Read a decision's local maximum values from a long table, all or nothing.

    Each parameter is identified as the engine identifies lab parameters (Dutch name in any
    spelling of the alias table, CAS number, Aquo code, SIKB0101 id; ``identification``), and
    each value is converted to mg/kg ds with the engine's units (``MASS_UNITS``).

    Args:
        table: Columns ``parameter``, ``value`` (text as written, decimal comma or point, or a
            number) and ``unit``; optional ``zone`` (empty: the whole area), ``cas`` (a CAS
            number, used before the parameter) and ``row`` (the row number to report; default
            the position among the data rows, from 1).
        title: The decision, as it is cited in reasons.
        frame: ``grond`` (Bbk art 44) or ``waterbodem`` (Bbk art 45).
        rule_set_id: The rule set whose names and ids are used; default the most recent one.

    Raises:
        LocalFrameError: ``frame`` is not ``grond`` or ``waterbodem``.
        UnknownRuleSetError: ``rule_set_id`` is not installed.
        LocalMaximumValuesError: A column is missing, the table is empty, or one or more rows
            are wrong: an unknown parameter, lutum or organic matter, a substance without a
            value of its own in the frame, a missing, non-numeric or negative value, a missing
            or unknown unit, a substance twice for one zone. ``errors`` holds every problem.
    """
    substances = _catalogue(rule_set_id, frame)
    rule_set = substances.rule_set.id
    if not title.strip():
        raise LocalMaximumValuesError(N_("The local maximum values need a title."))
    missing = [column for column in REQUIRED_COLUMNS if column not in table.columns]
    if missing:
        raise LocalMaximumValuesError(
            N_("The table of local maximum values lacks the columns %(columns)s."),
            columns=", ".join(missing),
        )
    if table.height == 0:
        raise LocalMaximumValuesError(N_("The table holds no local maximum values."))

    def optional(column: str) -> pl.Expr:
        if column in table.columns:
            return pl.col(column).cast(pl.Utf8)
        return pl.lit(None, pl.Utf8).alias(column)

    text = table.select(
        pl.col("parameter").cast(pl.Utf8),
        pl.col("unit").cast(pl.Utf8),
        optional("zone"),
        optional("cas"),
    )
    rows = (
        table.get_column("row").cast(pl.Int64).to_list()
        if "row" in table.columns
        else list(range(1, table.height + 1))
    )
    identified = _identified(text, substances)
    errors: list[RowError] = []
    values: dict[str | None, dict[str, float]] = {}
    first_rows: dict[tuple[str | None, str], int] = {}
    for row, written, found, value in zip(
        rows,
        text.iter_rows(named=True),
        identified.iter_rows(named=True),
        table.get_column("value").to_list(),
        strict=True,
    ):
        parameter = _text(written["parameter"]) or _text(written["cas"])
        zone = _text(written["zone"]) or None
        substance: str | None = found["id"]
        if not parameter:
            errors.append(RowError(row, "parameter", "missing_parameter"))
            substance = None
        elif substance is None:
            errors.append(
                RowError(
                    row,
                    "parameter",
                    "unknown_parameter",
                    {"parameter": parameter, "rule_set": rule_set},
                )
            )
        elif found["is_soil"]:
            errors.append(RowError(row, "parameter", "soil_property", {"parameter": parameter}))
            continue  # the whole row is out of place; its value and unit say nothing more
        elif not found["assessed"]:
            errors.append(
                RowError(
                    row,
                    "parameter",
                    "not_assessed",
                    {"parameter": parameter, "frame": frame, "rule_set": rule_set},
                )
            )
            substance = None
        elif (zone, substance) in first_rows:
            code, params = "duplicate", {"parameter": parameter}
            if zone is not None:
                code, params = "duplicate_in_zone", params | {"zone": zone}
            first = str(first_rows[(zone, substance)])
            errors.append(RowError(row, "parameter", code, params | {"first_row": first}))
            substance = None
        else:
            first_rows[(zone, substance)] = row
        number, problem = _number(value)
        if problem is not None:
            errors.append(RowError(row, "value", problem, {"value": _text(value)}))
        unit = _text(written["unit"])
        factor = MASS_UNITS.get(unit_key(unit)) if unit else None
        if not unit:
            errors.append(RowError(row, "unit", "missing_unit"))
        elif factor is None:
            errors.append(RowError(row, "unit", "unknown_unit", {"unit": unit}))
        if substance is not None and number is not None and factor is not None:
            values.setdefault(zone, {})[substance] = number * factor
    if errors:
        raise LocalMaximumValuesError(
            N_("The local maximum values were not read; errors in the table: %(count)s."),
            errors=tuple(errors),
            count=len(errors),
        )
    return LocalMaximumValues(title=title.strip(), frame=frame, rule_set=rule_set, values=values)


def _result(
    compared: Sequence[tuple[str, str, float | None, bool, bool]],
    maxima: LocalMaximumValues,
    zone: str | None,
    *,
    zones: bool,
    undetermined: Sequence[str] = (),
    above_intervention: Sequence[tuple[str, str]] = (),
    material: str | None = None,
) -> LocalCheck:
    """Compare (substance, name, value in standard soil, assumed to comply, a lower bound)
    with the maxima.

    ``undetermined``: substances measured but not usable (ids); ``above_intervention``:
    (id, name) of those above the intervention value; ``material``: in water, ``grond`` holds
    soil to the Industrie value for soil in water where a local value is higher (Bbk art 45
    lid 2).
    """
    limits = dict(maxima.for_zone(zone))
    rules = load_rule_set(maxima.rule_set)
    capped: list[str] = []
    if maxima.frame == "waterbodem" and material == "grond":
        soil_bounds = _norm_values(rules, "waterbodem", "industrie")
        for substance, limit in list(limits.items()):
            if (bound := soil_bounds.get(substance)) is not None and limit > bound:
                limits[substance] = bound
                capped.append(substance)
    bound_column, bound_name = _RAISED_BOUND[maxima.frame]
    bounds = _norm_values(rules, maxima.frame, bound_column)
    checked: list[str] = []
    not_set: list[str] = []
    not_set_names: list[str] = []
    exceeded: list[LocalExceedance] = []
    relied_on: list[tuple[str, str]] = []
    bounded: list[str] = []  # checked and not exceeded, but only a lower bound
    for substance, name, value, compliant, lower_bound in compared:
        if value is None:
            continue  # not computable; the assessment reports why
        if substance not in limits:
            not_set.append(substance)
            not_set_names.append(name)
            continue
        checked.append(substance)
        if compliant:
            continue  # every result below the required reporting limit (Bijlage G IV A)
        if exceeds(value, limits[substance], lower_bound=lower_bound):
            exceeded.append(LocalExceedance(substance, name, float(value), limits[substance]))
            continue
        if lower_bound:
            bounded.append(name)
        if (bound := bounds.get(substance)) is not None and exceeds(
            value, bound, lower_bound=lower_bound
        ):
            relied_on.append((substance, name))
    unknown = [s for s in undetermined if s in limits]
    not_applicable = [(s, name) for s, name in above_intervention if s not in limits]
    restrictions = []
    if relied_on and not exceeded and not not_applicable:
        restrictions.append(
            Restriction(
                code="origin_only",
                reason=RESTRICTION_ORIGIN_ONLY,
                substances=tuple(substance for substance, _ in relied_on),
                article=ART_ORIGIN_LAND if maxima.frame == "grond" else ART_ORIGIN_WATER,
                params={
                    "title": maxima.title,
                    "substances": ", ".join(name for _, name in relied_on),
                    "bound": bound_name,
                },
            )
        )
    if maxima.frame == "waterbodem" and material is None:
        soil_bounds = _norm_values(rules, "waterbodem", "industrie")
        names = rules.substance_names()
        above = sorted(
            substance
            for substance, limit in limits.items()
            if (bound := soil_bounds.get(substance)) is not None and limit > bound
        )
        if above:
            restrictions.append(
                Restriction(
                    code="soil_in_water_bound",
                    reason=RESTRICTION_SOIL_IN_WATER,
                    substances=tuple(above),
                    article="Bbk art 45 lid 2",
                    params={
                        "title": maxima.title,
                        "substances": ", ".join(names.get(item, item) for item in above),
                        "bound": "Industrie",
                    },
                )
            )
    met: bool | None
    if exceeded:
        met, reason = False, REASON_ZONE_EXCEEDED if zones else REASON_EXCEEDED
    elif not_applicable:
        met, reason = False, REASON_NOT_SET_ABOVE_INTERVENTION
    elif unknown:
        met, reason = None, REASON_UNDETERMINED
    elif bounded and not zones:
        met, reason = None, REASON_MET_LOWER_BOUND
    elif checked:
        met, reason = True, REASON_ZONE_MET if zones else REASON_MET
    else:
        met, reason = None, REASON_NONE_CHECKED
    if zones:
        article = ART_ZONE_LAND if maxima.frame == "grond" else ART_ZONE_WATER
    else:
        article = ART_LAND if maxima.frame == "grond" else ART_WATER
    if capped:
        article += "; Bbk art 45 lid 2"
    if not exceeded and not_applicable:
        article = f"{ART_ABOVE_INTERVENTION}; {article}"
    names = rules.substance_names() if unknown else {}
    used = zone.strip() if zone is not None and zone.strip() else None
    return LocalCheck(
        met=met,
        exceeded=tuple(exceeded),
        checked=tuple(checked),
        not_set=tuple(not_set),
        zone=used,
        reason=reason,
        note=NOTE_NOT_SET if not_set else None,
        article=article,
        params={
            "title": maxima.title,
            "substances": ", ".join(item.name for item in exceeded),
            "not_set": ", ".join(not_set_names),
            "lower_bound": ", ".join(bounded),
            "undetermined": ", ".join(names.get(s, s) for s in unknown),
            "above_intervention": ", ".join(name for _, name in not_applicable),
        },
        restrictions=tuple(restrictions),
    )


def _norm_values(rules: RuleSet, frame: str, column: str) -> dict[str, float]:
    """Substance id -> the value of one column of the frame's norm table (set values only)."""
    table = rules.norms[frame].select(pl.col("substance").cast(pl.Utf8), column).drop_nulls()
    return dict(zip(table["substance"].to_list(), table[column].to_list(), strict=True))


def local_check(
    verdict: dict[str, Any],
    maxima: LocalMaximumValues,
    *,
    zone: str | None = None,
    material: str | None = None,
) -> LocalCheck:
    """Check one verdict of ``assess`` against the local maximum values (Rbk art 4.2.2 lid 1).

    Args:
        verdict: An element of ``Assessment.verdicts``; for a batch the verdict of
            ``assess(..., as_batch=True)``, whose explanation gives the mean standardised
            content per substance over the samples.
        maxima: The local maximum values of the soil-management area of the application.
        zone: The zone of the area where the soil is applied (``None``: the area-wide set).
        material: In water, ``grond`` or ``baggerspecie`` when known: soil is held to the
            Industrie value for soil in water where a local value is higher (Bbk art 45 lid 2);
            unknown, the check notes it (``soil_in_water_bound``).

    Raises:
        LocalFrameError: The verdict is of the other frame than ``maxima``.
        UnknownZoneError: See ``LocalMaximumValues.for_zone``.
    """
    if verdict["frame"] != maxima.frame:
        raise LocalFrameError(
            N_(
                "The verdict is for the frame %(frame)s, the local maximum values of %(title)s "
                "for %(maxima_frame)s."
            ),
            frame=verdict["frame"],
            title=maxima.title,
            maxima_frame=maxima.frame,
        )
    compared = [
        (
            str(parameter["parameter"]),
            str(parameter["name"]),
            parameter.get("standardised"),
            bool(parameter.get("compliance_assumed")),
            bool(parameter.get("lower_bound")),
        )
        for parameter in verdict["explanation"]["parameters"]
    ]
    above_intervention = [
        (str(parameter["parameter"]), str(parameter["name"]))
        for parameter in verdict["explanation"]["parameters"]
        if parameter.get("exceeds_intervention")
    ]
    return _result(
        compared,
        maxima,
        zone,
        zones=False,
        undetermined=verdict.get("undetermined_parameters", ()),
        above_intervention=above_intervention,
        material=material,
    )


def zone_check(
    characteristic_values: Mapping[str, float], maxima: LocalMaximumValues, *, zone: str | None
) -> LocalCheck:
    """Check the characteristic values of the zone of origin (Rbk art 4.2.3 lid 3 and 4).

    Args:
        characteristic_values: Substance id (of ``maxima.rule_set``) -> the *kengetal* of the
            soil-quality zone the soil or dredgings come from, in mg/kg ds of standard soil.
        maxima: The local maximum values of the soil-management area of the application.
        zone: The zone of that area where the soil is applied (``None``: the area-wide set).

    Raises:
        CharacteristicValueError: A key is not a substance id of the rule set, or a value is
            negative or not finite.
        UnknownZoneError: See ``LocalMaximumValues.for_zone``.
    """
    names = load_rule_set(maxima.rule_set).substance_names()
    unknown = sorted(str(key) for key in characteristic_values if key not in names)
    if unknown:
        raise CharacteristicValueError(
            N_("Unknown substance ids %(ids)s: not in rule set %(rule_set)s."),
            ids=", ".join(unknown),
            rule_set=maxima.rule_set,
        )
    invalid = sorted(
        substance
        for substance, value in characteristic_values.items()
        if not (math.isfinite(value) and value >= 0)
    )
    if invalid:
        raise CharacteristicValueError(
            N_("The characteristic values of %(ids)s are not numbers of at least 0."),
            ids=", ".join(invalid),
        )
    compared = [
        (substance, names[substance], float(value), False, False)
        for substance, value in characteristic_values.items()
    ]
    return _result(compared, maxima, zone, zones=True)


__all__ = [
    "CharacteristicValueError",
    "LocalCheck",
    "LocalExceedance",
    "LocalFrameError",
    "LocalMaximumValues",
    "LocalMaximumValuesError",
    "Restriction",
    "RowError",
    "UnknownZoneError",
    "local_check",
    "read_local_maximum_values",
    "zone_check",
]
