"""The framework for large-scale applications (grootschalige toepassingen), Bbk 2015 art 62-64.

A large-scale application of soil or dredgings (a layer of at least 2 m and at least 5,000 m³;
for the construction of roads and railways 0.5 m under a continuous layer of building
materials) need not meet the generic or area-specific framework (Bbk art 63 lid 1 and 5),
provided that

* its quality meets the maximum emission values (lid 1 a i): measured in a column test
  (Rbk art 4.2.2 lid 6, art 4.3.3 lid 2) or, as a shortcut on contents, the emission test
  values (Rbk art 4.12.1; ``emission``);
* on land it meets the Industrie values (lid 1 a ii; also the berms and slopes of lid 6), in
  surface water the Industrie values and the intervention values (lid 1 a iii);
* dredgings hold at most 2,000 mg/kg ds mineral oil (Rbk Bijlage B tabel 1 voetnoot 13); read
  as taking the place of the Industrie value for mineral oil (500), which it would otherwise
  never exceed;
* a top layer (leeflaag) of at least 0.5 m or a layer of building materials covers it (lid 1
  b, lid 3); along roads and railways a continuous layer of building materials (lid 5 b). The
  top layer itself must meet the generic or area-specific framework (lid 4).

``large_scale_check`` gives each condition as met, not met or undecided (``None``: the
application details or measurements needed are not given, or only a column test can tell),
each with its reason and article. The numbers are data of the rule set (``large_scale`` in
its manifest). Art 62 (not in the territorial sea) is left to the applicant.
"""

from __future__ import annotations

import functools
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any, Final, Literal

import polars as pl

from kwalibo.assessments.domain.catalogue import catalogue
from kwalibo.assessments.domain.classification import exceeds
from kwalibo.assessments.domain.emission import (
    EmissionExceedance,
    EmissionScreening,
    emission_screening,
)
from kwalibo.assessments.domain.identification import (
    MASS_UNITS,
    unit_key_expr,
)
from kwalibo.assessments.domain.measurements import read_values
from kwalibo.assessments.domain.rules import RuleSet, load_rule_set
from kwalibo.common.domain.errors import N_, DomainError, Messages

MATERIALS: Final = ("grond", "baggerspecie")
COVERS: Final = ("leeflaag", "bouwstoffen", "bouwstoffen_aaneengesloten")
MINERAL_OIL: Final = "minerale_olie"

Cover = Literal["leeflaag", "bouwstoffen", "bouwstoffen_aaneengesloten"]

# --- reasons (English templates, translated where shown) ---------------------------------
SCOPE_UNKNOWN: Final = N_(
    "The layer thickness and volume of the application are not given, so it is not known "
    "whether the framework for large-scale applications applies."
)
SCOPE_MET: Final = N_(
    "A layer of %(thickness)s m and %(volume)s m³: a large-scale application (at least "
    "%(min_thickness)s m and %(min_volume)s m³)."
)
SCOPE_INFRASTRUCTURE: Final = N_(
    "A layer of %(thickness)s m and %(volume)s m³ for a road or railway under a continuous "
    "layer of building materials: a large-scale application (at least %(min_thickness)s m "
    "and %(min_volume)s m³). Berms and slopes up to 10 m from the pavement must meet the "
    "Industrie values."
)
SCOPE_NOT_MET: Final = N_(
    "A layer of %(thickness)s m and %(volume)s m³ is not a large-scale application (at least "
    "%(min_thickness)s m and %(min_volume)s m³): the generic or area-specific framework "
    "applies."
)
EMISSION_MEASURED_MET: Final = N_(
    "The emissions measured in the column test do not exceed the maximum emission values "
    "(%(checked)s)."
)
EMISSION_MEASURED_EXCEEDED: Final = N_(
    "The emissions measured in the column test exceed the maximum emission values for "
    "%(substances)s."
)
EMISSION_MEASURED_MISSING: Final = N_(
    "The mean contents exceed the emission test values for %(substances)s, which the column "
    "test does not measure: for them the maximum emission values are not shown to be met."
)
EMISSION_MEASURED_UNKNOWN: Final = N_(
    "The mean contents of %(substances)s are not known exactly and the column test does not "
    "measure them: for them the maximum emission values are not shown to be met."
)
EMISSION_DEEMED_MET: Final = N_(
    "The mean contents do not exceed the emission test values, so the maximum emission values "
    "count as met (Rbk art 4.12.1 lid 2 and 3): the exceedance the column test shows for "
    "%(substances)s does not change that."
)
EMISSION_MEASURED_NONE: Final = N_(
    "The column test gives no substance with a maximum emission value."
)
EMISSION_UNDECIDED: Final = N_(
    "The mean contents exceed the emission test values for %(substances)s: only a column test "
    "(NEN 7373 or NEN 7383) can show that the maximum emission values are met."
)
QUALITY_LAND_MET: Final = N_("The batch does not exceed the Industrie values.")
QUALITY_LAND_EXCEEDED: Final = N_(
    "The batch exceeds the Industrie values or the intervention values for %(substances)s."
)
QUALITY_WATER_MET: Final = N_(
    "The batch exceeds neither the Industrie values nor the intervention values of the water bed."
)
QUALITY_WATER_EXCEEDED: Final = N_(
    "The batch exceeds the Industrie values or the intervention values of the water bed for "
    "%(substances)s."
)
QUALITY_UNKNOWN: Final = N_(
    "No parameter of the batch could be assessed (see the messages of its verdict), so the "
    "Industrie and intervention values cannot be tested."
)
MINERAL_OIL_MET: Final = N_(
    "Mineral oil %(value)s mg/kg ds in standard soil does not exceed %(limit)s mg/kg ds."
)
MINERAL_OIL_EXCEEDED: Final = N_(
    "Mineral oil %(value)s mg/kg ds in standard soil exceeds %(limit)s mg/kg ds, the maximum "
    "for dredgings in a large-scale application."
)
QUALITY_UNDETERMINED: Final = N_(
    "The contents of %(substances)s are not known exactly (above the measuring range, or "
    "measured but not usable; see the messages of the verdict): whether the batch exceeds the "
    "Industrie or intervention values cannot be decided."
)
MINERAL_OIL_LOWER_BOUND: Final = N_(
    "Mineral oil is above %(value)s mg/kg ds in standard soil (above the measuring range): "
    "whether it exceeds %(limit)s mg/kg ds, the maximum for dredgings in a large-scale "
    "application, cannot be decided."
)
MINERAL_OIL_UNDETERMINED: Final = N_(
    "Mineral oil was measured, but its content cannot be used (see the messages of the "
    "verdict); dredgings in a large-scale application may hold at most %(limit)s mg/kg ds."
)
MINERAL_OIL_NOT_MEASURED: Final = N_(
    "Mineral oil was not measured; dredgings in a large-scale application may hold at most "
    "%(limit)s mg/kg ds."
)
COVER_UNKNOWN: Final = N_(
    "The cover is not given: a top layer of at least %(min_cover)s m or a layer of building "
    "materials must be applied on the batch."
)
COVER_TOP_LAYER_MET: Final = N_(
    "A top layer of %(cover_thickness)s m (at least %(min_cover)s m); the top layer itself "
    "must meet the generic or area-specific framework."
)
COVER_TOP_LAYER_THIN: Final = N_(
    "A top layer of %(cover_thickness)s m is thinner than the required %(min_cover)s m."
)
COVER_TOP_LAYER_THICKNESS_UNKNOWN: Final = N_(
    "The thickness of the top layer is not given; it must be at least %(min_cover)s m."
)
COVER_BUILDING_MATERIALS: Final = N_("A layer of building materials covers the batch.")
SCOPE_INFRASTRUCTURE_NOT_CONTINUOUS: Final = N_(
    "A layer of %(thickness)s m for a road or railway is a large-scale application only under "
    "a continuous layer of building materials (at least %(min_thickness)s m then, else "
    "%(min_thickness_general)s m): the generic or area-specific framework applies."
)
SCOPE_INFRASTRUCTURE_COVER_UNKNOWN: Final = N_(
    "A layer of %(thickness)s m for a road or railway is a large-scale application only under "
    "a continuous layer of building materials; the cover is not given."
)

MET: Final = N_("The batch meets the conditions for a large-scale application.")
NOT_MET: Final = N_("The batch does not meet the conditions for a large-scale application.")
UNDECIDED: Final = N_(
    "Whether the batch meets the conditions for a large-scale application cannot yet be "
    "decided; see the conditions without a verdict."
)


class LargeScaleError(DomainError):
    """The application details are impossible (negative thickness, unknown material)."""


@dataclass(frozen=True)
class LargeScaleApplication:
    """What the applicant states about the application.

    Attributes:
        material: ``grond`` or ``baggerspecie``.
        thickness_m: Thickness of the layer of soil or dredgings.
        volume_m3: Volume of the application.
        infrastructure: Construction or alteration of a national, provincial or municipal
            road or a railway (Bbk art 63 lid 5 a).
        cover: ``leeflaag`` (top layer), ``bouwstoffen`` (a layer of building materials) or
            ``bouwstoffen_aaneengesloten`` (a continuous layer of building materials).
        cover_thickness_m: Thickness of the top layer.
        below_water_level_same_manager: In water: below the water level within the area of
            the water manager the dredgings come from (Rbk art 4.12.1 lid 3 b).
        column_test: Measured emissions per substance id, mg/kg at L/S 10.
    """

    material: str = "grond"
    thickness_m: float | None = None
    volume_m3: float | None = None
    infrastructure: bool = False
    cover: Cover | None = None
    cover_thickness_m: float | None = None
    below_water_level_same_manager: bool = False
    column_test: Mapping[str, float] | None = field(default=None)

    @property
    def below_water_level_exception(self) -> bool:
        """Whether the emission values need not be met: dredgings applied below the water level
        within the area of the water manager they come from (Rbk art 4.12.1 lid 3 b); soil
        never."""
        return self.below_water_level_same_manager and self.material == "baggerspecie"

    def __post_init__(self) -> None:
        if self.material not in MATERIALS:
            raise LargeScaleError(
                N_("Unknown material %(material)s; use grond or baggerspecie."),
                material=self.material,
            )
        if self.cover is not None and self.cover not in COVERS:
            raise LargeScaleError(
                N_(
                    "Unknown cover %(cover)s; use leeflaag, bouwstoffen or "
                    "bouwstoffen_aaneengesloten."
                ),
                cover=str(self.cover),
            )
        for name in ("thickness_m", "volume_m3", "cover_thickness_m"):
            value = getattr(self, name)
            if value is not None and not value >= 0:
                raise LargeScaleError(
                    N_("%(field)s must be zero or more, not %(value)s."), field=name, value=value
                )
        for substance, value in (self.column_test or {}).items():
            if not value >= 0:
                raise LargeScaleError(
                    N_("The measured emission of %(substance)s must be zero or more."),
                    substance=substance,
                )


@dataclass(frozen=True)
class Condition:
    """One condition of the framework: ``met`` is ``None`` when it cannot yet be decided.

    ``reason`` is an English template marked for translation, filled with ``params``.
    """

    code: str
    met: bool | None
    reason: str
    params: dict[str, str]
    article: str
    exceeded: tuple[dict[str, Any], ...] = ()


@dataclass(frozen=True)
class LargeScaleCheck:
    """The verdict on a large-scale application: all conditions met, one not met, or
    undecided."""

    met: bool | None
    conditions: tuple[Condition, ...]

    @property
    def reason(self) -> str:
        return MET if self.met else NOT_MET if self.met is False else UNDECIDED


def _number(value: float) -> str:
    return f"{value:g}"


@functools.cache
def _max_emissions(rule_set_id: str, frame: str) -> dict[str, float]:
    """Substance -> maximum emission value (mg/kg at L/S 10) of the frame's table."""
    norms = load_rule_set(rule_set_id).norms[frame]
    return {
        str(substance): float(value)
        for substance, value in norms.filter(pl.col("max_emissie_ls10").is_not_null())
        .select("substance", "max_emissie_ls10")
        .iter_rows()
    }


def _scope(rules: RuleSet, frame: str, application: LargeScaleApplication) -> Condition:
    numbers = rules.large_scale
    article = rules.article("large_scale_scope")
    thickness, volume = application.thickness_m, application.volume_m3
    if thickness is None or volume is None:
        return Condition("scope", None, SCOPE_UNKNOWN, {}, article)
    # Bbk art 63 lid 5: the applications of art 35 onder a (building and road works, roads,
    # railways), on land or in water alike
    infrastructure = application.infrastructure
    minimum = numbers["infrastructure_min_thickness_m" if infrastructure else "min_thickness_m"]
    params = {
        "thickness": _number(thickness),
        "volume": _number(volume),
        "min_thickness": _number(minimum),
        "min_volume": _number(numbers["min_volume_m3"]),
    }
    if thickness >= minimum and volume >= numbers["min_volume_m3"]:
        if infrastructure and thickness < numbers["min_thickness_m"]:
            # lid 5 b: the continuous layer is a condition of the thinner layer itself
            params["min_thickness_general"] = _number(numbers["min_thickness_m"])
            if application.cover is None:
                return Condition("scope", None, SCOPE_INFRASTRUCTURE_COVER_UNKNOWN, params, article)
            if application.cover != "bouwstoffen_aaneengesloten":
                return Condition(
                    "scope", False, SCOPE_INFRASTRUCTURE_NOT_CONTINUOUS, params, article
                )
            return Condition("scope", True, SCOPE_INFRASTRUCTURE, params, article)
        return Condition("scope", True, SCOPE_MET, params, article)
    return Condition("scope", False, SCOPE_NOT_MET, params, article)


def _emission(
    rules: RuleSet, verdict: dict[str, Any], application: LargeScaleApplication
) -> Condition:
    """Rbk art 4.12.1: the maximum emission values count as met when the mean contents do not
    exceed the emission test values (lid 2; in water also below the water level in the same
    manager's area, lid 3 b), whatever a column test shows; else a column test must show it
    for every substance whose content exceeds its test value or is not known exactly."""
    frame = verdict["frame"]
    screening = emission_screening(
        verdict, below_water_level_same_manager=application.below_water_level_exception
    )
    if screening.met:
        if application.column_test is not None and screening.checked:
            measured = _measured_emission(rules, frame, application.column_test, screening)
            if measured.met is False:
                return Condition(
                    "emission", True, EMISSION_DEEMED_MET, measured.params, screening.article
                )
        return Condition("emission", True, screening.reason, screening.params, screening.article)
    if application.column_test is not None:
        return _measured_emission(rules, frame, application.column_test, screening)
    exceeded = tuple(_screened(item) for item in screening.exceeded)
    if screening.met is None:
        return Condition("emission", None, screening.reason, screening.params, screening.article)
    return Condition(
        "emission", None, EMISSION_UNDECIDED, screening.params, screening.article, exceeded
    )


def _screened(item: EmissionExceedance) -> dict[str, Any]:
    """A content above its emission test value, as a condition lists it."""
    return {
        "substance": item.substance,
        "name": item.name,
        "standardised": item.standardised,
        "emission_test_value": item.emission_test_value,
        "max_emission_ls10": item.max_emission_ls10,
    }


def _measured_emission(
    rules: RuleSet, frame: str, column_test: Mapping[str, float], screening: EmissionScreening
) -> Condition:
    """The emission condition by a column test: not met when a measured emission exceeds its
    maximum; undecided for a content above its test value that the test leaves out, or when
    the test measures no substance with a maximum emission value."""
    article = rules.article("large_scale_emission_measured")
    limits = _max_emissions(rules.id, frame)
    names = rules.substance_names()
    checked = [s for s in column_test if s in limits]
    exceeded = tuple(
        {
            "substance": s,
            "name": names.get(s, s),
            "emission_ls10": float(column_test[s]),
            "max_emission_ls10": limits[s],
        }
        for s in checked
        if exceeds(column_test[s], limits[s])
    )
    if exceeded:
        params = {"substances": ", ".join(str(item["name"]) for item in exceeded)}
        return Condition("emission", False, EMISSION_MEASURED_EXCEEDED, params, article, exceeded)
    missing = tuple(
        _screened(item) for item in screening.exceeded if item.substance not in column_test
    )
    if missing:
        params = {"substances": ", ".join(str(item["name"]) for item in missing)}
        return Condition("emission", None, EMISSION_MEASURED_MISSING, params, article, missing)
    unknown = [
        name
        for substance, name in zip(
            screening.undetermined, screening.undetermined_names, strict=True
        )
        if substance not in column_test
    ]
    if unknown:
        params = {"substances": ", ".join(unknown)}
        return Condition("emission", None, EMISSION_MEASURED_UNKNOWN, params, article)
    if not checked:
        return Condition("emission", None, EMISSION_MEASURED_NONE, {}, article)
    params = {"checked": ", ".join(names.get(s, s) for s in checked)}
    return Condition("emission", True, EMISSION_MEASURED_MET, params, article)


#: Per frame: the limits of the quality condition in the verdict's explanation.
_QUALITY_LIMITS: Final = {
    "grond": ("industrie", "interventiewaarde"),
    "waterbodem": ("industrie_grond_in_water", "klasse_B"),
}


def _quality(rules: RuleSet, verdict: dict[str, Any], material: str) -> Condition:
    """Industrie (and intervention) values per parameter, on the mean standardised content.

    For dredgings the mineral-oil limit of voetnoot 13 takes the place of the Industrie value
    (500 mg/kg ds); the intervention value still applies. A content not known exactly (above
    the measuring range, or measured but unusable) leaves the condition open unless another
    content already fails it, whatever the class: dredgings with mineral oil ">1000" are
    niet_toepasbaar, but may meet this condition.
    """
    frame = verdict["frame"]
    article = rules.article(f"large_scale_quality_{frame}")
    industrie, intervention = _QUALITY_LIMITS[frame]
    exceeded = []
    tested = 0
    unknown: list[str] = []
    for parameter in verdict["explanation"]["parameters"]:
        value = parameter.get("standardised")
        if value is None:
            continue
        tested += 1
        if parameter.get("compliance_assumed"):
            continue
        limits = parameter["limits"]
        labels: tuple[str, ...] = (intervention,)
        if not (material == "baggerspecie" and parameter["parameter"] == MINERAL_OIL):
            labels = (industrie, intervention)
        bounded = bool(parameter.get("lower_bound"))
        over = any(
            (limit := limits.get(label)) is not None and exceeds(value, limit, lower_bound=bounded)
            for label in labels
        )
        if over or parameter.get("exceeds_intervention"):
            exceeded.append(
                {
                    "substance": parameter["parameter"],
                    "name": parameter["name"],
                    "standardised": float(value),
                    "industrie": limits.get(industrie),
                    "interventiewaarde": limits.get(intervention),
                }
            )
        elif bounded and any(limits.get(label) is not None for label in labels):
            unknown.append(parameter["name"])
    if exceeded:
        params = {"substances": ", ".join(item["name"] for item in exceeded)}
        reason = QUALITY_LAND_EXCEEDED if frame == "grond" else QUALITY_WATER_EXCEEDED
        return Condition("quality", False, reason, params, article, tuple(exceeded))
    undetermined = verdict.get("undetermined_parameters", ())
    if undetermined:
        names = rules.substance_names()
        unknown += [names.get(substance, substance) for substance in undetermined]
    if unknown:
        params = {"substances": ", ".join(unknown)}
        return Condition("quality", None, QUALITY_UNDETERMINED, params, article)
    if not tested:
        return Condition("quality", None, QUALITY_UNKNOWN, {}, article)
    reason = QUALITY_LAND_MET if frame == "grond" else QUALITY_WATER_MET
    return Condition("quality", True, reason, {}, article)


def _mineral_oil(rules: RuleSet, verdict: dict[str, Any]) -> Condition:
    limit = rules.large_scale["dredgings_mineral_oil_max"]
    article = rules.article("large_scale_mineral_oil")
    params = {"limit": _number(limit)}
    for parameter in verdict["explanation"]["parameters"]:
        if parameter["parameter"] != MINERAL_OIL or parameter.get("standardised") is None:
            continue
        value = float(parameter["standardised"])
        params["value"] = _number(round(value, 3))
        if parameter.get("compliance_assumed"):
            return Condition("mineral_oil", True, MINERAL_OIL_MET, params, article)
        bounded = bool(parameter.get("lower_bound"))
        if exceeds(value, limit, lower_bound=bounded):
            return Condition("mineral_oil", False, MINERAL_OIL_EXCEEDED, params, article)
        if bounded:
            return Condition("mineral_oil", None, MINERAL_OIL_LOWER_BOUND, params, article)
        return Condition("mineral_oil", True, MINERAL_OIL_MET, params, article)
    if MINERAL_OIL in verdict.get("undetermined_parameters", ()):
        return Condition("mineral_oil", None, MINERAL_OIL_UNDETERMINED, params, article)
    return Condition("mineral_oil", None, MINERAL_OIL_NOT_MEASURED, params, article)


def _cover(rules: RuleSet, scope: Condition, application: LargeScaleApplication) -> Condition:
    numbers = rules.large_scale
    article = rules.article("large_scale_cover")
    params = {
        "min_cover": _number(numbers["min_cover_thickness_m"]),
        "min_thickness": _number(numbers["min_thickness_m"]),
    }
    cover = application.cover
    if cover is None:
        return Condition("cover", None, COVER_UNKNOWN, params, article)
    if cover == "leeflaag":
        if application.cover_thickness_m is None:
            return Condition("cover", None, COVER_TOP_LAYER_THICKNESS_UNKNOWN, params, article)
        params["cover_thickness"] = _number(application.cover_thickness_m)
        if application.cover_thickness_m < numbers["min_cover_thickness_m"]:
            return Condition("cover", False, COVER_TOP_LAYER_THIN, params, article)
        return Condition("cover", True, COVER_TOP_LAYER_MET, params, article)
    return Condition("cover", True, COVER_BUILDING_MATERIALS, params, article)


def large_scale_check(
    verdict: dict[str, Any], application: LargeScaleApplication
) -> LargeScaleCheck:
    """Check one verdict of ``assess`` (a sample or the batch) against Bbk art 63.

    Args:
        verdict: An element of ``Assessment.verdicts``; ``grond`` for an application on
            land, ``waterbodem`` for one in surface water.
        application: What the applicant states about the application.

    Raises:
        LargeScaleError: The rule set has no framework for large-scale applications.
    """
    rules = load_rule_set(verdict["rule_set"])
    if not rules.large_scale:
        raise LargeScaleError(
            N_("Rule set %(rule_set)s has no framework for large-scale applications."),
            rule_set=rules.id,
        )
    scope = _scope(rules, verdict["frame"], application)
    conditions = [
        scope,
        _emission(rules, verdict, application),
        _quality(rules, verdict, application.material),
    ]
    if application.material == "baggerspecie":
        conditions.append(_mineral_oil(rules, verdict))
    conditions.append(_cover(rules, scope, application))
    verdicts = [condition.met for condition in conditions]
    met = False if False in verdicts else None if None in verdicts else True
    return LargeScaleCheck(met, tuple(conditions))


#: Factor applied to an emission reported below the limit of quantification ("<0.05"), as
#: Rbk Bijlage G IV A does for contents.
BELOW_LIMIT_FACTOR: Final = 0.7
_ERRORS_SHOWN: Final = 10


@dataclass(frozen=True)
class _Label:
    """A word of a message, translated where the message is (``kwalibo.common.i18n``)."""

    label: str


_ROW_PROBLEM: Final = N_("row %(row)s, %(field)s: %(problem)s")
_FILE_PROBLEM: Final = N_("%(field)s: %(problem)s")
_FIELDS: Final = {
    "parameter": _Label(N_("parameter")),
    "value": _Label(N_("value")),
    "unit": _Label(N_("unit")),
    "file": _Label(N_("file")),
}


class ColumnTestError(DomainError):
    """A column-test file that cannot be used; ``problems`` lists (row, field, message), the
    message a ``DomainError`` to translate."""

    def __init__(self, problems: list[tuple[int | None, str, DomainError]]) -> None:
        self.problems = problems
        lines = Messages(
            DomainError(_ROW_PROBLEM, row=row, field=_FIELDS[field_], problem=problem)
            if row is not None
            else DomainError(_FILE_PROBLEM, field=_FIELDS[field_], problem=problem)
            for row, field_, problem in problems[:_ERRORS_SHOWN]
        )
        more = len(problems) - _ERRORS_SHOWN
        super().__init__(
            N_("The column test cannot be used: %(problems)s%(more)s"),
            problems=lines,
            more=DomainError(N_(" (and %(count)s more)"), count=more) if more > 0 else "",
        )


def column_test_emissions(table: pl.DataFrame, *, rule_set_id: str) -> dict[str, float]:
    """Measured emissions (mg/kg at L/S 10) per substance id from a column-test lab file.

    ``table`` has the columns of a lab file as the readers return them (``row``,
    ``parameter``, ``value_raw``, ``unit``). Units are mg/kg or µg/kg (dry matter, at L/S 10;
    a written "L/S=10" is allowed). A value below the limit of quantification counts as 0.7 ×
    the limit. Where a substance was measured on several subsamples the highest counts: one
    representative subsample above the maximum is an exceedance (Rbk art 4.2.2 lid 6).

    Raises:
        ColumnTestError: Any row names an unknown parameter, has no number, a negative one or
            an unknown unit; nothing is returned then.
    """
    rules = load_rule_set(rule_set_id)
    # Substance codes and aliases are the same in both frames' catalogues.
    substances = catalogue(rules, "grond")
    found = substances.identify(
        table.get_column("parameter"), table.get_column("cas") if "cas" in table.columns else None
    )
    unit = unit_key_expr(pl.col("unit").fill_null("")).str.replace_all(r"\(?l/s=?10\)?", "")
    rows = pl.concat(
        [
            table.select(
                "row",
                pl.col("parameter").cast(pl.Utf8),
                pl.lit(substances.column("id").cast(pl.Utf8)).gather(found).alias("substance"),
                pl.col("value_raw").cast(pl.Utf8),
                unit.replace_strict(MASS_UNITS, default=None, return_dtype=pl.Float64).alias(
                    "factor"
                ),
                pl.col("unit").cast(pl.Utf8),
            ),
            # read as the assessment reads a lab value: "<0,05", "≤ 0.05", "1.250,5", ">50"
            read_values(table.get_column("value_raw")).select(
                "below", "above", "number", "problem"
            ),
        ],
        how="horizontal",
    )
    problems: list[tuple[int | None, str, DomainError]] = []
    for row in rows.iter_rows(named=True):
        if row["substance"] is None:
            problem = DomainError(N_("unknown parameter '%(name)s'"), name=row["parameter"])
            problems.append((row["row"], "parameter", problem))
        elif row["above"]:
            problem = DomainError(
                N_(
                    "%(value)s is above the lab's measuring range: the emission is not known; "
                    "ask the lab for the result after dilution"
                ),
                value=row["value_raw"],
            )
            problems.append((row["row"], "value", problem))
        elif row["problem"] is not None:
            problem = DomainError(N_("not a number of zero or more"))
            problems.append((row["row"], "value", problem))
        elif row["factor"] is None:
            problem = DomainError(
                N_("unit '%(unit)s' is not mg/kg or µg/kg"), unit=row["unit"] or ""
            )
            problems.append((row["row"], "unit", problem))
    if rows.height == 0:
        problems.append((None, "file", DomainError(N_("no measurements"))))
    if problems:
        raise ColumnTestError(problems)
    values = rows.select(
        "substance",
        (
            pl.col("number")
            * pl.col("factor")
            * pl.when(pl.col("below")).then(BELOW_LIMIT_FACTOR).otherwise(1.0)
        ).alias("emission"),
    )
    highest = values.group_by("substance", maintain_order=True).agg(pl.col("emission").max())
    return dict(highest.iter_rows())


__all__ = [
    "COVERS",
    "MATERIALS",
    "ColumnTestError",
    "Condition",
    "LargeScaleApplication",
    "LargeScaleCheck",
    "LargeScaleError",
    "column_test_emissions",
    "large_scale_check",
]
