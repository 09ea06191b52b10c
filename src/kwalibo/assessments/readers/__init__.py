"""Readers for lab files with soil measurements: CSV, XLSX and SIKB0101 XML.

Adapters without Django, used by the ``kwalibo toets`` command, the API and the upload page. Each
turns a file into one Polars table of measurements as written; numbers, units and parameter
names are interpreted by the assessment, vectorised.

    >>> frame = read_measurements(Path("lab.csv"), filename="lab.csv")   # doctest: +SKIP
    >>> frame.columns
    ['row', 'sample', 'parameter', 'value_raw', 'unit', 'cas', 'sampling_date']
"""

from __future__ import annotations

import codecs
import contextlib
import mmap
import pathlib

import polars as pl

from kwalibo.assessments.readers.columns import SCHEMA
from kwalibo.assessments.readers.delimited import is_blank, read_delimited
from kwalibo.assessments.readers.errors import MeasurementFileError
from kwalibo.common.domain.errors import N_

__all__ = ["SCHEMA", "MeasurementFileError", "detect_format", "read_measurements"]

_ZIP_MAGIC = b"PK\x03\x04"
_OLE2_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # legacy .xls


def detect_format(data: bytes | mmap.mmap, *, filename: str) -> str:
    """Decide how to read a file: ``"csv"``, ``"xlsx"`` or ``"xml"``.

    The content decides where it is unambiguous (an XLSX is a ZIP archive, XML starts with ``<``);
    otherwise the file name's extension; otherwise CSV.

    Raises:
        MeasurementFileError: The file is a legacy ``.xls`` workbook.
    """
    if data[: len(_ZIP_MAGIC)] == _ZIP_MAGIC:
        return "xlsx"
    if data[: len(_OLE2_MAGIC)] == _OLE2_MAGIC:
        raise MeasurementFileError(
            N_("this is a legacy Excel 97-2003 (.xls) workbook; save it as .xlsx or CSV"),
            file=filename,
        )
    start = data[:1024]
    for bom in (codecs.BOM_UTF8, codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE):
        if start.startswith(bom):
            start = start[len(bom) :]
            break
    if start.lstrip().startswith(b"<") or start.lstrip(b"\x00 \t\r\n").startswith(b"<"):
        return "xml"
    suffix = pathlib.PurePath(filename).suffix.lower()
    if suffix in {".xlsx", ".xlsm"}:
        return "xlsx"
    if suffix == ".xml":
        return "xml"
    return "csv"


def read_measurements(source: pathlib.Path | bytes, *, filename: str) -> pl.DataFrame:
    """Read a lab file into a table of measurements, one row per measured value.

    Args:
        source: The file, as a path or as its bytes (an upload).
        filename: The name the user knows the file by; used for format detection and messages.

    Returns:
        A table with the columns of ``SCHEMA``: ``row`` (Int64, the row the user sees in the
        source: the header is row 1 in CSV/XLSX, the element's line in XML), ``sample``,
        ``parameter`` (CSV/XLSX: as written, a Dutch name, Aquo code or CAS number; SIKB0101: the
        Aquo code of a known domain-table id, ``lutum``/``organische stof``/``organische
        koolstof``, or the URN of an unknown id), ``value_raw`` (as written, e.g. ``"12,5"``,
        ``"<0.2"``), ``unit``, ``cas`` (null when not given; for SIKB0101 from the domain table)
        and ``sampling_date`` (Date, null when not given). Rows without any content are left
        out.

    Raises:
        MeasurementFileError: The file cannot be used at all (see the class).
    """
    if not isinstance(source, pathlib.Path):
        return _read(bytes(source), filename=filename, path=None)
    with contextlib.ExitStack() as stack:
        try:
            data = _content(source, stack)
        except OSError as error:
            raise MeasurementFileError(
                N_("cannot read the file (%(reason)s)"), file=filename, reason=error.strerror
            ) from None
        mapped = isinstance(data, mmap.mmap)
        return _read(data, filename=filename, path=source if mapped else None)


def _content(path: pathlib.Path, stack: contextlib.ExitStack) -> bytes | mmap.mmap:
    """The file's content: memory-mapped when it is a regular file with content (no copy)."""
    handle = stack.enter_context(path.open("rb"))
    try:
        return stack.enter_context(mmap.mmap(handle.fileno(), 0, access=mmap.ACCESS_READ))
    except (OSError, ValueError):  # an empty file, a pipe
        return handle.read()


def _read(data: bytes | mmap.mmap, *, filename: str, path: pathlib.Path | None) -> pl.DataFrame:
    if is_blank(data):
        raise MeasurementFileError(N_("the file is empty"), file=filename)
    kind = detect_format(data, filename=filename)
    # The XLSX and XML readers (openpyxl, defusedxml) are imported when such a file comes in.
    if kind == "xlsx":
        from kwalibo.assessments.readers.spreadsheet import read_spreadsheet

        return read_spreadsheet(bytes(data), file=filename)
    if kind == "xml":
        from kwalibo.assessments.readers.sikb0101 import read_sikb0101

        return read_sikb0101(bytes(data), file=filename)
    return read_delimited(data, file=filename, path=path)
