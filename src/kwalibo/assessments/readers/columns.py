"""The measurement table every reader returns, and the header names the tabular readers accept."""

from __future__ import annotations

import polars as pl

from kwalibo.assessments.domain.frames import factorize
from kwalibo.assessments.readers.errors import MeasurementFileError
from kwalibo.common.domain.errors import N_

#: Columns and types of the table returned by ``read_measurements`` (always all of them; ``cas``
#: and ``sampling_date`` are null when the source does not give them). ``decimal_point`` is
#: true where the value is a number that can only be written with a decimal point (a number
#: in SIKB0101 XML, a numeric spreadsheet cell), so "1.000" there is one, not a thousand.
SCHEMA: dict[str, pl.DataType] = {
    "row": pl.Int64(),
    "sample": pl.Utf8(),
    "parameter": pl.Utf8(),
    "value_raw": pl.Utf8(),
    "unit": pl.Utf8(),
    "cas": pl.Utf8(),
    "sampling_date": pl.Date(),
    "decimal_point": pl.Boolean(),
    # SIKB0101: the compartment of a sample that is not soil or sediment (groundwater, ...)
    "compartment": pl.Utf8(),
}

#: Required header columns of a CSV/XLSX file, in output naming.
REQUIRED = ("sample", "parameter", "value_raw", "unit")

#: Accepted header names (compared case-insensitively, after trimming) per output column.
HEADER_ALIASES: dict[str, tuple[str, ...]] = {
    "sample": ("sample", "monster"),
    "parameter": ("parameter",),
    "value_raw": ("value", "waarde"),
    "unit": ("unit", "eenheid"),
    "cas": (
        "cas",
        "cas-nummer",
        "casnummer",
        "cas_nummer",
        "cas-nr",
        "cas-nr.",
        "cas nr",
        "cas nr.",
        "casnr",
    ),
    "sampling_date": ("date", "datum", "sampling_date", "monsternamedatum"),
}

_ALIAS_TO_COLUMN = {
    alias: column for column, aliases in HEADER_ALIASES.items() for alias in aliases
}

# Date notations seen in Dutch lab exports: ISO first (also the date part of an ISO timestamp),
# then day-month-year with a dash, slash or dot. Day-first because no Dutch lab writes month-first.
_DATE_FORMATS = ("%Y-%m-%d", "%d-%m-%Y", "%d/%m/%Y", "%d.%m.%Y")


def header_name(cell: str) -> str:
    """Normalise one header cell for matching: trimmed, lower case, surrounding quotes removed."""
    return cell.strip().strip('"').strip().lower()


def written_header(cells: list[str], positions: dict[int, str], column: str) -> str:
    """The header of ``column`` as the file writes it ("datum"), or the column's own name."""
    return next((cells[p].strip() for p, c in positions.items() if c == column), column)


def recognised_columns(cells: list[str]) -> set[str]:
    """The output columns that header cells name (see ``map_header``, which also checks them)."""
    return {
        column for column in (_ALIAS_TO_COLUMN.get(header_name(cell)) for cell in cells) if column
    }


def map_header(cells: list[str], *, file: str, header_row: int) -> dict[int, str]:
    """Map header cell positions to output columns; raise when required columns are missing.

    Args:
        cells: The header cells as written.
        file: File name for error messages.
        header_row: The row number of the header as the user sees it.

    Returns:
        Position in the header -> output column name, for the recognised columns only.

    Raises:
        MeasurementFileError: A required column is missing or a column occurs twice.
    """
    positions: dict[int, str] = {}
    seen: dict[str, str] = {}
    for position, cell in enumerate(cells):
        column = _ALIAS_TO_COLUMN.get(header_name(cell))
        if column is None:
            continue
        if column in seen:
            raise MeasurementFileError(
                N_("the header names column '%(column)s' twice ('%(first)s' and '%(second)s')"),
                file=file,
                row=header_row,
                field=cell.strip(),
                column=column,
                first=seen[column],
                second=cell.strip(),
            )
        seen[column] = cell.strip()
        positions[position] = column
    missing = [column for column in REQUIRED if column not in seen]
    if missing:
        wanted = ", ".join("/".join(repr(a) for a in HEADER_ALIASES[c][:2]) for c in missing)
        found = ", ".join(repr(c.strip()) for c in cells if c.strip()) or "-"
        raise MeasurementFileError(
            N_(
                "missing header column(s): %(wanted)s (found %(found)s); expected the columns "
                "sample, parameter, value, unit or monster, parameter, waarde, eenheid"
            ),
            file=file,
            row=header_row,
            wanted=wanted,
            found=found,
        )
    return positions


def parse_dates(text: pl.Expr) -> pl.Expr:
    """Parse date text in the accepted notations to ``Date`` (null where none matches).

    The year has four digits: "12-06-19" was read as 19 June of the year 12.
    """
    head = text.str.strip_chars().str.slice(0, 10)
    four_digit_year = head.str.contains(
        r"^(?:\d{4}-\d{1,2}-\d{1,2}|\d{1,2}[-/.]\d{1,2}[-/.]\d{4})$"
    )
    return (
        pl.when(four_digit_year)
        .then(
            pl.coalesce(
                [head.str.strptime(pl.Date, fmt, strict=False, exact=True) for fmt in _DATE_FORMATS]
            )
        )
        .otherwise(None)
    )


def finish(frame: pl.DataFrame, *, file: str, date_header: str = "date") -> pl.DataFrame:
    """Bring a reader's raw table into the output shape.

    Trims text, turns empty text into null, parses a text ``sampling_date``, drops rows without
    any content (blank lines, ``;;;`` lines), orders and types the columns as ``SCHEMA``.
    ``date_header``: the date column's header as written, to name it in an error.

    Raises:
        MeasurementFileError: A date cannot be read, or no measurement row is left.
    """
    missing = [
        pl.lit(None, dtype=dtype).alias(column)
        for column, dtype in SCHEMA.items()
        if column not in frame.columns
    ]
    text_columns = ["sample", "parameter", "value_raw", "unit", "cas"]
    frame = frame.with_columns(*missing).with_columns(
        [pl.col(c).cast(pl.Utf8).str.strip_chars().replace("", None).alias(c) for c in text_columns]
    )
    if frame.schema["sampling_date"] == pl.Utf8:
        frame = frame.with_columns(
            _read_dates(frame, file=file, header=date_header).alias("sampling_date")
        )
    content = pl.any_horizontal(pl.col(REQUIRED).is_not_null())
    if frame.height and not frame.select(content.all()).item():
        frame = frame.filter(content)
    if frame.height == 0:
        raise MeasurementFileError(N_("the file contains no measurements"), file=file)
    return frame.select([pl.col(c).cast(t) for c, t in SCHEMA.items()])


def _read_dates(frame: pl.DataFrame, *, file: str, header: str) -> pl.Series:
    """The text ``sampling_date`` column parsed, each distinct spelling once.

    Raises:
        MeasurementFileError: A date cannot be read (reported at its first row).
    """
    codes, spellings = factorize(frame.get_column("sampling_date"))
    distinct = pl.DataFrame({"raw": spellings}).select(
        pl.col("raw").str.strip_chars().replace("", None).alias("text")
    )
    distinct = distinct.with_columns(parse_dates(pl.col("text")).alias("date"))
    unreadable = (distinct["text"].is_not_null() & distinct["date"].is_null()).arg_true()
    if unreadable.len():
        at = codes.is_in(unreadable.cast(pl.UInt32)).fill_null(False)
        position = int(at.arg_true()[0])
        first = {
            "_date_text": distinct["text"][int(codes[position])],
            "row": frame["row"][position],
        }
        raise MeasurementFileError(
            N_("cannot read date '%(date)s' (use YYYY-MM-DD or DD-MM-YYYY)"),
            file=file,
            row=first["row"],
            field=header,
            date=first["_date_text"],
        )
    return distinct.get_column("date").gather(codes)
