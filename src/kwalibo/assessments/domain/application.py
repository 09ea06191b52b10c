"""May a batch be applied here? The double test of the generic framework (Bbk 2015 art 55-59).

Land (frame ``grond``; Bbk art 35 a-e, art 39, 55, 56, 58, 59 lid 1; Rbk art 4.4.1, 4.9, 4.10.2):

* A batch that does not exceed the background values (class ``achtergrondwaarde``) may be
  applied freely: the assessment frameworks do not apply to it (Bbk art 39).
* A batch above the intervention values has no quality class and falls outside the soil
  chapter (class ``niet_toepasbaar``; Rbk art 4.4.1 lid 6, Bbk art 36 lid 2 a). A batch
  between Industrie and the intervention values (also ``niet_toepasbaar``) is soil, but the
  generic framework has no location for it, since art 59 lid 1 caps at the Industrie values;
  only local maximum values can allow it (art 44). The verdict's ``intervention_exceeded``
  tells the two apart.
* Without a soil-function map only background-quality soil may be applied (art 55 lid 4); the
  same holds where the receiving soil meets the background values or no function class Wonen
  or Industrie applies (art 56 lid 1).
* Otherwise the batch must meet both the maximum values of the soil function class of the
  location and those of the quality class of the receiving soil (art 59 lid 1 a and b): its
  class may not be above either. The quality class of the receiving soil must be known: where
  the competent authority has no map of it, the applicant determines it (art 58 lid 1), so
  without it the test cannot pass.
* Interpretation: receiving soil above the Industrie values (``niet_toepasbaar``) is treated as
  quality class Industrie, the highest class art 57 and Rbk art 4.10.2 lid 5 define.

Water (frame ``waterbodem``; Bbk art 55 lid 5, 56, 59 lid 2 and 3; Rbk art 4.4.1 lid 3-4, 4.10.3):

* Class ``achtergrondwaarde`` may always be applied; ``niet_toepasbaar`` (above class B, the
  intervention value of the water bed) never.
* Function classes do not apply in surface water (art 55 lid 5); the batch may not exceed the
  quality class of the receiving water bed (art 59 lid 2), and a water bed at background
  quality receives only background-quality material (art 56 lid 1).
* Soil (not dredgings) applied in surface water may in addition not exceed the Industrie values
  of the land table (art 59 lid 3), so its land class is needed too.

Spreading dredgings (art 35 f, g; art 60), large-scale applications (art 63) and the
area-specific framework with local maximum values (art 44-53) are outside this test.

``location_check`` runs the test on a verdict of ``assess`` and what the applicant states
about the location (``Location``): the batch class comes from the verdict, and for soil in
surface water the Industrie test of art 59 lid 3 from the verdict's own Industrie limits
(Rbk Bijlage B tabel 2 voetnoot 3), so no second assessment in the land frame is needed.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any, Final

from kwalibo.assessments.domain.classification import LAND_CLASSES, WATER_CLASSES, exceeds
from kwalibo.common.domain.errors import N_, DomainError

#: Function classes of a soil-function map (Bbk art 55 lid 1); ``achtergrondwaarde`` stands
#: for a location where neither Wonen nor Industrie applies (art 56 lid 1).
FUNCTION_CLASSES: Final = ("achtergrondwaarde", "wonen", "industrie")
MATERIALS: Final = ("grond", "baggerspecie")

ART_FREE: Final = "Bbk art 39"
ART_NOT_APPLICABLE: Final = "Bbk art 36 lid 2 onder a; Rbk art 4.4.1 lid 6"
ART_NO_MAP: Final = "Bbk art 55 lid 4"
ART_BACKGROUND_ONLY: Final = "Bbk art 56 lid 1"
ART_RECEIVING_UNKNOWN: Final = "Bbk art 58 lid 1"
ART_LAND: Final = "Bbk art 59 lid 1"
ART_WATER: Final = "Bbk art 59 lid 2"
ART_SOIL_IN_WATER: Final = "Bbk art 59 lid 3"

REASON_FREE: Final = N_(
    "The batch does not exceed the background values and may be applied freely (Bbk art 39)."
)
REASON_NOT_APPLICABLE: Final = N_(
    "The batch exceeds the intervention values or the Industrie values (class B in water) and "
    "may not be applied under the generic framework."
)
REASON_ABOVE_INTERVENTION: Final = N_(
    "The batch exceeds the intervention values: it is not soil that the generic framework "
    "allows to be applied (Bbk art 36 lid 2 onder a)."
)
REASON_ABOVE_INDUSTRIE: Final = N_(
    "The batch exceeds the Industrie values, the highest maximum values of the generic "
    "framework, so no location allows it (Bbk art 59 lid 1); only local maximum values can "
    "(Bbk art 44)."
)
REASON_NO_MAP: Final = N_(
    "There is no soil-function map for the location, so only batches at background quality "
    "may be applied (Bbk art 55 lid 4)."
)
REASON_NO_FUNCTION_CLASS: Final = N_(
    "Neither function class Wonen nor Industrie applies at the location, so only batches at "
    "background quality may be applied (Bbk art 56 lid 1)."
)
REASON_RECEIVING_BACKGROUND: Final = N_(
    "The receiving soil meets the background values, so only batches at background quality "
    "may be applied (Bbk art 56 lid 1)."
)
REASON_RECEIVING_UNKNOWN: Final = N_(
    "The quality class of the receiving soil is not known; it must be determined first "
    "(Bbk art 58 lid 1)."
)
REASON_ABOVE_FUNCTION: Final = N_(
    "The batch exceeds the maximum values of the soil function class of the location "
    "(Bbk art 59 lid 1 onder a)."
)
REASON_ABOVE_RECEIVING: Final = N_(
    "The batch exceeds the maximum values of the quality class of the receiving soil "
    "(Bbk art 59 lid 1 onder b)."
)
REASON_WITHIN_BOTH: Final = N_(
    "The batch meets the maximum values of both the function class of the location and the "
    "quality class of the receiving soil (Bbk art 59 lid 1)."
)
REASON_RECEIVING_ABOVE_INDUSTRIE: Final = N_(
    "The receiving soil exceeds the Industrie values; it is treated as quality class Industrie."
)
REASON_ABOVE_WATER_BED: Final = N_(
    "The batch exceeds the maximum values of the quality class of the receiving water bed "
    "(Bbk art 59 lid 2)."
)
REASON_WITHIN_WATER_BED: Final = N_(
    "The batch meets the maximum values of the quality class of the receiving water bed "
    "(Bbk art 59 lid 2)."
)
REASON_WATER_BED_ABOVE_B: Final = N_(
    "The receiving water bed exceeds the class B values; it is treated as quality class B."
)
REASON_SOIL_IN_WATER_ABOVE_INDUSTRIE: Final = N_(
    "Soil applied in surface water may not exceed the Industrie values of the land table "
    "(Bbk art 59 lid 3)."
)
REASON_BATCH_UNCLASSIFIED: Final = N_(
    "The batch has no quality class (no parameter could be assessed), so it cannot be "
    "tested against the location."
)
REASON_BATCH_UNDECIDED: Final = N_(
    "The batch has no quality class (a result above the measuring range of the lab leaves it "
    "open), so it cannot be tested against the location."
)
REASON_BATCH_INPUT_ERROR: Final = N_(
    "The batch has no quality class (a measurement that cannot be used leaves it open), so it "
    "cannot be tested against the location."
)
REASON_SOIL_IN_WATER_UNKNOWN: Final = N_(
    "Soil applied in surface water must meet the Industrie values of the land table "
    "(Bbk art 59 lid 3); its land class is not known."
)


class UnknownClassError(DomainError):
    """A class name that is not a quality or function class of the frame."""


@dataclass(frozen=True)
class ApplicationVerdict:
    """Whether the batch may be applied, why, and the article that decides.

    ``reasons`` are English sentences marked for translation (pass each through ``gettext``).
    """

    allowed: bool
    reasons: tuple[str, ...]
    article: str


#: One message per kind of name, so that each translates as a whole sentence.
_UNKNOWN: Final = {
    "quality class": N_("Unknown quality class %(name)s; expected one of %(expected)s."),
    "function class": N_("Unknown soil function class %(name)s; expected one of %(expected)s."),
    "material": N_("Unknown material %(name)s; expected one of %(expected)s."),
    "frame": N_("Unknown frame %(name)s; expected one of %(expected)s."),
}


def _level(name: str, classes: tuple[str, ...], what: str) -> int:
    if name not in classes:
        raise UnknownClassError(_UNKNOWN[what], name=name, expected=", ".join(classes))
    return classes.index(name)


def application_check(
    *,
    frame: str,
    batch_class: str,
    function_class: str | None,
    receiving_quality_class: str | None,
    material: str = "baggerspecie",
    land_class: str | None = None,
    intervention_exceeded: bool | None = None,
) -> ApplicationVerdict:
    """The double test of Bbk art 59 for a batch of soil or dredgings (see the module docstring).

    Args:
        frame: ``grond`` (application on or in the soil) or ``waterbodem`` (in surface water).
        batch_class: The class of the batch in that frame (``assess``'s verdict class).
        function_class: Land only: ``wonen`` or ``industrie`` from the soil-function map,
            ``achtergrondwaarde`` where neither applies, ``None`` without a map. Ignored in water.
        receiving_quality_class: The quality class of the receiving soil or water bed in the
            frame's classes, ``None`` when not known.
        material: Water only: ``grond`` or ``baggerspecie``; soil must also meet Industrie.
        land_class: Water and ``material="grond"``: the batch's class in the land table.
        intervention_exceeded: Land only: whether a batch of class niet_toepasbaar exceeds
            an intervention value (outside the chapter) or only an Industrie value (above the
            generic framework); ``None`` when not known, and the reason names both.

    Raises:
        UnknownClassError: A class name that does not belong to the frame.
    """
    if frame == "grond":
        return _land(batch_class, function_class, receiving_quality_class, intervention_exceeded)
    if frame == "waterbodem":
        _level(material, MATERIALS, "material")
        return _water(batch_class, receiving_quality_class, material, land_class)
    raise UnknownClassError(_UNKNOWN["frame"], name=frame, expected="grond, waterbodem")


def _land(
    batch_class: str,
    function_class: str | None,
    receiving_quality_class: str | None,
    intervention_exceeded: bool | None,
) -> ApplicationVerdict:
    batch = _level(batch_class, LAND_CLASSES, "quality class")
    function = (
        None
        if function_class is None
        else _level(function_class, FUNCTION_CLASSES, "function class")
    )
    receiving = (
        None
        if receiving_quality_class is None
        else _level(receiving_quality_class, LAND_CLASSES, "quality class")
    )
    if batch == 0:
        return ApplicationVerdict(True, (REASON_FREE,), ART_FREE)
    if batch == len(LAND_CLASSES) - 1:
        if intervention_exceeded is False:
            return ApplicationVerdict(False, (REASON_ABOVE_INDUSTRIE,), ART_LAND)
        if intervention_exceeded:
            return ApplicationVerdict(False, (REASON_ABOVE_INTERVENTION,), ART_NOT_APPLICABLE)
        return ApplicationVerdict(False, (REASON_NOT_APPLICABLE,), ART_NOT_APPLICABLE)
    if function is None:
        return ApplicationVerdict(False, (REASON_NO_MAP,), ART_NO_MAP)
    if function == 0:
        return ApplicationVerdict(False, (REASON_NO_FUNCTION_CLASS,), ART_BACKGROUND_ONLY)
    if receiving is None:
        return ApplicationVerdict(False, (REASON_RECEIVING_UNKNOWN,), ART_RECEIVING_UNKNOWN)
    if receiving == 0:
        return ApplicationVerdict(False, (REASON_RECEIVING_BACKGROUND,), ART_BACKGROUND_ONLY)
    reasons: list[str] = []
    if receiving == len(LAND_CLASSES) - 1:
        reasons.append(REASON_RECEIVING_ABOVE_INDUSTRIE)
        receiving = len(LAND_CLASSES) - 2
    if batch > function:
        reasons.append(REASON_ABOVE_FUNCTION)
    if batch > receiving:
        reasons.append(REASON_ABOVE_RECEIVING)
    allowed = batch <= function and batch <= receiving
    if allowed:
        reasons.append(REASON_WITHIN_BOTH)
    return ApplicationVerdict(allowed, tuple(reasons), ART_LAND)


def _water(
    batch_class: str, receiving_quality_class: str | None, material: str, land_class: str | None
) -> ApplicationVerdict:
    batch = _level(batch_class, WATER_CLASSES, "quality class")
    receiving = (
        None
        if receiving_quality_class is None
        else _level(receiving_quality_class, WATER_CLASSES, "quality class")
    )
    land = None if land_class is None else _level(land_class, LAND_CLASSES, "quality class")
    if batch == len(WATER_CLASSES) - 1:
        return ApplicationVerdict(False, (REASON_NOT_APPLICABLE,), ART_NOT_APPLICABLE)
    if material == "grond":
        if land is None and batch > 0:
            return ApplicationVerdict(False, (REASON_SOIL_IN_WATER_UNKNOWN,), ART_SOIL_IN_WATER)
        if land is not None and land == len(LAND_CLASSES) - 1:
            return ApplicationVerdict(
                False, (REASON_SOIL_IN_WATER_ABOVE_INDUSTRIE,), ART_SOIL_IN_WATER
            )
    if batch == 0:
        return ApplicationVerdict(True, (REASON_FREE,), ART_FREE)
    if receiving is None:
        return ApplicationVerdict(False, (REASON_RECEIVING_UNKNOWN,), ART_RECEIVING_UNKNOWN)
    if receiving == 0:
        return ApplicationVerdict(False, (REASON_RECEIVING_BACKGROUND,), ART_BACKGROUND_ONLY)
    reasons: list[str] = []
    if receiving == len(WATER_CLASSES) - 1:
        reasons.append(REASON_WATER_BED_ABOVE_B)
        receiving = len(WATER_CLASSES) - 2
    if batch > receiving:
        reasons.append(REASON_ABOVE_WATER_BED)
        return ApplicationVerdict(False, tuple(reasons), ART_WATER)
    reasons.append(REASON_WITHIN_WATER_BED)
    return ApplicationVerdict(True, tuple(reasons), ART_WATER)


@dataclass(frozen=True)
class Location:
    """What the applicant states about the location where the batch would be applied.

    ``function_class``: land only; ``wonen`` or ``industrie`` from the soil-function map,
    ``achtergrondwaarde`` where neither applies, ``None`` where there is no map.
    ``receiving_quality_class``: the quality class of the receiving soil or water bed in the
    frame's classes, ``None`` when not known. ``material``: water only; ``grond`` or
    ``baggerspecie`` (``None``: dredgings).
    """

    function_class: str | None = None
    receiving_quality_class: str | None = None
    material: str | None = None

    def checked(self, frame: str) -> None:
        """Raise ``UnknownClassError`` for a name that is not a class of the frame, so that a
        wrong statement is refused before any verdict is shown (all or nothing)."""
        if frame == "grond":
            if self.function_class is not None:
                _level(self.function_class, FUNCTION_CLASSES, "function class")
            classes = LAND_CLASSES
        else:
            if self.material is not None:
                _level(self.material, MATERIALS, "material")
            classes = WATER_CLASSES
        if self.receiving_quality_class is not None:
            _level(self.receiving_quality_class, classes, "quality class")


#: The Industrie limit of the water table for soil applied in surface water (tabel 2 vn 3).
_SOIL_IN_WATER_LIMIT: Final = "industrie_grond_in_water"


def _exceeds_industrie_in_water(verdict: Mapping[str, Any]) -> bool:
    """Whether a parameter's value used for testing exceeds the Industrie limit of the water
    table; a value assumed to comply (all components below the reporting limit) does not."""
    for parameter in verdict["explanation"]["parameters"]:
        value = parameter.get("standardised")
        limit = parameter.get("limits", {}).get(_SOIL_IN_WATER_LIMIT)
        if value is None or limit is None or parameter.get("compliance_assumed"):
            continue
        if exceeds(value, limit, lower_bound=bool(parameter.get("lower_bound"))):
            return True
    return False


def location_check(verdict: Mapping[str, Any], location: Location) -> ApplicationVerdict:
    """May the batch of this verdict be applied at the stated location (Bbk art 59)?

    Args:
        verdict: One verdict of ``Assessment.verdicts`` (its frame, class and explanation).
        location: What is known of the location.

    Raises:
        UnknownClassError: A class name in ``location`` that does not belong to the frame.
    """
    frame = verdict["frame"]
    location.checked(frame)
    batch_class = verdict.get("class")
    if batch_class is None:
        codes = {m.get("code") for m in verdict.get("messages", ())}
        reason = (
            REASON_BATCH_UNDECIDED
            if "class_undecided_above_range" in codes
            else REASON_BATCH_INPUT_ERROR
            if "class_undecided_input_error" in codes
            else REASON_BATCH_UNCLASSIFIED
        )
        return ApplicationVerdict(
            False,
            (reason,),
            ART_LAND if frame == "grond" else ART_WATER,
        )
    if frame == "grond":
        return application_check(
            frame=frame,
            batch_class=batch_class,
            function_class=location.function_class,
            receiving_quality_class=location.receiving_quality_class,
            intervention_exceeded=bool(verdict.get("intervention_exceeded")),
        )
    material = location.material or "baggerspecie"
    land_class = None
    if material == "grond":
        land_class = "niet_toepasbaar" if _exceeds_industrie_in_water(verdict) else "industrie"
    return application_check(
        frame=frame,
        batch_class=batch_class,
        function_class=None,
        receiving_quality_class=location.receiving_quality_class,
        material=material,
        land_class=land_class,
    )


__all__ = [
    "ApplicationVerdict",
    "Location",
    "UnknownClassError",
    "application_check",
    "location_check",
]
