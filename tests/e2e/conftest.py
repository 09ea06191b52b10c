"""Browser tests: headless Debian Chromium driven by Playwright against the live server.

Skipped when Chromium is absent, except in CI (KWALIBO_REQUIRE_BROWSER=1), where a missing
browser is a failure rather than a silent skip.
"""

import importlib
import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from django.apps import apps

CHROMIUM = Path("/usr/bin/chromium")


@pytest.fixture(scope="session")
def browser() -> Iterator["object"]:
    if not CHROMIUM.exists():
        if os.environ.get("KWALIBO_REQUIRE_BROWSER") == "1":
            pytest.fail("Chromium is required for browser tests but /usr/bin/chromium is missing")
        pytest.skip("Chromium is not installed (/usr/bin/chromium)")
    # Playwright's sync API runs an event loop in this thread; the ORM calls that the tests
    # make to set up data are synchronous and safe here.
    os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=str(CHROMIUM),
            headless=True,
            args=[
                "--no-sandbox",
                "--disable-gpu",
                "--disable-quic",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
            ],
        )
        yield browser
        browser.close()


@pytest.fixture
def page(browser: "object") -> Iterator["object"]:
    """A fresh browser page in Dutch (the platform's first language)."""
    context = browser.new_context(locale="nl-NL")  # type: ignore[attr-defined]
    page = context.new_page()
    page.set_default_timeout(10_000)
    yield page
    context.close()


@pytest.fixture
def catalogue(transactional_db: None) -> None:
    """The activity catalogue and norm documents, which a data migration loads.

    Live-server tests run in a flushed database (TransactionTestCase), so the rows the data
    migration wrote are gone after the first such test; load them again with the migration's
    own function so the catalogue is exactly what `migrate` gives.
    """
    from kwalibo.register.models import Activity

    if not Activity.objects.exists():
        migration = importlib.import_module(
            "kwalibo.register.migrations.0002_load_activity_catalogue"
        )
        migration.load(apps, None)
