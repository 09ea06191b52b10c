"""Public register API: search, check, activity catalogue. No login, rate-limited."""

import datetime as dt
from typing import Any, cast

from django.urls import path
from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import extend_schema
from rest_framework import generics, status
from rest_framework.exceptions import NotFound
from rest_framework.permissions import AllowAny
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from kwalibo.accounts.models import User
from kwalibo.accounts.permissions import HasCapability
from kwalibo.accounts.roles import Capability
from kwalibo.register import selectors, services
from kwalibo.register.models import Activity
from kwalibo.register.serializers import (
    ActivityOut,
    CertificateReportIn,
    CertificateReportOut,
    CheckOut,
    CheckQuery,
    OrganisationOut,
    OrganisationQuery,
    ReporterCertificateOut,
)


class OrganisationList(generics.ListAPIView):
    """Organisations with a recognition in force on a date, filtered like the public search."""

    permission_classes = [AllowAny]
    serializer_class = OrganisationOut
    filter_backends: list[Any] = []

    def get_queryset(self) -> Any:
        query = OrganisationQuery(data=self.request.query_params)
        query.is_valid(raise_exception=True)
        params = query.validated_data
        return selectors.organisations_search(
            viewer=self.request.user,
            text=params["search"],
            activity=params["activity"],
            norm_document=params["norm_document"],
            place=params["place"],
            on=params["on"],
            known_at=params["known_at"],
        )

    @extend_schema(parameters=[OrganisationQuery], summary=_("Search the register"))
    def get(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        return super().get(request, *args, **kwargs)


class RecognitionCheck(APIView):
    """Was the organisation with this KvK number recognised for this activity on this date?"""

    permission_classes = [AllowAny]

    @extend_schema(
        parameters=[CheckQuery], responses=CheckOut, summary=_("Check a recognition on a date")
    )
    def get(self, request: Request) -> Response:
        query = CheckQuery(data=request.query_params)
        query.is_valid(raise_exception=True)
        params = query.validated_data
        result = selectors.recognition_check(
            viewer=request.user,
            kvk=params["kvk"],
            activity=params["activity"],
            on=params["on"],
            known_at=params["known_at"],
        )
        recognition = None
        if result.recognition is not None and result.period is not None:
            until = result.period.valid_to
            recognition = {
                "number": result.recognition.number,
                "status": result.period.status,
                "status_since": result.period.valid_from,
                "status_until": until - dt.timedelta(days=1) if until else None,
                "scope": result.recognition.scope,
                "certificate": result.recognition.certificate,
            }
        organisation = result.organisation
        payload = {
            "kvk": result.kvk,
            "activity": result.activity.code,
            "on": result.on,
            "known_at": result.known_at,
            "recognised": result.recognised,
            "organisation": organisation
            and {
                "id": organisation.pk,
                "name": organisation.name,
                "kvk_number": organisation.kvk_number,
                "establishment_number": organisation.establishment_number,
            },
            "recognition": recognition,
        }
        return Response(CheckOut(payload).data)


class ActivityList(generics.ListAPIView):
    """The designated activities (Rbk art 2.1) with their stable codes and norm documents."""

    permission_classes = [AllowAny]
    serializer_class = ActivityOut
    queryset = Activity.objects.prefetch_related("norm_documents")
    pagination_class = None
    filter_backends: list[Any] = []


class ReporterCertificateList(generics.ListAPIView):  # type: ignore[type-arg]
    """Certificates the logged-in certifying institution (or the RvA) reports on."""

    serializer_class = ReporterCertificateOut
    permission_classes = [HasCapability.for_(Capability.REPORT_CERTIFICATE)]
    filter_backends: list[Any] = []

    def get_queryset(self) -> Any:
        return selectors.certificates_for_reporter(viewer=self.request.user).order_by("number")


class CertificateReportCreate(APIView):
    """Report the suspension, withdrawal, restoration or renewal of a certificate (Bbk art 20)."""

    permission_classes = [HasCapability.for_(Capability.REPORT_CERTIFICATE)]

    @extend_schema(
        request=CertificateReportIn,
        responses={201: CertificateReportOut},
        summary=_("Report on a certificate"),
    )
    def post(self, request: Request, number: str) -> Response:
        certificate = (
            selectors.certificates_for_reporter(viewer=request.user).filter(number=number).first()
        )
        if certificate is None:
            raise NotFound(
                _("No certificate with this number among the certificates you report on.")
            )
        payload = CertificateReportIn(data=request.data)
        payload.is_valid(raise_exception=True)
        reporter = cast(User, request.user)  # HasCapability admits authenticated users only
        report = services.certificate_report(
            actor=reporter, certificate=certificate, **payload.validated_data
        )
        return Response(CertificateReportOut(report).data, status=status.HTTP_201_CREATED)


urlpatterns = [
    path("organisations", OrganisationList.as_view(), name="api-register-organisations"),
    path("check", RecognitionCheck.as_view(), name="api-register-check"),
    path("activities", ActivityList.as_view(), name="api-register-activities"),
    path("certificates", ReporterCertificateList.as_view(), name="api-register-certificates"),
    path(
        "certificates/<str:number>/reports",
        CertificateReportCreate.as_view(),
        name="api-register-certificate-report",
    ),
]
