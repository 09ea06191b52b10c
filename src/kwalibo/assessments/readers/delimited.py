"""Read a lab CSV in long form (one measurement per line) with Polars.

Header ``sample,parameter,value,unit`` (or the Dutch ``monster,parameter,waarde,eenheid``), in any
letter case, optional ``cas`` and ``datum``/``date`` columns; lines above the header (a title, the
certificate's details, Excel's ``sep=;``) are passed over when the header follows within 25
lines. The separator is sniffed from the header (semicolon, comma or tab). Values are passed on as written ("12,5", "<0.2"); the
assessment parses numbers, vectorised.

Text encoding, decided once for the whole file: a byte-order mark wins (UTF-8 or UTF-16);
otherwise UTF-8 when the bytes are valid UTF-8; otherwise Windows-1252 (the encoding of Excel's
"CSV (semicolon delimited)" export on Dutch Windows, a superset of Latin-1's printable
characters). Bytes that are neither are refused.

Row numbers are those of a spreadsheet program: the header is row 1 (or later, after leading blank
lines), and a quoted value that spans lines (in any column) pushes the following rows down. Line
ends may be LF, CRLF or a bare CR (old Mac exports).
"""

from __future__ import annotations

import codecs
import csv
import io
import mmap
import pathlib
import re

import polars as pl
from polars.exceptions import ComputeError

from kwalibo.assessments.readers.columns import (
    REQUIRED,
    finish,
    map_header,
    recognised_columns,
    written_header,
)
from kwalibo.assessments.readers.errors import MeasurementFileError
from kwalibo.common.domain.errors import N_

_SEPARATORS = (";", ",", "\t")
_LEADING_BLANK_LINES = re.compile(rb"\A(?:[ \t]*\r?\n)+")
_BARE_CR = re.compile(rb"\r(?!\n)")


def to_utf8(data: bytes, *, file: str) -> bytes:
    """Return the text of ``data`` as UTF-8 without byte-order mark.

    Raises:
        MeasurementFileError: The bytes are not text in a supported encoding.
    """
    if data.startswith(codecs.BOM_UTF8):
        body = data[len(codecs.BOM_UTF8) :]
        try:
            body.decode("utf-8")
        except UnicodeDecodeError as error:
            raise _undecodable(body, error, "UTF-8 (BOM)", file) from None
        return body
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            return data.decode("utf-16").encode("utf-8")
        except UnicodeDecodeError as error:
            raise _undecodable(data, error, "UTF-16", file) from None
    if b"\x00" in data:
        raise MeasurementFileError(
            N_("the file is not text (it contains NUL bytes); export it as CSV or XLSX"), file=file
        )
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    else:
        return data
    try:
        return data.decode("cp1252").encode("utf-8")
    except UnicodeDecodeError as error:
        raise _undecodable(data, error, "UTF-8 / Windows-1252", file) from None


def is_blank(data: bytes | mmap.mmap) -> bool:
    """Whether ``data`` holds nothing but whitespace (without copying a large file)."""
    return not data[:65536].strip() and not data[:].strip()


def _undecodable(
    data: bytes, error: UnicodeDecodeError, tried: str, file: str
) -> MeasurementFileError:
    line = data.count(b"\n", 0, error.start) + 1
    return MeasurementFileError(
        N_("byte 0x%(byte)s cannot be read as %(encoding)s text; save the file as UTF-8"),
        file=file,
        row=line,
        byte=f"{data[error.start]:02x}",
        encoding=tried,
    )


def _sniff_separator(header_line: str) -> str:
    """Pick the separator under which the header has the required columns (else the most cells)."""
    best = max(_SEPARATORS, key=lambda sep: len(header_line.split(sep)))
    for sep in _SEPARATORS:
        names = {cell.strip().strip('"').strip().lower() for cell in header_line.split(sep)}
        if {"parameter"} <= names and (names & {"value", "waarde"}):
            return sep
    return best


#: How many lines above the header (a title, the certificate's details) are passed over.
_HEADER_SEARCH_LINES = 25


def _header_of(text: bytes | mmap.mmap) -> tuple[str, list[str]]:
    """The separator and the cells of the first line of ``text``."""
    end = text.find(b"\n")
    line = text[: end if end >= 0 else len(text)].rstrip(b"\r").decode("utf-8")
    separator = _sniff_separator(line)
    return separator, next(csv.reader([line], delimiter=separator))


def _later_header(text: bytes | mmap.mmap) -> tuple[int, int] | None:
    """Lines before and byte offset of the first of the next lines that is a header, if any."""
    offset = 0
    for skipped in range(1, _HEADER_SEARCH_LINES + 1):
        end = text.find(b"\n", offset)
        if end < 0:
            return None
        offset = end + 1
        stop = text.find(b"\n", offset)
        _, cells = _header_of(text[offset : stop if stop >= 0 else len(text)])
        if recognised_columns(cells).issuperset(REQUIRED):
            return skipped, offset
    return None


_RAGGED = N_("this row has %(cells)s cells but the header %(header)s")
_RAGGED_COMMA = N_(
    "this row has %(cells)s cells but the header %(header)s (a decimal comma in a "
    "comma-separated file must be quoted, or use ';')"
)
_COMPRESSED_MAGIC = (b"\x1f\x8b", b"\x28\xb5\x2f\xfd")  # gzip, zstd: Polars would unpack them


class _NotPlainError(Exception):
    """The fast path does not apply; read the file the general way."""


def read_delimited(
    data: bytes | mmap.mmap, *, file: str, path: pathlib.Path | None = None
) -> pl.DataFrame:
    """Read a long-form lab CSV into the measurement table (see ``read_measurements``).

    Args:
        data: The file's bytes (or a memory map of the file).
        file: The file name for messages.
        path: The file on disk, when there is one: Polars then maps it itself.

    Most files are UTF-8 without byte-order mark and start with their header. For those the
    bytes go to Polars as they are, and Polars' strict UTF-8 check stands in for decoding the
    whole file in Python first; the general path below gives the same table. Whenever the fast
    path meets anything else (another encoding, a leading blank line, an error to report) the
    general path reads the file again and decides.
    """
    if _looks_plain(data):
        try:
            return _read_text(data, file=file, path=path, checked=False)
        except (_NotPlainError, MeasurementFileError, ComputeError, UnicodeDecodeError):
            pass
    text = to_utf8(data if isinstance(data, bytes) else bytes(data), file=file)
    return _read_text(text, file=file, path=None, checked=True)


def _looks_plain(data: bytes | mmap.mmap) -> bool:
    head = data[:4]
    return (
        not head.startswith((codecs.BOM_UTF8, codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE))
        and not head.startswith(_COMPRESSED_MAGIC)
        and data.find(b"\x00") < 0
    )


def _read_text(
    text: bytes | mmap.mmap, *, file: str, path: pathlib.Path | None, checked: bool
) -> pl.DataFrame:
    """Read ``text`` (UTF-8 when ``checked``; otherwise Polars checks it, see ``read_delimited``)."""
    if is_blank(text):
        raise MeasurementFileError(N_("the file is empty"), file=file)
    if _BARE_CR.search(text):
        # Bare CR line ends (classic Mac, some LIMS exports), alone or mixed with LF or CRLF:
        # neither Polars nor csv split them; each ends a line.
        if not checked:
            raise _NotPlainError
        text = bytes(text).replace(b"\r\n", b"\n").replace(b"\r", b"\n")
    leading = _LEADING_BLANK_LINES.match(text)
    header_row = 1
    if leading:
        if not checked:
            raise _NotPlainError
        header_row += leading.group(0).count(b"\n")
        text = text[leading.end() :]
    separator, header_cells = _header_of(text)
    if not recognised_columns(header_cells).issuperset(REQUIRED):
        later = _later_header(text)
        if later is not None:
            # A title or the certificate's details above the header: passed over.
            if not checked:
                raise _NotPlainError
            skipped, offset = later
            header_row += skipped
            text = text[offset:]
            separator, header_cells = _header_of(text)
    positions = map_header(header_cells, file=file, header_row=header_row)
    try:
        frame = pl.read_csv(
            path if path is not None else text if isinstance(text, bytes) else bytes(text),
            separator=separator,
            has_header=True,
            infer_schema=False,
            quote_char='"',
            raise_if_empty=False,
            glob=False,
        )
    except ComputeError as error:
        if not checked:
            raise
        raise _locate_ragged_row(
            bytes(text), separator, header_row, len(header_cells), file
        ) from error
    if frame.width != len(header_cells):
        raise MeasurementFileError(
            N_("the header has %(header)s cells but the rows %(rows)s"),
            file=file,
            row=header_row,
            header=len(header_cells),
            rows=frame.width,
        )
    first_data_row = header_row + 1
    row = pl.int_range(0, pl.len(), dtype=pl.Int64) + first_data_row
    if text.find(b'"') >= 0:
        # A quoted value with line breaks occupies several rows, also in a column not read.
        breaks = pl.sum_horizontal(
            [pl.col(c).str.count_matches("\n", literal=True).fill_null(0) for c in frame.columns]
        )
        row = row + breaks.cum_sum().shift(1, fill_value=0).cast(pl.Int64)
    frame = frame.with_columns(row.alias("_row"))
    # By position: an unread column may carry a name of the table ("value_raw", "row").
    frame = frame.select(
        *[pl.nth(p).alias(column) for p, column in positions.items()], pl.col("_row").alias("row")
    )
    return finish(
        frame, file=file, date_header=written_header(header_cells, positions, "sampling_date")
    )


def _locate_ragged_row(
    text: bytes, separator: str, header_row: int, width: int, file: str
) -> MeasurementFileError:
    """Find the first row with more cells than the header (only on the error path)."""
    reader = csv.reader(io.StringIO(text.decode("utf-8"), newline=""), delimiter=separator)
    start = 1
    try:
        for record in reader:
            if len(record) > width:
                line = header_row + start - 1
                return MeasurementFileError(
                    _RAGGED_COMMA if separator == "," else _RAGGED,
                    file=file,
                    row=line,
                    cells=len(record),
                    header=width,
                )
            start = reader.line_num + 1
    except csv.Error:
        pass  # a quote never closed makes one huge field: found below
    quote_line = _stray_quote_line(text, separator)
    if quote_line is not None:
        return MeasurementFileError(
            N_(
                'a double quote (") in this row is inside a value or is not closed; put the '
                "whole value in double quotes and double the quote inside it, or remove it"
            ),
            file=file,
            row=header_row + quote_line - 1,
        )
    return MeasurementFileError(N_("the rows cannot be split into the header's columns"), file=file)


def _stray_quote_line(text: bytes, separator: str) -> int | None:
    """The line (1 = the header) of the first quote that does not open or close a quoted value:
    one inside an unquoted value (``5" buis``), or one that is never closed (only on the error
    path)."""
    sep = re.escape(separator)
    inside_value = re.compile(f'(?:^|{sep})[^"{sep}\r\n]+"')
    opened_at: int | None = None
    for number, line in enumerate(text.decode("utf-8").split("\n"), start=1):
        if opened_at is None and inside_value.search(line):
            return number
        if line.count('"') % 2:
            opened_at = number if opened_at is None else None
    return opened_at
