"""`kwalibo toets INPUT`: assess a lab file against the soil-quality norms.

INPUT is a CSV (comma or semicolon, decimal point or comma) in long form with the header
``sample,parameter,value,unit`` (lutum and organic matter as rows in %), an XLSX of the same
shape, or a SIKB0101 XML file. The verdicts go to standard output as JSON (a list with one object
per sample, or one for the batch with --partij), CSV (one row per sample and parameter) or a
table; messages about the input go to standard error. The exit status is 1 when the file cannot
be used at all or no sample could be assessed.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import sys
from collections.abc import Mapping
from pathlib import Path
from typing import IO, Any, cast

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.utils.translation import gettext as _

from kwalibo.assessments.domain.application import (
    FUNCTION_CLASSES,
    Location,
)
from kwalibo.assessments.domain.checks import CheckRequest, VerdictChecks, check_verdicts
from kwalibo.assessments.domain.classification import LAND_CLASSES, WATER_CLASSES
from kwalibo.assessments.domain.engine import Assessment, assess
from kwalibo.assessments.domain.large_scale import (
    COVERS,
    LargeScaleApplication,
    column_test_emissions,
)
from kwalibo.assessments.domain.local_maxima import (
    LocalMaximumValues,
    read_local_maximum_values,
)
from kwalibo.assessments.domain.rules import rule_set_ids
from kwalibo.assessments.presentation import (
    APPLICATION_LABELS,
    ENFORCEMENT_LABELS,
    LEVEL_LABELS,
    checks_dict,
    csv_report,
    file_error,
    large_scale_summary,
    local_maxima_error,
    message_line,
    translated,
    verdict_summary,
)
from kwalibo.assessments.readers import MeasurementFileError, read_measurements
from kwalibo.assessments.readers.local_maxima import read_local_maxima_file
from kwalibo.common.domain.errors import DomainError
from kwalibo.common.i18n import translate_error

MESSAGES_SHOWN = 50
#: ``--tarragrond``: the Dutch names of the tare-soil exemptions of the engine.
TARE_SOIL = {"natuurlijk": "natural_presence", "aardappelen": "potatoes"}
#: ``--functieklasse``: the function classes of a soil-function map, or none.
NO_MAP = "geen_kaart"


def _decimal(text: str) -> float:
    """A number as a Dutch user writes it on the command line: "2,5" or "2.5" (as the page
    takes it)."""
    try:
        return float(text.strip().replace(",", "."))
    except ValueError:
        raise argparse.ArgumentTypeError(
            _("%(value)s is not a number, such as 2,5 or 2.5") % {"value": text}
        ) from None


class Command(BaseCommand):
    help = "Assess a lab file (CSV, XLSX, SIKB0101 XML) against the soil-quality norms."

    def create_parser(self, prog_name: str, subcommand: str, **kwargs: Any) -> CommandParser:
        """The parser, with the description in the user's language like the option help."""
        self.help = _("Assess a lab file (CSV, XLSX, SIKB0101 XML) against the soil-quality norms.")
        return super().create_parser(prog_name, subcommand, **kwargs)

    # No database, URLs or models: the system checks (half a second of imports) are not needed.
    requires_system_checks: list[str] = []  # type: ignore[assignment]

    def execute(self, *args: Any, **options: Any) -> str | None:
        """As Django's, but on the command line an unusable input is reported as ``fout: …``
        in the user's language, like the messages about single rows (not ``CommandError: …``)."""
        try:
            return super().execute(*args, **options)
        except CommandError as error:
            if options.get("traceback") or not getattr(self, "_called_from_command_line", False):
                raise
            self.stderr.write(f"{LEVEL_LABELS['error']}: {error}")
            sys.exit(error.returncode)

    def add_arguments(self, parser: CommandParser) -> None:
        # The help is in the user's language (Dutch by default), like the messages.
        parser.add_argument("input", type=Path, help=_("the lab file"))
        parser.add_argument(
            "--kader",
            choices=["grond", "waterbodem"],
            default="grond",
            help=_(
                "grond: soil applied on land; waterbodem: water bed and dredgings (default: grond)"
            ),
        )
        parser.add_argument(
            "--rules",
            default=None,
            help=_("rule set id (%(ids)s); default: the one valid on the sampling date")
            % {"ids": ", ".join(rule_set_ids())},
        )
        parser.add_argument(
            "--format",
            choices=["json", "csv", "table"],
            default="table",
            dest="output_format",
            help=_("json, csv (one row per sample and parameter) or table (default)"),
        )
        parser.add_argument(
            "--partij",
            action="store_true",
            help=_("assess all samples together as one batch (means per substance)"),
        )
        parser.add_argument(
            "--als-ontvangende-bodem",
            action="store_true",
            dest="receiving_soil",
            help=_(
                "with --kader grond: the samples are of the receiving soil; classify it with "
                "the Wonen allowance (Rbk art 4.10.2 lid 3)"
            ),
        )
        parser.add_argument(
            "--tarragrond",
            choices=list(TARE_SOIL),
            action="append",
            default=[],
            help=_(
                "with --kader grond, tare soil: natuurlijk (cresols, phenol, toluene and "
                "mineral oil naturally present, Rbk art 4.14.1) or aardappelen "
                "(monochloroanilines not tested, art 4.14.2); may be given twice"
            ),
        )
        parser.add_argument(
            "--datum",
            type=dt.date.fromisoformat,
            default=None,
            help=_("sampling date YYYY-MM-DD for choosing the rule set (default: from the file)"),
        )
        parser.add_argument(
            "--grootschalig",
            action="store_true",
            help=_(
                "large-scale application (Bbk art 63): screen each verdict against the "
                "emission test values (Rbk art 4.12.1)"
            ),
        )
        parser.add_argument(
            "--onder-waterniveau",
            action="store_true",
            dest="below_water_level",
            help=_(
                "with --grootschalig --kader waterbodem: the application lies below the water "
                "level in the area of the water manager the dredgings come from "
                "(art 4.12.1 lid 3 b)"
            ),
        )
        application = parser.add_argument_group(
            _("large-scale application (Bbk art 63; each option implies --grootschalig)")
        )
        application.add_argument(
            "--laagdikte", type=_decimal, metavar="M", help=_("layer thickness, m")
        )
        application.add_argument("--omvang", type=_decimal, metavar="M3", help=_("volume, m³"))
        application.add_argument(
            "--weg-of-spoorweg",
            action="store_true",
            dest="infrastructure",
            help=_("construction of a road or railway (art 63 lid 5: at least 0.5 m)"),
        )
        application.add_argument(
            "--afdeklaag", choices=COVERS, default=None, help=_("what covers the batch")
        )
        application.add_argument(
            "--leeflaagdikte", type=_decimal, metavar="M", help=_("thickness of the top layer, m")
        )
        application.add_argument(
            "--kolomproef",
            type=Path,
            default=None,
            metavar="FILE",
            help=_("column-test results (same file shape, mg/kg at L/S 10)"),
        )
        location = parser.add_argument_group(
            _("application at a location: the double test of the generic framework (Bbk art 59)")
        )
        location.add_argument(
            "--functieklasse",
            choices=[NO_MAP, *FUNCTION_CLASSES],
            default=None,
            dest="function_class",
            help=_(
                "with --kader grond: the soil function class of the location "
                "(achtergrondwaarde: neither wonen nor industrie; %(no_map)s: the municipality "
                "has no soil-function map)"
            )
            % {"no_map": NO_MAP},
        )
        location.add_argument(
            "--ontvangende-bodem",
            choices=sorted(
                {*LAND_CLASSES, *WATER_CLASSES}, key=[*LAND_CLASSES, *WATER_CLASSES].index
            ),
            default=None,
            dest="receiving_class",
            metavar="KLASSE",
            help=_(
                "the quality class of the receiving soil or water bed (%(land)s on land; "
                "%(water)s in water)"
            )
            % {"land": ", ".join(LAND_CLASSES), "water": ", ".join(WATER_CLASSES)},
        )
        parser.add_argument(
            "--materiaal",
            choices=["grond", "baggerspecie"],
            default=None,
            help=_(
                "soil or dredgings, for --grootschalig and for soil applied in water "
                "(default: grond with --kader grond, else baggerspecie)"
            ),
        )
        local = parser.add_argument_group(
            _("area-specific framework: local maximum values (Bbk art 44/45, Rbk art 4.2.2)")
        )
        local.add_argument(
            "--lokale-maxima",
            type=Path,
            default=None,
            metavar="FILE",
            dest="local_maxima",
            help=_("CSV or XLSX with the columns parameter, waarde, eenheid and optionally zone"),
        )
        local.add_argument("--zone", default=None, help=_("the soil-quality zone of the values"))
        local.add_argument(
            "--nota", default=None, help=_("title of the decision (default: the file name)")
        )
        parser.add_argument(
            "--handhaving",
            choices=[*LAND_CLASSES[:-1], *WATER_CLASSES[1:-1]],
            default=None,
            dest="stated_class",
            metavar="KLASSE",
            help=_(
                "enforcement investigation (Rbk art 4.13.1): the class the batch had to meet; "
                "a violation when its maximum values are exceeded by at least a factor 1.4 "
                "(use --partij for a batch inspection)"
            ),
        )
        parser.add_argument(
            "--messages",
            type=Path,
            default=None,
            help=_(
                "write every message to this CSV file (standard error shows the first %(shown)d)"
            )
            % {"shown": MESSAGES_SHOWN},
        )

    def handle(self, *args: Any, **options: Any) -> None:
        path: Path = options["input"]
        stated = ("laagdikte", "omvang", "infrastructure", "afdeklaag", "leeflaagdikte")
        large_scale = options["grootschalig"] or any(
            options[name] not in (None, False) for name in (*stated, "kolomproef")
        )
        if options["local_maxima"] is None and (options["zone"] or options["nota"]):
            # A zone or title alone checks nothing; say so instead of ignoring it (as the page).
            raise CommandError(_("--zone and --nota need --lokale-maxima FILE to check against."))
        _check_messages_target(options["messages"], path, options)
        self._location = self._stated_location(options)
        if (
            options["materiaal"] is not None
            and not large_scale
            and (self._location is None or options["kader"] == "grond")
        ):
            # The material is a detail of a large-scale application or of soil applied in
            # water: alone it checks nothing (the page and the API start the large-scale check
            # with it; here it also serves the location check, so say so).
            raise CommandError(
                _(
                    "--materiaal states the material of --grootschalig or, in water, of "
                    "--ontvangende-bodem; alone it checks nothing."
                )
            )
        if self._location is not None:
            try:
                self._location.checked(options["kader"])
            except DomainError as error:
                raise CommandError(translate_error(error)) from error
        self._large_scale = bool(large_scale)
        self._below_water_level = bool(options["below_water_level"])
        self._column_test_path: Path | None = options["kolomproef"]
        self._options = options
        self._made: dict[str, VerdictChecks] | None = None
        try:
            measurements = read_measurements(path, filename=str(path))
        except MeasurementFileError as error:
            raise CommandError(file_error(error)) from error
        if options["kader"] != "grond" and (options["receiving_soil"] or options["tarragrond"]):
            raise CommandError(
                _("--als-ontvangende-bodem and --tarragrond apply on land (--kader grond).")
            )
        try:
            assessment = assess(
                measurements,
                frame=options["kader"],
                rules=options["rules"],
                sampling_date=options["datum"],
                as_batch=options["partij"],
                receiving_soil=options["receiving_soil"],
                tare_soil=[TARE_SOIL[name] for name in options["tarragrond"]],
            )
        except DomainError as error:
            raise CommandError(translate_error(error)) from error
        self._asked = CheckRequest(
            application=self._stated_application(assessment) if self._large_scale else None,
            local_maxima=self._local_maxima(assessment),
            local_zone=options["zone"],
            location=self._location,
            stated_class=options["stated_class"],
            material=options["materiaal"],
        )
        self._write(assessment, options["output_format"])
        self._report_messages(assessment, options["messages"])
        classed = assessment.sample_table()
        if classed.height == 0:
            raise CommandError(_("No sample could be assessed; see the messages above."))
        if classed.get_column("class").null_count() == classed.height:
            # the verdicts are written, but a script must not take them as a result
            raise CommandError(_("No sample got a class; see the messages above."))

    def _write(self, assessment: Assessment, output_format: str) -> None:
        if output_format == "csv" and self._asked.asked:
            report = csv_report(assessment, self._asked, self._checks(assessment))
            self.stdout.write(report, ending="")
            return
        if output_format == "csv":
            out = cast(IO[str], self.stdout._out)
            buffer = getattr(out, "buffer", None)
            if buffer is None:
                out.write(assessment.parameter_table().write_csv(float_scientific=False))
                return
            out.flush()
            assessment.write_csv(buffer)
            buffer.flush()
            return
        if output_format == "json":
            # message texts in the user's language, as the API gives them
            verdicts = translated({"messages": [], "verdicts": assessment.verdicts})["verdicts"]
            if self._asked.asked:
                checks = self._checks(assessment)
                verdicts = [
                    verdict | checks_dict(checks[verdict["sample"]], self._asked)
                    for verdict in verdicts
                ]
            self.stdout.write(json.dumps(verdicts, ensure_ascii=False, indent=2))
            return
        self.stdout.write(
            _("Rule set %(rule_set)s: %(title)s")
            % {"rule_set": assessment.rule_set, "title": assessment.rule_set_title}
        )
        rows = [verdict_summary(v) for v in assessment.verdicts]
        headers = {
            "sample": _("Sample"),
            "class": _("Class"),
            "intervention": _("Intervention value exceeded"),
            "deciding": _("Deciding parameters"),
            "allowance": _("Background-value allowance"),
        }
        if assessment.frame == "waterbodem":
            headers["spreading"] = _("Spreading")
        asked = self._asked
        per_verdict = [self._checks(assessment)[v["sample"]] for v in assessment.verdicts]
        if asked.application is not None:
            headers["emission"] = _("Emission test values")
            headers["large_scale"] = _("Large-scale application")
        if asked.local_maxima is not None:
            headers["local"] = _("Local maximum values")
        if asked.location is not None:
            headers["location"] = _("Application at the location")
        if asked.stated_class is not None:
            headers["enforcement"] = _("Enforcement (Rbk art 4.13.1)")
        for row, check in zip(rows, per_verdict, strict=True):
            if check.emission is not None and check.large_scale is not None:
                row["emission"] = _exceedance_text(check.emission.met, check.emission.params)
                row["large_scale"] = large_scale_summary(check.large_scale)
            if check.local is not None:
                row["local"] = _exceedance_text(check.local.met, check.local.params)
                if check.local.origin_only:
                    row["local"] += " " + str(_("(only in the area of origin)"))
            if check.location is not None:
                allowed = APPLICATION_LABELS[check.location.allowed]
                row["location"] = f"{allowed} ({check.location.article})"
            if check.enforcement is not None:
                row["enforcement"] = str(ENFORCEMENT_LABELS[check.enforcement.violation])
        widths = {
            key: max([len(str(label)), *(len(row[key]) for row in rows)])
            for key, label in headers.items()
        }
        self.stdout.write(
            "  ".join(str(label).ljust(widths[key]) for key, label in headers.items())
        )
        for row in rows:
            self.stdout.write("  ".join(row[key].ljust(widths[key]) for key in headers))

    def _checks(self, assessment: Assessment) -> dict[str, VerdictChecks]:
        """The checks asked for, per verdict sample; made once per run."""
        if self._made is None:
            try:
                self._made = check_verdicts(assessment.verdicts, self._asked)
            except DomainError as error:
                raise CommandError(translate_error(error)) from error
        return self._made

    def _stated_location(self, options: Mapping[str, Any]) -> Location | None:
        """The location as stated by --functieklasse and --ontvangende-bodem (``None``: no
        test asked for); refused when it does not fit the frame."""
        function = options["function_class"]
        receiving = options["receiving_class"]
        if options["kader"] == "grond":
            if function is None and receiving is None:
                return None
            if function is None:
                raise CommandError(
                    _(
                        "--ontvangende-bodem on land needs --functieklasse too (%(no_map)s when "
                        "the municipality has no soil-function map)."
                    )
                    % {"no_map": NO_MAP}
                )
            return Location(
                function_class=None if function == NO_MAP else function,
                receiving_quality_class=receiving,
            )
        if function is not None:
            raise CommandError(
                _("--functieklasse applies on land (--kader grond); in water there are none.")
            )
        if receiving is None:
            return None
        return Location(receiving_quality_class=receiving, material=options["materiaal"])

    def _local_maxima(self, assessment: Assessment) -> LocalMaximumValues | None:
        path: Path | None = self._options["local_maxima"]
        if path is None:
            return None
        try:
            table = read_local_maxima_file(path, filename=str(path))
        except OSError as error:
            raise CommandError(
                _("%(file)s: cannot read the file (%(reason)s)")
                % {"file": path, "reason": error.strerror or error}
            ) from error
        except MeasurementFileError as error:
            raise CommandError(file_error(error)) from error
        try:
            return read_local_maximum_values(
                table,
                title=self._options["nota"] or path.name,
                frame=assessment.frame,
                rule_set_id=assessment.rule_set,
            )
        except MeasurementFileError as error:
            raise CommandError(file_error(error)) from error
        except DomainError as error:
            raise CommandError(f"{path}: {local_maxima_error(error)}") from error

    def _stated_application(self, assessment: Assessment) -> LargeScaleApplication:
        options = self._options
        column_test = None
        if self._column_test_path is not None:
            path = self._column_test_path
            try:
                column_test = column_test_emissions(
                    read_measurements(path, filename=str(path)), rule_set_id=assessment.rule_set
                )
            except MeasurementFileError as error:
                raise CommandError(file_error(error)) from error
            except DomainError as error:
                raise CommandError(f"{path}: {translate_error(error)}") from error
        material = options["materiaal"] or (
            "grond" if assessment.frame == "grond" else "baggerspecie"
        )
        try:
            return LargeScaleApplication(
                material=material,
                thickness_m=options["laagdikte"],
                volume_m3=options["omvang"],
                infrastructure=bool(options["infrastructure"]),
                cover=options["afdeklaag"],
                cover_thickness_m=options["leeflaagdikte"],
                below_water_level_same_manager=self._below_water_level,
                column_test=column_test,
            )
        except DomainError as error:
            raise CommandError(translate_error(error)) from error

    def _report_messages(self, assessment: Assessment, target: Path | None) -> None:
        if target is not None:
            try:
                assessment.messages_frame().write_csv(target)
            except OSError as error:
                raise CommandError(
                    _("%(file)s: cannot write the messages (%(reason)s)")
                    % {"file": target, "reason": error.strerror or error}
                ) from error
        for message in assessment.messages_head(MESSAGES_SHOWN):
            self.stderr.write(message_line(message))
        total = assessment.message_count()
        if total > MESSAGES_SHOWN:
            counts = assessment.message_counts()
            self.stderr.write(
                _("%(shown)d of %(total)d messages shown (%(counts)s).")
                % {
                    "shown": MESSAGES_SHOWN,
                    "total": total,
                    "counts": ", ".join(f"{code}: {n}" for code, n in counts.items()),
                }
            )


def _check_messages_target(target: Path | None, path: Path, options: dict[str, Any]) -> None:
    """Refuse a --messages file that is one of the inputs (it would be overwritten) or that
    cannot be written, before anything is assessed or written."""
    if target is None:
        return
    inputs = [path, options["local_maxima"], options["kolomproef"]]
    for given in inputs:
        if given is not None and target.resolve() == Path(given).resolve():
            raise CommandError(
                _("--messages %(file)s is an input file; give another file to write to.")
                % {"file": target}
            )
    parent = target.resolve().parent
    if target.is_dir() or not parent.is_dir() or not os.access(parent, os.W_OK):
        raise CommandError(
            _("--messages %(file)s cannot be written: not a file in a writable folder.")
            % {"file": target}
        )


def _exceedance_text(met: bool | None, params: Mapping[str, str]) -> str:
    """A table cell for a screening: not exceeded, undecided, or the substances that exceed."""
    if met is None:
        return str(_("undecided"))
    return str(_("not exceeded")) if met else str(_("exceeded: %(substances)s")) % params
