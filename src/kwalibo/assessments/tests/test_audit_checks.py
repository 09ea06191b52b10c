"""Audit of the checks beyond the class (``domain/checks.py``): large-scale application
(Bbk art 63; Rbk art 4.12.1, 4.2.2 lid 6, Bijlage B tabel 1 vn 13), local maximum values
(Bbk art 44, 45, 52; Rbk art 4.2.2 lid 1, 4.2.3), the application check at a location
(Bbk art 59) and the enforcement investigation (Rbk art 4.13.1). Every expected outcome is
worked out by hand in a comment from the values of Rbk 2015 Bijlage B (the CSV tables of the
dossier) and reached through ``check_verdicts``, as the page, the API and the CLI reach it.

Standardisation (Bijlage G III tabel 3): G_std = G × (A + 25·B + 10·C) / (A + B·L + C·H), with
arsenic 15/0.4/0.4, lead 50/1/1, organic compounds 0/0/1 (G × 10 / H, 2 ≤ H ≤ 30).
The defects this audit found are fixed; their tests say which rule they hold the engine to.
"""

from __future__ import annotations

from typing import Any

import pytest

from kwalibo.assessments.domain.application import Location
from kwalibo.assessments.domain.checks import CheckRequest, VerdictChecks, check_verdicts
from kwalibo.assessments.domain.engine import assess
from kwalibo.assessments.domain.large_scale import (
    Condition,
    LargeScaleApplication,
    LargeScaleCheck,
)
from kwalibo.assessments.domain.local_maxima import LocalMaximumValues, zone_check
from kwalibo.assessments.tests.builders import fillers, measurements, sample

TITLE = "Nota bodembeheer Gemeente Audit 2020"
#: A large-scale application meeting scope and cover: 2 m, 5000 m³, a 0.5 m top layer.
LARGE: dict[str, Any] = {
    "thickness_m": 2.0,
    "volume_m3": 5000.0,
    "cover": "leeflaag",
    "cover_thickness_m": 0.5,
}


def verdicts(
    values: dict[str, object],
    *,
    frame: str = "grond",
    lutum: float = 25,
    organic_matter: float = 10,
) -> list[dict[str, Any]]:
    rows = sample("M1", values, lutum=lutum, organic_matter=organic_matter)
    return assess(measurements(rows), frame=frame).verdicts


def checked(
    values: dict[str, object],
    request: CheckRequest,
    *,
    frame: str = "grond",
    lutum: float = 25,
    organic_matter: float = 10,
) -> VerdictChecks:
    found = check_verdicts(
        verdicts(values, frame=frame, lutum=lutum, organic_matter=organic_matter), request
    )
    return found["M1"]


def large_scale(checks: VerdictChecks) -> LargeScaleCheck:
    assert checks.large_scale is not None
    return checks.large_scale


def condition(checks: VerdictChecks, code: str) -> Condition:
    (found,) = [c for c in large_scale(checks).conditions if c.code == code]
    return found


def local(values: dict[str | None, dict[str, float]], frame: str = "grond") -> LocalMaximumValues:
    return LocalMaximumValues(title=TITLE, frame=frame, rule_set="rbk-2015", values=values)


# --- large-scale application: scope, Bbk art 63 lid 1 and 5 --------------------------------


@pytest.mark.parametrize(
    ("thickness", "volume", "infrastructure", "met"),
    [
        # lid 1: "een laagdikte van minimaal twee meter en een minimale omvang van 5000 m3"
        (2.0, 5000.0, False, True),
        (1.999, 5000.0, False, False),
        (2.0, 4999.9, False, False),
        # lid 5 derogates from the thickness only (0.5 m); the 5000 m³ of lid 1 still holds
        (0.5, 5000.0, True, True),
        (0.499, 5000.0, True, False),
        (0.5, 4999.9, True, False),
    ],
)
def test_scope_exactly_at_the_thresholds(
    thickness: float, volume: float, infrastructure: bool, met: bool
) -> None:
    application = LargeScaleApplication(
        thickness_m=thickness,
        volume_m3=volume,
        infrastructure=infrastructure,
        cover="bouwstoffen_aaneengesloten",
    )
    checks = checked({"arseen": "10"}, CheckRequest(application=application))
    assert condition(checks, "scope").met is met


# --- large-scale application: emission, Rbk art 4.12.1 -------------------------------------


def test_emission_test_value_border_after_standardisation() -> None:
    # Arsenic at 10.5 % lutum, 10 % OM: factor (15 + 10 + 4) / (15 + 4.2 + 4) = 29 / 23.2 = 1.25.
    # 33.6 × 1.25 = 42.0 = emissietoetswaarde 42 (tabel 1): not exceeded (lid 2), met.
    # 33.61 × 1.25 = 42.0125 > 42: the shortcut fails, only a column test can decide (None).
    request = CheckRequest(application=LargeScaleApplication(**LARGE))
    at = checked({"arseen": "33.6"}, request, lutum=10.5)
    assert at.emission is not None
    assert at.emission.met is True
    assert condition(at, "emission").met is True
    assert large_scale(at).met is True
    above = checked({"arseen": "33.61"}, request, lutum=10.5)
    assert above.emission is not None
    assert above.emission.met is False
    assert above.emission.exceeded[0].standardised == pytest.approx(42.0125)
    assert condition(above, "emission").met is None
    assert large_scale(above).met is None


def test_a_column_test_without_zinc_does_not_clear_a_zinc_content_above_its_test_value() -> None:
    # Contents (standard soil): arsenic 50 > 42 and zinc 500 > 430 (emissietoetswaarden,
    # tabel 1), both within Industrie (76, 720). The column test measures arsenic only:
    # 0.3 ≤ 0.61 mg/kg L/S 10. Arsenic is cleared by the measurement; for zinc neither a
    # measured emission nor the shortcut shows the maximum emission value 2.1 is met, so the
    # condition is undecided (None) and so is the whole check.
    application = LargeScaleApplication(**LARGE, column_test={"arseen": 0.3})
    checks = checked({"arseen": "50", "zink": "500"}, CheckRequest(application=application))
    assert condition(checks, "emission").met is None
    assert large_scale(checks).met is None


@pytest.mark.parametrize(
    ("material", "met"),
    [
        # dredgings below the water level in their own water manager's area: lid 3 b, met
        ("baggerspecie", True),
        # soil is not dredgings: the exception does not apply
        ("grond", None),
    ],
)
def test_the_below_water_level_exception_is_for_dredgings(material: str, met: bool | None) -> None:
    # Zinc 500 in standard soil > emissietoetswaarde 430 (tabel 2): lid 3 a fails. Lid 3 b
    # holds only for dredgings from the water manager's area; soil must pass lid 3 a or a
    # column test, so for soil the emission condition is undecided (None).
    application = LargeScaleApplication(
        **LARGE, material=material, below_water_level_same_manager=True
    )
    checks = checked({"zink": "500"}, CheckRequest(application=application), frame="waterbodem")
    assert condition(checks, "emission").met is met
    assert checks.emission is not None
    assert checks.emission.met is (met is True)


# --- large-scale application: quality and mineral oil, Bbk art 63 lid 1 a; tabel 1 vn 13 ----


def test_industrie_border_after_standardisation_on_land() -> None:
    # Lead at 8 % lutum, 10 % OM: (50 + 25 + 10) / (50 + 8 + 10) = 85 / 68 = 1.25.
    # 424 × 1.25 = 530 = Industrie 530: met; 424.1 × 1.25 = 530.125 > 530: not met. Both are
    # above the emissietoetswaarde 308, so the emission is undecided (None); the failed
    # quality condition outweighs it and the whole check fails.
    request = CheckRequest(application=LargeScaleApplication(**LARGE))
    at = checked({"lood": "424"}, request, lutum=8)
    assert condition(at, "quality").met is True
    above = checked({"lood": "424.1"}, request, lutum=8)
    quality = condition(above, "quality")
    assert quality.met is False
    assert quality.exceeded[0]["standardised"] == pytest.approx(530.125)
    assert condition(above, "emission").met is None  # 530.125 > ETW 308
    assert large_scale(above).met is False


def test_mineral_oil_of_dredgings_at_2000_after_standardisation() -> None:
    # Organic: G × 10 / H. 1000 at 5 % OM → 2000 = the maximum of vn 13: met; 1000.5 → 2001:
    # not met. The Industrie value 500 is replaced, the IW 5000 still holds, so the quality
    # condition is met in both cases.
    request = CheckRequest(application=LargeScaleApplication(**LARGE, material="baggerspecie"))
    at = checked({"minerale olie": "1000"}, request, organic_matter=5)
    assert (condition(at, "mineral_oil").met, condition(at, "quality").met) == (True, True)
    assert large_scale(at).met is True
    above = checked({"minerale olie": "1000.5"}, request, organic_matter=5)
    assert (condition(above, "mineral_oil").met, condition(above, "quality").met) == (False, True)
    assert large_scale(above).met is False


def test_soil_in_water_above_the_ddt_industrie_value_fails_the_large_scale_quality() -> None:
    # 2,4-DDT 0.5 + 4,4-DDT 1.0 = DDT (som) 1.5 (organic, H 10: no correction) > Industrie 1
    # of tabel 2 (and tabel 1). DDT/DDE/DDD (som) 1.5 ≤ klasse B 4, so the class is klasse B;
    # but soil applied large-scale in water must meet Industrie: quality not met.
    application = LargeScaleApplication(**LARGE, material="grond")
    checks = checked(
        {"2,4-DDT": "0.5", "4,4-DDT": "1.0"},
        CheckRequest(application=application),
        frame="waterbodem",
    )
    assert condition(checks, "quality").met is False


# --- local maximum values, Bbk art 44 and 52; Rbk art 4.2.2 lid 1, 4.2.3 -------------------

#: Area-wide lead 400 and zinc 300; zone Haven raises lead to 800 (above Industrie 530).
ZONED = {None: {"lood": 400.0, "zink": 300.0}, "Haven": {"lood": 800.0}}


@pytest.mark.parametrize(
    ("lead", "zinc", "zone", "met", "exceeded", "origin_only"),
    [
        # without a zone: the area-wide values; "hoger is dan" (4.2.2 lid 1) → at 400 met
        ("400", "300", None, True, [], False),
        ("400.1", "300", None, False, ["lood"], False),
        # zone Haven: its own lead value 800; zinc falls back to the area-wide 300
        ("800", "300", "Haven", True, [], True),  # 800 > Industrie 530: origin only (art 52)
        ("800.1", "300", "Haven", False, ["lood"], False),
        ("530", "300", "Haven", True, [], False),  # at Industrie: no raised value relied on
        ("530.1", "300", "Haven", True, [], True),
        ("100", "300.1", "Haven", False, ["zink"], False),
    ],
)
def test_local_values_at_their_border_with_and_without_a_zone(
    lead: str, zinc: str, zone: str | None, met: bool, exceeded: list[str], origin_only: bool
) -> None:
    request = CheckRequest(local_maxima=local(ZONED), local_zone=zone)
    found = checked({"lood": lead, "zink": zinc}, request).local
    assert found is not None
    assert found.met is met
    assert [item.substance for item in found.exceeded] == exceeded
    assert found.origin_only is origin_only


def test_local_value_border_after_standardisation() -> None:
    # Arsenic 33.6 at 10.5 % lutum / 10 % OM = 42.0 in standard soil (see above): a local value
    # of 42 is met; 33.61 → 42.0125 exceeds it. No allowance for local values.
    request = CheckRequest(local_maxima=local({None: {"arseen": 42.0}}))
    at = checked({"arseen": "33.6"}, request, lutum=10.5).local
    above = checked({"arseen": "33.61"}, request, lutum=10.5).local
    assert at is not None
    assert above is not None
    assert at.met is True
    assert above.met is False
    assert above.exceeded[0].standardised == pytest.approx(42.0125)


def test_characteristic_value_of_dredgings_above_the_intervention_value_in_water() -> None:
    # Water (Bbk art 45 lid 2): a local lead value of 800 above klasse B (IW water bed) 580.
    # Kengetal 580 ≤ 800: met, at the IW so no raised value relied on; 600 > 580: met, only
    # in the area of origin (art 52 lid 2); 800.5 > 800: exceeded (Rbk art 4.2.3 lid 4).
    maxima = local({None: {"lood": 800.0}}, frame="waterbodem")
    at_bound = zone_check({"lood": 580.0}, maxima, zone=None)
    assert (at_bound.met, at_bound.origin_only) == (True, False)
    relied = zone_check({"lood": 600.0}, maxima, zone=None)
    assert (relied.met, relied.origin_only) == (True, True)
    above = zone_check({"lood": 800.5}, maxima, zone=None)
    assert above.met is False


# --- application at a location, Bbk art 55-59 ---------------------------------------------


@pytest.mark.parametrize(
    ("zinc", "location", "allowed", "article"),
    [
        # zinc 200 = Wonen 200 → class wonen (one substance measured, no AW allowance)
        ("200", Location("wonen", "wonen"), True, "Bbk art 59 lid 1"),
        # 200.1 > Wonen → class industrie: the function class Wonen refuses it (lid 1 a) ...
        ("200.1", Location("wonen", "industrie"), False, "Bbk art 59 lid 1"),
        # ... and so does receiving soil of quality class Wonen (lid 1 b)
        ("200.1", Location("industrie", "wonen"), False, "Bbk art 59 lid 1"),
        ("720", Location("industrie", "industrie"), True, "Bbk art 59 lid 1"),
        # 720.1 > Industrie 720 (= IW): no class, outside the soil chapter
        (
            "720.1",
            Location("industrie", "industrie"),
            False,
            "Bbk art 36 lid 2 onder a; Rbk art 4.4.1 lid 6",
        ),
        # receiving soil at background quality takes only background soil (art 56 lid 1)
        ("200", Location("wonen", "achtergrondwaarde"), False, "Bbk art 56 lid 1"),
    ],
)
def test_double_test_at_the_class_borders(
    zinc: str, location: Location, allowed: bool, article: str
) -> None:
    found = checked({"zink": zinc}, CheckRequest(location=location)).location
    assert found is not None
    assert (found.allowed, found.article) == (allowed, article)


@pytest.mark.parametrize(
    ("material", "zinc", "receiving", "allowed"),
    [
        # zinc: klasse A 563, klasse B 2000, Industrie 720 (tabel 2)
        ("baggerspecie", "563", "klasse_A", True),
        ("baggerspecie", "563.1", "klasse_A", False),  # klasse B into a klasse A bed (lid 2)
        ("baggerspecie", "1500", "klasse_B", True),
        ("grond", "720", "klasse_B", True),
        ("grond", "720.1", "klasse_B", False),  # soil above Industrie (lid 3)
    ],
)
def test_water_bed_receives_dredgings_and_soil_at_the_borders(
    material: str, zinc: str, receiving: str, allowed: bool
) -> None:
    location = Location(receiving_quality_class=receiving, material=material)
    found = checked({"zink": zinc}, CheckRequest(location=location), frame="waterbodem").location
    assert found is not None
    assert found.allowed is allowed


def test_soil_in_water_above_a_phthalate_industrie_value_is_refused() -> None:
    # Dibutyl ftalaat, organic, H 10: 36.1 in standard soil > Industrie 36; ftalaten (som) 36.1
    # ≤ klasse B 60 → klasse B (no A value: vn 2). Into a klasse B water bed dredgings may go
    # (lid 2); soil may not (lid 3). At 36.0 soil may go.
    location = Location(receiving_quality_class="klasse_B", material="grond")
    at = checked({"dibutyl ftalaat": "36"}, CheckRequest(location=location), frame="waterbodem")
    assert at.location is not None
    assert at.location.allowed is True
    above = checked(
        {"dibutyl ftalaat": "36.1"}, CheckRequest(location=location), frame="waterbodem"
    )
    assert above.location is not None
    assert (above.location.allowed, above.location.article) == (False, "Bbk art 59 lid 3")


# --- enforcement investigation, Rbk art 4.13.1 lid 2 ---------------------------------------


@pytest.mark.parametrize(
    ("zinc", "violation"),
    # Industrie 720 × 1.4 = 1008: "met ten minste een factor 1,4" → 1008 is a violation
    [("1007.9", False), ("1008", True)],
)
def test_industrie_class_violated_from_1_4_times(zinc: str, violation: bool) -> None:
    found = checked({"zink": zinc}, CheckRequest(stated_class="industrie")).enforcement
    assert found is not None
    assert found.violation is violation


def test_the_batch_mean_decides_not_the_single_sample() -> None:
    # Art 4.13.1 lid 1 → 4.3.3: a batch inspection, the arithmetic mean over the samples.
    # Zinc 250 and 310: mean 280 = 1.4 × Wonen 200 → violation of the stated Wonen class;
    # alone M1 (250 < 280) would show none and M2 (310) one.
    rows = sample("M1", {"zink": "250"}) + sample("M2", {"zink": "310"})
    request = CheckRequest(stated_class="wonen")
    batch = check_verdicts(
        assess(measurements(rows), frame="grond", as_batch=True).verdicts, request
    )
    (only,) = batch.values()
    assert only.enforcement is not None
    assert only.enforcement.violation is True
    single = check_verdicts(assess(measurements(rows), frame="grond").verdicts, request)
    assert {s: c.enforcement.violation for s, c in single.items() if c.enforcement} == {
        "M1": False,
        "M2": True,
    }


@pytest.mark.parametrize(
    ("nickel", "violation"),
    # 2 measured (nickel + one filler at 0): 1 elevated substance allowed (art 4.2.2 lid 4 a),
    # at most 2 × AW 35 = 70; nickel has no Wonen cap (lid 8). 1.4 × 70 = 98.
    [("97.9", False), ("98", True)],
)
def test_background_class_nickel_cap_at_1_4_times_twice_the_aw(
    nickel: str, violation: bool
) -> None:
    values: dict[str, object] = {**fillers("rbk-2015", "grond", 1, exclude=("nikkel",))}
    values["nikkel"] = nickel
    found = checked(values, CheckRequest(stated_class="achtergrondwaarde")).enforcement
    assert found is not None
    assert found.violation is violation


@pytest.mark.parametrize(
    ("asbestos", "violation"),
    [
        ("139", False),
        ("140", True),
    ],
)
def test_background_class_asbestos_at_1_4_times_its_bound(asbestos: str, violation: bool) -> None:
    # Asbestos has no AW (tabel 1 "–"); the engine keeps it at background quality up to the
    # Wonen value 100 (docs: "at or below Wonen it is at background level"). The maximum value
    # of the background class is thus 100; 1.4 × 100 = 140 → violation, 139 → none. Stated
    # Wonen (100 as well) gives the same: a control below.
    found = checked({"asbest": asbestos}, CheckRequest(stated_class="achtergrondwaarde"))
    assert found.enforcement is not None
    wonen = checked({"asbest": asbestos}, CheckRequest(stated_class="wonen")).enforcement
    assert wonen is not None
    assert wonen.violation is violation
    assert found.enforcement.violation is violation
