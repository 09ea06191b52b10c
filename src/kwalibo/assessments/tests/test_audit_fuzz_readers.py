"""Inputs a fuzzing run of the readers found that broke the contract (a traceback, a hang, or a
silent wrong reading): each is now read right or refused naming the file, and where it can,
the row and the field."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path
from typing import Any

import polars as pl
import pytest
from openpyxl import Workbook

from kwalibo.assessments.domain.engine import assess
from kwalibo.assessments.readers import MeasurementFileError, read_measurements, spreadsheet
from kwalibo.assessments.readers.local_maxima import read_local_maxima_file
from kwalibo.assessments.tests.test_audit_readers import HEADER, xlsx

# --- XLSX -----------------------------------------------------------------------------------


def _read(data: bytes, name: str = "lab.xlsx") -> Any:
    return read_measurements(data, filename=name)


def test_a_cell_formatted_as_a_percentage_is_the_percentage_excel_shows() -> None:
    """Excel stores 25 % as 0.25 with the format "0%"; read as 0.25 % lutum the sample's
    class changed from Wonen to Industrie without a word."""
    workbook = Workbook()
    sheet = workbook.active
    sheet.append(HEADER)
    sheet.append(["M1", "lutum", 0.25, "%"])
    sheet.append(["M1", "organische stof", 0.071, "%"])
    sheet.append(["M1", "zink", 0.5, "mg/kg ds"])
    sheet["C2"].number_format = "0%"
    sheet["C3"].number_format = "0.0%"
    buffer = io.BytesIO()
    workbook.save(buffer)
    table = _read(buffer.getvalue())
    assert table["value_raw"].to_list() == ["25", "7.1", "0.5"]


def test_measurements_on_two_visible_sheets_are_refused_not_half_read() -> None:
    data = xlsx(
        {
            "Info": [["Certificaat", 123]],
            "Grond": [HEADER, ["M1", "zink", 100, "mg/kg ds"]],
            "Meetresultaten": [HEADER, ["M9", "zink", 5000, "mg/kg ds"]],
        }
    )
    with pytest.raises(MeasurementFileError) as refused:
        _read(data)
    assert refused.value.file == "lab.xlsx"
    assert refused.value.params["sheets"] == "'Meetresultaten', 'Grond'"


def test_a_sheet_with_only_a_header_does_not_hide_the_one_with_measurements() -> None:
    data = xlsx({"Data": [HEADER, ["M1", "zink", 100, "mg/kg ds"]], "Meetresultaten": [HEADER]})
    assert _read(data)["sample"].to_list() == ["M1"]


def test_a_hidden_sheet_gives_way_to_the_visible_one() -> None:
    workbook = Workbook()
    hidden = workbook.active
    hidden.title = "Hulpblad"
    hidden.append(HEADER)
    hidden.append(["H1", "zink", 1, "mg/kg ds"])
    hidden.sheet_state = "hidden"
    shown = workbook.create_sheet("Resultaten")
    shown.append(HEADER)
    shown.append(["M2", "zink", 150, "mg/kg ds"])
    buffer = io.BytesIO()
    workbook.save(buffer)
    assert _read(buffer.getvalue())["sample"].to_list() == ["M2"]


def _rewritten(data: bytes, part: str, change: Any) -> bytes:
    """The workbook with one of its XML parts changed."""
    source = zipfile.ZipFile(io.BytesIO(data))
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as target:
        for item in source.infolist():
            content = source.read(item.filename)
            target.writestr(item, change(content) if item.filename == part else content)
    return buffer.getvalue()


LAB = xlsx({"Sheet": [HEADER, ["M1", "lutum", 25, "%"], ["M1", "zink", 100, "mg/kg ds"]]})
SHEET = "xl/worksheets/sheet1.xml"
BOMB = (
    b'<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "aaaaaaaaaa">'
    b'<!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;"><!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;">]>'
)
XXE = b'<?xml version="1.0"?><!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]>'


@pytest.mark.parametrize(
    "change",
    [
        pytest.param(lambda xml: xml[: len(xml) // 2], id="sheet cut off"),
        pytest.param(lambda xml: xml.replace(b'r="A2"', b'r="2A"'), id="bad cell reference"),
        pytest.param(
            lambda xml: BOMB + xml[xml.index(b"<worksheet") :].replace(b">M1<", b">&c;<", 1),
            id="billion laughs",
        ),
        pytest.param(
            lambda xml: XXE + xml[xml.index(b"<worksheet") :].replace(b">M1<", b">&e;<", 1),
            id="external entity",
        ),
    ],
)
def test_a_damaged_or_hostile_workbook_is_refused_as_a_whole(change: Any) -> None:
    data = _rewritten(LAB, SHEET, change)
    with pytest.raises(MeasurementFileError) as refused:
        _read(data)
    assert refused.value.file == "lab.xlsx"
    assert "passwd" not in str(refused.value)
    assert "root:" not in str(refused.value)


def test_many_merge_tags_without_an_end_are_scanned_in_linear_time() -> None:
    """A comment repeating "<mergeCell " 32,000 times took 44 s; the merge after it counts."""
    garbage = b"<!-- " + b"<mergeCell " * 32_000 + b" -->"
    xml = garbage + b'<mergeCells><mergeCell ref="A2:A5"/></mergeCells>'
    found = [m.groups() for m in spreadsheet._MERGE_CELL.finditer(xml)]
    assert found == [(b"A", b"2", b"A", b"5")]


# --- CSV ------------------------------------------------------------------------------------

LINES = [b"monster;parameter;waarde;eenheid", b"M1;lutum;10;%", b"M1;organische stof;5;%"]
LINES.append(b"M1;zink;100;mg/kg ds")


@pytest.mark.parametrize(
    "lines",
    [
        pytest.param(b"\r".join(LINES) + b"\n", id="CR lines, a final LF"),
        pytest.param(b"Certificaat 123\n" + b"\r".join(LINES), id="title line in LF, then CR"),
        pytest.param(LINES[0] + b"\r\n" + LINES[1] + b"\r" + b"\n".join(LINES[2:]), id="mixed"),
    ],
)
def test_bare_cr_line_ends_mixed_with_lf_end_rows(lines: bytes) -> None:
    table = read_measurements(lines, filename="lab.csv")
    assert table["parameter"].to_list() == ["lutum", "organische stof", "zink"]
    assert table["row"].to_list()[-1] == table["row"].to_list()[0] + 2


def test_a_quote_never_closed_before_much_text_is_refused_at_its_row() -> None:
    rows = [b'M1;zink;"100;mg/kg ds'] + [b"M1;koper;%d;mg/kg ds" % n for n in range(6000)]
    with pytest.raises(MeasurementFileError) as refused:
        read_measurements(b"\n".join([LINES[0], *rows]), filename="lab.csv")
    assert (refused.value.file, refused.value.row) == ("lab.csv", 2)


def test_an_unread_column_named_like_a_column_of_the_table_is_left_alone() -> None:
    data = b"sample,parameter,value,unit,value_raw,row\nM1,zink,100,mg/kg ds,x,7\n"
    table = read_measurements(data, filename="lab.csv")
    assert (table["value_raw"].to_list(), table["row"].to_list()) == (["100"], [2])


# --- SIKB0101 -------------------------------------------------------------------------------

SIKB = (Path(__file__).parent / "files" / "sikb0101_analyseresultaten_grond.xml").read_bytes()


@pytest.mark.parametrize(
    ("data", "encoding"),
    [
        pytest.param(
            SIKB.replace(b'encoding="UTF-8"', b'encoding="x-bogus-enc"', 1),
            "x-bogus-enc",
            id="unknown",
        ),
        pytest.param(
            SIKB.replace(b'encoding="UTF-8"', b'encoding="utf-16-le"', 1)
            .decode("utf-8")
            .encode("utf-16-le"),
            "UTF-16/32",
            id="UTF-16 without BOM",
        ),
    ],
)
def test_an_xml_encoding_expat_cannot_read_is_refused_naming_it(data: bytes, encoding: str) -> None:
    with pytest.raises(MeasurementFileError) as refused:
        read_measurements(data, filename="lab.xml")
    assert (refused.value.row, refused.value.params["encoding"]) == (1, encoding)


def test_an_analysis_linked_to_no_sample_is_named_at_its_line_not_left_out() -> None:
    # the sample's link to analysis _a04 is gone and its featureOfInterest names no sample
    data = SIKB.replace(b'<sam:relatedObservation xlink:href="#_a04"/>', b"", 1)
    data = data.replace(
        b'<immetingen:Analysis gml:id="_a04">\n            <om:featureOfInterest xlink:href="#_mm01"/>',
        b'<immetingen:Analysis gml:id="_a04">\n            <om:featureOfInterest xlink:href="#_mm0l"/>',
        1,
    )
    table = read_measurements(data, filename="lab.xml")
    unlinked = table.filter(pl.col("sample").is_null())
    assert unlinked.height == 1
    line = unlinked["row"].item()
    result = assess(table, frame="grond")
    assert ("missing_sample", line) in {(m["code"], m["row"]) for m in result.messages}


# --- local maximum values -------------------------------------------------------------------


def test_a_local_maxima_header_naming_a_column_twice_is_refused_at_the_header() -> None:
    with pytest.raises(MeasurementFileError) as refused:
        read_local_maxima_file(
            b"parameter;stof;waarde;eenheid\nzink;zink;200;mg/kg ds\n", filename="lm.csv"
        )
    assert (refused.value.row, refused.value.field) == (1, "stof")


def test_local_maxima_rows_are_the_rows_the_user_sees() -> None:
    csv_text = (
        b"Nota bodembeheer Gemeente X\n\nparameter;waarde;eenheid;opmerking\n"
        b'zink;200;mg/kg ds;"twee\nregels"\n\nkoper;abc;mg/kg ds;\n'
    )
    assert read_local_maxima_file(csv_text, filename="lm.csv")["row"].to_list() == [4, 7]
    workbook = Workbook()
    sheet = workbook.active
    sheet["A1"] = "Bijlage 3"
    for row, values in ((3, ("parameter", "waarde", "eenheid")), (4, ("zink", 200, "mg/kg ds"))):
        for column, value in enumerate(values, start=1):
            sheet.cell(row, column, value)
    sheet.cell(6, 1, "koper")  # row 5 left blank
    sheet.cell(6, 2, "abc")
    sheet.cell(6, 3, "mg/kg ds")
    buffer = io.BytesIO()
    workbook.save(buffer)
    table = read_local_maxima_file(buffer.getvalue(), filename="lm.xlsx")
    assert (table["row"].to_list(), table["parameter"].to_list()) == ([4, 6], ["zink", "koper"])


@pytest.mark.parametrize("written", ["12-06-19", "19-06-12", "2019-6-1x"])
def test_a_date_without_a_four_digit_year_is_refused_at_its_row(written: str) -> None:
    """ "12-06-19" was read as 19 June of the year 12, and the assessment fell back to the
    latest rule set as 'only indicative'."""
    data = f"sample;parameter;value;unit;datum\nM1;zink;100;mg/kg ds;{written}\n".encode()
    with pytest.raises(MeasurementFileError) as refused:
        read_measurements(data, filename="lab.csv")
    assert (refused.value.row, refused.value.field) == (2, "datum")  # the column as written


def test_dates_with_four_digit_years_are_read_in_each_notation() -> None:
    data = (
        b"sample;parameter;value;unit;datum\nM1;zink;100;mg/kg ds;12-06-2019\n"
        b"M2;zink;100;mg/kg ds;2019-06-12\nM3;zink;100;mg/kg ds;12.06.2019\n"
    )
    dates = read_measurements(data, filename="lab.csv")["sampling_date"].to_list()
    assert {str(date) for date in dates} == {"2019-06-12"}
