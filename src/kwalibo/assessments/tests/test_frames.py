"""The dictionary encodings the engine codes a million measurements with."""

from __future__ import annotations

import polars as pl
from hypothesis import given, settings
from hypothesis import strategies as st

from kwalibo.assessments.domain.frames import (
    factorize_grouped,
    factorize_rows,
    factorize_rows_exactly,
)

# Few distinct spellings so that rows repeat, with nulls and look-alikes ("1" and "1 ").
cells = st.one_of(st.none(), st.sampled_from(["1", "1 ", "<0,2", "lood", "Lood", "", "mg/kg ds"]))
tables = st.lists(st.tuples(cells, cells, cells), max_size=40)


def as_frame(rows: list[tuple[str | None, ...]]) -> pl.DataFrame:
    return pl.DataFrame(
        rows, schema={"parameter": pl.Utf8, "value": pl.Utf8, "unit": pl.Utf8}, orient="row"
    )


@settings(max_examples=60, deadline=None)
@given(tables)
def test_row_codes_give_back_every_row_and_each_distinct_row_once(rows: list) -> None:
    frame = as_frame(rows)
    for codes, distinct in (factorize_rows(frame), factorize_rows_exactly(frame)):
        assert distinct[codes].rows() == frame.rows()
        assert distinct.height == len(set(frame.rows()))
        # codes in order of first appearance: the first row has code 0, a new row the next
        assert codes.unique(maintain_order=True).to_list() == list(range(distinct.height))


def test_the_exact_coding_agrees_with_the_hashed_one() -> None:
    frame = as_frame([("lood", "1", None), ("lood", "1 ", None), (None, None, None)] * 3)
    hashed, exact = factorize_rows(frame), factorize_rows_exactly(frame)
    assert hashed[0].to_list() == exact[0].to_list() == [0, 1, 2] * 3
    assert hashed[1].rows() == exact[1].rows()


@settings(max_examples=60, deadline=None)
@given(st.lists(st.one_of(st.none(), st.sampled_from(["M1", "M2", "M3"])), max_size=60))
def test_sample_codes_are_the_same_whether_or_not_the_samples_stand_together(
    names: list[str | None],
) -> None:
    # Sorted: the samples stand together (runs); as given: any order. Same names, same codes.
    for column in (pl.Series("sample", sorted(names, key=str)), pl.Series("sample", names)):
        codes, values = factorize_grouped(column)
        assert values.gather(codes).to_list() == column.to_list()
        assert values.len() == len({name for name in column.to_list() if name is not None})
