"""Rate limits of the API: one for anonymous callers (by IP), one for logged-in users.

DRF's UserRateThrottle also counts anonymous requests by IP, so an anonymous caller would
get the stricter of the two limits; here each caller gets exactly one.
"""

from typing import Any

from rest_framework.request import Request
from rest_framework.throttling import UserRateThrottle


class LoggedInUserRateThrottle(UserRateThrottle):
    """The `user` rate, for authenticated users only (anonymous callers fall under `anon`)."""

    def get_cache_key(self, request: Request, view: Any) -> str | None:
        if not request.user.is_authenticated:
            return None
        return super().get_cache_key(request, view)
