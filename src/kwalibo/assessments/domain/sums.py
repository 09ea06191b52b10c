"""Values per sample and substance, including sums computed from their components.

* Sums (Rbk 2015 Bijlage N): PAH-10, PCB-7, xylenes, cresols, chlorobenzenes, chlorophenols,
  DDT, DDE, DDD, DDT/DDE/DDD, drins, HCH, chlordane, heptachlor epoxide, the OCB sum (the land
  and water-bed lists differ), organotin, phthalates, ... are the sum of their standardised
  components; a component "< RG" counts as 0.7 × RG, and when every component may be assumed
  to comply (all "< RG" at or below the tabel 1 limit) the sum may be assumed to comply too
  (Bijlage G IV A). A component that was not measured adds nothing; the explanation says how
  many of the components were measured.
* Dioxin (som TEQ) = Σ concentration × TEF (Bijlage B tabel 1 opmerking 3), computed only when
  a dioxin or furan congener was measured (not from PCB 118 measured for the PCB sum); asbestos =
  serpentine + 10 × amphibole (tabel 1 voetnoot 10); complex cyanide = total − free cyanide
  (tabel 1 voetnoot 5), never below zero.
* A sum the lab reports itself is used only when none of its components was measured.
* Duplicate measurements of one substance in one sample are averaged (with a message).
* Batch (partij): the arithmetic mean per substance over the samples, of values standardised
  per measurement (Rbk art 4.2.2 lid 1, Bijlage G III); a mean may be assumed to comply only
  when every value in it may (Bijlage G IV A).

Not implemented (no data to decide it): the Bijlage N rule that non-normed substances which by
nature belong to a normed sum must individually stay below the sum's norm, and the maximum of
0.45 mg/kg ds for individual non-normed aromatic solvents (tabel 1 voetnoot 6).
"""

from __future__ import annotations

from typing import Final

import polars as pl

from kwalibo.assessments.domain.measurements import MESSAGE_SCHEMA
from kwalibo.assessments.domain.rules import RuleSet

BATCH_SAMPLE: Final = "partij"
TEQ_SUM: Final = "dioxine_teq"

ITEM_COLUMNS: Final = (
    "sample",
    "substance",
    "standardised",
    "value_used",
    "compliant",
    "origin",
    "n_components",
    "n_values",
)


def substance_values(
    values: pl.DataFrame, *, rule_set: RuleSet, frame: str
) -> tuple[pl.DataFrame, pl.DataFrame, pl.DataFrame]:
    """Per sample and substance: standardised value, value used, compliance; sums included.

    Returns:
        ``(items, components, messages)``: one item per (sample, substance) with the columns
        ``ITEM_COLUMNS`` (``origin`` is ``measured`` or ``computed``); the component rows of
        each computed sum (``sample``, ``sum``, ``component``, ``factor``, ``standardised``,
        ``value_used``, ``compliant``) for the explanation; and message rows.
    """
    messages: list[pl.DataFrame] = []
    per_substance = _per_substance(values)
    messages.append(
        per_substance.filter(pl.col("n_values") > 1).select(
            "sample",
            "parameter",
            "row",
            pl.lit("duplicate").alias("code"),
            pl.lit(None, pl.Utf8).alias("value"),
            pl.lit(None, pl.Utf8).alias("unit"),
            pl.col("n_values").cast(pl.Utf8).alias("detail"),
        )
    )
    definitions = rule_set.sums_for(frame)
    components = per_substance.join(
        definitions.rename({"component": "substance"}), on="substance", how="inner"
    )
    # A sum needs a component that adds: free cyanide alone (factor -1) computes no complex
    # cyanide.
    # The dioxin TEQ needs a dioxin or furan congener: PCB 118 measured for the PCB sum alone
    # does not make a TEQ (Bijlage B tabel 1 opmerking 3; the seven PCBs of the sum do not count).
    positive = (
        components.filter(
            (pl.col("factor") > 0)
            & ~((pl.col("sum") == TEQ_SUM) & pl.col("substance").is_in(rule_set.group("pcb")))
        )
        .select("sample", "sum")
        .unique()
    )
    components = components.join(positive, on=["sample", "sum"], how="semi").select(
        "sample",
        "sum",
        pl.col("substance").alias("component"),
        "factor",
        "standardised",
        "value_used",
        "compliant",
    )
    expected = definitions.group_by("sum").agg(pl.len().alias("n_expected"))
    computed = (
        components.group_by("sample", "sum")
        .agg(
            (pl.col("factor") * pl.col("standardised"))
            .sum()
            .clip(lower_bound=0)
            .alias("standardised"),
            (pl.col("factor") * pl.col("value_used")).sum().clip(lower_bound=0).alias("value_used"),
            pl.col("compliant").all(),
            pl.len().alias("n_components"),
        )
        .rename({"sum": "substance"})
        .join(expected.rename({"sum": "substance"}), on="substance", how="left")
    )
    names = rule_set.substances.select(pl.col("id").alias("substance"), pl.col("name"))
    partial = computed.filter(pl.col("n_components") < pl.col("n_expected")).join(
        names, on="substance", how="left"
    )
    messages.append(
        partial.select(
            "sample",
            pl.col("name").alias("parameter"),
            pl.lit(None, pl.Int64).alias("row"),
            pl.lit("sum_partial").alias("code"),
            pl.lit(None, pl.Utf8).alias("value"),
            pl.lit(None, pl.Utf8).alias("unit"),
            pl.format("{} of {}", "n_components", "n_expected").alias("detail"),
        )
    )
    direct = per_substance.join(
        computed.select("sample", "substance"), on=["sample", "substance"], how="anti"
    )
    ignored = per_substance.join(
        computed.select("sample", "substance"), on=["sample", "substance"], how="semi"
    )
    messages.append(
        ignored.select(
            "sample",
            "parameter",
            "row",
            pl.lit("sum_reported_ignored").alias("code"),
            pl.lit(None, pl.Utf8).alias("value"),
            pl.lit(None, pl.Utf8).alias("unit"),
            pl.lit(None, pl.Utf8).alias("detail"),
        )
    )
    items = pl.concat(
        [
            direct.select(
                "sample",
                "substance",
                "standardised",
                "value_used",
                "compliant",
                pl.lit("measured").alias("origin"),
                pl.lit(0, pl.UInt32).alias("n_components"),
                pl.col("n_values").cast(pl.UInt32),
            ),
            computed.select(
                "sample",
                "substance",
                "standardised",
                "value_used",
                "compliant",
                pl.lit("computed").alias("origin"),
                pl.col("n_components").cast(pl.UInt32),
                pl.lit(1, pl.UInt32).alias("n_values"),
            ),
        ],
        how="vertical",
    )
    return items, components, pl.concat([m.cast(MESSAGE_SCHEMA) for m in messages])  # type: ignore[arg-type]


def _per_substance(values: pl.DataFrame) -> pl.DataFrame:
    """One row per (sample, substance): the mean of duplicate measurements.

    Most files measure each substance once per sample; that is checked on an integer key built
    from the categorical codes, and only files with duplicates pay for the group-by.
    """
    columns = ("sample", "substance", "standardised", "value_used", "compliant", "parameter", "row")
    if values.schema["sample"] == pl.Categorical and values.schema["substance"] == pl.Categorical:
        key = pl.col("sample").to_physical().cast(pl.UInt64) * (1 << 32) + pl.col(
            "substance"
        ).to_physical().cast(pl.UInt64)
        if values.select(key.n_unique()).item() == values.height:
            return values.select(*columns, pl.lit(1, pl.UInt32).alias("n_values"))
    return values.group_by("sample", "substance").agg(
        pl.col("standardised").mean(),
        pl.col("value_used").mean(),
        pl.col("compliant").all(),
        pl.col("parameter").first(),
        pl.col("row").first(),
        pl.len().alias("n_values"),
    )


def batch_means(items: pl.DataFrame) -> pl.DataFrame:
    """The items of a batch: the mean per substance over all samples (see the docstring)."""
    return (
        items.group_by("substance")
        .agg(
            pl.lit(BATCH_SAMPLE).alias("sample"),
            pl.col("standardised").mean(),
            pl.col("value_used").mean(),
            pl.col("compliant").all(),
            pl.col("origin").first(),
            pl.col("n_components").max(),
            pl.len().cast(pl.UInt32).alias("n_values"),
        )
        .select(*ITEM_COLUMNS)
    )
