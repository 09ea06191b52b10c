"""The one error every lab-file reader raises for input it cannot use."""

from __future__ import annotations

from typing import Any


class MeasurementFileError(Exception):
    """A lab file that cannot be read as measurements.

    Raised for unusable input as a whole or at one place in it: an empty file, bytes that are not
    text, a header without the required columns, a malformed XML document, a file without any
    measurement. Problems with a single value (``"abc"`` where a number belongs) are not raised
    here; the reader passes the value on as written and the assessment reports it per row.

    Attributes:
        file: The file name as the user gave it.
        row: The row the user sees in the source (header is row 1 in CSV/XLSX; the source line
            for XML), or ``None`` when the problem is not at one row.
        field: The column or element concerned, or ``None``.
        detail: What is wrong, without the location (English).
        template: ``detail`` as an English template marked for translation (``N_``), with
            ``params``: the adapters show it in the user's language.
    """

    def __init__(
        self,
        template: str,
        *,
        file: str,
        row: int | None = None,
        field: str | None = None,
        **params: Any,
    ) -> None:
        self.template = template
        self.params = params
        self.detail = template % params if params else template
        self.file = file
        self.row = row
        self.field = field
        super().__init__(self._compose())

    def _compose(self) -> str:
        where = [self.file or "<input>"]
        if self.row is not None:
            where.append(f"row {self.row}")
        if self.field is not None:
            where.append(f"field '{self.field}'")
        return f"{', '.join(where)}: {self.detail}"
