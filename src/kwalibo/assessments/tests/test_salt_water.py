"""Spreading in salt water when contents cannot be standardised (``domain/salt_water.py``).

Salt-water values are tested against measured contents (Rbk Bijlage B tabel 2 voetnoot 4;
Bijlage G III: no soil-type correction), so a sample without lutum or organic matter, which
has no class, still has a salt-water verdict. Values from tabel 2, verspreiden zout: koper 60
and zink 365 (non-priority, '@': 50 % tolerance for two of them), cadmium 4 (priority), PCB's
(som 7) 0.1 (no tolerance, art 4.11.1 lid 3).
"""

from __future__ import annotations

import csv
import io
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kwalibo.assessments.domain.engine import assess
from kwalibo.assessments.tests.builders import PCB, measurements, sample

WATER = "waterbodem"


def verdicts(rows: list[tuple[object, ...]], **options: Any) -> list[dict[str, Any]]:
    return assess(measurements(rows), frame=WATER, **options).verdicts


def codes(found: dict[str, Any]) -> list[str]:
    return [m["code"] for m in found["messages"]]


def spreading(found: dict[str, Any]) -> tuple[str | None, str | None, str | None]:
    s = found["spreading"]
    return s["zoet_oppervlaktewater"], s["aangrenzend_perceel"], s["zout_oppervlaktewater"]


@pytest.mark.parametrize(
    ("koper", "zink", "salt"),
    [
        ("60", "100", "verspreidbaar"),  # at the value
        ("90", "547.5", "verspreidbaar"),  # two at 1.5 × their value: tolerated
        ("90.01", "547.5", "niet_verspreidbaar"),  # one above its tolerance
    ],
)
def test_sample_without_lutum_or_organic_matter_has_a_salt_water_verdict(
    koper: str, zink: str, salt: str
) -> None:
    (found,) = verdicts(
        sample("M1", {"koper": koper, "zink": zink}, lutum=None, organic_matter=None)
    )
    assert found["class"] is None
    assert spreading(found) == ("onbepaald", "onbepaald", salt)
    found_codes = codes(found)
    assert found_codes.count("missing_lutum") == 2
    assert found_codes.count("salt_water_measured") == 2
    # no class, but not "nothing assessed": the error says what was tested
    assert "no_assessable_parameters" not in found_codes
    assert found_codes.count("only_salt_water_assessable") == 1
    notes = {
        m["params"]["parameter"]: m for m in found["messages"] if m["code"] == "salt_water_measured"
    }
    assert float(notes["koper (Cu)"]["params"]["value"]) == float(koper)
    assert notes["koper (Cu)"]["params"]["detail"] == "60"
    assert "salt" in notes["zink (Zn)"]["message"]


def test_salt_verdict_of_a_sample_without_lutum_reaches_the_csv_rows() -> None:
    """A sample without any parameter row keeps its salt-water verdict in the CSV table."""
    result = assess(
        measurements(sample("M1", {"koper": "61"}, lutum=None, organic_matter=None)), frame=WATER
    )
    assert [m["code"] for m in result.messages if m["level"] == "error"].count(
        "only_salt_water_assessable"
    ) == 1
    (row,) = list(csv.DictReader(io.StringIO(result.to_csv())))
    assert row["sample"] == "M1"
    assert row["class"] == ""
    assert row["spreading_salt"] == "verspreidbaar"  # 61 ≤ 1.5 × 60, the only one over
    assert row["spreading_fresh"] == "onbepaald"


def test_missing_organic_matter_pcbs_summed_on_measured_contents() -> None:
    """With lutum but no organic matter nickel has a class and the PCBs cannot be
    standardised; their measured sum 7 × 0.02 = 0.14 > 0.1 fails salt water (no tolerance)."""
    rows = sample("M1", {"nikkel": "10", **dict.fromkeys(PCB, "0.02")}, organic_matter=None)
    (found,) = verdicts(rows)
    assert found["class"] is None  # withheld: the PCBs could make it worse
    assert "class_undecided_input_error" in codes(found)
    assert spreading(found)[2] == "niet_verspreidbaar"
    notes = [m for m in found["messages"] if m["code"] == "salt_water_measured"]
    assert {m["params"]["parameter"] for m in notes} == {"PCB’s (som 7)"}
    assert float(notes[0]["params"]["value"]) == pytest.approx(0.14)
    # nickel 10 (Ni 10/1/0: no organic matter term) is explained by its parameter row
    (nickel,) = [p for p in found["explanation"]["parameters"] if p["parameter"] == "nikkel"]
    assert nickel["standardised"] == pytest.approx(10)

    clean = sample("M1", {"nikkel": "10", **dict.fromkeys(PCB, "0.01")}, organic_matter=None)
    (found,) = verdicts(clean)  # 0.07 ≤ 0.1
    assert spreading(found)[2] == "verspreidbaar"


def test_standardised_verdicts_unchanged_when_everything_can_be_standardised() -> None:
    """The measured-content test only runs for samples with a left-out measurement: with
    lutum and organic matter the salt verdict and its messages are as before."""
    (found,) = verdicts(sample("M1", {"koper": "61", "zink": "100"}))
    assert found["class"] == "klasse_A"
    assert spreading(found) == ("verspreidbaar", "onbepaald", "verspreidbaar")
    assert "salt_water_measured" not in codes(found)


def test_lutum_and_organic_matter_above_the_dry_matter_still_test_salt_water() -> None:
    """Lutum 70 % + organic matter 40 % cannot both be true: nothing is standardised, but the
    measured contents are known (koper 100 > 1.5 × 60)."""
    (found,) = verdicts(sample("M1", {"koper": "100"}, lutum=70, organic_matter=40))
    assert found["class"] is None
    assert "soil_properties_above_dry_matter" in codes(found)
    assert spreading(found)[2] == "niet_verspreidbaar"


def test_a_lower_bound_without_lutum_leaves_salt_water_open() -> None:
    """'>1' cadmium (above the measuring range) without lutum: 1 ≤ 4, but the content is at
    least 1, so spreadable is not known; above its value it is known to fail."""
    (found,) = verdicts(sample("M1", {"cadmium": ">1"}, lutum=None, organic_matter=None))
    assert spreading(found)[2] == "onbepaald"
    (found,) = verdicts(sample("M1", {"cadmium": ">5"}, lutum=None, organic_matter=None))
    assert spreading(found)[2] == "niet_verspreidbaar"


def test_an_unreadable_result_still_leaves_salt_water_open() -> None:
    """A result that is not a number ('1O0') is unknown for salt water too."""
    rows = sample("M1", {"koper": "10", "zink": "1O0"}, lutum=None, organic_matter=None)
    (found,) = verdicts(rows)
    assert spreading(found)[2] == "onbepaald"


def test_batch_mean_of_measured_contents() -> None:
    """A batch (art 4.2.2 lid 1): the mean per substance over the samples, for salt water of
    the measured contents: koper (50 + 80) / 2 = 65 > 60, the only one over and within 1.5 ×."""
    rows = [
        *sample("M1", {"koper": "50"}),
        *sample("M2", {"koper": "80"}, lutum=None, organic_matter=None),
    ]
    (found,) = verdicts(rows, as_batch=True)
    assert found["class"] is None
    assert spreading(found)[2] == "verspreidbaar"
    rows[-1] = ("M2", "koper", "200")  # (50 + 200) / 2 = 125 > 90
    (found,) = verdicts(rows, as_batch=True)
    assert spreading(found)[2] == "niet_verspreidbaar"


def test_land_frame_has_no_salt_water() -> None:
    """On land nothing is tested on measured contents: no class, no spreading."""
    result = assess(
        measurements(sample("M1", {"koper": "61"}, lutum=None, organic_matter=None)),
        frame="grond",
    )
    (found,) = result.verdicts
    assert found["class"] is None
    assert "spreading" not in found
    assert "salt_water_measured" not in codes(found)


SALT_PARAMETERS = ("koper", "zink", "cadmium", "kwik", "minerale olie", *PCB[:3])


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    contents=st.dictionaries(
        st.sampled_from(SALT_PARAMETERS),
        st.floats(min_value=0, max_value=2000, allow_nan=False, allow_infinity=False),
        min_size=1,
        max_size=6,
    ),
    lutum=st.one_of(st.none(), st.floats(min_value=0, max_value=80)),
    organic_matter=st.one_of(st.none(), st.floats(min_value=0, max_value=30)),
)
def test_salt_water_verdict_does_not_depend_on_lutum_or_organic_matter(
    contents: dict[str, float], lutum: float | None, organic_matter: float | None
) -> None:
    """Whatever the soil properties, or without them, the salt-water verdict is that of the
    same measured contents in standard soil."""
    written = {name: repr(value) for name, value in contents.items()}
    (standard,) = verdicts(sample("M1", written))
    (other,) = verdicts(sample("M1", written, lutum=lutum, organic_matter=organic_matter))
    assert spreading(other)[2] == spreading(standard)[2]
