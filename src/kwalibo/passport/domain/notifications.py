"""Notifications (meldingen) of applying and temporarily storing soil or dredgings.

Source: Bbk art 42 (2015 text; `data/meldingen.csv` of the domain dossier, §4.3).

* Whoever intends to apply soil or dredgings (Bbk art 35 a-i, except f) notifies the Minister
  at least five working days ahead (lid 1; working days: `working_days`).
* An application (art 35 a-e, g) gives at least (lid 2): a. name and address of the
  applier; b. the assessment framework (*toetsingskader*); c. the declaration (MvB);
  d. the place of origin; e. the quantity; f. the application location; g. under the generic
  framework, the soil-quality class (*bodemkwaliteitsklasse*); h. under the generic framework
  on land, the soil-function class (*bodemfunctieklasse*).
* Temporary storage (art 35 h, i) gives a and c-f, for h also g, and the planned duration
  (lid 3); when that is longer than six months, the final destination is reported within that
  term (lid 4). Storage lasts at most three years on land, ten years in surface water
  (art 35 h) and three years on plots beside the watercourse (art 35 i).
* Soil of background quality (Bbk art 39): below 50 m³ no notification (lid 8 c); from 50 m³
  a one-time notification of a and f only (lid 9); not in the territorial sea (lid 10).
* The Minister forwards the notification to the competent authority without delay (lid 7):
  here it is visible to environmental services and the inspectorate as soon as it is filed.

Interpretation: the quality class of g and the function class of h are those of the
receiving soil at the application location (the batch's own class travels in its MvB).
"""

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal
from enum import StrEnum

from kwalibo.common.domain.errors import N_
from kwalibo.passport.domain.working_days import (
    notification_in_time,
    notification_latest_filing_day,
)

BACKGROUND = "achtergrondwaarde"
BACKGROUND_THRESHOLD_M3 = Decimal("50")  # Bbk art 42 lid 8 c, lid 9
LONG_STORAGE_DAYS = 183  # "langer dan zes maanden", art 42 lid 4
MAX_STORAGE_YEARS = {"land": 3, "water": 10, "beside_watercourse": 3}  # Bbk art 35 h, i


class NotificationKind(StrEnum):
    APPLICATION = "application"  # Bbk art 35 a-e, g
    STORAGE = "temporary_storage"  # Bbk art 35 h, i

    @property
    def label(self) -> str:
        return _KIND_LABELS[self]


_KIND_LABELS = {
    NotificationKind.APPLICATION: N_("application of soil or dredgings"),
    NotificationKind.STORAGE: N_("temporary storage of soil or dredgings"),
}


class Framework(StrEnum):
    """The assessment framework (toetsingskader) of Bbk chapter 4, section 2."""

    GENERIC = "generic"  # Bbk §2 (art 54-61)
    AREA_SPECIFIC = "area_specific"  # Bbk §1 (art 44-53)
    LARGE_SCALE = "large_scale"  # Bbk §3 (art 62-64)

    @property
    def label(self) -> str:
        return _FRAMEWORK_LABELS[self]


_FRAMEWORK_LABELS = {
    Framework.GENERIC: N_("generic framework"),
    Framework.AREA_SPECIFIC: N_("area-specific framework"),
    Framework.LARGE_SCALE: N_("large-scale application"),
}

#: Field → (letter of Bbk art 42 lid 2, English label marked for translation).
FIELDS: dict[str, tuple[str, str]] = {
    "applier": ("a", N_("name and address of the applier")),
    "framework": ("b", N_("assessment framework")),
    "declaration": ("c", N_("soil-quality declaration (MvB)")),
    "origin": ("d", N_("place of origin")),
    "quantity_m3": ("e", N_("quantity")),
    "location": ("f", N_("application location")),
    "quality_class": ("g", N_("soil-quality class")),
    "function_class": ("h", N_("soil-function class")),
    "duration_days": ("lid 3", N_("planned duration")),
}


@dataclass(frozen=True)
class NotificationDraft:
    """The data of a notification as filed; empty strings and None mean "not given"."""

    kind: NotificationKind
    filed_on: dt.date
    starts_on: dt.date
    applier: str
    framework: Framework | None
    declaration: str
    origin: str
    quantity_m3: Decimal | None
    location: str
    on_land: bool
    quality_class: str
    function_class: str
    batch_class: str
    duration_days: int | None = None
    storage_setting: str = "land"  # land | water | beside_watercourse (art 35 h, i)
    territorial_sea: bool = False


@dataclass(frozen=True)
class Refusal:
    """Why a notification is refused: per field a message template with parameters."""

    field: str
    template: str
    params: dict[str, object]


def notification_required(
    *, batch_class: str, quantity_m3: Decimal, territorial_sea: bool = False
) -> bool:
    """Whether the application must be notified at all (Bbk art 42 lid 8 c, lid 10)."""
    return not (
        batch_class == BACKGROUND and quantity_m3 < BACKGROUND_THRESHOLD_M3 and not territorial_sea
    )


def required_fields(draft: NotificationDraft) -> list[str]:
    """The fields the law requires for this notification (Bbk art 42 lid 2, 3, 9)."""
    if (
        draft.batch_class == BACKGROUND
        and not draft.territorial_sea
        and draft.kind is NotificationKind.APPLICATION
    ):
        return ["applier", "location"]  # one-time notification, lid 9
    if draft.kind is NotificationKind.STORAGE:
        fields = ["applier", "declaration", "origin", "quantity_m3", "location", "duration_days"]
        if draft.storage_setting != "beside_watercourse":  # art 35 h (not i) also gives g
            fields.append("quality_class")
        return fields
    fields = ["applier", "framework", "declaration", "origin", "quantity_m3", "location"]
    if draft.framework is Framework.GENERIC:
        fields.append("quality_class")
        if draft.on_land:
            fields.append("function_class")
    return fields


def _given(draft: NotificationDraft, field: str) -> bool:
    value = getattr(draft, field)
    if isinstance(value, str):
        return bool(value.strip())
    return value is not None


def notification_refusals(draft: NotificationDraft) -> list[Refusal]:
    """Everything that makes the notification late or incomplete; empty when it may be filed."""
    refusals: list[Refusal] = []
    if not notification_in_time(filed_on=draft.filed_on, starts_on=draft.starts_on):
        refusals.append(
            Refusal(
                "starts_on",
                N_(
                    "Too late: for a start on %(starts_on)s the notification had to be filed "
                    "on %(latest)s at the latest (five working days ahead, Bbk art 42 lid 1)."
                ),
                {
                    "starts_on": draft.starts_on.isoformat(),
                    "latest": notification_latest_filing_day(draft.starts_on).isoformat(),
                },
            )
        )
    for field in required_fields(draft):
        if not _given(draft, field):
            letter, label = FIELDS[field]
            refusals.append(
                Refusal(
                    field,
                    N_("Missing: %(label)s (Bbk art 42, %(letter)s)."),
                    {"label": label, "letter": letter},
                )
            )
    if draft.quantity_m3 is not None and draft.quantity_m3 <= 0:
        refusals.append(Refusal("quantity_m3", N_("The quantity must be positive."), {}))
    if draft.kind is NotificationKind.STORAGE and draft.duration_days is not None:
        limit = max_storage_days(draft.starts_on, draft.storage_setting)
        if draft.duration_days <= 0 or draft.duration_days > limit:
            refusals.append(
                Refusal(
                    "duration_days",
                    N_("Temporary storage here lasts at most %(days)s days (Bbk art 35 h, i)."),
                    {"days": limit},
                )
            )
    return refusals


def max_storage_days(starts_on: dt.date, setting: str) -> int:
    """The longest storage starting on `starts_on` in `setting`, in days (Bbk art 35 h, i)."""
    years = MAX_STORAGE_YEARS.get(setting, MAX_STORAGE_YEARS["land"])
    try:
        until = starts_on.replace(year=starts_on.year + years)
    except ValueError:  # 29 February
        until = dt.date(starts_on.year + years, 3, 1)
    return (until - starts_on).days


def final_destination_due(draft: NotificationDraft) -> dt.date | None:
    """When the final destination of a long storage must be reported (Bbk art 42 lid 4)."""
    if draft.kind is not NotificationKind.STORAGE or draft.duration_days is None:
        return None
    if draft.duration_days <= LONG_STORAGE_DAYS:
        return None
    return draft.starts_on + dt.timedelta(days=LONG_STORAGE_DAYS)
