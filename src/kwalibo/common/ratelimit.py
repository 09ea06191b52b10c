"""Rate limits of the public web pages (the API has DRF's throttles).

Limits count per client IP in the default cache: Redis when REDIS_URL is set (shared by all
server processes), else per process memory. Rates come from settings so they can be tuned
per deployment (RATE_PAGES, RATE_EXPORTS).
"""

from collections.abc import Callable
from typing import Any, TypeVar

from django.conf import settings
from django.http import HttpRequest
from django_ratelimit.decorators import ratelimit

View = TypeVar("View", bound=Callable[..., Any])


def _rate(setting: str) -> Callable[[str, HttpRequest], str | None]:
    def rate(group: str, request: HttpRequest) -> str | None:
        value: str = getattr(settings, setting)
        return None if value.lower() in {"off", "none"} else value

    return rate


def public_page(view: View) -> View:
    """Limit the public pages together to RATE_PAGES requests per IP."""
    return ratelimit(group="public-page", key="ip", rate=_rate("RATE_PAGES"), block=True)(view)  # type: ignore[no-any-return]


def public_export(view: View) -> View:
    """Limit downloads of the whole register (CSV and JSON together) to RATE_EXPORTS per IP."""
    return ratelimit(group="public-export", key="ip", rate=_rate("RATE_EXPORTS"), block=True)(view)  # type: ignore[no-any-return]
