"""Use cases of the soil-flow passport. Each runs in one transaction and writes its audit event.

The rules are in `kwalibo.passport.domain`; the register answers "was organisation X
recognised for activity W on date D?" (`kwalibo.register.selectors.recognition_check`), which
is asked at the moment a party is named (a preventive check, Bbk art 15, 21-22) and again at
every verification. Refused actions raise `DomainError` and write nothing.
"""

import datetime as dt
import hashlib
import json
import secrets
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from typing import Any

from django.conf import settings
from django.db import IntegrityError, transaction
from django.db.models import Q
from django.utils import timezone

from kwalibo.accounts.models import User
from kwalibo.audit.services import audit_event_record
from kwalibo.common.domain.errors import N_, DomainError
from kwalibo.passport import selectors
from kwalibo.passport.domain import batches as batch_rules
from kwalibo.passport.domain import custody
from kwalibo.passport.domain.declarations import (
    DateBasis,
    DeclarationType,
    Material,
    RelianceClaim,
    Role,
    declaration_type_check,
    reliances_for,
)
from kwalibo.passport.domain.notifications import (
    Framework,
    NotificationDraft,
    NotificationKind,
    Refusal,
    final_destination_due,
    notification_refusals,
    notification_required,
)
from kwalibo.passport.domain.projection import rd_check
from kwalibo.passport.domain.signing import (
    KEY_ENCRYPTION,
    key_pair_generate,
    private_key_decrypt,
    private_key_encrypt,
    sign,
)
from kwalibo.passport.domain.verification import DeclarationStatus
from kwalibo.passport.models import (
    Batch,
    Consignment,
    CustodyStep,
    Declaration,
    Frame,
    Notification,
    Project,
    RevisionAnswer,
    RevisionRequest,
    SigningKey,
    Site,
)
from kwalibo.register.domain.identifiers import validate_kvk
from kwalibo.register.models import Activity, Organisation
from kwalibo.register.selectors import activity_get, recognition_check

PAYLOAD_SCHEMA = "kwalibo-mvb/1"
_CROCKFORD = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"


class NotificationRefusedError(DomainError):
    """A notification is refused: late or incomplete; `refusals` says why, per field."""

    def __init__(self, refusals: Sequence[Refusal]) -> None:
        super().__init__(N_("The notification is refused."))
        self.refusals = list(refusals)


def _acting_organisation(
    actor: User | None, acting_for: Organisation | None = None
) -> Organisation:
    """The organisation on whose behalf a change is made.

    A user acts for their own organisation. A system job (an import, the demo) passes no
    user and names the organisation (`acting_for`); the audit trail records the system.
    """
    if actor is None:
        if acting_for is None:
            raise DomainError(N_("A change needs a user or the organisation it is made for."))
        return acting_for
    if actor.organisation is None:
        raise DomainError(N_("Your account does not act for an organisation."))
    if acting_for is not None and acting_for.pk != actor.organisation_id:
        raise DomainError(N_("You can only act for your own organisation."))
    return actor.organisation


def _today() -> dt.date:
    return timezone.localdate()


def _quantity(value: Decimal | str | int) -> Decimal:
    try:
        quantity = Decimal(str(value)).quantize(Decimal("0.001"))
    except InvalidOperation as error:
        raise DomainError(N_("'%(value)s' is not a quantity."), value=value) from error
    if quantity <= 0:
        raise DomainError(N_("The quantity must be positive."))
    return quantity


def _sequence_number(prefix: str, pk: int, on: dt.date) -> str:
    return f"{prefix}-{on.year}-{pk:06d}"


# --- parties: the preventive check ---------------------------------------------------------


def party_named(
    *, kvk: str, activity: str | None = None, on: dt.date | None = None
) -> Organisation:
    """The registered organisation for `kvk`, recognised for `activity` on `on` if given.

    This is the preventive check: a party that is not in the register, or that was not
    recognised where the law requires it, cannot be named (Bbk art 15, 21, 22).

    Raises:
        DomainError: malformed KvK number, not registered, or not recognised on that day.
    """
    number = validate_kvk(kvk)
    organisation = selectors.organisation_for_kvk(number)
    if organisation is None:
        raise DomainError(
            N_("No organisation with KvK number %(kvk)s is registered; it cannot be named."),
            kvk=number,
        )
    if activity is None:
        return organisation
    assert on is not None
    catalogue_entry = _activity(activity)
    result = recognition_check(viewer=None, kvk=number, activity=catalogue_entry, on=on)
    if not result.recognised:
        raise DomainError(
            N_(
                "%(organisation)s (KvK %(kvk)s) was not recognised for %(activity)s on "
                "%(on)s and cannot be named for this step."
            ),
            organisation=organisation.name,
            kvk=number,
            activity=catalogue_entry.name_nl,
            on=on.isoformat(),
        )
    return organisation


def _activity(code: str) -> Activity:
    activity = activity_get(code)
    if activity is None:  # the catalogue is loaded by a data migration
        raise DomainError(N_("Unknown activity %(code)s."), code=code)
    return activity


# --- projects and sites ---------------------------------------------------------------------


def project_create(
    *, actor: User | None, code: str, name: str, acting_for: Organisation | None = None
) -> Project:
    """Register a project of the actor's organisation (the client, opdrachtgever)."""
    client = _acting_organisation(actor, acting_for)
    code = code.strip()
    if not code or Project.objects.filter(code=code).exists():
        raise DomainError(N_("Choose a project code that is not in use."))
    with transaction.atomic():
        project = Project.objects.create(code=code, name=name.strip(), client=client)
        audit_event_record(
            actor=actor,
            action="passport.project.create",
            target=project,
            changes={"code": [None, project.code], "name": [None, project.name]},
        )
    return project


def site_register(
    *,
    actor: User | None,
    name: str,
    kind: str,
    frame: str,
    address: str,
    municipality: str,
    x_rd: float,
    y_rd: float,
    project: Project | None = None,
    operator_kvk: str = "",
    competent_authority: str = "",
    function_class: str = "",
    quality_class: str = "",
    acting_for: Organisation | None = None,
) -> Site:
    """Register a site with its RD New coordinates and, for an application location, the
    function and quality class of the receiving soil (Bbk art 55, 57-58).

    Raises:
        DomainError: coordinates outside the RD grid, an unregistered operator, or classes
            that do not belong to the frame.
    """
    rd_check(x_rd, y_rd)
    if kind not in Site.Kind.values or frame not in Frame.values:
        raise DomainError(N_("Unknown kind of site or frame."))
    land_classes = {"", "achtergrondwaarde", "wonen", "industrie"}
    water_classes = {"", "achtergrondwaarde", "klasse_A", "klasse_B"}
    if quality_class not in (land_classes if frame == Frame.LAND else water_classes):
        raise DomainError(N_("This soil-quality class does not exist on %(frame)s."), frame=frame)
    if frame == Frame.WATER and function_class:
        raise DomainError(N_("Soil-function classes exist only on land (Bbk art 55 lid 5)."))
    operator = party_named(kvk=operator_kvk) if operator_kvk else None
    with transaction.atomic():
        site = Site.objects.create(
            name=name.strip(),
            kind=kind,
            frame=frame,
            project=project,
            operator=operator,
            registered_by=actor.organisation if actor is not None else acting_for,
            address=address.strip(),
            municipality=municipality.strip(),
            competent_authority=competent_authority.strip() or f"gemeente {municipality.strip()}",
            x_rd=x_rd,
            y_rd=y_rd,
            function_class=function_class,
            quality_class=quality_class,
        )
        audit_event_record(
            actor=actor,
            action="passport.site.register",
            target=site,
            changes={
                "kind": [None, kind],
                "x_rd": [None, x_rd],
                "y_rd": [None, y_rd],
                "function_class": [None, function_class],
                "quality_class": [None, quality_class],
            },
        )
    return site


# --- batches --------------------------------------------------------------------------------


def batch_register(
    *,
    actor: User | None,
    origin_site: Site,
    material: Material,
    volume_m3: Decimal,
    declaration_type: DeclarationType,
    mass_tonnes: Decimal | None = None,
    project: Project | None = None,
    excavated_on: dt.date | None = None,
    quality_scheme: str = "",
    acting_for: Organisation | None = None,
) -> Batch:
    """Register a batch excavated at `origin_site`, held by the actor's organisation (the disposer).

    Raises:
        DomainError: the declaration type does not fit the material or size (Rbk art 4.3.3).
    """
    holder = _acting_organisation(actor, acting_for)
    try:
        material, declaration_type = Material(material), DeclarationType(declaration_type)
    except ValueError as error:
        raise DomainError(N_("Unknown material or type of declaration.")) from error
    volume = _quantity(volume_m3)
    mass = _quantity(mass_tonnes) if mass_tonnes is not None else None
    declaration_type_check(declaration_type, material=material, mass_tonnes=mass)
    with transaction.atomic():
        batch = Batch.objects.create(
            number=f"tmp-{secrets.token_hex(6)}",
            project=project or origin_site.project,
            material=material,
            volume_m3=volume,
            mass_tonnes=mass,
            declaration_type=declaration_type,
            quality_scheme=quality_scheme.strip(),
            holder=holder,
            provenance=Batch.Provenance.EXCAVATED,
            origin_site=origin_site,
            site=origin_site,
            excavated_on=excavated_on,
        )
        batch.number = _sequence_number("P", batch.pk, _today())
        batch.save(update_fields=["number"])
        audit_event_record(
            actor=actor,
            action="passport.batch.register",
            target=batch,
            changes={
                "volume_m3": [None, volume],
                "material": [None, material.value],
                "declaration_type": [None, declaration_type.value],
            },
        )
    return batch


def _holder_check(
    actor: User | None, batch: Batch, acting_for: Organisation | None = None
) -> Organisation:
    organisation = _acting_organisation(actor, acting_for)
    if batch.holder_id != organisation.pk:
        raise DomainError(N_("Only the holder of the batch can do this."))
    if batch.state != Batch.State.ACTIVE:
        raise DomainError(
            N_("Batch %(number)s was merged and is no longer in use."), number=batch.number
        )
    return organisation


@dataclass(frozen=True)
class AssessmentResult:
    """The result of the toetsing engine for a batch, as stored with the batch."""

    frame: str
    quality_class: str
    rule_set: str
    explanation: Mapping[str, Any]
    lab_report_reference: str


def batch_assessment_record(
    *,
    actor: User | None,
    batch: Batch,
    result: AssessmentResult,
    sampler_kvk: str = "",
    laboratory_kvk: str = "",
    certifier_kvk: str = "",
    sampled_on: dt.date | None = None,
    analysed_on: dt.date | None = None,
    acting_for: Organisation | None = None,
) -> Batch:
    """Store the assessment result of a batch and name who sampled and analysed it.

    The parties the batch's declaration type relies on must be registered and recognised on
    the day of their work (preventive check): a sampler for batch inspections on the
    sampling day, a laboratory on the analysis day (Rbk art 4.3.3; data/mvb_typen.csv).

    Raises:
        DomainError: not the holder, a declaration was already issued, a party missing,
            unregistered or unrecognised, or a class that does not exist in the frame.
    """
    _holder_check(actor, batch, acting_for)
    if batch.declaration_batch.pk != batch.pk:
        raise DomainError(N_("A sub-batch keeps the assessment of its original batch."))
    if Declaration.objects.filter(batch=batch, status=DeclarationStatus.VALID).exists():
        raise DomainError(N_("Withdraw the declaration before changing the assessment."))
    valid_classes = {
        "grond": {"achtergrondwaarde", "wonen", "industrie", "niet_toepasbaar"},
        "waterbodem": {"achtergrondwaarde", "klasse_A", "klasse_B", "niet_toepasbaar"},
    }
    if result.quality_class not in valid_classes.get(result.frame, set()):
        raise DomainError(
            N_("Quality class %(cls)s does not exist in frame %(frame)s."),
            cls=result.quality_class,
            frame=result.frame,
        )
    dates = {DateBasis.SAMPLED: sampled_on, DateBasis.ANALYSED: analysed_on}
    kvks = {Role.SAMPLER: sampler_kvk, Role.LABORATORY: laboratory_kvk}
    kvks[Role.CERTIFYING_INSTITUTION] = certifier_kvk
    named: dict[Role, Organisation] = {}
    for reliance in reliances_for(DeclarationType(batch.declaration_type)):
        if reliance.role is Role.PRODUCER:
            continue  # the producer is the holder; checked when the declaration is issued
        kvk = kvks.get(reliance.role, "")
        day = dates.get(reliance.date_basis) or (
            _today() if reliance.date_basis is DateBasis.ISSUED else None
        )
        if not kvk or day is None:
            raise DomainError(
                N_("Name the %(role)s and the date of their work (%(article)s)."),
                role=reliance.role,
                article="data/mvb_typen.csv",
            )
        named[reliance.role] = party_named(kvk=kvk, activity=reliance.activity, on=day)
    before = {"quality_class": batch.quality_class, "lab_report": batch.lab_report_reference}
    with transaction.atomic():
        batch.assessment_frame = result.frame
        batch.quality_class = result.quality_class
        batch.assessment_rule_set = result.rule_set
        batch.assessment_explanation = dict(result.explanation)
        batch.lab_report_reference = result.lab_report_reference.strip()
        batch.sampler = named.get(Role.SAMPLER)
        batch.laboratory = named.get(Role.LABORATORY)
        batch.certifier = named.get(Role.CERTIFYING_INSTITUTION)
        batch.sampled_on = sampled_on
        batch.analysed_on = analysed_on
        batch.assessed_at = timezone.now()
        batch.save()
        audit_event_record(
            actor=actor,
            action="passport.batch.assessment",
            target=batch,
            changes={
                "quality_class": [before["quality_class"], batch.quality_class],
                "lab_report_reference": [before["lab_report"], batch.lab_report_reference],
                "rule_set": [None, batch.assessment_rule_set],
            },
        )
    return batch


def batch_assess(
    *,
    actor: User | None,
    batch: Batch,
    measurements: Any,
    frame: str,
    lab_report_reference: str,
    sampler_kvk: str = "",
    laboratory_kvk: str = "",
    sampled_on: dt.date | None = None,
    analysed_on: dt.date | None = None,
    acting_for: Organisation | None = None,
) -> Batch:
    """Assess the batch's lab results with the toetsing engine and store its verdict.

    `measurements` is the engine's input frame (polars DataFrame); the engine is
    `kwalibo.assessments.domain.engine.assess(..., as_batch=True)`.
    """
    from kwalibo.assessments.domain.engine import assess  # the toetsing engine

    assessment = assess(measurements, frame=frame, sampling_date=sampled_on, as_batch=True)
    if not assessment.verdicts:
        raise DomainError(N_("The assessment gave no verdict for the batch."))
    verdict = assessment.verdicts[0]
    result = AssessmentResult(
        frame=frame,
        quality_class=str(verdict["class"]),
        rule_set=str(assessment.rule_set),
        explanation={"verdicts": assessment.verdicts, "messages": list(assessment.messages)},
        lab_report_reference=lab_report_reference,
    )
    return batch_assessment_record(
        actor=actor,
        acting_for=acting_for,
        batch=batch,
        result=result,
        sampler_kvk=sampler_kvk,
        laboratory_kvk=laboratory_kvk,
        sampled_on=sampled_on,
        analysed_on=analysed_on,
    )


def batch_split(
    *,
    actor: User | None,
    batch: Batch,
    site: Site,
    parts_m3: Sequence[Decimal],
    split_on: dt.date,
    acting_for: Organisation | None = None,
) -> list[Batch]:
    """Split sub-batches off `batch` at `site`; they use its declaration (Rbk art 4.3.1).

    The relation, who split (the actor's organisation) and when are recorded on each
    sub-batch. Raises DomainError when more is split off than is available there.
    """
    organisation = _holder_check(actor, batch, acting_for)
    parts = [_quantity(part) for part in parts_m3]
    with transaction.atomic():
        locked = Batch.objects.select_for_update().get(pk=batch.pk)
        available = selectors.batch_stock_by_site(batch=locked).get(site.pk, Decimal(0))
        batch_rules.split_check(available_m3=available, parts_m3=parts)
        children = []
        for part in parts:
            child = Batch.objects.create(
                number=f"tmp-{secrets.token_hex(6)}",
                project=batch.project,
                material=batch.material,
                volume_m3=part,
                mass_tonnes=None,
                declaration_type=batch.declaration_type,
                quality_scheme=batch.quality_scheme,
                holder=batch.holder,
                provenance=Batch.Provenance.SPLIT,
                origin_site=batch.origin_site,
                site=site,
                excavated_on=batch.excavated_on,
                split_from=batch,
                declared_batch=batch.declaration_batch,
                formed_by=organisation,
                formed_on=split_on,
                quality_class=batch.quality_class,
                assessment_frame=batch.assessment_frame,
                assessment_rule_set=batch.assessment_rule_set,
                lab_report_reference=batch.lab_report_reference,
                sampler=batch.sampler,
                laboratory=batch.laboratory,
                certifier=batch.certifier,
                sampled_on=batch.sampled_on,
                analysed_on=batch.analysed_on,
                assessed_at=batch.assessed_at,
            )
            child.number = f"{batch.number}-{child.pk}"
            child.save(update_fields=["number"])
            children.append(child)
        audit_event_record(
            actor=actor,
            action="passport.batch.split",
            target=batch,
            changes={"sub_batches": [None, [f"{c.number} {c.volume_m3} m³" for c in children]]},
            legal_ground="Rbk art 4.3.1",
        )
    return children


def batch_merge(
    *,
    actor: User | None,
    batches: Sequence[Batch],
    site: Site,
    merged_on: dt.date,
    acting_for: Organisation | None = None,
) -> Batch:
    """Merge whole batches lying at `site` into a new batch (Rbk art 4.3.2).

    The merger is the actor's organisation; above 25 m³ it must be recognised for merging
    (activity r) on `merged_on`. The declarations of the original batches lapse; the merged
    batch needs a new assessment (unless all had the same class) and a new declaration.

    Raises:
        DomainError: the merge rules refuse, a batch is not wholly at the site, or the actor
            does not hold all batches.
    """
    merger = _acting_organisation(actor, acting_for)
    for batch in batches:
        _holder_check(actor, batch, acting_for)
    recognised = recognition_check(
        viewer=None, kvk=merger.kvk_number, activity=_activity("samenvoegen-partijen"), on=merged_on
    ).recognised
    with transaction.atomic():
        locked = list(Batch.objects.select_for_update().filter(pk__in=[b.pk for b in batches]))
        sources = []
        for batch in locked:
            stock = selectors.batch_stock_by_site(batch=batch)
            if set(stock) != {site.pk}:
                raise DomainError(
                    N_("Batch %(number)s does not lie wholly at this site and cannot be merged."),
                    number=batch.number,
                )
            sources.append(
                batch_rules.MergeSource(
                    number=batch.number,
                    material=Material(batch.material),
                    volume_m3=stock[site.pk],
                    mass_tonnes=batch.mass_tonnes,
                    quality_class=batch.quality_class,
                    declaration_type=DeclarationType(batch.declaration_type),
                    quality_scheme=batch.quality_scheme,
                )
            )
        outcome = batch_rules.merge_check(sources=sources, merger_recognised=recognised)
        first = locked[0]
        merged = Batch.objects.create(
            number=f"tmp-{secrets.token_hex(6)}",
            project=first.project,
            material=outcome.material,
            volume_m3=outcome.volume_m3,
            mass_tonnes=outcome.mass_tonnes,
            declaration_type=first.declaration_type,
            holder=merger,
            provenance=Batch.Provenance.MERGED,
            origin_site=site,
            site=site,
            formed_by=merger,
            formed_on=merged_on,
            merge_needed_recognition=outcome.needs_recognised_merger,
            quality_class=outcome.quality_class,
            assessment_frame=first.assessment_frame if outcome.quality_class else "",
        )
        merged.number = _sequence_number("P", merged.pk, merged_on)
        merged.save(update_fields=["number"])
        for batch in locked:
            batch.state = Batch.State.MERGED
            batch.merged_into = merged
            batch.save(update_fields=["state", "merged_into"])
        lapsed = _declarations_lapse(
            roots={batch.declaration_batch for batch in locked}, merged=merged, on=merged_on
        )
        audit_event_record(
            actor=actor,
            action="passport.batch.merge",
            target=merged,
            changes={
                "merged_from": [None, [b.number for b in locked]],
                "volume_m3": [None, outcome.volume_m3],
                "lapsed_declarations": [None, lapsed],
            },
            legal_ground="Rbk art 4.3.2",
        )
    return merged


def _declarations_lapse(*, roots: set[Batch], merged: Batch, on: dt.date) -> list[str]:
    """Let the declarations of merged batches lapse (Rbk art 4.3.2 lid 2).

    A declaration that still covers soil elsewhere (its batch or a sub-batch not merged,
    with soil left) stays in force for that soil.
    """
    lapsed = []
    for root in roots:
        covered = Batch.objects.filter(
            Q(pk=root.pk) | Q(declared_batch=root), state=Batch.State.ACTIVE
        )
        if any(selectors.batch_stock_by_site(batch=batch) for batch in covered):
            continue
        for declaration in Declaration.objects.filter(batch=root, status=DeclarationStatus.VALID):
            declaration.status = DeclarationStatus.LAPSED
            declaration.status_since = on
            declaration.status_reason = f"Samengevoegd tot {merged.number}"
            declaration.save(update_fields=["status", "status_since", "status_reason"])
            lapsed.append(declaration.number)
    return lapsed


# --- declarations (MvB) ---------------------------------------------------------------------


def _signing_secret() -> str:
    """The secret that protects private keys: PASSPORT_SIGNING_SECRET, else SECRET_KEY."""
    return str(getattr(settings, "PASSPORT_SIGNING_SECRET", "") or settings.SECRET_KEY)


def signing_key_for(*, organisation: Organisation) -> SigningKey:
    """The organisation's active signing key, created on first use."""
    key = SigningKey.objects.filter(organisation=organisation, retired_at__isnull=True).first()
    if key is not None:
        return key
    pair = key_pair_generate()
    with transaction.atomic():
        key = SigningKey.objects.create(
            organisation=organisation,
            key_id=pair.key_id,
            public_key=pair.public_key,
            encrypted_private_key=private_key_encrypt(
                pair.private_key,
                secret=_signing_secret(),
                associated=f"{organisation.pk}:{pair.key_id}",
            ),
            encryption=KEY_ENCRYPTION,
        )
        audit_event_record(
            actor=None,
            action="passport.key.create",
            target=key,
            changes={"key_id": [None, key.key_id], "public_key": [None, key.public_key]},
        )
    return key


def signing_key_rotate(*, actor: User | None, acting_for: Organisation | None = None) -> SigningKey:
    """Retire the organisation's active key and create a new one; old signatures stay valid."""
    organisation = _acting_organisation(actor, acting_for)
    with transaction.atomic():
        retired = SigningKey.objects.filter(
            organisation=organisation, retired_at__isnull=True
        ).update(retired_at=timezone.now())
        key = signing_key_for(organisation=organisation)
        audit_event_record(
            actor=actor,
            action="passport.key.rotate",
            target=key,
            changes={"retired": [None, retired], "key_id": [None, key.key_id]},
        )
    return key


def _declaration_number(on: dt.date) -> str:
    """An unguessable unique number, so the public verification cannot be used to list MvBs."""
    while True:
        suffix = "".join(secrets.choice(_CROCKFORD) for _ in range(10))
        number = f"MVB-{on.year}-{suffix[:5]}-{suffix[5:]}"
        if not Declaration.objects.filter(number=number).exists():
            return number


def _party(organisation: Organisation | None) -> dict[str, str] | None:
    if organisation is None:
        return None
    address = organisation.visiting_address
    return {
        "name": organisation.name,
        "kvk": organisation.kvk_number,
        "establishment_number": organisation.establishment_number,
        "address": str(address) if address else "",
    }


def _claims(batch: Batch, issued_on: dt.date, issuer: Organisation) -> list[RelianceClaim]:
    parties = {
        Role.SAMPLER: batch.sampler,
        Role.LABORATORY: batch.laboratory,
        Role.CERTIFYING_INSTITUTION: batch.certifier,
        Role.PRODUCER: issuer,
        Role.MERGER: batch.formed_by,
    }
    dates = {
        DateBasis.SAMPLED: batch.sampled_on,
        DateBasis.ANALYSED: batch.analysed_on,
        DateBasis.ISSUED: issued_on,
        DateBasis.MERGED: batch.formed_on,
    }
    claims = []
    reliances = reliances_for(
        DeclarationType(batch.declaration_type),
        merged_with_recognition=batch.merge_needed_recognition,
    )
    if batch.provenance == Batch.Provenance.MERGED and batch.assessed_at is None:
        # Merged batches of one class keep that class without a new inspection; the
        # merger's declaration then relies only on the merger (Rbk art 4.3.2 lid 2).
        reliances = tuple(r for r in reliances if r.role is Role.MERGER)
    for reliance in reliances:
        organisation, on = parties[reliance.role], dates[reliance.date_basis]
        if organisation is None or on is None:
            raise DomainError(
                N_(
                    "The %(role)s and the date of their work are missing; record the assessment first."
                ),
                role=reliance.role,
            )
        claims.append(RelianceClaim(reliance.role, organisation.kvk_number, reliance.activity, on))
    return claims


def _payload(
    *,
    number: str,
    batch: Batch,
    issuer: Organisation,
    issued_on: dt.date,
    key: SigningKey,
    claims: Sequence[RelianceClaim],
) -> dict[str, Any]:
    origin = batch.origin_site
    explanation = batch.assessment_explanation or {}
    return {
        "schema": PAYLOAD_SCHEMA,
        "number": number,
        "type": batch.declaration_type,
        "issued_on": issued_on.isoformat(),
        "issuer": _party(issuer),
        "batch": {
            "number": batch.number,
            "material": batch.material,
            "volume_m3": str(batch.volume_m3),
            "mass_tonnes": str(batch.mass_tonnes) if batch.mass_tonnes is not None else None,
            "provenance": batch.provenance,
            "merged_from": sorted(batch.merged_from.values_list("number", flat=True)),
            "quality_scheme": batch.quality_scheme,
            "excavated_on": batch.excavated_on.isoformat() if batch.excavated_on else None,
            "origin": {
                "site": origin.name,
                "address": origin.address,
                "municipality": origin.municipality,
                "x_rd": f"{origin.x_rd:.2f}",
                "y_rd": f"{origin.y_rd:.2f}",
            },
        },
        "assessment": {
            "frame": batch.assessment_frame,
            "quality_class": batch.quality_class,
            "rule_set": batch.assessment_rule_set,
            "lab_report": batch.lab_report_reference,
            "sampled_on": batch.sampled_on.isoformat() if batch.sampled_on else None,
            "analysed_on": batch.analysed_on.isoformat() if batch.analysed_on else None,
            "explanation_sha256": _explanation_digest(explanation),
        },
        "parties": {
            "sampler": _party(batch.sampler),
            "laboratory": _party(batch.laboratory),
            "certifying_institution": _party(batch.certifier),
            "merger": _party(batch.formed_by)
            if batch.provenance == Batch.Provenance.MERGED
            else None,
        },
        "relies_on": [
            {"role": c.role.value, "kvk": c.kvk, "activity": c.activity, "on": c.on.isoformat()}
            for c in claims
        ],
        "key_id": key.key_id,
    }


def _explanation_digest(explanation: Any) -> str:
    """SHA-256 of the engine's explanation, which binds it to the signed payload.

    The explanation is the engine's own JSON (it may hold floats), so it is hashed in a sorted
    compact form rather than signed as part of the canonical payload.
    """
    text = json.dumps(
        explanation, sort_keys=True, separators=(",", ":"), ensure_ascii=False, default=str
    )
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def declaration_issue(
    *,
    actor: User | None,
    batch: Batch,
    issued_on: dt.date | None = None,
    acting_for: Organisation | None = None,
) -> Declaration:
    """Issue and sign the declaration (MvB) of a batch, as its disposer.

    Every recognition the declaration relies on is checked in the register for its date
    before signing (preventive); the verification checks them again later.

    Raises:
        DomainError: not the holder, no assessment, a sub-batch (it uses its original's
            declaration), a declaration already in force, or a recognition that did not hold.
    """
    issuer = _holder_check(actor, batch, acting_for)
    issued_on = issued_on or _today()
    if batch.declaration_batch.pk != batch.pk:
        raise DomainError(
            N_("A sub-batch uses the declaration of batch %(number)s (Rbk art 4.3.1)."),
            number=batch.declaration_batch.number,
        )
    if not batch.quality_class:
        raise DomainError(N_("Record the assessment of the batch before issuing its declaration."))
    declaration_type_check(
        DeclarationType(batch.declaration_type),
        material=Material(batch.material),
        mass_tonnes=batch.mass_tonnes,
    )
    claims = _claims(batch, issued_on, issuer)
    for claim in claims:
        party_named(kvk=claim.kvk, activity=claim.activity, on=claim.on)
    key = signing_key_for(organisation=issuer)
    private_key = private_key_decrypt(
        key.encrypted_private_key,
        secret=_signing_secret(),
        associated=f"{issuer.pk}:{key.key_id}",
    )
    with transaction.atomic():
        if (
            Declaration.objects.select_for_update()
            .filter(batch=batch, status=DeclarationStatus.VALID)
            .exists()
        ):
            raise DomainError(N_("This batch already has a declaration in force."))
        number = _declaration_number(issued_on)
        payload = _payload(
            number=number, batch=batch, issuer=issuer, issued_on=issued_on, key=key, claims=claims
        )
        try:
            declaration = Declaration.objects.create(
                number=number,
                batch=batch,
                declaration_type=batch.declaration_type,
                issuer=issuer,
                signing_key=key,
                payload=payload,
                signature=sign(payload, private_key),
                issued_on=issued_on,
                issued_by=actor,
                status=DeclarationStatus.VALID,
            )
        except IntegrityError as error:
            raise DomainError(N_("This batch already has a declaration in force.")) from error
        audit_event_record(
            actor=actor,
            action="passport.declaration.issue",
            target=declaration,
            changes={"batch": [None, batch.number], "key_id": [None, key.key_id]},
            legal_ground="Bbk art 38 lid 2",
        )
    return declaration


def declaration_withdraw(
    *,
    actor: User | None,
    declaration: Declaration,
    reason: str,
    acting_for: Organisation | None = None,
) -> Declaration:
    """Withdraw a declaration; from now on its verification shows it as not valid.

    Raises:
        DomainError: not the issuer, no reason, or not in force.
    """
    organisation = _acting_organisation(actor, acting_for)
    if declaration.issuer_id != organisation.pk:
        raise DomainError(N_("Only the issuer can withdraw a declaration."))
    if not reason.strip():
        raise DomainError(N_("State the reason for withdrawing the declaration."))
    with transaction.atomic():
        locked = Declaration.objects.select_for_update().get(pk=declaration.pk)
        if locked.status != DeclarationStatus.VALID:
            raise DomainError(N_("This declaration is not in force."))
        locked.status = DeclarationStatus.WITHDRAWN
        locked.status_since = _today()
        locked.status_reason = reason.strip()
        locked.save(update_fields=["status", "status_since", "status_reason"])
        audit_event_record(
            actor=actor,
            action="passport.declaration.withdraw",
            target=locked,
            changes={"status": [DeclarationStatus.VALID.value, locked.status]},
            reason=locked.status_reason,
        )
    return locked


# --- application check (toetsing engine) ----------------------------------------------------


def application_allowed(*, site: Site, batch_class: str) -> tuple[bool, tuple[str, ...], str]:
    """Whether a batch of `batch_class` may be applied at `site` (Bbk art 55-59).

    Asks the toetsing engine (`kwalibo.assessments.domain.application.application_check`)
    with the site's frame, function class and the quality class of the receiving soil.
    """
    try:
        from kwalibo.assessments.domain.application import application_check
    except ImportError as missing:  # the engine is another app; refuse rather than guess
        raise DomainError(
            N_("The application check of the toetsing engine is not available; try again later.")
        ) from missing
    verdict = application_check(
        frame=site.frame,
        batch_class=batch_class,
        function_class=site.function_class or None,
        receiving_quality_class=site.quality_class or None,
    )
    return bool(verdict.allowed), tuple(str(r) for r in verdict.reasons), str(verdict.article)


def _application_check(site: Site, batch: Batch) -> None:
    allowed, reasons, article = application_allowed(site=site, batch_class=batch.quality_class)
    if not allowed:
        raise DomainError(
            N_(
                "A batch of class %(cls)s may not be applied at %(site)s: %(reasons)s (%(article)s)."
            ),
            cls=batch.quality_class,
            site=site.name,
            reasons="; ".join(reasons),
            article=article,
        )


# --- notifications --------------------------------------------------------------------------


def notification_file(
    *,
    actor: User | None,
    kind: NotificationKind,
    batch: Batch,
    site: Site,
    starts_on: dt.date,
    quantity_m3: Decimal | None,
    framework: Framework | None = None,
    duration_days: int | None = None,
    storage_setting: str = "land",
    filed_on: dt.date | None = None,
    acting_for: Organisation | None = None,
) -> Notification:
    """File a notification of application or temporary storage (Bbk art 42).

    Name and address of the applier come from the register, the declaration from the batch,
    the classes from the location. A late or incomplete notification is refused with the
    reasons per field (`NotificationRefusedError`); an application the location's classes do not
    allow is refused by the toetsing engine's application check.
    """
    applier = _acting_organisation(actor, acting_for)
    filed_on = filed_on or _today()
    kind = NotificationKind(kind)
    framework = Framework(framework) if framework else None
    if quantity_m3 is not None:
        try:
            quantity_m3 = Decimal(str(quantity_m3)).quantize(Decimal("0.001"))
        except InvalidOperation as error:
            raise DomainError(N_("'%(value)s' is not a quantity."), value=quantity_m3) from error
    declaration = selectors.declaration_current_for_batch(batch=batch)
    address = applier.visiting_address
    draft = NotificationDraft(
        kind=kind,
        filed_on=filed_on,
        starts_on=starts_on,
        applier=f"{applier.name}, {address}" if address else "",
        framework=framework,
        declaration=declaration.number if declaration else "",
        origin=f"{batch.origin_site.address}, {batch.origin_site.municipality}",
        quantity_m3=quantity_m3,
        location=f"{site.name}, {site.address}, {site.municipality}",
        on_land=site.frame == Frame.LAND,
        quality_class=site.quality_class,
        function_class=site.function_class,
        batch_class=batch.quality_class,
        duration_days=duration_days,
        storage_setting=storage_setting,
    )
    refusals = notification_refusals(draft)
    expected_kind = (
        Site.Kind.APPLICATION if kind is NotificationKind.APPLICATION else Site.Kind.STORAGE
    )
    if site.kind != expected_kind:
        refusals.append(
            Refusal(
                "site", N_("This site is not registered as a place for %(kind)s."), {"kind": kind}
            )
        )
    if quantity_m3 is not None and quantity_m3 > batch.declaration_batch.volume_m3:
        refusals.append(
            Refusal(
                "quantity_m3",
                N_("The quantity exceeds the %(volume)s m³ of the batch under this declaration."),
                {"volume": str(batch.declaration_batch.volume_m3)},
            )
        )
    if refusals:
        raise NotificationRefusedError(refusals)
    if kind is NotificationKind.APPLICATION:
        _application_check(site, batch)
    sub_batch = ""
    if batch.provenance == Batch.Provenance.SPLIT and batch.split_from is not None:
        sub_batch = (
            f"deelpartij van {batch.split_from.number}, gesplitst door "
            f"{batch.formed_by.name if batch.formed_by else ''} op {batch.formed_on}"
        )
    with transaction.atomic():
        notification = Notification.objects.create(
            number=f"tmp-{secrets.token_hex(6)}",
            kind=kind,
            declaration=declaration,
            batch=batch,
            applier=applier,
            applier_details=draft.applier,
            framework=framework.value if framework else "",
            origin=draft.origin,
            quantity_m3=quantity_m3,
            site=site,
            quality_class=site.quality_class,
            function_class=site.function_class,
            duration_days=duration_days,
            sub_batch_record=sub_batch,
            starts_on=starts_on,
            filed_on=filed_on,
            filed_by=actor,
            competent_authority=site.competent_authority,
            final_destination_due=final_destination_due(draft),
        )
        notification.number = _sequence_number("M", notification.pk, filed_on)
        notification.save(update_fields=["number"])
        audit_event_record(
            actor=actor,
            action="passport.notification.file",
            target=notification,
            changes={
                "kind": [None, kind.value],
                "starts_on": [None, starts_on],
                "quantity_m3": [None, quantity_m3],
                "site": [None, site.name],
            },
            legal_ground="Bbk art 42",
        )
    return notification


def notification_final_destination_report(
    *,
    actor: User | None,
    notification: Notification,
    destination: str,
    acting_for: Organisation | None = None,
) -> Notification:
    """Report the final destination of a long temporary storage (Bbk art 42 lid 4)."""
    organisation = _acting_organisation(actor, acting_for)
    if notification.applier_id != organisation.pk:
        raise DomainError(N_("Only the applier can report the final destination."))
    if notification.final_destination_due is None:
        raise DomainError(N_("No final destination needs to be reported for this notification."))
    if not destination.strip():
        raise DomainError(N_("Describe the final destination."))
    with transaction.atomic():
        old = notification.final_destination
        notification.final_destination = destination.strip()
        notification.save(update_fields=["final_destination"])
        audit_event_record(
            actor=actor,
            action="passport.notification.final_destination",
            target=notification,
            changes={"final_destination": [old, notification.final_destination]},
            legal_ground="Bbk art 42 lid 4",
        )
    return notification


# --- consignments and the chain of custody --------------------------------------------------

_PURPOSE_SITE = {
    custody.Purpose.APPLICATION: Site.Kind.APPLICATION,
    custody.Purpose.STORAGE: Site.Kind.STORAGE,
    custody.Purpose.PROCESSING: Site.Kind.PROCESSING,
}
_PURPOSE_NOTIFICATION = {
    custody.Purpose.APPLICATION: NotificationKind.APPLICATION,
    custody.Purpose.STORAGE: NotificationKind.STORAGE,
}


def _step_views(consignment: Consignment) -> list[custody.StepView]:
    return [
        custody.StepView(
            custody.StepKind(s.kind), s.party_id, s.confirmed_at is not None, s.quantity_m3
        )
        for s in consignment.steps.order_by("sequence")
    ]


def consignment_plan(
    *,
    actor: User | None,
    batch: Batch,
    from_site: Site,
    to_site: Site,
    purpose: custody.Purpose,
    quantity_m3: Decimal,
    planned_on: dt.date,
    transporter_kvks: Sequence[str],
    receiver_kvk: str,
    applier_kvk: str = "",
    acting_for: Organisation | None = None,
) -> Consignment:
    """Plan a consignment and name its parties; each name is checked at once.

    Preventive checks: every party is registered; the receiver of a processing consignment
    is recognised for processing soil (activity e) on the planned day; the declaration is in
    force; the batch has that quantity at the origin; an application or storage that must
    be notified was notified for this destination (Bbk art 42); an application is allowed by
    the location's classes (toetsing engine) and stays within the declared batch.

    Raises:
        DomainError: the first check that fails; nothing is written.
    """
    disposer = _holder_check(actor, batch, acting_for)
    quantity = _quantity(quantity_m3)
    if from_site.pk == to_site.pk:
        raise DomainError(N_("Origin and destination are the same site."))
    if to_site.kind != _PURPOSE_SITE[purpose]:
        raise DomainError(
            N_("%(site)s is not registered as a place for %(purpose)s."),
            site=to_site.name,
            purpose=purpose,
        )
    kinds = custody.chain_plan(purpose, len(transporter_kvks))
    declaration = selectors.declaration_current_for_batch(batch=batch)
    if declaration is None:
        raise DomainError(
            N_(
                "Batch %(number)s has no declaration in force; it cannot be moved (Bbk art 38 lid 2)."
            ),
            number=batch.number,
        )
    transporters = [party_named(kvk=kvk) for kvk in transporter_kvks]
    required = custody.REQUIRED_ACTIVITY.get((purpose, custody.StepKind.RECEIPT))
    receiver = party_named(kvk=receiver_kvk, activity=required, on=planned_on if required else None)
    applier = None
    if purpose is custody.Purpose.APPLICATION:
        if not applier_kvk:
            raise DomainError(N_("Name the applier."))
        applier = party_named(kvk=applier_kvk)
    notification = None
    notification_kind = _PURPOSE_NOTIFICATION.get(purpose)
    if notification_kind is not None:
        notification = (
            Notification.objects.filter(
                declaration=declaration, site=to_site, kind=notification_kind
            )
            .order_by("-starts_on", "-id")
            .first()
        )
        if notification is None and notification_required(
            batch_class=batch.quality_class, quantity_m3=quantity
        ):
            raise DomainError(
                N_(
                    "File the notification of this %(purpose)s at %(site)s first, five working "
                    "days ahead (Bbk art 42)."
                ),
                purpose=purpose,
                site=to_site.name,
            )
    if purpose is custody.Purpose.APPLICATION:
        _application_check(to_site, batch)
    with transaction.atomic():
        Batch.objects.select_for_update().get(pk=batch.pk)
        available = selectors.batch_stock_by_site(batch=batch).get(from_site.pk, Decimal(0))
        if quantity > available:
            raise DomainError(
                N_("Only %(available)s m³ of batch %(number)s is at %(site)s."),
                available=available,
                number=batch.number,
                site=from_site.name,
            )
        if purpose is custody.Purpose.APPLICATION:
            planned, _ = selectors.declaration_quantities(declaration=declaration)
            batch_rules.application_within_declaration(
                declared_m3=declaration.batch.volume_m3, applied_m3=planned, adding_m3=quantity
            )
        consignment = Consignment.objects.create(
            number=f"tmp-{secrets.token_hex(6)}",
            batch=batch,
            declaration=declaration,
            notification=notification,
            purpose=purpose,
            from_site=from_site,
            to_site=to_site,
            quantity_m3=quantity,
            planned_on=planned_on,
            created_by=actor,
        )
        consignment.number = _sequence_number("Z", consignment.pk, planned_on)
        consignment.save(update_fields=["number"])
        parties = [disposer, *transporters, receiver, *([applier] if applier else [])]
        sites = {custody.StepKind.ORIGIN: from_site, custody.StepKind.RECEIPT: to_site}
        sites[custody.StepKind.APPLICATION] = to_site
        CustodyStep.objects.bulk_create(
            CustodyStep(
                consignment=consignment,
                sequence=index,
                kind=kind,
                party=party,
                site=sites.get(kind),
            )
            for index, (kind, party) in enumerate(zip(kinds, parties, strict=True))
        )
        audit_event_record(
            actor=actor,
            action="passport.consignment.plan",
            target=consignment,
            changes={
                "batch": [None, batch.number],
                "quantity_m3": [None, quantity],
                "from_site": [None, from_site.name],
                "to_site": [None, to_site.name],
                "parties": [
                    None,
                    [f"{k}: {p.kvk_number}" for k, p in zip(kinds, parties, strict=True)],
                ],
            },
        )
    return consignment


def custody_step_confirm(
    *,
    actor: User | None,
    step: CustodyStep,
    quantity_m3: Decimal,
    occurred_on: dt.date,
    vehicle: str = "",
    remarks: str = "",
    acting_for: Organisation | None = None,
) -> CustodyStep:
    """Confirm a step of the chain of custody as its own party.

    Raises:
        DomainError: another party, out of order, twice, a cancelled consignment, more
            applied than received or than the declaration covers, an application before the
            notified start, or a declaration no longer in force.
    """
    organisation = _acting_organisation(actor, acting_for)
    quantity = _quantity(quantity_m3)
    with transaction.atomic():
        consignment = Consignment.objects.select_for_update().get(pk=step.consignment_id)
        step = CustodyStep.objects.get(pk=step.pk)
        views = _step_views(consignment)
        custody.step_confirm_check(
            views,
            step.sequence,
            party=organisation.pk,
            quantity_m3=quantity,
            cancelled=consignment.state == custody.ChainState.CANCELLED,
        )
        kind = custody.StepKind(step.kind)
        declaration = consignment.declaration
        if kind in (custody.StepKind.ORIGIN, custody.StepKind.APPLICATION):
            declaration.refresh_from_db(fields=["status"])
            if declaration.status != DeclarationStatus.VALID:
                raise DomainError(
                    N_("Declaration %(number)s is no longer in force (%(status)s)."),
                    number=declaration.number,
                    status=DeclarationStatus(declaration.status),
                )
        notification = consignment.notification
        starts_here = kind is custody.StepKind.APPLICATION or (
            kind is custody.StepKind.RECEIPT and consignment.purpose == custody.Purpose.STORAGE
        )
        if notification is not None and starts_here and occurred_on < notification.starts_on:
            raise DomainError(
                N_(
                    "The notified start is %(day)s; the soil cannot be applied or stored before it."
                ),
                day=notification.starts_on.isoformat(),
            )
        if kind is custody.StepKind.ORIGIN and quantity != consignment.quantity_m3:
            raise DomainError(
                N_("Dispatch the planned %(planned)s m³, or cancel and plan again."),
                planned=consignment.quantity_m3,
            )
        if kind is custody.StepKind.APPLICATION:
            Declaration.objects.select_for_update().get(pk=declaration.pk)
            _, applied = selectors.declaration_quantities(declaration=declaration)
            batch_rules.application_within_declaration(
                declared_m3=declaration.batch.volume_m3, applied_m3=applied, adding_m3=quantity
            )
        step.quantity_m3 = quantity
        step.occurred_on = occurred_on
        step.vehicle = vehicle.strip()
        step.remarks = remarks.strip()
        step.confirmed_at = timezone.now()
        step.confirmed_by = actor
        step.save()
        views[step.sequence] = custody.StepView(kind, step.party_id, True, quantity)
        consignment.state = custody.chain_state(views)
        consignment.save(update_fields=["state"])
        audit_event_record(
            actor=actor,
            action=f"passport.custody.{kind.value}",
            target=step,
            changes={"quantity_m3": [None, quantity], "occurred_on": [None, occurred_on]},
        )
    return step


def consignment_cancel(
    *,
    actor: User | None,
    consignment: Consignment,
    reason: str,
    acting_for: Organisation | None = None,
) -> Consignment:
    """Cancel a consignment that has not been dispatched (the disposer only)."""
    organisation = _acting_organisation(actor, acting_for)
    if consignment.batch.holder_id != organisation.pk:
        raise DomainError(N_("Only the disposer can cancel a consignment."))
    if not reason.strip():
        raise DomainError(N_("State the reason for cancelling."))
    with transaction.atomic():
        locked = Consignment.objects.select_for_update().get(pk=consignment.pk)
        custody.chain_cancel_check(
            _step_views(locked), cancelled=locked.state == custody.ChainState.CANCELLED
        )
        locked.state = custody.ChainState.CANCELLED
        locked.cancelled_reason = reason.strip()
        locked.save(update_fields=["state", "cancelled_reason"])
        audit_event_record(
            actor=actor,
            action="passport.consignment.cancel",
            target=locked,
            changes={"state": ["planned", "cancelled"]},
            reason=locked.cancelled_reason,
        )
    return locked


def _parse_change(field: str, value: Any) -> Any:
    if field == "quantity_m3":
        return _quantity(value)
    if field == "occurred_on":
        if isinstance(value, dt.date):
            return value
        try:
            return dt.date.fromisoformat(str(value))
        except ValueError as error:
            raise DomainError(N_("'%(value)s' is not a date."), value=value) from error
    return str(value).strip()


def _jsonable(value: Any) -> Any:
    if isinstance(value, Decimal):
        return str(value)
    if isinstance(value, dt.date):
        return value.isoformat()
    return value


def custody_revision_request(
    *,
    actor: User | None,
    step: CustodyStep,
    changes: Mapping[str, Any],
    reason: str,
    acting_for: Organisation | None = None,
) -> RevisionRequest:
    """Ask to correct a confirmed step; it takes effect when every other party accepts."""
    organisation = _acting_organisation(actor, acting_for)
    if not reason.strip():
        raise DomainError(N_("State the reason for the revision."))
    step = CustodyStep.objects.select_related("consignment").get(pk=step.pk)
    consignment = step.consignment
    approvers = custody.revision_request_check(
        _step_views(consignment), step.sequence, party=organisation.pk, changes=changes
    )
    parsed = {field: _parse_change(field, value) for field, value in changes.items()}
    if "quantity_m3" in parsed and step.kind == custody.StepKind.APPLICATION:
        received = consignment.steps.get(kind=custody.StepKind.RECEIPT).quantity_m3
        if received is not None and parsed["quantity_m3"] > received:
            raise DomainError(
                N_("Not more than the %(received)s m³ received can be applied."), received=received
            )
    if step.revisions.filter(state=custody.RevisionState.OPEN).exists():
        raise DomainError(N_("A revision of this step is awaiting acceptance already."))
    with transaction.atomic():
        revision = RevisionRequest.objects.create(
            step=step,
            requested_by=organisation,
            requested_by_user=actor,
            changes={
                field: [_jsonable(getattr(step, field)), _jsonable(value)]
                for field, value in parsed.items()
            },
            reason=reason.strip(),
            approvers=sorted(approvers),
        )
        audit_event_record(
            actor=actor,
            action="passport.revision.request",
            target=revision,
            changes=revision.changes,
            reason=revision.reason,
        )
        if not approvers:  # every step is the requester's own: nobody else to ask
            _revision_apply(actor, revision)
    return revision


def custody_revision_answer(
    *,
    actor: User | None,
    revision: RevisionRequest,
    accept: bool,
    remark: str = "",
    acting_for: Organisation | None = None,
) -> RevisionRequest:
    """Accept or reject a revision request for the actor's organisation.

    When the last party accepts, the change is applied to the step (old and new values go
    to the audit trail); a rejection closes the request and leaves the step unchanged.
    """
    organisation = _acting_organisation(actor, acting_for)
    with transaction.atomic():
        locked = RevisionRequest.objects.select_for_update().get(pk=revision.pk)
        approvers = frozenset(int(p) for p in locked.approvers)
        answers = {a.party_id: a.accepted for a in locked.answers.all()}
        custody.revision_answer_check(
            state=custody.RevisionState(locked.state),
            approvers=approvers,
            answers=answers,
            party=organisation.pk,
        )
        RevisionAnswer.objects.create(
            revision=locked,
            party=organisation,
            accepted=accept,
            remark=remark.strip(),
            answered_by=actor,
        )
        answers[organisation.pk] = accept
        state = custody.revision_outcome(approvers=approvers, answers=answers)
        audit_event_record(
            actor=actor,
            action="passport.revision.accept" if accept else "passport.revision.reject",
            target=locked,
            changes={"party": [None, organisation.kvk_number]},
            reason=remark,
        )
        if state is custody.RevisionState.ACCEPTED:
            _revision_apply(actor, locked)
        elif state is custody.RevisionState.REJECTED:
            locked.state = state
            locked.closed_at = timezone.now()
            locked.save(update_fields=["state", "closed_at"])
    return locked


def _revision_apply(actor: User | None, revision: RevisionRequest) -> None:
    step = CustodyStep.objects.select_for_update().get(pk=revision.step_id)
    changes = {field: _parse_change(field, pair[1]) for field, pair in revision.changes.items()}
    if step.kind == custody.StepKind.APPLICATION and "quantity_m3" in changes:
        declaration = step.consignment.declaration
        _, applied = selectors.declaration_quantities(declaration=declaration)
        batch_rules.application_within_declaration(
            declared_m3=declaration.batch.volume_m3,
            applied_m3=applied - (step.quantity_m3 or Decimal(0)),
            adding_m3=changes["quantity_m3"],
        )
    if step.kind == custody.StepKind.ORIGIN and "quantity_m3" in changes:
        consignment = Consignment.objects.select_for_update().get(pk=step.consignment_id)
        stock = selectors.batch_stock_by_site(batch=consignment.batch)
        available = stock.get(consignment.from_site_id, Decimal(0)) + consignment.quantity_m3
        if changes["quantity_m3"] > available:
            raise DomainError(
                N_("Only %(available)s m³ of batch %(number)s is at %(site)s."),
                available=available,
                number=consignment.batch.number,
                site=consignment.from_site.name,
            )
        consignment.quantity_m3 = changes["quantity_m3"]
        consignment.save(update_fields=["quantity_m3"])
    for field, value in changes.items():
        setattr(step, field, value)
    step.save(update_fields=list(changes))
    revision.state = custody.RevisionState.ACCEPTED
    revision.closed_at = timezone.now()
    revision.save(update_fields=["state", "closed_at"])
    audit_event_record(
        actor=actor,
        action="passport.custody.revise",
        target=step,
        changes=revision.changes,
        reason=revision.reason,
    )
