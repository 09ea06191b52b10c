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
* A sum the lab reports itself gives way to one computed from all its components; from only
  part of them, the reported value is used when it is not lower. Within a larger sum a reported
  inner sum (xylenen (som), amfibool, DDT (som)) stands in for its components on the same
  terms. m,p-xylene stands for m- and p-xylene; given beside them, the larger form counts.
* Duplicate measurements of one substance in one sample are averaged (with a message).
* Batch (partij): the arithmetic mean per substance over the samples, of values standardised
  per measurement (Rbk art 4.2.2 lid 1, Bijlage G III); a mean may be assumed to comply only
  when every value in it may (Bijlage G IV A).
* A "< RG" assumed to comply is kept in a sample without the lutum or organic matter to
  standardise it (``measurements``); it has no standardised value, so a sum or mean over it is
  assessed only when every value in it may be assumed to comply. A substance with a quantified
  value that cannot be standardised is not assessed in that sample, nor are its sums or its
  batch mean.

The maximum of 0.45 mg/kg ds for each aromatic solvent that is not normed itself (tabel 1
voetnoot 6, tabel 2 voetnoot 7) is rule data: norm rows of those components, which
``classification`` tests like any other. Not implemented (no data to decide it): the Bijlage N
rule that non-normed substances which by nature belong to a normed sum must individually stay
below the sum's norm.
"""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass
from typing import Final

import polars as pl

from kwalibo.assessments.domain.catalogue import CODE, TEQ_SUM, Catalogue, outside_exempt
from kwalibo.assessments.domain.measurements import CODED_MESSAGE_SCHEMA, Samples, message_rows

BATCH_SAMPLE: Final = "partij"

__all__ = [
    "BATCH_SAMPLE",
    "ITEM_COLUMNS",
    "TEQ_SUM",
    "Substances",
    "batch_means",
    "substance_values",
]

#: Columns of the items: sample and substance codes, values, whether the value is a computed
#: sum (``origin`` ``computed``, else ``measured``), counts of components and of values.
ITEM_COLUMNS: Final = (
    "s",
    "sub",
    "standardised",
    "value_used",
    "compliant",
    "computed",
    "n_components",
    "n_values",
)


@dataclass(frozen=True)
class Substances:
    """Values per sample and substance.

    Attributes:
        items: One row per (sample, substance), columns ``ITEM_COLUMNS``.
        components: The components of each computed sum: ``s``, ``sum``, ``component``,
            ``factor``, ``standardised``, ``value_used``, ``compliant`` (for explanations;
            computed when collected).
        messages: Message rows.
        incomplete: ``s`` and ``sub`` of each substance or sum that is not assessed in a
            sample because a measurement of it cannot be standardised there.
    """

    items: pl.DataFrame
    components: pl.LazyFrame
    messages: pl.DataFrame
    incomplete: pl.DataFrame


def substance_values(
    values: pl.DataFrame,
    *,
    samples: Samples,
    catalogue: Catalogue,
    data: pl.DataFrame,
    unstandardised: pl.DataFrame | None = None,
    exempt: Collection[int] = (),
) -> Substances:
    """Per sample and substance: standardised value, value used, compliance; sums included.

    A substance with a measurement that cannot be standardised (``unstandardised``) is not
    assessed in that sample, nor is a sum of which it is a component: a duplicate or component
    assumed to comply below the reporting limit does not stand in for a quantified one.

    Args:
        values: ``Prepared.values``.
        samples: The sample codes.
        catalogue: The rule set's substances for the frame.
        data: The normalised input (for the parameter names as written in messages).
        unstandardised: ``Prepared.unstandardised``.
        exempt: Codes of the substances exempt as tare soil (Rbk art 4.14.1): their values
            "gelden niet", so they are left out of any other sum they are part of (toluene of
            the aromatic solvents; a sum of toluene alone is none), with a note.
    """
    incomplete = pl.DataFrame(schema={"s": CODE, "sub": CODE})
    if unstandardised is not None and unstandardised.height:
        incomplete = unstandardised.unique(maintain_order=True)
        values = values.join(incomplete, on=["s", "sub"], how="anti", maintain_order="left")
    per_substance = _per_substance(values, catalogue.size, samples.names.len())
    duplicates = per_substance.filter(pl.col("n_values") > 1)
    messages = [
        message_rows(
            duplicates,
            samples,
            "duplicate",
            data=data,
            written=("parameter",),
            detail=pl.col("n_values").cast(pl.Utf8),
        )
    ]
    substances = catalogue.substances
    # A sum needs a component that adds: free cyanide alone (factor -1) computes no complex
    # cyanide. The dioxin TEQ needs a dioxin or furan congener: PCB 118 measured for the PCB sum
    # alone does not make a TEQ (Bijlage B tabel 1 opmerking 3; ``Catalogue.sums``, ``adds``).
    candidates = (
        per_substance.lazy()
        .filter(pl.lit(substances.get_column("is_component")).gather(pl.col("sub")))
        .select("s", "sub", "standardised", "value_used", "compliant")
        .join(
            catalogue.sums.lazy().rename({"component": "sub"}),
            on="sub",
            how="inner",
            maintain_order="left",
        )
        .with_columns(pl.lit(1, pl.UInt32).alias("weight"))
    )
    expected = catalogue.expected
    if exempt:
        candidates, expected, notes = _without_exempt(candidates, catalogue, exempt, samples)
        messages.append(notes)
    combined = catalogue.combined
    if (
        combined.height
        and per_substance.get_column("sub").is_in(combined["component"].implode()).any()
    ):
        candidates, overlaps = _combined(candidates, combined, substances.get_column("name"))
        messages.append(
            message_rows(
                overlaps.with_columns(pl.lit(None, pl.Int64).alias("row")),
                samples,
                "combined_component_overlap",
                parameter=pl.lit(substances.get_column("name")).gather(pl.col("sum")),
                detail=pl.col("used"),
            )
        )
    standing_in = _standing_in(per_substance, catalogue)
    if standing_in is not None:
        rows, displaced = standing_in
        candidates = pl.concat(
            [
                candidates.join(
                    displaced.lazy(), on=["s", "sum", "sub"], how="anti", maintain_order="left"
                ),
                rows,
            ],
            how="vertical",
        )
    # Eager, on the two code columns: Polars then adds up each sum's components in the same order
    # as it always has, so the sums keep their last digits.
    computed = (
        candidates.collect()
        .group_by("s", "sum")
        .agg(
            (pl.col("factor") * pl.col("standardised"))
            .sum()
            .clip(lower_bound=0)
            .alias("standardised"),
            (pl.col("factor") * pl.col("value_used")).sum().clip(lower_bound=0).alias("value_used"),
            pl.col("compliant").all(),
            pl.col("weight").sum().alias("n_components"),
            pl.col("adds").any(),
            pl.col("standardised").null_count().alias("unstandardised"),
        )
        .filter(pl.col("adds"))
        .drop("adds")
        .sort("s", "sum")
        .with_columns(pl.lit(expected).gather(pl.col("sum")).alias("n_expected"))
    )
    if incomplete.height or computed.get_column("unstandardised").sum():
        # A sum with a component assumed to comply but not standardised has no standardised
        # value; it is assessed only when every component may be assumed to comply.
        blocked = pl.concat(
            [
                incomplete.join(
                    pl.concat(
                        [
                            catalogue.sums.select(pl.col("component").alias("sub"), "sum"),
                            catalogue.sub_sums.select(pl.col("component").alias("sub"), "sum"),
                        ]
                    ),
                    on="sub",
                ).select("s", "sum"),
                computed.filter((pl.col("unstandardised") > 0) & ~pl.col("compliant")).select(
                    "s", "sum"
                ),
            ]
        ).unique()
        computed = computed.join(blocked, on=["s", "sum"], how="anti", maintain_order="left")
        computed = computed.with_columns(
            pl.when(pl.col("unstandardised") > 0)
            .then(None)
            .otherwise(pl.col("standardised"))
            .alias("standardised")
        )
        incomplete = pl.concat(
            [incomplete, blocked.select("s", pl.col("sum").alias("sub"))], how="vertical"
        ).unique(maintain_order=True)
    computed = computed.drop("unstandardised")
    # A sum computed from part of its components does not overrule a higher value the lab
    # reports for it: the lab that reports the sum measured more than the components it lists.
    reported = (
        per_substance.lazy()
        .filter(pl.lit(substances.get_column("has_components")).gather(pl.col("sub")))
        .select("s", "sub", "i", "row", "value_used")
        .collect()
    )
    partial = computed.filter(pl.col("n_components") < pl.col("n_expected"))
    preferred = reported.join(
        partial.select(
            "s",
            pl.col("sum").alias("sub"),
            "n_components",
            "n_expected",
            pl.col("value_used").alias("computed_value"),
        ),
        on=["s", "sub"],
        maintain_order="left",
    ).filter(pl.col("value_used") >= pl.col("computed_value"))
    if preferred.height:
        computed = computed.join(
            preferred.select("s", pl.col("sub").alias("sum")),
            on=["s", "sum"],
            how="anti",
            maintain_order="left",
        )
        messages.append(
            message_rows(
                preferred,
                samples,
                "sum_reported_used",
                data=data,
                written=("parameter",),
                detail=pl.format("{}/{}", "n_components", "n_expected"),
            )
        )
    # The components of a sum, also of a reported one used instead of the partial sum computed
    # from them: the explanation shows the lab rows that were weighed against it.
    explained_sums = computed.select("s", "sum")
    if preferred.height:
        explained_sums = pl.concat(
            [explained_sums, preferred.select("s", pl.col("sub").alias("sum"))]
        )
    components = candidates.join(
        explained_sums.lazy(), on=["s", "sum"], how="semi", maintain_order="left"
    ).select(
        "s",
        "sum",
        pl.col("sub").alias("component"),
        "factor",
        "standardised",
        "value_used",
        "compliant",
    )
    messages.append(
        message_rows(
            computed.filter(pl.col("n_components") < pl.col("n_expected")).with_columns(
                pl.lit(None, pl.Int64).alias("row")
            ),
            samples,
            "sum_partial",
            parameter=pl.lit(substances.get_column("name")).gather(pl.col("sum")),
            detail=pl.format("{}/{}", "n_components", "n_expected"),
        )
    )
    # A sum the lab reports itself is not used when it is computed from its components.
    ignored = reported.join(
        computed.select("s", pl.col("sum").alias("sub")),
        on=["s", "sub"],
        how="semi",
        maintain_order="left",
    )
    messages.append(
        message_rows(ignored, samples, "sum_reported_ignored", data=data, written=("parameter",))
    )
    direct = per_substance
    if ignored.height:
        direct = per_substance.join(ignored.select("i"), on="i", how="anti", maintain_order="left")
    items = pl.concat(
        [
            direct.select(
                "s",
                "sub",
                "standardised",
                "value_used",
                "compliant",
                pl.lit(False).alias("computed"),
                pl.lit(0, pl.UInt32).alias("n_components"),
                pl.col("n_values").cast(pl.UInt32),
            ),
            computed.select(
                "s",
                pl.col("sum").alias("sub"),
                "standardised",
                "value_used",
                "compliant",
                pl.lit(True).alias("computed"),
                pl.col("n_components").cast(pl.UInt32),
                pl.lit(1, pl.UInt32).alias("n_values"),
            ),
        ],
        how="vertical",
    )
    return Substances(
        items=items,
        components=components,
        messages=pl.concat(messages, how="vertical"),
        incomplete=incomplete,
    )


def _without_exempt(
    candidates: pl.LazyFrame, catalogue: Catalogue, exempt: Collection[int], samples: Samples
) -> tuple[pl.LazyFrame, pl.Series, pl.DataFrame]:
    """The candidates without the exempt tare-soil substances in sums that are not exempt
    themselves, the number of components each sum then expects, and a note per sample and
    sum that left one out (``exempt_outside_sum``)."""
    outside = outside_exempt(pl.col("sub"), pl.col("sum"), exempt)
    left_out = candidates.filter(outside).select("s", "sub", "sum").collect()
    removed = (
        catalogue.sums.filter(outside_exempt(pl.col("component"), pl.col("sum"), exempt))
        .group_by("sum")
        .agg(pl.len().cast(pl.UInt32).alias("n"))
    )
    fewer = pl.repeat(0, catalogue.expected.len(), dtype=pl.UInt32, eager=True).scatter(
        removed.get_column("sum"), removed.get_column("n")
    )
    names = pl.lit(catalogue.substances.get_column("name"))
    notes = message_rows(
        left_out.with_columns(pl.lit(None, pl.Int64).alias("row")),
        samples,
        "exempt_outside_sum",
        parameter=names.gather(pl.col("sub")),
        detail=names.gather(pl.col("sum")),
    )
    return candidates.filter(~outside), catalogue.expected - fewer, notes


def _combined(
    candidates: pl.LazyFrame, combined: pl.DataFrame, names: pl.Series
) -> tuple[pl.LazyFrame, pl.DataFrame]:
    """The candidates with a combined component (m,p-xylene) counted as the components it
    stands for, and where a sample gives both it and some of them, only the larger form in
    each sum (they overlap: adding both would count p-xylene twice); and those overlaps:
    ``s``, ``sum`` and ``used`` (the names of the form used, "m-xyleen + p-xyleen")."""
    whole = combined.get_column("component").unique()
    parts = combined.rename({"component": "whole", "part": "sub"})
    # a combined component weighs as many components as it stands for
    stands_for = combined.group_by("component").agg(pl.len().cast(pl.UInt32).alias("_parts"))
    frame = (
        candidates.join(
            stands_for.lazy().rename({"component": "sub"}),
            on="sub",
            how="left",
            maintain_order="left",
        )
        .with_columns(pl.coalesce("_parts", "weight").alias("weight"))
        .drop("_parts")
        .collect()
    )
    of_whole = frame.filter(pl.col("sub").is_in(whole.implode())).select(
        "s", "sum", pl.col("sub").alias("whole"), pl.col("value_used").alias("whole_value")
    )
    of_parts = (
        frame.join(parts, on="sub")
        .group_by("s", "sum", "whole")
        .agg(pl.col("value_used").sum().alias("parts_value"), pl.col("sub").alias("parts"))
    )
    both = of_whole.join(of_parts, on=["s", "sum", "whole"])
    if both.height == 0:
        return frame.lazy(), pl.DataFrame(schema={"s": CODE, "sum": CODE, "used": pl.Utf8})
    keep_whole = pl.col("whole_value") >= pl.col("parts_value")
    dropped = pl.concat(
        [
            both.filter(keep_whole).join(parts, on="whole").select("s", "sum", "sub"),
            both.filter(~keep_whole).select("s", "sum", pl.col("whole").alias("sub")),
        ]
    )
    overlaps = (
        both.select(
            "s",
            "sum",
            pl.when(keep_whole)
            .then(pl.concat_list(pl.col("whole")))
            .otherwise(pl.col("parts"))
            .alias("used"),
        )
        .explode("used")
        .with_columns(pl.lit(names).gather(pl.col("used")).alias("used"))
        .group_by("s", "sum", maintain_order=True)
        .agg(pl.col("used").str.join(" + "))
    )
    kept = frame.join(dropped, on=["s", "sum", "sub"], how="anti", maintain_order="left")
    return kept.lazy(), overlaps


def _standing_in(
    per_substance: pl.DataFrame, catalogue: Catalogue
) -> tuple[pl.LazyFrame, pl.DataFrame] | None:
    """Candidates for larger sums: a sum the lab reports stands in for its components (Bijlage
    N: "xylenen (som)" within the aromatic solvents, "amfibool" within asbestos) where none of
    them is measured, or where only some are and the reported value is not lower than theirs
    (as for the sum itself: the lab measured more than it lists); then those measured
    components are ``displaced`` (``s``, ``sum``, ``sub``) from the larger sum, which would
    otherwise count them twice. An inner sum gives way to a larger reported one within the
    same sum."""
    sub_sums = catalogue.sub_sums
    if sub_sums.height == 0:
        return None
    inner = sub_sums.get_column("component").unique().implode()
    reported = per_substance.filter(pl.col("sub").is_in(inner))
    if reported.height == 0:
        return None
    leaves = catalogue.sums.select(
        pl.col("component").alias("leaf"), pl.col("sum").alias("sub"), "factor"
    ).filter(pl.col("sub").is_in(inner))
    measured = per_substance.select("s", pl.col("sub").alias("leaf"), "value_used").join(
        leaves, on="leaf"
    )
    # the measured part of the inner sum as its own row counts it: a combined component
    # (m,p-xylene) as the components it stands for, and beside them only the larger form
    parts = measured.select(
        "s",
        pl.col("leaf").alias("sub"),
        pl.col("sub").alias("sum"),
        "factor",
        "value_used",
        pl.lit(1, pl.UInt32).alias("weight"),
    )
    if catalogue.combined.height:
        resolved, _ = _combined(
            parts.lazy(), catalogue.combined, catalogue.substances.get_column("name")
        )
        parts = resolved.collect()
    partial = (
        parts.group_by("s", "sum")
        .agg(
            pl.col("weight").sum().alias("n_measured"),
            (pl.col("factor") * pl.col("value_used")).sum().clip(lower_bound=0).alias("partial"),
        )
        .rename({"sum": "sub"})
    )
    expected = pl.lit(catalogue.expected).gather(pl.col("sub"))
    standing = (
        reported.join(partial, on=["s", "sub"], how="left")
        .filter(
            pl.col("n_measured").is_null()
            | ((pl.col("n_measured") < expected) & (pl.col("value_used") >= pl.col("partial")))
        )
        .select("s", "sub", "standardised", "value_used", "compliant")
        .join(sub_sums.rename({"component": "sub"}), on="sub", maintain_order="left")
    )
    # an inner sum gives way to a reported outer one within the same larger sum
    outer = standing.select("s", "sum", pl.col("sub").alias("outer")).join(
        catalogue.nested, on="outer"
    )
    standing = standing.join(
        outer.select("s", "sum", pl.col("inner").alias("sub")),
        on=["s", "sum", "sub"],
        how="anti",
        maintain_order="left",
    )
    displaced = (
        standing.select("s", "sum", pl.col("sub").alias("inner"))
        .join(measured.select("s", "leaf", pl.col("sub").alias("inner")), on=["s", "inner"])
        .select("s", "sum", pl.col("leaf").alias("sub"))
    )
    rows = standing.lazy().select(
        "s", "sub", "standardised", "value_used", "compliant", "sum", "factor", "adds", "weight"
    )
    return rows, displaced


def _per_substance(values: pl.DataFrame, size: int, samples: int) -> pl.DataFrame:
    """One row per (sample, substance): the mean of duplicate measurements.

    Most files measure each substance once per sample; that is checked on an integer key built
    from the codes, and only files with duplicates pay for the group-by.
    """
    key = _key(pl.col("s"), pl.col("sub"), size, samples)
    if values.select(key.n_unique()).item() == values.height:
        return values.select(
            "s",
            "sub",
            "standardised",
            "value_used",
            "compliant",
            "i",
            "row",
            pl.lit(1, pl.UInt32).alias("n_values"),
        )
    return values.group_by("s", "sub", maintain_order=True).agg(
        pl.col("standardised").mean(),
        pl.col("value_used").mean(),
        pl.col("compliant").all(),
        pl.col("i").first(),
        pl.col("row").first(),
        pl.len().alias("n_values"),
    )


def _key(sample: pl.Expr, substance: pl.Expr, size: int, samples: int) -> pl.Expr:
    """One integer per (sample, substance) code pair (UInt32 when it fits: faster to hash)."""
    dtype = pl.UInt32 if samples * size < 2**32 else pl.UInt64
    return sample.cast(dtype) * size + substance.cast(dtype)


def batch_means(
    items: pl.DataFrame,
    *,
    incomplete: pl.DataFrame,
    catalogue: Catalogue,
    samples: Samples,
    batch: Samples,
) -> tuple[pl.DataFrame, pl.DataFrame]:
    """The items of a batch: the mean per substance over all samples (see the docstring).

    The batch is sample code 0 of its own sample codes (``BATCH_SAMPLE``). A substance that
    could not be assessed in one of the samples (``Substances.incomplete``), or whose mean
    includes a value assumed to comply without a standardised value while other values are
    tested, has no batch mean: a mean over fewer samples would misstate the batch.

    Returns:
        The batch items and a ``batch_mean_incomplete`` message per substance without a mean.
    """
    means = items.group_by("sub", maintain_order=True).agg(
        pl.lit(0, CODE).alias("s"),
        pl.col("standardised").mean(),
        pl.col("value_used").mean(),
        pl.col("compliant").all(),
        pl.col("computed").first(),
        pl.col("n_components").max(),
        pl.len().cast(pl.UInt32).alias("n_values"),
        pl.col("standardised").null_count().alias("unstandardised"),
        pl.col("s").filter(pl.col("standardised").is_null()).alias("without"),
    )
    means = means.with_columns(
        pl.when(pl.col("unstandardised") > 0)
        .then(None)
        .otherwise(pl.col("standardised"))
        .alias("standardised")
    )
    untested = means.filter((pl.col("unstandardised") > 0) & ~pl.col("compliant")).select(
        "sub", pl.col("without").alias("s")
    )
    missing = pl.concat(
        [incomplete.select("sub", "s"), untested.explode("s").select("sub", "s")], how="vertical"
    )
    messages = pl.DataFrame(schema=CODED_MESSAGE_SCHEMA)
    if missing.height:
        per_substance = (
            missing.unique(maintain_order=True)
            .with_columns(
                samples.order_of(pl.col("s")).alias("_position"),
                samples.name_of(pl.col("s")).alias("name"),
            )
            .sort("_position")
            .group_by("sub", maintain_order=True)
            .agg(pl.col("name").alias("names"))
            .sort("sub")
        )
        means = means.join(per_substance.select("sub"), on="sub", how="anti", maintain_order="left")
        messages = message_rows(
            per_substance.with_columns(
                pl.lit(0, CODE).alias("s"), pl.lit(None, pl.Int64).alias("row")
            ),
            batch,
            "batch_mean_incomplete",
            parameter=pl.lit(catalogue.substances.get_column("name")).gather(pl.col("sub")),
            detail=pl.col("names").list.join(", "),
        )
    partial = _partial_means(means, items, samples, batch, catalogue)
    if partial.height:
        messages = pl.concat([messages, partial], how="vertical")
    return means.select(*ITEM_COLUMNS), messages


def _tested(catalogue: Catalogue) -> pl.Series:
    """Per substance code, whether any limit of the frame tests it: a class value, an
    intervention or Industrie value, or a spreading value (the land table for the adjacent
    plot, salt water)."""
    substances = catalogue.substances
    limits = ("iw", "industrie_in_water", "land_aw", "land_wonen", "land_iw")
    spreading = ("aangrenzend_perceel_max", "verspreiden_zout")
    columns = [c for c in (*limits, *spreading) if c in substances.columns]
    return substances.select(
        pl.any_horizontal(pl.col("has_value"), *[pl.col(c).is_not_null() for c in columns])
    ).to_series()


def _partial_means(
    means: pl.DataFrame,
    items: pl.DataFrame,
    samples: Samples,
    batch: Samples,
    catalogue: Catalogue,
) -> pl.DataFrame:
    """A ``batch_mean_partial`` message per substance whose mean is over only some samples: the
    others did not measure it (the mean of art 4.2.2 lid 1 is over the analyses there are), so
    that whoever reads the batch class knows which samples its mean leaves out."""
    observed = (
        pl.DataFrame({"s": pl.int_range(0, samples.names.len(), dtype=CODE, eager=True)})
        .with_columns(samples.order_of(pl.col("s")).alias("_position"))
        .filter(pl.col("_position").is_not_null())
    )
    # only for what is tested: a PAH the land table norms through PAK (som 10) alone is in
    # the sum's mean, which a sample reporting only the sum also has
    short = means.filter(
        (pl.col("n_values") < observed.height) & pl.lit(_tested(catalogue)).gather(pl.col("sub"))
    ).select("sub")
    if short.height == 0:
        return pl.DataFrame(schema=CODED_MESSAGE_SCHEMA)
    without = (
        short.join(observed, how="cross")
        .join(items.select("sub", "s"), on=["sub", "s"], how="anti")
        .sort("sub", "_position")
        .group_by("sub", maintain_order=True)
        .agg(samples.name_of(pl.col("s")).alias("names"))
    )
    return message_rows(
        without.with_columns(pl.lit(0, CODE).alias("s"), pl.lit(None, pl.Int64).alias("row")),
        batch,
        "batch_mean_partial",
        parameter=pl.lit(catalogue.substances.get_column("name")).gather(pl.col("sub")),
        detail=pl.col("names").list.join(", "),
    )
