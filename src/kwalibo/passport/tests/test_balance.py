"""The volume balance per site and per project, in one SQL statement, with discrepancies."""

import datetime as dt
from collections.abc import Callable
from decimal import Decimal

import pytest
from django.utils import timezone

from kwalibo.accounts.models import User
from kwalibo.passport import selectors, services
from kwalibo.passport.domain.custody import Purpose
from kwalibo.passport.domain.notifications import NotificationKind
from kwalibo.passport.models import Batch, Consignment, CustodyStep, Declaration, Site
from kwalibo.passport.tests.conftest import Parties, Sites
from kwalibo.register.models import Organisation

pytestmark = pytest.mark.django_db
D = Decimal


def _applied_without_checks(
    declaration: Declaration, batch: Batch, start: Site, end: Site, quantity: str, parties: Parties
) -> None:
    """An application written straight into the tables, as bad data would arrive by import."""
    consignment = Consignment.objects.create(
        number=f"Z-X-{Consignment.objects.count()}", batch=batch, declaration=declaration,
        purpose="application", from_site=start, to_site=end, quantity_m3=D(quantity),
        planned_on=dt.date(2025, 4, 1), state="completed",
    )  # fmt: skip
    now = timezone.now()
    for sequence, (kind, party, site) in enumerate(
        [
            ("origin", parties.disposer, start),
            ("transport", parties.transporter, None),
            ("receipt", parties.applier, end),
            ("application", parties.applier, end),
        ]
    ):
        CustodyStep.objects.create(
            consignment=consignment, sequence=sequence, kind=kind, party=party, site=site,
            quantity_m3=D(quantity), occurred_on=dt.date(2025, 4, 1), confirmed_at=now,
        )  # fmt: skip


@pytest.fixture
def flows(
    declaration: Declaration, batch: Batch, disposer: User, sites: Sites, parties: Parties,
    user_of: Callable[[Organisation], User],
) -> Batch:  # fmt: skip
    project = services.project_create(actor=disposer, code="PRJ-A35", name="Geluidswal A35")
    Batch.objects.filter(pk=batch.pk).update(project=project)
    services.notification_file(
        actor=disposer, kind=NotificationKind.STORAGE, batch=batch, site=sites.storage,
        starts_on=dt.date(2025, 3, 17), quantity_m3=D("120"), duration_days=90, filed_on=dt.date(2025, 3, 10),
    )  # fmt: skip
    consignment = services.consignment_plan(
        actor=disposer, batch=batch, from_site=sites.origin, to_site=sites.storage,
        purpose=Purpose.STORAGE, quantity_m3=D("80"), planned_on=dt.date(2025, 3, 18),
        transporter_kvks=["30000004"], receiver_kvk="30000007",
    )  # fmt: skip
    origin, transport, receipt = consignment.steps.all()
    day = dt.date(2025, 3, 18)
    services.custody_step_confirm(actor=disposer, step=origin, quantity_m3=D("80"), occurred_on=day)
    services.custody_step_confirm(
        actor=user_of(parties.transporter), step=transport, quantity_m3=D("80"), occurred_on=day
    )
    services.custody_step_confirm(
        actor=user_of(parties.soil_bank), step=receipt, quantity_m3=D("78"), occurred_on=day
    )
    _applied_without_checks(declaration, batch, sites.storage, sites.application, "78", parties)
    _applied_without_checks(declaration, batch, sites.storage, sites.application, "50", parties)
    batch.refresh_from_db()
    return batch


def _row(rows: list[selectors.BalanceRow], site: Site) -> selectors.BalanceRow:
    return next(row for row in rows if row.site == site)


def test_site_balance_sums_every_flow_and_lists_discrepancies(
    flows: Batch, sites: Sites, authority: User, django_assert_num_queries: Callable[..., object]
) -> None:
    with django_assert_num_queries(2):  # the balance statement and the sites
        rows = selectors.site_balances(viewer=authority)
    origin = _row(rows, sites.origin)
    assert (origin.flows.excavated, origin.flows.dispatched, origin.flows.stored) == (
        D("120"),
        D("80"),
        D("40"),
    )
    assert origin.discrepancies == []
    storage = _row(rows, sites.storage)
    assert (storage.flows.received, storage.flows.dispatched, storage.flows.stored) == (
        D("78"), D("128"), D("-50"),
    )  # fmt: skip
    assert [(d.code, d.params) for d in storage.discrepancies] == [
        ("more_out_than_in", {"quantity": "50.000"}),
        ("transit_difference", {"received": "78.000", "sent": "80.000", "difference": "-2.000"}),
    ]
    application = _row(rows, sites.application)
    assert (application.flows.received, application.flows.applied, application.flows.stored) == (
        D("128"), D("128"), D("0"),
    )  # fmt: skip
    assert application.discrepancies == []


def test_project_balance_totals_and_flags_more_applied_than_declared(
    flows: Batch, authority: User
) -> None:
    balance = selectors.project_balance(viewer=authority, project=flows.project)
    total = balance.total
    assert (total.excavated, total.dispatched, total.received, total.applied) == (
        D("120"), D("208"), D("206"), D("128"),
    )  # fmt: skip
    assert total.over_declared == D("8")
    assert [d.code for d in balance.discrepancies] == [
        "over_declared",
        "more_out_than_in",
        "transit_difference",
    ]
    assert [row.site.name for row in balance.rows] == [
        "Bouwput Stationsplein", "Geluidswal A35", "Depot Twentekanaal",
    ]  # fmt: skip


def test_in_transit_is_what_was_dispatched_and_not_yet_received(
    declaration: Declaration, batch: Batch, disposer: User, sites: Sites, authority: User
) -> None:
    consignment = services.consignment_plan(
        actor=disposer, batch=batch, from_site=sites.origin, to_site=sites.processing,
        purpose=Purpose.PROCESSING, quantity_m3=D("30"), planned_on=dt.date(2025, 3, 18),
        transporter_kvks=["30000004"], receiver_kvk="30000006",
    )  # fmt: skip
    services.custody_step_confirm(
        actor=disposer,
        step=consignment.steps.first(),
        quantity_m3=D("30"),
        occurred_on=dt.date(2025, 3, 18),
    )
    rows = selectors.site_balances(viewer=authority)
    assert _row(rows, sites.processing).flows.in_transit == D("30")
    assert _row(rows, sites.origin).flows.stored == D("90")


def test_a_company_sees_only_the_balance_of_its_own_sites(
    flows: Batch, parties: Parties, user_of: Callable[[Organisation], User], sites: Sites
) -> None:
    outsider = user_of(parties.processor)
    assert selectors.site_balances(viewer=outsider) == []
    bank = user_of(parties.soil_bank)
    # A party of a consignment sees both ends of it.
    assert {row.site.name for row in selectors.site_balances(viewer=bank)} == {
        "Bouwput Stationsplein",
        "Depot Twentekanaal",
    }
