"""Small Polars helpers shared by the engine and the readers: dictionary encoding and gathers.

A lab file repeats a few thousand spellings (sample names, parameter names, units, values as
written) over a million rows. Interpreting each distinct spelling once and gathering the result
back by an integer code costs one hash pass per column instead of one string operation per row
for every step.
"""

from __future__ import annotations

from typing import cast

import polars as pl


def factorize(column: pl.Series) -> tuple[pl.Series, pl.Series]:
    """Dense integer codes of a text column and its distinct values.

    Returns:
        ``(codes, values)``: ``codes`` (UInt32, null where the column is null) has one entry per
        row, ``values`` (String) holds each distinct value once, at the position of its code, so
        that ``values.gather(codes)`` equals the column.
    """
    if column.len() and not column.null_count() and (column == column[0]).all():
        # one spelling throughout (a file with one sampling date): no hashing needed
        codes = pl.repeat(0, column.len(), dtype=pl.UInt32, eager=True).rename(column.name)
        return codes, column.head(1).cast(pl.Utf8)
    categories = pl.Categories.random()
    encoded = column.cast(pl.Utf8).cast(pl.Categorical(categories))
    codes = encoded.to_physical().cast(pl.UInt32)
    del encoded
    # The distinct values from the rows where a code first appears (an integer hash pass;
    # ``Categories.to_series`` walks the categories in Python).
    first = codes.is_first_distinct() & codes.is_not_null()
    highest = codes.max()
    count = int(cast(int, highest)) + 1 if highest is not None else 0
    values = pl.Series(column.name, [None] * count, dtype=pl.Utf8).scatter(
        codes.filter(first), column.filter(first).cast(pl.Utf8)
    )
    return codes, values


def first_positions(codes: pl.Series) -> pl.Series:
    """The distinct non-null codes in order of first appearance."""
    return codes.drop_nulls().unique(maintain_order=True)
