"""The double test of the generic framework (Bbk art 55-59), case by case."""

from __future__ import annotations

import dataclasses

import pytest

from kwalibo.assessments.domain.application import (
    ApplicationVerdict,
    UnknownClassError,
    application_check,
)


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
