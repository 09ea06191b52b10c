"""Explained verdicts: per sample the class and, per parameter, how it came about.

Each verdict names the rule set, the class, whether an intervention value was exceeded and
which parameters decided the class; each parameter lists the measured value as written, the
value in mg/kg ds, the reporting-limit rule that applied (Rbk Bijlage G IV A), the value used,
the standardisation (constants, lutum and organic matter before and after the bounds of Bijlage
G III, the factor), the standardised value, every class limit of the frame's table, the
parameter's own class, whether the background-value allowance was used for it, and the rules
with their articles. The builders run only when a caller asks for verdicts (the CLI's CSV
output of a million measurements never builds these dictionaries).
"""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Iterable
from typing import Any, Final

import polars as pl

from kwalibo.assessments.domain.catalogue import Catalogue
from kwalibo.assessments.domain.measurements import Samples
from kwalibo.assessments.domain.rules import RuleSet
from kwalibo.assessments.domain.standardisation import bounded_exprs

LIMIT_COLUMNS: Final = {
    "grond": (
        ("achtergrondwaarde", "aw"),
        ("wonen", "wonen"),
        ("industrie", "industrie"),
        ("interventiewaarde", "iw"),
    ),
    "waterbodem": (
        ("achtergrondwaarde", "aw"),
        ("klasse_A", "klasse_a"),
        ("klasse_B", "klasse_b"),
        ("industrie_grond_in_water", "industrie_in_water"),
        ("verspreiden_zout", "verspreiden_zout"),
    ),
}


def _number(value: Any) -> float | None:
    if value is None:
        return None
    number = float(value)
    return None if math.isnan(number) else number


def _rule(rule_set: RuleSet, code: str) -> dict[str, str]:
    return {"rule": code, "article": rule_set.article(code)}


def _floats(*names: str) -> list[pl.Expr]:
    """Float columns as ``_number`` gives them: NaN becomes null."""
    return [pl.col(name).fill_nan(None) for name in names]


def measurement_details(
    values: pl.DataFrame,
    *,
    data: pl.DataFrame,
    samples: Samples,
    catalogue: Catalogue,
    batch: bool,
    above_range: pl.Series,
) -> dict[tuple[str, str], list[dict[str, Any]]]:
    """(sample, substance) -> the measurements behind it, as JSON-ready dictionaries;
    ``above_range`` holds the input rows (``i``) whose result is above the measuring range."""
    substances = catalogue.substances
    sub, s = pl.col("sub"), pl.col("s")

    def by_substance(name: str) -> pl.Expr:
        return pl.lit(substances.get_column(name)).gather(sub).alias(name)

    written = data.select("parameter", "value_raw", "unit")[values.get_column("i")]
    lutum_used, om_used = bounded_exprs()
    frame = (
        pl.concat([values, written], how="horizontal")
        .lazy()
        .with_columns(
            *[by_substance(c) for c in ("rg", "standardisation", "a", "b", "c")],
            *[by_substance(c) for c in ("om_min", "om_max", "lutum_min")],
        )
        .with_columns(lutum_used.alias("lutum_used"), om_used.alias("om_used"))
        .select(
            (pl.lit(BATCH) if batch else samples.name_of(s)).alias("_sample"),
            by_substance("id").cast(pl.Utf8).alias("_substance"),
            pl.struct(
                "row",
                samples.name_of(s).alias("sample"),
                pl.col("parameter").alias("as_written"),
                "value_raw",
                "unit",
                *_floats("value_mg"),
                pl.col("below").alias("below_reporting_limit"),
                pl.col("i").is_in(above_range.implode()).alias("above_measuring_range"),
                *_floats("rg"),
                pl.when(pl.col("compliant"))
                .then(pl.lit("assumed_compliant"))
                .when(pl.col("below"))
                .then(pl.lit("0.7_x_reported_limit"))
                .otherwise(pl.lit("measured"))
                .alias("reporting_limit_rule"),
                *_floats("value_used"),
                pl.struct(
                    pl.col("standardisation").alias("constants"),
                    *_floats("a", "b", "c", "lutum"),
                    pl.col("organic_matter").fill_nan(None).alias("organische_stof"),
                    *_floats("lutum_used"),
                    pl.col("om_used").fill_nan(None).alias("organische_stof_used"),
                    *_floats("factor"),
                ).alias("standardisation"),
                *_floats("standardised"),
            )
            .struct.rename_fields(_DETAIL_FIELDS)
            .alias("detail"),
        )
        .collect()
    )
    return _grouped(frame, "_substance")


_DETAIL_FIELDS: Final = [
    "row",
    "sample",
    "as_written",
    "value_raw",
    "unit",
    "value_mg_kg_ds",
    "below_reporting_limit",
    "above_measuring_range",
    "reporting_limit_table",
    "reporting_limit_rule",
    "value_used",
    "standardisation",
    "standardised",
]
BATCH: Final = "partij"


def component_details(
    components: pl.LazyFrame, *, samples: Samples, catalogue: Catalogue, batch: bool
) -> dict[tuple[str, str], list[dict[str, Any]]]:
    """(sample, sum) -> the components of a computed sum."""
    ids = catalogue.substances.get_column("id").cast(pl.Utf8)
    names = catalogue.substances.get_column("name")
    frame = components.select(
        (pl.lit(BATCH) if batch else samples.name_of(pl.col("s"))).alias("_sample"),
        pl.lit(ids).gather(pl.col("sum")).alias("_sum"),
        pl.struct(
            samples.name_of(pl.col("s")).alias("sample"),
            pl.lit(ids).gather(pl.col("component")).alias("component"),
            pl.lit(names).gather(pl.col("component")).alias("name"),
            *_floats("factor", "value_used", "standardised"),
            pl.col("compliant").alias("compliance_assumed"),
        ).alias("detail"),
    ).collect()
    return _grouped(frame, "_sum")


def _measurements_of(
    measurements: dict[tuple[str, str], list[dict[str, Any]]], verdict: str, part: dict[str, Any]
) -> list[dict[str, Any]]:
    """The measurements behind a component of a sum, in its own sample (a batch lists the
    measurements of all its samples under the batch)."""
    return [
        m
        for m in measurements.get((verdict, part["component"]), [])
        if m["sample"] == part["sample"]
    ]


def parameter_explanations(
    items: pl.DataFrame,
    *,
    rule_set: RuleSet,
    frame: str,
    verdicts: Samples,
    catalogue: Catalogue,
    measurements: dict[tuple[str, str], list[dict[str, Any]]],
    components: dict[tuple[str, str], list[dict[str, Any]]],
) -> dict[str, list[dict[str, Any]]]:
    """sample -> the explanation of each assessed parameter, decisive ones first."""
    substances = catalogue.substances
    table = items.select(
        verdicts.name_of(pl.col("s")).alias("sample"),
        pl.lit(substances.get_column("id").cast(pl.Utf8)).gather(pl.col("sub")).alias("substance"),
        pl.lit(substances.get_column("name")).gather(pl.col("sub")).alias("name"),
        pl.when(pl.col("computed"))
        .then(pl.lit("computed"))
        .otherwise(pl.lit("measured"))
        .alias("origin"),
        "n_values",
        pl.lit(substances.get_column("component_maximum"))
        .gather(pl.col("sub"))
        .alias("component_maximum"),
        "empty_column",
        "intervention",
        "allowance_used",
        "wonen_allowance_used",
        "tare_exempt",
        "limit_only",
        "level",
        *_floats("value_used", "standardised"),
        "compliant",
        "lower_bound",
        *[pl.col(column).fill_nan(None) for _, column in LIMIT_COLUMNS[frame]],
        "parameter_class",
        "above_aw",
        (pl.col("above_aw") & ~pl.col("allowance_cap_ok")).alias("above_cap"),
        "decisive",
    )
    limit_columns = LIMIT_COLUMNS[frame]
    per_sample: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for record in table.iter_rows(named=True):
        sample, substance = record["sample"], record["substance"]
        rules = []
        details = measurements.get((sample, substance), [])
        parts = [
            part | {"measurements": _measurements_of(measurements, sample, part)}
            for part in components.get((sample, substance), [])
        ]
        if any(d["standardisation"]["factor"] not in (None, 1.0) for d in details) or parts:
            rules.append(_rule(rule_set, "standardisation"))
        # a component "< RG" counts for its sum, assumed to comply or at 0.7 x its limit
        if any(d["below_reporting_limit"] for d in details) or any(
            p["compliance_assumed"] or any(m["below_reporting_limit"] for m in p["measurements"])
            for p in parts
        ):
            rules.append(_rule(rule_set, "reporting_limit"))
        if parts:
            code = {
                "dioxine_teq": "teq",
                "asbest": "asbestos",
                "cyanide_complex": "cyanide_complex",
            }
            rules.append(_rule(rule_set, code.get(substance, "sum")))
        if record["n_values"] > 1 or sample == "partij":
            rules.append(_rule(rule_set, "mean"))
        if record["tare_exempt"]:
            rules.append(_rule(rule_set, "tare_soil"))
        if record["limit_only"]:
            rules.append(_rule(rule_set, f"limit_only_{frame}"))
        rules.append(_rule(rule_set, "exceedance"))
        if record["component_maximum"]:
            rules.append(_rule(rule_set, f"component_maximum_{frame}"))
        if record["empty_column"]:
            rules.append(_rule(rule_set, f"empty_column_{frame}"))
        if record["intervention"]:
            rules.append(_rule(rule_set, f"intervention_{frame}"))
        if record["allowance_used"]:
            rules.append(
                _rule(
                    rule_set,
                    "wonen_allowance" if record["wonen_allowance_used"] else "aw_allowance",
                )
            )
        per_sample[sample].append(
            {
                "parameter": substance,
                "name": record["name"],
                "origin": record["origin"],
                "measurements": details,
                "components": parts,
                "value_used": record["value_used"],
                "standardised": record["standardised"],
                "compliance_assumed": bool(record["compliant"]),
                # a result above the measuring range is behind it: its value is a lower bound
                "lower_bound": bool(record["lower_bound"]),
                "limits": {label: record[column] for label, column in limit_columns},
                "parameter_class": record["parameter_class"],
                "exceeds_background": bool(record["above_aw"]),
                # above what the allowance may forgive: twice the AW, or Wonen (art 4.2.2 lid 5)
                "exceeds_allowance_cap": bool(record["above_cap"]),
                "exceeds_intervention": bool(record["intervention"]),
                "decisive": bool(record["decisive"]),
                "allowance_used": bool(record["allowance_used"]),
                # tested against the intervention value only (Rbk art 4.14.1, 4.14.2 lid 1)
                "tare_exempt": bool(record["tare_exempt"]),
                # classes nothing: only an intervention value (land) or an Industrie value
                # for soil applied in water (water bed) is given, and tested
                "limit_only": bool(record["limit_only"]),
                "rules": rules,
            }
        )
    for explanations in per_sample.values():
        explanations.sort(key=lambda e: (not e["decisive"], not e["exceeds_background"], e["name"]))
    return per_sample


def sample_rules(
    rule_set: RuleSet, frame: str, record: dict[str, Any], batch: bool
) -> list[dict[str, str]]:
    """The rules that determined a sample's class, with their articles."""
    codes = ["standardisation_per_measurement", "reporting_limit", f"class_{frame}"]
    if batch:
        codes.append("mean")
    if record.get("empty_column_used"):
        codes.append(f"empty_column_{frame}")
    codes.append("aw_allowance")
    if record.get("wonen_allowance_used") is not None:
        codes.append("wonen_allowance")
    if record.get("intervention_exceeded"):
        codes.append(f"intervention_{frame}")
    if frame == "waterbodem":
        codes += ["spreading_fresh", "spreading_adjacent", "spreading_salt"]
    return [_rule(rule_set, code) for code in codes]


def allowance_refused(record: dict[str, Any]) -> list[str]:
    """Why the background-value allowance did not forgive the elevated substances (Rbk art
    4.2.2 lid 4 and 5), each reason that holds: ``count`` (more exceed the AW than the number
    measured allows), ``cap`` (one exceeds twice its AW or Wonen: ``exceeds_allowance_cap``),
    ``no_background_value`` (one exceeds a class value but has no AW to be forgiven against),
    from the counts of the class (``record``). Empty when it was used or nothing exceeds the
    AW."""
    if not record or record.get("aw_allowance_used") or not record.get("n_above_aw"):
        return []
    reasons = []
    if record["n_above_aw"] > record.get("aw_allowed", 0):
        reasons.append("count")
    if record.get("n_above_cap"):
        reasons.append("cap")
    if record.get("n_other_above"):
        reasons.append("no_background_value")
    return reasons


def names_in(items: Iterable[dict[str, Any]], flag: str) -> list[str]:
    """The parameters among ``items`` for which ``flag`` is true."""
    return [item["parameter"] for item in items if item[flag]]


def _grouped(frame: pl.DataFrame, key: str) -> dict[tuple[str, str], list[dict[str, Any]]]:
    """The ``detail`` structs of ``frame`` listed per (``_sample``, ``key``)."""
    grouped: dict[tuple[str, str], list[dict[str, Any]]] = defaultdict(list)
    for sample, name, detail in zip(
        frame.get_column("_sample").to_list(),
        frame.get_column(key).to_list(),
        frame.get_column("detail").to_list(),
        strict=True,
    ):
        grouped[(sample, name)].append(detail)
    return grouped
