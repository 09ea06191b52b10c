"""The soil-quality assessment (toetsing): measurements in, explained verdicts out.

``assess`` runs the rules of a rule set (default: the one in force on the sampling date) over a
table of measurements, vectorised with Polars, in the order of the Rbk 2015:

1. identification, parsing and unit conversion (``measurements``),
2. the reporting-limit rule of Bijlage G IV A and standardisation per measurement to standard
   soil (art 4.2.1, Bijlage G III; ``standardisation``),
3. sums and dioxin TEQ from their components (Bijlage N, tabel 1 opmerking 3; ``sums``) and, for
   a batch (partij), the mean per substance over the samples (art 4.2.2 lid 1),
4. the class per sample with the background-value allowance and the other test rules of
   art 4.2.2, 4.4.1, 4.10.2 and 4.11.1 (``classification``),
5. explanations per parameter (``explanation``), built only when asked for.

Bad input is reported per sample and parameter in ``Assessment.messages``; it never raises.
"""

from __future__ import annotations

import csv
import datetime as dt
import functools
import io
import json
from collections import defaultdict
from collections.abc import Collection
from dataclasses import dataclass, field
from typing import IO, Any, Final

import polars as pl

from kwalibo.assessments.domain import explanation
from kwalibo.assessments.domain.classification import CLASSES, classify
from kwalibo.assessments.domain.measurements import (
    MESSAGE_SCHEMA,
    empty_messages,
    normalise_input,
    observed_samples,
    prepare,
)
from kwalibo.assessments.domain.messages import level_of, render
from kwalibo.assessments.domain.rules import FRAMES, RuleSet, RuleSetChoice, choose
from kwalibo.assessments.domain.sums import BATCH_SAMPLE, batch_means, substance_values
from kwalibo.common.domain.errors import N_, DomainError

CSV_COLUMNS: Final = (
    "sample",
    "class",
    "intervention_exceeded",
    "rule_set",
    "parameter",
    "name",
    "origin",
    "value_used_mg_kg_ds",
    "standardised_mg_kg_ds",
    "compliance_assumed",
    "parameter_class",
    "exceeds_background",
    "exceeds_intervention",
    "decisive",
    "allowance_used",
)


class UnknownFrameError(DomainError):
    """The assessment frame is neither ``grond`` nor ``waterbodem``."""


@dataclass(frozen=True)
class _Frames:
    values: pl.DataFrame
    items: pl.DataFrame
    components: pl.DataFrame
    samples: pl.DataFrame
    soil: pl.DataFrame
    messages: pl.DataFrame


@dataclass(frozen=True)
class Assessment:
    """The outcome of one assessment.

    Attributes:
        rule_set: Id of the rule set used (e.g. ``rbk-2015``).
        frame: ``grond`` or ``waterbodem``.
        batch: Whether the samples were assessed together as one batch (partij).
        samples: The sample names of the input, in order.
        receiving_soil: Whether the receiving-soil rule of Rbk art 4.10.2 lid 3 applied.
    """

    rule_set: str
    frame: str
    batch: bool
    samples: tuple[str, ...]
    receiving_soil: bool
    _rules: RuleSet = field(repr=False)
    _choice: RuleSetChoice = field(repr=False)
    _frames: _Frames = field(repr=False)

    @property
    def rule_set_title(self) -> str:
        """The title of the rule set, with its legal source."""
        return self._rules.title

    # --- vectorised outputs ----------------------------------------------------------
    def parameter_table(self) -> pl.DataFrame:
        """One row per sample and assessed parameter with the sample's verdict (CSV shape)."""
        names = self._rules.substances.select(pl.col("id").alias("substance"), "name")
        table = (
            self._frames.items.join(
                self._frames.samples.select("sample", "class", "intervention_exceeded"),
                on="sample",
                how="left",
            )
            .join(names, on="substance", how="left")
            .select(
                "sample",
                "class",
                "intervention_exceeded",
                pl.lit(self.rule_set).alias("rule_set"),
                pl.col("substance").alias("parameter"),
                "name",
                "origin",
                pl.col("value_used").alias("value_used_mg_kg_ds"),
                pl.col("standardised").alias("standardised_mg_kg_ds"),
                pl.col("compliant").alias("compliance_assumed"),
                "parameter_class",
                pl.col("above_aw").alias("exceeds_background"),
                pl.col("intervention").alias("exceeds_intervention"),
                "decisive",
                "allowance_used",
                *[
                    pl.col(column).alias(label)
                    for label, column in explanation.LIMIT_COLUMNS[self.frame]
                ],
            )
        )
        verdict_names = list(self.verdict_samples())
        order = pl.DataFrame(
            {"sample": verdict_names, "_order": range(len(verdict_names))},
            schema={"sample": table.schema["sample"], "_order": pl.Int64},
        )
        return (
            table.join(order, on="sample", how="left")
            .sort(
                [pl.col("_order"), pl.col("decisive"), pl.col("parameter").cast(pl.Utf8)],
                descending=[False, True, False],
            )
            .drop("_order")
        )

    def sample_table(self) -> pl.DataFrame:
        """One row per sample (or the batch) with class, flags and allowance counts."""
        return self._frames.samples

    def verdict_samples(self) -> tuple[str, ...]:
        """The names verdicts are given for: each sample, or the batch."""
        return (BATCH_SAMPLE,) if self.batch else self.samples

    def write_csv(self, target: IO[bytes] | IO[str] | str) -> None:
        """Write ``parameter_table`` as CSV (fast path for large inputs)."""
        self.parameter_table().write_csv(target)  # type: ignore[arg-type]

    # --- JSON-ready outputs ----------------------------------------------------------
    @functools.cached_property
    def messages(self) -> list[dict[str, Any]]:
        """Messages per sample and parameter: ``sample``, ``parameter``, ``row``, ``code``,
        ``level``, ``message`` (English), ``template`` and ``params`` (for translation)."""
        return self.messages_head(None)

    def messages_head(self, count: int | None) -> list[dict[str, Any]]:
        """The first ``count`` messages (all with ``None``), assessment-level notes first."""
        result = []
        if self._choice.note:
            result.append(
                {
                    "sample": None,
                    "parameter": None,
                    "row": None,
                    "code": self._choice.code,
                    "level": "warning",
                    "message": self._choice.note % self._choice.note_params,
                    "template": self._choice.note,
                    "params": dict(self._choice.note_params),
                }
            )
        frame = self._frames.messages if count is None else self._frames.messages.head(count)
        for record in frame.iter_rows(named=True):
            params = {
                key: str(record[key])
                for key in ("parameter", "value", "unit", "detail")
                if record[key] is not None
            }
            params["rule_set"] = self.rule_set
            result.append(
                {
                    "sample": record["sample"],
                    "parameter": record["parameter"],
                    "row": record["row"],
                    "code": record["code"],
                    "level": level_of(record["code"]),
                    "message": render(record["code"], params),
                    "template": _template(record["code"]),
                    "params": params,
                }
            )
        return result[:count] if count is not None else result

    def message_count(self) -> int:
        """How many messages there are (without building them)."""
        return self._frames.messages.height + (1 if self._choice.note else 0)

    def message_counts(self) -> dict[str, int]:
        """Number of messages per code."""
        counts = self._frames.messages.group_by("code").len().sort("len", descending=True)
        result = dict(zip(counts["code"], counts["len"], strict=True))
        if self._choice.note:
            result[self._choice.code] = result.get(self._choice.code, 0) + 1
        return result

    def messages_frame(self) -> pl.DataFrame:
        """All messages as a table: sample, row, parameter, code, level and English message."""
        messages = self.messages
        return pl.DataFrame(
            {
                "sample": [m["sample"] for m in messages],
                "row": [m["row"] for m in messages],
                "parameter": [m["parameter"] for m in messages],
                "code": [m["code"] for m in messages],
                "level": [m["level"] for m in messages],
                "message": [m["message"] for m in messages],
            },
            schema={
                "sample": pl.Utf8,
                "row": pl.Int64,
                "parameter": pl.Utf8,
                "code": pl.Utf8,
                "level": pl.Utf8,
                "message": pl.Utf8,
            },
        )

    @functools.cached_property
    def verdicts(self) -> list[dict[str, Any]]:
        """One explained verdict per sample (or one for the batch), JSON-ready."""
        rules = self._rules
        names = rules.substance_names()
        items = self._frames.items
        measurements = explanation.measurement_details(self._frames.values, batch=self.batch)
        components = explanation.component_details(self._frames.components, names, batch=self.batch)
        explained = explanation.parameter_explanations(
            items,
            rule_set=rules,
            frame=self.frame,
            measurements=measurements,
            components=components,
        )
        samples = {r["sample"]: r for r in self._frames.samples.iter_rows(named=True)}
        soil = {r["sample"]: r for r in self._frames.soil.iter_rows(named=True)}
        messages: dict[str | None, list[dict[str, Any]]] = defaultdict(list)
        for message in self.messages:
            messages[message["sample"]].append(message)
        verdicts = []
        for sample in self.verdict_samples():
            record = samples.get(sample, {})
            parameters = explained.get(sample, [])
            verdict: dict[str, Any] = {
                "sample": sample,
                "frame": self.frame,
                "rule_set": self.rule_set,
                "class": record.get("class"),
                "intervention_exceeded": bool(record.get("intervention_exceeded", False)),
                "intervention_parameters": explanation.names_in(parameters, "exceeds_intervention"),
                "deciding_parameters": explanation.names_in(parameters, "decisive"),
                "allowance": {
                    "measured": record.get("n_measured", 0),
                    "allowed": record.get("aw_allowed", 0),
                    "elevated": explanation.names_in(parameters, "exceeds_background"),
                    "used": bool(record.get("aw_allowance_used", False)),
                    "article": rules.article("aw_allowance"),
                },
                "soil": _soil(soil, sample, self.batch),
                "explanation": {
                    "parameters": parameters,
                    "rules": explanation.sample_rules(rules, self.frame, record, self.batch)
                    if record
                    else [],
                },
                "messages": messages.get(sample, [])
                + ([m for s in self.samples for m in messages.get(s, [])] if self.batch else []),
            }
            if self.batch:
                verdict["samples"] = list(self.samples)
            if self.receiving_soil and self.frame == "grond":
                verdict["wonen_allowance"] = {
                    "allowed": record.get("wonen_allowed", 0),
                    "used": bool(record.get("wonen_allowance_used", False)),
                    "article": rules.article("wonen_allowance"),
                }
            if self.frame == "waterbodem":
                verdict["spreading"] = {
                    "zoet_oppervlaktewater": record.get("spreading_fresh"),
                    "aangrenzend_perceel": record.get("spreading_adjacent"),
                    "zout_oppervlaktewater": record.get("spreading_salt"),
                }
            verdicts.append(verdict)
        return verdicts

    def as_dict(self) -> dict[str, Any]:
        """Rule set, frame, verdicts and the messages not tied to a sample."""
        return {
            "rule_set": self.rule_set,
            "rule_set_title": self._rules.title,
            "frame": self.frame,
            "batch": self.batch,
            "verdicts": self.verdicts,
            "messages": [m for m in self.messages if m["sample"] is None],
        }

    def to_json(self, *, indent: int | None = 2) -> str:
        """The verdicts as a JSON list (each with ``sample``, ``class`` and the explanation)."""
        return json.dumps(self.verdicts, ensure_ascii=False, indent=indent)

    def to_csv_rows(self) -> list[dict[str, Any]]:
        """The rows of ``parameter_table`` as dictionaries (header: ``CSV_COLUMNS`` + limits).

        Samples without any assessable parameter get one row with an empty parameter.
        """
        rows = self.parameter_table().to_dicts()
        seen = {row["sample"] for row in rows}
        classes = {r["sample"]: r for r in self._frames.samples.iter_rows(named=True)}
        for sample in self.verdict_samples():
            if sample not in seen:
                rows.append(
                    {
                        "sample": sample,
                        "class": classes.get(sample, {}).get("class"),
                        "intervention_exceeded": False,
                        "rule_set": self.rule_set,
                    }
                )
        return rows

    def to_csv(self) -> str:
        """``to_csv_rows`` as CSV text."""
        buffer = io.StringIO()
        header = [*CSV_COLUMNS, *(label for label, _ in explanation.LIMIT_COLUMNS[self.frame])]
        writer = csv.DictWriter(
            buffer, fieldnames=header, extrasaction="ignore", lineterminator="\n"
        )
        writer.writeheader()
        writer.writerows(self.to_csv_rows())
        return buffer.getvalue()


def _template(code: str) -> str:
    from kwalibo.assessments.domain.messages import TEMPLATES

    return TEMPLATES[code][1]


def _soil(soil: dict[str, dict[str, Any]], sample: str, batch: bool) -> dict[str, Any]:
    if batch:
        return {
            name: {
                "lutum": explanation._number(row["lutum"]),
                "organische_stof": explanation._number(row["organic_matter"]),
            }
            for name, row in soil.items()
        }
    row = soil.get(sample)
    return {
        "lutum": explanation._number(row["lutum"]) if row else None,
        "organische_stof": explanation._number(row["organic_matter"]) if row else None,
    }


def _sampling_date(measurements: pl.DataFrame, given: dt.date | None) -> dt.date | None:
    if given is not None or "sampling_date" not in measurements.columns:
        return given
    dates = measurements.get_column("sampling_date").cast(pl.Date, strict=False).drop_nulls()
    latest = dates.max()
    return latest if isinstance(latest, dt.date) else None


def assess(
    measurements: pl.DataFrame,
    *,
    frame: str,
    rules: str | None = None,
    sampling_date: dt.date | None = None,
    as_batch: bool = False,
    receiving_soil: bool = False,
    tare_soil: Collection[str] = (),
) -> Assessment:
    """Assess lab measurements against the norms of a rule set.

    Args:
        measurements: Columns ``row`` (Int64), ``sample``, ``parameter`` (name, code or CAS as
            written), ``value_raw`` (e.g. ``"12,5"``, ``"<0.2"``), ``unit``; optional ``cas``
            and ``sampling_date``.
        frame: ``grond`` (soil on land: achtergrondwaarde, wonen, industrie, niet_toepasbaar)
            or ``waterbodem`` (water bed and dredgings: achtergrondwaarde, klasse_A, klasse_B,
            niet_toepasbaar, and spreading verdicts).
        rules: Rule set id; default the one in force on the sampling date.
        sampling_date: Overrides the latest ``sampling_date`` of the input for choosing rules.
        as_batch: Assess all samples as one batch (partij): means per substance.
        receiving_soil: Classify the receiving soil (Rbk art 4.10.2 lid 3: Wonen allowance).
        tare_soil: Tare-soil exemptions, any of ``natural_presence`` (art 4.14.1) and
            ``potatoes`` (art 4.14.2 lid 1).

    Raises:
        UnknownFrameError: ``frame`` is not ``grond`` or ``waterbodem``.
        UnknownRuleSetError: ``rules`` names no installed rule set.
    """
    if frame not in FRAMES:
        raise UnknownFrameError(
            N_("Unknown frame %(frame)s; use grond or waterbodem."), frame=frame
        )
    unknown_tare = set(tare_soil) - {"natural_presence", "potatoes"}
    if unknown_tare:
        raise DomainError(N_("Unknown tare-soil exemption %(name)s."), name=sorted(unknown_tare)[0])
    choice = choose(rule_set_id=rules, sampling_date=_sampling_date(measurements, sampling_date))
    rule_set = choice.rule_set
    data = normalise_input(measurements)
    samples = tuple(observed_samples(data))
    if data.height == 0:
        message = (
            pl.DataFrame(
                {"sample": [None], "parameter": [None], "row": [None], "code": ["no_measurements"]},
            )
            .with_columns(
                pl.lit(None, pl.Utf8).alias("value"),
                pl.lit(None, pl.Utf8).alias("unit"),
                pl.lit(None, pl.Utf8).alias("detail"),
            )
            .cast(MESSAGE_SCHEMA)
        )
        return _empty(rule_set, choice, frame, as_batch, receiving_soil, samples, message)
    prepared = prepare(data, rule_set=rule_set, frame=frame)
    items, components, sum_messages = substance_values(
        prepared.values, rule_set=rule_set, frame=frame
    )
    if as_batch:
        items = batch_means(items)
    classified = classify(
        items, rule_set=rule_set, frame=frame, receiving_soil=receiving_soil, tare_soil=tare_soil
    )
    samples_frame = classified.samples
    assessed = classified.items.join(
        samples_frame.select(
            "sample",
            pl.col("level").alias("_class_level"),
            pl.col("aw_allowance_used").alias("_aw_used"),
            *(
                [pl.col("wonen_allowance_used").alias("_wonen_used")]
                if "wonen_allowance_used" in samples_frame.columns
                else [pl.lit(False).alias("_wonen_used")]
            ),
        ),
        on="sample",
        how="left",
    )
    wonen_used = pl.col("_wonen_used").fill_null(False)
    assessed = assessed.with_columns(
        (
            ~pl.col("_aw_used")
            & (pl.col("_class_level") > 0)
            & (
                (wonen_used & (pl.col("level") >= 1))
                | (~wonen_used & (pl.col("level") == pl.col("_class_level")))
            )
        ).alias("decisive"),
        ((pl.col("_aw_used") & pl.col("above_aw")) | (wonen_used & (pl.col("level") == 2))).alias(
            "allowance_used"
        ),
    ).drop("_class_level", "_aw_used", "_wonen_used")
    names = rule_set.substances.select(pl.col("id").alias("substance"), "name")
    no_norm = classified.no_norm.join(names, on="substance", how="left").select(
        "sample",
        pl.col("name").alias("parameter"),
        pl.lit(None, pl.Int64).alias("row"),
        pl.lit("no_norm").alias("code"),
        pl.lit(None, pl.Utf8).alias("value"),
        pl.lit(None, pl.Utf8).alias("unit"),
        pl.lit(frame).alias("detail"),
    )
    verdict_names = (BATCH_SAMPLE,) if as_batch else samples
    classified_names = set(samples_frame.get_column("sample").to_list())
    without = [name for name in verdict_names if name not in classified_names]
    unassessable = pl.DataFrame({"sample": without}, schema={"sample": pl.Utf8}).select(
        "sample",
        pl.lit(None, pl.Utf8).alias("parameter"),
        pl.lit(None, pl.Int64).alias("row"),
        pl.lit("no_assessable_parameters").alias("code"),
        pl.lit(None, pl.Utf8).alias("value"),
        pl.lit(None, pl.Utf8).alias("unit"),
        pl.lit(None, pl.Utf8).alias("detail"),
    )
    notes = []
    if (
        frame == "waterbodem"
        and "spreading_adjacent" in samples_frame.columns
        and (samples_frame["spreading_adjacent"] == "onbepaald").any()
    ):
        notes.append(
            pl.DataFrame(
                {"code": ["mspaf_not_computed"]},
            ).select(
                pl.lit(None, pl.Utf8).alias("sample"),
                pl.lit(None, pl.Utf8).alias("parameter"),
                pl.lit(None, pl.Int64).alias("row"),
                "code",
                pl.lit(None, pl.Utf8).alias("value"),
                pl.lit(None, pl.Utf8).alias("unit"),
                pl.lit(None, pl.Utf8).alias("detail"),
            )
        )
    messages = pl.concat(
        [
            df.cast(MESSAGE_SCHEMA)
            for df in (prepared.messages, sum_messages, no_norm, unassessable, *notes)
        ],
        how="vertical",
    )
    if as_batch:
        messages = messages.sort("row", nulls_last=True)
    else:
        order = pl.DataFrame(
            {"sample": list(samples), "_order": range(len(samples))},
            schema={"sample": pl.Utf8, "_order": pl.Int64},
        )
        messages = (
            messages.join(order, on="sample", how="left")
            .sort(["_order", "row"], nulls_last=True)
            .drop("_order")
        )
    return Assessment(
        rule_set=rule_set.id,
        frame=frame,
        batch=as_batch,
        samples=samples,
        receiving_soil=receiving_soil,
        _rules=rule_set,
        _choice=choice,
        _frames=_Frames(
            values=prepared.values,
            items=assessed,
            components=components,
            samples=samples_frame,
            soil=prepared.soil,
            messages=messages,
        ),
    )


def _empty(
    rule_set: RuleSet,
    choice: RuleSetChoice,
    frame: str,
    batch: bool,
    receiving_soil: bool,
    samples: tuple[str, ...],
    messages: pl.DataFrame,
) -> Assessment:
    empty = pl.DataFrame()
    return Assessment(
        rule_set=rule_set.id,
        frame=frame,
        batch=batch,
        samples=samples,
        receiving_soil=receiving_soil,
        _rules=rule_set,
        _choice=choice,
        _frames=_Frames(
            values=empty,
            items=empty,
            components=empty,
            samples=pl.DataFrame(
                schema={"sample": pl.Utf8, "class": pl.Utf8, "intervention_exceeded": pl.Boolean}
            ),
            soil=pl.DataFrame(
                schema={"sample": pl.Utf8, "lutum": pl.Float64, "organic_matter": pl.Float64}
            ),
            messages=messages if messages.height else empty_messages(),
        ),
    )


__all__ = ["CLASSES", "Assessment", "UnknownFrameError", "assess"]
