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

from kwalibo.assessments.domain.rules import RuleSet

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


def measurement_details(
    values: pl.DataFrame, *, batch: bool
) -> dict[tuple[str, str], list[dict[str, Any]]]:
    """(sample, substance) -> the measurements behind it, as JSON-ready dictionaries."""
    grouped: dict[tuple[str, str], list[dict[str, Any]]] = defaultdict(list)
    for record in values.iter_rows(named=True):
        if record["compliant"]:
            rg_rule = "assumed_compliant"
        elif record["below"]:
            rg_rule = "0.7_x_reported_limit"
        else:
            rg_rule = "measured"
        detail = {
            "row": record["row"],
            "sample": record["sample"],
            "as_written": record["parameter"],
            "value_raw": record["value_raw"],
            "unit": record["unit"],
            "value_mg_kg_ds": _number(record["value_mg"]),
            "below_reporting_limit": bool(record["below"]),
            "reporting_limit_table": _number(record["rg"]),
            "reporting_limit_rule": rg_rule,
            "value_used": _number(record["value_used"]),
            "standardisation": {
                "constants": record["standardisation"],
                "a": _number(record["a"]),
                "b": _number(record["b"]),
                "c": _number(record["c"]),
                "lutum": _number(record["lutum"]),
                "organische_stof": _number(record["organic_matter"]),
                "lutum_used": _number(record["lutum_used"]),
                "organische_stof_used": _number(record["om_used"]),
                "factor": _number(record["factor"]),
            },
            "standardised": _number(record["standardised"]),
        }
        sample = "partij" if batch else record["sample"]
        grouped[(sample, record["substance"])].append(detail)
    return grouped


def component_details(
    components: pl.DataFrame, names: dict[str, str], *, batch: bool
) -> dict[tuple[str, str], list[dict[str, Any]]]:
    """(sample, sum) -> the components of a computed sum."""
    grouped: dict[tuple[str, str], list[dict[str, Any]]] = defaultdict(list)
    for record in components.iter_rows(named=True):
        sample = "partij" if batch else record["sample"]
        grouped[(sample, record["sum"])].append(
            {
                "sample": record["sample"],
                "component": record["component"],
                "name": names.get(record["component"], record["component"]),
                "factor": _number(record["factor"]),
                "value_used": _number(record["value_used"]),
                "standardised": _number(record["standardised"]),
                "compliance_assumed": bool(record["compliant"]),
            }
        )
    return grouped


def parameter_explanations(
    items: pl.DataFrame,
    *,
    rule_set: RuleSet,
    frame: str,
    measurements: dict[tuple[str, str], list[dict[str, Any]]],
    components: dict[tuple[str, str], list[dict[str, Any]]],
) -> dict[str, list[dict[str, Any]]]:
    """sample -> the explanation of each assessed parameter, decisive ones first."""
    names = rule_set.substance_names()
    per_sample: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for record in items.iter_rows(named=True):
        sample, substance = record["sample"], record["substance"]
        rules = []
        details = measurements.get((sample, substance), [])
        parts = components.get((sample, substance), [])
        if any(d["standardisation"]["factor"] not in (None, 1.0) for d in details) or parts:
            rules.append(_rule(rule_set, "standardisation"))
        if any(d["below_reporting_limit"] for d in details) or any(
            p["compliance_assumed"] for p in parts
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
        rules.append(_rule(rule_set, "exceedance"))
        if record["empty_column"]:
            rules.append(_rule(rule_set, f"empty_column_{frame}"))
        if record["intervention"]:
            rules.append(_rule(rule_set, f"intervention_{frame}"))
        if record["allowance_used"]:
            rules.append(
                _rule(rule_set, "wonen_allowance" if record["level"] == 2 else "aw_allowance")
            )
        per_sample[sample].append(
            {
                "parameter": substance,
                "name": names.get(substance, substance),
                "origin": record["origin"],
                "measurements": details,
                "components": parts,
                "value_used": _number(record["value_used"]),
                "standardised": _number(record["standardised"]),
                "compliance_assumed": bool(record["compliant"]),
                "limits": {
                    label: _number(record[column]) for label, column in LIMIT_COLUMNS[frame]
                },
                "parameter_class": record["parameter_class"],
                "exceeds_background": bool(record["above_aw"]),
                "exceeds_intervention": bool(record["intervention"]),
                "decisive": bool(record["decisive"]),
                "allowance_used": bool(record["allowance_used"]),
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


def names_in(items: Iterable[dict[str, Any]], flag: str) -> list[str]:
    """The parameters among ``items`` for which ``flag`` is true."""
    return [item["parameter"] for item in items if item[flag]]
