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
import math
from collections import defaultdict
from collections.abc import Collection, Mapping
from dataclasses import dataclass, field, replace
from typing import IO, Any, Final

import numpy as np
import polars as pl

from kwalibo.assessments.domain import explanation
from kwalibo.assessments.domain.catalogue import CODE, Catalogue, catalogue
from kwalibo.assessments.domain.classification import (
    CLASSES,
    classify,
    exempt_as_tare_soil,
    salt_area_dependent,
)
from kwalibo.assessments.domain.measurements import (
    CODED_MESSAGE_SCHEMA,
    Prepared,
    Samples,
    code_samples,
    empty_messages,
    message_rows,
    normalise_input,
    prepare,
)
from kwalibo.assessments.domain.messages import level_of, render
from kwalibo.assessments.domain.rules import FRAMES, RuleSet, RuleSetChoice, choose
from kwalibo.assessments.domain.salt_water import (
    SaltWater,
    measured_only_messages,
    measured_salt_water,
    with_salt_verdicts,
)
from kwalibo.assessments.domain.sums import BATCH_SAMPLE, batch_means, substance_values
from kwalibo.common.domain.errors import N_, DomainError

#: The worst class of both frames: a higher content cannot change it.
WORST_CLASS: Final = "niet_toepasbaar"

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
    "lower_bound",
    "parameter_class",
    "exceeds_background",
    "exceeds_intervention",
    "decisive",
    "allowance_used",
    "tare_exempt",
    "limit_only",
)


#: Water only, per sample after ``intervention_exceeded``: the spreading verdicts (fresh
#: surface water, adjacent plot, salt surface water), for a water manager the main answer.
SPREADING_COLUMNS: Final = ("spreading_fresh", "spreading_adjacent", "spreading_salt")


def sample_columns(frame: str) -> tuple[str, ...]:
    """The columns of the CSV table that belong to the sample's verdict."""
    return ("class", "intervention_exceeded", *(SPREADING_COLUMNS if frame == "waterbodem" else ()))


def csv_columns(frame: str) -> list[str]:
    """The header of the CSV table of a frame: ``CSV_COLUMNS`` (with the spreading verdicts in
    water) and the limit columns."""
    columns = list(CSV_COLUMNS)
    at = columns.index("intervention_exceeded") + 1
    columns[at:at] = sample_columns(frame)[2:]
    return [*columns, *(label for label, _ in explanation.LIMIT_COLUMNS[frame])]


class UnknownFrameError(DomainError):
    """The assessment frame is neither ``grond`` nor ``waterbodem``."""


@dataclass(frozen=True)
class _Frames:
    """The state of an assessment, with samples and substances as integer codes.

    ``samples`` codes the input's samples; ``verdicts`` the samples verdicts are given for
    (the same, or the batch alone). ``items`` and ``classes`` use the verdict codes, ``values``,
    ``components`` and ``soil`` the input's.
    """

    data: pl.DataFrame
    samples: Samples
    verdicts: Samples
    catalogue: Catalogue | None
    values: pl.DataFrame
    items: pl.DataFrame
    components: pl.LazyFrame
    classes: pl.DataFrame
    soil: pl.DataFrame
    messages: pl.DataFrame
    above_range: pl.DataFrame
    undetermined: pl.DataFrame


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
    def _sample_names(self, codes: pl.Expr) -> pl.Expr:
        """Verdict sample names for codes: Categorical per sample, text for the batch."""
        names = self._frames.verdicts.name_of(codes)
        return names if self.batch else names.cast(pl.Categorical)

    def parameter_table(self) -> pl.DataFrame:
        """One row per sample and assessed parameter with the sample's verdict (CSV shape)."""
        frames = self._frames
        if frames.catalogue is None:
            return _EMPTY_PARAMETER_TABLE.get(self.frame, pl.DataFrame())
        substances = frames.catalogue.substances
        s, sub = pl.col("s"), pl.col("sub")
        per_sample = _per_code(
            frames.classes, frames.verdicts.names.len(), *sample_columns(self.frame)
        )

        def by_sample(name: str) -> pl.Expr:
            return pl.lit(per_sample.get_column(name)).gather(s).alias(name)

        def by_substance(name: str) -> pl.Expr:
            return pl.lit(substances.get_column(name)).gather(sub)

        order = (
            frames.verdicts.order_of(s).cast(pl.UInt64) * (2 * (frames.catalogue.size + 1))
            + (~pl.col("decisive")).cast(pl.UInt64) * (frames.catalogue.size + 1)
            + by_substance("id_rank").cast(pl.UInt64)
        )
        return (
            frames.items.lazy()
            .sort(order)
            .select(
                self._sample_names(s).alias("sample"),
                *[by_sample(column) for column in sample_columns(self.frame)],
                pl.lit(self.rule_set).alias("rule_set"),
                by_substance("id").alias("parameter"),
                by_substance("name").alias("name"),
                pl.when(pl.col("computed"))
                .then(pl.lit("computed"))
                .otherwise(pl.lit("measured"))
                .alias("origin"),
                _reported(pl.col("value_used")).alias("value_used_mg_kg_ds"),
                _reported(pl.col("standardised")).alias("standardised_mg_kg_ds"),
                pl.col("compliant").alias("compliance_assumed"),
                "lower_bound",
                "parameter_class",
                pl.col("above_aw").alias("exceeds_background"),
                pl.col("intervention").alias("exceeds_intervention"),
                "decisive",
                "allowance_used",
                "tare_exempt",
                "limit_only",
                *[
                    pl.col(column).alias(label)
                    for label, column in explanation.LIMIT_COLUMNS[self.frame]
                ],
            )
            .collect()
        )

    @functools.cached_property
    def _sample_table(self) -> pl.DataFrame:
        frames = self._frames
        classes = frames.classes
        if "s" not in classes.columns:
            return classes
        return classes.sort(frames.verdicts.order_of(pl.col("s"))).select(
            self._sample_names(pl.col("s")).alias("sample"), pl.exclude("s")
        )

    def sample_table(self) -> pl.DataFrame:
        """One row per sample (or the batch) with class, flags and allowance counts."""
        return self._sample_table

    def verdict_classes(self) -> list[str | None]:
        """The class of each verdict, in order (``None``: no class), without explaining it."""
        table = self.sample_table()
        classes = (
            dict(
                zip(
                    table.get_column("sample").cast(pl.Utf8), table.get_column("class"), strict=True
                )
            )
            if "sample" in table.columns
            else {}
        )
        return [classes.get(sample) for sample in self.verdict_samples()]

    def verdict_samples(self) -> tuple[str, ...]:
        """The names verdicts are given for: each sample, or the batch."""
        return (BATCH_SAMPLE,) if self.batch else self.samples

    def write_csv(self, target: IO[bytes] | IO[str] | str) -> None:
        """Write ``parameter_table`` as CSV, exactly as ``parameter_table().write_csv`` does,
        then a row with an empty parameter per verdict without any (as ``to_csv_rows``).

        A table of a million measurements repeats per sample the sample's columns, per
        substance its name and limits, and a few dozen combinations of the flag columns. Those
        parts are written once per distinct value (by Polars, so quoting and number format are
        the same) and gathered as text; Polars then writes six columns instead of nineteen.
        """
        if isinstance(target, str):
            with open(target, "w", encoding="utf-8", newline="") as handle:
                self.write_csv(handle)
            return
        body = self._csv_segments()
        unassessed = self._unassessed_rows()
        if body is None:
            self.parameter_table().write_csv(target, float_scientific=False)  # type: ignore[arg-type]
        else:
            header = _EMPTY_PARAMETER_TABLE[self.frame].write_csv()
            if isinstance(target, io.TextIOBase):
                target.write(header)
            else:
                target.write(header.encode())  # type: ignore[arg-type]
            body.write_csv(  # type: ignore[call-overload]
                target, include_header=False, quote_style="never", float_scientific=False
            )
        if unassessed.height:
            unassessed.write_csv(target, include_header=False, float_scientific=False)  # type: ignore[arg-type]

    def _unassessed_rows(self) -> pl.DataFrame:
        """A row with an empty parameter for each verdict without any assessed parameter, as
        ``to_csv_rows`` adds them (the CLI's CSV lost such samples, the page's kept them)."""
        schema = _EMPTY_PARAMETER_TABLE[self.frame]
        items = self._frames.items
        seen = (
            set(self._frames.verdicts.names.gather(items.get_column("s").unique()).to_list())
            if "s" in items.columns and items.height
            else set()
        )
        classes = {r["sample"]: r for r in self.sample_table().iter_rows(named=True)}
        missing = [sample for sample in self.verdict_samples() if sample not in seen]
        # the verdict's own columns: no class, but salt water may have one (``salt_water``)
        own = sample_columns(self.frame)
        return pl.DataFrame(
            {
                "sample": missing,
                **{
                    column: [classes.get(sample, {}).get(column) for sample in missing]
                    for column in own
                },
                "rule_set": [self.rule_set] * len(missing),
            },
            schema={"sample": pl.Utf8, **{c: schema.schema[c] for c in own}, "rule_set": pl.Utf8},
        ).select(
            pl.col(name).cast(dtype)
            if name in ("sample", *own, "rule_set")
            else pl.lit(None, dtype).alias(name)
            for name, dtype in schema.schema.items()
        )

    def _csv_segments(self) -> pl.DataFrame | None:
        """The rows of ``parameter_table`` in order as six columns of CSV text and numbers, or
        ``None`` when a part of the text cannot be written once per distinct value."""
        frames = self._frames
        if frames.catalogue is None or frames.items.height == 0:
            return None
        flags = (
            "compliant",
            "lower_bound",
            "level",
            "above_aw",
            "intervention",
            "decisive",
            "allowance_used",
            "tare_exempt",
            "limit_only",
        )
        if any(frames.items.get_column(column).null_count() for column in flags):
            return None
        substances = frames.catalogue.substances
        size = frames.catalogue.size
        verdicts = frames.verdicts.names.len()
        per_sample = pl.concat(
            [
                pl.DataFrame({"sample": frames.verdicts.names}).select(
                    self._sample_names(pl.int_range(0, verdicts, dtype=CODE))
                ),
                _per_code(frames.classes, verdicts, *sample_columns(self.frame)),
            ],
            how="horizontal",
        ).with_columns(pl.lit(self.rule_set).alias("rule_set"))
        origins = pl.DataFrame({"computed": [False, True]})
        per_substance = substances.select(
            pl.col("id").alias("parameter"), "name", pl.col("sub")
        ).join(origins, how="cross", maintain_order="left_right")
        per_substance = per_substance.select(
            "parameter",
            "name",
            pl.when(pl.col("computed"))
            .then(pl.lit("computed"))
            .otherwise(pl.lit("measured"))
            .alias("origin"),
        )
        classes = pl.Series(CLASSES[self.frame], dtype=pl.Utf8)
        # every combination of the flag columns, by a mixed-radix code: compliant, lower bound,
        # class, then the six after it one bit each
        bits = (
            ("above_aw", "exceeds_background"),
            ("intervention", "exceeds_intervention"),
            ("decisive", "decisive"),
            ("allowance_used", "allowance_used"),
            ("tare_exempt", "tare_exempt"),
            ("limit_only", "limit_only"),
        )
        span = 2 ** len(bits)
        code = pl.col("code")
        combinations = pl.DataFrame(
            {"code": pl.Series(range(4 * len(classes) * span), dtype=pl.UInt32)}
        ).select(
            (code // (2 * len(classes) * span) == 1).alias("compliance_assumed"),
            (code // (len(classes) * span) % 2 == 1).alias("lower_bound"),
            pl.lit(classes).gather(code // span % len(classes)).alias("parameter_class"),
            *[
                (code // 2 ** (len(bits) - 1 - i) % 2 == 1).alias(label)
                for i, (_, label) in enumerate(bits)
            ],
        )
        limits = substances.select(
            *[
                pl.col(column).alias(label)
                for label, column in explanation.LIMIT_COLUMNS[self.frame]
            ]
        )
        texts = [_csv_lines(part) for part in (per_sample, per_substance, combinations, limits)]
        if any(text is None for text in texts):
            return None
        samples, names, flag_texts, limit_texts = texts
        order = (
            frames.verdicts.order_of(pl.col("s")).cast(pl.UInt64) * (2 * (size + 1))
            + (~pl.col("decisive")).cast(pl.UInt64) * (size + 1)
            + pl.lit(substances.get_column("id_rank")).gather(pl.col("sub")).cast(pl.UInt64)
        )
        combination = (
            pl.col("compliant").cast(CODE) * (2 * len(classes) * span)
            + pl.col("lower_bound").cast(CODE) * (len(classes) * span)
            + pl.col("level").cast(CODE) * span
            + pl.sum_horizontal(
                pl.col(column).cast(CODE) * 2 ** (len(bits) - 1 - i)
                for i, (column, _) in enumerate(bits)
            )
        )
        return (
            frames.items.lazy()
            .sort(order)
            .select(
                pl.lit(samples).gather(pl.col("s")).alias("a"),
                pl.lit(names).gather(pl.col("sub") * 2 + pl.col("computed").cast(CODE)).alias("b"),
                _reported(pl.col("value_used")),
                _reported(pl.col("standardised")),
                pl.lit(flag_texts).gather(combination).alias("c"),
                pl.lit(limit_texts).gather(pl.col("sub")).alias("d"),
            )
            .collect()
        )

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
        frame = frame.with_columns(self._parameter_labels(frame.get_column("parameter")))
        for record in frame.iter_rows(named=True):
            params = {
                key: str(record[key])
                for key in ("parameter", "value", "unit", "detail")
                if record[key] is not None
            }
            if record["_label"] is not None:
                params["parameter"] = record["_label"]
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

    def _parameter_labels(self, written: pl.Series) -> pl.Series:
        """How a message names its parameter: as written, or, when the file names the substance
        by a code (an Aquo code such as "12DClC2a" from a SIKB0101 file, a CAS number, a
        symbol), by the regulation's name with the code: "1,2-dichloorethaan (12DClC2a)",
        "zink (Zn; 7440-66-6)", "koper (Cu)". Null where the name as written is kept."""
        catalogue = self._frames.catalogue
        if catalogue is None or written.null_count() == written.len():
            return pl.Series("_label", [None] * written.len(), dtype=pl.Utf8)
        substances = catalogue.substances
        sub = pl.col("sub")
        name = pl.lit(substances.get_column("name")).gather(sub)
        known = pl.concat_list(
            pl.lit(substances.get_column("id").cast(pl.Utf8)).gather(sub),
            name,
            name.str.replace(r"\s*\([^()]*\)$", ""),
        ).list.eval(pl.element().str.to_lowercase())
        as_written = pl.col("written").str.strip_chars()
        return (
            pl.DataFrame({"written": written, "sub": catalogue.identify(written)})
            .select(
                pl.when(
                    sub.is_null()
                    | pl.lit(substances.get_column("is_info")).gather(sub)
                    | known.list.contains(as_written.str.to_lowercase())
                    | as_written.str.contains(r"\s")
                )
                .then(pl.lit(None, pl.Utf8))
                .when(
                    name.str.to_lowercase().str.ends_with("(" + as_written.str.to_lowercase() + ")")
                )
                .then(name)
                .when(name.str.ends_with(")"))
                .then(name.str.head(-1) + "; " + as_written + ")")
                .otherwise(name + " (" + as_written + ")")
                .alias("_label")
            )
            .to_series()
        )

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
        frames = self._frames
        if frames.catalogue is None:
            explained: dict[str, list[dict[str, Any]]] = {}
            samples: dict[str, dict[str, Any]] = {}
            soil: dict[str, dict[str, Any]] = {}
        else:
            measurements = explanation.measurement_details(
                frames.values,
                data=frames.data,
                samples=frames.samples,
                catalogue=frames.catalogue,
                batch=self.batch,
                above_range=frames.above_range.get_column("i"),
            )
            components = explanation.component_details(
                frames.components,
                samples=frames.samples,
                catalogue=frames.catalogue,
                batch=self.batch,
            )
            explained = explanation.parameter_explanations(
                frames.items,
                rule_set=rules,
                frame=self.frame,
                verdicts=frames.verdicts,
                catalogue=frames.catalogue,
                measurements=measurements,
                components=components,
            )
            samples = {r["sample"]: r for r in self.sample_table().iter_rows(named=True)}
            soil = {
                r["sample"]: r
                for r in frames.soil.select(
                    frames.samples.name_of(pl.col("s")).alias("sample"),
                    "lutum",
                    "organic_matter",
                ).iter_rows(named=True)
            }
        undetermined: dict[str, list[str]] = defaultdict(list)
        if frames.catalogue is not None and frames.undetermined.height:
            for sample, substance in frames.undetermined.select(
                frames.verdicts.name_of(pl.col("s")),
                pl.lit(frames.catalogue.column("id")).gather(pl.col("sub")),
            ).iter_rows():
                undetermined[sample].append(substance)
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
                # null: not known (no class, or one withheld)
                "intervention_exceeded": record.get("intervention_exceeded"),
                "intervention_parameters": explanation.names_in(parameters, "exceeds_intervention"),
                "deciding_parameters": explanation.names_in(parameters, "decisive"),
                "undetermined_parameters": sorted(undetermined.get(sample, ())),
                "allowance": {
                    "measured": record.get("n_measured", 0),
                    "allowed": record.get("aw_allowed", 0),
                    "elevated": explanation.names_in(parameters, "exceeds_background"),
                    "used": bool(record.get("aw_allowance_used", False)),
                    "refused": explanation.allowance_refused(record),
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

    def verdicts_head(self, count: int) -> list[dict[str, Any]]:
        """The first ``count`` elements of ``verdicts``, explaining only those: a page or PDF
        that shows 200 of 24,000 samples spent seconds explaining the rest."""
        if self.batch or count >= len(self.samples):
            return self.verdicts[:count]
        frames = self._frames
        shown = self.samples[:count]
        codes = (
            pl.DataFrame({"s": pl.int_range(0, frames.samples.names.len(), dtype=CODE, eager=True)})
            .filter(frames.samples.name_of(pl.col("s")).is_in(list(shown)))
            .get_column("s")
            .implode()
        )
        mine = pl.col("s").is_in(codes)
        head = replace(
            frames,
            values=frames.values.filter(mine),
            items=frames.items.filter(mine),
            components=frames.components.filter(mine),
            classes=frames.classes.filter(mine)
            if "s" in frames.classes.columns
            else frames.classes,
            soil=frames.soil.filter(mine),
            messages=frames.messages.filter(
                pl.col("sample").is_null() | pl.col("sample").is_in(list(shown))
            ),
            above_range=frames.above_range.filter(mine),
            undetermined=frames.undetermined.filter(mine),
        )
        return replace(self, samples=shown, _frames=head).verdicts

    def as_dict(self, verdicts: list[dict[str, Any]] | None = None) -> dict[str, Any]:
        """Rule set, frame, verdicts (``verdicts``: these instead of all, as ``verdicts_head``
        gives them) and the messages not tied to a sample."""
        return {
            "rule_set": self.rule_set,
            "rule_set_title": self._rules.title,
            "frame": self.frame,
            "batch": self.batch,
            "verdicts": self.verdicts if verdicts is None else verdicts,
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
        rows += self._unassessed_rows().to_dicts()
        return rows

    def to_csv(self) -> str:
        """``to_csv_rows`` as CSV text."""
        buffer = io.StringIO()
        header = csv_columns(self.frame)
        writer = csv.DictWriter(
            buffer, fieldnames=header, extrasaction="ignore", lineterminator="\n"
        )
        writer.writeheader()
        writer.writerows(csv_row(row) for row in self.to_csv_rows())
        return buffer.getvalue()


_EMPTY_PARAMETER_TABLE: Final = {
    frame: pl.DataFrame(
        schema={
            "sample": pl.Categorical,
            "class": pl.Utf8,
            "intervention_exceeded": pl.Boolean,
            **dict.fromkeys(sample_columns(frame)[2:], pl.Utf8),
            "rule_set": pl.Utf8,
            "parameter": pl.Categorical,
            "name": pl.Utf8,
            "origin": pl.Utf8,
            "value_used_mg_kg_ds": pl.Float64,
            "standardised_mg_kg_ds": pl.Float64,
            "compliance_assumed": pl.Boolean,
            "lower_bound": pl.Boolean,
            "parameter_class": pl.Utf8,
            "exceeds_background": pl.Boolean,
            "exceeds_intervention": pl.Boolean,
            "decisive": pl.Boolean,
            "allowance_used": pl.Boolean,
            "tare_exempt": pl.Boolean,
            "limit_only": pl.Boolean,
            **dict.fromkeys((label for label, _ in explanation.LIMIT_COLUMNS[frame]), pl.Float64),
        }
    )
    for frame in FRAMES
}


#: Significant digits of the numbers in the CSV table: far more than a lab reports, few enough
#: that floating-point noise (0.7 × 0.2 = 0.13999999999999999) does not show.
CSV_SIGNIFICANT_DIGITS: Final = 12


def _reported(value: pl.Expr) -> pl.Expr:
    """A computed content as the CSV table reports it (``CSV_SIGNIFICANT_DIGITS``)."""
    return value.round_sig_figs(CSV_SIGNIFICANT_DIGITS)


def csv_row(row: dict[str, Any]) -> dict[str, Any]:
    """A row for ``csv.DictWriter`` written as ``write_csv`` writes it: ``true``/``false``, and
    numbers in positional notation with the shortest digits that read back the same
    (``0.00002``, ``190``: Polars with ``float_scientific=False``), not Python's ``2e-05``."""
    return {key: _csv_cell(value) for key, value in row.items()}


def _csv_cell(value: Any) -> Any:
    if isinstance(value, bool):
        return str(value).lower()
    if isinstance(value, float) and math.isfinite(value):
        return np.format_float_positional(value, trim="-")
    return value


def _csv_lines(frame: pl.DataFrame) -> pl.Series | None:
    """Each row of ``frame`` as Polars writes it in a CSV line (``None`` if a value spans lines)."""
    text = frame.write_csv(include_header=False, float_scientific=False)
    lines = text.split("\n")
    if len(lines) != frame.height + 1 or lines[-1] != "" or "\r" in text:
        return None
    return pl.Series(lines[:-1], dtype=pl.Utf8)


def _per_code(frame: pl.DataFrame, size: int, *columns: str) -> pl.DataFrame:
    """``columns`` of a frame keyed by code ``s``, as one row per code ``0 .. size - 1``."""
    return (
        pl.DataFrame({"s": pl.Series(range(size), dtype=CODE)})
        .join(frame.select("s", *columns), on="s", how="left", maintain_order="left")
        .drop("s")
    )


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


def _note(code: str, **fields: pl.Expr) -> pl.DataFrame:
    """One message row not tied to a sample."""
    none = pl.lit(None, pl.Utf8)
    return pl.select(
        none.alias("sample"),
        fields.get("parameter", none).alias("parameter"),
        pl.lit(None, pl.Int64).alias("row"),
        pl.lit(code).alias("code"),
        fields.get("value", none).alias("value"),
        none.alias("unit"),
        fields.get("detail", none).alias("detail"),
        pl.lit(None, CODE).alias("_order"),
    ).cast(CODED_MESSAGE_SCHEMA)  # type: ignore[arg-type]


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
    data = normalise_input(measurements)
    # Analyses of another compartment (SIKB0101 groundwater, ...): not assessed, but named
    others = data.filter(pl.col("compartment").is_not_null())
    compartment_notes = []
    if others.height:
        data = data.filter(pl.col("compartment").is_null())
        for name, count, names in (
            others.group_by("compartment", maintain_order=True)
            .agg(pl.len(), pl.col("sample").unique(maintain_order=True).str.join(", "))
            .iter_rows()
        ):
            compartment_notes.append(
                _note(
                    "other_compartment", value=pl.lit(str(count)), detail=pl.lit(f"{name}: {names}")
                )
            )
    choice = choose(rule_set_id=rules, sampling_date=_sampling_date(data, sampling_date))
    rule_set = choice.rule_set
    samples = code_samples(data)
    if data.height == 0:
        return _empty(rule_set, choice, frame, as_batch, receiving_soil, data, samples)
    substances = catalogue(rule_set, frame)
    prepared = prepare(data, samples, catalogue=substances, frame=frame)
    summed = substance_values(
        prepared.values,
        samples=samples,
        catalogue=substances,
        data=data,
        unstandardised=prepared.unstandardised,
        exempt=substances.codes_of(exempt_as_tare_soil(tare_soil)),
    )
    items = summed.items
    verdicts = samples
    batch_messages = []
    if as_batch:
        verdicts = _batch_samples()
        items, incomplete = batch_means(
            items,
            incomplete=summed.incomplete,
            catalogue=substances,
            samples=samples,
            batch=verdicts,
        )
        batch_messages.append(incomplete)
    # the items taken as the lab reported them, which no result enters (``_reached``); needed
    # only where a result is above the measuring range or cannot be used
    reported = (
        items.filter(~pl.col("computed")).select("s", "sub")
        if prepared.above_range.height or prepared.unusable.height
        else None
    )
    reached = _reached(prepared.above_range, substances, as_batch=as_batch, reported=reported)
    classified = classify(
        items,
        catalogue=substances,
        frame=frame,
        receiving_soil=receiving_soil,
        tare_soil=tare_soil,
        lower_bounds=_lower_bounds(reached),
        counted_from=_as_if_known(
            prepared,
            samples=samples,
            verdicts=verdicts,
            catalogue=substances,
            data=data,
            as_batch=as_batch,
            tare_soil=tare_soil,
        ),
    )
    classes = classified.samples
    flags = _per_code(
        classes.select(
            "s",
            pl.col("level").alias("_class_level"),
            pl.col("aw_allowance_used").alias("_aw_used"),
            # the allowance was refused only because too many exceed the AW: each of them
            # takes part in the class (lowering one of them may let the allowance forgive)
            (
                ~pl.col("aw_allowance_used")
                & (pl.col("n_above_aw") > pl.col("aw_allowed"))
                & (pl.col("n_above_cap") == 0)
                & (pl.col("n_other_above") == 0)
            ).alias("_by_count"),
            (
                pl.col("wonen_allowance_used")
                if "wonen_allowance_used" in classes.columns
                else pl.lit(False)
            ).alias("_wonen_used"),
        ),
        verdicts.names.len(),
        "_class_level",
        "_aw_used",
        "_by_count",
        "_wonen_used",
    )
    assessed = classified.items.with_columns(
        *[pl.lit(flags.get_column(c)).gather(pl.col("s")).alias(c) for c in flags.columns]
    )
    wonen_used = pl.col("_wonen_used").fill_null(False)
    assessed = assessed.with_columns(
        (
            ~pl.col("_aw_used")
            & (pl.col("_class_level") > 0)
            & (
                (wonen_used & (pl.col("level") >= 1))
                | (~wonen_used & (pl.col("level") == pl.col("_class_level")))
                | (~wonen_used & pl.col("_by_count") & pl.col("above_aw"))
            )
        ).alias("decisive"),
        ((pl.col("_aw_used") & pl.col("above_aw")) | (wonen_used & (pl.col("level") == 2))).alias(
            "allowance_used"
        ),
        # which allowance: the Wonen one of the receiving soil (art 4.10.2 lid 3), else the AW one
        (wonen_used & (pl.col("level") == 2)).alias("wonen_allowance_used"),
    ).drop("_class_level", "_aw_used", "_by_count", "_wonen_used")
    if reached.height:
        reached = reached.join(
            assessed.select("s", pl.col("sub").alias("target")), on=["s", "target"], how="semi"
        )
    assessed = assessed.with_columns(
        # a result above the measuring range is behind the value (itself or through a sum)
        pl.struct("s", "sub")
        .is_in(reached.select(pl.struct("s", pl.col("target").alias("sub"))).to_series().implode())
        .alias("lower_bound")
        if reached.height
        else pl.lit(False).alias("lower_bound")
    )
    no_norm = message_rows(
        classified.no_norm.with_columns(pl.lit(None, pl.Int64).alias("row")),
        verdicts,
        "no_norm",
        parameter=pl.lit(substances.column("name")).gather(pl.col("sub")),
        detail=pl.lit(frame),
    )
    unclassed = (
        pl.DataFrame({"s": pl.int_range(0, verdicts.names.len(), dtype=CODE, eager=True)})
        .filter(~pl.col("s").is_in(classes.get_column("s").implode()))
        .with_columns(
            pl.lit(None, pl.Int64).alias("row"), verdicts.order_of(pl.col("s")).alias("_position")
        )
        .filter(pl.col("_position").is_not_null())
        .sort("_position")
    )
    notes = []
    if frame == "waterbodem":
        notes.append(_salt_area_messages(classified.items, verdicts, substances))
    if (
        frame == "waterbodem"
        and "spreading_adjacent" in classes.columns
        and (classes["spreading_adjacent"] == "onbepaald").any()
    ):
        notes.append(_note("mspaf_not_computed"))
    undetermined = _undetermined(
        prepared.unusable, substances, frame=frame, as_batch=as_batch, reported=reported
    )
    tested = _spreading_tested(substances) if frame == "waterbodem" else {}
    salt_reached: dict[str, pl.DataFrame] = {}
    salt_unknown: dict[str, pl.DataFrame] = {}
    salt_bounds = (
        pl.concat(
            [
                reached,
                _reached(
                    prepared.dropped_above_range, substances, as_batch=as_batch, reported=reported
                ),
            ]
        )
        if frame == "waterbodem" and prepared.dropped.height
        else reached
    )
    salt = (
        measured_salt_water(
            prepared,
            assessed=classified.items,
            samples=samples,
            verdicts=verdicts,
            catalogue=substances,
            data=data,
            as_batch=as_batch,
            tare_soil=tare_soil,
            lower_bounds=_lower_bounds(salt_bounds),
        )
        if frame == "waterbodem"
        else None
    )
    unassessable = _unassessable_messages(unclassed, salt, verdicts)
    if salt is not None:
        # salt water used the contents that could not be standardised, at their number
        classes = with_salt_verdicts(classes, salt)
        notes.append(measured_only_messages(salt, verdicts, substances))
        notes.append(
            _salt_area_messages(
                salt.items.join(salt.measured_only, on=["s", "sub"], how="semi"),
                verdicts,
                substances,
            )
        )
        salt_reached["spreading_salt"] = salt_bounds
        salt_unknown["spreading_salt"] = _undetermined(
            prepared.unusable.join(prepared.dropped.select("i"), on="i", how="anti"),
            substances,
            frame=frame,
            as_batch=as_batch,
            reported=reported,
        )
    classes, undecided = _withheld(
        classes, reached, verdicts, "class_undecided_above_range", tested, salt_reached
    )
    classes, unknown = _withheld(
        classes, undetermined, verdicts, "class_undecided_input_error", tested, salt_unknown
    )
    messages = pl.concat(
        [
            prepared.messages,
            summed.messages,
            *batch_messages,
            no_norm,
            unassessable,
            undecided,
            unknown,
            *notes,
            *compartment_notes,
        ],
        how="vertical",
    )
    if as_batch:
        messages = messages.sort("row", nulls_last=True, maintain_order=True)
    else:
        messages = messages.sort(["_order", "row"], nulls_last=True, maintain_order=True)
    return Assessment(
        rule_set=rule_set.id,
        frame=frame,
        batch=as_batch,
        samples=samples.observed,
        receiving_soil=receiving_soil,
        _rules=rule_set,
        _choice=choice,
        _frames=_Frames(
            data=data,
            samples=samples,
            verdicts=verdicts,
            catalogue=substances,
            values=prepared.values,
            items=assessed,
            components=summed.components,
            classes=classes,
            soil=prepared.soil,
            messages=messages.drop("_order"),
            above_range=prepared.above_range,
            undetermined=undetermined.select("s", pl.col("target").alias("sub")).unique(),
        ),
    )


def _as_if_known(
    prepared: Prepared,
    *,
    samples: Samples,
    verdicts: Samples,
    catalogue: Catalogue,
    data: pl.DataFrame,
    as_batch: bool,
    tare_soil: Collection[str],
) -> pl.DataFrame | None:
    """The items as they would be if every measurement that cannot be used (``1O0``, no lutum
    to standardise it) were at 0: a content that is unknown was measured all the same, so the
    allowances count it and the sums it would complete (``classify``'s ``counted_from``);
    ``None`` when every measurement can be used. Raising the unknown contents from 0 can only
    make a verdict worse, which is why such a verdict is withheld or left open (``_withheld``)
    but not counted with fewer substances than were measured."""
    unusable = prepared.unusable
    if unusable.height == 0:
        return None
    values = prepared.values
    zeros = unusable.select(
        *[
            pl.col(name)
            if name in unusable.columns
            else pl.lit(
                False if dtype == pl.Boolean else (1.0 if name == "factor" else None),
                dtype,
            ).alias(name)
            for name, dtype in values.schema.items()
        ]
    ).with_columns(pl.lit(0.0).alias(c) for c in ("value_mg", "value_used", "standardised"))
    summed = substance_values(
        pl.concat([values, zeros.cast(values.schema)], how="vertical"),  # type: ignore[arg-type]
        samples=samples,
        catalogue=catalogue,
        data=data,
        exempt=catalogue.codes_of(exempt_as_tare_soil(tare_soil)),
    )
    if not as_batch:
        return summed.items
    items, _ = batch_means(
        summed.items,
        incomplete=summed.incomplete,
        catalogue=catalogue,
        samples=samples,
        batch=verdicts,
    )
    return items


def _spreading_tested(catalogue: Catalogue) -> dict[str, pl.Series]:
    """Per spreading verdict, which substances it tests (by code): an unknown content of
    another leaves it as it is (phenol, which has no salt-water value)."""
    substances = catalogue.substances

    def given(*columns: str) -> pl.Series:
        return pl.select(
            pl.any_horizontal(pl.lit(substances.get_column(c)).is_not_null() for c in columns)
        ).to_series()

    return {
        "spreading_fresh": given("klasse_a", "aw"),
        "spreading_adjacent": given("aangrenzend_perceel_max", "land_iw", "land_aw")
        | substances.get_column("in_mspaf"),
        "spreading_salt": given("verspreiden_zout"),
    }


def _withheld(
    classes: pl.DataFrame,
    reached: pl.DataFrame,
    verdicts: Samples,
    code: str,
    tested: Mapping[str, pl.Series] | None = None,
    own: Mapping[str, pl.DataFrame] | None = None,
) -> tuple[pl.DataFrame, pl.DataFrame]:
    """The verdicts, and their messages (``code``), where a content behind a classed parameter
    is not known exactly: a result above the lab's measuring range (``">5000"``), tested at its
    number, a lower bound; or a measurement that was made but cannot be used (``"1O0"``, no
    organic matter to standardise it), left out.

    Raising a content never improves a verdict (``tests/test_properties.py``), so a class that
    is already niet_toepasbaar stands, as does a spreading verdict niet_verspreidbaar. Any other
    class could be worse than shown: it is withheld, and a spreading verdict verspreidbaar
    becomes onbepaald. Only contents that reach a classed parameter count, themselves or through
    a sum; one that enters a sum with a negative factor (free cyanide in complex cyanide) could
    also make the verdict better, so it leaves even niet_toepasbaar open. ``reached`` is
    ``_reached`` limited to the assessed parameters; ``tested`` limits it further per spreading
    verdict to the substances that verdict tests (``_spreading_tested``); ``own`` replaces
    ``reached`` for a spreading verdict that used other contents (salt water, ``salt_water``).
    """
    own = own or {}
    if "s" not in classes.columns or (
        reached.height == 0 and not any(frame.height for frame in own.values())
    ):
        return classes, pl.DataFrame(schema=CODED_MESSAGE_SCHEMA)

    def hits(reached: pl.DataFrame) -> tuple[pl.Expr, pl.Expr]:
        return pl.col("s").is_in(reached.get_column("s").unique().implode()), pl.col("s").is_in(
            reached.filter(pl.col("factor") < 0).get_column("s").unique().implode()
        )

    hit, reversed_ = hits(reached)
    open_class = hit & ((pl.col("class") != WORST_CLASS) | reversed_)
    undecided = message_rows(
        classes.filter(open_class & pl.col("class").is_not_null()).with_columns(
            pl.lit(None, pl.Int64).alias("row")
        ),
        verdicts,
        code,
        detail=pl.col("class"),
    )
    changes = [
        pl.when(open_class).then(None).otherwise(pl.col("class")).alias("class"),
        # whether an intervention value is exceeded is not known either, unless one is
        pl.when(hit & ~pl.col("intervention_exceeded").fill_null(False))
        .then(None)
        .otherwise(pl.col("intervention_exceeded"))
        .alias("intervention_exceeded"),
    ]
    tested = tested or {}

    def hit_for(column: str) -> tuple[pl.Expr, pl.Expr]:
        used = own.get(column, reached)
        if column in tested:
            used = used.filter(pl.lit(tested[column]).gather(pl.col("target")))
        return hits(used)

    for column in ("spreading_fresh", "spreading_adjacent", "spreading_salt"):
        if column in classes.columns:
            column_hit, column_reversed = hit_for(column)
            changes.append(
                pl.when(column_hit & ((pl.col(column) == "verspreidbaar") | column_reversed))
                .then(pl.lit("onbepaald"))
                .otherwise(pl.col(column))
                .alias(column)
            )
    return classes.with_columns(changes), undecided


def _undetermined(
    unusable: pl.DataFrame,
    catalogue: Catalogue,
    *,
    frame: str,
    as_batch: bool,
    reported: pl.DataFrame | None = None,
) -> pl.DataFrame:
    """``_reached`` of the measurements that were made but cannot be used, limited to the
    parameters the frame tests (a class value or, alone, an intervention value)."""
    if unusable.height == 0:
        return pl.DataFrame(schema={"s": CODE, "target": CODE, "factor": pl.Float64})
    substances = catalogue.substances
    limit_only = "iw" if frame == "grond" else "industrie_in_water"
    tested = substances.get_column("has_value") | substances.get_column(limit_only).is_not_null()
    reached = _reached(unusable, catalogue, as_batch=as_batch, reported=reported)
    return reached.filter(pl.lit(tested).gather(pl.col("target")))


def _reached(
    above_range: pl.DataFrame,
    catalogue: Catalogue,
    *,
    as_batch: bool,
    reported: pl.DataFrame | None = None,
) -> pl.DataFrame:
    """Per verdict (``s``) what each result above the range enters (``target``): its own
    substance, the sums it is a component of and the sums those lie within, with the product
    of the factors on the way (``factor``). A sum the verdict takes as the lab reported it
    (``reported``: ``s`` and ``sub`` of items that are not computed) is made of no component:
    free cyanide beside a reported complex cyanide enters nothing."""
    links = pl.concat(
        [
            catalogue.sums.select("sum", "component", "factor"),
            catalogue.sub_sums.select("sum", "component", "factor"),
        ]
    )
    step = above_range.select(
        pl.lit(0, CODE).alias("s") if as_batch else pl.col("s"),
        pl.col("sub").alias("target"),
        pl.lit(1.0).alias("factor"),
    )
    reached = [step]
    while step.height:
        step = step.join(links, left_on="target", right_on="component").select(
            "s", pl.col("sum").alias("target"), pl.col("factor") * pl.col("factor_right")
        )
        if reported is not None and reported.height:
            step = step.join(
                reported.select("s", pl.col("sub").alias("target")),
                on=["s", "target"],
                how="anti",
                maintain_order="left",
            )
        reached.append(step)
    return pl.concat(reached)


def _lower_bounds(reached: pl.DataFrame) -> pl.DataFrame:
    """``s`` and ``sub`` of the items only known to be higher than their number: reached by a
    result above the measuring range, on every path with a positive factor (free cyanide,
    subtracted from complex cyanide, makes that an upper bound)."""
    return (
        reached.group_by("s", "target")
        .agg((pl.col("factor") > 0).all().alias("_up"))
        .filter(pl.col("_up"))
        .select("s", pl.col("target").alias("sub"))
    )


def _unassessable_messages(
    unclassed: pl.DataFrame, salt: SaltWater | None, verdicts: Samples
) -> pl.DataFrame:
    """An error per verdict without a class: none of its parameters could be assessed, or only
    for spreading in salt water, which uses the measured contents (``salt_water``)."""
    if salt is None:
        return message_rows(unclassed, verdicts, "no_assessable_parameters")
    salted = pl.col("s").is_in(salt.verdicts.get_column("s").implode())
    return pl.concat(
        [
            message_rows(unclassed.filter(~salted), verdicts, "no_assessable_parameters"),
            message_rows(unclassed.filter(salted), verdicts, "only_salt_water_assessable"),
        ],
        how="vertical",
    )


def _salt_area_messages(
    items: pl.DataFrame, verdicts: Samples, catalogue: Catalogue
) -> pl.DataFrame:
    """A note per verdict and substance whose spreading in salt water depends on the area."""
    rows = items.filter(salt_area_dependent()).with_columns(pl.lit(None, pl.Int64).alias("row"))
    return message_rows(
        rows,
        verdicts,
        "salt_water_area",
        parameter=pl.lit(catalogue.column("name")).gather(pl.col("sub")),
        value=pl.col("value_used").round_sig_figs(CSV_SIGNIFICANT_DIGITS).cast(pl.Utf8),
        unit=pl.lit("mg/kg ds"),
        detail=pl.format(
            "{}–{}",
            pl.col("verspreiden_zout").round_sig_figs(CSV_SIGNIFICANT_DIGITS),
            pl.col("verspreiden_zout_max").round_sig_figs(CSV_SIGNIFICANT_DIGITS),
        ),
    )


def _batch_samples() -> Samples:
    """The verdict samples of a batch: the batch alone, code 0."""
    return Samples(
        codes=pl.Series("s", [], dtype=CODE),
        names=pl.Series("sample", [BATCH_SAMPLE], dtype=pl.Utf8),
        order=pl.Series("order", [0], dtype=CODE),
        observed=(BATCH_SAMPLE,),
    )


def _empty(
    rule_set: RuleSet,
    choice: RuleSetChoice,
    frame: str,
    batch: bool,
    receiving_soil: bool,
    data: pl.DataFrame,
    samples: Samples,
) -> Assessment:
    empty = pl.DataFrame()
    return Assessment(
        rule_set=rule_set.id,
        frame=frame,
        batch=batch,
        samples=samples.observed,
        receiving_soil=receiving_soil,
        _rules=rule_set,
        _choice=choice,
        _frames=_Frames(
            data=data,
            samples=samples,
            verdicts=_batch_samples() if batch else samples,
            catalogue=None,
            values=empty,
            items=empty,
            components=empty.lazy(),
            classes=pl.DataFrame(
                schema={"sample": pl.Utf8, "class": pl.Utf8, "intervention_exceeded": pl.Boolean}
            ),
            soil=pl.DataFrame(
                schema={"sample": pl.Utf8, "lutum": pl.Float64, "organic_matter": pl.Float64}
            ),
            messages=_note("no_measurements").drop("_order"),
            above_range=pl.DataFrame(schema={"i": CODE}),
            undetermined=pl.DataFrame(schema={"s": CODE, "sub": CODE}),
        ),
    )


__all__ = [
    "CLASSES",
    "Assessment",
    "UnknownFrameError",
    "assess",
    "csv_columns",
    "csv_row",
    "empty_messages",
]
