"""Reading a table of local maximum values from CSV and XLSX (readers.local_maxima)."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from openpyxl import Workbook

from kwalibo.assessments.domain.local_maxima import read_local_maximum_values
from kwalibo.assessments.readers import MeasurementFileError
from kwalibo.assessments.readers.local_maxima import read_local_maxima_file


def test_an_xlsx_annex_is_read_with_the_rows_the_user_sees() -> None:
    workbook = Workbook()
    sheet = workbook.active
    assert sheet is not None
    sheet.append(["Stof", "Lokale maximale waarde", "Eenheid", "Bodemkwaliteitszone"])
    sheet.append(["arseen", 27.5, "mg/kg ds", "kern"])
    sheet.append(["PCB's (som 7)", 40, "µg/kg ds", None])
    buffer = io.BytesIO()
    workbook.save(buffer)
    table = read_local_maxima_file(buffer.getvalue(), filename="nota.xlsx")
    assert table.get_column("row").to_list() == [2, 3]
    maxima = read_local_maximum_values(table, title="Nota", frame="grond", rule_set_id="rbk-2015")
    assert maxima.for_zone("kern") == {"arseen": 27.5, "pcb_som7": pytest.approx(0.04)}


def test_a_csv_without_the_value_column_is_refused_at_the_header(tmp_path: Path) -> None:
    path = tmp_path / "nota.csv"
    path.write_text("parameter;eenheid\narseen;mg/kg ds\n", encoding="utf-8")
    with pytest.raises(MeasurementFileError, match="row 1: the header lacks the columns value"):
        read_local_maxima_file(path, filename="nota.csv")
