"""Large-scale applications: the emission shortcut of Rbk art 4.12.1 (Bbk art 63).

A large-scale application (at least 2 m thick and 5,000 m³) must meet the maximum emission
values of Bijlage B (Rbk art 4.12.1 lid 1). Those are leaching results (mg/kg at L/S 10 from a
column test, art 4.3.3 lid 2), which a lab file of contents does not hold. The regulation gives
a shortcut on contents: the emission values count as met when the mean contents of the measured
substances do not exceed the *emissietoetswaarden* (lid 2 on land, lid 3 a in water), compared
after standardisation to standard soil (art 4.2.1 lid 1 c and lid 2 e) and with the reporting-
limit rules of Bijlage G IV (art 4.12.1 lid 4, art 4.2.2 lid 7). In water the shortcut also
holds when the application lies below the water level in the area of the water manager the
dredgings come from (lid 3 b). Where the shortcut fails, the batch is not refused: a column test
must show the maximum emission values are met.

This screens the emission only; the batch must also meet Industrie (land) or the Industrie and
intervention values (water) and the other rules of art 63, which ``application_check`` and the
class verdict cover.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from typing import Any, Final

import polars as pl

from kwalibo.assessments.domain.classification import exceeds
from kwalibo.assessments.domain.rules import load_rule_set
from kwalibo.common.domain.errors import N_, DomainError

ART_LAND: Final = "Rbk art 4.12.1 lid 2; art 4.2.1 lid 1 onder c"
ART_WATER: Final = "Rbk art 4.12.1 lid 3 onder a; art 4.2.1 lid 2 onder e"
ART_BELOW_WATER_LEVEL: Final = "Rbk art 4.12.1 lid 3 onder b"

REASON_MET: Final = N_(
    "The mean contents do not exceed the emission test values: the maximum emission values "
    "count as met without a column test."
)
REASON_EXCEEDED: Final = N_(
    "The mean contents exceed the emission test values for %(substances)s: a column test "
    "(NEN 7373 or NEN 7383, Rbk art 4.3.3 lid 2) must show that the maximum emission values "
    "are met."
)
REASON_UNDETERMINED: Final = N_(
    "The mean contents of %(substances)s are not known exactly (a measurement that cannot be "
    "used, or a result above the measuring range): whether the emission test values are "
    "exceeded cannot be decided."
)
REASON_BELOW_WATER_LEVEL: Final = N_(
    "The application lies below the water level in the area of the water manager the "
    "dredgings come from: the maximum emission values count as met."
)


class EmissionFrameError(DomainError):
    """The verdict is of a frame without emission values."""


@dataclass(frozen=True)
class EmissionExceedance:
    """A measured substance whose mean standardised content exceeds its emission test value."""

    substance: str
    name: str
    standardised: float
    emission_test_value: float
    max_emission_ls10: float | None


@dataclass(frozen=True)
class EmissionScreening:
    """Whether the maximum emission values count as met on contents alone (``None``: cannot
    be decided), and why.

    ``reason`` is an English template marked for translation with the parameter
    ``substances`` (the names of ``exceeded``, or else of ``undetermined``).
    ``undetermined`` are the substances with an emission test value whose mean content is not
    known exactly (ids).
    """

    met: bool | None
    exceeded: tuple[EmissionExceedance, ...]
    checked: tuple[str, ...]
    reason: str
    article: str
    undetermined: tuple[str, ...] = ()
    undetermined_names: tuple[str, ...] = ()

    @property
    def params(self) -> dict[str, str]:
        names = [item.name for item in self.exceeded] or list(self.undetermined_names)
        return {"substances": ", ".join(names)}


@functools.cache
def _emission_values(rule_set_id: str, frame: str) -> dict[str, tuple[float, float | None]]:
    """Substance -> (emission test value, maximum emission value) of the frame's table; read
    once per rule set, since a file screens thousands of verdicts."""
    norms = load_rule_set(rule_set_id).norms[frame]
    return {
        str(row["substance"]): (row["emissietoetswaarde"], row["max_emissie_ls10"])
        for row in norms.filter(pl.col("emissietoetswaarde").is_not_null())
        .select("substance", "emissietoetswaarde", "max_emissie_ls10")
        .iter_rows(named=True)
    }


def emission_screening(
    verdict: dict[str, Any], *, below_water_level_same_manager: bool = False
) -> EmissionScreening:
    """Screen one verdict of ``assess`` (a sample or the batch) for a large-scale application.

    Args:
        verdict: An element of ``Assessment.verdicts``: its frame and rule set select the
            table (Bijlage B tabel 1 on land, tabel 2 in water), its explanation gives the mean
            standardised content per substance.
        below_water_level_same_manager: Water only: the application lies below the water level
            within the area of the water manager the dredgings come from (lid 3 b).

    Raises:
        EmissionFrameError: A frame other than ``grond`` or ``waterbodem``.
    """
    frame = verdict["frame"]
    if frame not in ("grond", "waterbodem"):
        raise EmissionFrameError(
            N_("Emission values exist for the frames grond and waterbodem, not %(frame)s."),
            frame=frame,
        )
    if frame == "waterbodem" and below_water_level_same_manager:
        return EmissionScreening(True, (), (), REASON_BELOW_WATER_LEVEL, ART_BELOW_WATER_LEVEL)
    values = _emission_values(verdict["rule_set"], frame)
    checked: list[str] = []
    exceeded: list[EmissionExceedance] = []
    # contents not known exactly: left out (an input error) or a lower bound (">5000")
    undetermined = [s for s in verdict.get("undetermined_parameters", ()) if s in values]
    names: dict[str, str] = {}
    if undetermined:
        substance_names = load_rule_set(verdict["rule_set"]).substance_names()
        names = {s: substance_names.get(s, s) for s in undetermined}
    for parameter in verdict["explanation"]["parameters"]:
        substance = parameter["parameter"]
        if substance not in values or parameter.get("standardised") is None:
            continue
        checked.append(substance)
        test_value, max_emission = values[substance]
        if parameter.get("compliance_assumed"):
            continue  # every result below the required reporting limit (Bijlage G IV A)
        if exceeds(
            parameter["standardised"], test_value, lower_bound=bool(parameter.get("lower_bound"))
        ):
            exceeded.append(
                EmissionExceedance(
                    substance,
                    parameter["name"],
                    float(parameter["standardised"]),
                    float(test_value),
                    None if max_emission is None else float(max_emission),
                )
            )
        elif parameter.get("lower_bound"):
            undetermined.append(substance)
            names[substance] = parameter["name"]
    article = ART_LAND if frame == "grond" else ART_WATER
    undetermined_names = tuple(names[s] for s in undetermined)
    if exceeded:
        met: bool | None = False
        reason = REASON_EXCEEDED
    elif undetermined:
        met, reason = None, REASON_UNDETERMINED
    else:
        met, reason = True, REASON_MET
    return EmissionScreening(
        met,
        tuple(exceeded),
        tuple(checked),
        reason,
        article,
        tuple(undetermined),
        undetermined_names,
    )


__all__ = ["EmissionExceedance", "EmissionScreening", "emission_screening"]
