"""Small Polars helpers shared by the engine and the readers: dictionary encoding and gathers.

A lab file repeats a few thousand spellings (sample names, parameter names, units, values as
written) over a million rows. Interpreting each distinct spelling once and gathering the result
back by an integer code costs one hash pass per column instead of one string operation per row
for every step.
"""

from __future__ import annotations

from collections.abc import Callable
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
    values = nulls(count, pl.Utf8, column.name).scatter(
        codes.filter(first), column.filter(first).cast(pl.Utf8)
    )
    return codes, values


def nulls(size: int, dtype: pl.DataType | type[pl.DataType], name: str = "") -> pl.Series:
    """A column of ``size`` nulls (built in Polars, not from a Python list)."""
    return pl.repeat(None, size, dtype=dtype, eager=True).rename(name)


def first_positions(codes: pl.Series) -> pl.Series:
    """The distinct non-null codes in order of first appearance."""
    return codes.drop_nulls().unique(maintain_order=True)


#: Seeds of the two row hashes of ``factorize_rows``: codes come from the first, the second
#: checks them (see there).
_SEEDS = (0x6B77616C69626F, 0x746F657473696E67)


def factorize_rows(frame: pl.DataFrame) -> tuple[pl.Series, pl.DataFrame]:
    """Dense integer codes of the distinct rows of a frame of text columns, and those rows.

    One hash per row over all columns at once, instead of a string hash table per column: a
    lab file's parameter, value and unit (a few ten thousand combinations over a million rows)
    are coded in one pass and interpreted once per combination.

    Returns:
        ``(codes, rows)``: ``codes`` (UInt32) per row, ``rows`` the distinct rows in order of
        first appearance, so that ``rows[codes]`` equals ``frame``.

    Two different rows may share a 64-bit hash (odds of about one in 10^19 per pair of rows);
    a second hash with another seed then differs within one code, and the rows are coded by
    joining on the columns themselves (``factorize_rows_exactly``).
    """
    hashes = frame.hash_rows(seed=_SEEDS[0])
    first = hashes.arg_unique()
    table = pl.DataFrame({"h": hashes.gather(first)}).with_row_index("code")
    codes = (
        pl.DataFrame({"h": hashes})
        .join(table, on="h", how="left", maintain_order="left")
        .get_column("code")
        .cast(pl.UInt32)
    )
    check = frame.hash_rows(seed=_SEEDS[1])
    if not (check.gather(first).gather(codes) == check).all():
        return factorize_rows_exactly(frame)
    return codes, frame[first]


def factorize_rows_exactly(frame: pl.DataFrame) -> tuple[pl.Series, pl.DataFrame]:
    """``factorize_rows`` by a join on the columns (several times slower; no hashes)."""
    rows = frame.unique(maintain_order=True)
    codes = (
        frame.join(
            rows.with_row_index("_code"),
            on=frame.columns,
            how="left",
            nulls_equal=True,
            maintain_order="left",
        )
        .get_column("_code")
        .cast(pl.UInt32)
    )
    return codes, rows


def factorize_grouped(column: pl.Series) -> tuple[pl.Series, pl.Series]:
    """``factorize`` for a column whose equal values mostly stand together (the samples of a
    lab file): only the first value of each run is hashed.
    """
    if column.len() < 2:
        return factorize(column)
    starts = column.ne_missing(column.shift(1)).scatter(0, True)
    heads = column.filter(starts)
    if heads.len() * 4 > column.len():
        return factorize(column)
    if heads.null_count():
        head_codes, values = factorize(heads)
        runs = starts.cast(pl.UInt32).cum_sum() - 1
        return head_codes.gather(runs).rename(column.name), values
    # One hash per run, and each run's code written at its start and carried forward.
    head_codes, distinct = factorize_rows(heads.to_frame())
    codes = nulls(column.len(), pl.UInt32, column.name).scatter(starts.arg_true(), head_codes)
    return codes.forward_fill(), distinct.to_series().cast(pl.Utf8)


def per_distinct(column: pl.Series, interpret: Callable[[pl.Series], pl.DataFrame]) -> pl.DataFrame:
    """``interpret(column)``, computed once per distinct value (nulls included) and gathered
    back to one row per row of ``column``."""
    codes, values = factorize(column)
    if codes.null_count():
        codes = codes.fill_null(values.len())
        values = values.append(pl.Series([None], dtype=values.dtype))
    return interpret(values).select(pl.all().gather(codes))
