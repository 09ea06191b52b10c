"""Read a lab XLSX workbook of the same long form as the CSV (one measurement per row).

The sheet is the first one with a header (``sample,parameter,value,unit`` or the Dutch names)
in its first rows, those named like measurements/meetresultaten before the others; without any,
the error names the preferred (else the first) sheet. The header is the first row that names
the required columns, so a title or a few lines about the certificate above it are passed over;
a sheet without such a row within its first 25 non-empty rows is refused at the row most like a
header. Numbers stored as numbers are written back as text the way Excel shows them (at most
15 significant digits, so 0.1 and not 0.1000000000000000055), never in exponent notation; dates
in the date column become dates. A value merged over several rows (a sample name over its
measurements) holds for each of them, as Excel shows it.
"""

from __future__ import annotations

import datetime as dt
import io
import math
import re
import zipfile
from collections.abc import Iterator
from decimal import Decimal
from typing import Any, Final

import polars as pl
from openpyxl import load_workbook
from openpyxl.utils import column_index_from_string
from openpyxl.utils.exceptions import InvalidFileException

from kwalibo.assessments.readers.columns import (
    REQUIRED,
    finish,
    map_header,
    recognised_columns,
    written_header,
)
from kwalibo.assessments.readers.errors import MeasurementFileError
from kwalibo.common.domain.errors import N_

_PREFERRED_SHEETS = ("measurements", "meetresultaten", "metingen", "measurement", "resultaten")


def excel_number_text(value: float | int) -> str:
    """Write a number from an Excel cell as plain decimal text without binary float noise."""
    if isinstance(value, int):
        return str(value)
    if not math.isfinite(value):
        return str(value)
    if value == 0:
        return "0"
    text = f"{value:.15g}"
    if "e" in text or "E" in text:
        text = format(Decimal(text), "f")
    return text


def _cell_text(value: Any) -> str | None:
    if value is None:
        return None
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, int | float):
        return excel_number_text(value)
    if isinstance(value, dt.datetime | dt.date | dt.time):
        return value.isoformat()
    return str(value)


#: How many non-empty rows above the header (a title, the certificate's details) are passed over.
_HEADER_SEARCH_ROWS = 25

_Row = tuple[int, tuple[Any, ...]]


def _sheet_order(workbook: Any) -> list[str]:
    """Worksheet names, those named like measurements first (in ``_PREFERRED_SHEETS`` order),
    hidden sheets last (a lab's hidden helper sheet is not what the user sees)."""
    names = [sheet.title for sheet in workbook.worksheets]
    by_name = {name.strip().lower(): name for name in names}
    preferred = [by_name[wanted] for wanted in _PREFERRED_SHEETS if wanted in by_name]
    ordered = [*preferred, *(name for name in names if name not in preferred)]
    return sorted(ordered, key=lambda name: workbook[name].sheet_state != "visible")


def _shown(cell: Any) -> Any:
    """A cell's value as Excel shows it: a number formatted as a percentage (0.25 shown as
    "25%") is the percentage, as the lab typed it; its stored fraction would be read as 0.25 %.
    """
    value = cell.value
    if (
        isinstance(value, int | float)
        and not isinstance(value, bool)
        and "%" in (cell.number_format or "")
    ):
        return float(Decimal(excel_number_text(value)) * 100)
    return value


def _rows(sheet: Any) -> Iterator[_Row]:
    # Read-only mode trusts the dimension the writing program stored; some write a wrong one.
    sheet.reset_dimensions()
    rows = enumerate((tuple(_shown(cell) for cell in row) for row in sheet.iter_rows()), start=1)
    merges = _vertical_merges(sheet)
    return _filled_down(rows, merges) if merges else rows


#: A merged range in the sheet's XML: ``<mergeCell ref="A2:A5"/>`` (any namespace prefix).
# The attributes are scanned over a bounded length: unbounded, a text of many "<mergeCell "
# without ">" (a comment, a damaged file) took quadratic time (44 s for a 6 KB workbook).
_MERGE_CELL = re.compile(
    rb"<(?:[\w.-]+:)?mergeCell\s[^<>]{0,512}?\bref=\"([A-Z]+)(\d+):([A-Z]+)(\d+)\""
)
_CHUNK = 1 << 20


def _vertical_merges(sheet: Any) -> list[tuple[int, int, int]]:
    """Merged ranges over more than one row as (column index, first row, last row) of their
    first column: Excel shows a sample name merged over its rows on each of them, but stores it
    in the top cell only. openpyxl's read-only mode does not read ``<mergeCells>``, which
    follows the rows, so the sheet's XML is scanned for it in chunks."""
    merges = []
    tail = b""
    with sheet.parent._archive.open(sheet._worksheet_path) as xml:
        while chunk := xml.read(_CHUNK):
            text = tail + chunk
            for match in _MERGE_CELL.finditer(text):
                first_column, top, _, bottom = match.groups()
                if int(bottom) > int(top):
                    merges.append(
                        (column_index_from_string(first_column.decode()) - 1, int(top), int(bottom))
                    )
            # A tag cut by the chunk's end is matched again with the next chunk.
            cut = text.rfind(b"<")
            tail = text[cut:] if cut >= 0 and b">" not in text[cut:] else b""
    return sorted(set(merges), key=lambda merge: merge[1])


def _filled_down(rows: Iterator[_Row], merges: list[tuple[int, int, int]]) -> Iterator[_Row]:
    """``rows`` with the value of a vertical merge's top cell in each cell below it."""
    active: dict[int, tuple[Any, int]] = {}  # column -> (value, last row)
    waiting = list(reversed(merges))
    for number, cells in rows:
        while waiting and waiting[-1][1] == number:
            column, _, bottom = waiting.pop()
            active[column] = (cells[column] if column < len(cells) else None, bottom)
        while waiting and waiting[-1][1] < number:
            waiting.pop()  # a merge whose top row was not read
        filled = list(cells)
        for column, (value, bottom) in list(active.items()):
            if number > bottom:
                del active[column]
            elif value is not None and (column >= len(filled) or filled[column] is None):
                filled.extend([None] * (column + 1 - len(filled)))
                filled[column] = value
        yield number, tuple(filled)


def _header_cells(cells: tuple[Any, ...]) -> list[str]:
    return ["" if c is None else str(c) for c in cells]


def _find_header(rows: Iterator[_Row]) -> tuple[_Row | None, _Row | None]:
    """The header among the first non-empty rows (``None`` when there is none), and the row most
    like one, to refuse (the first non-empty row when none names a column; ``None`` for an empty
    sheet). ``rows`` continues after the header."""
    closest: _Row | None = None
    most = -1
    for seen, (number, cells) in enumerate(
        (row for row in rows if any(c is not None and str(c).strip() for c in row[1])), start=1
    ):
        named = recognised_columns(_header_cells(cells))
        if named.issuperset(REQUIRED):
            return (number, cells), (number, cells)
        if len(named) > most:
            closest, most = (number, cells), len(named)
        if seen >= _HEADER_SEARCH_ROWS:
            break
    return None, closest


#: What openpyxl and its XML parser raise for a damaged or hostile workbook (a part cut off, a
#: bad cell reference, an entity refused; ``ParseError`` is a ``SyntaxError``).
_DAMAGED: Final = (ValueError, KeyError, TypeError, IndexError, AttributeError, SyntaxError)


def read_spreadsheet(data: bytes, *, file: str) -> pl.DataFrame:
    """Read a long-form lab XLSX into the measurement table (see ``read_measurements``)."""
    try:
        workbook = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except zipfile.BadZipFile:
        raise MeasurementFileError(
            N_(
                "the file is not an XLSX workbook (an .xlsx file is a zip archive, this one is "
                "not); if it is a CSV file, give it the extension .csv"
            ),
            file=file,
        ) from None
    except (InvalidFileException, OSError, *_DAMAGED) as error:
        raise MeasurementFileError(
            N_("cannot open the file as an XLSX workbook (%(reason)s)"),
            file=file,
            reason=str(error),
        ) from None
    try:
        return _read_workbook(workbook, file=file)
    except MeasurementFileError:
        raise
    except _DAMAGED as error:
        # openpyxl and its XML parser raise these for a damaged or hostile workbook (a sheet
        # cut off, a bad cell reference, entities refused): the file is refused as a whole.
        raise MeasurementFileError(
            N_("the XLSX workbook is damaged or not a lab workbook (%(reason)s)"),
            file=file,
            reason=str(error) or type(error).__name__,
        ) from None
    finally:
        workbook.close()


def _measurement_sheet(workbook: Any, name: str) -> bool:
    """Whether the sheet has a header with at least one non-empty row below it."""
    rows = _rows(workbook[name])
    header, _ = _find_header(rows)
    return header is not None and any(
        any(c is not None and str(c).strip() for c in cells) for _, cells in rows
    )


def _read_workbook(workbook: Any, *, file: str) -> pl.DataFrame:
    names = _sheet_order(workbook)
    if not names:
        raise MeasurementFileError(N_("the workbook has no sheets"), file=file)
    with_data = [name for name in names if _measurement_sheet(workbook, name)]
    visible = [name for name in with_data if workbook[name].sheet_state == "visible"]
    if len(visible) > 1:
        # Reading one would leave the others' measurements out without a word.
        raise MeasurementFileError(
            N_(
                "the workbook has measurements on more than one sheet (%(sheets)s); put them "
                "on one sheet or upload each sheet as its own file"
            ),
            file=file,
            sheets=", ".join(f"'{sheet}'" for sheet in visible),
        )
    for name in [*with_data, *names]:
        rows = _rows(workbook[name])
        header, _ = _find_header(rows)
        if header is not None:
            return _read_sheet(header, rows, sheet_title=name, file=file)
    # No sheet has a header: refuse the preferred (else first) sheet at its likeliest header.
    _, closest = _find_header(_rows(workbook[names[0]]))
    where = f"{file} (sheet '{names[0]}')"
    if closest is None:
        raise MeasurementFileError(N_("the sheet is empty"), file=where)
    map_header(_header_cells(closest[1]), file=where, header_row=closest[0])
    raise AssertionError("map_header accepts no header without the required columns")


def _read_sheet(
    header: _Row, iterator: Iterator[_Row], *, sheet_title: str, file: str
) -> pl.DataFrame:
    where = f"{file} (sheet '{sheet_title}')"
    header_row, cells = header
    header_cells = _header_cells(cells)
    positions = map_header(header_cells, file=where, header_row=header_row)
    columns: dict[str, list[Any]] = {name: [] for name in positions.values()}
    dates_as_dates: list[dt.date | None] = []
    row_numbers: list[int] = []
    # A numeric cell holds a number, not text: "1.000" from it is one, whatever the locale.
    numeric_values: list[bool | None] = []
    value_position = next((p for p, c in positions.items() if c == "value_raw"), None)
    date_position = next((p for p, c in positions.items() if c == "sampling_date"), None)
    text_positions = [(p, c) for p, c in positions.items() if c != "sampling_date"]
    for number, cells in iterator:
        row_numbers.append(number)
        width = len(cells)
        for position, name in text_positions:
            columns[name].append(_cell_text(cells[position]) if position < width else None)
        if value_position is not None and value_position < width:
            value = cells[value_position]
            numeric = isinstance(value, int | float) and not isinstance(value, bool)
            numeric_values.append(True if numeric else None)
        else:
            numeric_values.append(None)
        if date_position is not None:
            value = cells[date_position] if date_position < width else None
            if isinstance(value, dt.datetime):
                dates_as_dates.append(value.date())
                columns["sampling_date"].append(None)
            elif isinstance(value, dt.date):
                dates_as_dates.append(value)
                columns["sampling_date"].append(None)
            else:
                dates_as_dates.append(None)
                columns["sampling_date"].append(_cell_text(value))
    frame = pl.DataFrame(
        {"row": row_numbers, **columns},
        schema={"row": pl.Int64, **dict.fromkeys(columns, pl.Utf8)},
    ).with_columns(pl.Series("decimal_point", numeric_values, dtype=pl.Boolean))
    if date_position is None:
        return finish(frame, file=where)
    # Dates typed as dates in Excel win; dates typed as text are parsed like in a CSV.
    frame = frame.with_columns(pl.Series("typed", dates_as_dates, dtype=pl.Date))
    finished = finish(
        frame,
        file=where,
        date_header=written_header(header_cells, positions, "sampling_date"),
    )
    return finished.join(
        frame.select("row", "typed"), on="row", how="left", maintain_order="left"
    ).select(
        pl.coalesce("typed", "sampling_date").alias(c) if c == "sampling_date" else pl.col(c)
        for c in finished.columns
    )
