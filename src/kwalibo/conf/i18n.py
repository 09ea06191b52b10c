"""Language settings shared by the full settings and the standalone commands."""

from pathlib import Path

from django.utils.translation import gettext_lazy as _

LANGUAGE_CODE = "nl"
LANGUAGES = [("nl", _("Dutch")), ("en", _("English"))]
LOCALE_PATHS = [Path(__file__).resolve().parent.parent / "locale"]
TIME_ZONE = "Europe/Amsterdam"
