"""One error shape for the whole API: {"detail": ..., "errors": {field: [messages]}}."""

from typing import Any

from django.utils.translation import gettext
from rest_framework import exceptions, status
from rest_framework.response import Response
from rest_framework.views import exception_handler as drf_exception_handler

from kwalibo.common.domain.errors import DomainError
from kwalibo.common.i18n import translate_error


def exception_handler(exc: Exception, context: dict[str, Any]) -> Response | None:
    """Turn DRF and domain errors into the one error shape."""
    if isinstance(exc, DomainError):
        return Response(
            {"detail": translate_error(exc), "errors": {}},
            status=status.HTTP_422_UNPROCESSABLE_ENTITY,
        )
    response = drf_exception_handler(exc, context)
    if response is None:
        return None
    if isinstance(exc, exceptions.ValidationError):
        errors = (
            response.data
            if isinstance(response.data, dict)
            else {"non_field_errors": response.data}
        )
        response.data = {"detail": gettext("Invalid input."), "errors": errors}
    elif isinstance(exc, exceptions.Throttled):
        response.data = {
            "detail": gettext("Too many requests. Try again in %(seconds)d seconds.")
            % {"seconds": int(getattr(exc, "wait", None) or 1)},
            "errors": {},
        }
    elif isinstance(response.data, dict) and "detail" in response.data:
        response.data = {"detail": str(response.data["detail"]), "errors": {}}
    return response
