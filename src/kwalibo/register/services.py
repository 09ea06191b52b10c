"""Use cases that change the register. Each runs in one transaction and writes its audit event.

The lifecycle rules live in `kwalibo.register.domain.lifecycle`; this module loads the
decisions of a recognition, asks the domain to replay them with the new one, and stores
the result bi-temporally (see `_periods_sync`).
"""

import datetime as dt
import uuid
from collections.abc import Sequence
from typing import Any

from django.db import transaction
from django.utils import timezone

from kwalibo.accounts.models import User
from kwalibo.accounts.permissions import may_report_certificate
from kwalibo.audit.services import audit_event_record, model_changes, snapshot
from kwalibo.common.domain.errors import N_, DomainError
from kwalibo.register.domain import identifiers
from kwalibo.register.domain.basis import Basis, CertificateKind, check_certificate_for_grant
from kwalibo.register.domain.lifecycle import GROUNDS, Decision, DecisionKind, Replay, replay
from kwalibo.register.models import (
    Activity,
    Address,
    Certificate,
    CertificateReport,
    Organisation,
    Person,
    RecognisedPerson,
    Recognition,
    RecognitionDecision,
    RecognitionStatusPeriod,
)

ORGANISATION_FIELDS = ("name", "kvk_number", "establishment_number")
ADDRESS_FIELDS = ("street", "house_number", "postcode", "city")


def _actor_display(actor: User | None) -> str:
    return str(actor) if actor else "systeem"


# --- organisations -----------------------------------------------------------------------


def organisation_create(
    *,
    actor: User | None,
    name: str,
    kvk_number: str,
    establishment_number: str = "",
    street: str = "",
    house_number: str = "",
    postcode: str = "",
    city: str = "",
) -> Organisation:
    """Register an organisation (establishment) with its visiting address.

    Raises:
        DomainError: invalid KvK number, establishment number or postcode, or the
            establishment is already registered.
    """
    kvk = identifiers.validate_kvk(kvk_number)
    establishment = (
        identifiers.validate_establishment_number(establishment_number)
        if establishment_number
        else ""
    )
    if Organisation.objects.filter(kvk_number=kvk, establishment_number=establishment).exists():
        raise DomainError(N_("This establishment (KvK %(kvk)s) is already registered."), kvk=kvk)
    with transaction.atomic():
        organisation = Organisation.objects.create(
            name=name.strip(), kvk_number=kvk, establishment_number=establishment
        )
        if city:
            Address.objects.create(
                organisation=organisation,
                street=street.strip(),
                house_number=house_number.strip(),
                postcode=identifiers.validate_postcode(postcode),
                city=city.strip(),
            )
        audit_event_record(
            actor=actor,
            action="organisation.create",
            target=organisation,
            changes={f: [None, getattr(organisation, f)] for f in ORGANISATION_FIELDS},
        )
    return organisation


def organisation_update(
    *, actor: User | None, organisation: Organisation, **fields: str
) -> Organisation:
    """Change name or identifiers of an organisation; the old values go to the audit trail."""
    unknown = set(fields) - set(ORGANISATION_FIELDS)
    if unknown:
        raise TypeError(f"Unknown organisation fields: {sorted(unknown)}")
    if "kvk_number" in fields:
        fields["kvk_number"] = identifiers.validate_kvk(fields["kvk_number"])
    if fields.get("establishment_number"):
        fields["establishment_number"] = identifiers.validate_establishment_number(
            fields["establishment_number"]
        )
    with transaction.atomic():
        before = snapshot(organisation, ORGANISATION_FIELDS)
        for key, value in fields.items():
            setattr(organisation, key, value)
        organisation.save()
        audit_event_record(
            actor=actor,
            action="organisation.update",
            target=organisation,
            changes=model_changes(organisation, before, ORGANISATION_FIELDS),
        )
    return organisation


# --- recognitions --------------------------------------------------------------------------


def _domain_decision(row: RecognitionDecision) -> Decision:
    return Decision(
        kind=DecisionKind(row.kind),
        decided_on=row.decided_on,
        effective_from=row.effective_from,
        ground=row.ground,
        effective_until=row.effective_until,
        view_deadline=row.view_deadline,
    )


def decisions_in_force(recognition: Recognition) -> list[RecognitionDecision]:
    """The decisions of `recognition` that are not corrected, in order of registration.

    A correction takes the place of the decision it corrects in that order.
    """
    rows = list(recognition.decisions.select_related("corrects").order_by("recorded_at", "id"))
    corrected = {row.corrects_id for row in rows if row.corrects_id}
    by_id = {row.pk: row for row in rows}

    def original(row: RecognitionDecision) -> RecognitionDecision:
        while row.corrects_id is not None:
            row = by_id[row.corrects_id]
        return row

    active = [row for row in rows if row.pk not in corrected]
    return sorted(active, key=lambda row: (original(row).recorded_at, original(row).pk))


def _periods_sync(
    recognition: Recognition,
    decisions: Sequence[RecognitionDecision],
    result: Replay,
    now: dt.datetime,
) -> None:
    """Store the replayed periods bi-temporally.

    Rows that no longer hold are closed in registration time (`recorded_to = now`); new
    rows start at `now`. Nothing is deleted, so the register as shown at any earlier
    moment can be reconstructed.
    """
    current = list(
        RecognitionStatusPeriod.objects.filter(recognition=recognition, recorded_to__isnull=True)
    )

    def key(
        status: str,
        valid_from: dt.date,
        valid_to: dt.date | None,
        decision_id: int,
        automatic: bool,
    ) -> tuple[Any, ...]:
        return (status, valid_from, valid_to, decision_id, automatic)

    wanted = {
        key(
            p.status.value, p.valid_from, p.valid_to, decisions[p.decision_index].pk, p.automatic
        ): p
        for p in result.periods
    }
    existing = {
        key(r.status, r.valid_from, r.valid_to, r.decision_id, r.automatic): r for r in current
    }
    stale = [row.pk for k, row in existing.items() if k not in wanted]
    RecognitionStatusPeriod.objects.filter(pk__in=stale).update(recorded_to=now)
    RecognitionStatusPeriod.objects.bulk_create(
        RecognitionStatusPeriod(
            recognition=recognition,
            status=k[0],
            valid_from=k[1],
            valid_to=k[2],
            decision_id=k[3],
            automatic=k[4],
            recorded_from=now,
        )
        for k in wanted
        if k not in existing
    )


def _check_grant_basis(recognition: Recognition, effective_from: dt.date) -> None:
    certificate = recognition.certificate
    if certificate is None:
        raise DomainError(
            N_(
                "A recognition can only be granted on the basis of a certificate or accreditation (Rbk art 2.2)."
            )
        )
    check_certificate_for_grant(
        activity_basis=Basis(recognition.activity.basis),
        kind=CertificateKind(certificate.kind),
        designated_for_activity=certificate.norm_document.activities.filter(
            pk=recognition.activity_id
        ).exists(),
        same_holder=certificate.holder_id == recognition.organisation_id,
        valid_on_day=(
            certificate.state == Certificate.State.VALID
            and certificate.issued_on <= effective_from < certificate.expires_on
        ),
    )


def _decision_record(
    *,
    actor: User | None,
    recognition: Recognition,
    kind: DecisionKind,
    decided_on: dt.date,
    reason: str,
    ground: str,
    effective_from: dt.date | None = None,
    effective_until: dt.date | None = None,
    view_deadline: dt.date | None = None,
    partial: bool = False,
    scope: str = "",
    corrects: RecognitionDecision | None = None,
) -> RecognitionDecision:
    """Record one decision after replaying the whole history with it; refuse illegal ones.

    Must run inside a transaction that holds the recognition's row lock.
    """
    if not reason.strip():
        raise DomainError(N_("A reason is required for every decision."))
    if ground not in GROUNDS:
        raise DomainError(
            N_("'%(ground)s' is not a legal ground for a %(kind)s."), ground=ground, kind=kind
        )
    effective = effective_from or decided_on
    if kind is DecisionKind.GRANT:
        _check_grant_basis(recognition, effective)
    now = timezone.now()
    row = RecognitionDecision(
        recognition=recognition,
        kind=kind.value,
        decided_on=decided_on,
        effective_from=effective,
        effective_until=effective_until,
        view_deadline=view_deadline,
        ground=ground,
        article=GROUNDS[ground].article,
        reason=reason.strip(),
        partial=partial,
        scope=scope,
        decided_by=actor,
        decided_by_display=_actor_display(actor),
        recorded_at=now,
        corrects=corrects,
    )
    decisions = decisions_in_force(recognition)
    if corrects is not None:
        decisions = [row if d.pk == corrects.pk else d for d in decisions]
    else:
        decisions.append(row)
    result = replay([_domain_decision(d) for d in decisions])  # raises DomainError
    row.save()
    if kind is DecisionKind.AMENDMENT and scope != recognition.scope:
        recognition.scope = scope
        recognition.save(update_fields=["scope"])
    _periods_sync(recognition, decisions, result, now)
    audit_event_record(
        actor=actor,
        action=f"recognition.{'correct' if corrects else kind.value}",
        target=recognition,
        changes={
            "status": [None, result.status.value if result.status else None],
            "decision": [_describe(corrects) if corrects else None, _describe(row)],
        },
        reason=row.reason,
        legal_ground=row.article,
    )
    return row


def _describe(row: RecognitionDecision) -> str:
    until = f" t/m {row.effective_until}" if row.effective_until else ""
    return f"{row.kind} {row.decided_on} (effect {row.effective_from}{until}, {row.ground})"


def _locked(recognition: Recognition) -> Recognition:
    return (
        Recognition.objects.select_for_update(of=("self",))
        .select_related("activity", "certificate__norm_document")
        .get(pk=recognition.pk)
    )


def recognition_apply(
    *,
    actor: User | None,
    organisation: Organisation,
    activity: Activity,
    applied_on: dt.date,
    certificate: Certificate | None = None,
    scope: str = "",
    reason: str = "Aanvraag ontvangen",
) -> Recognition:
    """Register an application for a recognition (Bbk art 10)."""
    with transaction.atomic():
        recognition = Recognition.objects.create(
            number=f"tmp-{uuid.uuid4().hex[:12]}",  # replaced by the number derived from the key
            organisation=organisation,
            activity=activity,
            certificate=certificate,
            scope=scope,
        )
        recognition.number = recognition_number(recognition.pk)
        recognition.save(update_fields=["number"])
        _decision_record(
            actor=actor,
            recognition=recognition,
            kind=DecisionKind.APPLICATION,
            decided_on=applied_on,
            reason=reason,
            ground="application",
        )
    return recognition


def recognition_number(pk: int) -> str:
    """The public number of a recognition, derived from its key."""
    return f"ERK-{pk:06d}"


def recognition_decide(
    *,
    actor: User | None,
    recognition: Recognition,
    kind: DecisionKind,
    decided_on: dt.date,
    ground: str,
    reason: str,
    effective_from: dt.date | None = None,
    effective_until: dt.date | None = None,
    view_deadline: dt.date | None = None,
    partial: bool = False,
    scope: str = "",
) -> RecognitionDecision:
    """Record a lifecycle decision (grant, refusal, amendment, suspension, revocation, lapse,
    intent, view) on `recognition`.

    Raises:
        DomainError: the decision is not allowed now (illegal transition, missing intent,
            suspension longer than 2 years, retroactive grant, invalid basis...). Nothing
            is written in that case.
    """
    if kind is DecisionKind.APPLICATION:
        raise DomainError(N_("Register an application with a new recognition."))
    with transaction.atomic():
        return _decision_record(
            actor=actor,
            recognition=_locked(recognition),
            kind=kind,
            decided_on=decided_on,
            reason=reason,
            ground=ground,
            effective_from=effective_from,
            effective_until=effective_until,
            view_deadline=view_deadline,
            partial=partial,
            scope=scope if kind in (DecisionKind.GRANT, DecisionKind.AMENDMENT) else "",
        )


def recognition_grant(
    *,
    actor: User | None,
    recognition: Recognition,
    decided_on: dt.date,
    reason: str,
    effective_from: dt.date | None = None,
    partial: bool = False,
    scope: str = "",
) -> RecognitionDecision:
    """Grant the recognition wholly or, with `partial` and the granted `scope`, partly (Bbk art 11)."""
    return recognition_decide(
        actor=actor,
        recognition=recognition,
        kind=DecisionKind.GRANT,
        decided_on=decided_on,
        ground="grant",
        reason=reason,
        effective_from=effective_from,
        partial=partial,
        scope=scope,
    )


def recognition_suspend(
    *,
    actor: User | None,
    recognition: Recognition,
    decided_on: dt.date,
    until: dt.date,
    ground: str,
    reason: str,
    effective_from: dt.date | None = None,
) -> RecognitionDecision:
    """Suspend the recognition until `until` inclusive, at most 2 years (Bbk art 23 lid 2)."""
    return recognition_decide(
        actor=actor,
        recognition=recognition,
        kind=DecisionKind.SUSPENSION,
        decided_on=decided_on,
        ground=ground,
        reason=reason,
        effective_from=effective_from,
        effective_until=until,
    )


def recognition_revoke(
    *,
    actor: User | None,
    recognition: Recognition,
    decided_on: dt.date,
    ground: str,
    reason: str,
    effective_from: dt.date | None = None,
) -> RecognitionDecision:
    """Revoke the recognition on a ground of Bbk art 23 lid 1 or 3."""
    return recognition_decide(
        actor=actor,
        recognition=recognition,
        kind=DecisionKind.REVOCATION,
        decided_on=decided_on,
        ground=ground,
        reason=reason,
        effective_from=effective_from,
    )


def recognition_intent_record(
    *,
    actor: User | None,
    recognition: Recognition,
    kind: DecisionKind,
    decided_on: dt.date,
    view_deadline: dt.date,
    ground: str,
    reason: str,
) -> RecognitionDecision:
    """Record an intent to refuse, suspend or revoke, with the period for the holder's view."""
    if kind not in (
        DecisionKind.INTENT_REFUSAL,
        DecisionKind.INTENT_SUSPENSION,
        DecisionKind.INTENT_REVOCATION,
    ):
        raise DomainError(N_("'%(kind)s' is not an intent."), kind=kind)
    return recognition_decide(
        actor=actor,
        recognition=recognition,
        kind=kind,
        decided_on=decided_on,
        ground=ground,
        reason=reason,
        view_deadline=view_deadline,
    )


def recognition_decision_correct(
    *,
    actor: User | None,
    decision: RecognitionDecision,
    reason: str,
    decided_on: dt.date | None = None,
    effective_from: dt.date | None = None,
    effective_until: dt.date | None = None,
    view_deadline: dt.date | None = None,
    ground: str | None = None,
) -> RecognitionDecision:
    """Correct a registered decision (for instance a wrong date).

    The corrected decision stays in the register, marked as corrected; the status periods
    it produced are closed in registration time, so what was shown before stays traceable.
    """
    with transaction.atomic():
        recognition = _locked(decision.recognition)
        original = RecognitionDecision.objects.select_for_update().get(pk=decision.pk)
        if RecognitionDecision.objects.filter(corrects=original).exists():
            raise DomainError(
                N_("This decision has already been corrected; correct the correction instead.")
            )
        return _decision_record(
            actor=actor,
            recognition=recognition,
            kind=DecisionKind(original.kind),
            decided_on=decided_on or original.decided_on,
            reason=reason,
            ground=ground or original.ground,
            effective_from=effective_from or original.effective_from,
            effective_until=effective_until
            if effective_until is not None
            else original.effective_until,
            view_deadline=view_deadline if view_deadline is not None else original.view_deadline,
            partial=original.partial,
            scope=original.scope,
            corrects=original,
        )


# --- recognised persons ----------------------------------------------------------------------


def recognised_person_register(
    *,
    actor: User | None,
    recognition: Recognition,
    person: Person,
    valid_from: dt.date,
    vog_date: dt.date | None,
    reason: str,
) -> RecognisedPerson:
    """Register a natural person on a recognition for an activity that registers persons (Rbk art 2.3).

    Raises:
        DomainError: the activity does not register persons, the certificate of conduct
            (VOG) is older than 6 months (Bbk art 10 lid 2 onder e), or the person is
            already registered from that day.
    """
    if not recognition.activity.registers_persons:
        raise DomainError(N_("This activity does not register persons (Rbk art 2.3)."))
    if vog_date is None or not (valid_from - dt.timedelta(days=183) <= vog_date <= valid_from):
        raise DomainError(
            N_(
                "A certificate of conduct (VOG) not older than 6 months is required (Bbk art 10 lid 2)."
            )
        )
    with transaction.atomic():
        _locked(recognition)
        overlapping = RecognisedPerson.objects.filter(
            recognition=recognition, person=person, recorded_to__isnull=True
        ).exclude(valid_to__lte=valid_from)
        if overlapping.exists():
            raise DomainError(
                N_("%(person)s is already registered on this recognition."), person=str(person)
            )
        registration = RecognisedPerson.objects.create(
            recognition=recognition,
            person=person,
            vog_date=vog_date,
            valid_from=valid_from,
            recorded_from=timezone.now(),
            reason=reason,
        )
        audit_event_record(
            actor=actor,
            action="recognised_person.register",
            target=recognition,
            changes={"person": [None, str(person)], "valid_from": [None, valid_from]},
            reason=reason,
            legal_ground="Rbk art 2.3",
        )
    return registration


def recognised_person_deregister(
    *, actor: User | None, registration: RecognisedPerson, valid_to: dt.date, reason: str
) -> RecognisedPerson:
    """End a person's registration on `valid_to` (exclusive); the old row is kept, closed in registration time."""
    if not reason.strip():
        raise DomainError(N_("A reason is required for every decision."))
    with transaction.atomic():
        current = RecognisedPerson.objects.select_for_update().get(
            pk=registration.pk, recorded_to__isnull=True
        )
        if valid_to <= current.valid_from:
            raise DomainError(N_("A registration cannot end before it starts."))
        now = timezone.now()
        current.recorded_to = now
        current.save(update_fields=["recorded_to"])
        ended = RecognisedPerson.objects.create(
            recognition=current.recognition,
            person=current.person,
            vog_date=current.vog_date,
            valid_from=current.valid_from,
            valid_to=valid_to,
            recorded_from=now,
            reason=reason,
        )
        audit_event_record(
            actor=actor,
            action="recognised_person.deregister",
            target=current.recognition,
            changes={
                "person": [str(current.person), str(current.person)],
                "valid_to": [None, valid_to],
            },
            reason=reason,
            legal_ground="Rbk art 2.3",
        )
    return ended


# --- certificates ------------------------------------------------------------------------------


def certificate_report(
    *,
    actor: User,
    certificate: Certificate,
    state: str,
    effective_on: dt.date,
    reason: str,
    expires_on: dt.date | None = None,
) -> CertificateReport:
    """Record a report of a CI or the RvA on a certificate and update the certificate.

    A suspension or withdrawal does not change recognitions by itself: the recognition
    office must decide (intent, view, decision; Bbk art 23). The recognitions concerned
    appear in `selectors.recognitions_awaiting_decision`.

    Raises:
        DomainError: the reporter may not report on this certificate, the state is unknown,
            the reason is missing, or a renewal's new expiry date is not later than the issue date.
    """
    if not may_report_certificate(actor, certificate):
        raise DomainError(N_("You may only report on certificates issued by your own institution."))
    if state not in Certificate.State.values:
        raise DomainError(N_("'%(state)s' is not a certificate state."), state=state)
    if not reason.strip():
        raise DomainError(N_("A reason is required for every decision."))
    if expires_on is not None and expires_on <= certificate.issued_on:
        raise DomainError(N_("The new expiry date must be after the date of issue."))
    with transaction.atomic():
        locked = Certificate.objects.select_for_update().get(pk=certificate.pk)
        before = snapshot(locked, ("state", "expires_on"))
        locked.state = state
        if expires_on is not None:
            locked.expires_on = expires_on
        locked.save(update_fields=["state", "expires_on"])
        report = CertificateReport.objects.create(
            certificate=locked,
            state=state,
            effective_on=effective_on,
            expires_on=expires_on,
            reason=reason.strip(),
            reported_by=actor,
            reported_by_display=_actor_display(actor),
        )
        audit_event_record(
            actor=actor,
            action="certificate.report",
            target=locked,
            changes=model_changes(locked, before, ("state", "expires_on")),
            reason=report.reason,
            legal_ground="Bbk art 20",
        )
    certificate.refresh_from_db()
    return report
