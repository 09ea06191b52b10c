"""API endpoints of the assessments app, mounted under /api/v1/: ``POST /api/v1/toetsing``.

Public and rate-limited by the default DRF throttles (no login): labs, consultants and
inspectors send measurements as JSON or upload a lab file, and get the explained verdicts.
"""

from __future__ import annotations

from typing import Any

from django.urls import URLPattern, path
from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import OpenApiExample, extend_schema
from rest_framework import serializers
from rest_framework.parsers import JSONParser, MultiPartParser
from rest_framework.permissions import AllowAny
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from kwalibo.assessments.domain.emission import emission_screening
from kwalibo.assessments.domain.engine import assess
from kwalibo.assessments.presentation import emission_dict, translated
from kwalibo.assessments.readers import MeasurementFileError
from kwalibo.assessments.serializers import ToetsingAssessmentIn, ToetsingAssessmentOut
from kwalibo.assessments.uploads import measurements_from_rows, measurements_from_upload

_EXAMPLE = {
    "frame": "grond",
    "measurements": [
        {"sample": "MM1", "parameter": "lutum", "value": "5", "unit": "%"},
        {"sample": "MM1", "parameter": "organische stof", "value": "3", "unit": "%"},
        {"sample": "MM1", "parameter": "koper", "value": "50", "unit": "mg/kg ds"},
        {"sample": "MM1", "parameter": "Zn", "value": "<20", "unit": "mg/kg ds"},
    ],
}


class AssessmentRun(APIView):
    """Assess measurements against the soil-quality norms (Regeling bodemkwaliteit)."""

    permission_classes = [AllowAny]
    parser_classes = [JSONParser, MultiPartParser]

    @extend_schema(
        request={
            "application/json": ToetsingAssessmentIn,
            "multipart/form-data": ToetsingAssessmentIn,
        },
        responses={200: ToetsingAssessmentOut},
        summary=_("Assess soil measurements"),
        description=_(
            "Send the measurements as JSON or upload a lab file (CSV with header "
            "sample,parameter,value,unit; XLSX of the same shape; SIKB0101 XML). Each sample "
            "(or the batch) gets its class with, per parameter, the measured value, the value "
            "used, the standardised value, every class limit and the rules with their articles."
        ),
        examples=[OpenApiExample("Copper at 5 % lutum and 3 % organic matter", value=_EXAMPLE)],
    )
    def post(self, request: Request) -> Response:
        payload = ToetsingAssessmentIn(data=request.data)
        payload.is_valid(raise_exception=True)
        params: dict[str, Any] = payload.validated_data
        if params.get("file") is not None:
            try:
                measurements = measurements_from_upload(params["file"])
            except MeasurementFileError as error:
                raise serializers.ValidationError({"file": [str(error)]}) from error
        else:
            measurements = measurements_from_rows(params["measurements"])
        result = assess(
            measurements,
            frame=params["frame"],
            rules=params["rules"],
            sampling_date=params["sampling_date"],
            as_batch=params["batch"],
        )
        body = translated(result.as_dict())
        if params["large_scale"]:
            body["verdicts"] = [
                verdict
                | {
                    "emission": emission_dict(
                        emission_screening(
                            verdict,
                            below_water_level_same_manager=params["below_water_level_same_manager"],
                        )
                    )
                }
                for verdict in body["verdicts"]
            ]
        return Response(ToetsingAssessmentOut(body).data)


urlpatterns: list[URLPattern] = [
    path("toetsing", AssessmentRun.as_view(), name="api-toetsing"),
]
