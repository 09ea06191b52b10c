"""`kwalibo toets` on real lab files: CSV (semicolon, decimal comma), XLSX and SIKB0101 XML."""

from __future__ import annotations

import csv
import io
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command
from django.utils import translation
from openpyxl import Workbook

from kwalibo.assessments.tests.builders import fillers

LAB_FILES = Path(__file__).parent / "lab_files"
READER_FILES = Path(__file__).parent / "files"
CSV_FILE = LAB_FILES / "lab_grond.csv"


def toets(*args: str) -> tuple[str, str]:
    out, err = io.StringIO(), io.StringIO()
    with translation.override("en"):
        call_command("toets", *args, stdout=out, stderr=err)
    return out.getvalue(), err.getvalue()


def test_json_output_of_a_semicolon_csv_with_decimal_commas() -> None:
    out, err = toets(str(CSV_FILE), "--format", "json")
    verdicts = json.loads(out)
    assert [(v["sample"], v["class"]) for v in verdicts] == [
        ("MM1", "achtergrondwaarde"),
        ("MM2", "industrie"),
    ]
    mm2 = verdicts[1]
    assert mm2["deciding_parameters"] == ["minerale_olie", "zink"]
    assert mm2["rule_set"] == "rbk-2015"
    # zink 310 at 20 % lutum, 6 % OM: 310 × (50 + 75 + 15) / (50 + 60 + 9)
    (zinc,) = [p for p in mm2["explanation"]["parameters"] if p["parameter"] == "zink"]
    assert zinc["standardised"] == pytest.approx(310 * 140 / 119)
    assert zinc["measurements"][0]["row"] == 43
    # dry matter is recognised but not used; barium has no 2015 norm
    assert "droge stof" in err
    assert "barium" in err


def test_csv_output_has_one_row_per_sample_and_parameter() -> None:
    out, _ = toets(str(CSV_FILE), "--format", "csv")
    rows = list(csv.DictReader(io.StringIO(out)))
    assert len(rows) == 11 + 11
    first = rows[0]
    assert (first["sample"], first["class"], first["rule_set"]) == (
        "MM1",
        "achtergrondwaarde",
        "rbk-2015",
    )
    decisive = [(r["sample"], r["parameter"]) for r in rows if r["decisive"] == "true"]
    assert decisive == [("MM2", "minerale_olie"), ("MM2", "zink")]
    # cadmium "<0,2" above the table limit: 0.7 × 0.2, without floating-point noise
    cadmium = next(r for r in rows if (r["sample"], r["parameter"]) == ("MM1", "cadmium"))
    assert cadmium["value_used_mg_kg_ds"] == "0.14"


def test_table_output_and_batch() -> None:
    out, _ = toets(str(CSV_FILE), "--partij")
    lines = out.splitlines()
    assert lines[0].startswith("Rule set rbk-2015")
    assert lines[2].split()[0] == "partij"
    out, _ = toets(str(CSV_FILE), "--partij", "--format", "json")
    (batch,) = json.loads(out)
    assert batch["samples"] == ["MM1", "MM2"]
    # lood: 34 × 85 / (50 + 12 + 4.2) and 180 × 85 / (50 + 20 + 6), standardised, then averaged
    (lead,) = [p for p in batch["explanation"]["parameters"] if p["parameter"] == "lood"]
    assert lead["standardised"] == pytest.approx((34 * 85 / (50 + 12 + 4.2) + 180 * 85 / 76) / 2)


def test_water_bed_frame() -> None:
    out, _ = toets(str(CSV_FILE), "--kader", "waterbodem", "--format", "json")
    verdicts = json.loads(out)
    assert verdicts[0]["frame"] == "waterbodem"
    assert {v["class"] for v in verdicts} <= {
        "achtergrondwaarde",
        "klasse_A",
        "klasse_B",
        "niet_toepasbaar",
    }
    assert "spreading" in verdicts[0]


def test_the_spreading_verdicts_are_in_the_csv_and_the_table_of_a_water_bed() -> None:
    """UX walk-through: for a water manager the spreading answer is the main result, and only
    the JSON and the page had it."""
    out, _ = toets(str(CSV_FILE), "--kader", "waterbodem", "--format", "json")
    expected = {v["sample"]: v["spreading"] for v in json.loads(out)}
    out, _ = toets(str(CSV_FILE), "--kader", "waterbodem", "--format", "csv")
    rows = list(csv.DictReader(io.StringIO(out)))
    written = {
        r["sample"]: {
            "zoet_oppervlaktewater": r["spreading_fresh"],
            "aangrenzend_perceel": r["spreading_adjacent"],
            "zout_oppervlaktewater": r["spreading_salt"],
        }
        for r in rows
    }
    assert written == expected
    table, _ = toets(str(CSV_FILE), "--kader", "waterbodem", "--format", "table")
    assert "Spreading" in table.splitlines()[1]
    assert "Spreading: fresh water" in table


def test_xlsx_file(tmp_path: Path) -> None:
    workbook = Workbook()
    sheet = workbook.active
    assert sheet is not None
    sheet.append(["sample", "parameter", "value", "unit"])
    for row in (
        ["B1", "lutum", 25, "%"],
        ["B1", "organische stof", 10, "%"],
        ["B1", "Cu", 54.5, "mg/kg ds"],
    ):
        sheet.append(row)
    path = tmp_path / "lab.xlsx"
    workbook.save(path)
    out, _ = toets(str(path), "--format", "json")
    assert [(v["sample"], v["class"]) for v in json.loads(out)] == [("B1", "industrie")]


def test_sikb0101_xml() -> None:
    out, err = toets(str(READER_FILES / "sikb0101_analyseresultaten_grond.xml"), "--format", "json")
    verdicts = json.loads(out)
    assert [v["sample"] for v in verdicts] == ["MM01", "MM02"]
    assert verdicts[0]["class"] == "achtergrondwaarde"
    # sampled in 2024: the 2015 rules are used with a warning
    assert "2024-03-08" in err


def test_rules_option_and_date() -> None:
    _, err = toets(str(CSV_FILE), "--rules", "rbk-2015", "--datum", "2016-01-01")
    assert not [line for line in err.splitlines() if line.startswith("warning:")]
    _, err = toets(str(CSV_FILE), "--datum", "2024-02-01")
    assert err.splitlines()[0] == (
        "warning: No installed rule set was in force on the sampling date 2024-02-01; the "
        "assessment uses rbk-2015 (valid 2015-01-30 to 2023-12-31) and is indicative only."
    )
    with pytest.raises(CommandError, match="rbk-2099"):
        toets(str(CSV_FILE), "--rules", "rbk-2099")


def test_all_messages_to_a_file(tmp_path: Path) -> None:
    target = tmp_path / "messages.csv"
    toets(str(CSV_FILE), "--messages", str(target))
    rows = list(csv.DictReader(target.open(encoding="utf-8")))
    assert {(r["sample"], r["code"]) for r in rows} == {
        ("MM1", "not_used"),
        ("MM1", "no_norm"),
        ("MM2", "not_used"),
        ("MM2", "no_norm"),
    }


def test_unusable_files_are_refused(tmp_path: Path) -> None:
    bad = tmp_path / "bad.csv"
    bad.write_text("x;y\n1;2\n", encoding="utf-8")
    with pytest.raises(CommandError, match=r"bad\.csv, row 1: missing header column"):
        toets(str(bad))
    with pytest.raises(CommandError, match="cannot read the file"):
        toets(str(tmp_path / "missing.csv"))
    nothing = tmp_path / "nothing.csv"
    nothing.write_text("sample,parameter,value,unit\nA,flubber,1,mg/kg ds\n", encoding="utf-8")
    with pytest.raises(CommandError, match="No sample could be assessed"):
        toets(str(nothing))
    # every class withheld: the verdicts are written, and the command still fails
    withheld = tmp_path / "withheld.csv"
    withheld.write_text(
        "sample,parameter,value,unit\nA,zink,1O0,mg/kg ds\nA,antimoon,5,mg/kg ds\n",
        encoding="utf-8",
    )
    with pytest.raises(CommandError, match="No sample got a class"):
        toets(str(withheld))


def test_exit_status_of_the_installed_command(tmp_path: Path) -> None:
    bad = tmp_path / "bad.csv"
    bad.write_text("", encoding="utf-8")
    env = os.environ | {"DJANGO_SETTINGS_MODULE": "kwalibo.conf.test"}
    result = subprocess.run(
        [sys.executable, "-m", "kwalibo.cli", "toets", str(bad)],
        capture_output=True,
        text=True,
        env=env,
        check=False,
    )
    assert result.returncode == 1
    assert "bad.csv: het bestand is leeg" in result.stderr  # Dutch first, as the rest
    ok = subprocess.run(
        [sys.executable, "-m", "kwalibo.cli", "toets", str(CSV_FILE), "--format", "csv"],
        capture_output=True,
        text=True,
        env=env,
        check=False,
    )
    assert ok.returncode == 0
    assert ok.stdout.startswith("sample,class,intervention_exceeded,rule_set,parameter")


def test_large_scale_screening_in_json_and_table(tmp_path: Path) -> None:
    # Arsenic 50 mg/kg ds at standard soil exceeds the emission test value 42 (Rbk Bijlage B
    # tabel 1); copper 50 stays below 113.
    lab = tmp_path / "grootschalig.csv"
    lab.write_text(
        "sample,parameter,value,unit\n"
        "M1,lutum,25,%\nM1,organische stof,10,%\nM1,arseen,50,mg/kg ds\nM1,koper,50,mg/kg ds\n"
        "M2,lutum,25,%\nM2,organische stof,10,%\nM2,arseen,40,mg/kg ds\n",
        encoding="utf-8",
    )
    out, _ = toets(str(lab), "--format", "json", "--grootschalig", "--datum", "2020-01-01")
    emission = {v["sample"]: v["emission"] for v in json.loads(out)}
    assert emission["M1"]["met"] is False
    assert [e["substance"] for e in emission["M1"]["exceeded"]] == ["arseen"]
    assert emission["M2"]["met"] is True
    assert "emission" not in json.loads(toets(str(lab), "--format", "json")[0])[0]
    table, _ = toets(str(lab), "--grootschalig")
    assert "Emission test values" in table
    assert "exceeded: arseen (As)" in table
    rows = list(
        csv.DictReader(io.StringIO(toets(str(lab), "--format", "csv", "--grootschalig")[0]))
    )
    emission = {
        r["sample"]: dict(c.split("=") for c in r["large_scale_conditions"].split(";"))["emission"]
        for r in rows
    }
    assert emission == {"M1": "undecided", "M2": "met"}


def test_large_scale_application_check_with_a_column_test(tmp_path: Path) -> None:
    # Dredgings on land: arsenic 50 exceeds the emission test value 42, but the column test
    # (0.3 mg/kg at L/S 10, maximum 0.61) decides; mineral oil 1500 is within the 2000 of
    # voetnoot 13; 2.5 m and 8000 m³ under a top layer of 0.5 m.
    lab = tmp_path / "partij.csv"
    lab.write_text(
        "sample,parameter,value,unit\n"
        "M1,lutum,25,%\nM1,organische stof,10,%\nM1,arseen,50,mg/kg ds\n"
        "M1,minerale olie,1500,mg/kg ds\n",
        encoding="utf-8",
    )
    column = tmp_path / "kolomproef.csv"
    column.write_text(
        "sample,parameter,value,unit\nK1,arseen,0.3,mg/kg (L/S=10)\nK1,koper,<0.1,mg/kg\n",
        encoding="utf-8",
    )
    stated = ["--laagdikte", "2.5", "--omvang", "8000", "--afdeklaag", "leeflaag"]
    stated += ["--leeflaagdikte", "0.5", "--materiaal", "baggerspecie", "--datum", "2020-01-01"]
    out, _ = toets(str(lab), "--format", "json", *stated, "--kolomproef", str(column))
    (verdict,) = json.loads(out)
    check = verdict["large_scale"]
    assert check["met"] is True
    assert {c["code"]: c["met"] for c in check["conditions"]} == {
        "scope": True,
        "emission": True,
        "quality": True,
        "mineral_oil": True,
        "cover": True,
    }
    without_test, _ = toets(str(lab), "--format", "json", *stated)
    assert json.loads(without_test)[0]["large_scale"]["met"] is None
    table, _ = toets(str(lab), *stated)
    assert "Large-scale application" in table
    # numbers as a Dutch user writes them, as the page takes them
    comma = [a.replace(".", ",") if a[:1].isdigit() else a for a in stated]
    assert "2,5" in comma
    written, _ = toets(str(lab), "--format", "json", *comma, "--kolomproef", str(column))
    assert json.loads(written)[0]["large_scale"]["met"] is True


def test_an_unusable_column_test_names_row_and_field(tmp_path: Path) -> None:
    lab = tmp_path / "partij.csv"
    lab.write_text("sample,parameter,value,unit\nM1,arseen,10,mg/kg ds\n", encoding="utf-8")
    column = tmp_path / "kolomproef.csv"
    column.write_text(
        "sample,parameter,value,unit\nK1,arseen,abc,mg/kg\nK1,onbekendium,1,mg/kg\n",
        encoding="utf-8",
    )
    with pytest.raises(CommandError) as raised:
        toets(str(lab), "--kolomproef", str(column))
    message = str(raised.value)
    assert "kolomproef.csv" in message
    assert "row 2, value" in message
    assert "row 3, parameter" in message


def test_local_maximum_values_from_a_file(tmp_path: Path) -> None:
    lab = tmp_path / "lab.csv"
    lab.write_text(
        "sample,parameter,value,unit\nM1,lutum,25,%\nM1,organische stof,10,%\n"
        "M1,arseen,30,mg/kg ds\nM1,lood,70,mg/kg ds\n",
        encoding="utf-8",
    )
    maxima = tmp_path / "nota.csv"
    maxima.write_text(
        "parameter;waarde;eenheid;zone\narseen;30;mg/kg ds;kern\nlood;60;mg/kg ds;\n",
        encoding="utf-8",
    )
    out, _ = toets(
        str(lab),
        "--format",
        "json",
        "--lokale-maxima",
        str(maxima),
        "--zone",
        "kern",
        "--nota",
        "Nota bodembeheer Voorbeeld",
        "--datum",
        "2020-01-01",
    )
    local = json.loads(out)[0]["local_maximum_values"]
    assert local["met"] is False
    assert [(e["substance"], e["local_maximum"]) for e in local["exceeded"]] == [("lood", 60.0)]
    assert set(local["checked"]) == {"arseen", "lood"}
    broken = tmp_path / "kapot.csv"
    broken.write_text("parameter;waarde;eenheid\nonbekendium;1;mg/kg ds\n", encoding="utf-8")
    with pytest.raises(CommandError, match=r"row 2, parameter"):
        toets(str(lab), "--lokale-maxima", str(broken))
    with pytest.raises(CommandError, match="--lokale-maxima"):
        toets(str(lab), "--zone", "kern")
    rows = list(
        csv.DictReader(
            io.StringIO(
                toets(
                    str(lab), "--format", "csv", "--lokale-maxima", str(maxima), "--zone", "kern"
                )[0]
            )
        )
    )
    assert [(r["parameter"], r["exceeds_local_maximum"]) for r in rows] == [
        ("arseen", "false"),
        ("lood", "true"),
    ]


def test_soil_relying_on_a_raised_local_value_is_kept_to_its_area(tmp_path: Path) -> None:
    # Lead 600 in standard soil: above Industrie 530, below the local value 800 (Bbk art 44
    # lid 2): the soil meets the local values but may only be applied where it comes from.
    lab = tmp_path / "lab.csv"
    lab.write_text(
        "sample,parameter,value,unit\nM1,lutum,25,%\nM1,organische stof,10,%\n"
        "M1,lood,600,mg/kg ds\n",
        encoding="utf-8",
    )
    maxima = tmp_path / "nota.csv"
    maxima.write_text("parameter;waarde;eenheid\nlood;800;mg/kg ds\n", encoding="utf-8")
    options = ("--lokale-maxima", str(maxima), "--datum", "2020-01-01")
    out, _ = toets(str(lab), "--format", "json", *options)
    local = json.loads(out)[0]["local_maximum_values"]
    assert local["met"] is True
    assert local["origin_only"] is True
    (restriction,) = local["restrictions"]
    assert restriction["article"] == "Bbk art 44 lid 2, art 52 lid 2 en 3"
    assert "only be applied in the soil-management area they come from" in restriction["reason"]
    table, _ = toets(str(lab), *options)
    assert "not exceeded (only in the area of origin)" in table


def test_a_lab_runs_the_command_without_a_configured_server(tmp_path: Path) -> None:
    # On a laptop there is no SECRET_KEY, no settings module and no database: `kwalibo toets`
    # needs none of them, and still speaks Dutch with the project's translations.
    env = {
        key: value
        for key, value in os.environ.items()
        if key not in {"SECRET_KEY", "DJANGO_SETTINGS_MODULE", "DATABASE_URL"}
    }
    result = subprocess.run(
        [sys.executable, "-m", "kwalibo.cli", "toets", str(CSV_FILE)],
        capture_output=True,
        text=True,
        env=env,
        cwd=tmp_path,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines()[1].split()[:2] == ["Monster", "Klasse"]
    assert "SECRET_KEY" not in result.stderr
    missing = subprocess.run(
        [sys.executable, "-m", "kwalibo.cli", "toets", "ontbreekt.csv"],
        capture_output=True,
        text=True,
        env=env,
        cwd=tmp_path,
        check=False,
    )
    assert missing.returncode == 1
    assert missing.stderr.startswith("fout: ontbreekt.csv: het bestand kan niet worden gelezen")
    usage = subprocess.run(
        [sys.executable, "-m", "kwalibo.cli", "toets", "--help"],
        capture_output=True,
        text=True,
        env=env,
        cwd=tmp_path,
        check=False,
    )
    text = " ".join(usage.stdout.split())  # argparse wraps the help
    assert "Toets een analysebestand" in text
    assert "met --kader grond: de bodemfunctieklasse van de locatie" in text


def test_application_at_a_location_on_land(tmp_path: Path) -> None:
    """Bbk art 59 lid 1: MM2 (Industrie by zinc and mineral oil) may go where both the function
    class and the receiving soil are Industrie, not where the map says Wonen; MM1 (background
    quality) may go anywhere (art 39)."""
    out, _ = toets(
        str(CSV_FILE),
        "--format",
        "json",
        "--functieklasse",
        "wonen",
        "--ontvangende-bodem",
        "industrie",
    )
    location = {v["sample"]: v["location"] for v in json.loads(out)}
    assert (location["MM1"]["allowed"], location["MM1"]["article"]) == (True, "Bbk art 39")
    assert (location["MM2"]["allowed"], location["MM2"]["article"]) == (False, "Bbk art 59 lid 1")
    assert location["MM2"]["function_class"] == "wonen"
    assert "soil function class" in location["MM2"]["reasons"][0]
    out, _ = toets(
        str(CSV_FILE), "--functieklasse", "industrie", "--ontvangende-bodem", "industrie"
    )
    assert "Application at the location" in out
    mm2 = next(line for line in out.splitlines() if line.startswith("MM2"))
    assert "may be applied (Bbk art 59 lid 1)" in mm2
    out, _ = toets(str(CSV_FILE), "--format", "csv", "--functieklasse", "geen_kaart")
    rows = list(csv.DictReader(io.StringIO(out)))
    assert {(r["sample"], r["may_be_applied"], r["application_article"]) for r in rows} == {
        ("MM1", "true", "Bbk art 39"),
        ("MM2", "false", "Bbk art 55 lid 4"),
    }


def test_soil_applied_in_water_must_meet_industrie(tmp_path: Path) -> None:
    """Bbk art 59 lid 2 and 3: lead 540 mg/kg ds (standard soil) is class B in water and above
    Industrie (530): dredgings may go into a class-B water bed, soil may not."""
    lab = tmp_path / "lab.csv"
    lab.write_text(
        "sample,parameter,value,unit\nM1,lutum,25,%\nM1,organische stof,10,%\n"
        "M1,lood,540,mg/kg ds\n",
        encoding="utf-8",
    )
    stated = ["--kader", "waterbodem", "--ontvangende-bodem", "klasse_B", "--datum", "2020-01-01"]
    (dredgings,) = json.loads(toets(str(lab), "--format", "json", *stated)[0])
    (soil,) = json.loads(toets(str(lab), "--format", "json", *stated, "--materiaal", "grond")[0])
    assert dredgings["location"]["allowed"] is True
    assert (soil["location"]["allowed"], soil["location"]["article"]) == (False, "Bbk art 59 lid 3")


@pytest.mark.parametrize(
    ("stated", "message"),
    [
        (["--ontvangende-bodem", "wonen"], "--functieklasse"),
        (["--functieklasse", "wonen", "--ontvangende-bodem", "klasse_B"], "klasse_B"),
        (["--kader", "waterbodem", "--functieklasse", "wonen"], "on land"),
        (["--kader", "waterbodem", "--ontvangende-bodem", "industrie"], "industrie"),
    ],
)
def test_a_location_that_does_not_fit_the_frame_is_refused(stated: list[str], message: str) -> None:
    with pytest.raises(CommandError, match=message):
        toets(str(CSV_FILE), *stated)


def _receiving_soil_lab(tmp_path: Path) -> Path:
    """Copper 94 mg/kg ds in standard soil with six other substances at 0: Industrie for soil
    to be applied, Wonen for the receiving soil (Rbk art 4.10.2 lid 3: at most Wonen 54 + AW
    40 with seven measured)."""
    values = fillers("rbk-2015", "grond", 6, exclude=("koper",)) | {"koper": "94"}
    lines = ["sample,parameter,value,unit", "M1,lutum,25,%", "M1,organische stof,10,%"]
    lines += [f'M1,"{name}",{value},mg/kg ds' for name, value in values.items()]
    lab = tmp_path / "ontvangend.csv"
    lab.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return lab


def test_the_receiving_soil_is_classified_with_the_wonen_allowance(tmp_path: Path) -> None:
    lab = _receiving_soil_lab(tmp_path)
    (batch,) = json.loads(toets(str(lab), "--format", "json", "--datum", "2020-01-01")[0])
    (receiving,) = json.loads(
        toets(str(lab), "--format", "json", "--datum", "2020-01-01", "--als-ontvangende-bodem")[0]
    )
    assert batch["class"] == "industrie"
    assert "wonen_allowance" not in batch
    assert receiving["class"] == "wonen"
    assert receiving["wonen_allowance"]["used"] is True
    table, _ = toets(str(lab), "--datum", "2020-01-01", "--als-ontvangende-bodem")
    assert "Wonen allowance used" in table
    with pytest.raises(CommandError, match="on land"):
        toets(str(lab), "--kader", "waterbodem", "--als-ontvangende-bodem")


def test_tare_soil_exemptions_on_the_command_line(tmp_path: Path) -> None:
    """Mineral oil 600 mg/kg ds is above Industrie (500); naturally present in tare soil it is
    not tested (Rbk art 4.14.1)."""
    lab = tmp_path / "tarra.csv"
    lab.write_text(
        "sample,parameter,value,unit\nM1,lutum,25,%\nM1,organische stof,10,%\n"
        "M1,minerale olie,600,mg/kg ds\nM1,koper,20,mg/kg ds\n",
        encoding="utf-8",
    )
    stated = ["--format", "json", "--datum", "2020-01-01"]
    assert json.loads(toets(str(lab), *stated)[0])[0]["class"] == "niet_toepasbaar"
    exempt = json.loads(toets(str(lab), *stated, "--tarragrond", "natuurlijk")[0])[0]
    assert exempt["class"] == "achtergrondwaarde"


def test_an_enforcement_investigation_against_the_declared_class(tmp_path: Path) -> None:
    """Rbk art 4.13.1 lid 2: zinc 250 and 300 mg/kg ds in a batch declared Wonen (200): the
    batch mean 275 is below 1.4 × 200 = 280, so no violation; 300 and 320 (mean 310) is one."""
    lab = tmp_path / "handhaving.csv"
    rows = ["sample,parameter,value,unit"]
    for name, zinc in (("M1", 250), ("M2", 300)):
        rows += [
            f"{name},lutum,25,%",
            f"{name},organische stof,10,%",
            f"{name},zink,{zinc},mg/kg ds",
        ]
    lab.write_text("\n".join(rows) + "\n", encoding="utf-8")
    stated = ["--partij", "--handhaving", "wonen", "--datum", "2020-01-01"]
    (batch,) = json.loads(toets(str(lab), "--format", "json", *stated)[0])
    assert batch["class"] == "industrie"
    assert batch["enforcement"]["violation"] is False
    assert batch["enforcement"]["article"].startswith("Rbk art 4.13.1 lid 2")
    lab.write_text(lab.read_text(encoding="utf-8").replace(",250,", ",320,"), encoding="utf-8")
    (batch,) = json.loads(toets(str(lab), "--format", "json", *stated)[0])
    assert batch["enforcement"]["violation"] is True
    assert [e["substance"] for e in batch["enforcement"]["exceeded"]] == ["zink"]
    table, _ = toets(str(lab), *stated)
    assert "Enforcement (Rbk art 4.13.1)" in table
    assert "violation" in table.splitlines()[-1]
    rows_csv = list(csv.DictReader(io.StringIO(toets(str(lab), "--format", "csv", *stated)[0])))
    assert {r["enforcement_violation"] for r in rows_csv} == {"true"}
    with pytest.raises(CommandError, match="klasse_A"):
        toets(str(lab), "--handhaving", "klasse_A")


def test_file_arguments_that_cannot_be_used_are_refused_before_anything_is_written(
    tmp_path: Path,
) -> None:
    lab = tmp_path / "lab.csv"
    original = CSV_FILE.read_bytes()
    lab.write_bytes(original)
    with pytest.raises(CommandError, match="is an input file"):
        toets(str(lab), "--messages", str(lab))
    assert lab.read_bytes() == original  # the lab file was overwritten with the messages
    with pytest.raises(CommandError, match="cannot be written"):
        toets(str(lab), "--messages", str(tmp_path / "no such folder" / "m.csv"))
    with pytest.raises(CommandError, match="cannot read the file"):
        toets(str(lab), "--lokale-maxima", str(tmp_path))
    with pytest.raises(CommandError, match="cannot read the file"):
        toets(str(lab), "--lokale-maxima", str(tmp_path / "missing.csv"))


def test_a_material_alone_is_refused_instead_of_ignored() -> None:
    """--materiaal is a detail of a large-scale application or of soil applied in water: on
    its own nothing would use it, so the command says so."""
    for frame in ("grond", "waterbodem"):
        with pytest.raises(CommandError, match="--materiaal states the material"):
            toets(str(CSV_FILE), "--kader", frame, "--materiaal", "grond")
    # on land a location does not use it either
    with pytest.raises(CommandError, match="--materiaal states the material"):
        toets(
            str(CSV_FILE),
            "--functieklasse",
            "wonen",
            "--ontvangende-bodem",
            "wonen",
            "--materiaal",
            "grond",
        )
    # with a large-scale application it is used
    out, _ = toets(str(CSV_FILE), "--grootschalig", "--materiaal", "grond", "--format", "json")
    assert json.loads(out)
