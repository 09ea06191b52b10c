"""Consignments and the chain of custody through the services; splitting and merging batches."""

import datetime as dt
from collections.abc import Callable
from decimal import Decimal

import pytest

from kwalibo.accounts.models import User
from kwalibo.audit.models import AuditEvent
from kwalibo.common.domain.errors import DomainError
from kwalibo.passport import selectors, services
from kwalibo.passport.domain.custody import Purpose
from kwalibo.passport.domain.notifications import NotificationKind
from kwalibo.passport.models import Batch, Consignment, CustodyStep, Declaration, RevisionRequest
from kwalibo.passport.tests.conftest import Parties, Sites
from kwalibo.register.models import Organisation

pytestmark = pytest.mark.django_db
D = Decimal


@pytest.fixture
def stored_notification(declaration: Declaration, batch: Batch, disposer: User, sites: Sites):
    return services.notification_file(
        actor=disposer,
        kind=NotificationKind.STORAGE,
        batch=batch,
        site=sites.storage,
        starts_on=dt.date(2025, 3, 17),
        quantity_m3=D("120"),
        duration_days=90,
        filed_on=dt.date(2025, 3, 10),
    )


def plan_storage(
    disposer: User, batch: Batch, sites: Sites, quantity: str = "80", **extra: object
) -> Consignment:
    values = {
        "actor": disposer,
        "batch": batch,
        "from_site": sites.origin,
        "to_site": sites.storage,
        "purpose": Purpose.STORAGE,
        "quantity_m3": D(quantity),
        "planned_on": dt.date(2025, 3, 18),
        "transporter_kvks": ["30000004"],
        "receiver_kvk": "30000007",
    } | extra
    return services.consignment_plan(**values)  # type: ignore[arg-type]


@pytest.fixture
def users(
    parties: Parties, user_of: Callable[[Organisation], User], disposer: User
) -> dict[str, User]:
    return {
        "disposer": disposer,
        "transporter": user_of(parties.transporter),
        "soil_bank": user_of(parties.soil_bank),
        "processor": user_of(parties.processor),
        "applier": user_of(parties.applier),
    }


def confirm(
    user: User, step: CustodyStep, quantity: str, day: dt.date = dt.date(2025, 3, 18)
) -> CustodyStep:
    return services.custody_step_confirm(
        actor=user, step=step, quantity_m3=D(quantity), occurred_on=day
    )


def test_planning_names_the_parties_of_every_step(
    stored_notification, disposer: User, batch: Batch, sites: Sites, parties: Parties
) -> None:
    consignment = plan_storage(disposer, batch, sites)
    assert [(s.kind, s.party.kvk_number, s.site_id) for s in consignment.steps.all()] == [
        ("origin", "30000001", sites.origin.pk),
        ("transport", "30000004", None),
        ("receipt", "30000007", sites.storage.pk),
    ]
    assert consignment.notification == stored_notification
    assert consignment.state == "planned"


def test_the_chain_is_confirmed_step_by_step_by_its_own_parties(
    stored_notification, disposer: User, batch: Batch, sites: Sites, users: dict[str, User]
) -> None:
    consignment = plan_storage(disposer, batch, sites)
    origin, transport, receipt = consignment.steps.all()
    with pytest.raises(DomainError, match="Only the organisation named"):
        confirm(users["transporter"], origin, "80")
    with pytest.raises(DomainError, match="previous steps"):
        confirm(users["transporter"], transport, "80")
    confirm(disposer, origin, "80")
    confirm(users["transporter"], transport, "80")
    confirm(users["soil_bank"], receipt, "79.5")
    consignment.refresh_from_db()
    assert consignment.state == "completed"
    assert selectors.batch_stock_by_site(batch=batch) == {
        sites.origin.pk: D("40"),
        sites.storage.pk: D("79.5"),
    }
    assert AuditEvent.objects.filter(action__startswith="passport.custody.").count() == 3


def test_storage_cannot_be_received_before_the_notified_start(
    stored_notification, disposer: User, batch: Batch, sites: Sites, users: dict[str, User]
) -> None:
    origin, transport, receipt = plan_storage(disposer, batch, sites).steps.all()
    confirm(disposer, origin, "80", dt.date(2025, 3, 14))
    confirm(users["transporter"], transport, "80", dt.date(2025, 3, 14))
    with pytest.raises(DomainError, match="notified start is 2025-03-17"):
        confirm(users["soil_bank"], receipt, "80", dt.date(2025, 3, 14))
    assert CustodyStep.objects.get(pk=receipt.pk).confirmed_at is None


def test_storage_without_notification_cannot_be_planned(
    declaration: Declaration, disposer: User, batch: Batch, sites: Sites
) -> None:
    with pytest.raises(DomainError, match="File the notification"):
        plan_storage(disposer, batch, sites)
    assert Consignment.objects.count() == 0


@pytest.mark.parametrize(
    ("extra", "message"),
    [
        (
            {"transporter_kvks": ["12121212"]},
            "No organisation with KvK number 12121212 is registered",
        ),
        ({"transporter_kvks": []}, "at least one transporter"),
        ({"receiver_kvk": "1234"}, "exactly 8 digits"),
        ({"quantity_m3": D("121")}, "Only 120.000 m³ of batch"),
    ],
)
def test_unregistered_parties_and_missing_soil_cannot_be_named(
    stored_notification,
    disposer: User,
    batch: Batch,
    sites: Sites,
    extra: dict[str, object],
    message: str,
) -> None:
    with pytest.raises(DomainError, match=message):
        plan_storage(disposer, batch, sites, **extra)
    assert Consignment.objects.count() == 0


def test_a_processor_must_be_recognised_for_processing_soil_on_the_planned_day(
    declaration: Declaration, disposer: User, batch: Batch, sites: Sites
) -> None:
    with pytest.raises(
        DomainError, match=r"Grondbank Twente B\.V\. \(KvK 30000007\) was not recognised"
    ):
        plan_storage(disposer, batch, sites, to_site=sites.processing, purpose=Purpose.PROCESSING)
    consignment = plan_storage(
        disposer,
        batch,
        sites,
        to_site=sites.processing,
        purpose=Purpose.PROCESSING,
        receiver_kvk="30000006",
    )
    assert consignment.notification is None  # processing is not an application (Bbk art 35)


def test_the_same_soil_cannot_be_planned_twice(
    stored_notification, disposer: User, batch: Batch, sites: Sites
) -> None:
    plan_storage(disposer, batch, sites, quantity="80")
    with pytest.raises(DomainError, match=r"Only 40\.000 m³"):
        plan_storage(disposer, batch, sites, quantity="41")


def test_a_withdrawn_declaration_stops_the_dispatch(
    stored_notification, declaration: Declaration, disposer: User, batch: Batch, sites: Sites
) -> None:
    origin = plan_storage(disposer, batch, sites).steps.first()
    services.declaration_withdraw(actor=disposer, declaration=declaration, reason="Fout in analyse")
    with pytest.raises(DomainError, match="no longer in force"):
        confirm(disposer, origin, "80")
    with pytest.raises(DomainError, match="no declaration in force"):
        plan_storage(disposer, batch, sites, quantity="10")


def test_an_undispatched_consignment_can_be_cancelled_and_frees_the_soil(
    stored_notification, disposer: User, batch: Batch, sites: Sites
) -> None:
    consignment = plan_storage(disposer, batch, sites, quantity="120")
    services.consignment_cancel(actor=disposer, consignment=consignment, reason="Depot vol")
    assert selectors.batch_stock_by_site(batch=batch) == {sites.origin.pk: D("120")}
    with pytest.raises(DomainError, match="cancelled already"):
        services.consignment_cancel(actor=disposer, consignment=consignment, reason="again")


def test_a_revision_of_a_confirmed_step_takes_effect_when_all_others_accept(
    stored_notification,
    disposer: User,
    batch: Batch,
    sites: Sites,
    users: dict[str, User],
    parties: Parties,
) -> None:
    origin, transport, receipt = plan_storage(disposer, batch, sites).steps.all()
    confirm(disposer, origin, "80")
    confirm(users["transporter"], transport, "80")
    confirm(users["soil_bank"], receipt, "78")
    revision = services.custody_revision_request(
        actor=users["soil_bank"],
        step=receipt,
        changes={"quantity_m3": "80"},
        reason="Weegbon herteld",
    )
    assert revision.approvers == sorted([parties.disposer.pk, parties.transporter.pk])
    services.custody_revision_answer(actor=disposer, revision=revision, accept=True)
    assert CustodyStep.objects.get(pk=receipt.pk).quantity_m3 == D("78")  # not yet: one to go
    services.custody_revision_answer(actor=users["transporter"], revision=revision, accept=True)
    assert CustodyStep.objects.get(pk=receipt.pk).quantity_m3 == D("80")
    assert RevisionRequest.objects.get().state == "accepted"
    event = AuditEvent.objects.get(action="passport.custody.revise")
    assert event.changes == {"quantity_m3": ["78.000", "80.000"]}


def test_a_rejected_revision_leaves_the_step_unchanged(
    stored_notification, disposer: User, batch: Batch, sites: Sites, users: dict[str, User]
) -> None:
    origin, transport, receipt = plan_storage(disposer, batch, sites).steps.all()
    confirm(disposer, origin, "80")
    confirm(users["transporter"], transport, "80")
    confirm(users["soil_bank"], receipt, "78")
    revision = services.custody_revision_request(
        actor=users["soil_bank"],
        step=receipt,
        changes={"quantity_m3": "85"},
        reason="Meer ontvangen",
    )
    services.custody_revision_answer(
        actor=disposer, revision=revision, accept=False, remark="Klopt niet"
    )
    assert CustodyStep.objects.get(pk=receipt.pk).quantity_m3 == D("78")
    assert RevisionRequest.objects.get().state == "rejected"
    with pytest.raises(DomainError, match="closed"):
        services.custody_revision_answer(actor=users["transporter"], revision=revision, accept=True)


def test_splitting_records_relation_splitter_and_date_and_keeps_the_declaration(
    declaration: Declaration, disposer: User, batch: Batch, sites: Sites
) -> None:
    first, second = services.batch_split(
        actor=disposer,
        batch=batch,
        site=sites.origin,
        parts_m3=[D("70"), D("30")],
        split_on=dt.date(2025, 3, 12),
    )
    assert (first.split_from, first.formed_by, first.formed_on) == (
        batch,
        batch.holder,
        dt.date(2025, 3, 12),
    )
    assert selectors.declaration_current_for_batch(batch=second) == declaration
    assert selectors.batch_stock_by_site(batch=batch) == {sites.origin.pk: D("20")}
    with pytest.raises(DomainError, match=r"only 20\.000 m³"):
        services.batch_split(
            actor=disposer,
            batch=batch,
            site=sites.origin,
            parts_m3=[D("21")],
            split_on=dt.date(2025, 3, 12),
        )
    with pytest.raises(DomainError, match="uses the declaration of batch"):
        services.declaration_issue(actor=disposer, batch=first)


def test_merging_by_a_recognised_soil_bank_lapses_the_original_declarations(
    parties: Parties, user_of: Callable[[Organisation], User], sites: Sites
) -> None:
    bank = user_of(parties.soil_bank)
    sources = []
    for volume in ("300", "200"):
        batch = services.batch_register(
            actor=bank, origin_site=sites.storage, material="grond", volume_m3=D(volume),
            mass_tonnes=D("500"), declaration_type="partijkeuring_grond",
        )  # fmt: skip
        services.batch_assessment_record(
            actor=bank, batch=batch,
            result=services.AssessmentResult("grond", "industrie", "Rbk 2015", {}, f"R-{volume}"),
            sampler_kvk="30000002", laboratory_kvk="30000003",
            sampled_on=dt.date(2025, 3, 3), analysed_on=dt.date(2025, 3, 5),
        )  # fmt: skip
        sources.append((batch, services.declaration_issue(actor=bank, batch=batch)))
    merged = services.batch_merge(
        actor=bank,
        batches=[b for b, _ in sources],
        site=sites.storage,
        merged_on=dt.date(2025, 3, 20),
    )
    assert (merged.volume_m3, merged.quality_class, merged.provenance) == (
        D("500"),
        "industrie",
        "merged",
    )
    for batch, old in sources:
        old.refresh_from_db()
        assert (old.status, old.status_since) == ("lapsed", dt.date(2025, 3, 20))
        assert selectors.declaration_verify(number=old.number).verification.valid is False
        assert Batch.objects.get(pk=batch.pk).state == "merged"
    new = services.declaration_issue(actor=bank, batch=merged, issued_on=dt.date(2025, 3, 21))
    assert new.payload["relies_on"] == [
        {
            "role": "merger",
            "kvk": "30000007",
            "activity": "samenvoegen-partijen",
            "on": "2025-03-20",
        }
    ]
    assert new.payload["batch"]["merged_from"] == sorted(b.number for b, _ in sources)
    assert selectors.declaration_verify(number=new.number).verification.valid is True


def test_an_unrecognised_merger_cannot_merge_more_than_25_m3(
    declaration: Declaration, disposer: User, batch: Batch, sites: Sites
) -> None:
    other = services.batch_register(
        actor=disposer, origin_site=sites.origin, material="grond", volume_m3=D("10"),
        declaration_type="partijkeuring_grond",
    )  # fmt: skip
    services.batch_assessment_record(
        actor=disposer, batch=other,
        result=services.AssessmentResult("grond", "wonen", "Rbk 2015", {}, "R-9"),
        sampler_kvk="30000002", laboratory_kvk="30000003",
        sampled_on=dt.date(2025, 3, 3), analysed_on=dt.date(2025, 3, 5),
    )  # fmt: skip
    with pytest.raises(DomainError, match="activity r"):
        services.batch_merge(
            actor=disposer,
            batches=[batch, other],
            site=sites.origin,
            merged_on=dt.date(2025, 3, 20),
        )
    assert Batch.objects.filter(state="merged").count() == 0
    assert Declaration.objects.get(pk=declaration.pk).status == "valid"
