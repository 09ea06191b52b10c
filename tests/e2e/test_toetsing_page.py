"""The assessment page (/toetsing/) in a real browser: upload a lab file, read the verdicts and
their explanation, download the CSV, the Excel workbook and the PDF."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import openpyxl
import pytest

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

LAB_FILE = (
    Path(__file__).resolve().parents[2] / "src/kwalibo/assessments/tests/lab_files/lab_grond.csv"
)


@pytest.fixture
def english_page(browser: object):  # type: ignore[no-untyped-def]
    context = browser.new_context(locale="en-GB", accept_downloads=True)  # type: ignore[attr-defined]
    page = context.new_page()
    page.set_default_timeout(10_000)
    yield page
    context.close()


def test_upload_a_lab_file_and_download_the_verdicts(live_server, english_page) -> None:  # type: ignore[no-untyped-def]
    page = english_page
    page.goto(f"{live_server.url}/toetsing/")
    assert page.locator("h1").inner_text() == "Soil-quality assessment"
    page.get_by_label("Lab file").set_input_files(str(LAB_FILE))
    page.get_by_label("Soil applied on land").check()
    page.get_by_role("button", name="Assess").first.click()
    page.wait_for_selector("h1:has-text('Assessment result')")

    rows = page.locator("table[aria-labelledby=verdicts-heading] tbody tr")
    assert rows.count() == 2
    assert rows.nth(0).locator("th").inner_text() == "MM1"
    assert rows.nth(0).locator("td").nth(0).inner_text() == "Background value"
    assert rows.nth(1).locator("td").nth(0).inner_text() == "Industrie (industrial)"
    assert rows.nth(1).locator("td").nth(2).inner_text() == "minerale olie, zink (Zn)"

    # the explanation of zinc in MM2 opens on request, in the row below across the table,
    # and names the standardisation
    section = page.locator("section#sample-2")
    zinc = section.locator("tr", has=page.locator("summary", has_text="zink (Zn)"))
    below = zinc.locator("xpath=following-sibling::tr[1]")
    assert not below.locator("ul.explanation").is_visible()
    zinc.locator("summary").click()
    explanation = below.locator("ul.explanation").inner_text()
    assert "310 mg/kg ds" in explanation
    assert "factor 1.176" in explanation
    assert "standardised 364.7" in explanation
    table_width = section.locator("table").bounding_box()["width"]
    assert below.bounding_box()["width"] > 0.9 * table_width
    zinc.locator("summary").click()
    assert not below.is_visible()

    with page.expect_download() as csv_download:
        page.get_by_role("link", name="Download CSV").click()
    content = Path(csv_download.value.path()).read_text(encoding="utf-8")
    verdicts = {(r["sample"], r["class"]) for r in csv.DictReader(io.StringIO(content))}
    assert verdicts == {("MM1", "achtergrondwaarde"), ("MM2", "industrie")}
    assert csv_download.value.suggested_filename == "lab_grond-toetsing.csv"

    with page.expect_download() as xlsx_download:
        page.get_by_role("link", name="Download Excel").click()
    assert xlsx_download.value.suggested_filename == "lab_grond-toetsing.xlsx"
    book = openpyxl.load_workbook(io.BytesIO(Path(xlsx_download.value.path()).read_bytes()))
    header, *rows = book["toetsing"].values
    assert header[:2] == ("sample", "class")
    classes = {(row[0], row[1]) for row in rows}
    assert classes == verdicts

    with page.expect_download() as pdf_download:
        page.get_by_role("link", name="Download PDF").click()
    assert Path(pdf_download.value.path()).read_bytes().startswith(b"%PDF-")


def test_the_page_speaks_dutch_by_default(live_server, page) -> None:  # type: ignore[no-untyped-def]
    page.goto(f"{live_server.url}/toetsing/")
    assert page.locator("html").get_attribute("lang") == "nl"
    assert page.locator("input[name=file]").get_attribute("id") == "id_file"
    assert page.locator("label[for=id_file]").count() == 1


def test_a_large_scale_application_is_checked_condition_by_condition(  # type: ignore[no-untyped-def]
    live_server, english_page, tmp_path
) -> None:
    lab = tmp_path / "partij.csv"
    lab.write_text(
        "sample,parameter,value,unit\nM1,lutum,25,%\nM1,organische stof,10,%\n"
        "M1,arseen,50,mg/kg ds\n",
        encoding="utf-8",
    )
    column = tmp_path / "kolomproef.csv"
    column.write_text("sample,parameter,value,unit\nK1,arseen,0.3,mg/kg\n", encoding="utf-8")
    page = english_page
    page.goto(f"{live_server.url}/toetsing/")
    page.set_input_files("input[name=file]", str(lab))
    page.get_by_text("Details of the large-scale application").click()
    page.get_by_label("Layer thickness (m)", exact=True).fill("2.5")
    page.get_by_label("Volume (m³)").fill("8000")
    page.get_by_label("Cover", exact=True).select_option("bouwstoffen")
    page.set_input_files("input[name=column_test]", str(column))
    page.get_by_role("button", name="Assess").click()
    block = page.locator(".notice", has_text="Large-scale application (Bbk art 63)")
    assert "The batch meets the conditions for a large-scale application." in block.inner_text()
    assert "column test do not exceed the maximum emission values" in block.inner_text()


def test_local_maximum_values_are_checked_for_each_verdict(  # type: ignore[no-untyped-def]
    live_server, english_page, tmp_path
) -> None:
    lab = tmp_path / "partij.csv"
    lab.write_text(
        "sample,parameter,value,unit\nM1,lutum,25,%\nM1,organische stof,10,%\n"
        "M1,arseen,30,mg/kg ds\nM1,lood,70,mg/kg ds\n",
        encoding="utf-8",
    )
    annex = tmp_path / "bijlage.csv"
    annex.write_text(
        "parameter;waarde;eenheid;zone\narseen;30;mg/kg ds;kern\nlood;60;mg/kg ds;\n",
        encoding="utf-8",
    )
    page = english_page
    page.goto(f"{live_server.url}/toetsing/")
    page.set_input_files("input[name=file]", str(lab))
    page.get_by_text("Local maximum values of the soil-management area").click()
    page.set_input_files("input[name=local_maxima]", str(annex))
    page.get_by_label("Soil-quality zone").fill("kern")
    page.get_by_label("Title of the decision").fill("Nota bodembeheer Voorbeeld")
    page.get_by_role("button", name="Assess").first.click()
    page.wait_for_selector("h1:has-text('Assessment result')")
    rows = page.locator("table[aria-labelledby=verdicts-heading] tbody tr")
    assert rows.nth(0).locator("td").nth(0).inner_text() == "Industrie (industrial)"
    block = page.locator(".notice", has_text="Local maximum values (zone kern)")
    assert block.locator(".status").inner_text() == "exceeded"
    assert "exceed the local maximum values of Nota bodembeheer Voorbeeld for lood (Pb)" in (
        block.inner_text()
    )
    assert block.locator("li").all_inner_texts() == [
        "lood (Pb): 70 mg/kg ds in standard soil, local maximum value 60"
    ]


def test_a_batch_is_tested_against_the_location_it_would_go_to(  # type: ignore[no-untyped-def]
    live_server, english_page
) -> None:
    """lab_grond.csv: MM2 is Industrie; a location with function class Wonen refuses it."""
    page = english_page
    page.goto(f"{live_server.url}/toetsing/")
    page.set_input_files("input[name=file]", str(LAB_FILE))
    page.get_by_text("Application at a location (Bbk art 59)").click()
    page.get_by_label("Soil function class of the location").select_option("wonen")
    page.get_by_label("Quality class of the receiving soil or water bed").select_option("industrie")
    page.get_by_role("button", name="Assess").first.click()
    page.wait_for_selector("h1:has-text('Assessment result')")
    cells = page.locator("table[aria-labelledby=verdicts-heading] tbody tr td:last-child")
    assert cells.all_inner_texts() == ["may be applied", "may not be applied"]
    block = page.locator("#sample-2 .notice.location")
    assert "exceeds the maximum values of the soil function class" in block.inner_text()


def test_on_a_phone_a_wide_table_scrolls_by_keyboard_and_shows_it_has_more(  # type: ignore[no-untyped-def]
    live_server, browser
) -> None:
    context = browser.new_context(locale="en-GB", viewport={"width": 375, "height": 800})
    page = context.new_page()
    page.goto(f"{live_server.url}/toetsing/")
    page.get_by_label("Lab file").set_input_files(str(LAB_FILE))
    page.get_by_label("Soil applied on land").check()
    page.get_by_role("button", name="Assess").first.click()
    page.wait_for_selector("h1:has-text('Assessment result')")

    region = page.get_by_role("region", name="Sample MM2: Industrie (industrial) Parameters")
    sizes = region.evaluate("e => [e.scrollWidth, e.clientWidth]")
    assert sizes[0] > sizes[1]  # wider than the phone
    # the page itself does not scroll sideways: only the table does
    assert page.evaluate("document.documentElement.scrollWidth") <= 375
    # a shadow at the edge where columns are hidden
    assert "radial-gradient" in region.evaluate("e => getComputedStyle(e).backgroundImage")
    region.focus()
    page.keyboard.press("ArrowRight")
    page.wait_for_function("e => e.scrollLeft > 0", arg=region.element_handle())
    # scrolled to the class column, the parameter names and the caption stay in view
    region.evaluate("e => { e.scrollLeft = e.scrollWidth; }")
    page.wait_for_function("e => e.scrollLeft > 100", arg=region.element_handle())
    left = region.bounding_box()["x"]
    name = region.locator("tbody th[scope=row]").first.bounding_box()
    caption = region.locator("caption").bounding_box()
    assert abs(name["x"] - left) < 2
    assert caption["x"] >= left - 1
    assert caption["x"] + caption["width"] <= 375
    assert region.get_by_role("columnheader", name="Class").is_visible()
    page.screenshot(path=str(Path("/tmp") / "kwalibo_phone_table.png"), full_page=False)
    context.close()
