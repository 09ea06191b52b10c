"""Any lab file, however wrong, gives verdicts and messages or one clear refusal: never a crash,
and no measurement is left out without a message that names its row (or, in a batch whose mean
of a substance is withheld, the substance)."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json

import openpyxl
import polars as pl
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from openpyxl import Workbook

from kwalibo.assessments.domain.catalogue import catalogue as catalogue_of
from kwalibo.assessments.domain.engine import Assessment, assess
from kwalibo.assessments.domain.rules import load_rule_set
from kwalibo.assessments.pdf import pdf_report
from kwalibo.assessments.readers import MeasurementFileError, read_measurements
from kwalibo.assessments.workbook import xlsx_report

PARAMETERS = (
    "lutum",
    "Lutum",
    "organische stof",
    "humus",
    "koper",
    "Cu",
    "7440-50-8",
    "zink",
    "lood",
    "naftaleen",
    "fenantreen",
    "benzo(a)pyreen",
    "PCB 28",
    "PCB 153",
    "minerale olie",
    "cyanide (vrij)",
    "tributyltin",
    "asbest",
    "pak_som10",
    "flubber",
    "",
)
UNITS = ("mg/kg ds", "µg/kg ds", "ug/kg", "ng/kg ds", "%", "mg/l", "", "kg")
NUMBERS = st.one_of(
    st.floats(min_value=0, max_value=1e6, allow_nan=False).map(lambda v: f"{v:.6g}"),
    st.integers(min_value=0, max_value=5000).map(str),
)
WRITTEN = st.one_of(
    NUMBERS,
    NUMBERS.map(lambda v: v.replace(".", ",")),
    NUMBERS.map(lambda v: "<" + v),
    NUMBERS.map(lambda v: "< " + v.replace(".", ",")),
    NUMBERS.map(lambda v: ">" + v),
    NUMBERS.map(lambda v: " >= " + v.replace(".", ",")),
    st.sampled_from(["1.000", "12,500", "1.234,5", "1,234.5", "1.000.000", "-3", "-0,5"]),
    st.sampled_from(
        ["", "abc", "n.a.", "nan", "inf", "1e999", "<", "<<2", "1,2,3", ">5", "<>3", "≥7"]
    ),
)
VALUES = st.one_of(WRITTEN, st.text(max_size=6))
#: A spreadsheet cell holds no control characters.
CELL_TEXT = st.text(st.characters(exclude_categories=("Cc", "Cs")), max_size=6)
SAMPLES = st.sampled_from(["M1", "M2", " M1 ", "", "MM-3"])
ROWS = st.lists(
    st.tuples(SAMPLES, st.sampled_from(PARAMETERS), VALUES, st.sampled_from(UNITS)),
    min_size=1,
    max_size=25,
)


def lab_file(rows: list[tuple[str, str, str, str]]) -> bytes:
    """A semicolon-separated lab file of the rows, quoted where needed."""
    frame = pl.DataFrame(rows, schema=["sample", "parameter", "value", "unit"], orient="row")
    buffer = io.BytesIO()
    frame.write_csv(buffer, separator=";")
    return buffer.getvalue()


def rows_explained(assessment: Assessment) -> set[int]:
    """The input rows that the explanation shows as a measurement of a parameter or of a
    component of a sum."""
    parameters = [p for v in assessment.verdicts for p in v["explanation"]["parameters"]]
    measured = [m for p in parameters for m in p["measurements"]]
    components = [m for p in parameters for c in p["components"] for m in c["measurements"]]
    return {m["row"] for m in measured + components}


#: How the test writes the soil properties, and where a verdict shows them.
SOIL = {"lutum": "lutum", "organische stof": "organische_stof", "humus": "organische_stof"}


def soil_rows_used(assessment: Assessment, measurements: pl.DataFrame) -> set[int]:
    """The rows of lutum and organic matter of samples whose verdict shows that property."""
    shown: dict[str, dict[str, object]] = {}
    for verdict in assessment.verdicts:
        soil = verdict["soil"]
        shown |= soil if assessment.batch else {verdict["sample"]: soil}
    return {
        row["row"]
        for row in measurements.to_dicts()
        if (row["parameter"] or "").lower() in SOIL
        and shown.get((row["sample"] or "").strip(), {}).get(SOIL[row["parameter"].lower()])
        is not None
    }


def rows_with_a_message(assessment: Assessment) -> set[int]:
    return {m["row"] for m in assessment.messages_frame().to_dicts() if m["row"] is not None}


def rows_of_withheld_means(assessment: Assessment, measurements: pl.DataFrame) -> set[int]:
    """In a batch, the rows of a substance whose mean ``batch_mean_incomplete`` withholds, or of
    a component of such a sum: the message names the substance and the samples that lack it."""
    if not assessment.batch:
        return set()
    found = catalogue_of(load_rule_set(assessment.rule_set), assessment.frame)
    names = found.column("name")
    withheld = {
        m["parameter"]
        for m in assessment.messages_frame().to_dicts()
        if m["code"] == "batch_mean_incomplete"
    }
    codes = {code for code, name in enumerate(names) if name in withheld}
    parts = pl.concat(
        [found.sums.select("sum", "component"), found.sub_sums.select("sum", "component")]
    )
    codes |= set(parts.filter(pl.col("sum").is_in(list(codes)))["component"].to_list())
    cas = measurements.get_column("cas") if "cas" in measurements.columns else None
    identified = found.identify(measurements.get_column("parameter"), cas)
    return {
        row
        for row, code in zip(measurements.get_column("row"), identified, strict=True)
        if code in codes
    }


def spreadsheet(rows: list[tuple[str, str, object, str]]) -> bytes:
    """An XLSX workbook of the rows; numbers are numeric cells, the rest text cells."""
    workbook = Workbook()
    sheet = workbook.active
    sheet.append(["Monster", "Parameter", "Waarde", "Eenheid"])
    for row in rows:
        sheet.append(list(row))
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


XLSX_ROWS = st.lists(
    st.tuples(
        SAMPLES,
        st.sampled_from(PARAMETERS),
        st.one_of(WRITTEN, CELL_TEXT, st.floats(min_value=0, max_value=1e6), st.integers(0, 5000)),
        st.sampled_from(UNITS),
    ),
    min_size=1,
    max_size=25,
)
EXAMPLES = settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@EXAMPLES
@given(rows=ROWS, frame=st.sampled_from(["grond", "waterbodem"]), batch=st.booleans())
def test_any_lab_file_gives_verdicts_or_a_clear_refusal(
    rows: list[tuple[str, str, str, str]], frame: str, batch: bool
) -> None:
    check_any_file(lab_file(rows), "lab.csv", frame=frame, batch=batch)


@EXAMPLES
@given(rows=XLSX_ROWS, frame=st.sampled_from(["grond", "waterbodem"]), batch=st.booleans())
def test_any_spreadsheet_gives_verdicts_or_a_clear_refusal(
    rows: list[tuple[str, str, object, str]], frame: str, batch: bool
) -> None:
    check_any_file(spreadsheet(rows), "lab.xlsx", frame=frame, batch=batch)


def check_any_file(content: bytes, filename: str, *, frame: str, batch: bool) -> None:
    refusal = None
    try:
        measurements = read_measurements(content, filename=filename)
    except MeasurementFileError as error:
        refusal = error
    if refusal is not None:
        assert str(refusal).startswith(filename)  # names the file, and where in it
        return

    assessment = assess(
        measurements, frame=frame, as_batch=batch, sampling_date=dt.date(2020, 1, 1)
    )

    # Every row of the file is either shown in an explanation or named by a message.
    every_row = set(measurements.get_column("row").to_list())
    accounted = (
        rows_explained(assessment)
        | soil_rows_used(assessment, measurements)
        | rows_with_a_message(assessment)
        | rows_of_withheld_means(assessment, measurements)
    )
    assert every_row <= accounted
    # Every output renders.
    for verdict in assessment.verdicts:
        assert verdict["sample"]
        assert verdict["class"] is None or isinstance(verdict["class"], str)
    json.loads(assessment.to_json())
    assessment.to_csv()
    assessment.write_csv(io.BytesIO())
    for message in assessment.messages:
        assert message["message"]
    pdf = pdf_report(
        assessment, source="lab.csv", created=dt.datetime(2026, 12, 3, 9, 0, tzinfo=dt.UTC)
    )
    assert pdf.startswith(b"%PDF")
    workbook = openpyxl.load_workbook(io.BytesIO(xlsx_report(assessment)), read_only=True)
    # one sheet row per CSV row, the header included
    assert sum(1 for _ in workbook["toetsing"].iter_rows()) == len(
        list(csv.reader(io.StringIO(assessment.to_csv())))
    )


@pytest.mark.parametrize(
    "content",
    [
        b"",
        b"\xff\xfe\x00garbage",
        b"sample;parameter\nM1;koper\n",
        b"<?xml version='1.0'?><root/>",
        b"PK\x03\x04not really a zip",
    ],
)
def test_an_unusable_file_is_refused_with_a_message(content: bytes) -> None:
    with pytest.raises(MeasurementFileError) as caught:
        read_measurements(content, filename="lab.csv")

    assert str(caught.value).startswith("lab.csv")
