"""Run the commands that need no database, secret or web app without the full settings.

A lab or consultant runs ``kwalibo toets lab.csv`` on a laptop, where no server is configured:
there is no ``SECRET_KEY`` and no database, and none is needed. These commands get Django with
the translations only, which also spares the start-up of every app's models and admin (about
0.6 s of a ``kwalibo toets`` run).
"""

from __future__ import annotations

import importlib
from typing import Final

#: Command name (as Django spells it) -> the module holding its ``Command``.
COMMANDS: Final = {"toets": "kwalibo.assessments.management.commands.toets"}


def configure() -> None:
    """Configure Django with the language settings alone (no apps, no database)."""
    from django.apps import apps
    from django.conf import settings

    from kwalibo.conf import i18n

    if not settings.configured:
        settings.configure(
            USE_I18N=True,
            USE_TZ=True,
            LANGUAGE_CODE=i18n.LANGUAGE_CODE,
            LANGUAGES=i18n.LANGUAGES,
            LOCALE_PATHS=i18n.LOCALE_PATHS,
            TIME_ZONE=i18n.TIME_ZONE,
        )
    # ``django.setup`` would also configure logging and the URL prefix (0.15 s of imports of
    # the web stack); translations only need the (empty) app registry.
    apps.populate([])


def run(argv: list[str]) -> None:
    """Run ``argv[1]`` (a key of ``COMMANDS``) with the arguments that follow it."""
    configure()
    module = importlib.import_module(COMMANDS[argv[1]])
    module.Command().run_from_argv(argv)
