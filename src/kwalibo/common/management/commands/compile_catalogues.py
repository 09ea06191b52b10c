"""`kwalibo compile-catalogues`: compile the .po catalogues to .mo with polib.

Django's compilemessages needs GNU msgfmt; polib is pure Python, so a fresh machine
can compile the catalogues without gettext installed. Like msgfmt, only translated,
non-fuzzy, non-obsolete entries (and the header) go into the .mo file.
polib is a development dependency; the installed platform uses the committed .mo files.
"""

from pathlib import Path
from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError


def catalogue_files(locale_dirs: list[Path]) -> list[Path]:
    """Every .po file below the given locale directories, in a stable order."""
    return sorted(po for directory in locale_dirs for po in directory.glob("*/LC_MESSAGES/*.po"))


def compile_catalogue(po_path: Path) -> Path:
    """Write the .mo file beside `po_path` and return its path."""
    try:
        import polib  # type: ignore[import-untyped]
    except ImportError as error:  # pragma: no cover - polib comes with the dev dependencies
        raise CommandError("polib is needed to compile catalogues: pip install polib") from error
    catalogue = polib.pofile(str(po_path))
    if catalogue.metadata_is_fuzzy:
        raise CommandError(f"{po_path}: the header is marked fuzzy; review it first.")
    mo_path = po_path.with_suffix(".mo")
    catalogue.save_as_mofile(str(mo_path))
    return mo_path


class Command(BaseCommand):
    help = "Compile the translation catalogues (LOCALE_PATHS) from .po to .mo with polib."

    def handle(self, *args: Any, **options: Any) -> None:
        po_files = catalogue_files([Path(path) for path in settings.LOCALE_PATHS])
        if not po_files:
            raise CommandError("No .po catalogues found in LOCALE_PATHS.")
        for po_path in po_files:
            mo_path = compile_catalogue(po_path)
            self.stdout.write(f"Compiled {mo_path}")
