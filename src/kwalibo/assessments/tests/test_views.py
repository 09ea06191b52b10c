"""The /toetsing/ page: upload, verdicts with explanations, CSV and PDF downloads."""

from __future__ import annotations

import csv
import datetime as dt
import io
import re
import zlib
from pathlib import Path

import pytest
from django.core.cache import cache
from django.http import HttpResponse
from django.test import Client
from django.utils import translation

from kwalibo.assessments.domain.engine import assess
from kwalibo.assessments.pdf import pdf_report
from kwalibo.assessments.tests.builders import measurements, sample

LAB_FILE = Path(__file__).parent / "lab_files" / "lab_grond.csv"


@pytest.fixture
def client_en() -> Client:
    return Client(HTTP_ACCEPT_LANGUAGE="en")


def _file(content: bytes, name: str) -> io.BytesIO:
    buffer = io.BytesIO(content)
    buffer.name = name
    return buffer


def test_the_form_has_labelled_fields(client_en: Client) -> None:
    response = client_en.get("/toetsing/")
    page = response.content.decode()
    assert response.status_code == 200
    assert "<h1>Soil-quality assessment</h1>" in page
    assert re.search(r'<label for="id_file">Lab file</label>', page)
    assert 'enctype="multipart/form-data"' in page
    assert "<legend>Assessment frame</legend>" in page
    assert re.search(r'<label for="id_frame_0" class="inline">Soil applied on land</label>', page)
    assert '<label for="id_sampling_date">Sampling date</label>' in page


def test_upload_shows_the_verdicts_and_explanations(client_en: Client) -> None:
    response = client_en.post(
        "/toetsing/", {"file": _file(LAB_FILE.read_bytes(), "lab_grond.csv"), "frame": "grond"}
    )
    page = response.content.decode()
    assert response.status_code == 200
    assert "<h1>Assessment result</h1>" in page
    assert re.search(
        r'<a href="#sample-1">MM1</a></th>\s*<td><span class="status status-valid">Background value</span>',
        page,
    )
    assert re.search(
        r'<a href="#sample-2">MM2</a></th>\s*<td><span class="status status-warning">Industrie \(industrial\)</span>',
        page,
    )
    assert "minerale olie, zink (Zn)" in page
    # zink 310 at 20 % lutum / 6 % OM → 364.7; its limits and the rule with its article
    assert "<td>364.7</td>" in page
    assert "Rbk art 4.2.1; Bijlage G onderdeel III (tabel 3 en 4)" in page
    assert "droge stof is recognised but not used in the assessment." in page


def test_downloads_csv_and_pdf(client_en: Client) -> None:
    page = client_en.post(
        "/toetsing/", {"file": _file(LAB_FILE.read_bytes(), "lab grond.csv"), "frame": "grond"}
    ).content.decode()
    csv_url = re.search(r'href="(/toetsing/[^"]+/toetsing\.csv)"', page)
    pdf_url = re.search(r'href="(/toetsing/[^"]+/toetsing\.pdf)"', page)
    assert csv_url
    assert pdf_url
    response = client_en.get(csv_url.group(1))
    assert response.status_code == 200
    assert response["Content-Disposition"] == 'attachment; filename="lab_grond-toetsing.csv"'
    rows = list(csv.DictReader(io.StringIO(response.content.decode())))
    assert {(r["sample"], r["class"]) for r in rows} == {
        ("MM1", "achtergrondwaarde"),
        ("MM2", "industrie"),
    }
    response = client_en.get(pdf_url.group(1))
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    content = response.content
    assert content.startswith(b"%PDF-")
    text = b"".join(
        zlib.decompress(stream)
        for stream in re.findall(rb"stream\n(.*?)\nendstream", content, re.S)
        if stream.startswith(b"x")
    )
    assert b"Sample MM2: Industrie \\(industrial\\)" in text
    assert b"zink \\(Zn\\)" in text


def test_an_unusable_file_is_shown_at_the_field(client_en: Client) -> None:
    response = client_en.post(
        "/toetsing/", {"file": _file(b"a;b\n1;2\n", "x.csv"), "frame": "grond"}
    )
    page = response.content.decode()
    assert response.status_code == 422
    assert '<p class="error" role="alert">x.csv, row 1: missing header column' in page


def test_a_dutch_user_reads_what_is_wrong_with_the_file_in_dutch() -> None:
    response = Client(HTTP_ACCEPT_LANGUAGE="nl").post(
        "/toetsing/", {"file": _file(b"a;b\n1;2\n", "x.csv"), "frame": "grond"}
    )
    page = response.content.decode()
    assert response.status_code == 422
    assert (
        '<p class="error" role="alert">x.csv, regel 1: ontbrekende kolom(men) in de kopregel'
        in page
    )


def test_a_dutch_user_reads_the_numbers_the_engine_wrote_with_decimal_commas() -> None:
    dutch = Client(HTTP_ACCEPT_LANGUAGE="nl")

    def page(row: str) -> str:
        lab = f"sample;parameter;value;unit\nM1;lutum;25;%\nM1;organische stof;10;%\n{row}\n"
        return dutch.post(
            "/toetsing/", {"file": _file(lab.encode(), "lab.csv"), "frame": "waterbodem"}
        ).content.decode()

    # no other value shows the decimal sign: read as 1.5, and the lab's "1.500" stays as written
    assert "De waarde 1.500 van zink is gelezen als 1,5" in page("M1;zink;1.500;mg/kg ds")
    # between its salt-water values 0.115 and 0.25
    assert (
        "0,2 mg/kg ds, ligt tussen de waarden voor verspreiden in zout oppervlaktewater 0,115–0,25 mg/kg ds"
        in page("M1;tributyltin;0.2;mg Sn/kg ds")
    )


def _dutch_result(lab: str) -> HttpResponse:
    """The page for a lab file in long form, uploaded by a Dutch user (frame grond)."""
    return Client(HTTP_ACCEPT_LANGUAGE="nl").post(
        "/toetsing/", {"file": _file(lab.encode(), "lab.csv"), "frame": "grond"}
    )


def test_a_sample_left_open_by_a_result_above_the_range_is_shown_without_a_class() -> None:
    lab = (
        "sample;parameter;value;unit\n"
        "M1;lutum;25;%\nM1;organische stof;10;%\nM1;minerale olie;>300;mg/kg ds\n"
        "M2;lutum;25;%\nM2;organische stof;10;%\nM2;minerale olie;>6000;mg/kg ds\n"
    )
    response = _dutch_result(lab)
    verdicts = {v["sample"]: v for v in response.context["verdicts"]}
    assert verdicts["M1"]["class"] == "Geen klasse"
    assert verdicts["M2"]["class"] == "Niet toepasbaar"
    page = response.content.decode()
    assert (
        "Geen klasse: met de resultaten boven het meetbereik op hun getal zou het oordeel "
        "Industrie zijn" in page
    )
    # the value used is marked as a lower bound, in Dutch
    (oil,) = [p for p in verdicts["M1"]["parameters"] if p["name"].startswith("minerale olie")]
    assert oil["lower_bound"]
    assert (
        'title="meer dan: een resultaat boven het meetbereik van het lab">&gt;</abbr> 300' in page
    )
    pdf_url = re.search(r'href="(/toetsing/[^"]+/toetsing\.pdf)"', page)
    assert pdf_url
    text = _pdf_text(Client(HTTP_ACCEPT_LANGUAGE="nl").get(pdf_url.group(1)).content)
    assert b"> 300" in text


def test_the_table_of_verdicts_counts_the_problems_of_each_sample() -> None:
    lab = (
        "sample;parameter;value;unit\n"
        "M1;lutum;25;%\nM1;organische stof;10;%\nM1;koper;abc;mg/kg ds\nM1;zink;1O0;mg/kg ds\n"
        "M1;lood;20;mg/kg ds\n"
        "M2;lutum;25;%\nM2;organische stof;10;%\nM2;lood;20;mg/kg ds\n"
    )
    response = _dutch_result(lab)
    summaries = {v["sample"]: v["summary"]["messages"] for v in response.context["verdicts"]}
    # two unreadable values, and the class they leave open
    assert summaries == {"M1": "3 fouten", "M2": "-"}
    page = response.content.decode()
    assert '<a href="#sample-1-messages">3 fouten</a>' in page
    assert 'id="sample-1-messages"' in page


def test_an_expired_download_asks_for_the_file_again(client_en: Client) -> None:
    page = client_en.post(
        "/toetsing/", {"file": _file(LAB_FILE.read_bytes(), "lab.csv"), "frame": "waterbodem"}
    ).content.decode()
    csv_url = re.search(r'href="(/toetsing/[^"]+/toetsing\.csv)"', page)
    assert csv_url
    cache.clear()
    response = client_en.get(csv_url.group(1))
    assert response.status_code == 410
    assert "This download is no longer available." in response.content.decode()
    assert client_en.get("/toetsing/unknown-token/toetsing.pdf").status_code == 410


def test_the_messages_can_be_downloaded_as_csv_in_the_pages_language() -> None:
    nl = Client(HTTP_ACCEPT_LANGUAGE="nl")
    lab = b"sample,parameter,value,unit\n=M1,koper,-3,mg/kg ds\nM1,flubber,1,mg/kg ds\n"
    page = nl.post("/toetsing/", {"file": _file(lab, "lab.csv"), "frame": "grond"})
    url = re.search(r'href="(/toetsing/[^"]+/berichten\.csv)"', page.content.decode())
    assert url
    response = nl.get(url.group(1))
    assert response["Content-Disposition"] == 'attachment; filename="lab-berichten.csv"'
    rows = list(csv.DictReader(io.StringIO(response.content.decode())))
    by_code = {row["code"]: row for row in rows}
    # the row and parameter as in the file; a sample name that a spreadsheet would run as a
    # formula is written as text
    assert by_code["negative_value"] | {"message": ""} == {
        "sample": "'=M1",
        "row": "2",
        "parameter": "koper",
        "level": "fout",
        "code": "negative_value",
        "message": "",
    }
    assert by_code["negative_value"]["message"] == "De waarde -3 van koper is negatief."
    assert by_code["unknown_parameter"]["row"] == "3"

    # messages that all belong to samples are offered too (a date, so no general note)
    dated = b"sample,parameter,value,unit,datum\nM1,koper,1O0,mg/kg ds,2020-05-01\n"
    only_samples = nl.post("/toetsing/", {"file": _file(dated, "lab.csv"), "frame": "grond"})
    assert "berichten.csv" in only_samples.content.decode()

    # a file without messages offers no such download
    clean = b"sample,parameter,value,unit\nM1,koper,20,mg/kg ds\nM1,lutum,25,%\n"
    clean += b"M1,organische stof,10,%\n"
    quiet = nl.post(
        "/toetsing/",
        {"file": _file(clean, "lab.csv"), "frame": "grond", "sampling_date": "2020-01-01"},
    )
    assert quiet.status_code == 200
    assert "berichten.csv" not in quiet.content.decode()


def _batch_page(client: Client, lab: bytes) -> str:
    """The result page of ``lab`` assessed as one batch on land."""
    fields = {"file": _file(lab, "lab.csv"), "frame": "grond", "batch": "on"}
    return client.post("/toetsing/", fields).content.decode()


def _page_pdf_text(client: Client, page: str) -> bytes:
    """The text of the PDF download of a result page."""
    pdf_url = re.search(r'href="(/toetsing/[^"]+/toetsing\.pdf)"', page)
    assert pdf_url
    return _pdf_text(client.get(pdf_url.group(1)).content)


def test_the_pdf_wraps_a_long_cell_instead_of_cutting_it() -> None:
    """A batch lists each sample's result in one cell: cut to the column, "450 mg/kg ds" was
    shown as "4"."""
    rows = "".join(
        f"M{n},lutum,25,%\nM{n},organische stof,10,%\nM{n},zink,{value},mg/kg ds\n"
        for n, value in ((1, "<20"), (2, "450"), (3, "80"))
    )
    nl = Client(HTTP_ACCEPT_LANGUAGE="nl")
    text = _page_pdf_text(nl, _batch_page(nl, f"sample,parameter,value,unit\n{rows}".encode()))
    assert b"450 mg/kg ds" in text
    assert b"80 mg/kg ds" in text


def test_water_bed_page_shows_spreading(client_en: Client) -> None:
    page = client_en.post(
        "/toetsing/",
        {"file": _file(LAB_FILE.read_bytes(), "lab.csv"), "frame": "waterbodem", "batch": "on"},
    ).content.decode()
    assert "Spreading: Fresh surface water" in page
    # the table of verdicts answers where the dredgings may go, one column per destination
    head = page.split("<thead>")[1].split("</thead>")[0]
    assert "Spreading, fresh water" in head
    assert "Spreading, salt water" in head
    row = page.split("<tbody>")[1].split("</tr>")[0]
    found = re.findall(r'status-(\w+)">(spreadable|not spreadable|not determined)</span>', row)
    assert len(found) == 3
    assert all(
        status == {"spreadable": "valid", "not spreadable": "invalid"}.get(label, "warning")
        for status, label in found
    )
    assert '<a href="#sample-1">partij</a>' in page


def test_a_batch_is_headed_by_the_samples_it_was_made_of() -> None:
    nl = Client(HTTP_ACCEPT_LANGUAGE="nl")
    page = _batch_page(nl, LAB_FILE.read_bytes())
    assert re.search(r"<h2 [^>]*>Partij van 2 monsters \(MM1, MM2\): <span", page)
    assert rb"Partij van 2 monsters \(MM1, MM2\): " in _page_pdf_text(nl, page)

    # a long batch names its first ten samples and how many more
    rows = "".join(f"P{n},koper,20,mg/kg ds\n" for n in range(1, 13))
    many = _batch_page(nl, f"sample,parameter,value,unit\n{rows}".encode())
    assert "Partij van 12 monsters (P1, P2, P3, P4, P5, P6, P7, P8, P9, P10, en nog 2)" in many


def test_large_scale_page_shows_the_emission_screening(client_en: Client) -> None:
    lab = (
        b"sample,parameter,value,unit\n"
        b"M1,lutum,25,%\nM1,organische stof,10,%\nM1,arseen,50,mg/kg ds\nM1,koper,50,mg/kg ds\n"
    )
    plain = client_en.post("/toetsing/", {"file": _file(lab, "lab.csv"), "frame": "grond"})
    assert "exceed the emission test values" not in plain.content.decode()
    page = client_en.post(
        "/toetsing/", {"file": _file(lab, "lab.csv"), "frame": "grond", "large_scale": "on"}
    ).content.decode()
    assert "exceed the emission test values for arseen (As)" in page
    assert "arseen (As): 50 mg/kg ds in standard soil, emission test value 42" in page
    assert "Rbk art 4.12.1 lid 2" in page


def test_dredgings_below_the_water_level_meet_the_emission_condition_on_the_page(
    client_en: Client,
) -> None:
    """Rbk art 4.12.1 lid 3 b, as in the API and the command (the page had no such option):
    zinc 500 > emission test value 430 (tabel 2), dredgings below the water level in their
    own water manager's area."""
    lab = b"sample,parameter,value,unit\nB1,lutum,25,%\nB1,organische stof,10,%\nB1,zink,500,mg/kg ds\n"
    fields = {"frame": "waterbodem", "large_scale": "on"}
    plain = client_en.post("/toetsing/", fields | {"file": _file(lab, "lab.csv")})
    below = client_en.post(
        "/toetsing/", fields | {"file": _file(lab, "lab.csv"), "below_water_level": "on"}
    )
    (plain_checks,) = plain.context["verdicts"]
    (below_checks,) = below.context["verdicts"]
    assert plain_checks["emission"]["met"] is not True
    assert below_checks["emission"]["met"] is True
    # on land there is no such exception: the form says so
    refused = client_en.post(
        "/toetsing/", {"file": _file(lab, "lab.csv"), "frame": "grond", "below_water_level": "on"}
    )
    assert refused.status_code == 422
    assert refused.context["form"].errors["below_water_level"]


def test_large_scale_details_are_checked_and_carried_into_the_downloads(
    client_en: Client,
) -> None:
    # 2.5 m and 8000 m³ under a 0.3 m top layer: thinner than the 0.5 m of Bbk art 63 lid 3.
    # Arsenic 50 > emission test value 42, so the column test decides the emission.
    lab = b"sample,parameter,value,unit\nM1,lutum,25,%\nM1,organische stof,10,%\nM1,arseen,50,mg/kg ds\n"
    column = b"sample,parameter,value,unit\nK1,arseen,0.2,mg/kg\n"
    page = client_en.post(
        "/toetsing/",
        {
            "file": _file(lab, "lab.csv"),
            "frame": "grond",
            "thickness_m": "2.5",
            "volume_m3": "8000",
            "cover": "leeflaag",
            "cover_thickness_m": "0.3",
            "column_test": _file(column, "kolomproef.csv"),
        },
    ).content.decode()
    assert "does not meet the conditions for a large-scale application" in page
    assert "A top layer of 0.3 m is thinner than the required 0.5 m." in page
    # the overview table has a column for it, with the outcome per sample
    assert '<th scope="col">Large-scale application</th>' in page
    assert re.search(
        r'<a href="#sample-1">M1</a></th>(?:\s*<td>.*?</td>){4}\s*'
        r'<td><span class="status status-invalid">does not meet</span></td>',
        page,
        re.S,
    )
    assert "The emissions measured in the column test do not exceed" in page
    csv_url = re.search(r'href="(/toetsing/[^"]+/toetsing\.csv)"', page)
    pdf_url = re.search(r'href="(/toetsing/[^"]+/toetsing\.pdf)"', page)
    assert csv_url
    assert pdf_url
    rows = list(csv.DictReader(io.StringIO(client_en.get(csv_url.group(1)).content.decode())))
    assert {r["large_scale"] for r in rows} == {"not_met"}
    assert rows[0]["large_scale_conditions"] == ("scope=met;emission=met;quality=met;cover=not_met")
    content = client_en.get(pdf_url.group(1)).content
    text = b"".join(
        zlib.decompress(stream)
        for stream in re.findall(rb"stream\n(.*?)\nendstream", content, re.S)
        if stream.startswith(b"x")
    )
    assert b"Large-scale application: The batch does not meet" in text


def test_an_unusable_column_test_is_shown_at_its_field(client_en: Client) -> None:
    lab = b"sample,parameter,value,unit\nM1,arseen,30,mg/kg ds\n"
    response = client_en.post(
        "/toetsing/",
        {
            "file": _file(lab, "lab.csv"),
            "frame": "grond",
            "column_test": _file(b"sample,parameter,value,unit\nK1,arseen,x,mg/kg\n", "k.csv"),
        },
    )
    assert response.status_code == 422
    assert "row 2, value" in response.content.decode()


def test_an_error_in_the_application_details_opens_their_section(client_en: Client) -> None:
    """A wrong thickness was refused inside the closed section: the user saw no message."""
    lab = b"sample,parameter,value,unit\nM1,arseen,30,mg/kg ds\n"
    response = client_en.post(
        "/toetsing/", {"file": _file(lab, "lab.csv"), "frame": "grond", "volume_m3": "-5"}
    )
    assert response.status_code == 422
    page = response.content.decode()
    assert '<details class="field application" open>' in page
    fine = client_en.post("/toetsing/", {"file": _file(lab, "lab.csv"), "frame": "grond"})
    assert '<details class="field application">' in fine.content.decode()


# Standard soil (25 % lutum, 10 % organic matter): the standardised contents are the measured ones.
LOCAL_LAB = (
    b"sample,parameter,value,unit\nM1,lutum,25,%\nM1,organische stof,10,%\n"
    b"M1,arseen,30,mg/kg ds\nM1,lood,70,mg/kg ds\n"
)
# Arsenic 30 in zone kern, lead 60 in the whole area (the annex of a nota bodembeheer).
LOCAL_ANNEX = b"parameter;waarde;eenheid;zone\narseen;30;mg/kg ds;kern\nlood;60;mg/kg ds;\n"


def _pdf_text(content: bytes) -> bytes:
    return b"".join(
        zlib.decompress(stream)
        for stream in re.findall(rb"stream\n(.*?)\nendstream", content, re.S)
        if stream.startswith(b"x")
    )


def _post_local(client: Client, annex: bytes, **fields: str) -> HttpResponse:
    return client.post(
        "/toetsing/",
        {
            "file": _file(LOCAL_LAB, "lab.csv"),
            "frame": "grond",
            "local_maxima": _file(annex, "nota.csv"),
            **fields,
        },
    )


def test_local_maximum_values_show_the_exceeded_substance_per_verdict(client_en: Client) -> None:
    response = _post_local(
        client_en, LOCAL_ANNEX, local_zone="kern", local_title="Nota bodembeheer Voorbeeld"
    )
    page = response.content.decode()
    assert response.status_code == 200
    # arseen 30 > Wonen 27: class Industrie; the local check is a verdict of its own
    assert re.search(
        r'<a href="#sample-1">M1</a></th>\s*<td><span class="status status-warning">Industrie \(industrial\)</span>',
        page,
    )
    assert (
        '<strong>Local maximum values (zone kern):</strong> <span class="status status-invalid">'
        "exceeded</span>. The mean contents in standard soil exceed the local maximum values of "
        "Nota bodembeheer Voorbeeld for lood (Pb): the soil or dredgings may not be applied in "
        "this soil-management area." in page
    )
    # arsenic at exactly its local value meets it (Rbk art 4.2.2 lid 1); lead exceeds
    assert re.findall(r"<li>([^<]*local maximum value[^<]*)</li>", page) == [
        "lood (Pb): 70 mg/kg ds in standard soil, local maximum value 60"
    ]
    assert "(Bbk art 44 lid 1, art 52 lid 1; Rbk art 4.2.1 lid 1 onder d" in page
    # and in the overview table, as a column of its own
    assert '<th scope="col">Local maximum values</th>' in page
    assert '<td><span class="status status-invalid">exceeded</span></td>' in page


def test_soil_stated_for_water_is_held_to_industrie_in_the_local_check(client_en: Client) -> None:
    """The material stated on the page holds for the local check too, as in the API and the
    command: soil in water may not exceed Industrie (Bbk art 59 lid 3), whatever the local
    value for dredgings (koper 250 > Industrie 190, ≤ local 300)."""
    lab = b"sample,parameter,value,unit\nB1,lutum,25,%\nB1,organische stof,10,%\nB1,koper,250,mg/kg ds\n"
    fields = {
        "file": _file(lab, "lab.csv"),
        "frame": "waterbodem",
        "local_maxima": _file(b"parameter;waarde;eenheid\nkoper;300;mg/kg ds\n", "nota.csv"),
    }
    soil = client_en.post("/toetsing/", fields | {"material": "grond"}).content.decode()
    assert '<strong>Local maximum values:</strong> <span class="status status-invalid">' in soil
    fields["file"].seek(0)
    fields["local_maxima"].seek(0)
    dredgings = client_en.post("/toetsing/", fields | {"material": "baggerspecie"}).content.decode()
    # dredgings may use the local value (only in their area of origin: it is above the generic)
    assert (
        '<strong>Local maximum values:</strong> <span class="status status-warning">not exceeded'
        in dredgings
    )


def test_the_local_check_speaks_dutch() -> None:
    page = _post_local(Client(), LOCAL_ANNEX, local_zone="kern").content.decode()
    assert "<strong>Lokale maximale waarden (zone kern):</strong>" in page
    assert ">overschreden</span>" in page
    assert "lood (Pb): 70 mg/kg ds in standaardbodem, lokale maximale waarde 60" in page


def test_soil_that_relies_on_a_raised_local_value_is_kept_to_its_area(client_en: Client) -> None:
    # Lead 600 in standard soil: above Industrie 530, within the local value 800 (Bbk art 44
    # lid 2): it meets the local values, but only in the area it comes from (art 52 lid 2).
    lab = b"sample,parameter,value,unit\nM1,lutum,25,%\nM1,organische stof,10,%\nM1,lood,600,mg/kg ds\n"
    page = client_en.post(
        "/toetsing/",
        {
            "file": _file(lab, "lab.csv"),
            "frame": "grond",
            "local_maxima": _file(b"parameter;waarde;eenheid\nlood;800;mg/kg ds\n", "nota.csv"),
        },
    ).content.decode()
    assert (
        '<span class="status status-warning">not exceeded (only in the area of origin)</span>'
        in page
    )
    assert (
        "<p>The contents of lood (Pb) are above the generic Industrie value and meet local "
        "maximum values set above it: the soil or dredgings may only be applied in the "
        "soil-management area they come from. "
        '<span class="article">(Bbk art 44 lid 2, art 52 lid 2 en 3)</span></p>' in page
    )


def test_an_annex_with_wrong_rows_is_refused_naming_each_row(client_en: Client) -> None:
    annex = b"parameter;waarde;eenheid\nonbekendium;1;mg/kg ds\nlood;x;mg/kg ds\n"
    response = _post_local(client_en, annex)
    page = response.content.decode()
    assert response.status_code == 422
    assert "Assessment result" not in page
    assert '<details class="field local-maxima" open>' in page
    assert re.findall(r'<p class="error" role="alert">(.*?)</p>', page) == [
        "nota.csv: The local maximum values were not read; errors in the table: 2. "
        "row 2, parameter: Unknown parameter onbekendium: not a name, CAS number or code in "
        "rule set rbk-2015. row 3, value: The value x is not a number."
    ]


def test_an_annex_without_the_columns_is_refused(client_en: Client) -> None:
    response = _post_local(client_en, b"stof;gehalte\nlood;60\n")
    assert response.status_code == 422
    assert re.findall(r'<p class="error" role="alert">(.*?)</p>', response.content.decode()) == [
        "nota.csv, row 1: the header lacks the columns value, unit (parameter, waarde, eenheid)"
    ]


@pytest.mark.parametrize(
    ("zone", "message"),
    [
        ("haven", "nota.csv has no zone haven; its zones are: kern, stad."),
        ("", "nota.csv sets local maximum values per zone; name the zone: kern, stad."),
    ],
)
def test_a_zone_the_annex_lacks_is_refused_listing_its_zones(
    client_en: Client, zone: str, message: str
) -> None:
    annex = b"parameter;waarde;eenheid;zone\narseen;30;mg/kg ds;kern\nlood;60;mg/kg ds;stad\n"
    response = _post_local(client_en, annex, local_zone=zone)
    page = response.content.decode()
    assert response.status_code == 422
    assert "Assessment result" not in page
    assert re.findall(r'<p class="error" role="alert">(.*?)</p>', page) == [message]
    assert 'aria-describedby="id_local_zone_helptext id_local_zone_error"' in page


def test_a_zone_without_an_annex_is_refused(client_en: Client) -> None:
    response = client_en.post(
        "/toetsing/",
        {"file": _file(LOCAL_LAB, "lab.csv"), "frame": "grond", "local_zone": "kern"},
    )
    page = response.content.decode()
    assert "Assessment result" not in page
    assert re.findall(r'<p class="error" role="alert">(.*?)</p>', page) == [
        "Add the file of local maximum values to check the zone or decision against."
    ]


def test_local_maximum_values_are_carried_into_the_downloads(client_en: Client) -> None:
    page = _post_local(client_en, LOCAL_ANNEX, local_zone="kern").content.decode()
    csv_url = re.search(r'href="(/toetsing/[^"]+/toetsing\.csv)"', page)
    pdf_url = re.search(r'href="(/toetsing/[^"]+/toetsing\.pdf)"', page)
    assert csv_url
    assert pdf_url
    rows = list(csv.DictReader(io.StringIO(client_en.get(csv_url.group(1)).content.decode())))
    assert [
        (r["parameter"], r["local_maximum_values"], r["exceeds_local_maximum"]) for r in rows
    ] == [("arseen", "not_met", "false"), ("lood", "not_met", "true")]
    assert {r["local_restrictions"] for r in rows} == {""}
    text = _pdf_text(client_en.get(pdf_url.group(1)).content)
    assert b"Local maximum values \\(zone kern\\): exceeded. The mean contents" in text
    assert b"- lood \\(Pb\\): 70 mg/kg ds in standard soil, local maximum value 60" in text


def test_downloads_without_local_maximum_values_have_no_local_columns(client_en: Client) -> None:
    page = client_en.post(
        "/toetsing/", {"file": _file(LOCAL_LAB, "lab.csv"), "frame": "grond"}
    ).content.decode()
    csv_url = re.search(r'href="(/toetsing/[^"]+/toetsing\.csv)"', page)
    assert csv_url
    header = client_en.get(csv_url.group(1)).content.decode().splitlines()[0]
    assert header.endswith(
        ",tare_exempt,limit_only,achtergrondwaarde,wonen,industrie,interventiewaarde"
    )


def test_the_verdicts_are_tested_against_the_stated_location(client_en: Client) -> None:
    """lab_grond.csv: MM1 is at background quality (may go anywhere, Bbk art 39); MM2 is
    Industrie (zinc, mineral oil), so a location with function class Wonen refuses it (art 59
    lid 1 onder a). Page, CSV and PDF say so."""
    page = client_en.post(
        "/toetsing/",
        {
            "file": _file(LAB_FILE.read_bytes(), "lab.csv"),
            "frame": "grond",
            "location_function": "wonen",
            "location_receiving": "industrie",
        },
    ).content.decode()
    assert '<th scope="col">Application at the location</th>' in page
    assert re.search(
        r'<a href="#sample-2">MM2</a></th>(?:\s*<td>.*?</td>){4}\s*'
        r'<td><span class="status status-invalid">may not be applied</span></td>',
        page,
        re.S,
    )
    assert "function class Wonen (residential); receiving soil Industrie (industrial)" in page
    assert "exceeds the maximum values of the soil function class of the location" in page
    csv_url = re.search(r'href="(/toetsing/[^"]+/toetsing\.csv)"', page)
    pdf_url = re.search(r'href="(/toetsing/[^"]+/toetsing\.pdf)"', page)
    assert csv_url
    assert pdf_url
    rows = list(csv.DictReader(io.StringIO(client_en.get(csv_url.group(1)).content.decode())))
    assert {(r["sample"], r["may_be_applied"], r["application_article"]) for r in rows} == {
        ("MM1", "true", "Bbk art 39"),
        ("MM2", "false", "Bbk art 59 lid 1"),
    }
    text = _pdf_text(client_en.get(pdf_url.group(1)).content)
    assert b"may not be applied \\(Bbk art 59 lid 1\\)" in text


@pytest.mark.parametrize(
    ("fields", "field", "message"),
    [
        ({"location_receiving": "wonen"}, "location_function", "Choose the soil function class"),
        (
            {"location_function": "wonen", "location_receiving": "klasse_A"},
            "location_receiving",
            "Choose a class of the group Land",
        ),
        # "Above class B" on land was taken for "Above Industrie" (UX walk-through)
        (
            {"location_function": "industrie", "location_receiving": "water_niet_toepasbaar"},
            "location_receiving",
            "Choose a class of the group Land",
        ),
        (
            {"frame": "waterbodem", "location_receiving": "wonen"},
            "location_receiving",
            "Choose a class of the group Water bed",
        ),
        (
            {"frame": "waterbodem", "location_function": "wonen"},
            "location_function",
            "apply on land",
        ),
    ],
)
def test_a_location_that_does_not_fit_the_frame_is_refused_at_its_field(
    client_en: Client, fields: dict[str, str], field: str, message: str
) -> None:
    response = client_en.post(
        "/toetsing/",
        {"file": _file(LAB_FILE.read_bytes(), "lab.csv"), "frame": "grond", **fields},
    )
    assert response.status_code == 422
    assert message in response.context["form"].errors[field][0]


def test_dredgings_and_soil_in_water_at_a_class_b_water_bed(client_en: Client) -> None:
    """Lead 540 mg/kg ds in standard soil: class B in water, above Industrie (530) — dredgings
    may go into a class-B water bed, soil may not (Bbk art 59 lid 3)."""
    lab = b"sample,parameter,value,unit\nM1,lutum,25,%\nM1,organische stof,10,%\nM1,lood,540,mg/kg ds\n"
    fields = {
        "frame": "waterbodem",
        "location_receiving": "klasse_B",
        "sampling_date": "2020-01-01",
    }
    dredgings = client_en.post("/toetsing/", {"file": _file(lab, "lab.csv"), **fields})
    soil = client_en.post(
        "/toetsing/", {"file": _file(lab, "lab.csv"), **fields, "location_material": "grond"}
    )
    assert dredgings.context["verdicts"][0]["location"]["allowed"] is True
    assert soil.context["verdicts"][0]["location"]["article"] == "Bbk art 59 lid 3"
    assert "dredgings; receiving soil Class B" in dredgings.content.decode()


def test_tare_soil_and_receiving_soil_on_the_page(client_en: Client) -> None:
    lab = (
        b"sample,parameter,value,unit\nM1,lutum,25,%\nM1,organische stof,10,%\n"
        b"M1,minerale olie,600,mg/kg ds\nM1,koper,20,mg/kg ds\n"
    )
    plain = client_en.post("/toetsing/", {"file": _file(lab, "lab.csv"), "frame": "grond"})
    tare = client_en.post(
        "/toetsing/",
        {"file": _file(lab, "lab.csv"), "frame": "grond", "tare_soil": ["natural_presence"]},
    )
    assert plain.context["verdicts"][0]["class"] == "Not applicable"
    assert tare.context["verdicts"][0]["class"] == "Background value"
    page = tare.content.decode()
    csv_url = re.search(r'href="(/toetsing/[^"]+/toetsing\.csv)"', page)
    assert csv_url
    rows = list(csv.DictReader(io.StringIO(client_en.get(csv_url.group(1)).content.decode())))
    assert {r["class"] for r in rows} == {"achtergrondwaarde"}
    # the PDF says the exemption was applied, as the page does
    pdf_url = re.search(r'href="(/toetsing/[^"]+/toetsing\.pdf)"', page)
    assert pdf_url
    assert b"Applied: Cresols, phenol, toluene and mineral oil are naturally present" in _pdf_text(
        client_en.get(pdf_url.group(1)).content
    )
    refused = client_en.post(
        "/toetsing/",
        {"file": _file(lab, "lab.csv"), "frame": "waterbodem", "receiving_soil": "on"},
    )
    assert refused.status_code == 422
    assert "on land only" in refused.context["form"].errors["receiving_soil"][0]


def test_an_enforcement_investigation_on_the_page_and_in_the_downloads(client_en: Client) -> None:
    """Zinc 300 mg/kg ds (standard soil) in a batch that had to meet Wonen (200): 1.5 times,
    so at least 1.4 times: a violation (Rbk art 4.13.1 lid 2)."""
    lab = b"sample,parameter,value,unit\nM1,lutum,25,%\nM1,organische stof,10,%\nM1,zink,300,mg/kg ds\n"
    response = client_en.post(
        "/toetsing/",
        {
            "file": _file(lab, "lab.csv"),
            "frame": "grond",
            "stated_class": "wonen",
            "sampling_date": "2020-01-01",
        },
    )
    page = response.content.decode()
    assert response.context["verdicts"][0]["enforcement"]["violation"] is True
    assert '<th scope="col">Enforcement (Rbk art 4.13.1)</th>' in page
    assert "zink (Zn): 300 mg/kg ds in standard soil, 1.50 times the maximum value 200" in page
    csv_url = re.search(r'href="(/toetsing/[^"]+/toetsing\.csv)"', page)
    pdf_url = re.search(r'href="(/toetsing/[^"]+/toetsing\.pdf)"', page)
    assert csv_url
    assert pdf_url
    rows = list(csv.DictReader(io.StringIO(client_en.get(csv_url.group(1)).content.decode())))
    assert [r["enforcement_violation"] for r in rows] == ["true"]
    assert b"Enforcement investigation: violation." in _pdf_text(
        client_en.get(pdf_url.group(1)).content
    )
    refused = client_en.post(
        "/toetsing/",
        {"file": _file(lab, "lab.csv"), "frame": "grond", "stated_class": "klasse_A"},
    )
    assert refused.status_code == 422
    # a land class for a water bed was a server error; below the water level on land it
    # blamed the class, not the box
    water = client_en.post(
        "/toetsing/",
        {"file": _file(lab, "lab.csv"), "frame": "waterbodem", "stated_class": "wonen"},
    )
    assert water.status_code == 422
    assert "This class does not belong to the chosen assessment frame." in water.content.decode()
    below = client_en.post(
        "/toetsing/",
        {
            "file": _file(lab, "lab.csv"),
            "frame": "grond",
            "stated_class": "wonen",
            "below_water_level": "on",
        },
    )
    assert below.status_code == 422
    page = below.content.decode()
    assert "This concerns dredgings applied in surface water." in page
    assert "This class does not belong to the chosen assessment frame." not in page


def test_a_result_assumed_to_comply_without_lutum_shows_and_downloads(client_en: Client) -> None:
    """Bijlage G IV A: "< RG" cadmium in a sample without lutum complies without a standardised
    value; the page, CSV and PDF show it without one."""
    lab = b"sample,parameter,value,unit\nM1,cadmium,<0.2,mg/kg ds\nM1,organische stof,3,%\n"
    page = client_en.post(
        "/toetsing/", {"file": _file(lab, "lab.csv"), "frame": "grond"}
    ).content.decode()
    assert re.search(
        r'<a href="#sample-1">M1</a></th>\s*<td><span class="status status-valid">Background value</span>',
        page,
    )
    assert "without a lutum percentage it is not standardised" in page
    csv_url = re.search(r'href="(/toetsing/[^"]+/toetsing\.csv)"', page)
    pdf_url = re.search(r'href="(/toetsing/[^"]+/toetsing\.pdf)"', page)
    assert csv_url
    assert pdf_url
    (row,) = csv.DictReader(io.StringIO(client_en.get(csv_url.group(1)).content.decode()))
    assert (row["parameter"], row["standardised_mg_kg_ds"], row["compliance_assumed"]) == (
        "cadmium",
        "",
        "true",
    )
    response = client_en.get(pdf_url.group(1))
    assert response.status_code == 200
    assert b"cadmium \\(Cd\\)" in _pdf_text(response.content)


def test_the_components_of_a_sum_show_the_lab_results_on_the_page_and_in_the_pdf(
    client_en: Client,
) -> None:
    lab = (
        b"sample,parameter,value,unit\nM1,lutum,25,%\nM1,organische stof,10,%\n"
        b"M1,naftaleen,<0.05,mg/kg ds\nM1,fenantreen,1.2,mg/kg ds\n"
    )
    page = client_en.post(
        "/toetsing/", {"file": _file(lab, "lab.csv"), "frame": "grond"}
    ).content.decode()

    assert "naftaleen, row 4: &lt;0.05 mg/kg ds: 1 × 0.035" in page
    assert "fenantreen, row 5: 1.2 mg/kg ds: 1 × 1.2" in page
    pdf_url = re.search(r'href="(/toetsing/[^"]+/toetsing\.pdf)"', page)
    assert pdf_url
    text = _pdf_text(client_en.get(pdf_url.group(1)).content)
    assert b"(  fenantreen)" in text
    assert b"(1.2 mg/kg ds)" in text


def test_large_and_small_numbers_are_written_without_an_exponent() -> None:
    # mineral oil 5000 at 3.8 % organic matter: 5000 × 10 / 3.8 = 13157.9 → "13160", not
    # "1,316e+04"; zinc 0.000009 stays a decimal, not "9e-06"
    lab = (
        "sample;parameter;value;unit\n"
        "M1;lutum;25;%\nM1;organische stof;3,8;%\nM1;minerale olie;5000;mg/kg ds\n"
        "M1;zink;0,000009;mg/kg ds\n"
    )
    response = _dutch_result(lab)
    page = response.content.decode()
    assert "<td>13160</td>" in page
    assert "<td>0,000009</td>" in page
    assert "e+0" not in page
    assert "e-0" not in page


def test_a_dutch_decimal_comma_in_the_layer_thickness_is_a_decimal() -> None:
    """UX walk-through: the number input turned "1,5" m into 15 m, a large-scale application."""
    lab = "sample;parameter;value;unit\nM1;lutum;25;%\nM1;organische stof;10;%\nM1;zink;100;mg/kg ds\n"
    page = (
        Client(HTTP_ACCEPT_LANGUAGE="nl")
        .post(
            "/toetsing/",
            {
                "file": _file(lab.encode(), "lab.csv"),
                "frame": "grond",
                "thickness_m": "1,5",
                "volume_m3": "6000",
            },
        )
        .content.decode()
    )
    assert "Een laag van 1,5 m en 6000 m³ is geen grootschalige toepassing" in page
    refused = Client(HTTP_ACCEPT_LANGUAGE="nl").post(
        "/toetsing/",
        {"file": _file(lab.encode(), "lab.csv"), "frame": "grond", "volume_m3": "5.000"},
    )
    assert "5.000 kan een geheel getal met een scheidingsteken voor duizendtallen" in (
        refused.content.decode()
    )


def test_the_emission_list_writes_numbers_as_the_tables_do() -> None:
    """UX walk-through: the lists used three decimals ("0,000" for a dioxin content)."""
    lab = (
        "sample;parameter;value;unit\nM1;lutum;25;%\nM1;organische stof;10;%\n"
        "M1;arseen;50,123;mg/kg ds\n"
    )
    page = (
        Client(HTTP_ACCEPT_LANGUAGE="nl")
        .post(
            "/toetsing/",
            {"file": _file(lab.encode(), "lab.csv"), "frame": "grond", "large_scale": "on"},
        )
        .content.decode()
    )
    assert "arseen (As): 50,12 mg/kg ds in standaardbodem, emissietoetswaarde 42" in page


def test_the_dutch_pdf_writes_decimal_commas_as_the_dutch_page_does() -> None:
    lab = "sample;parameter;value;unit\nM1;lutum;25;%\nM1;organische stof;10;%\nM1;kwik;0,15;mg/kg ds\n"
    client = Client(HTTP_ACCEPT_LANGUAGE="nl")
    page = client.post("/toetsing/", {"file": _file(lab.encode(), "lab.csv"), "frame": "grond"})
    pdf_url = re.search(r'href="(/toetsing/[^"]+/toetsing\.pdf)"', page.content.decode())
    assert pdf_url
    text = _pdf_text(client.get(pdf_url.group(1)).content)
    # kwik: value used 0,15; limits AW 0,15, Wonen 0,83, Industrie 4,8
    assert b"0,83" in text
    assert b"4,8" in text
    assert b"0.83" not in text


def test_a_tare_soil_exemption_is_shown_as_such_not_as_a_class() -> None:
    """UX walk-through: exempted mineral oil at 857 mg/kg ds was a green "Achtergrondwaarde",
    the rule labelled "tare_soil", and the result did not say the exemption was applied."""
    lab = (
        "sample;parameter;value;unit\nM1;lutum;25;%\nM1;organische stof;10;%\n"
        "M1;minerale olie;857;mg/kg ds\n"
    )
    response = Client(HTTP_ACCEPT_LANGUAGE="nl").post(
        "/toetsing/",
        {
            "file": _file(lab.encode(), "lab.csv"),
            "frame": "grond",
            "tare_soil": ["natural_presence"],
        },
    )
    (verdict,) = response.context["verdicts"]
    (oil,) = verdict["parameters"]
    assert (oil["class"], oil["status"]) == ("vrijgesteld (tarragrond)", "status-warning")
    assert "tare_soil" not in [rule["label"] for rule in oil["rules"]]
    page = response.content.decode()
    assert "<dt>Toegepast</dt>" in page
    assert "van nature aanwezig" in page


def test_the_pdf_explains_a_bounded_number_of_samples_and_says_so() -> None:
    """UX walk-through: 5,000 samples made a PDF of 2,500 pages in three and a half minutes
    inside the request; the CSV and Excel downloads hold every sample."""
    rows = sample("M1", {"zink": "100"}) + sample("M2", {"zink": "900"})
    assessment = assess(measurements(rows), frame="grond")
    with translation.override("en"):
        text = _pdf_text(
            pdf_report(
                assessment,
                source="lab.csv",
                created=dt.datetime(2026, 12, 6, tzinfo=dt.UTC),
                shown=1,
            )
        )
    assert b"This PDF explains the first 1 of 2 samples" in text
    assert b"Sample M1" in text
    assert b"Sample M2" not in text


def test_the_allowance_is_explained_with_its_numbers() -> None:
    """UX walk-through: "13 measured, 2 allowed" and why it was or was not applied."""
    # standard soil; copper 50 > AW 40 (≤ 2 × AW, ≤ Wonen 54), zinc 100 ≤ AW 140: two
    # substances measured, one may exceed
    lab = (
        "sample;parameter;value;unit\nM1;lutum;25;%\nM1;organische stof;10;%\n"
        "M1;koper;50;mg/kg ds\nM1;zink;100;mg/kg ds\n"
    )
    response = _dutch_result(lab)
    (verdict,) = response.context["verdicts"]
    assert verdict["class"] == "Achtergrondwaarde"
    assert verdict["allowance"].startswith(
        "2 stoffen met een achtergrondwaarde gemeten: ten hoogste 1 mag die overschrijden"
    )
    assert "Toegepast voor koper (Cu)" in verdict["allowance"]


def test_the_pdf_gives_the_soil_and_the_numbers_of_an_enforcement_violation(
    client_en: Client,
) -> None:
    """UX walk-through: the PDF left out lutum and organic matter, and the value, limit and
    factor that establish a violation (Rbk art 4.13.1: at least 1.4 × the maximum value)."""
    # standard soil; copper 120 > Wonen 54 × 1.4 = 75.6 (ratio 2.22, as the page writes it)
    lab = b"sample,parameter,value,unit\nM1,lutum,25,%\nM1,organische stof,10,%\nM1,koper,120,mg/kg ds\n"
    page = client_en.post(
        "/toetsing/", {"file": _file(lab, "lab.csv"), "frame": "grond", "stated_class": "wonen"}
    ).content.decode()
    pdf_url = re.search(r'href="(/toetsing/[^"]+/toetsing\.pdf)"', page)
    assert pdf_url
    text = _pdf_text(client_en.get(pdf_url.group(1)).content)
    assert b"Soil: lutum 25 %, organic matter 10 %" in text
    assert b"koper \\(Cu\\): 120 mg/kg ds in standard soil, 2.22 times the maximum value 54" in text


def test_switching_language_on_the_result_page_shows_the_result_again() -> None:
    """UX walk-through: the language switch led to an empty form; the upload was lost."""
    client = Client(HTTP_ACCEPT_LANGUAGE="nl")
    lab = b"sample,parameter,value,unit\nM1,lutum,25,%\nM1,organische stof,10,%\nM1,zink,100,mg/kg ds\n"
    page = client.post(
        "/toetsing/", {"file": _file(lab, "lab.csv"), "frame": "grond", "thickness_m": "2,5"}
    ).content.decode()
    found = re.search(r'name="next" type="hidden" value="(/toetsing/[^"/]+/)"', page)
    assert found, "the language switch returns to the result"
    switched = client.post(
        "/i18n/setlang/", {"language": "en", "next": found.group(1)}, follow=True
    )
    english = switched.content.decode()
    assert "Sample M1" in english
    assert 'value="2.5"' in english  # the form keeps what was asked
    cache.clear()
    assert client.get(found.group(1)).status_code == 410


def test_a_water_sample_without_lutum_shows_its_salt_water_verdict() -> None:
    """No lutum or organic matter: no class, but salt water tests measured contents (Rbk
    Bijlage B tabel 2 voetnoot 4): copper 100 > 1.5 × 60 may not be spread there, and the
    page and the PDF say so, with the note that names the content it was tested on."""
    nl = Client(HTTP_ACCEPT_LANGUAGE="nl")
    lab = b"sample,parameter,value,unit\nB1,koper,100,mg/kg ds\n"
    page = nl.post(
        "/toetsing/", {"file": _file(lab, "lab.csv"), "frame": "waterbodem"}
    ).content.decode()
    text = re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", page))
    assert "Verspreiden: Zout oppervlaktewater niet verspreidbaar" in text
    assert "Verspreiden: Zoet oppervlaktewater onbepaald" in text
    assert "koper (Cu), 100 mg/kg ds gemeten, kan niet worden gestandaardiseerd" in page
    assert b"niet verspreidbaar" in _page_pdf_text(nl, page).lower()


def test_the_pdf_writes_micrograms_with_their_own_sign() -> None:
    """The PDF wrote "<1 ug/kg ds": µ (and ×) are in the Latin-1 core font."""
    rows = [*sample("M1", {}), ("M1", "PCB 28", "<1", "µg/kg ds")]
    assessment = assess(measurements(rows), frame="grond")
    with translation.override("en"):
        text = _pdf_text(
            pdf_report(
                assessment, source="lab.csv", created=dt.datetime(2026, 12, 8, tzinfo=dt.UTC)
            )
        )
    assert "µg/kg".encode("latin-1") in text
    assert b"ug/kg" not in text


def test_the_pdf_of_a_sample_without_soil_data_or_assessed_parameters_says_so() -> None:
    """The PDF wrote "Soil: lutum - %, organic matter - %" and an empty "Rules applied: "."""
    assessment = assess(measurements([("M1", "onbekendestof", "3")]), frame="grond")
    with translation.override("en"):
        text = _pdf_text(
            pdf_report(
                assessment, source="lab.csv", created=dt.datetime(2026, 12, 8, tzinfo=dt.UTC)
            )
        )
    assert b"Soil: lutum and organic matter not given" in text
    assert b"Rules applied: )" not in text
    assert b"lutum - %" not in text


def test_an_empty_lab_file_is_refused_by_its_name(client_en: Client) -> None:
    """Django's "The submitted file is empty." named no file; the reader's message does."""
    response = client_en.post("/toetsing/", {"file": _file(b"", "lab.csv"), "frame": "grond"})
    assert response.status_code == 422
    assert "lab.csv: the file is empty" in response.content.decode()
