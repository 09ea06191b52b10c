"""Rule sets as versioned data: loading, caching and choosing the one valid on a date.

A rule set is a directory under ``kwalibo/assessments/rules/`` with a ``manifest.yaml`` (id,
title, validity period, legal source per table, article references) and tidy CSV tables. The
default rule set of an assessment is the one valid on the sampling date; the 2015 regime
(Regeling bodemkwaliteit, consolidated 2015-01-30, valid until the Regeling bodemkwaliteit 2022
took over on 2024-01-01 with the Omgevingswet) is the only one transcribed so far. When no rule
set is valid on the date, the nearest one is used and the assessment says so (see ``choose``).
"""

from __future__ import annotations

import datetime as dt
import functools
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Final, cast

import polars as pl
import yaml

from kwalibo.assessments.domain.identification import alias_key
from kwalibo.common.domain.errors import N_, DomainError

RULES_DIR: Final = Path(__file__).resolve().parent.parent / "rules"
FRAMES: Final = ("grond", "waterbodem")

_FLOAT = pl.Float64()
_STR = pl.Utf8()
_BOOL = pl.Boolean()
SUBSTANCE_SCHEMA: Final[dict[str, pl.DataType]] = {
    "id": _STR,
    "name": _STR,
    "group": _STR,
    "kind": _STR,
    "is_sum": _BOOL,
    "standardisation": _STR,
    "cas": _STR,
    "aquo_code": _STR,
    "sikb_id": _STR,
    "unit_basis": _STR,
}
NORM_SCHEMAS: Final[dict[str, dict[str, pl.DataType]]] = {
    "grond": {
        "substance": _STR,
        "achtergrondwaarde": _FLOAT,
        "wonen": _FLOAT,
        "industrie": _FLOAT,
        "interventiewaarde": _FLOAT,
        "interventiewaarde_type": _STR,
        "aangrenzend_perceel_max": _FLOAT,
        "in_mspaf": _BOOL,
        "max_emissie_ls10": _FLOAT,
        "emissietoetswaarde": _FLOAT,
        "aw_at_determination_limit": _BOOL,
        "footnotes": _STR,
        "flags": _STR,
        "source_row": _STR,
    },
    "waterbodem": {
        "substance": _STR,
        "achtergrondwaarde": _FLOAT,
        "klasse_a": _FLOAT,
        "klasse_b": _FLOAT,
        "industrie": _FLOAT,
        "verspreiden_zout": _FLOAT,
        # where the salt-water value depends on the area: the highest (verspreiden_zout the
        # lowest); tributyltin, Bijlage B tabel 2 voetnoot 13 en 14
        "verspreiden_zout_max": _FLOAT,
        "zout_niet_prioritair": _BOOL,
        "max_emissie_ls10": _FLOAT,
        "emissietoetswaarde": _FLOAT,
        "aw_at_determination_limit": _BOOL,
        "footnotes": _STR,
        "flags": _STR,
        "source_row": _STR,
    },
}
STANDARDISATION_SCHEMA: Final[dict[str, pl.DataType]] = {
    "key": _STR,
    "a": _FLOAT,
    "b": _FLOAT,
    "c": _FLOAT,
    "om_min": _FLOAT,
    "om_max": _FLOAT,
    "lutum_min": _FLOAT,
    "note": _STR,
}


class UnknownRuleSetError(DomainError):
    """An assessment asked for a rule set that is not installed."""


@dataclass(frozen=True)
class RuleSet:
    """One version of the assessment rules: norm tables, constants and definitions as data.

    Attributes:
        id: Stable identifier, e.g. ``rbk-2015``; assessments name the rule set they used.
        title: Human title with the legal source.
        valid_from: First day the rules applied.
        valid_to: Last day the rules applied, ``None`` while in force.
        articles: Rule code -> article reference cited in explanations.
        tables: CSV file -> its legal source.
        substances: Catalogue (id, name, group, kind, is_sum, standardisation, codes, unit basis).
        aliases: Lookup table ``key`` -> ``substance`` (one row per unique key).
        alias_rows: The aliases as written, with kind and source (for documentation).
        norms: Frame (``grond`` / ``waterbodem``) -> norm table.
        standardisation: Constants A, B, C and bounds per standardisation key.
        reporting_limits: ``substance`` -> ``rg`` (minimum reporting limit, mg/kg ds).
        sums: ``sum``, ``component``, ``factor``, ``frame`` (empty = both frames).
        large_scale: The numbers of the framework for large-scale applications (layer
            thickness, volume, cover, mineral oil in dredgings); empty when not set.
    """

    id: str
    title: str
    valid_from: dt.date
    valid_to: dt.date | None
    articles: dict[str, str]
    tables: dict[str, str]
    unverified_amendments: tuple[str, ...]
    substances: pl.DataFrame = field(repr=False)
    aliases: pl.DataFrame = field(repr=False)
    alias_rows: pl.DataFrame = field(repr=False)
    norms: dict[str, pl.DataFrame] = field(repr=False)
    standardisation: pl.DataFrame = field(repr=False)
    reporting_limits: pl.DataFrame = field(repr=False)
    sums: pl.DataFrame = field(repr=False)
    large_scale: dict[str, float] = field(default_factory=dict)
    enforcement_factor: float | None = None

    def article(self, rule: str) -> str:
        """The article reference for a rule code (the code itself when the manifest lacks it)."""
        return self.articles.get(rule, rule)

    def is_valid_on(self, day: dt.date) -> bool:
        """Whether the rules applied on ``day``."""
        return self.valid_from <= day and (self.valid_to is None or day <= self.valid_to)

    def sums_for(self, frame: str) -> pl.DataFrame:
        """Sum definitions that apply in ``frame`` (frame-specific rows plus common rows)."""
        return self.sums.filter((pl.col("frame") == "") | (pl.col("frame") == frame)).select(
            "sum", "component", "factor"
        )

    def group(self, name: str) -> list[str]:
        """The ids of the substances in a group of the catalogue (e.g. ``pcb``)."""
        return [
            str(substance)
            for substance in self.substances.filter(pl.col("group") == name)["id"].to_list()
        ]

    def substance_names(self) -> dict[str, str]:
        """Substance id -> name as in the regulation."""
        return dict(zip(self.substances["id"], self.substances["name"], strict=True))


@dataclass(frozen=True)
class RuleSetChoice:
    """The rule set an assessment uses and, when it is not valid on the date, why it was used."""

    rule_set: RuleSet
    note: str | None = None
    note_params: dict[str, str] = field(default_factory=dict)
    code: str = "rule_set_not_in_force"


#: Columns that hold substance ids: Categorical, like the measurements' ``substance`` column,
#: so that joins and group-bys run on integer codes.
SUBSTANCE_COLUMNS: Final = frozenset({"id", "substance", "sum", "component"})


def _read(directory: Path, name: str, schema: dict[str, pl.DataType]) -> pl.DataFrame:
    frame = pl.read_csv(directory / name, schema_overrides=schema, infer_schema=False)
    missing = [column for column in schema if column not in frame.columns]
    if missing:
        raise ValueError(f"{directory.name}/{name} lacks columns {missing}")
    casts = [
        pl.col(column).cast(pl.Categorical)
        if column in SUBSTANCE_COLUMNS
        else pl.col(column).cast(dtype)
        if dtype != _STR
        else pl.col(column).fill_null("")
        for column, dtype in schema.items()
    ]
    return frame.select(casts)


def _date(value: Any) -> dt.date | None:
    if value is None or value == "":
        return None
    if isinstance(value, dt.date):
        return value
    return dt.date.fromisoformat(str(value))


@functools.cache
def _manifests() -> dict[str, Path]:
    found: dict[str, Path] = {}
    for manifest in sorted(RULES_DIR.glob("*/manifest.yaml")):
        data = cast(dict[str, Any], yaml.safe_load(manifest.read_text(encoding="utf-8")))
        found[str(data["id"])] = manifest.parent
    return found


def rule_set_ids() -> tuple[str, ...]:
    """The installed rule sets, oldest first."""
    sets = [load_rule_set(rule_set_id) for rule_set_id in _manifests()]
    return tuple(rule_set.id for rule_set in sorted(sets, key=lambda s: s.valid_from))


@functools.cache
def load_rule_set(rule_set_id: str) -> RuleSet:
    """Load (once per process) the rule set with this id.

    Raises:
        UnknownRuleSetError: No installed rule set has this id.
        ValueError: The tables are inconsistent (an alias that points at two substances, a norm
            row for an unknown substance); this is a defect of the data, not of the input.
    """
    directories = _manifests()
    if rule_set_id not in directories:
        raise UnknownRuleSetError(
            N_("Unknown rule set %(rule_set)s; installed: %(installed)s."),
            rule_set=rule_set_id,
            installed=", ".join(sorted(directories)),
        )
    directory = directories[rule_set_id]
    manifest = cast(
        dict[str, Any], yaml.safe_load((directory / "manifest.yaml").read_text(encoding="utf-8"))
    )
    substances = _read(directory, "substances.csv", SUBSTANCE_SCHEMA)
    known = set(substances["id"].to_list())
    alias_rows = _read(
        directory,
        "aliases.csv",
        {"alias": _STR, "substance": _STR, "kind": _STR, "source": _STR},
    )
    keys = [
        alias_key(alias, kind)
        for alias, kind in zip(alias_rows["alias"], alias_rows["kind"], strict=True)
    ]
    aliases = (
        alias_rows.with_columns(pl.Series("key", keys, dtype=_STR)).select("key", "substance")
    ).unique(maintain_order=True)
    clashes = aliases.filter(pl.col("key").is_duplicated())
    if clashes.height:
        raise ValueError(f"{rule_set_id}: aliases point at two substances: {clashes.rows()[:5]}")
    unknown = set(aliases["substance"].to_list()) - known
    if unknown:
        raise ValueError(f"{rule_set_id}: aliases for unknown substances {sorted(unknown)}")
    norms = {frame: _read(directory, f"norms_{frame}.csv", NORM_SCHEMAS[frame]) for frame in FRAMES}
    for frame, table in norms.items():
        stray = set(table["substance"].to_list()) - known
        if stray:
            raise ValueError(f"{rule_set_id}: norms_{frame} rows for unknown {sorted(stray)}")
    reporting_limits = (
        _read(
            directory,
            "reporting_limits.csv",
            {
                "substance": _STR,
                "mg_kg_ds": _FLOAT,
                "table_value": _STR,
                "table_unit": _STR,
                "table_row": _STR,
            },
        )
        .select("substance", pl.col("mg_kg_ds").alias("rg"))
        .unique("substance", keep="first", maintain_order=True)
    )
    sums = _read(
        directory,
        "sums.csv",
        {"sum": _STR, "component": _STR, "factor": _FLOAT, "frame": _STR, "source": _STR},
    )
    return RuleSet(
        id=str(manifest["id"]),
        title=str(manifest["title"]),
        valid_from=cast(dt.date, _date(manifest["valid_from"])),
        valid_to=_date(manifest.get("valid_to")),
        articles={str(k): str(v) for k, v in dict(manifest.get("articles", {})).items()},
        tables={str(k): str(v) for k, v in dict(manifest.get("tables", {})).items()},
        unverified_amendments=tuple(str(a) for a in manifest.get("unverified_amendments", [])),
        substances=substances,
        aliases=aliases,
        alias_rows=alias_rows,
        norms=norms,
        standardisation=_read(directory, "standardisation.csv", STANDARDISATION_SCHEMA),
        reporting_limits=reporting_limits,
        sums=sums,
        large_scale={str(k): float(v) for k, v in dict(manifest.get("large_scale", {})).items()},
        enforcement_factor=(
            float(manifest["enforcement_factor"]) if "enforcement_factor" in manifest else None
        ),
    )


def choose(*, rule_set_id: str | None, sampling_date: dt.date | None) -> RuleSetChoice:
    """The rule set of an assessment: the one asked for, else the one valid on the date.

    Without a date the most recent rule set is used. When no installed rule set was in force on
    the date (before the first one, or after the last one ended, as now: the Rbk 2022 tables are
    not transcribed), the nearest rule set is used and the choice carries a note saying so.

    Raises:
        UnknownRuleSetError: ``rule_set_id`` is not installed.
    """
    if rule_set_id is not None:
        rule_set = load_rule_set(rule_set_id)
        if sampling_date is not None and not rule_set.is_valid_on(sampling_date):
            return RuleSetChoice(
                rule_set,
                N_(
                    "Rule set %(rule_set)s was chosen explicitly but was not in force on the "
                    "sampling date %(date)s (valid %(valid_from)s to %(valid_to)s)."
                ),
                _validity_params(rule_set, sampling_date),
            )
        return RuleSetChoice(rule_set)
    sets = [load_rule_set(rule_set_id) for rule_set_id in rule_set_ids()]
    if sampling_date is None:
        latest = sets[-1]
        if latest.valid_to is None:
            return RuleSetChoice(latest)
        return RuleSetChoice(
            latest,
            N_(
                "The input gives no sampling date; the assessment uses the most recent installed "
                "rule set %(rule_set)s (valid %(valid_from)s to %(valid_to)s). Give the sampling "
                "date to have the rules in force on that date checked."
            ),
            {
                "rule_set": latest.id,
                "valid_from": latest.valid_from.isoformat(),
                "valid_to": latest.valid_to.isoformat(),
            },
            code="no_sampling_date",
        )
    for rule_set in reversed(sets):
        if rule_set.is_valid_on(sampling_date):
            return RuleSetChoice(rule_set)
    earlier = [s for s in sets if s.valid_from <= sampling_date]
    nearest = earlier[-1] if earlier else sets[0]
    return RuleSetChoice(
        nearest,
        N_(
            "No installed rule set was in force on the sampling date %(date)s; the assessment "
            "uses %(rule_set)s (valid %(valid_from)s to %(valid_to)s) and is indicative only."
        ),
        _validity_params(nearest, sampling_date),
    )


def _validity_params(rule_set: RuleSet, day: dt.date) -> dict[str, str]:
    return {
        "rule_set": rule_set.id,
        "date": day.isoformat(),
        "valid_from": rule_set.valid_from.isoformat(),
        "valid_to": rule_set.valid_to.isoformat() if rule_set.valid_to else "-",
    }
