"""The checks of a verdict beyond its class: made only when asked, the same for every interface."""

from __future__ import annotations

import pytest

from kwalibo.assessments.domain.application import Location
from kwalibo.assessments.domain.checks import CheckRequest, check_verdict, check_verdicts
from kwalibo.assessments.domain.enforcement import EnforcementError
from kwalibo.assessments.domain.engine import assess
from kwalibo.assessments.domain.large_scale import LargeScaleApplication
from kwalibo.assessments.tests.builders import measurements, sample

# Copper 60 mg/kg ds in standard soil: above Wonen (54), below Industrie (190).
VERDICTS = assess(
    measurements(sample("M1", {"koper": "60"}) + sample("M2", {"koper": "20"})), frame="grond"
).verdicts


def test_nothing_asked_makes_no_check() -> None:
    checks = check_verdict(VERDICTS[0], CheckRequest())

    assert not CheckRequest().asked
    assert (checks.emission, checks.large_scale, checks.local) == (None, None, None)
    assert (checks.location, checks.enforcement) == (None, None)


def test_each_verdict_gets_the_checks_asked_for_by_its_sample() -> None:
    asked = CheckRequest(location=Location("wonen", "industrie"), stated_class="wonen")

    checks = check_verdicts(VERDICTS, asked)

    assert sorted(checks) == ["M1", "M2"]
    allowed = {s: c.location.allowed for s, c in checks.items() if c.location is not None}
    assert allowed == {"M1": False, "M2": True}
    # 60 > 54 but below 1.4 × 54 = 75.6: no violation of the Wonen class
    violation = {s: c.enforcement.violation for s, c in checks.items() if c.enforcement}
    assert violation == {"M1": False, "M2": False}
    assert checks["M1"].large_scale is None


def test_a_large_scale_application_brings_its_emission_screening() -> None:
    asked = CheckRequest(application=LargeScaleApplication(material="grond", volume_m3=6000))

    checks = check_verdict(VERDICTS[1], asked)

    assert checks.emission is not None
    assert checks.large_scale is not None
    assert asked.asked


def test_a_class_of_the_other_frame_is_refused() -> None:
    with pytest.raises(EnforcementError):
        check_verdicts(VERDICTS, CheckRequest(stated_class="klasse_A"))
