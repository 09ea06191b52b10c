"""The engine's public interface: batches, spreading, rule sets, outputs and bad input."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json

import polars as pl
import pytest

from kwalibo.assessments.domain.engine import UnknownFrameError, assess
from kwalibo.assessments.domain.rules import UnknownRuleSetError, choose, load_rule_set
from kwalibo.assessments.tests.builders import fillers, measurements, sample


def test_batch_means_of_values_standardised_per_measurement() -> None:
    # M1: 50 at 5 % lutum / 3 % OM → 90.91; M2: 10 at standard soil → 10; mean 50.45 > AW 40
    rows = sample("M1", {"koper": "50"}, lutum=5, organic_matter=3) + sample("M2", {"koper": "10"})
    result = assess(measurements(rows), frame="grond", as_batch=True)
    (batch,) = result.verdicts
    assert batch["sample"] == "partij"
    assert batch["samples"] == ["M1", "M2"]
    (copper,) = batch["explanation"]["parameters"]
    assert copper["standardised"] == pytest.approx((50 * 36 / 19.8 + 10) / 2)
    assert len(copper["measurements"]) == 2
    assert "mean" in {r["rule"] for r in copper["rules"]}
    assert batch["class"] == "wonen"
    # each sample on its own
    single = {v["sample"]: v["class"] for v in assess(measurements(rows), frame="grond").verdicts}
    assert single == {"M1": "industrie", "M2": "achtergrondwaarde"}


def test_batch_mean_may_be_assumed_to_comply_only_when_every_value_may() -> None:
    rows = sample("M1", {"koper": "<5"}) + sample("M2", {"koper": "<5"})
    (batch,) = assess(measurements(rows), frame="grond", as_batch=True).verdicts
    assert batch["explanation"]["parameters"][0]["compliance_assumed"] is True
    rows = sample("M1", {"koper": "<5"}) + sample("M2", {"koper": "4"})
    (batch,) = assess(measurements(rows), frame="grond", as_batch=True).verdicts
    (copper,) = batch["explanation"]["parameters"]
    assert copper["compliance_assumed"] is False
    assert copper["standardised"] == pytest.approx((3.5 + 4) / 2)


def test_duplicate_measurements_are_averaged_with_a_warning() -> None:
    result = assess(
        measurements([*sample("M1", {"koper": "40"}), ("M1", "Cu", "50")]), frame="grond"
    )
    assert result.verdicts[0]["explanation"]["parameters"][0]["standardised"] == pytest.approx(45)
    assert "duplicate" in {m["code"] for m in result.messages}


def test_spreading_in_fresh_water_and_on_the_adjacent_plot() -> None:
    # zink 500: klasse A (≤ 563) → spreadable in fresh water; land: > Industrie 720? no, 500 ≤
    # land IW 720, and zink is in the msPAF → adjacent plot undetermined (no toxicity data)
    (v,) = assess(measurements(sample("M1", {"zink": "500"})), frame="waterbodem").verdicts
    assert v["class"] == "klasse_A"
    assert v["spreading"]["zoet_oppervlaktewater"] == "verspreidbaar"
    assert v["spreading"]["aangrenzend_perceel"] == "onbepaald"
    # cadmium 8 > the adjacent-plot maximum 7.5 → not on the adjacent plot; > A 4 → not in fresh water
    (v,) = assess(measurements(sample("M1", {"cadmium": "8"})), frame="waterbodem").verdicts
    assert v["spreading"]["aangrenzend_perceel"] == "niet_verspreidbaar"
    assert v["spreading"]["zoet_oppervlaktewater"] == "niet_verspreidbaar"
    # mineral oil 2500 ≤ 3000 (outside the msPAF): not rejected on the adjacent plot, but the
    # msPAF is part of every adjacent-plot test (tabel 1 vn 2: a substance not measured enters
    # it at 0.7 × its determination limit), so undetermined; > A 1250
    (v,) = assess(
        measurements(sample("M1", {"minerale olie": "2500"})), frame="waterbodem"
    ).verdicts
    assert v["spreading"]["aangrenzend_perceel"] == "onbepaald"
    assert v["spreading"]["zoet_oppervlaktewater"] == "niet_verspreidbaar"
    assert v["class"] == "klasse_B"


def test_spreading_in_salt_water_uses_measured_contents_and_the_50_percent_rule() -> None:
    # lood 120 (salt max 110, priority substance) → not spreadable; standardisation does not count
    (v,) = assess(
        measurements(sample("M1", {"lood": "100"}, lutum=2, organic_matter=2)), frame="waterbodem"
    ).verdicts
    assert v["spreading"]["zout_oppervlaktewater"] == "verspreidbaar"  # measured 100 ≤ 110
    # koper is non-priority (salt max 60): 90 = +50 % still tolerated, 91 not
    ok = assess(measurements(sample("M1", {"koper": "90"})), frame="waterbodem").verdicts[0]
    assert ok["spreading"]["zout_oppervlaktewater"] == "verspreidbaar"
    bad = assess(measurements(sample("M1", {"koper": "91"})), frame="waterbodem").verdicts[0]
    assert bad["spreading"]["zout_oppervlaktewater"] == "niet_verspreidbaar"
    # three non-priority substances over: not spreadable
    three = {"koper": "61", "zink": "366", "arseen": "30"}
    v = assess(measurements(sample("M1", three)), frame="waterbodem").verdicts[0]
    assert v["spreading"]["zout_oppervlaktewater"] == "niet_verspreidbaar"


def test_tare_soil_exemptions() -> None:
    values = {"minerale olie": "600"} | fillers("rbk-2015", "grond", 1, exclude=("minerale_olie",))
    assert (
        assess(measurements(sample("M1", values)), frame="grond").verdicts[0]["class"]
        == "niet_toepasbaar"
    )
    exempt = assess(
        measurements(sample("M1", values)), frame="grond", tare_soil=("natural_presence",)
    )
    assert exempt.verdicts[0]["class"] == "achtergrondwaarde"


def test_the_rule_set_valid_on_the_sampling_date_is_chosen() -> None:
    rows = sample("M1", {"koper": "45"})
    on_date = assess(measurements(rows, sampling_date=dt.date(2020, 5, 1)), frame="grond")
    assert on_date.rule_set == "rbk-2015"
    assert not [m for m in on_date.messages if m["sample"] is None]
    later = assess(measurements(rows, sampling_date=dt.date(2024, 3, 1)), frame="grond")
    (note,) = [m for m in later.messages if m["sample"] is None]
    assert note["code"] == "rule_set_not_in_force"
    assert "2024-03-01" in note["message"]
    undated = assess(measurements(rows), frame="grond")
    assert [m["code"] for m in undated.messages if m["sample"] is None] == ["no_sampling_date"]
    explicit = assess(
        measurements(rows), frame="grond", rules="rbk-2015", sampling_date=dt.date(2016, 1, 1)
    )
    assert not [m for m in explicit.messages if m["sample"] is None]


def test_rule_set_manifest() -> None:
    rules = load_rule_set("rbk-2015")
    assert (rules.valid_from, rules.valid_to) == (dt.date(2015, 1, 30), dt.date(2023, 12, 31))
    assert set(rules.tables) >= {"norms_grond.csv", "norms_waterbodem.csv", "standardisation.csv"}
    assert all(rules.tables.values())
    assert choose(rule_set_id=None, sampling_date=dt.date(2015, 6, 1)).note is None
    with pytest.raises(UnknownRuleSetError, match="rbk-1999"):
        choose(rule_set_id="rbk-1999", sampling_date=None)


def test_unknown_frame() -> None:
    with pytest.raises(UnknownFrameError):
        assess(measurements(sample("M1", {"koper": "1"})), frame="lucht")


def test_empty_input() -> None:
    result = assess(measurements([]), frame="grond")
    assert result.verdicts == []
    assert [m["code"] for m in result.messages] == ["no_sampling_date", "no_measurements"]


def test_json_and_csv_outputs() -> None:
    rows = [*sample("M1", {"koper": "60", "zink": "100"}), ("M2", "flubber", "1")]
    result = assess(measurements(rows), frame="grond")
    data = json.loads(result.to_json())
    assert [(v["sample"], v["class"]) for v in data] == [("M1", "industrie"), ("M2", None)]
    assert {"sample", "class", "intervention_exceeded", "explanation"} <= set(data[0])
    rows_out = result.to_csv_rows()
    assert [(r["sample"], r.get("parameter")) for r in rows_out] == [
        ("M1", "koper"),
        ("M1", "zink"),
        ("M2", None),
    ]
    parsed = list(csv.DictReader(io.StringIO(result.to_csv())))
    assert parsed[0]["class"] == "industrie"
    assert parsed[0]["decisive"] == "true"
    assert float(parsed[0]["wonen"]) == 54.0
    buffer = io.BytesIO()
    result.write_csv(buffer)
    # the command's CSV, like the page's, keeps M2 without an assessed parameter
    written = pl.read_csv(buffer.getvalue())
    assert written.select("sample", "parameter").rows() == [
        ("M1", "koper"),
        ("M1", "zink"),
        ("M2", None),
    ]
    assert result.to_csv() == buffer.getvalue().decode()


def test_the_page_csv_and_the_command_csv_write_the_same_cells() -> None:
    # The download of the page (csv.DictWriter) and `kwalibo toets --format csv` (Polars) give
    # one table in one notation, so a user can compare or merge them.
    rows = [*sample("M1", {"koper": "60", "zink": "<20"}), *sample("M2", {"lood": "700"})]
    result = assess(measurements(rows), frame="grond")
    buffer = io.BytesIO()
    result.write_csv(buffer)
    assert result.to_csv() == buffer.getvalue().decode()


def test_small_and_whole_numbers_are_written_alike_by_both_csv_writers() -> None:
    """An audit found "2e-05" in the page's CSV and "0.00002" in the command's: both now write
    positional notation (hexachlorobutadiene 0.00002, a PCB 6.5e-6 after standardisation)."""
    values = {"hexachloorbutadieen": "0.00002", "PCB 28": "0.0000065", "koper": "20"}
    rows = sample("M1", values, lutum=25, organic_matter=3)
    result = assess(measurements(rows), frame="grond")
    buffer = io.BytesIO()
    result.write_csv(buffer)
    text = result.to_csv()
    assert text == buffer.getvalue().decode()
    assert "e-" not in text
    cells = {r["parameter"]: r for r in csv.DictReader(io.StringIO(text))}
    assert cells["hexachloorbutadieen"]["value_used_mg_kg_ds"] == "0.00002"
    assert cells["koper"]["value_used_mg_kg_ds"] == "20"


def test_the_csv_tells_a_tare_soil_exemption_and_a_limit_only_row_from_a_class() -> None:
    """Mineral oil 3000 exempt as tare soil (Rbk art 4.14.1) and aldrin (an intervention value
    only, on land) show parameter_class achtergrondwaarde; the CSV said nothing more, where
    the JSON, page and PDF say why."""
    rows = sample("M1", {"minerale olie": "3000", "aldrin": "0.01", "koper": "20"})
    result = assess(measurements(rows), frame="grond", tare_soil=("natural_presence",))
    buffer = io.BytesIO()
    result.write_csv(buffer)
    assert result.to_csv() == buffer.getvalue().decode()
    cells = {r["parameter"]: r for r in csv.DictReader(io.StringIO(result.to_csv()))}
    oil, aldrin, copper = cells["minerale_olie"], cells["aldrin"], cells["koper"]
    assert (oil["tare_exempt"], oil["limit_only"]) == ("true", "false")
    assert (aldrin["tare_exempt"], aldrin["limit_only"]) == ("false", "true")
    assert (copper["tare_exempt"], copper["limit_only"]) == ("false", "false")


@pytest.mark.parametrize("frame", ["grond", "waterbodem"])
def test_the_first_verdicts_explained_alone_are_the_first_of_all(frame: str) -> None:
    """``verdicts_head`` explains only the samples a page or PDF shows; each is the verdict
    the whole assessment gives: messages, results above the range, unusable contents, sums
    and samples without lutum included."""
    rows = [
        *sample("M1", {"koper": ">60", "zink": "abc", "PCB 28": "<0.01"}),
        *sample("M2", dict.fromkeys(["PCB 28", "PCB 52", "PCB 101"], "0.01"), lutum=None),
        *sample("M3", {"lood": "20", "onbekend": "3"}),
        *sample("M4", {"nikkel": "50", "koper": "45"}),
    ]
    result = assess(measurements(rows), frame=frame)
    every = result.verdicts
    for count in (1, 2, 3, 4, 9):
        fresh = assess(measurements(rows), frame=frame)
        assert fresh.verdicts_head(count) == every[:count]
    assert result.verdict_classes() == [v["class"] for v in every]
    batch = assess(measurements(rows), frame=frame, as_batch=True)
    assert batch.verdicts_head(1) == batch.verdicts


def test_input_with_other_types_and_missing_optional_columns() -> None:
    frame = pl.DataFrame(
        {
            "row": [1, 2],
            "sample": ["A", "A"],
            "parameter": ["Cu", "Zn"],
            "value_raw": [" 3 ", None],
            "unit": ["mg/kg", None],
        }
    )
    result = assess(frame, frame="grond")
    assert {m["code"] for m in result.messages} >= {"missing_value", "missing_lutum"}
    with pytest.raises(ValueError, match="value_raw"):
        assess(frame.drop("value_raw"), frame="grond")


def test_a_message_names_a_substance_given_by_a_code_by_the_regulations_name() -> None:
    result = assess(
        measurements(
            [
                ("A", "Cu", "-3"),
                ("A", "7440-66-6", "abc"),
                ("A", "12DClC2a", "x"),
                ("A", "Lood", "y"),
                ("A", "PCB 28", "z"),
                ("A", "foo", "1"),
            ]
        ),
        frame="grond",
    )

    named = {m["parameter"]: m for m in result.messages if m["parameter"]}
    # the message says which substance; the parameter field stays as the file writes it
    assert named["Cu"]["message"] == "The value -3 of koper (Cu) is negative."
    assert named["7440-66-6"]["params"]["parameter"] == "zink (Zn; 7440-66-6)"
    assert named["12DClC2a"]["params"]["parameter"] == "1,2-dichloorethaan (12DClC2a)"
    # a name as written, in any spelling with spaces, and an unknown parameter are kept
    assert named["Lood"]["params"]["parameter"] == "Lood"
    assert named["PCB 28"]["params"]["parameter"] == "PCB 28"
    assert named["foo"]["params"]["parameter"] == "foo"


def test_rule_set_carries_the_emission_values_of_bijlage_b() -> None:
    # Rbk 2015 Bijlage B tabel 1 and 2, row "arseen (As) | ... | 0,61 | 42" and "koper | ... | 1 | 113":
    # maximum emission (mg/kg at L/S 10) and emission test value (mg/kg ds) of art 4.12.1.
    rules = load_rule_set("rbk-2015")
    for frame in ("grond", "waterbodem"):
        norms = rules.norms[frame].with_columns(pl.col("substance").cast(pl.Utf8))
        rows = {
            row["substance"]: (row["max_emissie_ls10"], row["emissietoetswaarde"])
            for row in norms.iter_rows(named=True)
        }
        assert rows["arseen"] == (0.61, 42.0)
        assert rows["koper"] == (1.0, 113.0)
        assert rows["minerale_olie"] == (None, None)
        assert sum(1 for values in rows.values() if values[1] is not None) == 13


def _zinc_read(*other: str, zinc: str) -> tuple[float, list[str]]:
    """The content of zinc as read (standard soil), with the message codes about the values,
    in an input whose other values are ``other`` (copper, lead, ...)."""
    values = dict(zip(("koper", "lood", "nikkel"), other, strict=False)) | {"zink": zinc}
    result = assess(measurements(sample("M1", values)), frame="grond")
    zinc_parameter = next(
        p for p in result.verdicts[0]["explanation"]["parameters"] if p["parameter"] == "zink"
    )
    codes = [m["code"] for m in result.messages_frame().to_dicts() if "separator" in m["code"]]
    return zinc_parameter["value_used"], codes


@pytest.mark.parametrize(
    ("other", "zinc", "read", "code"),
    [
        # A Dutch file (decimal comma): the point groups thousands; 1.000 mg/kg zinc is 1000.
        (("0,5",), "1.000", 1000.0, "thousands_separator"),
        (("12,25",), "1.200", 1200.0, "thousands_separator"),
        (("0,5",), "1.000,5", 1000.5, None),
        # An English file (decimal point): the comma groups thousands.
        (("0.5",), "1,000", 1000.0, "thousands_separator_comma"),
        (("0.5",), "1.000", 1.0, None),
        # Nothing tells: read as a decimal, with a warning to check it.
        (("5",), "1.000", 1.0, "ambiguous_separator"),
        (("0,5", "0.25"), "1.000", 1.0, "ambiguous_separator"),
        # Not a possible thousands grouping: no doubt.
        (("0,5",), "0.005", 0.005, None),
        (("0,5",), "1,5", 1.5, None),
    ],
)
def test_a_separator_that_could_group_thousands_is_read_by_the_files_convention(
    other: tuple[str, ...], zinc: str, read: float, code: str | None
) -> None:
    value, codes = _zinc_read(*other, zinc=zinc)
    assert value == pytest.approx(read)
    assert codes == ([code] if code else [])
