"""API of the soil-flow passport, mounted under /api/v1/.

Public: verifying a declaration (`mvb/{number}/verify`) and the published keys
(`mvb/keys`). Everything else needs a login and is scoped by role in the selectors; changes
go through one service each. Errors have the one shape of `kwalibo.api.errors`.
"""

from typing import Any, cast

from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404
from django.urls import path
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema
from rest_framework import generics, status
from rest_framework.exceptions import NotFound
from rest_framework.permissions import AllowAny, BasePermission, IsAuthenticated
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from kwalibo.accounts.models import User
from kwalibo.accounts.permissions import has_capability
from kwalibo.accounts.roles import Capability
from kwalibo.passport import selectors, services
from kwalibo.passport.messages import discrepancy_text, problem_text, refusal_errors
from kwalibo.passport.models import Batch, RevisionRequest, Site
from kwalibo.passport.serializers import (
    AssessmentIn,
    AssessmentMeasurementsIn,
    BalanceRowOut,
    BatchDetailOut,
    BatchIn,
    BatchOut,
    ConsignmentDetailOut,
    ConsignmentIn,
    ConsignmentOut,
    DeclarationIssueIn,
    DeclarationOut,
    FeatureCollectionOut,
    FinalDestinationIn,
    MergeIn,
    NotificationIn,
    NotificationOut,
    ProjectBalanceOut,
    ProjectIn,
    ProjectOut,
    ReasonIn,
    RevisionAnswerIn,
    RevisionIn,
    RevisionOut,
    SigningKeyOut,
    SiteIn,
    SiteOut,
    SplitIn,
    StepConfirmIn,
    VerificationOut,
)


def _requires(capability: Capability) -> type[BasePermission]:
    """Writes need `capability`; reads need a login (what is shown is scoped by the selectors)."""

    class Permission(BasePermission):
        def has_permission(self, request: Request, view: Any) -> bool:
            if request.method in ("GET", "HEAD", "OPTIONS"):
                return bool(request.user.is_authenticated)
            return has_capability(request.user, capability)

    Permission.__name__ = f"Requires_{capability}"
    return Permission


def _actor(request: Request) -> User:
    return cast(User, request.user)  # the permission classes admit authenticated users only


def _validated(serializer_class: type, data: Any) -> dict[str, Any]:
    serializer = serializer_class(data=data)
    serializer.is_valid(raise_exception=True)
    return cast(dict[str, Any], serializer.validated_data)


def _batch(request: Request, number: str) -> Batch:
    try:
        return selectors.batch_get_for_viewer(viewer=request.user, number=number)
    except Http404 as missing:
        raise NotFound(_("No batch with this number that you may see.")) from missing


def _site(request: Request, site_id: int) -> Site:
    site = selectors.sites_for_viewer(viewer=request.user).filter(pk=site_id).first()
    if site is None:
        raise NotFound(_("No site with this id that you may see."))
    return site


def _flows(flows: Any) -> dict[str, Any]:
    return {
        "excavated": flows.excavated,
        "dispatched": flows.dispatched,
        "received": flows.received,
        "applied": flows.applied,
        "stored": flows.stored,
        "in_transit": flows.in_transit,
        "over_declared": flows.over_declared,
    }


def _row(row: selectors.BalanceRow) -> dict[str, Any]:
    return {
        "site": row.site.pk if row.site else 0,
        "site_name": row.site.name if row.site else "",
        "flows": _flows(row.flows),
        "discrepancies": [
            {"code": d.code, "message": discrepancy_text(d)} for d in row.discrepancies
        ],
    }


def verification_payload(check: selectors.DeclarationCheck) -> dict[str, Any]:
    """The verification result as the API (and the public page) present it."""
    declaration, verdict = check.declaration, check.verification
    return {
        "number": declaration.number,
        "valid": verdict.valid,
        "signature_valid": verdict.signature_valid,
        "status": declaration.status,
        "status_since": declaration.status_since,
        "type": declaration.declaration_type,
        "issued_on": declaration.issued_on,
        "issuer": {"name": declaration.issuer.name, "kvk_number": declaration.issuer.kvk_number},
        "batch_number": declaration.batch.number,
        "volume_m3": str(declaration.batch.volume_m3),
        "quality_class": declaration.batch.quality_class,
        "key_id": declaration.signing_key.key_id,
        "findings": [f.__dict__ for f in verdict.findings],
        "problems": [{"code": p.code, "message": problem_text(p)} for p in verdict.problems],
    }


# --- declarations ---------------------------------------------------------------------------


class DeclarationVerify(APIView):
    """Verify a declaration: signature, live status, and the recognitions it relies on."""

    permission_classes = [AllowAny]

    @extend_schema(responses=VerificationOut, summary=_("Verify a soil-quality declaration (MvB)"))
    def get(self, request: Request, number: str) -> Response:
        try:
            check = selectors.declaration_verify(number=number)
        except Http404 as missing:
            raise NotFound(_("No declaration with this number.")) from missing
        return Response(VerificationOut(verification_payload(check)).data)


class SigningKeyList(generics.ListAPIView):  # type: ignore[type-arg]
    """The published public keys that verify declarations (current and retired)."""

    permission_classes = [AllowAny]
    serializer_class = SigningKeyOut
    filter_backends: list[Any] = []

    def get_queryset(self) -> Any:
        return selectors.public_keys()


class DeclarationList(generics.ListAPIView):  # type: ignore[type-arg]
    """Declarations you may see; POST issues and signs the declaration of a batch."""

    permission_classes = [_requires(Capability.ISSUE_DECLARATION)]
    serializer_class = DeclarationOut
    filter_backends: list[Any] = []

    def get_queryset(self) -> Any:
        return selectors.declarations_for_viewer(viewer=self.request.user).order_by(
            "-issued_at", "-id"
        )

    @extend_schema(
        request=DeclarationIssueIn,
        responses={201: DeclarationOut},
        summary=_("Issue and sign a declaration"),
    )
    def post(self, request: Request) -> Response:
        data = _validated(DeclarationIssueIn, request.data)
        declaration = services.declaration_issue(
            actor=_actor(request), batch=_batch(request, data["batch"]), issued_on=data["issued_on"]
        )
        return Response(DeclarationOut(declaration).data, status=status.HTTP_201_CREATED)


class DeclarationDetail(APIView):
    permission_classes = [IsAuthenticated]

    @extend_schema(responses=DeclarationOut, summary=_("A declaration"))
    def get(self, request: Request, number: str) -> Response:
        declaration = _declaration(request, number)
        return Response(DeclarationOut(declaration).data)


def _declaration(request: Request, number: str) -> Any:
    try:
        return selectors.declaration_get_for_viewer(viewer=request.user, number=number)
    except Http404 as missing:
        raise NotFound(_("No declaration with this number that you may see.")) from missing


class DeclarationWithdraw(APIView):
    permission_classes = [_requires(Capability.ISSUE_DECLARATION)]

    @extend_schema(request=ReasonIn, responses=DeclarationOut, summary=_("Withdraw a declaration"))
    def post(self, request: Request, number: str) -> Response:
        data = _validated(ReasonIn, request.data)
        declaration = services.declaration_withdraw(
            actor=_actor(request), declaration=_declaration(request, number), reason=data["reason"]
        )
        return Response(DeclarationOut(declaration).data)


class DeclarationPdf(APIView):
    permission_classes = [IsAuthenticated]

    @extend_schema(
        responses={(200, "application/pdf"): OpenApiTypes.BINARY},
        summary=_("The declaration as PDF, with its QR code"),
    )
    def get(self, request: Request, number: str) -> HttpResponse:
        from kwalibo.passport.pdf import declaration_pdf

        declaration = _declaration(request, number)
        document = declaration_pdf(declaration, verify_url=_verify_url(request, declaration.number))
        response = HttpResponse(document, content_type="application/pdf")
        response["Content-Disposition"] = f'inline; filename="{declaration.number}.pdf"'
        return response


def _verify_url(request: Request, number: str) -> str:
    from django.urls import reverse

    return request.build_absolute_uri(reverse("passport:verify", args=[number]))


# --- projects, sites and the balance --------------------------------------------------------


class ProjectList(generics.ListAPIView):  # type: ignore[type-arg]
    permission_classes = [_requires(Capability.ISSUE_DECLARATION)]
    serializer_class = ProjectOut
    filter_backends: list[Any] = []

    def get_queryset(self) -> Any:
        return selectors.projects_for_viewer(viewer=self.request.user)

    @extend_schema(request=ProjectIn, responses={201: ProjectOut}, summary=_("Register a project"))
    def post(self, request: Request) -> Response:
        data = _validated(ProjectIn, request.data)
        project = services.project_create(actor=_actor(request), **data)
        return Response(ProjectOut(project).data, status=status.HTTP_201_CREATED)


class ProjectBalance(APIView):
    permission_classes = [IsAuthenticated]

    @extend_schema(responses=ProjectBalanceOut, summary=_("Volume balance of a project"))
    def get(self, request: Request, code: str) -> Response:
        try:
            project = selectors.project_get_for_viewer(viewer=request.user, code=code)
        except Http404 as missing:
            raise NotFound(_("No project with this code that you may see.")) from missing
        balance = selectors.project_balance(viewer=request.user, project=project)
        payload = {
            "project": project.code,
            "total": _flows(balance.total),
            "discrepancies": [
                {"code": d.code, "message": discrepancy_text(d)} for d in balance.discrepancies
            ],
            "sites": [_row(row) for row in balance.rows],
        }
        return Response(ProjectBalanceOut(payload).data)


class SiteList(generics.ListAPIView):  # type: ignore[type-arg]
    permission_classes = [_requires(Capability.FILE_NOTIFICATION)]
    serializer_class = SiteOut
    filter_backends: list[Any] = []

    def get_queryset(self) -> Any:
        return selectors.sites_for_viewer(viewer=self.request.user)

    @extend_schema(request=SiteIn, responses={201: SiteOut}, summary=_("Register a site"))
    def post(self, request: Request) -> Response:
        data = _validated(SiteIn, request.data)
        code = data.pop("project")
        project = None
        if code:
            project = selectors.projects_for_viewer(viewer=request.user).filter(code=code).first()
            if project is None:
                raise NotFound(_("No project with this code that you may see."))
        site = services.site_register(actor=_actor(request), project=project, **data)
        return Response(SiteOut(site).data, status=status.HTTP_201_CREATED)


class SiteBalanceList(APIView):
    permission_classes = [IsAuthenticated]

    @extend_schema(responses=BalanceRowOut(many=True), summary=_("Volume balance of every site"))
    def get(self, request: Request) -> Response:
        rows = selectors.site_balances(viewer=request.user)
        return Response(BalanceRowOut([_row(row) for row in rows], many=True).data)


class SoilFlowMap(APIView):
    permission_classes = [IsAuthenticated]

    @extend_schema(
        responses=FeatureCollectionOut, summary=_("Sites, batches and flows as GeoJSON (WGS84)")
    )
    def get(self, request: Request) -> Response:
        return Response(selectors.map_features(viewer=request.user))


# --- batches --------------------------------------------------------------------------------


class BatchList(generics.ListAPIView):  # type: ignore[type-arg]
    permission_classes = [_requires(Capability.ISSUE_DECLARATION)]
    serializer_class = BatchOut
    filter_backends: list[Any] = []

    def get_queryset(self) -> Any:
        return selectors.batches_for_viewer(viewer=self.request.user).select_related(
            "split_from", "merged_into", "formed_by", "sampler", "laboratory"
        )

    @extend_schema(request=BatchIn, responses={201: BatchDetailOut}, summary=_("Register a batch"))
    def post(self, request: Request) -> Response:
        data = _validated(BatchIn, request.data)
        site = _site(request, data.pop("origin_site"))
        code = data.pop("project")
        project = (
            selectors.projects_for_viewer(viewer=request.user).filter(code=code).first()
            if code
            else None
        )
        batch = services.batch_register(
            actor=_actor(request), origin_site=site, project=project, **data
        )
        return Response(_batch_detail(batch), status=status.HTTP_201_CREATED)


def _batch_detail(batch: Batch) -> Any:
    batch.stock = [  # type: ignore[attr-defined]
        {"site": site, "quantity_m3": quantity}
        for site, quantity in sorted(selectors.batch_stock_by_site(batch=batch).items())
    ]
    current = selectors.declaration_current_for_batch(batch=batch)
    batch.declaration = current.number if current else None  # type: ignore[attr-defined]
    return BatchDetailOut(batch).data


class BatchDetail(APIView):
    permission_classes = [IsAuthenticated]

    @extend_schema(responses=BatchDetailOut, summary=_("A batch, where it is and its declaration"))
    def get(self, request: Request, number: str) -> Response:
        return Response(_batch_detail(_batch(request, number)))


class BatchAssessment(APIView):
    permission_classes = [_requires(Capability.ISSUE_DECLARATION)]

    @extend_schema(
        request=AssessmentIn,
        responses=BatchDetailOut,
        summary=_("Record the assessment result of a batch and who sampled and analysed it"),
    )
    def post(self, request: Request, number: str) -> Response:
        data = _validated(AssessmentIn, request.data)
        result = services.AssessmentResult(
            frame=data.pop("frame"),
            quality_class=data.pop("quality_class"),
            rule_set=data.pop("rule_set"),
            explanation=data.pop("explanation"),
            lab_report_reference=data.pop("lab_report_reference"),
        )
        batch = services.batch_assessment_record(
            actor=_actor(request), batch=_batch(request, number), result=result, **data
        )
        return Response(_batch_detail(batch))


class BatchAssessmentMeasurements(APIView):
    permission_classes = [_requires(Capability.ISSUE_DECLARATION)]

    @extend_schema(
        request=AssessmentMeasurementsIn,
        responses=BatchDetailOut,
        summary=_("Assess a batch's lab results with the toetsing engine and store its verdict"),
    )
    def post(self, request: Request, number: str) -> Response:
        import polars as pl

        data = _validated(AssessmentMeasurementsIn, request.data)
        rows = data.pop("measurements")
        frame = pl.DataFrame(
            {
                "row": [index + 1 for index in range(len(rows))],
                "sample": [r["sample"] for r in rows],
                "parameter": [r["parameter"] for r in rows],
                "value_raw": [r["value"] for r in rows],
                "unit": [r["unit"] for r in rows],
            },
            schema={
                "row": pl.Int64,
                "sample": pl.Utf8,
                "parameter": pl.Utf8,
                "value_raw": pl.Utf8,
                "unit": pl.Utf8,
            },
        )
        batch = services.batch_assess(
            actor=_actor(request), batch=_batch(request, number), measurements=frame, **data
        )
        return Response(_batch_detail(batch))


class BatchSplit(APIView):
    permission_classes = [_requires(Capability.ISSUE_DECLARATION)]

    @extend_schema(
        request=SplitIn, responses={201: BatchOut(many=True)}, summary=_("Split a batch")
    )
    def post(self, request: Request, number: str) -> Response:
        data = _validated(SplitIn, request.data)
        children = services.batch_split(
            actor=_actor(request),
            batch=_batch(request, number),
            site=_site(request, data["site"]),
            parts_m3=data["parts_m3"],
            split_on=data["split_on"],
        )
        return Response(BatchOut(children, many=True).data, status=status.HTTP_201_CREATED)


class BatchMerge(APIView):
    permission_classes = [_requires(Capability.ISSUE_DECLARATION)]

    @extend_schema(request=MergeIn, responses={201: BatchDetailOut}, summary=_("Merge batches"))
    def post(self, request: Request) -> Response:
        data = _validated(MergeIn, request.data)
        merged = services.batch_merge(
            actor=_actor(request),
            batches=[_batch(request, number) for number in data["batches"]],
            site=_site(request, data["site"]),
            merged_on=data["merged_on"],
        )
        return Response(_batch_detail(merged), status=status.HTTP_201_CREATED)


# --- notifications --------------------------------------------------------------------------


def _refused(error: services.NotificationRefusedError) -> Response:
    return Response(
        {
            "detail": gettext("The notification is refused."),
            "errors": refusal_errors(error.refusals),
        },
        status=status.HTTP_422_UNPROCESSABLE_ENTITY,
    )


class NotificationList(generics.ListAPIView):  # type: ignore[type-arg]
    """Notifications: all for the competent authorities; your own for a company."""

    permission_classes = [_requires(Capability.FILE_NOTIFICATION)]
    serializer_class = NotificationOut
    filter_backends: list[Any] = []

    def get_permissions(self) -> Any:
        if self.request.method == "GET":
            return [_AnyOf(Capability.VIEW_NOTIFICATIONS, Capability.FILE_NOTIFICATION)()]
        return super().get_permissions()

    def get_queryset(self) -> Any:
        return selectors.notifications_for_viewer(viewer=self.request.user)

    @extend_schema(
        request=NotificationIn,
        responses={201: NotificationOut},
        summary=_("File a notification, at least five working days ahead (Bbk art 42)"),
    )
    def post(self, request: Request) -> Response:
        data = _validated(NotificationIn, request.data)
        batch = _batch(request, data.pop("batch"))
        site = _site(request, data.pop("site"))
        try:
            notification = services.notification_file(
                actor=_actor(request), batch=batch, site=site, **data
            )
        except services.NotificationRefusedError as refused:
            return _refused(refused)
        return Response(NotificationOut(notification).data, status=status.HTTP_201_CREATED)


def _AnyOf(*capabilities: Capability) -> type[BasePermission]:  # noqa: N802 - a class factory
    class Permission(BasePermission):
        def has_permission(self, request: Request, view: Any) -> bool:
            return any(has_capability(request.user, c) for c in capabilities)

    return Permission


class NotificationDetail(APIView):
    permission_classes = [IsAuthenticated]

    @extend_schema(responses=NotificationOut, summary=_("A notification"))
    def get(self, request: Request, number: str) -> Response:
        return Response(NotificationOut(_notification(request, number)).data)


def _notification(request: Request, number: str) -> Any:
    try:
        return selectors.notification_get_for_viewer(viewer=request.user, number=number)
    except Http404 as missing:
        raise NotFound(_("No notification with this number that you may see.")) from missing


class NotificationFinalDestination(APIView):
    permission_classes = [_requires(Capability.FILE_NOTIFICATION)]

    @extend_schema(
        request=FinalDestinationIn,
        responses=NotificationOut,
        summary=_("Report the final destination of a long storage (Bbk art 42 lid 4)"),
    )
    def post(self, request: Request, number: str) -> Response:
        data = _validated(FinalDestinationIn, request.data)
        notification = services.notification_final_destination_report(
            actor=_actor(request),
            notification=_notification(request, number),
            destination=data["destination"],
        )
        return Response(NotificationOut(notification).data)


# --- consignments and custody ---------------------------------------------------------------


class ConsignmentList(generics.ListAPIView):  # type: ignore[type-arg]
    permission_classes = [_requires(Capability.ISSUE_DECLARATION)]
    serializer_class = ConsignmentOut
    filter_backends: list[Any] = []

    def get_queryset(self) -> Any:
        return selectors.consignments_for_viewer(viewer=self.request.user)

    @extend_schema(
        request=ConsignmentIn,
        responses={201: ConsignmentDetailOut},
        summary=_("Plan a consignment and name the parties of its chain of custody"),
    )
    def post(self, request: Request) -> Response:
        data = _validated(ConsignmentIn, request.data)
        consignment = services.consignment_plan(
            actor=_actor(request),
            batch=_batch(request, data.pop("batch")),
            from_site=_site(request, data.pop("from_site")),
            to_site=_to_site(data.pop("to_site")),
            **data,
        )
        return Response(
            _consignment_detail(request, consignment.number), status=status.HTTP_201_CREATED
        )


def _to_site(site_id: int) -> Site:
    # A destination need not be one of the disposer's own sites (a soil bank's depot).
    return get_object_or_404(Site, pk=site_id)


def _consignment(request: Request, number: str) -> Any:
    try:
        return selectors.consignment_get_for_viewer(viewer=request.user, number=number)
    except Http404 as missing:
        raise NotFound(_("No consignment with this number that you may see.")) from missing


def _consignment_detail(request: Request, number: str) -> Any:
    return ConsignmentDetailOut(_consignment(request, number)).data


class ConsignmentDetail(APIView):
    permission_classes = [IsAuthenticated]

    @extend_schema(
        responses=ConsignmentDetailOut, summary=_("A consignment and its chain of custody")
    )
    def get(self, request: Request, number: str) -> Response:
        return Response(_consignment_detail(request, number))


class ConsignmentCancel(APIView):
    permission_classes = [_requires(Capability.ISSUE_DECLARATION)]

    @extend_schema(
        request=ReasonIn, responses=ConsignmentDetailOut, summary=_("Cancel a consignment")
    )
    def post(self, request: Request, number: str) -> Response:
        data = _validated(ReasonIn, request.data)
        services.consignment_cancel(
            actor=_actor(request), consignment=_consignment(request, number), reason=data["reason"]
        )
        return Response(_consignment_detail(request, number))


def _step(request: Request, number: str, sequence: int) -> Any:
    consignment = _consignment(request, number)
    step = next((s for s in consignment.steps.all() if s.sequence == sequence), None)
    if step is None:
        raise NotFound(_("This consignment has no such step."))
    return step


class StepConfirm(APIView):
    permission_classes = [_requires(Capability.CONFIRM_CUSTODY_STEP)]

    @extend_schema(
        request=StepConfirmIn,
        responses=ConsignmentDetailOut,
        summary=_("Confirm a step of the chain of custody, as its own party"),
    )
    def post(self, request: Request, number: str, sequence: int) -> Response:
        data = _validated(StepConfirmIn, request.data)
        services.custody_step_confirm(
            actor=_actor(request), step=_step(request, number, sequence), **data
        )
        return Response(_consignment_detail(request, number))


class StepRevision(APIView):
    permission_classes = [_requires(Capability.CONFIRM_CUSTODY_STEP)]

    @extend_schema(
        request=RevisionIn,
        responses={201: RevisionOut},
        summary=_("Ask the other parties to accept a correction of a confirmed step"),
    )
    def post(self, request: Request, number: str, sequence: int) -> Response:
        data = _validated(RevisionIn, request.data)
        revision = services.custody_revision_request(
            actor=_actor(request),
            step=_step(request, number, sequence),
            changes=data["changes"],
            reason=data["reason"],
        )
        return Response(RevisionOut(revision).data, status=status.HTTP_201_CREATED)


class RevisionAnswer(APIView):
    permission_classes = [_requires(Capability.CONFIRM_CUSTODY_STEP)]

    @extend_schema(
        request=RevisionAnswerIn, responses=RevisionOut, summary=_("Accept or reject a revision")
    )
    def post(self, request: Request, revision_id: int) -> Response:
        data = _validated(RevisionAnswerIn, request.data)
        revision = next(
            (
                r
                for r in selectors.revisions_awaiting_answer(viewer=request.user)
                if r.pk == revision_id
            ),
            None,
        )
        if revision is None:
            raise NotFound(_("No open revision request awaits your answer with this id."))
        answered = services.custody_revision_answer(
            actor=_actor(request), revision=revision, **data
        )
        return Response(RevisionOut(RevisionRequest.objects.get(pk=answered.pk)).data)


class RevisionList(generics.ListAPIView):  # type: ignore[type-arg]
    """Open revision requests your organisation is asked to accept."""

    permission_classes = [IsAuthenticated]
    serializer_class = RevisionOut
    filter_backends: list[Any] = []
    pagination_class = None

    def get_queryset(self) -> Any:
        return selectors.revisions_awaiting_answer(viewer=self.request.user)


urlpatterns = [
    path("mvb/keys", SigningKeyList.as_view(), name="api-mvb-keys"),
    path("mvb", DeclarationList.as_view(), name="api-mvb-list"),
    path("mvb/<str:number>", DeclarationDetail.as_view(), name="api-mvb-detail"),
    path("mvb/<str:number>/verify", DeclarationVerify.as_view(), name="api-mvb-verify"),
    path("mvb/<str:number>/withdraw", DeclarationWithdraw.as_view(), name="api-mvb-withdraw"),
    path("mvb/<str:number>/pdf", DeclarationPdf.as_view(), name="api-mvb-pdf"),
    path("projects", ProjectList.as_view(), name="api-projects"),
    path("projects/<str:code>/balance", ProjectBalance.as_view(), name="api-project-balance"),
    path("sites", SiteList.as_view(), name="api-sites"),
    path("sites/balance", SiteBalanceList.as_view(), name="api-site-balance"),
    path("soil-flows/map", SoilFlowMap.as_view(), name="api-soil-flow-map"),
    path("batches", BatchList.as_view(), name="api-batches"),
    path("batches/merge", BatchMerge.as_view(), name="api-batch-merge"),
    path("batches/<str:number>", BatchDetail.as_view(), name="api-batch-detail"),
    path("batches/<str:number>/assessment", BatchAssessment.as_view(), name="api-batch-assessment"),
    path(
        "batches/<str:number>/assessment/measurements",
        BatchAssessmentMeasurements.as_view(),
        name="api-batch-assessment-measurements",
    ),
    path("batches/<str:number>/split", BatchSplit.as_view(), name="api-batch-split"),
    path("notifications", NotificationList.as_view(), name="api-notifications"),
    path(
        "notifications/<str:number>", NotificationDetail.as_view(), name="api-notification-detail"
    ),
    path(
        "notifications/<str:number>/final-destination",
        NotificationFinalDestination.as_view(),
        name="api-notification-final-destination",
    ),
    path("consignments", ConsignmentList.as_view(), name="api-consignments"),
    path("consignments/<str:number>", ConsignmentDetail.as_view(), name="api-consignment-detail"),
    path(
        "consignments/<str:number>/cancel",
        ConsignmentCancel.as_view(),
        name="api-consignment-cancel",
    ),
    path(
        "consignments/<str:number>/steps/<int:sequence>/confirm",
        StepConfirm.as_view(),
        name="api-step-confirm",
    ),
    path(
        "consignments/<str:number>/steps/<int:sequence>/revisions",
        StepRevision.as_view(),
        name="api-step-revision",
    ),
    path("revisions", RevisionList.as_view(), name="api-revisions"),
    path(
        "revisions/<int:revision_id>/answer", RevisionAnswer.as_view(), name="api-revision-answer"
    ),
]
