"""`kwalibo import-register FILE.csv|FILE.xlsx`: import an export of the register.

All or nothing: if any row is invalid, every refused row is listed (file, row, field) and
nothing is written. With --skip-invalid the valid rows are imported and the refused ones
are written, with an error column, to FILE.rejects.csv (or --rejects PATH).
The file format is described in docs/import.md.
"""

from pathlib import Path
from typing import IO, Any, cast

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.utils.translation import gettext as _
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

from kwalibo.accounts.models import User
from kwalibo.common.db import planner_statistics_refresh
from kwalibo.common.domain.errors import DomainError
from kwalibo.common.i18n import translate_error
from kwalibo.register.importing import (
    ImportRefusedError,
    problem_lines,
    register_file_read,
    register_import,
    rejects_write,
)


class Command(BaseCommand):
    help = "Import an export of the register (CSV or XLSX); see docs/import.md."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "file", type=Path, help="the export: .csv (comma or semicolon) or .xlsx"
        )
        parser.add_argument(
            "--skip-invalid",
            action="store_true",
            help="import the valid rows and write the refused ones to the rejects file",
        )
        parser.add_argument(
            "--rejects",
            type=Path,
            default=None,
            help="where --skip-invalid writes the refused rows (default: FILE.rejects.csv)",
        )
        parser.add_argument(
            "--user",
            default=None,
            help="username of the importing officer, recorded in the audit trail (default: system)",
        )
        parser.add_argument(
            "--progress",
            action="store_true",
            default=None,
            help="always show the progress bar (default: only on a terminal)",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        path: Path = options["file"]
        if not path.is_file():
            raise CommandError(_("%(file)s does not exist.") % {"file": path})
        actor = self._actor(options["user"])
        try:
            register_file = register_file_read(path)
        except DomainError as error:
            raise CommandError(translate_error(error)) from error

        # The bar goes to the command's error stream, which Django wraps; rich needs the stream itself.
        stream = cast(IO[str], self.stderr._out)
        console = Console(file=stream, force_terminal=options["progress"])
        try:
            with _ProgressBar(console, rows=len(register_file.rows)) as progress:
                result = register_import(
                    actor=actor,
                    source=register_file.name,
                    header=register_file.header,
                    rows=register_file.rows,
                    skip_invalid=options["skip_invalid"],
                    progress=progress,
                )
        except ImportRefusedError as refused:
            for problem in refused.rejected:
                for line in problem_lines(refused.source, problem):
                    self.stderr.write(line)
            raise CommandError(translate_error(refused)) from refused
        except DomainError as error:
            raise CommandError(f"{register_file.name}: {translate_error(error)}") from error

        if result.imported:
            planner_statistics_refresh()
        for notice in result.notices:
            for line in problem_lines(result.source, notice):
                self.stdout.write(_("Note: %(line)s") % {"line": line})
        if result.rejected:
            target = options["rejects"] or path.with_name(f"{path.stem}.rejects.csv")
            count = rejects_write(target, register_file, result.rejected)
            self.stdout.write(
                _("Refused rows written to %(file)s: %(count)s.") % {"count": count, "file": target}
            )
        self.stdout.write(
            _(
                "Recognitions imported: %(imported)s; already registered (left unchanged): "
                "%(already)s; rows skipped: %(skipped)s; organisations created: "
                "%(organisations)s; existing organisations used: %(reused)s."
            )
            % {
                "imported": result.imported,
                "already": result.already_registered,
                "skipped": len(result.rejected),
                "organisations": result.organisations_created,
                "reused": result.organisations_reused,
            }
        )

    def _actor(self, username: str | None) -> User | None:
        if username is None:
            return None
        try:
            return User.objects.get(username=username, is_active=True)
        except User.DoesNotExist as missing:
            raise CommandError(
                _("There is no active user %(name)s.") % {"name": username}
            ) from missing


class _ProgressBar:
    """A rich progress bar for `register_import`: rows checked, then writing (shown on a terminal)."""

    def __init__(self, console: Console, *, rows: int) -> None:
        self.progress = Progress(
            TextColumn("{task.description}"),
            BarColumn(),
            MofNCompleteColumn(),
            TimeElapsedColumn(),
            console=console,
            disable=not console.is_terminal,
        )
        self.checking = self.progress.add_task(_("Checking rows"), total=rows)

    def __enter__(self) -> "_ProgressBar":
        self.progress.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.progress.stop()

    def rows_checked(self, count: int) -> None:
        self.progress.advance(self.checking, count)

    def writing(self) -> None:
        self.progress.add_task(_("Writing to the register"), total=None)
