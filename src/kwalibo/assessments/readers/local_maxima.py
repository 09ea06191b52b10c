"""A table of local maximum values (Bbk art 44/45) from a CSV or XLSX file.

The table is long form, one row per substance (and zone): header ``parameter,waarde,eenheid``
with an optional ``zone`` column (English ``value``, ``unit`` also accepted), as a municipality
publishes the annex of its *Nota bodembeheer*. The rows go to
``domain.local_maxima.read_local_maximum_values`` with the row numbers the user sees (the header
is row 1), which checks every row.
"""

from __future__ import annotations

import io
import pathlib
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


def read_local_maxima_file(source: pathlib.Path | bytes, *, filename: str) -> pl.DataFrame:
    """The rows of a local-maxima file as text columns ``row``, ``parameter``, ``value``,
    ``unit`` and, when present, ``zone`` and ``cas``.

    Raises:
        MeasurementFileError: The file is not a CSV or XLSX table with the columns parameter,
            waarde (value) and eenheid (unit).
    """
    data = source.read_bytes() if isinstance(source, pathlib.Path) else source
    cells: list[list[object]]
    if data.startswith(b"PK\x03\x04"):
        cells = _xlsx_rows(data, filename=filename)
    else:
        text = to_utf8(data, file=filename).decode("utf-8")
        lines = text.splitlines()
        if not lines or not lines[0].strip():
            raise MeasurementFileError(
                N_("the file is empty or starts with a blank line"), file=filename
            )
        try:
            table = pl.read_csv(
                io.StringIO(text), separator=_sniff_separator(lines[0]), infer_schema=False
            )
        except pl.exceptions.PolarsError as error:
            raise MeasurementFileError(
                N_("not a readable CSV table (%(reason)s)"), file=filename, reason=str(error)
            ) from None
        cells = [list(table.columns), *(list(row) for row in table.rows())]
    header, *rows = cells
    columns = {i: _COLUMN_OF.get(header_name(str(cell or ""))) for i, cell in enumerate(header)}
    missing = [c for c in ("parameter", "value", "unit") if c not in columns.values()]
    if missing:
        raise MeasurementFileError(
            N_("the header lacks the columns %(columns)s (parameter, waarde, eenheid)"),
            file=filename,
            row=1,
            columns=", ".join(missing),
        )
    records: dict[str, list[str | None]] = {c: [] for c in columns.values() if c is not None}
    for row in rows:
        for i, column in columns.items():
            if column is not None:
                value = row[i] if i < len(row) else None
                records[column].append(None if value is None else str(value))
    return pl.DataFrame(
        {"row": list(range(2, len(rows) + 2)), **records},
        schema={"row": pl.Int64, **dict.fromkeys(records, pl.Utf8)},
    )


def _xlsx_rows(data: bytes, *, filename: str) -> list[list[object]]:
    from openpyxl import load_workbook

    try:
        workbook = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except Exception as error:  # openpyxl raises many types for a damaged file
        raise MeasurementFileError(
            N_("not a readable XLSX file (%(reason)s)"), file=filename, reason=str(error)
        ) from None
    sheet = workbook.worksheets[0]
    rows = [
        list(row) for row in sheet.iter_rows(values_only=True) if any(c is not None for c in row)
    ]
    if not rows:
        raise MeasurementFileError(N_("the first sheet is empty"), file=filename)
    return rows
