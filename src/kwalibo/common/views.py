"""Platform-wide views: the health check and the rate-limit page."""

from django.db import DatabaseError, connection
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import render
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET

from kwalibo import __version__


@never_cache
@require_GET
def healthz(request: HttpRequest) -> JsonResponse:
    """200 with the database status when the database answers, 503 when it does not."""
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except DatabaseError as error:
        return JsonResponse(
            {
                "status": "error",
                "database": {"status": "unavailable", "error": error.__class__.__name__},
            },
            status=503,
        )
    return JsonResponse(
        {
            "status": "ok",
            "version": __version__,
            "database": {"status": "ok", "vendor": connection.vendor},
        }
    )


def rate_limited(request: HttpRequest, exception: Exception) -> HttpResponse:
    """429 for a client that exceeded the rate limit of the public pages."""
    response = render(request, "429.html", status=429)
    response["Retry-After"] = "60"
    return response
