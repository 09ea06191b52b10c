"""Issuing, signing, verifying and withdrawing declarations (MvB) through the services."""

import datetime as dt
import re
from collections.abc import Callable
from decimal import Decimal

import pytest
from django.test import override_settings

from kwalibo.accounts.models import User
from kwalibo.audit.models import AuditEvent
from kwalibo.common.domain.errors import DomainError
from kwalibo.passport import selectors, services
from kwalibo.passport.domain.declarations import DeclarationType, Material
from kwalibo.passport.domain.signing import private_key_decrypt, signature_valid
from kwalibo.passport.models import Batch, Declaration, SigningKey
from kwalibo.passport.tests.conftest import ANALYSED_ON, Parties, Sites
from kwalibo.register import services as register
from kwalibo.register.models import Organisation, RecognitionDecision

pytestmark = pytest.mark.django_db


def test_issued_declaration_is_signed_numbered_and_verifies(declaration: Declaration) -> None:
    assert re.fullmatch(r"MVB-2025-[0-9A-HJKMNP-TV-Z]{5}-[0-9A-HJKMNP-TV-Z]{5}", declaration.number)
    key = declaration.signing_key
    assert signature_valid(declaration.payload, declaration.signature, key.public_key)
    check = selectors.declaration_verify(number=declaration.number)
    assert check.verification.valid is True
    assert [
        (f.role, f.kvk, f.activity, f.on, f.recognised) for f in check.verification.findings
    ] == [
        ("sampler", "30000002", "monsterneming-partijkeuring", dt.date(2025, 3, 3), True),
        ("laboratory", "30000003", "analyse-bouwstoffen-grond", dt.date(2025, 3, 5), True),
    ]


def test_payload_carries_the_legal_contents_of_a_batch_inspection(declaration: Declaration) -> None:
    payload = declaration.payload
    assert payload["type"] == "partijkeuring_grond"
    assert payload["issuer"]["kvk"] == "30000001"
    assert payload["batch"]["volume_m3"] == "120.000"
    assert payload["batch"]["mass_tonnes"] == "204.000"
    assert payload["batch"]["origin"] == {
        "site": "Bouwput Stationsplein",
        "address": "Bouwput Stationsplein 1",
        "municipality": "Enschede",
        "x_rd": "258000.00",
        "y_rd": "471000.00",
    }
    assert payload["assessment"]["quality_class"] == "wonen"
    assert payload["assessment"]["lab_report"] == "AM-2025-0311"
    assert payload["parties"]["sampler"]["name"] == "Bodemadvies Zuid B.V."
    assert payload["parties"]["laboratory"]["address"] == "Industrieweg 4, 7511 AB Deventer"
    assert payload["key_id"] == declaration.signing_key.key_id


def test_changed_stored_payload_is_detected_as_tampering(declaration: Declaration) -> None:
    payload = dict(declaration.payload)
    payload["batch"] = {**payload["batch"], "volume_m3": "1200.000"}
    Declaration.objects.filter(pk=declaration.pk).update(payload=payload)
    check = selectors.declaration_verify(number=declaration.number)
    assert check.verification.valid is False
    assert check.verification.signature_valid is False
    assert [p.code for p in check.verification.problems] == ["signature"]


def test_payload_of_another_declaration_with_its_signature_does_not_pass(
    declaration: Declaration, disposer: User, sites: Sites
) -> None:
    other = Declaration.objects.get(pk=declaration.pk)
    other.pk = None
    other.number = "MVB-2025-00000-00000"
    other.status = "withdrawn"
    other.save()
    # The signed payload names its own number: copying it under another number fails.
    assert selectors.declaration_verify(number=other.number).verification.signature_valid is False


def test_withdrawn_declaration_verifies_as_not_valid(
    declaration: Declaration, disposer: User
) -> None:
    services.declaration_withdraw(
        actor=disposer, declaration=declaration, reason="Partij afgekeurd"
    )
    check = selectors.declaration_verify(number=declaration.number)
    assert check.verification.signature_valid is True
    assert check.verification.valid is False
    assert [p.code for p in check.verification.problems] == ["withdrawn"]
    event = AuditEvent.objects.get(action="passport.declaration.withdraw")
    assert (event.object_id, event.reason) == (str(declaration.pk), "Partij afgekeurd")


def test_only_the_issuer_withdraws_with_a_reason(
    declaration: Declaration,
    parties: Parties,
    user_of: Callable[[Organisation], User],
    disposer: User,
) -> None:
    with pytest.raises(DomainError, match="Only the issuer"):
        services.declaration_withdraw(
            actor=user_of(parties.applier), declaration=declaration, reason="x"
        )
    with pytest.raises(DomainError, match="reason"):
        services.declaration_withdraw(actor=disposer, declaration=declaration, reason=" ")
    assert Declaration.objects.get(pk=declaration.pk).status == "valid"


def test_a_recognition_corrected_afterwards_makes_the_declaration_not_valid(
    declaration: Declaration, parties: Parties
) -> None:
    grant = RecognitionDecision.objects.get(
        recognition__organisation=parties.laboratory, kind="grant"
    )
    register.recognition_decision_correct(
        actor=None,
        decision=grant,
        reason="Verleend per 1 april 2025, niet 2020",
        decided_on=dt.date(2025, 4, 1),
        effective_from=dt.date(2025, 4, 1),
    )
    check = selectors.declaration_verify(number=declaration.number)
    assert check.verification.signature_valid is True
    assert [(p.code, p.params["kvk"], p.params["on"]) for p in check.verification.problems] == [
        ("recognition", "30000003", ANALYSED_ON.isoformat())
    ]


def test_unrecognised_laboratory_cannot_be_named(
    disposer: User, sites: Sites, parties: Parties
) -> None:
    batch = services.batch_register(
        actor=disposer,
        origin_site=sites.origin,
        material=Material.SOIL,
        volume_m3=Decimal("50"),
        declaration_type=DeclarationType.BATCH_INSPECTION_SOIL,
    )
    with pytest.raises(
        DomainError, match=r"Lab Zonder Erkenning B\.V\. \(KvK 30000008\) was not recognised"
    ):
        services.batch_assessment_record(
            actor=disposer,
            batch=batch,
            result=services.AssessmentResult("grond", "wonen", "Rbk 2015", {}, "R-1"),
            sampler_kvk="30000002",
            laboratory_kvk="30000008",
            sampled_on=dt.date(2025, 3, 3),
            analysed_on=dt.date(2025, 3, 5),
        )
    batch.refresh_from_db()
    assert (batch.quality_class, batch.laboratory_id) == ("", None)


@pytest.mark.parametrize(
    ("sampler", "sampled_on", "message"),
    [
        ("99999999", dt.date(2025, 3, 3), "No organisation with KvK number 99999999"),
        ("30000002", dt.date(2019, 12, 1), "was not recognised"),  # before the grant
        ("30000004", dt.date(2025, 3, 3), "was not recognised"),  # a transporter
    ],
)
def test_sampler_must_be_registered_and_recognised_on_the_sampling_day(
    disposer: User, sites: Sites, parties: Parties, sampler: str, sampled_on: dt.date, message: str
) -> None:
    batch = services.batch_register(
        actor=disposer,
        origin_site=sites.origin,
        material=Material.SOIL,
        volume_m3=Decimal("50"),
        declaration_type=DeclarationType.BATCH_INSPECTION_SOIL,
    )
    with pytest.raises(DomainError, match=message):
        services.batch_assessment_record(
            actor=disposer,
            batch=batch,
            result=services.AssessmentResult("grond", "wonen", "Rbk 2015", {}, "R-1"),
            sampler_kvk=sampler,
            laboratory_kvk="30000003",
            sampled_on=sampled_on,
            analysed_on=dt.date(2025, 3, 5),
        )


def test_issuing_needs_the_holder_an_assessment_and_no_declaration_in_force(
    declaration: Declaration, batch: Batch, disposer: User, sites: Sites, parties: Parties,
    user_of: Callable[[Organisation], User],
) -> None:  # fmt: skip
    with pytest.raises(DomainError, match="already has a declaration in force"):
        services.declaration_issue(actor=disposer, batch=batch)
    with pytest.raises(DomainError, match="Only the holder"):
        services.declaration_issue(actor=user_of(parties.applier), batch=batch)
    unassessed = services.batch_register(
        actor=disposer,
        origin_site=sites.origin,
        material=Material.SOIL,
        volume_m3=Decimal("10"),
        declaration_type=DeclarationType.BATCH_INSPECTION_SOIL,
    )
    with pytest.raises(DomainError, match="Record the assessment"):
        services.declaration_issue(actor=disposer, batch=unassessed)
    assert Declaration.objects.count() == 1


def test_after_withdrawal_a_new_declaration_can_be_issued(
    declaration: Declaration, batch: Batch, disposer: User
) -> None:
    services.declaration_withdraw(actor=disposer, declaration=declaration, reason="Verkeerde datum")
    again = services.declaration_issue(actor=disposer, batch=batch)
    assert again.number != declaration.number
    assert selectors.declaration_verify(number=again.number).verification.valid is True


def test_private_key_is_stored_encrypted_and_public_key_published(declaration: Declaration) -> None:
    key = SigningKey.objects.get()
    raw = private_key_decrypt(
        key.encrypted_private_key,
        secret="test-only-secret-not-used-anywhere-else",
        associated=f"{key.organisation_id}:{key.key_id}",
    )
    assert len(raw) == 32
    assert raw.hex() not in key.encrypted_private_key
    assert list(selectors.public_keys().values_list("key_id", flat=True)) == [key.key_id]


def test_a_dedicated_signing_secret_protects_new_keys(parties: Parties) -> None:
    with override_settings(PASSPORT_SIGNING_SECRET="dedicated"):
        key = services.signing_key_for(organisation=parties.sampler)
    with pytest.raises(DomainError, match="cannot be unlocked"):
        private_key_decrypt(
            key.encrypted_private_key,
            secret="test-only-secret-not-used-anywhere-else",
            associated=f"{key.organisation_id}:{key.key_id}",
        )


def test_rotated_key_keeps_old_declarations_valid(declaration: Declaration, disposer: User) -> None:
    new_key = services.signing_key_rotate(actor=disposer)
    assert new_key.pk != declaration.signing_key_id
    assert selectors.declaration_verify(number=declaration.number).verification.valid is True
    assert SigningKey.objects.filter(retired_at__isnull=False).count() == 1


def test_issue_writes_an_audit_event(declaration: Declaration) -> None:
    event = AuditEvent.objects.get(action="passport.declaration.issue")
    assert event.changes["key_id"] == [None, declaration.signing_key.key_id]
    assert event.legal_ground == "Bbk art 38 lid 2"


def test_a_user_acts_only_for_their_own_organisation_and_a_system_job_names_it(
    batch: Batch, disposer: User, parties: Parties
) -> None:
    with pytest.raises(DomainError, match="only act for your own organisation"):
        services.declaration_issue(actor=disposer, batch=batch, acting_for=parties.sampler)
    with pytest.raises(DomainError, match="needs a user or the organisation"):
        services.declaration_issue(actor=None, batch=batch)
    declaration = services.declaration_issue(actor=None, batch=batch, acting_for=parties.disposer)
    event = AuditEvent.objects.get(action="passport.declaration.issue")
    assert (declaration.issued_by, event.actor_display) == (None, "systeem")
