"""The checks of a verdict beyond its class that a user can ask for, in one place.

A verdict can be checked against a large-scale application (Bbk art 63, with the emission
screening), the local maximum values of the soil-management area (Rbk art 4.2.2 lid 1), a
stated location (Bbk art 59) and, in an enforcement investigation, the class the batch had to
meet (Rbk art 4.13.1). The page, its downloads, the API and the command line ask for the same
checks: ``CheckRequest`` says which, ``check_verdicts`` makes them, so every interface shows
the same outcome.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from kwalibo.assessments.domain.application import ApplicationVerdict, Location, location_check
from kwalibo.assessments.domain.emission import EmissionScreening, emission_screening
from kwalibo.assessments.domain.enforcement import EnforcementCheck, enforcement_check
from kwalibo.assessments.domain.large_scale import (
    LargeScaleApplication,
    LargeScaleCheck,
    large_scale_check,
)
from kwalibo.assessments.domain.local_maxima import LocalCheck, LocalMaximumValues, local_check


@dataclass(frozen=True)
class CheckRequest:
    """What each verdict is to be checked against (``None``: that check is not asked for)."""

    application: LargeScaleApplication | None = None
    local_maxima: LocalMaximumValues | None = None
    local_zone: str | None = None
    location: Location | None = None
    stated_class: str | None = None
    #: ``grond`` or ``baggerspecie`` as stated (``None``: not stated); in water it bounds the
    #: local maximum values for soil (Bbk art 45 lid 2).
    material: str | None = None

    @property
    def asked(self) -> bool:
        """Whether any check is asked for."""
        return any(
            value is not None
            for value in (self.application, self.local_maxima, self.location, self.stated_class)
        )


@dataclass(frozen=True)
class VerdictChecks:
    """The outcome of each check asked for on one verdict (``None``: not asked)."""

    emission: EmissionScreening | None = None
    large_scale: LargeScaleCheck | None = None
    local: LocalCheck | None = None
    location: ApplicationVerdict | None = None
    enforcement: EnforcementCheck | None = None


def check_verdict(verdict: Mapping[str, Any], request: CheckRequest) -> VerdictChecks:
    """Every check of ``request`` on one verdict of ``assess``.

    Raises:
        DomainError: A check cannot be made as asked: a zone the local maximum values lack, a
            class or location of the other frame, a rule set without a large-scale framework.
    """
    application = request.application
    emission = large_scale = None
    if application is not None:
        emission = emission_screening(
            dict(verdict),
            below_water_level_same_manager=application.below_water_level_exception,
        )
        large_scale = large_scale_check(dict(verdict), application)
    return VerdictChecks(
        emission=emission,
        large_scale=large_scale,
        local=(
            local_check(
                dict(verdict),
                request.local_maxima,
                zone=request.local_zone,
                material=request.material
                or (request.location.material if request.location is not None else None),
            )
            if request.local_maxima is not None
            else None
        ),
        location=(
            location_check(verdict, request.location) if request.location is not None else None
        ),
        enforcement=(
            enforcement_check(verdict, request.stated_class)
            if request.stated_class is not None
            else None
        ),
    )


def check_verdicts(
    verdicts: Sequence[Mapping[str, Any]], request: CheckRequest
) -> dict[str, VerdictChecks]:
    """``check_verdict`` for each verdict, by its sample (or the batch)."""
    return {verdict["sample"]: check_verdict(verdict, request) for verdict in verdicts}
