"""Spreading in salt water for dredgings whose contents cannot all be standardised.

Salt-water spreading is tested on the measured contents: its values are not for standard soil
(Rbk Bijlage B tabel 2 voetnoot 4; Bijlage G III: no soil-type correction). A measurement left
out of the class because its sample lacks the lutum or organic matter to standardise it, or
has both above the dry matter, still counts for salt water. This module tests the verdicts
with such measurements again, on every measured content, for the salt-water verdict alone;
the class and the other spreading verdicts stay withheld (``engine._withheld``).
"""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass

import polars as pl

from kwalibo.assessments.domain.catalogue import CODE, Catalogue
from kwalibo.assessments.domain.classification import classify
from kwalibo.assessments.domain.measurements import Prepared, Samples, message_rows, plain_number
from kwalibo.assessments.domain.sums import batch_means, substance_values


@dataclass(frozen=True)
class SaltWater:
    """The salt-water verdicts of the verdicts with a left-out measurement.

    Attributes:
        verdicts: ``s`` and ``spreading_salt`` per verdict tested again.
        items: The classified items of that test (measured contents as ``standardised``).
        measured_only: ``s`` and ``sub`` of the items that only this test has: the contents
            that could not be standardised, and the sums and means built on them.
    """

    verdicts: pl.DataFrame
    items: pl.DataFrame
    measured_only: pl.DataFrame


def measured_salt_water(
    prepared: Prepared,
    *,
    assessed: pl.DataFrame,
    samples: Samples,
    verdicts: Samples,
    catalogue: Catalogue,
    data: pl.DataFrame,
    as_batch: bool,
    tare_soil: Collection[str] = (),
    lower_bounds: pl.DataFrame | None = None,
) -> SaltWater | None:
    """The salt-water verdict from measured contents, for each verdict with a measurement that
    could not be standardised (``Prepared.dropped``); ``None`` when there is none.

    ``assessed`` are the items of the class (``Classified.items``): what they hold is explained
    there, the rest is ``measured_only``; ``lower_bounds`` as ``classify`` takes them.
    """
    dropped = prepared.dropped
    if dropped.height == 0:
        return None
    measured = pl.concat([prepared.values, dropped], how="vertical").with_columns(
        pl.col("value_used").alias("standardised"), pl.lit(1.0).alias("factor")
    )
    summed = substance_values(measured, samples=samples, catalogue=catalogue, data=data)
    items = summed.items
    if as_batch:
        items, _ = batch_means(
            items,
            incomplete=summed.incomplete,
            catalogue=catalogue,
            samples=samples,
            batch=verdicts,
        )
    else:
        items = items.filter(pl.col("s").is_in(dropped.get_column("s").unique().implode()))
    classified = classify(
        items,
        catalogue=catalogue,
        frame="waterbodem",
        tare_soil=tare_soil,
        lower_bounds=lower_bounds,
    )
    tested = classified.items.filter(pl.col("verspreiden_zout").is_not_null())
    return SaltWater(
        verdicts=classified.samples.select(pl.col("s").cast(CODE), "spreading_salt"),
        items=tested,
        measured_only=tested.select("s", "sub").join(
            assessed.select("s", "sub"), on=["s", "sub"], how="anti", maintain_order="left"
        ),
    )


def with_salt_verdicts(classes: pl.DataFrame, salt: SaltWater) -> pl.DataFrame:
    """``classes`` with the salt-water verdicts of ``salt``; a verdict that has no class row
    (none of its contents could be standardised) gets one, without a class and with the
    other spreading verdicts ``onbepaald``."""
    new = salt.verdicts.rename({"spreading_salt": "_salt"})
    if "s" not in classes.columns:
        return new.rename({"_salt": "spreading_salt"})
    merged = classes.join(new, on="s", how="full", coalesce=True, maintain_order="left")
    missing = pl.col("_salt").is_not_null() & ~pl.col("s").is_in(classes.get_column("s").implode())
    return merged.with_columns(
        pl.coalesce("_salt", "spreading_salt").alias("spreading_salt"),
        *[
            pl.when(missing).then(pl.lit("onbepaald")).otherwise(pl.col(column)).alias(column)
            for column in ("spreading_fresh", "spreading_adjacent")
        ],
    ).drop("_salt")


def measured_only_messages(
    salt: SaltWater, verdicts: Samples, catalogue: Catalogue
) -> pl.DataFrame:
    """A note per verdict and substance tested for salt water on a content that could not be
    standardised: its value and salt-water value, since no parameter row explains it."""
    rows = salt.items.join(salt.measured_only, on=["s", "sub"], how="semi").with_columns(
        pl.lit(None, pl.Int64).alias("row")
    )
    return message_rows(
        rows,
        verdicts,
        "salt_water_measured",
        parameter=pl.lit(catalogue.column("name")).gather(pl.col("sub")),
        value=pl.col("value_used").map_elements(plain_number, return_dtype=pl.Utf8),
        unit=pl.lit("mg/kg ds"),
        detail=pl.col("verspreiden_zout").map_elements(plain_number, return_dtype=pl.Utf8),
    )
