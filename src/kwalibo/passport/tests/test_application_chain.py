"""Applying soil: the toetsing engine's application check, the notified start and the declared quantity.

These tests run the real `kwalibo.assessments.domain.application.application_check`; they are
skipped only while that module is not in the tree.
"""

import datetime as dt
from collections.abc import Callable
from decimal import Decimal

import pytest

from kwalibo.accounts.models import User
from kwalibo.common.domain.errors import DomainError
from kwalibo.passport import selectors, services
from kwalibo.passport.domain.custody import Purpose
from kwalibo.passport.domain.notifications import Framework, NotificationKind
from kwalibo.passport.models import Batch, Consignment, CustodyStep, Declaration, Notification
from kwalibo.passport.tests.conftest import Parties, Sites, application_check_available
from kwalibo.register.models import Organisation

pytestmark = pytest.mark.django_db
D = Decimal
START = dt.date(2025, 3, 17)


@pytest.fixture(autouse=True)
def _engine() -> None:
    application_check_available()


def notify(disposer: User, batch: Batch, sites: Sites, quantity: str = "120") -> Notification:
    return services.notification_file(
        actor=disposer, kind=NotificationKind.APPLICATION, batch=batch, site=sites.application,
        starts_on=START, quantity_m3=D(quantity), framework=Framework.GENERIC, filed_on=dt.date(2025, 3, 10),
    )  # fmt: skip


def plan(disposer: User, batch: Batch, sites: Sites, quantity: str) -> Consignment:
    return services.consignment_plan(
        actor=disposer, batch=batch, from_site=sites.origin, to_site=sites.application,
        purpose=Purpose.APPLICATION, quantity_m3=D(quantity), planned_on=START,
        transporter_kvks=["30000004"], receiver_kvk="30000005", applier_kvk="30000005",
    )  # fmt: skip


def test_a_class_the_receiving_soil_does_not_allow_is_refused_when_notified(
    disposer: User, sites: Sites, parties: Parties
) -> None:
    batch = services.batch_register(
        actor=disposer, origin_site=sites.origin, material="grond", volume_m3=D("60"),
        declaration_type="partijkeuring_grond",
    )  # fmt: skip
    services.batch_assessment_record(
        actor=disposer, batch=batch,
        result=services.AssessmentResult("grond", "industrie", "Rbk 2015", {}, "R-2"),
        sampler_kvk="30000002", laboratory_kvk="30000003",
        sampled_on=dt.date(2025, 3, 3), analysed_on=dt.date(2025, 3, 5),
    )  # fmt: skip
    services.declaration_issue(actor=disposer, batch=batch, issued_on=dt.date(2025, 3, 7))
    # Geluidswal A35: function class industrie, receiving soil of class wonen (Bbk art 59 lid 1 b).
    with pytest.raises(DomainError, match="may not be applied at Geluidswal A35"):
        notify(disposer, batch, sites, "60")
    assert Notification.objects.count() == 0


def test_the_whole_chain_from_origin_to_application(
    declaration: Declaration, batch: Batch, disposer: User, sites: Sites, parties: Parties,
    user_of: Callable[[Organisation], User],
) -> None:  # fmt: skip
    notification = notify(disposer, batch, sites)
    consignment = plan(disposer, batch, sites, "100")
    assert consignment.notification == notification
    origin, transport, receipt, application = consignment.steps.all()
    applier = user_of(parties.applier)
    services.custody_step_confirm(
        actor=disposer, step=origin, quantity_m3=D("100"), occurred_on=START
    )
    services.custody_step_confirm(
        actor=user_of(parties.transporter), step=transport, quantity_m3=D("100"), occurred_on=START
    )
    services.custody_step_confirm(
        actor=applier, step=receipt, quantity_m3=D("100"), occurred_on=START
    )
    with pytest.raises(DomainError, match="notified start is 2025-03-17"):
        services.custody_step_confirm(
            actor=applier, step=application, quantity_m3=D("100"), occurred_on=dt.date(2025, 3, 14)
        )
    services.custody_step_confirm(
        actor=applier, step=application, quantity_m3=D("100"), occurred_on=START
    )
    consignment.refresh_from_db()
    assert consignment.state == "completed"
    assert selectors.declaration_quantities(declaration=declaration) == (D("100"), D("100"))


def test_sub_batches_count_towards_the_declaration_of_their_original(
    declaration: Declaration, batch: Batch, disposer: User, sites: Sites
) -> None:
    notify(disposer, batch, sites)
    services.batch_split(
        actor=disposer,
        batch=batch,
        site=sites.origin,
        parts_m3=[D("40")],
        split_on=dt.date(2025, 3, 12),
    )
    plan(disposer, batch, sites, "80")
    [sub_batch] = batch.sub_batches.all()
    services.consignment_plan(
        actor=disposer, batch=sub_batch, from_site=sites.origin, to_site=sites.application,
        purpose=Purpose.APPLICATION, quantity_m3=D("40"), planned_on=START,
        transporter_kvks=["30000004"], receiver_kvk="30000005", applier_kvk="30000005",
    )  # fmt: skip
    assert selectors.declaration_quantities(declaration=declaration) == (D("120"), D("0"))


def test_soil_that_grew_on_the_way_cannot_be_applied_beyond_the_declared_batch(
    declaration: Declaration, batch: Batch, disposer: User, sites: Sites, parties: Parties,
    user_of: Callable[[Organisation], User],
) -> None:  # fmt: skip
    services.notification_file(
        actor=disposer, kind=NotificationKind.STORAGE, batch=batch, site=sites.storage, starts_on=START,
        quantity_m3=D("120"), duration_days=60, filed_on=dt.date(2025, 3, 10),
    )  # fmt: skip
    stored = services.consignment_plan(
        actor=disposer, batch=batch, from_site=sites.origin, to_site=sites.storage, purpose=Purpose.STORAGE,
        quantity_m3=D("120"), planned_on=START, transporter_kvks=["30000004"], receiver_kvk="30000007",
    )  # fmt: skip
    origin, transport, receipt = stored.steps.all()
    services.custody_step_confirm(
        actor=disposer, step=origin, quantity_m3=D("120"), occurred_on=START
    )
    services.custody_step_confirm(
        actor=user_of(parties.transporter), step=transport, quantity_m3=D("120"), occurred_on=START
    )
    services.custody_step_confirm(
        actor=user_of(parties.soil_bank), step=receipt, quantity_m3=D("125"), occurred_on=START
    )
    assert selectors.batch_stock_by_site(batch=batch) == {sites.storage.pk: D("125")}
    notify(disposer, batch, sites)
    with pytest.raises(DomainError, match=r"125\.000 m³, more than the 120\.000 m³ of the batch"):
        services.consignment_plan(
            actor=disposer, batch=batch, from_site=sites.storage, to_site=sites.application,
            purpose=Purpose.APPLICATION, quantity_m3=D("125"), planned_on=START,
            transporter_kvks=["30000004"], receiver_kvk="30000005", applier_kvk="30000005",
        )  # fmt: skip
    assert Consignment.objects.count() == 1


def test_an_application_needs_its_notification(
    declaration: Declaration, batch: Batch, disposer: User, sites: Sites
) -> None:
    with pytest.raises(DomainError, match="File the notification of this application"):
        plan(disposer, batch, sites, "10")
    assert CustodyStep.objects.count() == 0
