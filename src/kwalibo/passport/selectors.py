"""Reads of the passport, scoped by the viewer's role and organisation.

Authorities (environmental services, the inspectorate: `VIEW_ALL_DECLARATIONS`,
`VIEW_NOTIFICATIONS`) see everything; a company sees what it holds, issued, filed or is a
party to. The public sees only the verification of a declaration by its number.
"""

import datetime as dt
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from django.contrib.auth.models import AnonymousUser
from django.db import connection
from django.db.models import Exists, OuterRef, Q, QuerySet
from django.http import Http404

from kwalibo.accounts.models import User
from kwalibo.accounts.permissions import has_capability
from kwalibo.accounts.roles import Capability
from kwalibo.passport.domain.balance import Discrepancy, Flows, discrepancies
from kwalibo.passport.domain.custody import StepKind
from kwalibo.passport.domain.projection import rd_to_wgs84
from kwalibo.passport.domain.signing import signature_valid
from kwalibo.passport.domain.verification import (
    DeclarationStatus,
    RecognitionFinding,
    Verification,
    verification_conclude,
)
from kwalibo.passport.models import (
    Batch,
    Consignment,
    CustodyStep,
    Declaration,
    Notification,
    Project,
    RevisionRequest,
    SigningKey,
    Site,
)
from kwalibo.register.models import Organisation
from kwalibo.register.selectors import activity_get, recognition_check

Viewer = User | AnonymousUser | None
ZERO = Decimal(0)
MILLI = Decimal("0.001")


def _organisation_id(viewer: Viewer) -> int | None:
    if viewer is None or not viewer.is_authenticated:
        return None
    assert isinstance(viewer, User)
    return viewer.organisation_id


def _sees_all(viewer: Viewer) -> bool:
    return has_capability(viewer, Capability.VIEW_ALL_DECLARATIONS)


def _party_of(
    consignments: QuerySet[Consignment], organisation: int | None
) -> QuerySet[Consignment]:
    return consignments.filter(
        Exists(CustodyStep.objects.filter(consignment=OuterRef("pk"), party_id=organisation))
    )


# --- scoped lists ------------------------------------------------------------------------------


def batches_for_viewer(*, viewer: Viewer) -> QuerySet[Batch]:
    """Batches the viewer may see: all for authorities; else held, sampled, analysed or moved."""
    batches = Batch.objects.select_related("origin_site", "site", "holder", "project")
    if _sees_all(viewer):
        return batches
    organisation = _organisation_id(viewer)
    if organisation is None:
        return batches.none()
    moved = _party_of(Consignment.objects.filter(batch=OuterRef("pk")), organisation)
    return batches.filter(
        Q(holder_id=organisation)
        | Q(sampler_id=organisation)
        | Q(laboratory_id=organisation)
        | Q(formed_by_id=organisation)
        | Exists(moved)
    )


def batch_get_for_viewer(*, viewer: Viewer, number: str) -> Batch:
    batch = batches_for_viewer(viewer=viewer).filter(number=number).first()
    if batch is None:
        raise Http404
    return batch


def declarations_for_viewer(*, viewer: Viewer) -> QuerySet[Declaration]:
    """Declarations the viewer may see: all for authorities; else issued, held or moved."""
    declarations = Declaration.objects.select_related("batch", "issuer", "signing_key")
    if _sees_all(viewer):
        return declarations
    organisation = _organisation_id(viewer)
    if organisation is None:
        return declarations.none()
    moved = _party_of(Consignment.objects.filter(declaration=OuterRef("pk")), organisation)
    return declarations.filter(
        Q(issuer_id=organisation) | Q(batch__holder_id=organisation) | Exists(moved)
    )


def declaration_get_for_viewer(*, viewer: Viewer, number: str) -> Declaration:
    declaration = declarations_for_viewer(viewer=viewer).filter(number=number).first()
    if declaration is None:
        raise Http404
    return declaration


def notifications_for_viewer(*, viewer: Viewer) -> QuerySet[Notification]:
    """Notifications: all for the competent authorities (Bbk art 42 lid 7); else one's own."""
    notifications = Notification.objects.select_related("declaration", "site", "applier", "batch")
    if has_capability(viewer, Capability.VIEW_NOTIFICATIONS):
        return notifications
    organisation = _organisation_id(viewer)
    if organisation is None:
        return notifications.none()
    return notifications.filter(applier_id=organisation)


def notification_get_for_viewer(*, viewer: Viewer, number: str) -> Notification:
    notification = notifications_for_viewer(viewer=viewer).filter(number=number).first()
    if notification is None:
        raise Http404
    return notification


def consignments_for_viewer(*, viewer: Viewer) -> QuerySet[Consignment]:
    """Consignments: all for authorities; else those the viewer's organisation is a party to."""
    consignments = Consignment.objects.select_related(
        "batch", "declaration", "from_site", "to_site", "notification"
    )
    if _sees_all(viewer):
        return consignments
    organisation = _organisation_id(viewer)
    if organisation is None:
        return consignments.none()
    return _party_of(consignments, organisation)


def consignment_get_for_viewer(*, viewer: Viewer, number: str) -> Consignment:
    consignment = (
        consignments_for_viewer(viewer=viewer)
        .prefetch_related("steps__party", "steps__site", "steps__revisions__answers")
        .filter(number=number)
        .first()
    )
    if consignment is None:
        raise Http404
    return consignment


def steps_awaiting_confirmation(*, viewer: Viewer) -> list[CustodyStep]:
    """Steps the viewer's organisation can confirm now: its own, with all earlier ones confirmed."""
    organisation = _organisation_id(viewer)
    if organisation is None:
        return []
    open_steps = list(
        CustodyStep.objects.filter(
            party_id=organisation,
            confirmed_at__isnull=True,
            consignment__state__in=["planned", "dispatched", "in_transit", "received"],
        ).select_related("consignment__batch", "consignment__to_site", "consignment__from_site")
    )
    if not open_steps:
        return []
    earlier_open = set(
        CustodyStep.objects.filter(
            consignment_id__in={s.consignment_id for s in open_steps}, confirmed_at__isnull=True
        ).values_list("consignment_id", "sequence")
    )
    return [
        step
        for step in open_steps
        if not any(
            (step.consignment_id, sequence) in earlier_open for sequence in range(step.sequence)
        )
    ]


def revisions_awaiting_answer(*, viewer: Viewer) -> list[RevisionRequest]:
    """Open revision requests the viewer's organisation has been asked to accept."""
    organisation = _organisation_id(viewer)
    if organisation is None:
        return []
    revisions = (
        RevisionRequest.objects.filter(state="open")
        .select_related("step__consignment", "requested_by")
        .prefetch_related("answers")
    )
    return [
        r
        for r in revisions
        if organisation in r.approvers and all(a.party_id != organisation for a in r.answers.all())
    ]


def sites_for_viewer(*, viewer: Viewer) -> QuerySet[Site]:
    """Sites: all for authorities; else registered, run, or used by the viewer's organisation."""
    sites = Site.objects.select_related("project", "operator")
    if _sees_all(viewer):
        return sites
    organisation = _organisation_id(viewer)
    if organisation is None:
        return sites.none()
    used = CustodyStep.objects.filter(
        Q(consignment__from_site=OuterRef("pk")) | Q(consignment__to_site=OuterRef("pk")),
        party_id=organisation,
    )
    return sites.filter(
        Q(registered_by_id=organisation)
        | Q(operator_id=organisation)
        | Q(project__client_id=organisation)
        | Exists(Batch.objects.filter(origin_site=OuterRef("pk"), holder_id=organisation))
        | Exists(used)
    )


def projects_for_viewer(*, viewer: Viewer) -> QuerySet[Project]:
    projects = Project.objects.select_related("client")
    if _sees_all(viewer):
        return projects
    organisation = _organisation_id(viewer)
    if organisation is None:
        return projects.none()
    return projects.filter(
        Q(client_id=organisation)
        | Exists(Batch.objects.filter(project=OuterRef("pk"), holder_id=organisation))
    )


def project_get_for_viewer(*, viewer: Viewer, code: str) -> Project:
    project = projects_for_viewer(viewer=viewer).filter(code=code).first()
    if project is None:
        raise Http404
    return project


def public_keys() -> QuerySet[SigningKey]:
    """The published verification keys, current and retired."""
    return SigningKey.objects.select_related("organisation").order_by("created_at", "id")


def organisation_for_kvk(kvk: str) -> Organisation | None:
    """The registered organisation with this KvK number (the main establishment first)."""
    return (
        Organisation.objects.filter(kvk_number=kvk).order_by("establishment_number", "id").first()
    )


# --- quantities ------------------------------------------------------------------------------


def _decimal(value: Any) -> Decimal:
    if value is None:
        return ZERO
    return Decimal(str(value)).quantize(MILLI)


def batch_stock_by_site(*, batch: Batch) -> dict[int, Decimal]:
    """Where the batch is now: m³ per site id (only sites with a non-zero quantity).

    Credit: the batch's own volume where it came into being, and confirmed receipts.
    Debit: dispatches (planned quantities of consignments that are not cancelled, so that a
    quantity cannot be planned twice), confirmed applications, sub-batches split off there.
    A merged batch is nowhere any more.
    """
    if batch.state == Batch.State.MERGED:
        return {}
    stock: dict[int, Decimal] = {batch.site_id: batch.volume_m3}
    consignments = Consignment.objects.filter(batch=batch).exclude(state="cancelled")
    for site_id, planned in consignments.values_list("from_site_id", "quantity_m3"):
        stock[site_id] = stock.get(site_id, ZERO) - planned
    steps = CustodyStep.objects.filter(
        consignment__batch=batch,
        confirmed_at__isnull=False,
        kind__in=[StepKind.RECEIPT, StepKind.APPLICATION],
    ).exclude(consignment__state="cancelled")
    for step_site, kind, quantity in steps.values_list("site_id", "kind", "quantity_m3"):
        if quantity is None:
            continue
        sign = 1 if kind == StepKind.RECEIPT else -1
        stock[step_site] = stock.get(step_site, ZERO) + sign * quantity
    for site_id, volume in batch.sub_batches.values_list("site_id", "volume_m3"):
        stock[site_id] = stock.get(site_id, ZERO) - volume
    return {site: quantity for site, quantity in stock.items() if quantity != 0}


def declaration_quantities(*, declaration: Declaration) -> tuple[Decimal, Decimal]:
    """(planned, applied) m³ under a declaration: application consignments not cancelled, and
    confirmed applications."""
    planned = sum(
        Consignment.objects.filter(declaration=declaration, purpose="application")
        .exclude(state="cancelled")
        .values_list("quantity_m3", flat=True),
        ZERO,
    )
    applied = sum(
        (
            quantity or ZERO
            for quantity in CustodyStep.objects.filter(
                consignment__declaration=declaration,
                kind=StepKind.APPLICATION,
                confirmed_at__isnull=False,
            ).values_list("quantity_m3", flat=True)
        ),
        ZERO,
    )
    return planned, applied


def declaration_current_for_batch(*, batch: Batch) -> Declaration | None:
    """The declaration in force for the batch (the original batch's one for a sub-batch)."""
    return (
        Declaration.objects.filter(batch=batch.declaration_batch, status=DeclarationStatus.VALID)
        .select_related("signing_key", "issuer")
        .first()
    )


# --- verification ----------------------------------------------------------------------------


@dataclass(frozen=True)
class DeclarationCheck:
    declaration: Declaration
    verification: Verification


def declaration_verify(*, number: str) -> DeclarationCheck:
    """Verify a declaration by its number: signature, live status and recognitions (public).

    Raises:
        Http404: no declaration with this number.
    """
    declaration = (
        Declaration.objects.select_related("signing_key", "issuer", "batch")
        .filter(number=number)
        .first()
    )
    if declaration is None:
        raise Http404
    payload = declaration.payload
    valid_signature = (
        isinstance(payload, dict)
        and payload.get("number") == declaration.number
        and payload.get("key_id") == declaration.signing_key.key_id
        and signature_valid(payload, declaration.signature, declaration.signing_key.public_key)
    )
    claims = payload.get("relies_on", []) if valid_signature else _claims_unverified(declaration)
    findings = [_finding(claim) for claim in claims]
    verdict = verification_conclude(
        signature_valid=valid_signature,
        status=DeclarationStatus(declaration.status),
        findings=findings,
        status_since=declaration.status_since,
    )
    return DeclarationCheck(declaration, verdict)


def _claims_unverified(declaration: Declaration) -> list[dict[str, str]]:
    """The claims of a payload whose signature failed, read defensively (shown, not trusted)."""
    payload = declaration.payload if isinstance(declaration.payload, dict) else {}
    claims = payload.get("relies_on", [])
    return [c for c in claims if isinstance(c, dict)] if isinstance(claims, list) else []


def _finding(claim: Mapping[str, Any]) -> RecognitionFinding:
    kvk, code = str(claim.get("kvk", "")), str(claim.get("activity", ""))
    try:
        on = dt.date.fromisoformat(str(claim.get("on", "")))
    except ValueError:
        on = dt.date.min
    activity = activity_get(code)
    if activity is None or on == dt.date.min:
        return RecognitionFinding(str(claim.get("role", "")), kvk, code, on, "", False, None)
    result = recognition_check(viewer=None, kvk=kvk, activity=activity, on=on)
    name = result.organisation.name if result.organisation else ""
    return RecognitionFinding(
        str(claim.get("role", "")), kvk, code, on, name, result.recognised, result.status
    )


# --- volume balance --------------------------------------------------------------------------

_COLUMNS = (
    "excavated",
    "dispatched",
    "received",
    "applied",
    "in_transit",
    "transit_sent",
    "transit_received",
    "over_declared",
)


def volume_balance_sql(tables: Mapping[str, str], *, by: str, project_filter: bool) -> str:
    """The one set-based statement behind every volume balance (SQLite, PostgreSQL, DuckDB).

    It reads each table once where it can: the excavated batches, the confirmed steps and
    the consignments on their way or arrived. It relies on two invariants the services
    keep: a confirmed step belongs to a consignment that is not cancelled (cancelling is
    only allowed before the dispatch), and a dispatch confirms the consignment's quantity
    (a revision of the dispatch changes both), so the consignment row says what was sent.
    Grouping by project, or filtering on one, joins steps and consignments to their batch
    and adds the quantities applied beyond each declaration's batch (site NULL).

    Args:
        tables: the table names of batch, consignment, step and declaration.
        by: ``"site"`` or ``"project"`` – the grouping key.
        project_filter: add a ``project_id = %s`` parameter (for one project's sites).
    """
    batch, consignment, step, declaration = (
        tables["batch"],
        tables["consignment"],
        tables["step"],
        tables["declaration"],
    )
    zero = "CAST(0 AS DECIMAL(14, 3))"
    with_project = by == "project" or project_filter
    if with_project:
        steps = f"{step} s JOIN {consignment} c ON c.id = s.consignment_id JOIN {batch} b ON b.id = c.batch_id"
        consignments = f"{consignment} c JOIN {batch} b ON b.id = c.batch_id"
        project = "b.project_id"
    else:
        steps, consignments, project = f"{step} s", f"{consignment} c", "NULL"
    branches = [
        f"""SELECT b.project_id AS project_id, b.site_id AS site_id, b.volume_m3 AS excavated,
           {zero} AS dispatched, {zero} AS received, {zero} AS applied, {zero} AS in_transit,
           {zero} AS transit_sent, {zero} AS transit_received, {zero} AS over_declared
      FROM {batch} b WHERE b.provenance = 'excavated'""",
        f"""SELECT {project}, s.site_id, {zero},
           CASE WHEN s.kind = 'origin' THEN s.quantity_m3 ELSE {zero} END,
           CASE WHEN s.kind = 'receipt' THEN s.quantity_m3 ELSE {zero} END,
           CASE WHEN s.kind = 'application' THEN s.quantity_m3 ELSE {zero} END,
           {zero}, {zero},
           CASE WHEN s.kind = 'receipt' THEN s.quantity_m3 ELSE {zero} END,
           {zero}
      FROM {steps}
     WHERE s.confirmed_at IS NOT NULL AND s.site_id IS NOT NULL""",
        f"""SELECT {project}, c.to_site_id, {zero}, {zero}, {zero}, {zero},
           CASE WHEN c.state IN ('dispatched', 'in_transit') THEN c.quantity_m3 ELSE {zero} END,
           CASE WHEN c.state IN ('received', 'completed') THEN c.quantity_m3 ELSE {zero} END,
           {zero}, {zero}
      FROM {consignments}
     WHERE c.state IN ('dispatched', 'in_transit', 'received', 'completed')""",
    ]
    if with_project:
        branches.append(
            f"""SELECT db.project_id, NULL, {zero}, {zero}, {zero}, {zero}, {zero}, {zero}, {zero},
           SUM(a.quantity_m3) - MAX(db.volume_m3)
      FROM {step} a JOIN {consignment} c ON c.id = a.consignment_id
      JOIN {declaration} d ON d.id = c.declaration_id
      JOIN {batch} db ON db.id = d.batch_id
     WHERE a.kind = 'application' AND a.confirmed_at IS NOT NULL
     GROUP BY d.id, db.project_id
    HAVING SUM(a.quantity_m3) > MAX(db.volume_m3)"""
        )
    flows = "\n    UNION ALL\n    ".join(branches)
    key = "site_id" if by == "site" else "project_id"
    where = "WHERE project_id = %s" if project_filter else ""
    sums = ", ".join(f"SUM({column}) AS {column}" for column in _COLUMNS)
    return f"WITH flows AS (\n    {flows}\n) SELECT {key}, {sums} FROM flows {where} GROUP BY {key}"


def _tables() -> dict[str, str]:
    return {
        "batch": Batch._meta.db_table,
        "consignment": Consignment._meta.db_table,
        "step": CustodyStep._meta.db_table,
        "declaration": Declaration._meta.db_table,
    }


def _balance_rows(*, by: str, project: Project | None) -> dict[int | None, Flows]:
    sql = volume_balance_sql(_tables(), by=by, project_filter=project is not None)
    with connection.cursor() as cursor:
        cursor.execute(sql, [project.pk] if project is not None else [])
        rows = cursor.fetchall()
    return {
        row[0]: Flows(**{c: _decimal(v) for c, v in zip(_COLUMNS, row[1:], strict=True)})
        for row in rows
    }


@dataclass(frozen=True)
class BalanceRow:
    """The balance of one site (or of a project's flows at one site)."""

    site: Site | None
    flows: Flows
    discrepancies: list[Discrepancy]


@dataclass(frozen=True)
class ProjectBalance:
    project: Project
    rows: list[BalanceRow]
    total: Flows
    discrepancies: list[Discrepancy] = field(default_factory=list)


def site_balances(*, viewer: Viewer, sites: Iterable[Site] | None = None) -> list[BalanceRow]:
    """The volume balance of every site the viewer may see, with its discrepancies.

    One SQL statement for all sites (see `volume_balance_sql`), plus one to load the sites.
    """
    flows = _balance_rows(by="site", project=None)
    visible = list(sites) if sites is not None else list(sites_for_viewer(viewer=viewer))
    return [
        BalanceRow(site, flows[site.pk], discrepancies(flows[site.pk]))
        for site in visible
        if site.pk in flows
    ]


def project_balance(*, viewer: Viewer, project: Project) -> ProjectBalance:
    """A project's volume balance per site and in total, with the discrepancies found."""
    flows = _balance_rows(by="site", project=project)
    sites = Site.objects.in_bulk([key for key in flows if key is not None])
    rows = [
        BalanceRow(sites[key], value, discrepancies(value))
        for key, value in sorted(flows.items(), key=lambda item: (item[0] is None, item[0] or 0))
        if key is not None
    ]
    total = _sum_flows(flows.values())
    return ProjectBalance(project, rows, total, discrepancies(total))


def _sum_flows(values: Iterable[Flows]) -> Flows:
    items = list(values)
    return Flows(
        **{c: sum((getattr(f, c) for f in items), ZERO) for c in _COLUMNS}  # type: ignore[arg-type]
    )


# --- map -------------------------------------------------------------------------------------


def map_features(*, viewer: Viewer) -> dict[str, Any]:
    """GeoJSON (WGS84, RFC 7946) of the sites, batches and flows the viewer may see."""
    sites = list(sites_for_viewer(viewer=viewer))
    by_id = {site.pk: site for site in sites}
    batches: dict[int, list[str]] = {}
    for site_id, number in (
        batches_for_viewer(viewer=viewer)
        .filter(site_id__in=by_id, state=Batch.State.ACTIVE)
        .values_list("site_id", "number")
    ):
        batches.setdefault(site_id, []).append(number)
    features: list[dict[str, Any]] = []
    for site in sites:
        longitude, latitude = rd_to_wgs84(site.x_rd, site.y_rd)
        features.append(
            {
                "type": "Feature",
                "geometry": {"type": "Point", "coordinates": [longitude, latitude]},
                "properties": {
                    "kind": "site",
                    "id": site.pk,
                    "name": site.name,
                    "site_kind": site.kind,
                    "site_kind_label": str(site.get_kind_display()),
                    "municipality": site.municipality,
                    "x_rd": site.x_rd,
                    "y_rd": site.y_rd,
                    "batches": sorted(batches.get(site.pk, [])),
                },
            }
        )
    flows: dict[tuple[int, int], Decimal] = {}
    counts: dict[tuple[int, int], int] = {}
    for from_id, to_id, quantity in (
        consignments_for_viewer(viewer=viewer)
        .exclude(state="cancelled")
        .values_list("from_site_id", "to_site_id", "quantity_m3")
    ):
        if from_id in by_id and to_id in by_id:
            flows[(from_id, to_id)] = flows.get((from_id, to_id), ZERO) + quantity
            counts[(from_id, to_id)] = counts.get((from_id, to_id), 0) + 1
    for (from_id, to_id), quantity in sorted(flows.items()):
        start, end = by_id[from_id], by_id[to_id]
        features.append(
            {
                "type": "Feature",
                "geometry": {
                    "type": "LineString",
                    "coordinates": [
                        list(rd_to_wgs84(start.x_rd, start.y_rd)),
                        list(rd_to_wgs84(end.x_rd, end.y_rd)),
                    ],
                },
                "properties": {
                    "kind": "flow",
                    "from": start.name,
                    "to": end.name,
                    "quantity_m3": str(quantity),
                    "consignments": counts[(from_id, to_id)],
                },
            }
        )
    return {"type": "FeatureCollection", "features": features}


def organisations_named(kvks: Sequence[str]) -> dict[str, Organisation]:
    """Registered organisations for these KvK numbers (main establishment first), in one query."""
    found: dict[str, Organisation] = {}
    for organisation in Organisation.objects.filter(kvk_number__in=set(kvks)).order_by(
        "establishment_number", "id"
    ):
        found.setdefault(organisation.kvk_number, organisation)
    return found
