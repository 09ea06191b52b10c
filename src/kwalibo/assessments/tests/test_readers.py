"""Lab-file readers: CSV, XLSX and SIKB0101 XML into one table of measurements as written."""

from __future__ import annotations

import datetime as dt
import io
import re
import zipfile
from pathlib import Path
from typing import Any

import polars as pl
import pytest
from django.utils import translation
from openpyxl import Workbook

from kwalibo.assessments.presentation import file_error
from kwalibo.assessments.readers import SCHEMA, MeasurementFileError, read_measurements
from kwalibo.assessments.readers.sikb_codes import parameter_table

FILES = Path(__file__).parent / "files"

COLUMNS = ["row", "sample", "parameter", "value_raw", "unit", "cas", "sampling_date"]
ALL_COLUMNS = [*COLUMNS, "decimal_point", "compartment"]


def rows_of(frame: pl.DataFrame, *columns: str) -> list[tuple[Any, ...]]:
    return frame.select(columns or COLUMNS).rows()


def refusal(source: Path | bytes, filename: str) -> MeasurementFileError:
    with pytest.raises(MeasurementFileError) as caught:
        read_measurements(source, filename=filename)
    return caught.value


# --- CSV ------------------------------------------------------------------------------------


def test_comma_separated_csv_is_read_as_written() -> None:
    data = b"sample,parameter,value,unit\nMM01,lood,12.5,mg/kg ds\nMM01,lutum,3,%\n"

    frame = read_measurements(data, filename="lab.csv")

    assert frame.columns == ALL_COLUMNS
    assert frame.schema == pl.Schema(SCHEMA)
    assert rows_of(frame) == [
        (2, "MM01", "lood", "12.5", "mg/kg ds", None, None),
        (3, "MM01", "lutum", "3", "%", None, None),
    ]


def test_semicolon_csv_with_decimal_comma_keeps_values_as_written() -> None:
    data = (
        b"monster;parameter;waarde;eenheid\n"
        b"MM01;lood;12,5;mg/kg ds\n"
        b"MM01;zink;<0,2;mg/kg ds\n"
        b"MM01;koper;< 0,05;mg/kg ds\n"
        b"MM01;organische stof;4,1;%\n"
    )

    frame = read_measurements(data, filename="lab.csv")

    assert rows_of(frame, "row", "parameter", "value_raw") == [
        (2, "lood", "12,5"),
        (3, "zink", "<0,2"),
        (4, "koper", "< 0,05"),
        (5, "organische stof", "4,1"),
    ]


def test_quoted_decimal_comma_in_comma_separated_csv_is_one_value() -> None:
    data = b'sample,parameter,value,unit\nMM01,lood,"12,5",mg/kg ds\n'

    frame = read_measurements(data, filename="lab.csv")

    assert rows_of(frame, "row", "value_raw", "unit") == [(2, "12,5", "mg/kg ds")]


def test_unquoted_decimal_comma_in_comma_separated_csv_is_refused_at_its_row() -> None:
    data = b"sample,parameter,value,unit\nMM01,lood,12.5,mg/kg ds\nMM01,zink,12,5,mg/kg ds\n"

    error = refusal(data, "lab.csv")

    assert error.row == 3
    assert error.file == "lab.csv"
    assert "5 cells but the header 4" in str(error)
    assert str(error).startswith("lab.csv, row 3: ")


@pytest.mark.parametrize(
    "header",
    [
        "sample;parameter;value;unit",
        "Sample;Parameter;Value;Unit",
        "SAMPLE;PARAMETER;VALUE;UNIT",
        "monster;parameter;waarde;eenheid",
        "Monster;Parameter;Waarde;Eenheid",
        " monster ; parameter ; waarde ; eenheid ",
        '"Monster";"Parameter";"Waarde";"Eenheid"',
        "parameter;eenheid;waarde;monster;opmerking",
    ],
)
def test_header_variants_are_recognised(header: str) -> None:
    names = [cell.strip().strip('"').lower() for cell in header.split(";")]
    cells = {"monster": "MM01", "sample": "MM01", "parameter": "lood", "waarde": "12,5"}
    cells |= {"value": "12,5", "eenheid": "mg/kg ds", "unit": "mg/kg ds", "opmerking": "x"}
    line = ";".join(cells[name] for name in names)

    frame = read_measurements(f"{header}\n{line}\n".encode(), filename="lab.csv")

    assert rows_of(frame, "row", "sample", "parameter", "value_raw", "unit") == [
        (2, "MM01", "lood", "12,5", "mg/kg ds")
    ]


def test_tab_separated_file_is_read() -> None:
    data = b"sample\tparameter\tvalue\tunit\nMM01\tlood\t12,5\tmg/kg ds\n"

    assert rows_of(read_measurements(data, filename="lab.txt"), "row", "value_raw") == [(2, "12,5")]


def test_utf8_bom_and_crlf_line_ends_are_handled() -> None:
    data = "sample;parameter;value;unit\r\nMM01;lood;12,5;µg/kg ds\r\n".encode("utf-8-sig")

    frame = read_measurements(data, filename="lab.csv")

    assert rows_of(frame, "row", "sample", "unit") == [(2, "MM01", "µg/kg ds")]


def test_windows_1252_file_is_decoded_as_windows_1252() -> None:
    # Excel's "CSV (semicolon delimited)" on Dutch Windows: µ is 0xB5, ° is 0xB0, ë is 0xEB.
    data = "monster;parameter;waarde;eenheid\nMM01;naftaleen (ë);0,2;µg/kg ds\n".encode("cp1252")

    frame = read_measurements(data, filename="lab.csv")

    assert rows_of(frame, "parameter", "unit") == [("naftaleen (ë)", "µg/kg ds")]


def test_utf16_file_with_byte_order_mark_is_read() -> None:
    data = "sample\tparameter\tvalue\tunit\r\nMM01\tlood\t12,5\tmg/kg ds\r\n".encode("utf-16")

    assert rows_of(read_measurements(data, filename="lab.txt"), "row", "parameter") == [(2, "lood")]


def test_bytes_that_are_neither_utf8_nor_windows_1252_are_refused_with_their_row() -> None:
    data = b"sample;parameter;value;unit\nMM01;lood;1;%\nMM02;\x81;2;%\n"

    error = refusal(data, "lab.csv")

    assert error.row == 3
    assert "0x81" in str(error)


def test_invalid_utf8_after_a_utf8_byte_order_mark_is_refused() -> None:
    data = b"\xef\xbb\xbfsample;parameter;value;unit\nMM01;\xff;1;%\n"

    assert refusal(data, "lab.csv").row == 2


def test_binary_file_is_refused() -> None:
    assert "not text" in str(refusal(b"sample\x00parameter\x00", "lab.csv"))


def test_missing_header_columns_are_listed() -> None:
    error = refusal(b"sample;parameter;waarde\nMM01;lood;1\n", "lab.csv")

    assert error.row == 1
    assert error.field is None
    assert "missing header column(s): 'unit'/'eenheid' " in str(error)
    assert "(found 'sample', 'parameter', 'waarde')" in str(error)


def test_all_missing_header_columns_are_listed() -> None:
    error = refusal(b"a;b;c\n1;2;3\n", "lab.csv")

    # the alternatives with a slash: no English "or" inside a Dutch message
    assert (
        "missing header column(s): 'sample'/'monster', 'parameter', 'value'/'waarde', "
        "'unit'/'eenheid'"
    ) in str(error)


def test_a_column_named_twice_is_refused() -> None:
    error = refusal(b"sample;monster;parameter;value;unit\nA;A;lood;1;%\n", "lab.csv")

    assert error.row == 1
    assert error.field == "monster"


@pytest.mark.parametrize("data", [b"", b"   \r\n\r\n", b"\xef\xbb\xbf"])
def test_empty_file_is_refused(data: bytes) -> None:
    error = refusal(data, "lab.csv")

    assert "empty" in str(error)
    assert error.row is None


def test_header_without_measurements_is_refused() -> None:
    assert "no measurements" in str(refusal(b"sample;parameter;value;unit\r\n;;;\r\n", "l.csv"))


def test_row_numbers_are_the_spreadsheet_rows() -> None:
    data = (
        b"\r\n"  # row 1: blank, so the header is row 2
        b"sample;parameter;value;unit\r\n"  # 2
        b"MM01;lood;12,5;mg/kg ds\r\n"  # 3
        b"\r\n"  # 4: blank line, left out
        b'MM01;"zink\r\n(totaal)";40;mg/kg ds\r\n'  # 5-6: a quoted value over two lines
        b";;;\r\n"  # 7: an empty spreadsheet row, left out
        b"MM01;koper;abc;mg/kg ds\r\n"  # 8: a bad value, passed on as written
        b"MM01;nikkel;8;mg/kg ds"  # 9: no line end at the end of the file
    )

    frame = read_measurements(data, filename="lab.csv")

    assert rows_of(frame, "row", "parameter", "value_raw") == [
        (3, "lood", "12,5"),
        (5, "zink\r\n(totaal)", "40"),
        (8, "koper", "abc"),
        (9, "nikkel", "8"),
    ]


def test_bad_value_on_spreadsheet_row_5_is_passed_on_as_row_5() -> None:
    lines = [
        "sample;parameter;value;unit",
        "A;lood;1;%",
        "A;zink;2;%",
        "A;koper;3;%",
        "A;nikkel;x;%",
    ]

    frame = read_measurements("\n".join(lines).encode(), filename="lab.csv")

    assert frame.filter(pl.col("value_raw") == "x")["row"].to_list() == [5]


def test_surrounding_spaces_are_trimmed_and_blank_cells_become_null() -> None:
    data = b"sample;parameter;value;unit\n MM01 ;  lood ; 12,5 ;   \n"

    assert rows_of(
        read_measurements(data, filename="l.csv"), "sample", "parameter", "value_raw", "unit"
    ) == [("MM01", "lood", "12,5", None)]


def test_optional_cas_and_date_columns_are_read() -> None:
    data = (
        b"monster;parameter;waarde;eenheid;cas;datum\n"
        b"MM01;lood;12,5;mg/kg ds;7439-92-1;2024-03-08\n"
        b"MM01;7440-66-6;40;mg/kg ds;;08-03-2024\n"
        b"MM02;lutum;3;%;;08/03/2024\n"
        b"MM02;organische stof;4;%;;2024-03-09T10:15:00+01:00\n"
        b"MM03;kwik;0,1;mg/kg ds;;\n"
    )

    frame = read_measurements(data, filename="lab.csv")

    assert rows_of(frame, "row", "cas", "sampling_date") == [
        (2, "7439-92-1", dt.date(2024, 3, 8)),
        (3, None, dt.date(2024, 3, 8)),
        (4, None, dt.date(2024, 3, 8)),
        (5, None, dt.date(2024, 3, 9)),
        (6, None, None),
    ]


def test_dates_in_the_accepted_notations_are_read() -> None:
    data = (
        b"sample,parameter,value,unit,date\n"
        b"A,lood,1,%,2024-03-08\n"
        b"A,lood,1,%,08-03-2024\n"
        b"A,lood,1,%,08/03/2024\n"
        b"A,lood,1,%,08.03.2024\n"
        b"A,lood,1,%,2024-03-08T10:15:00+01:00\n"
        b"A,lood,1,%,\n"
    )

    frame = read_measurements(data, filename="lab.csv")

    assert frame["sampling_date"].to_list() == [dt.date(2024, 3, 8)] * 5 + [None]


def test_unreadable_date_is_refused_with_row_and_field() -> None:
    data = b"sample,parameter,value,unit,datum\nA,lood,1,%,2024-03-08\nA,zink,1,%,8 maart\n"

    error = refusal(data, "lab.csv")

    assert (error.row, error.field) == (3, "datum")
    assert "'8 maart'" in str(error)


def test_reading_a_path_equals_reading_its_bytes(tmp_path: Path) -> None:
    data = b"sample;parameter;value;unit\nMM01;lood;12,5;mg/kg ds\n"
    path = tmp_path / "lab.csv"
    path.write_bytes(data)

    assert read_measurements(path, filename="lab.csv").equals(
        read_measurements(data, filename="lab.csv")
    )


def test_unreadable_path_is_refused(tmp_path: Path) -> None:
    error = refusal(tmp_path / "missing.csv", "missing.csv")

    assert error.file == "missing.csv"
    assert "cannot read the file" in str(error)


def test_one_million_rows_keep_their_row_numbers() -> None:
    n = 1_000_000
    source = pl.DataFrame(
        {
            "monster": pl.int_range(0, n, eager=True).cast(pl.Utf8).str.pad_start(7, "0"),
            "parameter": pl.Series(["lood", "zink", "lutum", "organische stof"] * (n // 4)),
            "waarde": pl.int_range(0, n, eager=True).cast(pl.Utf8) + ",5",
            "eenheid": pl.Series(["mg/kg ds", "mg/kg ds", "%", "%"] * (n // 4)),
        }
    )
    buffer = io.BytesIO()
    source.write_csv(buffer, separator=";", line_terminator="\r\n")

    frame = read_measurements(buffer.getvalue(), filename="big.csv")

    assert frame.height == n
    assert frame["row"].to_list()[:2] == [2, 3]
    assert frame.select(COLUMNS).row(n - 1) == (
        n + 1,
        "0999999",
        "organische stof",
        "999999,5",
        "%",
        None,
        None,
    )
    assert (frame["row"].diff().drop_nulls() == 1).all()


# --- XLSX -----------------------------------------------------------------------------------


def xlsx_bytes(sheets: dict[str, dict[str, Any]]) -> bytes:
    """A real XLSX workbook written by openpyxl: sheet title -> {cell reference: value}."""
    workbook = Workbook()
    workbook.remove(workbook.active)
    for title, cells in sheets.items():
        sheet = workbook.create_sheet(title)
        for reference, value in cells.items():
            sheet[reference] = value
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def table(header: list[str], *rows: list[Any], first_row: int = 1) -> dict[str, Any]:
    cells: dict[str, Any] = {}
    for offset, values in enumerate([header, *rows]):
        for column, value in zip("ABCDEFGH", values, strict=False):
            if value is not None:
                cells[f"{column}{first_row + offset}"] = value
    return cells


def test_xlsx_is_read_like_the_csv() -> None:
    data = xlsx_bytes(
        {
            "Blad1": table(
                ["Monster", "Parameter", "Waarde", "Eenheid"],
                ["MM01", "lood", "12,5", "mg/kg ds"],
                ["MM01", "zink", "<0,2", "mg/kg ds"],
                ["MM01", "lutum", "3", "%"],
            )
        }
    )

    frame = read_measurements(data, filename="lab.xlsx")

    assert frame.schema == pl.Schema(SCHEMA)
    assert rows_of(frame) == [
        (2, "MM01", "lood", "12,5", "mg/kg ds", None, None),
        (3, "MM01", "zink", "<0,2", "mg/kg ds", None, None),
        (4, "MM01", "lutum", "3", "%", None, None),
    ]


def test_xlsx_numbers_are_written_without_float_noise() -> None:
    values = [12.5, 0.1, 0.1 + 0.2, 3, 3.0, 1e-7, 1234567.0, 0.000123456789012345678, -0.0, True]
    data = xlsx_bytes(
        {
            "Blad1": table(
                ["sample", "parameter", "value", "unit"],
                *[["MM01", f"p{i}", v, "mg/kg ds"] for i, v in enumerate(values)],
            )
        }
    )

    frame = read_measurements(data, filename="lab.xlsx")

    assert frame["value_raw"].to_list() == [
        "12.5",
        "0.1",
        "0.3",
        "3",
        "3",
        "0.0000001",
        "1234567",
        "0.000123456789012346",
        "0",
        "TRUE",
    ]


def test_xlsx_sheet_named_meetresultaten_is_preferred_and_rows_are_sheet_rows() -> None:
    data = xlsx_bytes(
        {
            "Voorblad": {"A1": "Analysecertificaat 2024-0815"},
            "Meetresultaten": table(
                ["Monster", "Parameter", "Waarde", "Eenheid", "Datum", "CAS"],
                [
                    "MM01",
                    "lood",
                    12.5,
                    "mg/kg ds",
                    dt.datetime.combine(dt.date(2024, 3, 8), dt.time(10, 30)),
                    "7439-92-1",
                ],
                [None, None, None, None, None, None],
                ["MM01", "zink", "abc", "mg/kg ds", "09-03-2024", None],
                ["MM02", "lutum", 3, "%", None, None],
                first_row=3,
            ),
        }
    )

    frame = read_measurements(data, filename="lab.xlsx")

    assert rows_of(frame) == [
        (4, "MM01", "lood", "12.5", "mg/kg ds", "7439-92-1", dt.date(2024, 3, 8)),
        (6, "MM01", "zink", "abc", "mg/kg ds", None, dt.date(2024, 3, 9)),
        (7, "MM02", "lutum", "3", "%", None, None),
    ]


def test_xlsx_the_sheet_with_measurements_is_used_when_none_is_named_like_measurements() -> None:
    data = xlsx_bytes(
        {
            "Certificaat": table(["Laboratorium", "Datum"], ["Lab X", "2024-05-01"]),
            "Resultaten 2024": table(
                ["sample", "parameter", "value", "unit"], ["A", "lood", 1, "%"]
            ),
            "Leeg": table(["sample", "parameter", "value", "unit"]),
        }
    )

    assert rows_of(read_measurements(data, filename="lab.xlsx"), "sample") == [("A",)]


def test_xlsx_without_the_columns_is_refused_naming_the_sheet() -> None:
    data = xlsx_bytes({"Meetresultaten": table(["Monster", "Stof", "Waarde"], ["A", "lood", 1])})

    error = refusal(data, "lab.xlsx")

    assert error.file == "lab.xlsx (sheet 'Meetresultaten')"
    assert error.row == 1
    assert "missing header column(s): 'parameter', 'unit'/'eenheid'" in str(error)


def test_empty_xlsx_sheet_is_refused() -> None:
    assert "the sheet is empty" in str(refusal(xlsx_bytes({"Blad1": {}}), "lab.xlsx"))


def test_xlsx_with_a_header_only_is_refused() -> None:
    data = xlsx_bytes({"Blad1": table(["sample", "parameter", "value", "unit"])})

    assert "no measurements" in str(refusal(data, "lab.xlsx"))


def test_xlsx_with_an_unreadable_date_is_refused_at_its_row() -> None:
    data = xlsx_bytes(
        {
            "Blad1": table(
                ["sample", "parameter", "value", "unit", "date"], ["A", "lood", 1, "%", "ooit"]
            )
        }
    )

    error = refusal(data, "lab.xlsx")

    assert (error.row, error.field) == (2, "date")


def test_zip_that_is_not_a_workbook_is_refused() -> None:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("readme.txt", "not a workbook")

    assert "cannot open the file as an XLSX workbook" in str(refusal(buffer.getvalue(), "lab.xlsx"))


def test_file_named_xlsx_that_is_not_a_zip_archive_is_refused() -> None:
    data = b"sample;parameter;value;unit\nA;lood;1;%\n"

    # no library text ("File is not a zip file") in the user's language
    message = str(refusal(data, "lab.xlsx"))
    assert "the file is not an XLSX workbook" in message
    assert "give it the extension .csv" in message
    assert "zip file" not in message


def test_an_unreadable_date_is_named_by_its_column_as_written() -> None:
    data = b"monster;parameter;waarde;eenheid;datum\nA;lood;1;mg/kg ds;31-02-2019\n"

    error = refusal(data, "lab.csv")

    assert (error.row, error.field) == (2, "datum")


def test_workbook_is_recognised_by_its_content_whatever_its_name() -> None:
    data = xlsx_bytes(
        {"Blad1": table(["sample", "parameter", "value", "unit"], ["A", "lood", 1, "%"])}
    )

    assert rows_of(read_measurements(data, filename="upload"), "row", "value_raw") == [(2, "1")]


def test_legacy_xls_is_refused_with_advice() -> None:
    error = refusal(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 100, "lab.xls")

    assert "save it as .xlsx or CSV" in str(error)


# --- SIKB0101 XML -----------------------------------------------------------------------------


def test_sikb0101_lab_results_are_read_per_analysis_with_their_source_line() -> None:
    frame = read_measurements(
        FILES / "sikb0101_analyseresultaten_grond.xml", filename="resultaten.xml"
    )

    march_8 = dt.date(2024, 3, 8)
    assert frame.schema == pl.Schema(SCHEMA)
    assert rows_of(frame) == [
        (48, "MM01", "lutum", "12.3", "%", None, march_8),
        (67, "MM01", "organische stof", "4.1", "%", None, march_8),
        (82, "MM01", "12DClC2a", "<0.02", "mg/kg ds", "107-06-2", march_8),
        (99, "MM01", "111TClC2a", "0.05", "mg/kg ds", "71-55-6", march_8),
        (114, "MM01", "PCDD54", "1.2", "ng/kg ds", "40321-76-4", march_8),
        (143, "MM02", "lutum", "8", "%", None, march_8),
        (157, "MM02", "12DClC2a", "<0.02", "mg/kg ds", "107-06-2", march_8),
        (173, "MM02", "urn:immetingen:parameter:id:247", "0.1", "mg/kg ds", None, march_8),
        (189, "MM02", "minrlole", "120", "mg/kg ds", "8042-47-5", march_8),
        (204, "MM02", "minerale olie C10-C12", "6", "mg/kg ds", None, march_8),
    ]


def test_sikb0101_row_is_the_line_of_the_analysis_element() -> None:
    path = FILES / "sikb0101_analyseresultaten_grond.xml"
    lines = path.read_text(encoding="utf-8").splitlines()

    frame = read_measurements(path, filename=path.name)

    assert [lines[r - 1].strip().split('"')[0] for r in frame["row"]] == [
        "<immetingen:Analysis gml:id="
    ] * 10


def test_sikb0101_with_other_prefixes_default_namespace_and_latin1_is_read() -> None:
    path = FILES / "sikb0101_andere_voorvoegsels_latin1.xml"

    frame = read_measurements(path, filename=path.name)

    november_30 = dt.date(2023, 11, 30)
    assert rows_of(frame) == [
        (28, "_MM-Zuid", "12DClBen", "35", "ug/kg ds", "95-50-1", november_30),
        (40, "_MM-Zuid", "14DClBen", "<10", "ug/kg ds", "106-46-7", november_30),
        (53, "_MM-Zuid", "urn:immetingen:parameter:id:1398", "7.4", "DIMSLS", None, november_30),
        (64, "MM-Brügge één", "12DClBen", "niet aangetoond", None, "95-50-1", None),
    ]


def test_sikb0101_embedded_in_a_bro_request_is_read_without_calculated_sums() -> None:
    path = FILES / "sikb0101_in_bro_sad_verzoek.xml"

    frame = read_measurements(path, filename=path.name)

    assert rows_of(frame) == [
        (22, "MM-A", "11DClC2a", "0.3", "mg/kg ds", "75-34-3", dt.date(2013, 4, 12))
    ]


def sikb_document(members: str) -> bytes:
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        '<imsikb0101:FeatureCollectionIMSIKB0101 xmlns:imsikb0101="http://www.sikb.nl/imsikb0101"'
        ' xmlns:immetingen="http://www.sikb.nl/immetingen" xmlns:gml="http://www.opengis.net/gml/3.2"'
        ' xmlns:om="http://www.opengis.net/om/2.0" xmlns:sam="http://www.opengis.net/sampling/2.0"'
        ' xmlns:xlink="http://www.w3.org/1999/xlink">\n'
        f"{members}\n"
        "</imsikb0101:FeatureCollectionIMSIKB0101>\n"
    ).encode()


ONE_SAMPLE = """<imsikb0101:featureMember><imsikb0101:Sample gml:id="_s">
<sam:relatedObservation xlink:href="#_a"/><immetingen:name>M1</immetingen:name>
</imsikb0101:Sample></imsikb0101:featureMember>"""

ONE_ANALYSIS = """<imsikb0101:featureMember><immetingen:Analysis gml:id="_a"><om:result>
<immetingen:numericValue uom="urn:immetingen:Eenheid:id:58">0.2</immetingen:numericValue>
<immetingen:limitSymbol>&lt;</immetingen:limitSymbol></om:result>
<immetingen:physicalProperty><immetingen:PhysicalProperty>
<immetingen:parameter>urn:immetingen:parameter:id:36</immetingen:parameter>
</immetingen:PhysicalProperty></immetingen:physicalProperty>
</immetingen:Analysis></imsikb0101:featureMember>"""


def test_sikb0101_limit_symbol_precedes_the_number() -> None:
    frame = read_measurements(sikb_document(ONE_SAMPLE + ONE_ANALYSIS), filename="lab.xml")

    assert rows_of(frame, "row", "sample", "value_raw", "unit") == [(5, "M1", "<0.2", "mg/kg")]


def test_xml_is_recognised_by_its_content_whatever_its_name() -> None:
    frame = read_measurements(sikb_document(ONE_SAMPLE + ONE_ANALYSIS), filename="export.dat")

    assert frame.height == 1


BILLION_LAUGHS = b"""<?xml version="1.0"?>
<!DOCTYPE lolz [
 <!ENTITY lol "lol">
 <!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
 <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
 <!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
 <!ENTITY lol5 "&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;">
 <!ENTITY lol6 "&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;">
 <!ENTITY lol7 "&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;">
 <!ENTITY lol8 "&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;">
 <!ENTITY lol9 "&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;">
]>
<imsikb0101:FeatureCollectionIMSIKB0101 xmlns:imsikb0101="http://www.sikb.nl/imsikb0101">
&lol9;
</imsikb0101:FeatureCollectionIMSIKB0101>
"""


def test_entity_expansion_bomb_is_refused_not_expanded() -> None:
    error = refusal(BILLION_LAUGHS, "bomb.xml")

    assert "refused for safety" in str(error)
    assert "lol" not in error.detail


def test_external_entity_is_refused_and_not_read(tmp_path: Path) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_text("TOP-SECRET-CONTENT", encoding="utf-8")
    document = (
        '<?xml version="1.0"?>\n'
        f'<!DOCTYPE r [<!ENTITY xxe SYSTEM "file://{secret}">]>\n'
        '<imsikb0101:FeatureCollectionIMSIKB0101 xmlns:imsikb0101="http://www.sikb.nl/imsikb0101">'
        "<imsikb0101:name>&xxe;</imsikb0101:name></imsikb0101:FeatureCollectionIMSIKB0101>\n"
    ).encode()

    error = refusal(document, "xxe.xml")

    assert "refused for safety" in str(error)
    assert "TOP-SECRET" not in str(error)


def test_external_dtd_is_refused() -> None:
    document = (
        b'<?xml version="1.0"?>\n<!DOCTYPE r SYSTEM "http://example.invalid/evil.dtd">\n<r/>\n'
    )

    assert "refused for safety" in str(refusal(document, "dtd.xml"))


def test_malformed_xml_is_refused_at_its_line() -> None:
    document = sikb_document(
        ONE_SAMPLE + "<imsikb0101:featureMember>\n<oops></imsikb0101:featureMember>"
    )

    error = refusal(document, "broken.xml")

    assert error.row == 6
    assert str(error).startswith("broken.xml, row 6: malformed XML: mismatched tag")
    # and a Dutch user reads what it means in Dutch, not expat's English
    with translation.override("nl"):
        assert file_error(error) == (
            "broken.xml, regel 6: ongeldige XML: een eindtag sluit niet het element dat open is "
            "(mismatched tag)"
        )


def test_xml_without_measurements_is_refused() -> None:
    error = refusal(sikb_document("<imsikb0101:metaData/>"), "leeg.xml")

    assert "no measurements (no immetingen:Analysis elements)" in str(error)


def test_xml_with_analyses_of_no_sample_is_refused() -> None:
    error = refusal(sikb_document(ONE_ANALYSIS), "los.xml")

    assert "1 immetingen:Analysis element(s), none of them linked to an imsikb0101:Sample" in str(
        error
    )


def test_other_xml_is_refused() -> None:
    assert "is this a SIKB0101 file" in str(refusal(b"<html><body/></html>", "page.xml"))


def test_sikb0101_analysis_given_inline_in_its_sample_belongs_to_that_sample() -> None:
    inline = ONE_SAMPLE.replace(
        '<sam:relatedObservation xlink:href="#_a"/>',
        "<sam:relatedObservation>"
        + ONE_ANALYSIS.removeprefix("<imsikb0101:featureMember>").removesuffix(
            "</imsikb0101:featureMember>"
        )
        + "</sam:relatedObservation>",
    )

    frame = read_measurements(sikb_document(inline), filename="inline.xml")

    assert rows_of(frame, "row", "sample", "parameter", "value_raw") == [
        (4, "M1", "12DClC2a", "<0.2")
    ]


def analysis(
    parameter: str | None,
    *,
    quantity: str | None = "2725",
    condition: str | None = "1",
    unit: str = "58",
    value: str = "0.2",
) -> str:
    """One immetingen:Analysis of sample ``_s`` with the given domain-table ids."""
    codes = "".join(
        f"<immetingen:{element}>urn:immetingen:{table}:id:{code}</immetingen:{element}>"
        for element, table, code in (
            ("quantity", "parameter", quantity),
            ("parameter", "parameter", parameter),
            ("condition", "Hoedanigheid", condition),
        )
        if code is not None
    )
    return (
        '<imsikb0101:featureMember><immetingen:Analysis gml:id="_a">'
        '<om:featureOfInterest xlink:href="#_s"/><om:result>'
        f'<immetingen:numericValue uom="urn:immetingen:Eenheid:id:{unit}">{value}'
        "</immetingen:numericValue></om:result><immetingen:physicalProperty>"
        f"<immetingen:PhysicalProperty>{codes}</immetingen:PhysicalProperty>"
        "</immetingen:physicalProperty></immetingen:Analysis></imsikb0101:featureMember>"
    )


def measured(*analyses: str) -> list[tuple[Any, ...]]:
    sample = ONE_SAMPLE.replace('<sam:relatedObservation xlink:href="#_a"/>', "")
    frame = read_measurements(sikb_document(sample + "".join(analyses)), filename="lab.xml")
    return rows_of(frame, "parameter", "cas", "unit")


@pytest.mark.parametrize(
    ("sikb_id", "expected"),
    [
        ("971", ("Cu", "7440-50-8", "mg/kg ds")),
        ("1352", ("sPAK10", None, "mg/kg ds")),
        ("1381", ("PCB28", "7012-37-5", "mg/kg ds")),
        ("1712", ("TC4ySn", "36643-28-4", "mg/kg ds")),
        ("2228", ("PCDF83", "51207-31-9", "mg/kg ds")),
        ("2721", ("PCB189", "39635-31-9", "mg/kg ds")),
    ],
)
def test_sikb0101_known_parameter_id_becomes_its_aquo_code_and_cas_number(
    sikb_id: str, expected: tuple[str, str | None, str]
) -> None:
    assert measured(analysis(sikb_id)) == [expected]


def test_sikb0101_expired_parameter_id_becomes_its_description_and_cas_number() -> None:
    assert measured(analysis("1592")) == [("Tributyltin", "688-73-3", "mg/kg ds")]


def test_sikb0101_lutum_is_the_grain_size_fraction_below_2_um_in_percent() -> None:
    by_quantity = [
        analysis(None, quantity="1118", condition=condition, unit="1") for condition in ("2", "3")
    ]
    expired_parameter = analysis("820", quantity=None, condition=None, unit="2")

    assert measured(*by_quantity, expired_parameter) == [("lutum", None, "%")] * 3


def test_sikb0101_other_grain_size_fraction_is_not_lutum_and_stays_raw() -> None:
    # Hoedanigheid 150 = D106-150, "diameter tussen 106 en 150 um".
    assert measured(analysis(None, quantity="1118", condition="150", unit="1")) == [
        ("urn:immetingen:parameter:id:1118", None, "%")
    ]


def test_sikb0101_organic_matter_and_organic_carbon_are_recognised_in_percent() -> None:
    # Eenheid 123 is the expired '% (m/m) ds'; a soil property in any percent unit is '%'.
    assert measured(analysis("1319", unit="1"), analysis("1318", unit="123")) == [
        ("organische stof", None, "%"),
        ("organische koolstof", None, "%"),
    ]


def test_sikb0101_soil_property_in_grams_per_kilogram_keeps_its_unit() -> None:
    assert measured(analysis("1319", unit="30", value="41")) == [
        ("organische stof", None, "g/kg ds")
    ]


def test_sikb0101_unknown_parameter_id_stays_raw_without_cas_number() -> None:
    # 247 = AcNe acenafteen: a real SIKB id, but of a PAK outside the Rbk norm tables.
    assert measured(analysis("247"), analysis("999999")) == [
        ("urn:immetingen:parameter:id:247", None, "mg/kg ds"),
        ("urn:immetingen:parameter:id:999999", None, "mg/kg ds"),
    ]


def test_sikb0101_mineral_oil_fraction_is_not_the_total() -> None:
    rows = measured(
        analysis("1200", condition="93"),
        analysis("1200", condition=None),
        analysis("1200", condition="111"),
        analysis("1200", condition="460"),
    )

    assert rows == [
        ("minrlole", "8042-47-5", "mg/kg ds"),
        ("minrlole", "8042-47-5", "mg/kg"),
        ("minerale olie C20-C40", None, "mg/kg ds"),
        ("minerale olie urn:immetingen:Hoedanigheid:id:460", None, "mg/kg"),
    ]


def test_sikb_parameter_table_rows_are_well_formed() -> None:
    table = parameter_table()

    assert len(table) == 279
    assert all(row.sikb_id == key for key, row in table.items())
    assert all(row.code or row.status == "Vervallen" for row in table.values())
    assert all(
        row.cas is None or re.fullmatch(r"\d{2,7}-\d{2}-\d", row.cas) for row in table.values()
    )
    assert len({row.cas for row in table.values() if row.cas}) == len(
        [row for row in table.values() if row.cas]
    )


# --- numbers that can only have a decimal point ----------------------------------------------


def _zinc_and_separator_codes(frame: pl.DataFrame) -> tuple[float, list[str]]:
    from kwalibo.assessments.domain.engine import assess

    result = assess(frame, frame="grond")
    (zinc,) = (
        p for p in result.verdicts[0]["explanation"]["parameters"] if p["parameter"] == "zink"
    )
    codes = [m["code"] for m in result.messages_frame().to_dicts() if "separator" in m["code"]]
    return zinc["value_used"], codes


def test_a_numeric_xlsx_cell_is_a_decimal_even_beside_text_with_decimal_commas() -> None:
    # Text cells in Dutch ("0,5") next to a number typed as a number: the cell holds 1.234,
    # not 1234, whatever the other cells say.
    data = xlsx_bytes(
        {
            "Blad1": table(
                ["Monster", "Parameter", "Waarde", "Eenheid"],
                ["MM01", "koper", "0,5", "mg/kg ds"],
                ["MM01", "zink", 1.234, "mg/kg ds"],
                ["MM01", "lood", "1.000", "mg/kg ds"],
                ["MM01", "lutum", 25, "%"],
                ["MM01", "organische stof", 10, "%"],
            )
        }
    )

    frame = read_measurements(data, filename="lab.xlsx")

    assert frame["decimal_point"].to_list() == [None, True, None, True, True]
    assert _zinc_and_separator_codes(frame) == (pytest.approx(1.234), ["thousands_separator"])


def test_a_sikb0101_number_is_a_decimal_without_a_separator_warning() -> None:
    sample = ONE_SAMPLE.replace('<sam:relatedObservation xlink:href="#_a"/>', "")
    zinc = analysis("1693", value="1.234")  # Zn
    soil = analysis(None, quantity="1118", condition="2", unit="1", value="25") + analysis(
        "1319", unit="1", value="10"
    )
    document = sikb_document(sample + zinc + analysis("971", value="12") + soil)  # Cu

    frame = read_measurements(document, filename="lab.xml")

    assert frame["decimal_point"].to_list() == [True] * 4
    assert _zinc_and_separator_codes(frame) == (pytest.approx(1.234), [])


def test_a_csv_value_keeps_its_separator_warning() -> None:
    data = (
        b"sample;parameter;value;unit\nMM01;zink;1.234;mg/kg ds\nMM01;koper;12;mg/kg ds\n"
        b"MM01;lutum;25;%\nMM01;organische stof;10;%\n"
    )

    frame = read_measurements(data, filename="lab.csv")

    assert frame["decimal_point"].null_count() == frame.height
    assert _zinc_and_separator_codes(frame) == (pytest.approx(1.234), ["ambiguous_separator"])
