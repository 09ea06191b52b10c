"""Audit of the lab-file readers with files as labs and consultants send them.

Each case is a real file (CSV bytes, an XLSX written by openpyxl, SIKB0101 XML) and checks what a
user relies on: every value with its number as written, unit, sample, parameter and "<" flag, and
a refusal that names the file, the row and (where there is one) the field.
"""

from __future__ import annotations

import datetime as dt
import io
import re
import zipfile
from pathlib import Path
from typing import Any

import polars as pl
import pytest
from openpyxl import Workbook

from kwalibo.assessments.domain.engine import assess
from kwalibo.assessments.readers import MeasurementFileError, read_measurements, spreadsheet
from kwalibo.assessments.tests.builders import measurements, sample

FILES = Path(__file__).parent / "files"
SIKB_SOIL_AND_GROUNDWATER = FILES / "audit_sikb0101_grond_en_grondwater_bom.xml"


def rows_of(frame: pl.DataFrame, *columns: str) -> list[tuple[Any, ...]]:
    return frame.select(columns or ("row", "sample", "parameter", "value_raw", "unit")).rows()


def refusal(source: Path | bytes, filename: str) -> MeasurementFileError:
    with pytest.raises(MeasurementFileError) as caught:
        read_measurements(source, filename=filename)
    return caught.value


# --- CSV ------------------------------------------------------------------------------------


def test_csv_lab_export_with_bom_crlf_quotes_cas_and_remarks_is_read_as_written() -> None:
    # Excel "CSV UTF-8" on Dutch Windows: BOM, CRLF, capitals, a quoted name holding the
    # separator, a CAS and a remark column, blank lines, values with "<" and decimal commas.
    data = (
        "Monster;Parameter;CAS;Waarde;Eenheid;Opmerking\r\n"
        "MM01;Lutum;;18,4;%;\r\n"
        "MM01;Organische stof;;3,2;% ds;\r\n"
        '"MM01";"PAK (som 10; VROM)";;"1,2";mg/kg ds;"lab; herhaald"\r\n'
        "\r\n"
        "MM01;koper;7440-50-8;< 0,05;mg/kg ds;\r\n"
        "MM02;Zink;7440-66-6;1.234,5;mg/kg ds;\r\n"
        "MM02;naftaleen;;<0.02;µg/kg ds;\r\n"
    ).encode("utf-8-sig")

    frame = read_measurements(data, filename="certificaat.csv")

    assert rows_of(frame, "row", "sample", "parameter", "value_raw", "unit", "cas") == [
        (2, "MM01", "Lutum", "18,4", "%", None),
        (3, "MM01", "Organische stof", "3,2", "% ds", None),
        (4, "MM01", "PAK (som 10; VROM)", "1,2", "mg/kg ds", None),
        (6, "MM01", "koper", "< 0,05", "mg/kg ds", "7440-50-8"),
        (7, "MM02", "Zink", "1.234,5", "mg/kg ds", "7440-66-6"),
        (8, "MM02", "naftaleen", "<0.02", "µg/kg ds", None),
    ]
    assert frame["decimal_point"].null_count() == frame.height  # text: the engine decides


def test_csv_with_bare_cr_line_ends_is_read() -> None:
    # Old Mac exports and some LIMS end lines with CR only; this crashed with csv.Error.
    data = b"sample;parameter;value;unit\rM1;lood;12,5;mg/kg ds\rM1;zink;<0,2;mg/kg ds\r"

    assert rows_of(read_measurements(data, filename="lab.csv")) == [
        (2, "M1", "lood", "12,5", "mg/kg ds"),
        (3, "M1", "zink", "<0,2", "mg/kg ds"),
    ]


def test_multiline_remark_in_a_column_not_read_still_pushes_the_rows_down() -> None:
    # The row of a bad value must be the row the user finds it on, whatever column holds the
    # line break (it drifted by one per break in a column the reader does not use).
    data = (
        b"sample;parameter;value;unit;opmerking\n"
        b'M1;lood;12;mg/kg ds;"monster nat,\nherhaald"\n'
        b"M1;zink;abc;mg/kg ds;\n"
    )

    frame = read_measurements(data, filename="lab.csv")

    assert rows_of(frame, "row", "value_raw") == [(2, "12"), (4, "abc")]


@pytest.mark.parametrize(
    ("line", "why"),
    [('M2;boring 2" diep;1;mg/kg ds', "an inch mark"), ('M2;"lood;1;mg/kg ds', "unclosed")],
)
def test_stray_double_quote_is_refused_at_its_row(line: str, why: str) -> None:
    data = f"sample;parameter;value;unit\nM1;lood;1;mg/kg ds\n{line}\nM3;zink;2;mg/kg ds\n"

    error = refusal(data.encode(), "lab.csv")

    assert (error.file, error.row) == ("lab.csv", 3), why
    assert "double quote" in error.detail


def test_title_lines_and_excel_sep_line_above_the_header_are_passed_over() -> None:
    data = (
        b"sep=;\n"
        b"Analysecertificaat;2024-117\n"
        b"Project;Dorpsstraat 1\n"
        b"\n"
        b"Monster;Parameter;Waarde;Eenheid\n"
        b"MM01;lood;12,5;mg/kg ds\n"
    )

    assert rows_of(read_measurements(data, filename="lab.csv")) == [
        (6, "MM01", "lood", "12,5", "mg/kg ds")
    ]


def test_csv_without_a_header_in_its_first_lines_is_refused_at_row_1() -> None:
    data = b"Analysecertificaat 2024-117\nMonsternummer;Stof;Resultaat;Eenheid\nMM01;lood;1;%\n"

    error = refusal(data, "lab.csv")

    assert (error.row, error.field) == (1, None)
    assert "missing header column(s)" in error.detail


def test_trailing_separator_on_every_line_is_accepted_but_only_on_data_lines_is_refused() -> None:
    same = b"sample;parameter;value;unit;\nM1;lood;1;mg/kg ds;\n"
    data_only = b"sample;parameter;value;unit\nM1;lood;1;mg/kg ds\nM1;zink;2;mg/kg ds;\n"

    assert rows_of(read_measurements(same, filename="a.csv"), "row", "value_raw") == [(2, "1")]
    error = refusal(data_only, "b.csv")
    assert error.row == 3
    assert "5 cells but the header 4" in error.detail


def test_tab_separated_values_with_either_separator_are_passed_on_as_written() -> None:
    # Grouping and the decimal separator are judged by the engine over the whole file.
    data = (
        b"sample\tparameter\tvalue\tunit\nM1\tzink\t1,234.5\tmg/kg ds\nM1\tlood\t12.5\tmg/kg ds\n"
    )

    assert rows_of(read_measurements(data, filename="lab.tsv"), "value_raw") == [
        ("1,234.5",),
        ("12.5",),
    ]


# --- XLSX -----------------------------------------------------------------------------------


def xlsx(sheets: dict[str, list[list[Any]]], *, merge: dict[str, str] | None = None) -> bytes:
    """A workbook written by openpyxl: sheet title -> rows from A1 (``None`` = empty cell)."""
    workbook = Workbook()
    workbook.remove(workbook.active)
    for title, rows in sheets.items():
        sheet = workbook.create_sheet(title)
        for row_number, values in enumerate(rows, start=1):
            for column, value in enumerate(values, start=1):
                if value is not None:
                    sheet.cell(row_number, column, value)
        if merge and title in merge:
            sheet.merge_cells(merge[title])
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


HEADER = ["Monster", "Parameter", "Waarde", "Eenheid"]


def test_xlsx_title_rows_above_the_header_are_passed_over_and_rows_are_sheet_rows() -> None:
    data = xlsx(
        {
            "Blad1": [
                ["Analysecertificaat 2024-117"],
                ["Opdrachtgever", "Gemeente Voorbeeld"],
                [],
                HEADER,
                ["MM01", "lood", 12.5, "mg/kg ds"],
                ["MM01", "zink", "<0,2", "mg/kg ds"],
            ]
        },
        merge={"Blad1": "A1:D1"},
    )

    frame = read_measurements(data, filename="lab.xlsx")

    assert rows_of(frame) == [
        (5, "MM01", "lood", "12.5", "mg/kg ds"),
        (6, "MM01", "zink", "<0,2", "mg/kg ds"),
    ]
    assert frame["decimal_point"].to_list() == [True, None]


def test_xlsx_data_on_a_later_sheet_after_a_cover_sheet_is_found() -> None:
    data = xlsx(
        {
            "Voorblad": [["Analysecertificaat"], ["Datum", "2024-05-21"]],
            "Data": [HEADER, ["MM01", "koper", 41, "mg/kg ds"]],
        }
    )

    assert rows_of(read_measurements(data, filename="lab.xlsx")) == [
        (2, "MM01", "koper", "41", "mg/kg ds")
    ]


def test_xlsx_without_a_header_is_refused_at_the_row_most_like_one() -> None:
    data = xlsx({"Meetresultaten": [["Certificaat 2024-117"], ["Monster", "Stof", "Waarde"]]})

    error = refusal(data, "lab.xlsx")

    assert (error.file, error.row) == ("lab.xlsx (sheet 'Meetresultaten')", 2)
    assert "missing header column(s): 'parameter', 'unit'/'eenheid'" in error.detail


def with_cached_values(data: bytes, values: dict[str, tuple[str, str]]) -> bytes:
    """The workbook as Excel saves it: each formula cell with its computed value.

    ``values``: cell reference -> (Excel cell type, text), e.g. ``{"C2": ("n", "12.5")}``.
    """
    source = zipfile.ZipFile(io.BytesIO(data))
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as target:
        for item in source.infolist():
            content = source.read(item.filename)
            if item.filename == "xl/worksheets/sheet1.xml":
                text = content.decode()
                for reference, (kind, value) in values.items():
                    cell = re.compile(rf'<c r="{reference}"([^>]*)>(<f>.*?</f>)<v ?/>(</c>)?')
                    kind_attribute = ' t="str"' if kind == "str" else ""
                    text, count = cell.subn(
                        rf'<c r="{reference}"\1{kind_attribute}>\2<v>{value}</v></c>', text
                    )
                    assert count == 1, reference
                content = text.encode()
            target.writestr(item, content)
    return buffer.getvalue()


def test_xlsx_formulas_are_read_as_their_computed_values() -> None:
    data = xlsx(
        {
            "Blad1": [
                HEADER,
                ["MM01", "lood", "=10+2.5", "mg/kg ds"],
                ["MM01", "zink", '="<"&"0,2"', "mg/kg ds"],
                ['="MM"&"02"', "koper", 3, "mg/kg ds"],
            ]
        }
    )
    data = with_cached_values(
        data, {"C2": ("n", "12.5"), "C3": ("str", "&lt;0,2"), "A4": ("str", "MM02")}
    )

    frame = read_measurements(data, filename="lab.xlsx")

    assert rows_of(frame) == [
        (2, "MM01", "lood", "12.5", "mg/kg ds"),
        (3, "MM01", "zink", "<0,2", "mg/kg ds"),
        (4, "MM02", "koper", "3", "mg/kg ds"),
    ]
    assert frame["decimal_point"].to_list() == [True, None, True]


def test_xlsx_cells_of_every_kind_are_passed_on_as_the_sheet_shows_them() -> None:
    data = xlsx(
        {
            "Blad1": [
                [*HEADER, "Datum"],
                ["MM01", "lood", " 12,5 ", "mg/kg ds", dt.date(2024, 5, 14)],
                ["MM01", "kwik", 0.1 + 0.2, "mg/kg ds", "14-05-2024"],
                [
                    1001,
                    "nikkel",
                    8,
                    "mg/kg ds",
                    dt.datetime.combine(dt.date(2024, 5, 14), dt.time(23, 59)),
                ],
                # Excel turned "1-3" into a date: shown as written, the engine says not a number.
                [
                    "MM01",
                    "koper",
                    dt.datetime.combine(dt.date(2024, 3, 1), dt.time()),
                    "mg/kg ds",
                    None,
                ],
                *[[None] * 5 for _ in range(20)],  # formatted but empty trailing rows
            ]
        }
    )

    frame = read_measurements(data, filename="lab.xlsx")

    assert rows_of(frame, "row", "sample", "value_raw", "sampling_date") == [
        (2, "MM01", "12,5", dt.date(2024, 5, 14)),
        (3, "MM01", "0.3", dt.date(2024, 5, 14)),
        (4, "1001", "8", dt.date(2024, 5, 14)),
        (5, "MM01", "2024-03-01T00:00:00", None),
    ]


def test_xlsx_merged_sample_cell_applies_to_every_row_of_the_merge() -> None:
    data = xlsx(
        {"Blad1": [HEADER, ["MM01", "lood", 12.5, "mg/kg ds"], [None, "zink", 40, "mg/kg ds"]]},
        merge={"Blad1": "A2:A3"},
    )

    assert rows_of(read_measurements(data, filename="lab.xlsx"), "sample") == [
        ("MM01",),
        ("MM01",),
    ]


@pytest.mark.parametrize("chunk", [spreadsheet._CHUNK, 7], ids=["whole", "tags-cut-by-chunks"])
def test_xlsx_merges_over_several_samples_and_columns_are_filled_down(
    chunk: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(spreadsheet, "_CHUNK", chunk)
    book = Workbook()
    sheet = book.active
    rows = [
        HEADER,
        ["MM01", "lood", 12.5, "mg/kg ds"],
        [None, "zink", 40, None],
        [None, "koper", 20, None],
        ["MM02", "lood", 30, "mg/kg ds"],
        [None, "zink", 50, "mg/kg ds"],
        ["MM03", "lood", 10, "mg/kg ds"],
    ]
    for row in rows:
        sheet.append(row)
    for merged in ("A2:A4", "D2:D4", "A5:A6"):
        sheet.merge_cells(merged)
    buffer = io.BytesIO()
    book.save(buffer)

    read = read_measurements(buffer.getvalue(), filename="lab.xlsx")

    assert rows_of(read, "sample", "parameter", "unit") == [
        ("MM01", "lood", "mg/kg ds"),
        ("MM01", "zink", "mg/kg ds"),
        ("MM01", "koper", "mg/kg ds"),
        ("MM02", "lood", "mg/kg ds"),
        ("MM02", "zink", "mg/kg ds"),
        ("MM03", "lood", "mg/kg ds"),
    ]


# --- SIKB0101 XML -----------------------------------------------------------------------------


def test_sikb0101_site_investigation_reads_the_soil_samples_only() -> None:
    # BOM; a mixed sample of two field samples; analyses by reference and inline; "<" and ">"
    # (CDATA); units %, mg/kg, ug/kg, ug/kg as tin (Sndg), ng/kg as TEQ (TEQdg); groundwater
    # (Compartiment 2) kept with its compartment (the assessment names it, does not test it);
    # the filter's field measurements left out.
    read = read_measurements(SIKB_SOIL_AND_GROUNDWATER, filename="project.xml")
    groundwater = read.filter(pl.col("compartment").is_not_null())
    assert groundwater.select("sample", "compartment").unique().rows() == [("Pb1-1", "Grondwater")]
    frame = read.filter(pl.col("compartment").is_null())

    may_14, may_15 = dt.date(2024, 5, 14), dt.date(2024, 5, 15)
    assert frame.select(
        "row", "sample", "parameter", "value_raw", "unit", "cas", "sampling_date"
    ).rows() == [
        (71, "MM01", "lutum", "18.4", "%", None, may_14),
        (85, "MM01", "organische stof", "3.2", "%", None, may_14),
        (100, "MM01", "Cu", "41", "mg/kg ds", "7440-50-8", may_14),
        (115, "MM01", "Zn", "<20", "mg/kg ds", "7440-66-6", may_14),
        (131, "MM01", "PCB28", "1.3", "ug/kg ds", "7012-37-5", may_14),
        (146, "MM01", "TC4ySn", "12", "ug Sn/kg ds", "36643-28-4", may_14),
        (161, "MM01", "sDOxns29", "4.1", "ng TEQ/kg ds", None, may_14),
        (180, "MM02", "lutum", "2.5", "%", None, may_15),
        (193, "MM02", "organische stof", "9.8", "%", None, may_15),
        (207, "MM02", "minrlole", ">5000", "mg/kg ds", "8042-47-5", may_15),
    ]
    assert frame["decimal_point"].to_list() == [True] * frame.height
    (note,) = [m for m in assess(read, frame="grond").messages if m["code"] == "other_compartment"]
    assert (note["sample"], note["params"]["value"]) == (None, str(groundwater.height))
    lines = SIKB_SOIL_AND_GROUNDWATER.read_text(encoding="utf-8-sig").splitlines()
    assert {lines[row - 1].strip()[:28] for row in frame["row"]} == {"<immetingen:Analysis gml:id="}


def test_sikb0101_organotin_expressed_as_tin_is_not_warned_about_as_assumed() -> None:
    # Condition Sndg states the tin basis the norm uses; the engine must not need to assume it.
    frame = read_measurements(SIKB_SOIL_AND_GROUNDWATER, filename="project.xml")

    result = assess(frame.filter(pl.col("sample") == "MM01"), frame="grond")

    codes = {m["code"] for m in result.messages_frame().to_dicts()}
    assert "organotin_as_tin" not in codes
    (tbt,) = [p for p in result.verdicts[0]["explanation"]["parameters"] if p["parameter"] == "tbt"]
    assert tbt["value_used"] == pytest.approx(0.012)


NS = (
    'xmlns:imsikb0101="http://www.sikb.nl/imsikb0101" xmlns:immetingen="http://www.sikb.nl/immetingen"'
    ' xmlns:gml="http://www.opengis.net/gml/3.2" xmlns:om="http://www.opengis.net/om/2.0"'
    ' xmlns:sam="http://www.opengis.net/sampling/2.0"'
    ' xmlns:spec="http://www.opengis.net/samplingSpecimen/2.0" xmlns:xlink="http://www.w3.org/1999/xlink"'
)


def sikb(members: str, *, encoding: str = "UTF-8") -> str:
    return (
        f'<?xml version="1.0" encoding="{encoding}"?>\n'
        f"<imsikb0101:FeatureCollectionIMSIKB0101 {NS}>\n{members}\n"
        "</imsikb0101:FeatureCollectionIMSIKB0101>\n"
    )


def analysis(parameter: str, value: str | None, *, gml_id: str = "", about: str = "") -> str:
    """An immetingen:Analysis (mg/kg, dry weight) of a parameter id, on one line."""
    identity = f' gml:id="{gml_id}"' if gml_id else ""
    interest = f'<om:featureOfInterest xlink:href="#{about}"/>' if about else ""
    number = (
        f'<immetingen:numericValue uom="urn:immetingen:Eenheid:id:58">{value}'
        "</immetingen:numericValue>"
        if value is not None
        else ""
    )
    return (
        f"<immetingen:Analysis{identity}>{interest}<om:result>{number}</om:result>"
        "<immetingen:physicalProperty><immetingen:PhysicalProperty>"
        "<immetingen:quantity>urn:immetingen:parameter:id:2725</immetingen:quantity>"
        f"<immetingen:parameter>urn:immetingen:parameter:id:{parameter}</immetingen:parameter>"
        "<immetingen:condition>urn:immetingen:Hoedanigheid:id:1</immetingen:condition>"
        "</immetingen:PhysicalProperty></immetingen:physicalProperty></immetingen:Analysis>"
    )


def member(content: str) -> str:
    return f"<imsikb0101:featureMember>{content}</imsikb0101:featureMember>\n"


def soil_sample(gml_id: str, name: str, content: str = "", compartment: int = 1) -> str:
    return member(
        f'<imsikb0101:Sample gml:id="{gml_id}">{content}'
        f'<spec:materialClass xlink:href="urn:immetingen:Compartiment:id:{compartment}"/>'
        f"<immetingen:name>{name}</immetingen:name></imsikb0101:Sample>"
    )


def test_sikb0101_with_only_groundwater_samples_is_refused_naming_the_compartment() -> None:
    document = sikb(
        soil_sample("_gw", "Pb1-1", '<sam:relatedObservation xlink:href="#_g1"/>', compartment=2)
        + member(analysis("971", "14", gml_id="_g1"))
    )

    error = refusal(document.encode(), "grondwater.xml")

    assert error.file == "grondwater.xml"
    assert "no soil or sediment measurements" in error.detail
    assert "Grondwater: 1" in error.detail


def test_sikb0101_field_sample_given_inline_in_a_mixed_sample_keeps_its_own_analyses() -> None:
    # Crashed with KeyError: an analysis inline in a field sample given inline in a mixed sample.
    field_sample = (
        '<imsikb0101:Sample gml:id="_vm1"><sam:relatedObservation>'
        + analysis("971", "12.5", gml_id="_a2")
        + "</sam:relatedObservation><immetingen:name>01-1</immetingen:name></imsikb0101:Sample>"
    )
    mixed = soil_sample(
        "_mm",
        "MM01",
        '<sam:relatedObservation xlink:href="#_a1"/><sam:relatedSamplingFeature>'
        "<sam:SamplingFeatureComplex>"
        '<sam:role xlink:href="urn:immetingen:RelatedSamplingFeatureRollen:id:1"/>'
        f"<sam:relatedSamplingFeature>{field_sample}</sam:relatedSamplingFeature>"
        "</sam:SamplingFeatureComplex></sam:relatedSamplingFeature>",
    )

    frame = read_measurements(
        sikb(mixed + member(analysis("1693", "40", gml_id="_a1"))).encode(), filename="l.xml"
    )

    assert rows_of(frame, "sample", "parameter", "value_raw") == [
        ("01-1", "Cu", "12.5"),
        ("MM01", "Zn", "40"),
    ]


def test_sikb0101_analyses_without_gml_id_stay_with_their_own_sample() -> None:
    # Inline analyses were keyed by gml:id, so one without an id in another sample (linked by
    # om:featureOfInterest) was given to the sample of the inline ones: a value in the wrong sample.
    inline = "".join(
        f"<sam:relatedObservation>{analysis('971', v)}</sam:relatedObservation>" for v in "12"
    )
    document = sikb(
        soil_sample("_s1", "M1", inline)
        + soil_sample("_s2", "M2")
        + member(analysis("1693", "3", about="_s2"))
    )

    frame = read_measurements(document.encode(), filename="lab.xml")

    assert rows_of(frame, "sample", "parameter", "value_raw") == [
        ("M1", "Cu", "1"),
        ("M1", "Cu", "2"),
        ("M2", "Zn", "3"),
    ]


@pytest.mark.parametrize("encoding", ["windows-1252", "ISO-8859-1", "UTF-16"])
def test_sikb0101_in_a_declared_encoding_keeps_its_sample_names(encoding: str) -> None:
    name = "MM-Brügge één" if encoding != "windows-1252" else "MM–Zuid (€)"
    document = sikb(
        soil_sample("_s", name, '<sam:relatedObservation xlink:href="#_a"/>')
        + member(analysis("971", "1.5E-3", gml_id="_a")),
        encoding=encoding,
    )

    frame = read_measurements(document.encode(encoding.lower()), filename="lab.xml")

    # numericValue is a gml:MeasureType (xs:double): the exponent form is a number.
    assert rows_of(frame, "sample", "value_raw", "unit", "decimal_point") == [
        (name, "1.5E-3", "mg/kg ds", True)
    ]


def test_sikb0101_analysis_without_numeric_value_is_passed_on_without_value() -> None:
    document = sikb(
        soil_sample("_s", "M1", '<sam:relatedObservation xlink:href="#_a"/>')
        + member(analysis("971", None, gml_id="_a"))
    )

    frame = read_measurements(document.encode(), filename="lab.xml")

    assert rows_of(frame, "sample", "parameter", "value_raw", "unit") == [("M1", "Cu", None, None)]
    messages = assess(frame, frame="grond").messages_frame()
    assert messages.filter(pl.col("code") == "missing_value")["row"].to_list() == [frame["row"][0]]


@pytest.mark.parametrize(
    ("data", "row", "expected"),
    [
        (b"", None, "the file is empty"),
        (b"  \r\n", None, "the file is empty"),
        (
            b'<?xml version="1.0"?>\n<kml xmlns="http://www.opengis.net/kml/2.2"/>\n',
            None,
            "is this a SIKB0101 file",
        ),
        (sikb(soil_sample("_s", "M1")).encode()[:-60], 3, "malformed XML"),  # cut in line 3
    ],
)
def test_unusable_xml_is_refused_with_the_file_and_its_line(
    data: bytes, row: int | None, expected: str
) -> None:
    error = refusal(data, "lab.xml")

    assert error.file == "lab.xml"
    assert error.row == row
    assert expected in error.detail


def test_a_result_above_the_measuring_range_is_tested_as_at_least_its_number() -> None:
    above = assess(measurements(sample("M1", {"minerale olie": ">5000"})), frame="grond")
    at = assess(measurements(sample("M1", {"minerale olie": "5000"})), frame="grond")

    assert above.verdicts[0]["class"] == at.verdicts[0]["class"] == "niet_toepasbaar"


def test_sikb0101_in_latin1_without_its_declaration_is_refused_naming_the_byte_and_line() -> None:
    document = sikb(
        soil_sample("_s1", "Boring é", '<sam:relatedObservation xlink:href="#_a1"/>')
        + member(analysis("971", "12", gml_id="_a1"))
    ).replace(' encoding="UTF-8"', "")

    error = refusal(document.encode("latin-1"), "lab.xml")

    assert error.row == 3
    assert error.detail.startswith("the XML is not UTF-8 text (byte 0xE9)")
    declared = document.replace('version="1.0"', 'version="1.0" encoding="ISO-8859-1"')
    read = read_measurements(declared.encode("latin-1"), filename="lab.xml")
    assert rows_of(read, "sample") == [("Boring é",)]


def test_sikb0101_samples_that_share_a_name_stay_apart() -> None:
    document = sikb(
        soil_sample("_s1", "MM01", '<sam:relatedObservation xlink:href="#_a1"/>')
        + member(analysis("971", "12", gml_id="_a1"))
        + soil_sample("_s2", "MM01", '<sam:relatedObservation xlink:href="#_a2"/>')
        + member(analysis("971", "30", gml_id="_a2"))
        + soil_sample("_s3", "MM02", '<sam:relatedObservation xlink:href="#_a3"/>')
        + member(analysis("971", "20", gml_id="_a3"))
    )

    read = read_measurements(document.encode(), filename="lab.xml")

    assert rows_of(read, "sample", "value_raw") == [
        ("MM01 (_s1)", "12"),
        ("MM01 (_s2)", "30"),
        ("MM02", "20"),
    ]
