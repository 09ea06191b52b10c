"""The verdicts as an Excel workbook, for the page's download.

The CSV is for programs (comma separated, decimal points); a person in a Dutch Excel, whose list
separator is ';' and decimal sign a comma, sees such a file in one column. A workbook has no
separators: numbers stay numbers and yes/no stays a truth value in every locale.
"""

from __future__ import annotations

import io
from collections.abc import Mapping
from typing import Any

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
from openpyxl.styles import Font
from openpyxl.utils import get_column_letter
from openpyxl.worksheet._write_only import WriteOnlyWorksheet

from kwalibo.assessments.domain.checks import CheckRequest, VerdictChecks
from kwalibo.assessments.domain.engine import Assessment
from kwalibo.assessments.presentation import (
    LEVEL_LABELS,
    MESSAGE_COLUMNS,
    message_text,
    report_rows,
)

_BOLD = Font(bold=True)


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
    book = Workbook(write_only=True)
    sheet = book.create_sheet("toetsing")
    _header(sheet, header)
    for row in rows:
        sheet.append([_cell(sheet, row.get(column)) for column in header])
    sheet.auto_filter.ref = f"A1:{get_column_letter(len(header))}{len(rows) + 1}"
    notes = book.create_sheet("meldingen")
    _header(notes, list(MESSAGE_COLUMNS))
    for message in assessment.messages:
        notes.append(
            [
                _cell(notes, message.get("sample")),
                message.get("row"),
                _cell(notes, message.get("parameter")),
                str(LEVEL_LABELS.get(message["level"], message["level"])),
                message.get("code"),
                _cell(notes, message_text(message)),
            ]
        )
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def _header(sheet: WriteOnlyWorksheet, names: list[str]) -> None:
    sheet.freeze_panes = "A2"
    cells = []
    for name in names:
        cell = WriteOnlyCell(sheet, value=name)
        cell.font = _BOLD
        cells.append(cell)
    sheet.append(cells)


def _cell(sheet: WriteOnlyWorksheet, value: Any) -> Any:
    """A value as a cell; text is always text, so a sample named "=SUM(A1)" is not a formula
    (openpyxl writes any text starting with "=" as one), and a control character, which a
    workbook cannot hold, is shown as U+FFFD."""
    if isinstance(value, str):
        value = ILLEGAL_CHARACTERS_RE.sub("\ufffd", value)
    if isinstance(value, str) and value.startswith("="):
        cell = WriteOnlyCell(sheet, value=value)
        cell.data_type = "s"
        return cell
    return value
