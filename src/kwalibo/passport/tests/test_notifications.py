"""Filing notifications (Bbk art 42) through the service: term, fields, visibility."""

import datetime as dt
from collections.abc import Callable
from decimal import Decimal

import pytest

from kwalibo.accounts.models import User
from kwalibo.audit.models import AuditEvent
from kwalibo.passport import selectors, services
from kwalibo.passport.domain.notifications import Framework, NotificationKind
from kwalibo.passport.models import Batch, Declaration, Notification
from kwalibo.passport.tests.conftest import Parties, Sites, application_check_available
from kwalibo.register.models import Organisation

pytestmark = pytest.mark.django_db
FILED = dt.date(2025, 3, 10)  # a Monday


def file_storage(disposer: User, batch: Batch, sites: Sites, **extra: object) -> Notification:
    values = {
        "actor": disposer,
        "kind": NotificationKind.STORAGE,
        "batch": batch,
        "site": sites.storage,
        "starts_on": dt.date(2025, 3, 17),
        "quantity_m3": Decimal("120"),
        "duration_days": 90,
        "filed_on": FILED,
    } | extra
    return services.notification_file(**values)  # type: ignore[arg-type]


def test_storage_notification_five_working_days_ahead_is_filed(
    declaration: Declaration, batch: Batch, disposer: User, sites: Sites
) -> None:
    notification = file_storage(disposer, batch, sites)
    assert notification.number == f"M-2025-{notification.pk:06d}"
    assert notification.declaration == declaration
    assert notification.applier_details == "Grondwerken Oost B.V., Industrieweg 4, 7511 AB Enschede"
    assert notification.origin == "Bouwput Stationsplein 1, Enschede"
    assert notification.final_destination_due is None
    assert AuditEvent.objects.filter(action="passport.notification.file").count() == 1


def test_late_notification_is_refused_with_the_reason_and_not_stored(
    declaration: Declaration, batch: Batch, disposer: User, sites: Sites
) -> None:
    with pytest.raises(services.NotificationRefusedError) as refused:
        file_storage(disposer, batch, sites, filed_on=dt.date(2025, 3, 11))
    assert [(r.field, r.params) for r in refused.value.refusals] == [
        ("starts_on", {"starts_on": "2025-03-17", "latest": "2025-03-10"})
    ]
    assert Notification.objects.count() == 0


def test_holidays_count_in_the_term(
    declaration: Declaration, batch: Batch, disposer: User, sites: Sites
) -> None:
    # Start Tuesday 22 April 2025: Good Friday and Easter Monday do not count; the last
    # filing day is Friday 11 April.
    with pytest.raises(services.NotificationRefusedError):
        file_storage(
            disposer, batch, sites, starts_on=dt.date(2025, 4, 22), filed_on=dt.date(2025, 4, 14)
        )
    assert file_storage(
        disposer, batch, sites, starts_on=dt.date(2025, 4, 22), filed_on=dt.date(2025, 4, 11)
    )


def test_incomplete_notification_lists_every_missing_field(
    declaration: Declaration, batch: Batch, disposer: User, sites: Sites
) -> None:
    with pytest.raises(services.NotificationRefusedError) as refused:
        file_storage(disposer, batch, sites, quantity_m3=None, duration_days=None)
    assert [r.field for r in refused.value.refusals] == ["quantity_m3", "duration_days"]
    assert Notification.objects.count() == 0


def test_a_batch_without_declaration_cannot_be_notified(
    batch: Batch, disposer: User, sites: Sites
) -> None:
    with pytest.raises(services.NotificationRefusedError) as refused:
        file_storage(disposer, batch, sites)
    assert [r.field for r in refused.value.refusals] == ["declaration"]


def test_more_than_the_declared_batch_cannot_be_notified(
    declaration: Declaration, batch: Batch, disposer: User, sites: Sites
) -> None:
    with pytest.raises(services.NotificationRefusedError) as refused:
        file_storage(disposer, batch, sites, quantity_m3=Decimal("120.5"))
    assert [(r.field, r.params) for r in refused.value.refusals] == [
        ("quantity_m3", {"volume": "120.000"})
    ]


def test_long_storage_must_report_its_final_destination(
    declaration: Declaration, batch: Batch, disposer: User, sites: Sites
) -> None:
    notification = file_storage(disposer, batch, sites, duration_days=400)
    assert notification.final_destination_due == dt.date(2025, 9, 16)
    services.notification_final_destination_report(
        actor=disposer, notification=notification, destination="Geluidswal A35, Hengelo"
    )
    assert Notification.objects.get().final_destination == "Geluidswal A35, Hengelo"


def test_notifications_are_visible_to_the_competent_authority_and_the_applier_only(
    declaration: Declaration, batch: Batch, disposer: User, sites: Sites, authority: User,
    parties: Parties, user_of: Callable[[Organisation], User],
) -> None:  # fmt: skip
    notification = file_storage(disposer, batch, sites)
    assert list(selectors.notifications_for_viewer(viewer=authority)) == [notification]
    assert list(selectors.notifications_for_viewer(viewer=disposer)) == [notification]
    assert list(selectors.notifications_for_viewer(viewer=user_of(parties.applier))) == []
    assert list(selectors.notifications_for_viewer(viewer=None)) == []


def test_application_notification_asks_the_engine_whether_the_location_allows_the_class(
    declaration: Declaration, batch: Batch, disposer: User, sites: Sites
) -> None:
    application_check_available()
    notification = services.notification_file(
        actor=disposer,
        kind=NotificationKind.APPLICATION,
        batch=batch,
        site=sites.application,
        starts_on=dt.date(2025, 3, 17),
        quantity_m3=Decimal("100"),
        framework=Framework.GENERIC,
        filed_on=FILED,
    )
    assert (notification.quality_class, notification.function_class) == ("wonen", "industrie")
