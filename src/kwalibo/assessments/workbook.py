"""The verdicts as an Excel workbook, for the page's download.

The CSV is for programs (comma separated, decimal points); a person in a Dutch Excel, whose list
separator is ';' and decimal sign a comma, sees such a file in one column. A workbook has no
separators: numbers stay numbers and yes/no stays a truth value in every locale.

Written with XlsxWriter in its constant-memory mode, row by row: openpyxl took 80 s for the
130,000 rows of a 5 MB lab file, XlsxWriter about a quarter of that.
"""

from __future__ import annotations

import io
import math
import re
from collections.abc import Mapping
from typing import Any, Final

import xlsxwriter
from xlsxwriter.worksheet import Worksheet

from kwalibo.assessments.domain.checks import CheckRequest, VerdictChecks
from kwalibo.assessments.domain.engine import Assessment
from kwalibo.assessments.presentation import (
    LEVEL_LABELS,
    MESSAGE_COLUMNS,
    message_text,
    report_rows,
)

#: Characters a workbook's XML cannot hold (the C0 controls but tab, line feed and return).
_ILLEGAL: Final = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")


def xlsx_report(
    assessment: Assessment,
    request: CheckRequest | None = None,
    checks: Mapping[str, VerdictChecks] | None = None,
) -> bytes:
    """Sheet "toetsing": the rows of the CSV download, same columns; sheet "meldingen": every
    message with its sample, row and parameter.

    Raises:
        DomainError: A check cannot be made as asked (see ``check_verdict``).
    """
    header, rows = report_rows(assessment, request, checks)
    buffer = io.BytesIO()
    book = xlsxwriter.Workbook(
        buffer,
        {
            "constant_memory": True,
            # text stays text: a sample named "=SUM(A1)" is no formula, "0012" no number
            "strings_to_formulas": False,
            "strings_to_numbers": False,
            "strings_to_urls": False,
        },
    )
    bold = book.add_format({"bold": True})
    sheet = book.add_worksheet("toetsing")
    _header(sheet, header, bold)
    for number, row in enumerate(rows, start=1):
        for column, name in enumerate(header):
            _write(sheet, number, column, row.get(name))
    sheet.autofilter(0, 0, len(rows), len(header) - 1)
    notes = book.add_worksheet("meldingen")
    _header(notes, list(MESSAGE_COLUMNS), bold)
    for number, message in enumerate(assessment.messages, start=1):
        cells = (
            message.get("sample"),
            message.get("row"),
            message.get("parameter"),
            str(LEVEL_LABELS.get(message["level"], message["level"])),
            message.get("code"),
            message_text(message),
        )
        for column, value in enumerate(cells):
            _write(notes, number, column, value)
    book.close()
    return buffer.getvalue()


def _header(sheet: Worksheet, names: list[str], bold: Any) -> None:
    sheet.freeze_panes(1, 0)
    for column, name in enumerate(names):
        sheet.write_string(0, column, name, bold)


def _write(sheet: Worksheet, row: int, column: int, value: Any) -> None:
    """One cell by its type: text is always text, and a control character, which a workbook
    cannot hold, is shown as U+FFFD; nothing for an empty value."""
    if value is None:
        return
    if isinstance(value, bool):
        sheet.write_boolean(row, column, value)
    elif isinstance(value, int | float):
        if math.isfinite(value):
            sheet.write_number(row, column, value)
        else:
            sheet.write_string(row, column, str(value))
    else:
        sheet.write_string(row, column, _ILLEGAL.sub("\ufffd", str(value)))
