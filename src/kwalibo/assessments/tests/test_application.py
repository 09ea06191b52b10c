"""The double test of the generic framework (Bbk art 55-59), case by case."""

from __future__ import annotations

import dataclasses
import datetime as dt

import pytest

from kwalibo.assessments.domain.application import (
    ApplicationVerdict,
    Location,
    UnknownClassError,
    application_check,
    location_check,
)
from kwalibo.assessments.domain.engine import assess
from kwalibo.assessments.tests import builders

DATE = dt.date(2020, 6, 1)


def land(batch: str, function: str | None, receiving: str | None) -> ApplicationVerdict:
    return application_check(
        frame="grond", batch_class=batch, function_class=function, receiving_quality_class=receiving
    )


def water(batch: str, receiving: str | None, **extra: str) -> ApplicationVerdict:
    return application_check(
        frame="waterbodem",
        batch_class=batch,
        function_class=None,
        receiving_quality_class=receiving,
        **extra,
    )


def test_background_quality_may_always_be_applied() -> None:
    verdict = land("achtergrondwaarde", None, None)
    assert verdict.allowed is True
    assert verdict.article == "Bbk art 39"


@pytest.mark.parametrize(
    ("batch", "function", "receiving", "allowed", "article"),
    [
        ("wonen", "wonen", "wonen", True, "Bbk art 59 lid 1"),
        ("wonen", "industrie", "wonen", True, "Bbk art 59 lid 1"),
        ("wonen", "wonen", "industrie", True, "Bbk art 59 lid 1"),
        ("industrie", "industrie", "industrie", True, "Bbk art 59 lid 1"),
        ("industrie", "wonen", "industrie", False, "Bbk art 59 lid 1"),
        ("industrie", "industrie", "wonen", False, "Bbk art 59 lid 1"),
        ("industrie", "wonen", "wonen", False, "Bbk art 59 lid 1"),
        ("wonen", None, "wonen", False, "Bbk art 55 lid 4"),
        ("wonen", "achtergrondwaarde", "wonen", False, "Bbk art 56 lid 1"),
        ("wonen", "wonen", "achtergrondwaarde", False, "Bbk art 56 lid 1"),
        ("wonen", "wonen", None, False, "Bbk art 58 lid 1"),
        (
            "niet_toepasbaar",
            "industrie",
            "industrie",
            False,
            "Bbk art 36 lid 2 onder a; Rbk art 4.4.1 lid 6",
        ),
        ("industrie", "industrie", "niet_toepasbaar", True, "Bbk art 59 lid 1"),
    ],
)
def test_land(
    batch: str, function: str | None, receiving: str | None, allowed: bool, article: str
) -> None:
    verdict = land(batch, function, receiving)
    assert (verdict.allowed, verdict.article) == (allowed, article)
    assert verdict.reasons


def test_both_failures_are_given_as_reasons() -> None:
    verdict = land("industrie", "wonen", "wonen")
    assert len(verdict.reasons) == 2
    assert "function class" in verdict.reasons[0]
    assert "receiving soil" in verdict.reasons[1]


@pytest.mark.parametrize(
    ("batch", "receiving", "allowed", "article"),
    [
        ("achtergrondwaarde", None, True, "Bbk art 39"),
        ("klasse_A", "klasse_A", True, "Bbk art 59 lid 2"),
        ("klasse_A", "klasse_B", True, "Bbk art 59 lid 2"),
        ("klasse_B", "klasse_A", False, "Bbk art 59 lid 2"),
        ("klasse_B", "klasse_B", True, "Bbk art 59 lid 2"),
        ("klasse_B", "niet_toepasbaar", True, "Bbk art 59 lid 2"),
        ("klasse_A", "achtergrondwaarde", False, "Bbk art 56 lid 1"),
        ("klasse_A", None, False, "Bbk art 58 lid 1"),
        ("niet_toepasbaar", "klasse_B", False, "Bbk art 36 lid 2 onder a; Rbk art 4.4.1 lid 6"),
    ],
)
def test_water(batch: str, receiving: str | None, allowed: bool, article: str) -> None:
    verdict = water(batch, receiving)
    assert (verdict.allowed, verdict.article) == (allowed, article)


def test_soil_in_water_must_also_meet_industrie() -> None:
    assert water("klasse_A", "klasse_B", material="grond", land_class="industrie").allowed is True
    refused = water("klasse_A", "klasse_B", material="grond", land_class="niet_toepasbaar")
    assert (refused.allowed, refused.article) == (False, "Bbk art 59 lid 3")
    assert water("klasse_A", "klasse_B", material="grond").allowed is False


def test_unknown_class_names_are_refused() -> None:
    with pytest.raises(UnknownClassError, match="klasse_C"):
        water("klasse_C", "klasse_B")
    with pytest.raises(UnknownClassError, match="klasse_A"):
        land("klasse_A", "wonen", "wonen")
    with pytest.raises(UnknownClassError, match="landbouw"):
        land("wonen", "landbouw", "wonen")
    with pytest.raises(UnknownClassError, match="lucht"):
        application_check(
            frame="lucht", batch_class="wonen", function_class=None, receiving_quality_class=None
        )


def test_the_verdict_is_frozen() -> None:
    with pytest.raises(dataclasses.FrozenInstanceError):
        land("wonen", "wonen", "wonen").allowed = False  # type: ignore[misc]


# --- location_check: the double test on a verdict of the engine ----------------------------


def verdict_of(values: dict[str, object], frame: str) -> dict[str, object]:
    """The engine's verdict for one sample of standard soil (25 % lutum, 10 % organic matter)."""
    rows = builders.sample("M1", values)
    (verdict,) = assess(builders.measurements(rows, sampling_date=DATE), frame=frame).verdicts
    return verdict


#: Rbk 2015 Bijlage B tabel 1: zinc AW 140, Wonen 200, Industrie 720 mg/kg ds.
ZINC_INDUSTRIE = {"zink": "310"}


@pytest.mark.parametrize(
    ("location", "allowed", "article"),
    [
        (Location("industrie", "industrie"), True, "Bbk art 59 lid 1"),
        (Location("wonen", "industrie"), False, "Bbk art 59 lid 1"),
        (Location("industrie", "wonen"), False, "Bbk art 59 lid 1"),
        (Location(None, "industrie"), False, "Bbk art 55 lid 4"),
        (Location("industrie", None), False, "Bbk art 58 lid 1"),
    ],
)
def test_a_verdict_on_land_is_tested_against_the_stated_location(
    location: Location, allowed: bool, article: str
) -> None:
    verdict = verdict_of(ZINC_INDUSTRIE, "grond")
    assert verdict["class"] == "industrie"
    result = location_check(verdict, location)
    assert (result.allowed, result.article) == (allowed, article)


def test_soil_in_water_is_held_to_the_industrie_values_of_the_verdict() -> None:
    """Bbk art 59 lid 3 with Rbk tabel 2 voetnoot 3: lead 540 mg/kg ds is class B in water
    (A 138 < 540 <= B 580) but above Industrie (530), so soil may not go into a class-B water
    bed while dredgings of the same quality may."""
    verdict = verdict_of({"lood": "540"}, "waterbodem")
    assert verdict["class"] == "klasse_B"
    as_dredgings = location_check(verdict, Location(receiving_quality_class="klasse_B"))
    as_soil = location_check(
        verdict, Location(receiving_quality_class="klasse_B", material="grond")
    )
    assert (as_dredgings.allowed, as_dredgings.article) == (True, "Bbk art 59 lid 2")
    assert (as_soil.allowed, as_soil.article) == (False, "Bbk art 59 lid 3")
    within = verdict_of({"lood": "530"}, "waterbodem")
    assert location_check(
        within, Location(receiving_quality_class="klasse_B", material="grond")
    ).allowed


def test_a_verdict_without_a_class_cannot_be_applied() -> None:
    verdict = verdict_of(ZINC_INDUSTRIE, "grond") | {"class": None}
    result = location_check(verdict, Location("industrie", "industrie"))
    assert result.allowed is False


@pytest.mark.parametrize(
    ("frame", "location"),
    [
        ("grond", Location("industrie", "klasse_B")),
        ("grond", Location("bedrijven", "industrie")),
        ("waterbodem", Location(receiving_quality_class="wonen")),
        ("waterbodem", Location(receiving_quality_class="klasse_A", material="zand")),
    ],
)
def test_a_location_with_a_class_of_the_other_frame_is_refused(
    frame: str, location: Location
) -> None:
    with pytest.raises(UnknownClassError):
        location_check(verdict_of(ZINC_INDUSTRIE, frame), location)
