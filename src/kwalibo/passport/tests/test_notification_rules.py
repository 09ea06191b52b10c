"""The fields and the term of a notification (Bbk art 42)."""

import dataclasses
import datetime as dt
from decimal import Decimal

from kwalibo.passport.domain.notifications import (
    Framework,
    NotificationDraft,
    NotificationKind,
    final_destination_due,
    notification_refusals,
    notification_required,
    required_fields,
)

DRAFT = NotificationDraft(
    kind=NotificationKind.APPLICATION,
    filed_on=dt.date(2025, 3, 10),
    starts_on=dt.date(2025, 3, 17),
    applier="Grondwerken Oost B.V., Industrieweg 4, 7511AB Enschede",
    framework=Framework.GENERIC,
    declaration="MVB-2025-AAAAA11111",
    origin="Stationsweg 1, Enschede",
    quantity_m3=Decimal("120"),
    location="Kanaaldijk, Hengelo",
    on_land=True,
    quality_class="wonen",
    function_class="industrie",
    batch_class="wonen",
)


def test_a_complete_notification_in_time_is_accepted() -> None:
    assert notification_refusals(DRAFT) == []


def test_a_late_notification_is_refused_with_the_last_filing_day() -> None:
    late = dataclasses.replace(DRAFT, filed_on=dt.date(2025, 3, 11))
    [refusal] = notification_refusals(late)
    assert refusal.field == "starts_on"
    assert refusal.params == {"starts_on": "2025-03-17", "latest": "2025-03-10"}


def test_missing_fields_are_named_with_their_letter_of_article_42() -> None:
    incomplete = dataclasses.replace(DRAFT, origin="", quantity_m3=None, function_class=" ")
    refusals = notification_refusals(incomplete)
    assert [(r.field, r.params["letter"]) for r in refusals] == [
        ("origin", "d"),
        ("quantity_m3", "e"),
        ("function_class", "h"),
    ]


def test_function_class_is_not_asked_in_water_nor_classes_outside_the_generic_framework() -> None:
    assert "function_class" not in required_fields(dataclasses.replace(DRAFT, on_land=False))
    assert required_fields(dataclasses.replace(DRAFT, framework=Framework.AREA_SPECIFIC)) == [
        "applier", "framework", "declaration", "origin", "quantity_m3", "location",
    ]  # fmt: skip


def test_storage_asks_the_planned_duration_and_not_the_framework() -> None:
    storage = dataclasses.replace(
        DRAFT, kind=NotificationKind.STORAGE, framework=None, duration_days=None
    )
    assert [r.field for r in notification_refusals(storage)] == ["duration_days"]


def test_storage_longer_than_three_years_on_land_is_refused() -> None:
    storage = dataclasses.replace(DRAFT, kind=NotificationKind.STORAGE, duration_days=1097)
    assert [r.params for r in notification_refusals(storage)] == [{"days": 1096}]


def test_long_storage_must_report_its_final_destination_within_six_months() -> None:
    storage = dataclasses.replace(DRAFT, kind=NotificationKind.STORAGE, duration_days=365)
    assert final_destination_due(storage) == dt.date(2025, 9, 16)
    assert final_destination_due(dataclasses.replace(storage, duration_days=90)) is None


def test_background_quality_needs_only_applier_and_location_from_50_m3_and_nothing_below() -> None:
    clean = dataclasses.replace(DRAFT, batch_class="achtergrondwaarde", origin="", framework=None)
    assert required_fields(clean) == ["applier", "location"]
    assert notification_refusals(clean) == []
    assert (
        notification_required(batch_class="achtergrondwaarde", quantity_m3=Decimal("49.9")) is False
    )
    assert notification_required(batch_class="achtergrondwaarde", quantity_m3=Decimal("50")) is True
    assert notification_required(batch_class="wonen", quantity_m3=Decimal("1")) is True
    assert (
        notification_required(
            batch_class="achtergrondwaarde", quantity_m3=Decimal("1"), territorial_sea=True
        )
        is True
    )
