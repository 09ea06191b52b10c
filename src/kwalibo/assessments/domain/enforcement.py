"""Does an enforcement investigation establish a violation? (Rbk 2015 art 4.13.1, Bbk art 37.)

An inspector samples a batch that was applied, or offered, as meeting a quality class (the
class of its declaration, or the class the location allows). The lab results are assessed as
usual (``assess``, as a batch for a batch inspection: art 4.13.1 lid 1 refers to art 4.3.3);
``enforcement_check`` then tells whether they show a violation of Bbk art 37 lid 1: the
maximum values of art 4.2.2 for that class exceeded by **at least a factor 1.4**, whatever the
heterogeneity of the batch (art 4.13.1 lid 2). The factor is rule data (the manifest's
``enforcement_factor``).

* Stated class Wonen, Industrie, klasse A or klasse B: a violation when the mean standardised
  content of a substance is at least 1.4 times that class's maximum value. Where the column
  has no value, tabel 1 and 2 opmerking 2 make a content above the AW class Industrie (B): so
  for Wonen (klasse A) the AW is the maximum value of such a substance, and for Industrie
  (klasse B) it has none.
* A tare-soil substance that is exempt (art 4.14) has no class values: it shows no violation.
* Stated class achtergrondwaarde: the background values with their allowance (art 4.2.2 lid
  4, 5 and 8) are the maximum values, so the allowance is applied to the contents divided by
  1.4: a violation when more substances than the allowance permits are at least 1.4 times
  their AW, or one of them is at least 1.4 times 2 × AW or 1.4 times the Wonen value (nickel:
  2 × AW only). Interpretation: the regulation does not say how the factor combines with the
  allowance; this reading treats the allowance as part of the maximum value, as art 4.2.2 does.
* "Ten minste een factor 1,4": a content exactly 1.4 times the value is a violation.
* A content that may be assumed to comply (Bijlage G IV A) never shows a violation.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any, Final

import polars as pl

from kwalibo.assessments.domain.catalogue import catalogue
from kwalibo.assessments.domain.classification import (
    AW_ALLOWANCE_FACTOR,
    CLASSES,
    LIMIT_TOLERANCE,
    WONEN_CAP_EXEMPT,
    allowance_for,
)
from kwalibo.assessments.domain.rules import RuleSet, load_rule_set
from kwalibo.common.domain.errors import N_, DomainError

#: The limit column of the verdict's explanation per stated class.
LIMIT_OF_CLASS: Final = {
    "wonen": "wonen",
    "industrie": "industrie",
    "klasse_A": "klasse_A",
    "klasse_B": "klasse_B",
}

REASON_VIOLATION: Final = N_(
    "The investigation shows the maximum values of class %(class)s exceeded by at least a "
    "factor %(factor)s for %(substances)s: a violation of Bbk art 37 lid 1 (Rbk art 4.13.1 "
    "lid 2)."
)
REASON_NO_VIOLATION: Final = N_(
    "The investigation does not show the maximum values of class %(class)s exceeded by a "
    "factor %(factor)s or more: no violation of Bbk art 37 lid 1 is established (Rbk art "
    "4.13.1 lid 2)."
)
REASON_NO_VIOLATION_LOWER_BOUND: Final = N_(
    "The investigation does not show the maximum values of class %(class)s exceeded by a "
    "factor %(factor)s or more with the results above the measuring range taken at their "
    "number (%(substances)s); a higher content could show it, so no violation of Bbk art 37 "
    "lid 1 is established as yet (Rbk art 4.13.1 lid 2)."
)
REASON_NO_VIOLATION_UNDETERMINED: Final = N_(
    "The investigation does not show the maximum values of class %(class)s exceeded by a "
    "factor %(factor)s or more without the results that could not be used (%(substances)s); "
    "their contents could show it, so no violation of Bbk art 37 lid 1 is established as yet "
    "(Rbk art 4.13.1 lid 2)."
)
REASON_ALLOWANCE_EXCEEDED: Final = N_(
    "The investigation shows %(count)s substances at least %(factor)s times their background "
    "value where the allowance permits %(allowed)s (%(substances)s): a violation of Bbk art 37 "
    "lid 1 (Rbk art 4.13.1 lid 2, art 4.2.2 lid 4 and 5)."
)


class EnforcementError(DomainError):
    """The stated class cannot be enforced in the verdict's frame, or the rule set has no
    enforcement factor."""


@dataclass(frozen=True)
class EnforcementExceedance:
    """A substance whose content is at least the factor times the limit it is held to."""

    substance: str
    name: str
    standardised: float
    limit: float
    ratio: float


@dataclass(frozen=True)
class EnforcementCheck:
    """Whether the investigation establishes a violation, why, and what exceeds.

    ``reason`` is an English template marked for translation with ``params``.
    """

    violation: bool
    stated_class: str
    factor: float
    reason: str
    params: dict[str, str]
    article: str
    exceeded: tuple[EnforcementExceedance, ...]


def _at_least(value: float, limit: float) -> bool:
    """``value >= limit``, where a value at the limit in exact arithmetic counts as at it."""
    return value >= limit * (1 - LIMIT_TOLERANCE)


def _number(value: float) -> str:
    return f"{value:g}"


#: The classes an enforcement investigation can state per frame: any below niet_toepasbaar.
STATED_CLASSES: Final = {frame: classes[:-1] for frame, classes in CLASSES.items()}


def enforcement_check(verdict: Mapping[str, Any], stated_class: str) -> EnforcementCheck:
    """Test a verdict of an enforcement investigation against the class the batch had to meet.

    Raises:
        EnforcementError: ``stated_class`` is not a class of the verdict's frame below
            ``niet_toepasbaar``, or the rule set has no enforcement factor.
    """
    frame = verdict["frame"]
    classes = STATED_CLASSES[frame]
    if stated_class not in classes:
        raise EnforcementError(
            N_("Unknown stated class %(name)s; expected one of %(expected)s."),
            name=stated_class,
            expected=", ".join(classes),
        )
    rules = load_rule_set(verdict["rule_set"])
    if rules.enforcement_factor is None:
        raise EnforcementError(
            N_("Rule set %(rule_set)s has no enforcement factor."), rule_set=rules.id
        )
    factor = rules.enforcement_factor
    article = rules.article("enforcement")
    tested = [
        p
        for p in verdict["explanation"]["parameters"]
        if p.get("standardised") is not None
        and not p.get("compliance_assumed")
        and not p.get("tare_exempt")
    ]
    params = {"class": stated_class, "factor": _number(factor)}
    if stated_class == "achtergrondwaarde":
        return _background(verdict, tested, factor, article, params)
    column = LIMIT_OF_CLASS[stated_class]
    exceeded = tuple(
        EnforcementExceedance(
            p["parameter"], p["name"], float(p["standardised"]), limit, p["standardised"] / limit
        )
        for p in tested
        if (limit := _maximum(p["limits"], column)) is not None
        and limit > 0
        and _at_least(p["standardised"], factor * limit)
    )
    if exceeded:
        names = ", ".join(item.name for item in exceeded)
        return EnforcementCheck(
            True,
            stated_class,
            factor,
            REASON_VIOLATION,
            params | {"substances": names},
            article,
            exceeded,
        )
    return _no_violation(
        stated_class, factor, params, article, tested, _undetermined_names(verdict, rules)
    )


#: The lower class of each frame: with no value of its own, its maximum is the AW.
_BELOW_EMPTY_COLUMN: Final = frozenset({"wonen", "klasse_A"})


def _maximum(limits: Mapping[str, float | None], column: str) -> float | None:
    """The maximum value of a class for one substance (see the module docstring)."""
    limit = limits.get(column)
    if limit is None and column in _BELOW_EMPTY_COLUMN:
        return limits.get("achtergrondwaarde")
    return limit


def _allowance_caps(rule_set: RuleSet, frame: str) -> dict[str, float | None]:
    """Per substance of the land table (as the frame's catalogue attaches it: the water bed's
    OCB sum is another sum than the land one) its Wonen value, ``None`` where it has none: the
    caps of the background-value allowance (art 4.2.2 lid 5; ``classification``)."""
    substances = catalogue(rule_set, frame).substances
    aw, wonen = ("aw", "wonen") if frame == "grond" else ("land_aw", "land_wonen")
    rows = substances.filter(pl.col(aw).is_not_null()).select(
        pl.col("id").cast(pl.Utf8), pl.col(wonen)
    )
    return dict(rows.iter_rows())


def _background(
    verdict: Mapping[str, Any],
    tested: list[dict[str, Any]],
    factor: float,
    article: str,
    params: dict[str, str],
) -> EnforcementCheck:
    """Stated class achtergrondwaarde: the allowance of art 4.2.2 lid 4, 5, 8 on content / 1.4."""
    caps = _allowance_caps(load_rule_set(verdict["rule_set"]), verdict["frame"])
    elevated = []
    over_cap = []
    # A substance without an AW is of background quality up to the next class value (asbestos
    # on land: Wonen; classification.py); outside the allowance.
    next_class = "wonen" if verdict["frame"] == "grond" else "klasse_A"
    for p in tested:
        aw = p["limits"].get("achtergrondwaarde")
        value = float(p["standardised"])
        if aw is None:
            bound = p["limits"].get(next_class)
            if bound is not None and bound > 0 and _at_least(value, factor * bound):
                over_cap.append(
                    EnforcementExceedance(p["parameter"], p["name"], value, bound, value / bound)
                )
            continue
        if aw <= 0:
            continue
        if not _at_least(value, factor * aw):
            continue
        item = EnforcementExceedance(p["parameter"], p["name"], value, aw, value / aw)
        elevated.append(item)
        cap = AW_ALLOWANCE_FACTOR * aw
        if p["parameter"] not in WONEN_CAP_EXEMPT and p["parameter"] in caps:
            # the Wonen value of tabel 1; a land row without one is Industrie above its AW
            # (opmerking 2): the allowance forgives it nothing, as in the class
            cap = min(cap, caps[p["parameter"]] if caps[p["parameter"]] is not None else aw)
        if _at_least(value, factor * cap):
            over_cap.append(item)
    allowed = allowance_for(int(verdict["allowance"]["measured"]))
    if over_cap:
        names = ", ".join(item.name for item in over_cap)
        return EnforcementCheck(
            True,
            "achtergrondwaarde",
            factor,
            REASON_VIOLATION,
            params | {"substances": names},
            article,
            tuple(over_cap),
        )
    if len(elevated) > allowed:
        names = ", ".join(item.name for item in elevated)
        return EnforcementCheck(
            True,
            "achtergrondwaarde",
            factor,
            REASON_ALLOWANCE_EXCEEDED,
            params | {"substances": names, "count": str(len(elevated)), "allowed": str(allowed)},
            article,
            tuple(elevated),
        )
    return _no_violation(
        "achtergrondwaarde",
        factor,
        params,
        article,
        tested,
        _undetermined_names(verdict, load_rule_set(verdict["rule_set"])),
    )


def _undetermined_names(verdict: Mapping[str, Any], rules: RuleSet) -> list[str]:
    """The names of the parameters whose measurement could not be used (the verdict's
    ``undetermined_parameters``)."""
    names = rules.substance_names()
    return [names.get(s, s) for s in verdict.get("undetermined_parameters", ())]


def _no_violation(
    stated_class: str,
    factor: float,
    params: dict[str, str],
    article: str,
    tested: list[dict[str, Any]],
    undetermined: list[str] | None = None,
) -> EnforcementCheck:
    """No violation shown; said so with a reservation where a tested content is only a lower
    bound (a result above the measuring range) or a measurement could not be used ("1O0")."""
    bounded = [p["name"] for p in tested if p.get("lower_bound")]
    reason, unknown = (
        (REASON_NO_VIOLATION_UNDETERMINED, undetermined)
        if undetermined
        else (REASON_NO_VIOLATION_LOWER_BOUND, bounded)
        if bounded
        else (REASON_NO_VIOLATION, [])
    )
    if unknown:
        params = params | {"substances": ", ".join(unknown)}
    return EnforcementCheck(False, stated_class, factor, reason, params, article, ())


__all__ = [
    "EnforcementCheck",
    "EnforcementError",
    "EnforcementExceedance",
    "enforcement_check",
]
