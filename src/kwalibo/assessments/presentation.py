"""Assessment results for people: translated messages, class labels and formatted numbers.

The engine (``kwalibo.assessments.domain``) returns English message templates with their
parameters and stable class codes; this adapter translates them with Django's gettext for the
CLI, the API and the web page (the PDF is in ``kwalibo.assessments.pdf``).
"""

from __future__ import annotations

import csv
import dataclasses
import io
import math
import re
from collections.abc import Mapping
from typing import Any, Final

from django.utils import formats
from django.utils.translation import gettext, ngettext
from django.utils.translation import gettext_lazy as _

from kwalibo.assessments.domain.application import ApplicationVerdict, Location
from kwalibo.assessments.domain.checks import CheckRequest, VerdictChecks, check_verdicts
from kwalibo.assessments.domain.emission import EmissionScreening
from kwalibo.assessments.domain.enforcement import EnforcementCheck
from kwalibo.assessments.domain.engine import Assessment, csv_columns, csv_row
from kwalibo.assessments.domain.large_scale import LargeScaleCheck
from kwalibo.assessments.domain.local_maxima import LocalCheck
from kwalibo.assessments.readers.errors import MeasurementFileError
from kwalibo.common.domain.errors import DomainError
from kwalibo.common.i18n import translate_error

CLASS_LABELS = {
    "achtergrondwaarde": _("Background value"),
    "wonen": _("Wonen (residential)"),
    "industrie": _("Industrie (industrial)"),
    "klasse_A": _("Class A"),
    "klasse_B": _("Class B"),
    "niet_toepasbaar": _("Not applicable"),
}
SPREADING_LABELS = {
    "verspreidbaar": _("spreadable"),
    "niet_verspreidbaar": _("not spreadable"),
    "onbepaald": _("not determined"),
}
#: Status badge of a spreading verdict in the table of verdicts.
SPREADING_STATUS = {
    "verspreidbaar": "status-valid",
    "niet_verspreidbaar": "status-invalid",
    "onbepaald": "status-warning",
}
FRAME_LABELS = {"grond": _("soil on land"), "waterbodem": _("water bed and dredgings")}
LEVEL_LABELS = {"error": _("error"), "warning": _("warning"), "info": _("note")}


def class_label(code: str | None) -> str:
    """The translated label of a class code; a dash for no class."""
    if code is None:
        return gettext("No class")
    label = CLASS_LABELS.get(code)
    return str(label) if label is not None else code


#: Messages whose value is computed by the engine, not the lab's as written.
_COMPUTED_VALUE = frozenset({"salt_water_area", "salt_water_measured"})
#: Messages whose detail is a class code, shown by its label.
_CLASS_DETAIL = frozenset({"class_undecided_above_range", "class_undecided_input_error"})
_PLAIN_NUMBER = re.compile(r"^-?\d+(?:\.\d+)?(?:e[+-]?\d+)?$")


def message_text(message: dict[str, Any]) -> str:
    """An engine message in the active language (the English text when a parameter is missing).

    Numbers the engine wrote into the message (the value a separator was read as, a range of
    limits) get the language's decimal separator; a value as the lab wrote it stays as written.
    """
    params = {"parameter": "", "value": "", "unit": "", "detail": "", "rule_set": ""}
    params |= message.get("params") or {}
    separator = str(formats.get_format("DECIMAL_SEPARATOR"))
    params["detail"] = _localised_numbers(params["detail"], separator)
    if message.get("code") in _COMPUTED_VALUE:
        params["value"] = _localised_numbers(params["value"], separator)
    if message.get("code") in _CLASS_DETAIL and params["detail"]:
        params["detail"] = class_label(params["detail"])
    try:
        return gettext(message["template"]) % params
    except (KeyError, TypeError, ValueError):
        return str(message["message"])


def translated(result: dict[str, Any]) -> dict[str, Any]:
    """``Assessment.as_dict()`` with every message text in the active language."""

    def messages(items: list[dict[str, Any]]) -> list[dict[str, Any]]:
        return [item | {"message": message_text(item)} for item in items]

    return result | {
        "messages": messages(result["messages"]),
        "verdicts": [
            verdict | {"messages": messages(verdict["messages"])} for verdict in result["verdicts"]
        ],
    }


#: How many sample names a batch heading lists before it says how many more there are.
HEADING_SAMPLES: Final = 10


def verdict_heading(verdict: dict[str, Any]) -> str:
    """ "Sample M1", or for a batch the samples it was made of: "Batch of 3 samples (M1, M2,
    M3)"; a long batch names the first ``HEADING_SAMPLES`` and how many more."""
    samples = verdict.get("samples")
    if not samples:
        return gettext("Sample %(sample)s") % {"sample": verdict["sample"]}
    names = ", ".join(str(name) for name in samples[:HEADING_SAMPLES])
    if len(samples) > HEADING_SAMPLES:
        names += ", " + gettext("and %(count)d more") % {"count": len(samples) - HEADING_SAMPLES}
    return ngettext(
        "Batch of %(count)d sample (%(names)s)",
        "Batch of %(count)d samples (%(names)s)",
        len(samples),
    ) % {"count": len(samples), "names": names}


def message_line(message: dict[str, Any]) -> str:
    """``sample M1, row 6, koper: …`` for terminals and logs."""
    where = []
    if message.get("sample"):
        where.append(gettext("sample %(sample)s") % {"sample": message["sample"]})
    if message.get("row") is not None:
        where.append(gettext("row %(row)s") % {"row": message["row"]})
    if message.get("parameter"):
        where.append(str(message["parameter"]))
    prefix = ", ".join(where)
    level = str(LEVEL_LABELS.get(message["level"], message["level"]))
    text = message_text(message)
    return f"{level}: {prefix}: {text}" if prefix else f"{level}: {text}"


def verdict_summary(verdict: dict[str, Any]) -> dict[str, str]:
    """Short texts of one verdict for tables: class, intervention, deciding parameters."""
    names = {p["parameter"]: p["name"] for p in verdict["explanation"]["parameters"]}
    spreading = (
        {"spreading": spreading_text(verdict["spreading"])} if "spreading" in verdict else {}
    )
    return spreading | {
        "sample": str(verdict["sample"]),
        "class": class_label(verdict["class"]),
        "intervention": {True: gettext("yes"), False: gettext("no"), None: gettext("unknown")}[
            verdict["intervention_exceeded"]
        ],
        "deciding": ", ".join(names.get(p, p) for p in verdict["deciding_parameters"]) or "-",
        "allowance": (
            gettext("used for %(names)s")
            % {"names": ", ".join(names.get(p, p) for p in verdict["allowance"]["elevated"])}
            if verdict["allowance"]["used"]
            else gettext("Wonen allowance used")
            if verdict.get("wonen_allowance", {}).get("used")
            else "-"
        ),
        "messages": message_counts_text(verdict["messages"]),
    }


def allowance_text(verdict: dict[str, Any]) -> str | None:
    """The background-value allowance of a verdict with its numbers (Rbk art 4.2.2 lid 4, 5
    and 8): how many substances were measured, how many may exceed the background value, and
    whether it made the class, or why not; ``None`` when no substance exceeds it."""
    allowance = verdict["allowance"]
    parameters = verdict["explanation"]["parameters"]
    names = {p["parameter"]: p["name"] for p in parameters}
    elevated = [names.get(p, p) for p in allowance["elevated"]]
    if not elevated:
        return None
    measured, allowed = allowance["measured"], allowance["allowed"]
    counts = ngettext(
        "%(measured)s substance with a background value measured:",
        "%(measured)s substances with a background value measured:",
        measured,
    ) % {"measured": measured}
    if allowed:
        counts += " " + ngettext(
            "up to %(allowed)s may exceed it, by at most twice the background value and not "
            "above Wonen.",
            "up to %(allowed)s may exceed it, each by at most twice the background value and "
            "not above Wonen.",
            allowed,
        ) % {"allowed": allowed}
    else:
        counts += " " + gettext("none may exceed it (the allowance starts at two).")
    if allowance["used"]:
        outcome = gettext("Used for %(names)s: they count as not exceeding it.") % {
            "names": ", ".join(elevated)
        }
    else:
        outcome = gettext("Not used; above the background value: %(names)s.") % {
            "names": ", ".join(elevated)
        }
        refused = allowance.get("refused", [])
        if "count" in refused and allowed:
            outcome += " " + gettext("That is %(count)s, more than the %(allowed)s allowed.") % {
                "count": len(elevated),
                "allowed": allowed,
            }
        if "cap" in refused:
            capped = [p["name"] for p in parameters if p.get("exceeds_allowance_cap")]
            outcome += " " + gettext(
                "%(names)s: more than twice the background value or above Wonen."
            ) % {"names": ", ".join(capped)}
        if "no_background_value" in refused:
            others = [
                p["name"]
                for p in parameters
                if not p["exceeds_background"]
                and p["parameter_class"] not in ("achtergrondwaarde", None)
                and not p.get("limit_only")
                and not p.get("tare_exempt")
            ]
            if others:
                outcome += " " + gettext(
                    "%(names)s: above a maximum value without a background value to be forgiven "
                    "against."
                ) % {"names": ", ".join(others)}
    return f"{counts} {outcome} ({allowance['article']})"


def wonen_allowance_text(verdict: dict[str, Any]) -> str | None:
    """The Wonen allowance of the receiving soil (Rbk art 4.10.2 lid 3 and 4), when it was
    asked for: whether it made the class Wonen, and for which substances."""
    wonen = verdict.get("wonen_allowance")
    if wonen is None:
        return None
    if wonen["used"]:
        names = [
            p["name"]
            for p in verdict["explanation"]["parameters"]
            if p["allowance_used"] and p["parameter_class"] == "industrie"
        ]
        text = gettext(
            "Wonen allowance for the receiving soil used: %(names)s above Wonen (up to "
            "%(allowed)s may be, by at most the Wonen value plus the background value); the "
            "class is Wonen."
        ) % {"names": ", ".join(names), "allowed": wonen["allowed"]}
    else:
        text = gettext("Wonen allowance for the receiving soil not used (up to %(allowed)s).") % {
            "allowed": wonen["allowed"]
        }
    return f"{text} ({wonen['article']})"


def spreading_text(spreading: dict[str, Any]) -> str:
    """The three spreading verdicts of a water-bed verdict in one line."""
    return gettext(
        "Spreading: fresh water %(fresh)s; adjacent plot %(adjacent)s; salt water %(salt)s"
    ) % {
        "fresh": SPREADING_LABELS.get(spreading["zoet_oppervlaktewater"], "-"),
        "adjacent": SPREADING_LABELS.get(spreading["aangrenzend_perceel"], "-"),
        "salt": SPREADING_LABELS.get(spreading["zout_oppervlaktewater"], "-"),
    }


def message_counts_text(messages: list[dict[str, Any]]) -> str:
    """ "2 errors, 1 warning" for a verdict's messages (notes left out); "-" for none, so that a
    class that comes with problems is not read past in a table."""
    errors = sum(1 for m in messages if m["level"] == "error")
    warnings = sum(1 for m in messages if m["level"] == "warning")
    parts = []
    if errors:
        parts.append(ngettext("%(count)s error", "%(count)s errors", errors) % {"count": errors})
    if warnings:
        parts.append(
            ngettext("%(count)s warning", "%(count)s warnings", warnings) % {"count": warnings}
        )
    return ", ".join(parts) or "-"


STATUS_CLASSES = {
    "achtergrondwaarde": "status-valid",
    "wonen": "status-warning",
    "klasse_A": "status-warning",
    "industrie": "status-warning",
    "klasse_B": "status-warning",
    "niet_toepasbaar": "status-invalid",
}
RULE_LABELS = {
    "standardisation": _("Standardisation to standard soil"),
    "standardisation_per_measurement": _("Standardisation per measurement, before means"),
    "reporting_limit": _("Values below the reporting limit"),
    "sum": _("Sum of the components"),
    "teq": _("Dioxin sum as toxic equivalents (TEQ)"),
    "asbestos": _("Asbestos: serpentine + 10 × amphibole"),
    "cyanide_complex": _("Complex cyanide: total − free"),
    "mean": _("Arithmetic mean"),
    "exceedance": _("Exceedance of a maximum value"),
    "class_grond": _("Quality classes for soil on land"),
    "class_waterbodem": _("Quality classes for water beds and dredgings"),
    "empty_column_grond": _("No Wonen or Industrie value: class Industrie"),
    "empty_column_waterbodem": _("No class A or B value: class B"),
    "aw_allowance": _("Background-value allowance"),
    "wonen_allowance": _("Wonen allowance for the receiving soil"),
    "intervention_grond": _("Intervention values (land)"),
    "intervention_waterbodem": _("Intervention values (water bed)"),
    "spreading_fresh": _("Spreading in fresh surface water"),
    "spreading_adjacent": _("Spreading on the adjacent plot"),
    "spreading_salt": _("Spreading in salt surface water"),
    "tare_soil": _(
        "Tare soil: exempt from the background and class values, not the intervention value"
    ),
    "limit_only_grond": _("Only an intervention value: tested against it alone"),
    "limit_only_waterbodem": _(
        "Only an Industrie value: tested for soil applied in water, classes nothing"
    ),
    "component_maximum_grond": _("Component not normed itself: held to the maximum of its sum"),
    "component_maximum_waterbodem": _(
        "Component not normed itself: held to the maximum of its sum"
    ),
}
REPORTING_LIMIT_LABELS = {
    "measured": _("measured value"),
    "assumed_compliant": _("below the required reporting limit: assumed to comply"),
    "0.7_x_reported_limit": _("0.7 × the reported limit"),
}


def significant(value: float, digits: int = 4) -> str:
    """``value`` to ``digits`` significant digits, written without an exponent (13160, not
    1.316e+04; 0.000009026, not 9.026e-06): a reader compares it with the limits beside it."""
    if value == 0 or not math.isfinite(value):
        return f"{value:g}"
    decimals = digits - 1 - math.floor(math.log10(abs(value)))
    rounded = round(value, decimals)
    text = f"{rounded:.{max(decimals, 0)}f}"
    return text.rstrip("0").rstrip(".") if "." in text else text


def number(value: float | None) -> str:
    """Four significant digits with the decimal separator of the active language."""
    if value is None:
        return "-"
    text = significant(value)
    separator = str(formats.get_format("DECIMAL_SEPARATOR"))
    return text.replace(".", separator)


def _localised_numbers(value: Any, separator: str) -> Any:
    """A plain number ("2.5") or a range of them ("0.1–0.3") with ``separator``; else as is."""
    if not isinstance(value, str) or separator == ".":
        return value
    parts = value.split("–")
    if all(_PLAIN_NUMBER.match(part) for part in parts):
        return "–".join(part.replace(".", separator) for part in parts)
    return value


def reason_text(template: str, params: Mapping[str, Any]) -> str:
    """A reason of the domain in the active language, its numbers ("2.5", computed by the
    domain) written with the language's decimal separator ("2,5" in Dutch)."""
    separator = str(formats.get_format("DECIMAL_SEPARATOR"))
    localised = {
        key: value.replace(".", separator)
        if isinstance(value, str) and _PLAIN_NUMBER.match(value)
        else value
        for key, value in params.items()
    }
    return gettext(template) % localised


def parameter_class_label(parameter: dict[str, Any]) -> str:
    """The class of one explained parameter as the page and the PDF show it. A tare-soil
    exemption, or a row that only holds an intervention value (land) or an Industrie value
    (water bed) and does not exceed it, is not a class: saying Achtergrondwaarde would
    mislead."""
    if parameter.get("tare_exempt"):
        return gettext("exempt (tare soil)")
    if _classes_nothing(parameter):
        return gettext("no class value")
    return class_label(parameter["parameter_class"])


def _classes_nothing(parameter: dict[str, Any]) -> bool:
    return bool(parameter.get("limit_only")) and not parameter["exceeds_intervention"]


def _page_parameter(parameter: dict[str, Any]) -> dict[str, Any]:
    return {
        "name": parameter["name"],
        "origin": parameter["origin"],
        "measured": "; ".join(
            f"{m['value_raw']} {m['unit'] or ''}".strip() for m in parameter["measurements"]
        ),
        "value_used": number(parameter["value_used"]),
        "standardised": number(parameter["standardised"]),
        "compliance_assumed": parameter["compliance_assumed"],
        "lower_bound": parameter["lower_bound"],
        "limits": [number(v) for v in parameter["limits"].values()],
        "class": parameter_class_label(parameter),
        "status": "status-warning"
        if parameter.get("tare_exempt")
        else ""
        if _classes_nothing(parameter)
        else STATUS_CLASSES.get(parameter["parameter_class"], ""),
        "decisive": parameter["decisive"],
        "allowance_used": parameter["allowance_used"],
        "exceeds_intervention": parameter["exceeds_intervention"],
        "measurements": [
            {
                "row": m["row"],
                "as_written": m["as_written"],
                "value": f"{m['value_raw']} {m['unit'] or ''}".strip(),
                "value_mg": number(m["value_mg_kg_ds"]),
                "reporting_limit": str(REPORTING_LIMIT_LABELS[m["reporting_limit_rule"]]),
                "value_used": number(m["value_used"]),
                "constants": m["standardisation"]["constants"],
                "abc": " / ".join(number(m["standardisation"][key]) for key in ("a", "b", "c")),
                "lutum": number(m["standardisation"]["lutum"]),
                "lutum_used": number(m["standardisation"]["lutum_used"]),
                "organic_matter": number(m["standardisation"]["organische_stof"]),
                "organic_matter_used": number(m["standardisation"]["organische_stof_used"]),
                "factor": number(m["standardisation"]["factor"]),
                "standardised": number(m["standardised"]),
            }
            for m in parameter["measurements"]
        ],
        "components": [
            {
                "name": c["name"],
                "sample": c["sample"],
                "factor": number(c["factor"]),
                "value_used": number(c["value_used"]),
                "standardised": number(c["standardised"]),
                "compliance_assumed": c["compliance_assumed"],
                "rows": ", ".join(str(m["row"]) for m in c["measurements"]),
                "measured": "; ".join(
                    f"{m['value_raw']} {m['unit'] or ''}".strip() for m in c["measurements"]
                ),
            }
            for c in parameter["components"]
        ],
        "rules": [
            {"label": str(RULE_LABELS.get(r["rule"], r["rule"])), "article": r["article"]}
            for r in parameter["rules"]
        ],
    }


def page_verdict(verdict: dict[str, Any], frame: str) -> dict[str, Any]:
    """One verdict with labels and formatted numbers for the web page."""
    parameters = [_page_parameter(p) for p in verdict["explanation"]["parameters"]]
    spreading = verdict.get("spreading")
    return {
        "sample": verdict["sample"],
        "heading": verdict_heading(verdict),
        "class": class_label(verdict["class"]),
        "status": STATUS_CLASSES.get(verdict["class"] or "", ""),
        "summary": verdict_summary(verdict),
        "allowance": allowance_text(verdict),
        "wonen_allowance": wonen_allowance_text(verdict),
        "intervention_exceeded": verdict["intervention_exceeded"],
        "limit_labels": limit_labels(frame),
        # parameter, measured, value used, standardised, the limits, class, decides
        "columns": 6 + len(limit_labels(frame)),
        "parameters": parameters,
        "spreading_overview": None
        if spreading is None
        else [
            {
                "verdict": SPREADING_LABELS.get(spreading[place], "-"),
                "status": SPREADING_STATUS.get(spreading[place] or "", ""),
            }
            for place in ("zoet_oppervlaktewater", "aangrenzend_perceel", "zout_oppervlaktewater")
        ],
        "spreading": None
        if spreading is None
        else [
            (
                gettext("Fresh surface water"),
                SPREADING_LABELS.get(spreading["zoet_oppervlaktewater"], "-"),
            ),
            (gettext("Adjacent plot"), SPREADING_LABELS.get(spreading["aangrenzend_perceel"], "-")),
            (
                gettext("Salt surface water"),
                SPREADING_LABELS.get(spreading["zout_oppervlaktewater"], "-"),
            ),
        ],
        "rules": [
            {"label": str(RULE_LABELS.get(r["rule"], r["rule"])), "article": r["article"]}
            for r in verdict["explanation"]["rules"]
        ],
        "messages": [{"level": m["level"], "text": message_line(m)} for m in verdict["messages"]],
    }


def limit_labels(frame: str) -> list[str]:
    """Short column headers of the class limits of a frame."""
    if frame == "grond":
        return ["AW", "Wonen", "Industrie", "IW"]
    return ["AW", "A", "B", gettext("Industrie (soil in water)"), gettext("Salt water")]


def emission_dict(screening: EmissionScreening) -> dict[str, Any]:
    """An emission screening for JSON, its reason in the active language."""
    return {
        "met": screening.met,
        "reason": reason_text(screening.reason, screening.params),
        "article": screening.article,
        "checked": list(screening.checked),
        "exceeded": [dataclasses.asdict(item) for item in screening.exceeded],
    }


CONDITION_LABELS = {
    "scope": _("Layer thickness and volume"),
    "emission": _("Maximum emission values"),
    "quality": _("Industrie and intervention values"),
    "mineral_oil": _("Mineral oil in dredgings"),
    "cover": _("Top layer or building materials"),
}
VERDICT_LABELS = {True: _("meets"), False: _("does not meet"), None: _("undecided")}


def large_scale_dict(check: LargeScaleCheck) -> dict[str, Any]:
    """A check against the framework for large-scale applications for JSON, in the active
    language: the verdict and each condition with its reason and article."""
    return {
        "met": check.met,
        "reason": gettext(check.reason),
        "conditions": [
            {
                "code": condition.code,
                "name": str(CONDITION_LABELS[condition.code]),
                "met": condition.met,
                "verdict": str(VERDICT_LABELS[condition.met]),
                "reason": reason_text(condition.reason, condition.params),
                "article": condition.article,
                "exceeded": [dict(item) for item in condition.exceeded],
            }
            for condition in check.conditions
        ],
    }


def page_verdict_label(met: bool | None) -> dict[str, str]:
    """A met / not met / undecided outcome as a label and its status colour on the page."""
    status = {True: "status-valid", False: "status-invalid", None: "status-warning"}[met]
    return {"label": str(VERDICT_LABELS[met]), "status": status}


def large_scale_summary(check: LargeScaleCheck) -> str:
    """One line for a table: the verdict and the conditions not met or undecided."""
    open_ = [
        f"{CONDITION_LABELS[c.code]}: {VERDICT_LABELS[c.met]}"
        for c in check.conditions
        if c.met is not True
    ]
    return "; ".join([str(VERDICT_LABELS[check.met]), *open_])


def _condition_code(met: bool | None) -> str:
    return {True: "met", False: "not_met", None: "undecided"}[met]


def csv_report(
    assessment: Assessment,
    request: CheckRequest | None = None,
    checks: Mapping[str, VerdictChecks] | None = None,
    *,
    spreadsheet: bool = False,
) -> str:
    """The CSV download: the rows of ``report_rows`` with ``true``/``false``.

    ``spreadsheet``: for people who open the file in a spreadsheet (the page's download): text
    that would run as a formula is written with a leading apostrophe (``spreadsheet_text``).

    Raises:
        DomainError: A check cannot be made as asked (see ``check_verdict``).
    """
    if (request is None or not request.asked) and not spreadsheet:
        return assessment.to_csv()
    header, rows = report_rows(assessment, request, checks)
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=header, extrasaction="ignore", lineterminator="\n")
    writer.writeheader()
    for row in rows:
        written = csv_row(row)
        writer.writerow(
            {key: spreadsheet_text(value) for key, value in written.items()}
            if spreadsheet
            else written
        )
    return buffer.getvalue()


MESSAGE_COLUMNS: Final = ("sample", "row", "parameter", "level", "code", "message")


def messages_csv(assessment: Assessment) -> str:
    """The messages as CSV, as the Excel download's sheet "meldingen" has them: sample, row,
    parameter as written, level and message in the active language, and the code; text that a
    spreadsheet would run as a formula gets a leading apostrophe (``spreadsheet_text``)."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(MESSAGE_COLUMNS)
    for message in assessment.messages:
        writer.writerow(
            [
                spreadsheet_text(message.get("sample")),
                message.get("row"),
                spreadsheet_text(message.get("parameter")),
                str(LEVEL_LABELS.get(message["level"], message["level"])),
                message.get("code"),
                spreadsheet_text(message_text(message)),
            ]
        )
    return buffer.getvalue()


def report_rows(
    assessment: Assessment,
    request: CheckRequest | None = None,
    checks: Mapping[str, VerdictChecks] | None = None,
) -> tuple[list[str], list[dict[str, Any]]]:
    """The header and rows of the downloads: one row per sample and parameter, and columns for
    the checks of ``request`` (``checks``: as ``check_verdicts`` gives them; made here when not
    given). Values are Python values: numbers, booleans, text, ``None``.

    A large-scale application adds the verdict and each condition's outcome (``met``,
    ``not_met``, ``undecided``) as ``code=outcome`` pairs; local maximum values add the verdict
    on them (``met``, ``not_met``), its restriction codes (``origin_only``,
    ``soil_in_water_bound``) and per parameter whether it exceeds its local maximum value
    (empty: the decision sets none); a location adds whether the batch may be applied there
    (``true``, ``false``) and the article that decided; an enforcement investigation adds
    whether it shows a violation (``true``, ``false``).

    Raises:
        DomainError: A check cannot be made as asked (see ``check_verdict``).
    """
    if request is None:
        request = CheckRequest()
    if checks is None:
        checks = check_verdicts(assessment.verdicts, request) if request.asked else {}
    header = csv_columns(assessment.frame)
    if request.application is not None:
        header += ["large_scale", "large_scale_conditions"]
    if request.local_maxima is not None:
        header += ["local_maximum_values", "local_restrictions", "exceeds_local_maximum"]
    if request.location is not None:
        header += ["may_be_applied", "application_article"]
    if request.stated_class is not None:
        header += ["enforcement_violation"]
    rows = assessment.to_csv_rows()
    for row in rows:
        verdict = checks.get(row["sample"], VerdictChecks())
        if verdict.large_scale is not None:
            row["large_scale"] = _condition_code(verdict.large_scale.met)
            row["large_scale_conditions"] = ";".join(
                f"{c.code}={_condition_code(c.met)}" for c in verdict.large_scale.conditions
            )
        if verdict.local is not None:
            row |= _local_csv(verdict.local, row.get("parameter"))
        if verdict.location is not None:
            row["may_be_applied"] = verdict.location.allowed
            row["application_article"] = verdict.location.article
        if verdict.enforcement is not None:
            row["enforcement_violation"] = verdict.enforcement.violation
    return header, rows


#: What a spreadsheet reads as the start of a formula in a text cell (OWASP "CSV injection").
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def spreadsheet_text(value: Any) -> Any:
    """A CSV cell that a spreadsheet shows as written: text that Excel or LibreOffice would run
    as a formula (a sample named ``=HYPERLINK(...)``, ``+1``, ``@SUM(...)``) gets a leading
    apostrophe; numbers and other text are left as they are."""
    if isinstance(value, str) and value.startswith(_FORMULA_START):
        return "'" + value
    return value


def checks_dict(checks: VerdictChecks, request: CheckRequest) -> dict[str, Any]:
    """The checks of a verdict for JSON (the API, ``kwalibo toets``), in the active language;
    only those asked for."""
    result: dict[str, Any] = {}
    if checks.emission is not None:
        result["emission"] = emission_dict(checks.emission)
    if checks.large_scale is not None:
        result["large_scale"] = large_scale_dict(checks.large_scale)
    if checks.local is not None:
        result["local_maximum_values"] = local_dict(checks.local)
    if checks.location is not None and request.location is not None:
        result["location"] = location_dict(checks.location, request.location)
    if checks.enforcement is not None:
        result["enforcement"] = enforcement_dict(checks.enforcement)
    return result


def page_checks(checks: VerdictChecks, request: CheckRequest, frame: str) -> dict[str, Any]:
    """The checks of a verdict as the web page and the PDF show them; only those asked for."""
    result: dict[str, Any] = {}
    if checks.emission is not None:
        result["emission"] = emission_dict(checks.emission)
    if checks.large_scale is not None:
        result["large_scale"] = large_scale_dict(checks.large_scale)
        result["large_scale_verdict"] = page_verdict_label(checks.large_scale.met)
    if checks.local is not None:
        result["local"] = page_local(checks.local)
    if checks.location is not None and request.location is not None:
        result["location"] = page_location(checks.location, request.location, frame)
    if checks.enforcement is not None:
        result["enforcement"] = page_enforcement(checks.enforcement)
    return result


def local_dict(check: LocalCheck) -> dict[str, Any]:
    """A check against local maximum values for JSON, its texts in the active language."""
    return {
        "met": check.met,
        "zone": check.zone,
        "reason": reason_text(check.reason, check.params),
        "note": reason_text(check.note, check.params) if check.note else None,
        "article": check.article,
        "checked": list(check.checked),
        "not_set": list(check.not_set),
        "exceeded": [dataclasses.asdict(item) for item in check.exceeded],
        "origin_only": check.origin_only,
        "restrictions": [
            {
                "code": item.code,
                "reason": reason_text(item.reason, item.params),
                "substances": list(item.substances),
                "article": item.article,
            }
            for item in check.restrictions
        ],
    }


def file_error(error: MeasurementFileError) -> str:
    """A file that cannot be used, in the active language: where (file, row, field), then what."""
    where = [error.file or "<input>"]
    if error.row is not None:
        where.append(gettext("row %(row)s") % {"row": error.row})
    if error.field is not None:
        where.append(gettext("field '%(field)s'") % {"field": error.field})
    detail = gettext(error.template) % error.params if error.params else gettext(error.template)
    return f"{', '.join(where)}: {detail}"


def local_maxima_error(error: DomainError) -> str:
    """A refused table of local maximum values, with every row problem, translated."""
    lines = [translate_error(error)]
    for problem in getattr(error, "errors", ())[:20]:
        message = gettext(problem.template) % dict(problem.params)
        lines.append(
            gettext("row %(row)s, %(field)s: %(message)s")
            % {"row": problem.row, "field": problem.field, "message": message}
        )
    return " ".join(lines)


LOCAL_VERDICT_LABELS = {True: _("not exceeded"), False: _("exceeded"), None: _("undecided")}


def page_local(check: LocalCheck) -> dict[str, Any]:
    """A check against local maximum values for the web page and the PDF: ``local_dict`` with
    the verdict as a label and status, and the numbers of the exceedances formatted."""
    local = local_dict(check)
    verdict = str(LOCAL_VERDICT_LABELS[check.met])
    status = {True: "status-valid", False: "status-invalid", None: "status-warning"}[check.met]
    if check.origin_only and check.met is not False:
        verdict = f"{verdict} {gettext('(only in the area of origin)')}"
        status = "status-warning"
    return local | {
        "verdict": verdict,
        "status": status,
        "exceeded": [
            item
            | {
                "standardised": number(item["standardised"]),
                "local_maximum": number(item["local_maximum"]),
            }
            for item in local["exceeded"]
        ],
        "restrictions": local.get("restrictions", []),
    }


def _local_csv(check: LocalCheck, parameter: str | None) -> dict[str, Any]:
    """The columns of a CSV row for the check of its sample against local maximum values."""
    exceeded = {item.substance for item in check.exceeded}
    return {
        "local_maximum_values": {True: "met", False: "not_met", None: "undecided"}[check.met],
        "local_restrictions": ";".join(item.code for item in check.restrictions),
        "exceeds_local_maximum": ((parameter in exceeded) if parameter in check.checked else None),
    }


#: The soil function class of a location as the page and the table name it.
FUNCTION_CLASS_LABELS = {
    "achtergrondwaarde": _("neither Wonen nor Industrie"),
    "wonen": _("Wonen (residential)"),
    "industrie": _("Industrie (industrial)"),
}
MATERIAL_LABELS = {"grond": _("soil"), "baggerspecie": _("dredgings")}
APPLICATION_LABELS = {True: _("may be applied"), False: _("may not be applied")}


def location_dict(check: ApplicationVerdict, location: Location) -> dict[str, Any]:
    """The double test of a verdict against a location for JSON, reasons in the active
    language, with the location as stated."""
    return {
        "allowed": check.allowed,
        "reasons": [gettext(reason) for reason in check.reasons],
        "article": check.article,
        "function_class": location.function_class,
        "receiving_quality_class": location.receiving_quality_class,
        "material": location.material,
    }


def location_text(location: Location, frame: str) -> str:
    """The stated location in one line, e.g. "function class Wonen; receiving soil Industrie"."""
    parts = []
    if frame == "grond":
        function = location.function_class
        parts.append(
            gettext("no soil-function map")
            if function is None
            else gettext("function class %(class)s") % {"class": FUNCTION_CLASS_LABELS[function]}
        )
    else:
        parts.append(str(MATERIAL_LABELS[location.material or "baggerspecie"]))
    receiving = location.receiving_quality_class
    parts.append(
        gettext("quality class of the receiving soil not known")
        if receiving is None
        else gettext("receiving soil %(class)s") % {"class": class_label(receiving)}
    )
    return "; ".join(parts)


def page_location(check: ApplicationVerdict, location: Location, frame: str) -> dict[str, Any]:
    """The double test for the web page and the PDF: ``location_dict`` with the verdict as a
    label and status and the location in words."""
    return location_dict(check, location) | {
        "verdict": str(APPLICATION_LABELS[check.allowed]),
        "status": "status-valid" if check.allowed else "status-invalid",
        "location": location_text(location, frame),
    }


ENFORCEMENT_LABELS = {True: _("violation"), False: _("no violation")}


def enforcement_dict(check: EnforcementCheck) -> dict[str, Any]:
    """The enforcement check of a verdict for JSON, its reason in the active language."""
    params = dict(check.params)
    params["class"] = class_label(check.stated_class)
    return {
        "violation": check.violation,
        "stated_class": check.stated_class,
        "factor": check.factor,
        "reason": reason_text(check.reason, params),
        "article": check.article,
        "exceeded": [dataclasses.asdict(item) for item in check.exceeded],
    }


def page_enforcement(check: EnforcementCheck) -> dict[str, Any]:
    """The enforcement check for the web page and the PDF: ``enforcement_dict`` with the
    verdict as a label and status."""
    return enforcement_dict(check) | {
        "verdict": str(ENFORCEMENT_LABELS[check.violation]),
        "status": "status-invalid" if check.violation else "status-valid",
    }
