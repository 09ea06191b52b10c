"""A table of local maximum values (Bbk art 44/45) from a CSV or XLSX file.

The table is long form, one row per substance (and zone): header ``parameter,waarde,eenheid``
with an optional ``zone`` column (English ``value``, ``unit`` also accepted), as a municipality
publishes the annex of its *Nota bodembeheer*. The rows go to
``domain.local_maxima.read_local_maximum_values`` with the row numbers the user sees (the header
is row 1), which checks every row.
"""

from __future__ import annotations

import csv
import io
import pathlib
from collections.abc import Sequence
from typing import Final

import polars as pl

from kwalibo.assessments.readers.columns import header_name
from kwalibo.assessments.readers.delimited import _sniff_separator, to_utf8
from kwalibo.assessments.readers.errors import MeasurementFileError
from kwalibo.common.domain.errors import N_

_HEADERS: Final = {
    "parameter": ("parameter", "stof"),
    "value": ("value", "waarde", "lokale maximale waarde"),
    "unit": ("unit", "eenheid"),
    "zone": ("zone", "bodemkwaliteitszone"),
    "cas": ("cas", "cas-nummer", "casnummer", "cas-nr", "cas-nr.", "cas nr", "cas nr.", "casnr"),
}
_COLUMN_OF: Final = {alias: column for column, aliases in _HEADERS.items() for alias in aliases}
_HEADER_SEARCH_ROWS: Final = 25


def read_local_maxima_file(source: pathlib.Path | bytes, *, filename: str) -> pl.DataFrame:
    """The rows of a local-maxima file as text columns ``row``, ``parameter``, ``value``,
    ``unit`` and, when present, ``zone`` and ``cas``; ``row`` is the row the user sees (the
    sheet's row, the CSV line a row starts on), also after blank rows, a title above the header
    or a value with a line break.

    Raises:
        MeasurementFileError: The file is not a CSV or XLSX table with the columns parameter,
            waarde (value) and eenheid (unit), each named once.
    """
    data = source.read_bytes() if isinstance(source, pathlib.Path) else source
    numbered = _xlsx_rows(data, filename=filename) if data.startswith(b"PK\x03\x04") else None
    if numbered is None:
        numbered = _csv_rows(data, filename=filename)
    # A title or a few lines about the decision above the header are passed over.
    at = next(
        (
            position
            for position, (_, cells) in enumerate(numbered[:_HEADER_SEARCH_ROWS])
            if {"parameter", "value", "unit"}
            <= {_COLUMN_OF.get(header_name(str(cell or ""))) for cell in cells}
        ),
        0,
    )
    (header_row, header), *rows = numbered[at:]
    columns: dict[int, str] = {}
    for i, cell in enumerate(header):
        column = _COLUMN_OF.get(header_name(str(cell or "")))
        if column is None:
            continue
        if column in columns.values():
            first = next(header[j] for j, named in columns.items() if named == column)
            raise MeasurementFileError(
                N_("the header names the column %(column)s twice (%(first)s and %(second)s)"),
                file=filename,
                row=header_row,
                field=str(cell),
                column=column,
                first=str(first),
                second=str(cell),
            )
        columns[i] = column
    missing = [c for c in ("parameter", "value", "unit") if c not in columns.values()]
    if missing:
        raise MeasurementFileError(
            N_("the header lacks the columns %(columns)s (parameter, waarde, eenheid)"),
            file=filename,
            row=header_row,
            columns=", ".join(missing),
        )
    records: dict[str, list[str | None]] = {c: [] for c in columns.values()}
    for _, row in rows:
        for i, column in columns.items():
            value = row[i] if i < len(row) else None
            records[column].append(None if value is None or value == "" else str(value))
    return pl.DataFrame(
        {"row": [number for number, _ in rows], **records},
        schema={"row": pl.Int64, **dict.fromkeys(records, pl.Utf8)},
    )


_Numbered = list[tuple[int, list[object]]]


def _non_empty(cells: Sequence[object]) -> bool:
    return any(c is not None and str(c).strip() for c in cells)


def _csv_rows(data: bytes, *, filename: str) -> _Numbered:
    """The non-empty rows of a CSV with the line each starts on (the header first)."""
    text = to_utf8(data, file=filename).decode("utf-8")
    lines = text.splitlines()
    first = next((line for line in lines if line.strip()), None)
    if first is None:
        raise MeasurementFileError(N_("the file is empty"), file=filename)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=_sniff_separator(first))
    rows: _Numbered = []
    start = 1
    try:
        for record in reader:
            if _non_empty(record):
                rows.append((start, list(record)))
            start = reader.line_num + 1
    except csv.Error as error:
        raise MeasurementFileError(
            N_("not a readable CSV table (%(reason)s)"), file=filename, row=start, reason=str(error)
        ) from None
    return rows


def _xlsx_rows(data: bytes, *, filename: str) -> _Numbered:
    """The non-empty rows of the first worksheet with their sheet row numbers."""
    from openpyxl import load_workbook

    try:
        workbook = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
        try:
            if not workbook.worksheets:
                raise MeasurementFileError(N_("the workbook has no sheets"), file=filename)
            sheet = workbook.worksheets[0]
            sheet.reset_dimensions()
            rows = [
                (number, list(row))
                for number, row in enumerate(sheet.iter_rows(values_only=True), start=1)
                if _non_empty(row)
            ]
        finally:
            workbook.close()
    except MeasurementFileError:
        raise
    except Exception as error:  # openpyxl raises many types for a damaged file
        raise MeasurementFileError(
            N_("not a readable XLSX file (%(reason)s)"), file=filename, reason=str(error)
        ) from None
    if not rows:
        raise MeasurementFileError(N_("the first sheet is empty"), file=filename)
    return rows
