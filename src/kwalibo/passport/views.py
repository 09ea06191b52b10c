"""Web pages of the passport: public verification, the working overview, PDF and map."""

from typing import Any, cast

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from kwalibo.accounts.models import User
from kwalibo.accounts.permissions import has_capability
from kwalibo.accounts.roles import Capability
from kwalibo.common.domain.errors import DomainError
from kwalibo.common.i18n import translate_error
from kwalibo.common.ratelimit import public_page
from kwalibo.passport import selectors, services
from kwalibo.passport.api import verification_payload
from kwalibo.passport.domain.declarations import Role
from kwalibo.passport.domain.notifications import Framework, NotificationKind
from kwalibo.passport.forms import (
    NotificationForm,
    RevisionAnswerForm,
    RevisionRequestForm,
    StepConfirmForm,
    VerificationLookupForm,
    WithdrawForm,
)
from kwalibo.passport.messages import discrepancy_text, refusal_errors
from kwalibo.passport.models import Site
from kwalibo.passport.pdf import declaration_pdf, verification_qr
from kwalibo.register.selectors import activity_get


def _user(request: HttpRequest) -> User:
    return cast(User, request.user)


@public_page
@require_GET
def verify_lookup(request: HttpRequest) -> HttpResponse:
    """Type the number of a declaration to verify it."""
    form = VerificationLookupForm(request.GET or None)
    if form.is_valid():
        return redirect("passport:verify", number=form.cleaned_data["number"])
    return render(request, "passport/verify_lookup.html", {"form": form})


@public_page
@require_GET
def verify(request: HttpRequest, number: str) -> HttpResponse:
    """The public verification page the QR code opens: valid or not, and why."""
    try:
        check = selectors.declaration_verify(number=number)
    except Http404:
        return render(request, "passport/verify_unknown.html", {"number": number}, status=404)
    payload = verification_payload(check)
    for finding in payload["findings"]:
        activity = activity_get(finding["activity"])
        finding["activity_name"] = activity.name_nl if activity else finding["activity"]
        try:
            finding["role_label"] = _(Role(finding["role"]).label)
        except ValueError:
            finding["role_label"] = finding["role"]
    return render(request, "passport/verify.html", {"check": payload})


@login_required
@require_GET
def overview(request: HttpRequest) -> HttpResponse:
    """What the user's organisation holds, issued, filed and has to confirm."""
    viewer = request.user
    context = {
        "declarations": selectors.declarations_for_viewer(viewer=viewer)[:50],
        "batches": selectors.batches_for_viewer(viewer=viewer)[:50],
        "consignments": selectors.consignments_for_viewer(viewer=viewer)[:50],
        "notifications": selectors.notifications_for_viewer(viewer=viewer)[:50],
        "steps": selectors.steps_awaiting_confirmation(viewer=viewer),
        "revisions": selectors.revisions_awaiting_answer(viewer=viewer),
        "may_file": has_capability(viewer, Capability.FILE_NOTIFICATION),
    }
    return render(request, "passport/overview.html", context)


@login_required
@require_http_methods(["GET", "POST"])
def declaration_detail(request: HttpRequest, number: str) -> HttpResponse:
    """A declaration with its QR code; its issuer can withdraw it here."""
    declaration = selectors.declaration_get_for_viewer(viewer=request.user, number=number)
    form = WithdrawForm(request.POST or None)
    if request.method == "POST":
        if not has_capability(request.user, Capability.ISSUE_DECLARATION):
            raise PermissionDenied
        if form.is_valid():
            try:
                services.declaration_withdraw(
                    actor=_user(request),
                    declaration=declaration,
                    reason=form.cleaned_data["reason"],
                )
            except DomainError as error:
                form.add_error(None, translate_error(error))
            else:
                messages.success(request, _("The declaration has been withdrawn."))
                return redirect("passport:declaration", number=number)
    url = request.build_absolute_uri(reverse("passport:verify", args=[number]))
    qr = verification_qr(url).svg_inline(scale=4, title=_("QR code of the verification page"))
    context = {
        "declaration": declaration,
        "verify_url": url,
        "qr": qr,
        "form": form,
        "may_withdraw": declaration.status == "valid"
        and declaration.issuer_id == _user(request).organisation_id,
    }
    return render(request, "passport/declaration.html", context)


@login_required
@require_GET
def declaration_pdf_download(request: HttpRequest, number: str) -> HttpResponse:
    declaration = selectors.declaration_get_for_viewer(viewer=request.user, number=number)
    url = request.build_absolute_uri(reverse("passport:verify", args=[number]))
    response = HttpResponse(
        declaration_pdf(declaration, verify_url=url), content_type="application/pdf"
    )
    response["Content-Disposition"] = f'inline; filename="{declaration.number}.pdf"'
    return response


@login_required
@require_http_methods(["GET", "POST"])
def consignment_detail(request: HttpRequest, number: str) -> HttpResponse:
    """A consignment's chain of custody; the party of the next step confirms it here."""
    consignment = selectors.consignment_get_for_viewer(viewer=request.user, number=number)
    steps = list(consignment.steps.all())
    organisation = _user(request).organisation_id
    next_step = next((s for s in steps if s.confirmed_at is None), None)
    mine = next_step if next_step is not None and next_step.party_id == organisation else None
    confirm_form = StepConfirmForm(
        request.POST if request.POST.get("action") == "confirm" else None,
        initial={"quantity_m3": consignment.quantity_m3},
    )
    revision_form = RevisionRequestForm(
        request.POST if request.POST.get("action") == "revise" else None
    )
    if request.method == "POST":
        if not has_capability(request.user, Capability.CONFIRM_CUSTODY_STEP):
            raise PermissionDenied
        try:
            if request.POST.get("action") == "confirm" and mine and confirm_form.is_valid():
                services.custody_step_confirm(
                    actor=_user(request), step=mine, **confirm_form.cleaned_data
                )
                messages.success(request, _("The step has been confirmed."))
                return redirect("passport:consignment", number=number)
            if request.POST.get("action") == "revise" and revision_form.is_valid():
                step = next(s for s in steps if str(s.sequence) == request.POST.get("sequence"))
                changes = {
                    field: revision_form.cleaned_data[field]
                    for field in ("quantity_m3", "occurred_on")
                    if revision_form.cleaned_data.get(field) is not None
                }
                services.custody_revision_request(
                    actor=_user(request),
                    step=step,
                    changes=changes,
                    reason=revision_form.cleaned_data["reason"],
                )
                messages.success(request, _("The revision has been sent to the other parties."))
                return redirect("passport:consignment", number=number)
        except (DomainError, StopIteration) as error:
            message = (
                translate_error(error) if isinstance(error, DomainError) else _("Unknown step.")
            )
            messages.error(request, message)
    context = {
        "consignment": consignment,
        "steps": steps,
        "mine": mine,
        "confirm_form": confirm_form,
        "revision_form": revision_form,
        "is_party": any(s.party_id == organisation for s in steps),
    }
    return render(request, "passport/consignment.html", context)


@login_required
@require_POST
def revision_answer(request: HttpRequest, revision_id: int) -> HttpResponse:
    if not has_capability(request.user, Capability.CONFIRM_CUSTODY_STEP):
        raise PermissionDenied
    revision = next(
        (
            r
            for r in selectors.revisions_awaiting_answer(viewer=request.user)
            if r.pk == revision_id
        ),
        None,
    )
    if revision is None:
        raise Http404
    form = RevisionAnswerForm(request.POST)
    if form.is_valid():
        try:
            services.custody_revision_answer(
                actor=_user(request), revision=revision, **form.cleaned_data
            )
        except DomainError as error:
            messages.error(request, translate_error(error))
        else:
            messages.success(request, _("Your answer has been recorded."))
    return redirect("passport:overview")


@login_required
@require_http_methods(["GET", "POST"])
def notifications(request: HttpRequest) -> HttpResponse:
    """Notifications: all for the competent authority; file a new one as applier."""
    viewer = request.user
    if not (
        has_capability(viewer, Capability.VIEW_NOTIFICATIONS)
        or has_capability(viewer, Capability.FILE_NOTIFICATION)
    ):
        raise PermissionDenied
    may_file = has_capability(viewer, Capability.FILE_NOTIFICATION)
    form = NotificationForm(request.POST or None)
    refusals: dict[str, list[str]] = {}
    if request.method == "POST":
        if not may_file:
            raise PermissionDenied
        if form.is_valid():
            data = form.cleaned_data
            try:
                batch = selectors.batch_get_for_viewer(viewer=viewer, number=data["batch"])
                site = selectors.sites_for_viewer(viewer=viewer).get(pk=data["site"])
                notification = services.notification_file(
                    actor=_user(request),
                    kind=NotificationKind(data["kind"]),
                    batch=batch,
                    site=site,
                    starts_on=data["starts_on"],
                    quantity_m3=data["quantity_m3"],
                    framework=Framework(data["framework"]) if data["framework"] else None,
                    duration_days=data["duration_days"],
                )
            except services.NotificationRefusedError as refused:
                refusals = refusal_errors(refused.refusals)
            except DomainError as error:
                form.add_error(None, translate_error(error))
            except (Http404, Site.DoesNotExist):
                form.add_error(None, _("Unknown batch or site."))
            else:
                messages.success(
                    request,
                    _("Notification %(number)s has been filed.") % {"number": notification.number},
                )
                return redirect("passport:notifications")
    context: dict[str, Any] = {
        "notifications": selectors.notifications_for_viewer(viewer=viewer)[:200],
        "form": form if may_file else None,
        "refusals": refusals,
    }
    return render(request, "passport/notifications.html", context)


@login_required
@require_GET
def balance(request: HttpRequest) -> HttpResponse:
    """The volume balance of every site the user may see, with discrepancies."""
    rows = selectors.site_balances(viewer=request.user)
    projects = selectors.projects_for_viewer(viewer=request.user)
    return render(
        request,
        "passport/balance.html",
        {
            "rows": [(row, [discrepancy_text(d) for d in row.discrepancies]) for row in rows],
            "projects": projects,
        },
    )


@login_required
@require_GET
def project_balance(request: HttpRequest, code: str) -> HttpResponse:
    project = selectors.project_get_for_viewer(viewer=request.user, code=code)
    result = selectors.project_balance(viewer=request.user, project=project)
    return render(
        request,
        "passport/project_balance.html",
        {
            "project": project,
            "balance": result,
            "total_discrepancies": [discrepancy_text(d) for d in result.discrepancies],
            "rows": [
                (row, [discrepancy_text(d) for d in row.discrepancies]) for row in result.rows
            ],
        },
    )


@login_required
@require_GET
def soil_flow_map(request: HttpRequest) -> HttpResponse:
    """Map of sites and flows (Leaflet, PDOK background); the table below works without it."""
    sites = selectors.sites_for_viewer(viewer=request.user)
    return render(request, "passport/map.html", {"sites": sites})
