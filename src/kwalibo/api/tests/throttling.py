"""Tests under other rate limits: DRF reads its throttle rates once, so a test that needs a
strict limit must reload them, and put the configured ones back afterwards."""

from __future__ import annotations

import contextlib
from collections.abc import Iterator

from django.conf import settings
from django.core.cache import cache
from django.test import override_settings
from rest_framework.settings import api_settings
from rest_framework.throttling import SimpleRateThrottle


@contextlib.contextmanager
def throttle_rates(rates: dict[str, str]) -> Iterator[None]:
    """These throttle rates (``{"anon": "1/minute", "user": "100/minute"}``), with an empty
    cache before and after."""
    cache.clear()
    try:
        with override_settings(
            REST_FRAMEWORK={**settings.REST_FRAMEWORK, "DEFAULT_THROTTLE_RATES": rates}
        ):
            api_settings.reload()
            SimpleRateThrottle.THROTTLE_RATES = api_settings.DEFAULT_THROTTLE_RATES
            yield
    finally:
        api_settings.reload()
        SimpleRateThrottle.THROTTLE_RATES = api_settings.DEFAULT_THROTTLE_RATES
        cache.clear()
