"""The API root: where to find the parts of the API."""

from drf_spectacular.utils import extend_schema
from rest_framework.decorators import api_view, permission_classes
from rest_framework.permissions import AllowAny
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.reverse import reverse


@extend_schema(exclude=True)
@api_view(["GET"])
@permission_classes([AllowAny])
def api_root(request: Request) -> Response:
    return Response(
        {
            "schema": reverse("api-schema", request=request),
            "docs": reverse("api-docs", request=request),
            "register": {
                "organisations": reverse("api-register-organisations", request=request),
                "check": reverse("api-register-check", request=request),
                "activities": reverse("api-register-activities", request=request),
            },
            "passport": {
                "declarations": reverse("api-mvb-list", request=request),
                "signing_keys": reverse("api-mvb-keys", request=request),
                "batches": reverse("api-batches", request=request),
                "notifications": reverse("api-notifications", request=request),
                "consignments": reverse("api-consignments", request=request),
                "revisions": reverse("api-revisions", request=request),
                "projects": reverse("api-projects", request=request),
                "sites": reverse("api-sites", request=request),
                "site_balance": reverse("api-site-balance", request=request),
                "soil_flow_map": reverse("api-soil-flow-map", request=request),
            },
        }
    )
