"""Reads of the register, scoped by what the viewer may see and by legal and registration time.

Two times (see `kwalibo.register.models`): `on` is the legal date asked about ("was X
recognised on D?"); `known_at` is the moment of registration to look back to ("what did
the register say on T?"), defaulting to now.
"""

import datetime as dt
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from django.contrib.auth.models import AnonymousUser
from django.db.models import Exists, OuterRef, Prefetch, Q, QuerySet, Subquery
from django.http import Http404
from django.utils import timezone

from kwalibo.accounts.models import User
from kwalibo.accounts.permissions import has_capability
from kwalibo.accounts.roles import Capability, Role
from kwalibo.register.domain.lifecycle import DecisionKind, Status
from kwalibo.register.models import (
    Activity,
    Certificate,
    NormDocument,
    Organisation,
    RecognisedPerson,
    Recognition,
    RecognitionDecision,
    RecognitionStatusPeriod,
)

Viewer = User | AnonymousUser | None

#: Statuses the public register shows (Bbk art 9 lid 4, art 24). Applications and
#: refusals are not published.
PUBLIC_STATUSES = frozenset({Status.GRANTED, Status.SUSPENDED, Status.REVOKED, Status.LAPSED})
#: Statuses of the current register: recognitions in force, including suspended ones.
REGISTER_STATUSES = frozenset({Status.GRANTED, Status.SUSPENDED})
#: Decisions shown to the public in the history of an organisation.
PUBLIC_DECISIONS = frozenset(
    {
        DecisionKind.GRANT,
        DecisionKind.AMENDMENT,
        DecisionKind.SUSPENSION,
        DecisionKind.SUSPENSION_LIFTED,
        DecisionKind.REVOCATION,
        DecisionKind.LAPSE,
    }
)


def _internal(viewer: Viewer) -> bool:
    return has_capability(viewer, Capability.VIEW_REGISTER_INTERNAL)


def visible_statuses(viewer: Viewer) -> frozenset[Status]:
    """The statuses `viewer` may see: all for staff with internal access, else the public ones."""
    return frozenset(Status) if _internal(viewer) else PUBLIC_STATUSES


def periods_on(
    *, on: dt.date, known_at: dt.datetime | None = None
) -> QuerySet[RecognitionStatusPeriod]:
    """Status periods valid on `on` as the register held them at `known_at` (default: now)."""
    periods = RecognitionStatusPeriod.objects.filter(valid_from__lte=on).filter(
        Q(valid_to__isnull=True) | Q(valid_to__gt=on)
    )
    if known_at is None:
        return periods.filter(recorded_to__isnull=True)
    return periods.filter(recorded_from__lte=known_at).filter(
        Q(recorded_to__isnull=True) | Q(recorded_to__gt=known_at)
    )


def persons_on(*, on: dt.date, known_at: dt.datetime | None = None) -> QuerySet[RecognisedPerson]:
    """Person registrations valid on `on` as held at `known_at`."""
    rows = RecognisedPerson.objects.filter(valid_from__lte=on).filter(
        Q(valid_to__isnull=True) | Q(valid_to__gt=on)
    )
    if known_at is None:
        return rows.filter(recorded_to__isnull=True)
    return rows.filter(recorded_from__lte=known_at).filter(
        Q(recorded_to__isnull=True) | Q(recorded_to__gt=known_at)
    )


def with_status(
    recognitions: QuerySet[Recognition], periods: QuerySet[RecognitionStatusPeriod]
) -> QuerySet[Recognition]:
    own = periods.filter(recognition=OuterRef("pk")).order_by("-valid_from")
    return recognitions.annotate(
        status_on=Subquery(own.values("status")[:1]),
        status_since=Subquery(own.values("valid_from")[:1]),
        status_until=Subquery(own.values("valid_to")[:1]),
    )


# --- the check ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class CheckResult:
    """Answer to "was the organisation with this KvK number recognised for this activity on that day?"."""

    kvk: str
    activity: Activity
    on: dt.date
    known_at: dt.datetime | None
    organisation: Organisation | None
    recognition: Recognition | None
    period: RecognitionStatusPeriod | None

    @property
    def recognised(self) -> bool:
        return self.period is not None and self.period.status == Status.GRANTED

    @property
    def status(self) -> str | None:
        return self.period.status if self.period else None


_STATUS_PREFERENCE = {
    Status.GRANTED: 0,
    Status.SUSPENDED: 1,
    Status.REVOKED: 2,
    Status.LAPSED: 3,
    Status.APPLIED: 4,
    Status.REFUSED: 5,
}


def recognition_check(
    *,
    viewer: Viewer,
    kvk: str,
    activity: Activity,
    on: dt.date,
    known_at: dt.datetime | None = None,
) -> CheckResult:
    """Whether the organisation (any establishment with this KvK number) was recognised for
    `activity` on `on` (Bbk art 15, 21, 22; BP-ZOEK), with the recognition and its status.

    When several establishments have a recognition, a granted one is preferred.
    """
    periods = list(
        periods_on(on=on, known_at=known_at)
        .filter(
            recognition__organisation__kvk_number=kvk,
            recognition__activity=activity,
            status__in=visible_statuses(viewer),
        )
        .select_related(
            "recognition__organisation",
            "recognition__certificate__norm_document",
            "recognition__certificate__institution",
        )
    )
    if periods:
        period = min(
            periods, key=lambda p: (_STATUS_PREFERENCE[Status(p.status)], -p.valid_from.toordinal())
        )
        recognition = period.recognition
        return CheckResult(
            kvk, activity, on, known_at, recognition.organisation, recognition, period
        )
    organisation = Organisation.objects.filter(kvk_number=kvk).order_by("id").first()
    return CheckResult(kvk, activity, on, known_at, organisation, None, None)


# --- search ------------------------------------------------------------------------------------


def organisations_search(
    *,
    viewer: Viewer,
    text: str = "",
    activity: Activity | None = None,
    norm_document: NormDocument | None = None,
    place: str = "",
    on: dt.date | None = None,
    known_at: dt.datetime | None = None,
) -> QuerySet[Organisation]:
    """Organisations with a recognition in force (granted or suspended) on `on`.

    `text` matches the name (contains) or the KvK number (prefix); `place` the city of the
    visiting address. Each organisation carries `recognitions_on`: its matching recognitions
    annotated with `status_on`, `status_since`, `status_until`. Two queries in all.
    """
    on = on or timezone.localdate()
    statuses = REGISTER_STATUSES & visible_statuses(viewer)
    periods = periods_on(on=on, known_at=known_at)
    recognitions = Recognition.objects.filter(
        Exists(periods.filter(recognition=OuterRef("pk"), status__in=statuses))
    )
    if activity is not None:
        recognitions = recognitions.filter(activity=activity)
    if norm_document is not None:
        recognitions = recognitions.filter(certificate__norm_document=norm_document)
    organisations = Organisation.objects.filter(
        Exists(recognitions.filter(organisation=OuterRef("pk")))
    )
    text = text.strip()
    if text:
        compact = text.replace(" ", "").replace(".", "")
        if compact.isdigit():
            organisations = organisations.filter(kvk_number__startswith=compact)
        else:
            organisations = organisations.filter(name__icontains=text)
    if place.strip():
        organisations = organisations.filter(
            addresses__kind="visiting", addresses__city__iexact=place.strip()
        )
    shown = (
        with_status(recognitions, periods)
        .select_related("activity", "certificate__norm_document", "certificate__institution")
        .order_by("activity__category")
    )
    return organisations.order_by("name", "id").prefetch_related(
        "addresses", Prefetch("recognitions", queryset=shown, to_attr="recognitions_on")
    )


def organisations_list_page(
    organisations: QuerySet[Organisation], *, offset: int, limit: int
) -> list[Organisation]:
    """A page of a search, evaluated with its prefetches."""
    return list(organisations[offset : offset + limit])


# --- organisation page -------------------------------------------------------------------------


@dataclass
class RegisterEntry:
    """Everything the organisation page shows, scoped to the viewer."""

    organisation: Organisation
    on: dt.date
    recognitions: list[Recognition]
    persons: dict[int, list[RecognisedPerson]] = field(default_factory=dict)
    decisions: list[RecognitionDecision] = field(default_factory=list)
    internal: bool = False


def organisation_get_for_viewer(*, viewer: Viewer, organisation_id: int) -> Organisation:
    """The organisation, if the viewer may see it.

    The public sees an organisation once it has held a published recognition; staff with
    internal access see all. Raises Http404 otherwise.
    """
    organisations = Organisation.objects.all()
    if not _internal(viewer):
        published = RecognitionStatusPeriod.objects.filter(
            recognition__organisation=OuterRef("pk"),
            recorded_to__isnull=True,
            status__in=PUBLIC_STATUSES,
        )
        organisations = organisations.filter(Exists(published))
    try:
        return organisations.prefetch_related("addresses").get(pk=organisation_id)
    except Organisation.DoesNotExist as missing:
        raise Http404("No such organisation in the register.") from missing


def organisation_register_entry(
    *, viewer: Viewer, organisation: Organisation, on: dt.date | None = None
) -> RegisterEntry:
    """The organisation's recognitions with their status on `on`, its registered persons, and
    the history of decisions (the public sees published decisions without reasons)."""
    on = on or timezone.localdate()
    internal = _internal(viewer)
    periods = periods_on(on=on)
    recognitions = (
        with_status(organisation.recognitions.all(), periods)
        .select_related("activity", "certificate__norm_document", "certificate__institution")
        .order_by("activity__category", "number")
    )
    visible = visible_statuses(viewer)
    shown = [r for r in recognitions if internal or (r.status_on in visible)]  # type: ignore[attr-defined]
    persons: dict[int, list[RecognisedPerson]] = {}
    for registration in (
        persons_on(on=on)
        .filter(recognition__in=shown)
        .select_related("person")
        .order_by("person__surname")
    ):
        persons.setdefault(registration.recognition_id, []).append(registration)
    decisions = RecognitionDecision.objects.filter(recognition__in=shown).select_related(
        "recognition__activity"
    )
    if not internal:
        decisions = decisions.filter(
            kind__in=[k.value for k in PUBLIC_DECISIONS], corrected_by__isnull=True
        )
    return RegisterEntry(
        organisation=organisation,
        on=on,
        recognitions=shown,
        persons=persons,
        decisions=list(decisions.order_by("-effective_from", "-recorded_at")),
        internal=internal,
    )


# --- export ------------------------------------------------------------------------------------

EXPORT_COLUMNS = [
    "recognition_number",
    "kvk_number",
    "establishment_number",
    "name",
    "street",
    "house_number",
    "postcode",
    "city",
    "activity",
    "status",
    "status_since",
    "status_until",
    "granted_on",
    "scope",
    "certificate_number",
    "certificate_kind",
    "norm_document",
    "certifying_institution",
    "certificate_issued_on",
    "certificate_expires_on",
    "persons",
]


def register_export_rows(*, on: dt.date | None = None) -> Iterator[dict[str, Any]]:
    """One row per recognition in force (granted or suspended) on `on`: the published register.

    The columns (EXPORT_COLUMNS) are also the input format of `kwalibo import-register`.
    Runs in a fixed number of queries, streaming through the recognitions in chunks.
    """
    on = on or timezone.localdate()
    periods = periods_on(on=on)
    granted = RecognitionDecision.objects.filter(
        recognition=OuterRef("pk"), kind=DecisionKind.GRANT, corrected_by__isnull=True
    ).order_by("-effective_from")
    recognitions = (
        with_status(Recognition.objects.all(), periods)
        .filter(status_on__in=[s.value for s in REGISTER_STATUSES])  # type: ignore[misc]
        .annotate(granted_on=Subquery(granted.values("effective_from")[:1]))
        .select_related(
            "organisation", "activity", "certificate__norm_document", "certificate__institution"
        )
        .prefetch_related(
            "organisation__addresses",
            Prefetch(
                "persons",
                queryset=persons_on(on=on)
                .select_related("person")
                .order_by("person__surname", "person__initials", "valid_from", "id"),
                to_attr="persons_on",
            ),
        )
        .order_by("number")
    )
    for r in recognitions.iterator(chunk_size=2000):
        address = r.organisation.visiting_address
        certificate = r.certificate
        until = r.status_until - dt.timedelta(days=1) if r.status_until else None  # type: ignore[attr-defined]
        yield {
            "recognition_number": r.number,
            "kvk_number": r.organisation.kvk_number,
            "establishment_number": r.organisation.establishment_number,
            "name": r.organisation.name,
            "street": address.street if address else "",
            "house_number": address.house_number if address else "",
            "postcode": address.postcode if address else "",
            "city": address.city if address else "",
            "activity": r.activity.code,
            "status": r.status_on,  # type: ignore[attr-defined]
            "status_since": r.status_since.isoformat(),  # type: ignore[attr-defined]
            "status_until": until.isoformat() if until else "",
            "granted_on": r.granted_on.isoformat() if r.granted_on else "",  # type: ignore[attr-defined]
            "scope": r.scope,
            "certificate_number": certificate.number if certificate else "",
            "certificate_kind": certificate.kind if certificate else "",
            "norm_document": certificate.norm_document.code if certificate else "",
            "certifying_institution": certificate.institution.short_name
            if certificate and certificate.institution
            else "",
            "certificate_issued_on": certificate.issued_on.isoformat() if certificate else "",
            "certificate_expires_on": certificate.expires_on.isoformat() if certificate else "",
            "persons": "; ".join(str(p.person) for p in r.persons_on),  # type: ignore[attr-defined]
        }


def activity_get(code: str) -> Activity | None:
    """The activity with this stable code, or None."""
    return Activity.objects.filter(code=code).first()


def recognitions_awaiting_decision(*, on: dt.date | None = None) -> QuerySet[Recognition]:
    """Granted recognitions whose certificate or accreditation is no longer valid on `on`.

    These need a decision of the recognition office: suspension (Bbk art 23 lid 2 onder a)
    or revocation (art 23 lid 1 onder c). The register does not draw that conclusion itself.
    """
    on = on or timezone.localdate()
    granted = periods_on(on=on).filter(recognition=OuterRef("pk"), status=Status.GRANTED)
    return (
        Recognition.objects.filter(Exists(granted))
        .filter(
            Q(certificate__state__in=["suspended", "withdrawn"])
            | Q(certificate__expires_on__lte=on)
        )
        .select_related("organisation", "activity", "certificate")
        .order_by("number")
    )


def certificates_for_reporter(*, viewer: Viewer) -> QuerySet[Certificate]:
    """The certificates `viewer` may report on: its institution's, or all accreditations for the RvA."""
    certificates = Certificate.objects.select_related("holder", "norm_document", "institution")
    if not has_capability(viewer, Capability.REPORT_CERTIFICATE):
        return certificates.none()
    assert isinstance(viewer, User)
    if viewer.role == Role.ACCREDITATION_BODY:
        return certificates.filter(kind="accreditation")
    if viewer.organisation_id is None:
        return certificates.none()
    return certificates.filter(institution__organisation_id=viewer.organisation_id)
