"""API endpoints of the assessments app, mounted under /api/v1/: ``POST /api/v1/toetsing``.

Public and rate-limited by the default DRF throttles (no login): labs, consultants and
inspectors send measurements as JSON or upload a lab file, and get the explained verdicts.
"""

from __future__ import annotations

import json
from typing import Any

import polars as pl
from django.conf import settings
from django.core.exceptions import RequestDataTooBig
from django.urls import URLPattern, path
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import OpenApiExample, extend_schema
from rest_framework import serializers
from rest_framework.parsers import JSONParser, MultiPartParser
from rest_framework.permissions import AllowAny
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from kwalibo.assessments.domain.application import Location
from kwalibo.assessments.domain.checks import CheckRequest, check_verdicts
from kwalibo.assessments.domain.enforcement import EnforcementError
from kwalibo.assessments.domain.engine import assess
from kwalibo.assessments.domain.large_scale import (
    ColumnTestError,
    LargeScaleApplication,
    column_test_emissions,
)
from kwalibo.assessments.domain.local_maxima import LocalMaximumValues, read_local_maximum_values
from kwalibo.assessments.presentation import (
    checks_dict,
    file_error,
    local_maxima_error,
    translated,
)
from kwalibo.assessments.readers import MeasurementFileError
from kwalibo.assessments.serializers import ToetsingAssessmentIn, ToetsingAssessmentOut
from kwalibo.assessments.uploads import (
    MAX_UPLOAD_BYTES,
    measurements_from_rows,
    measurements_from_upload,
    request_too_large,
    upload_too_large,
)
from kwalibo.common.domain.errors import DomainError
from kwalibo.common.i18n import translate_error

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
        # 413: a body or upload above the limits (the other errors are documented for every
        # operation by kwalibo.api.schema.document_errors)
        responses={200: ToetsingAssessmentOut, 413: None},
        summary=_("Assess soil measurements"),
        description=_(
            "Send the measurements as JSON or upload a lab file (CSV with header "
            "sample,parameter,value,unit; XLSX of the same shape; SIKB0101 XML). Each sample "
            "(or the batch) gets its class with, per parameter, the measured value, the value "
            "used, the standardised value, every class limit and the rules with their articles."
        ),
        examples=[
            OpenApiExample(
                "Copper at 5 % lutum and 3 % organic matter", value=_EXAMPLE, request_only=True
            )
        ],
    )
    def post(self, request: Request) -> Response:
        if request.content_type.startswith("multipart/") and request_too_large(request.META):
            # Refused before the body is read: an upload is spooled to disk as it arrives.
            return _file_too_large()
        try:
            data = request.data
        except RequestDataTooBig:
            return _body_too_large()
        payload = ToetsingAssessmentIn(data=_with_application(data))
        payload.is_valid(raise_exception=True)
        params: dict[str, Any] = payload.validated_data
        if params.get("file") is not None:
            if upload_too_large(params["file"]):
                return _file_too_large()
            try:
                measurements = measurements_from_upload(params["file"])
            except MeasurementFileError as error:
                raise serializers.ValidationError({"file": [file_error(error)]}) from error
        else:
            measurements = measurements_from_rows(params["measurements"])
        result = assess(
            measurements,
            frame=params["frame"],
            rules=params["rules"],
            sampling_date=params["sampling_date"],
            as_batch=params["batch"],
            receiving_soil=params["receiving_soil"],
            tare_soil=params["tare_soil"],
        )
        body = translated(result.as_dict())
        application = None
        if params["large_scale"] or params["application"] is not None:
            application = _application(
                params["application"] or {},
                frame=result.frame,
                rule_set_id=result.rule_set,
                below_water_level=params["below_water_level_same_manager"],
            )
        maxima = zone = None
        if params["local_maximum_values"] is not None:
            maxima = _local_maxima(params["local_maximum_values"], result.frame, result.rule_set)
            zone = params["local_maximum_values"]["zone"]
            try:
                maxima.for_zone(zone)
            except DomainError as error:
                raise serializers.ValidationError(
                    {"local_maximum_values": {"zone": [translate_error(error)]}}
                ) from error
        location = None
        if params["location"] is not None:
            location = _location(params["location"], result.frame)
        asked = CheckRequest(
            application=application,
            local_maxima=maxima,
            local_zone=zone,
            location=location,
            stated_class=params["stated_class"],
            material=(params["application"] or {}).get("material"),
        )
        if asked.asked:
            try:
                checks = check_verdicts(body["verdicts"], asked)
            except EnforcementError as error:
                raise serializers.ValidationError(
                    {"stated_class": [translate_error(error)]}
                ) from error
            body["verdicts"] = [
                verdict | checks_dict(checks[verdict["sample"]], asked)
                for verdict in body["verdicts"]
            ]
        return Response(ToetsingAssessmentOut(body).data)


def _file_too_large() -> Response:
    """413 for an upload above the limit, at the field ``file``."""
    message = gettext("the file is larger than %(size)s MB") % {
        "size": MAX_UPLOAD_BYTES // (1024 * 1024)
    }
    return Response({"detail": message, "errors": {"file": [message]}}, status=413)


def _body_too_large() -> Response:
    """413 for a JSON body above DATA_UPLOAD_MAX_MEMORY_SIZE (Django refuses to read it)."""
    message = gettext(
        "The request is larger than %(size)s MB; send the lab results as a file upload."
    ) % {"size": settings.DATA_UPLOAD_MAX_MEMORY_SIZE // (1024 * 1024)}
    return Response({"detail": message, "errors": {}}, status=413)


def _location(stated: dict[str, Any], frame: str) -> Location:
    """The stated location; a class of the other frame refuses the request (all or nothing),
    as does a soil function class in water (the page refuses it too)."""
    if frame == "waterbodem" and stated["function_class"] is not None:
        raise serializers.ValidationError(
            {
                "location": {
                    "function_class": [
                        gettext(
                            "Soil function classes apply on land; in surface water there are none."
                        )
                    ]
                }
            }
        )
    location = Location(
        function_class=stated["function_class"],
        receiving_quality_class=stated["receiving_quality_class"],
        material=stated["material"],
    )
    try:
        location.checked(frame)
    except DomainError as error:
        raise serializers.ValidationError(
            {"location": {"receiving_quality_class": [translate_error(error)]}}
        ) from error
    return location


def _local_maxima(stated: dict[str, Any], frame: str, rule_set_id: str) -> LocalMaximumValues:
    """The local maximum values as sent, identified and checked row by row."""
    rows = stated["values"]
    table = pl.DataFrame(
        {
            "row": list(range(1, len(rows) + 1)),
            "parameter": [item["parameter"] for item in rows],
            "value": [item["value"] for item in rows],
            "unit": [item["unit"] for item in rows],
            "zone": [item.get("zone") or None for item in rows],
        },
        schema={
            "row": pl.Int64,
            "parameter": pl.Utf8,
            "value": pl.Utf8,
            "unit": pl.Utf8,
            "zone": pl.Utf8,
        },
    )
    try:
        return read_local_maximum_values(
            table, title=stated["title"], frame=frame, rule_set_id=rule_set_id
        )
    except DomainError as error:
        raise serializers.ValidationError(
            {"local_maximum_values": {"values": [local_maxima_error(error)]}}
        ) from error


#: Nested objects that a multipart upload sends as JSON text.
_JSON_FIELDS = ("application", "local_maximum_values", "location")
#: Fields a multipart upload repeats, once per value.
_LIST_FIELDS = ("tare_soil",)


def _with_application(data: Any) -> Any:
    """A multipart upload sends ``application`` and ``local_maximum_values`` as JSON text;
    decode them for the serializer."""
    if not hasattr(data, "get") or not any(isinstance(data.get(f), str) for f in _JSON_FIELDS):
        return data
    # A QueryDict gives the last of several values: keep every one of a list field.
    merged = {
        key: data.getlist(key)
        if key in _LIST_FIELDS and hasattr(data, "getlist")
        else data.get(key)
        for key in data
    }
    for name in _JSON_FIELDS:
        text = data.get(name)
        if not isinstance(text, str):
            continue
        try:
            merged[name] = json.loads(text) if text.strip() else None
        except json.JSONDecodeError as error:
            raise serializers.ValidationError(
                {name: [_("Not valid JSON: %(error)s") % {"error": error.msg}]}
            ) from error
    return merged


def _application(
    stated: dict[str, Any], *, frame: str, rule_set_id: str, below_water_level: bool
) -> LargeScaleApplication:
    """The stated application, with its column test identified and converted."""
    column_test = None
    if stated.get("column_test") is not None:
        rows = pl.DataFrame(
            {
                "row": list(range(1, len(stated["column_test"]) + 1)),
                "parameter": [item["parameter"] for item in stated["column_test"]],
                "value_raw": [item["value"] for item in stated["column_test"]],
                "unit": [item["unit"] for item in stated["column_test"]],
            },
            schema={"row": pl.Int64, "parameter": pl.Utf8, "value_raw": pl.Utf8, "unit": pl.Utf8},
        )
        try:
            column_test = column_test_emissions(rows, rule_set_id=rule_set_id)
        except ColumnTestError as error:
            raise serializers.ValidationError(
                {"application": {"column_test": [translate_error(error)]}}
            ) from error
    material = stated.get("material") or ("grond" if frame == "grond" else "baggerspecie")
    return LargeScaleApplication(
        material=material,
        thickness_m=stated.get("thickness_m"),
        volume_m3=stated.get("volume_m3"),
        infrastructure=bool(stated.get("infrastructure")),
        cover=stated.get("cover"),
        cover_thickness_m=stated.get("cover_thickness_m"),
        below_water_level_same_manager=below_water_level,
        column_test=column_test,
    )


urlpatterns: list[URLPattern] = [
    path("toetsing", AssessmentRun.as_view(), name="api-toetsing"),
]
