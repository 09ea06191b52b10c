"""Assessment results for people: translated messages, class labels and a PDF report.

The engine (``kwalibo.assessments.domain``) returns English message templates with their
parameters and stable class codes; this adapter translates them with Django's gettext for the
CLI, the API and the web page, and renders the verdicts as a PDF (fpdf2).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import Any

from django.utils import formats
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from fpdf import FPDF

from kwalibo.assessments.domain.engine import Assessment

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
FRAME_LABELS = {"grond": _("soil on land"), "waterbodem": _("water bed and dredgings")}
LEVEL_LABELS = {"error": _("error"), "warning": _("warning"), "info": _("note")}


def class_label(code: str | None) -> str:
    """The translated label of a class code; a dash for no class."""
    if code is None:
        return gettext("no class")
    label = CLASS_LABELS.get(code)
    return str(label) if label is not None else code


def message_text(message: dict[str, Any]) -> str:
    """An engine message in the active language (the English text when a parameter is missing)."""
    params = {"parameter": "", "value": "", "unit": "", "detail": "", "rule_set": ""}
    params |= message.get("params") or {}
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
    return {
        "sample": str(verdict["sample"]),
        "class": class_label(verdict["class"]),
        "intervention": gettext("yes") if verdict["intervention_exceeded"] else gettext("no"),
        "deciding": ", ".join(names.get(p, p) for p in verdict["deciding_parameters"]) or "-",
        "allowance": (
            gettext("used for %(names)s")
            % {"names": ", ".join(names.get(p, p) for p in verdict["allowance"]["elevated"])}
            if verdict["allowance"]["used"]
            else "-"
        ),
    }


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
}
REPORTING_LIMIT_LABELS = {
    "measured": _("measured value"),
    "assumed_compliant": _("below the required reporting limit: assumed to comply"),
    "0.7_x_reported_limit": _("0.7 × the reported limit"),
}


def number(value: float | None) -> str:
    """Four significant digits with the decimal separator of the active language."""
    if value is None:
        return "-"
    text = f"{value:.4g}"
    separator = str(formats.get_format("DECIMAL_SEPARATOR"))
    return text.replace(".", separator)


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
        "limits": [number(v) for v in parameter["limits"].values()],
        "class": class_label(parameter["parameter_class"]),
        "status": STATUS_CLASSES.get(parameter["parameter_class"], ""),
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
    limit_labels = _limit_labels(frame)
    parameters = [_page_parameter(p) for p in verdict["explanation"]["parameters"]]
    spreading = verdict.get("spreading")
    return {
        "sample": verdict["sample"],
        "class": class_label(verdict["class"]),
        "status": STATUS_CLASSES.get(verdict["class"] or "", ""),
        "summary": verdict_summary(verdict),
        "intervention_exceeded": verdict["intervention_exceeded"],
        "limit_labels": limit_labels,
        "parameters": parameters,
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


def _number(value: float | None) -> str:
    if value is None:
        return "-"
    return f"{value:.4g}"


class _Report(FPDF):
    def __init__(self, title: str) -> None:
        super().__init__(orientation="landscape", format="A4")
        self.report_title = title
        self.set_auto_page_break(auto=True, margin=12)
        self.set_margins(12, 12, 12)

    def footer(self) -> None:
        self.set_y(-10)
        self.set_font("Helvetica", size=7)
        self.cell(0, 5, f"{self.report_title} - {self.page_no()}", align="R")


def _latin1(text: object) -> str:
    # The core PDF fonts are Latin-1; replace what they cannot show.
    replacements = {
        "’": "'",
        "‘": "'",
        "–": "-",
        "—": "-",
        "≤": "<=",
        "≥": ">=",
        "×": "x",
        "µ": "u",
    }
    value = str(text)
    for old, new in replacements.items():
        value = value.replace(old, new)
    return value.encode("latin-1", "replace").decode("latin-1")


def pdf_report(assessment: Assessment, *, source: str, created: dt.datetime) -> bytes:
    """The verdicts with their explanation as a PDF (one section per sample or batch)."""
    title = gettext("Soil-quality assessment")
    pdf = _Report(_latin1(title))
    pdf.add_page()
    pdf.set_font("Helvetica", style="B", size=14)
    pdf.cell(0, 8, _latin1(title), new_x="LMARGIN", new_y="NEXT")
    pdf.set_font("Helvetica", size=9)
    header = [
        (gettext("File"), source),
        (gettext("Rule set"), f"{assessment.rule_set} - {assessment.rule_set_title}"),
        (gettext("Frame"), str(FRAME_LABELS.get(assessment.frame, assessment.frame))),
        (gettext("Created"), created.strftime("%Y-%m-%d %H:%M")),
    ]
    for label, value in header:
        pdf.multi_cell(0, 5, _latin1(f"{label}: {value}"), new_x="LMARGIN", new_y="NEXT")
    general = [m for m in assessment.messages if m["sample"] is None]
    for message in general:
        pdf.multi_cell(0, 5, _latin1(message_line(message)), new_x="LMARGIN", new_y="NEXT")
    limits = _limit_labels(assessment.frame)
    widths = [52, 20, 22, 22, 28, *([18] * len(limits)), 30]
    for verdict in assessment.verdicts:
        pdf.ln(3)
        pdf.set_font("Helvetica", style="B", size=11)
        summary = verdict_summary(verdict)
        pdf.multi_cell(
            0,
            6,
            _latin1(
                gettext("Sample %(sample)s: %(class)s")
                % {"sample": summary["sample"], "class": summary["class"]}
            ),
            new_x="LMARGIN",
            new_y="NEXT",
        )
        pdf.set_font("Helvetica", size=8)
        lines = [
            gettext("Intervention value exceeded: %(answer)s")
            % {"answer": summary["intervention"]},
            gettext("Deciding parameters: %(names)s") % {"names": summary["deciding"]},
            gettext("Background-value allowance: %(used)s") % {"used": summary["allowance"]},
        ]
        if "spreading" in verdict:
            spreading = verdict["spreading"]
            lines.append(
                gettext(
                    "Spreading: fresh water %(fresh)s; adjacent plot %(adjacent)s; salt water %(salt)s"
                )
                % {
                    "fresh": SPREADING_LABELS.get(spreading["zoet_oppervlaktewater"], "-"),
                    "adjacent": SPREADING_LABELS.get(spreading["aangrenzend_perceel"], "-"),
                    "salt": SPREADING_LABELS.get(spreading["zout_oppervlaktewater"], "-"),
                }
            )
        for line in lines:
            pdf.multi_cell(0, 4.5, _latin1(line), new_x="LMARGIN", new_y="NEXT")
        columns = [
            gettext("Parameter"),
            gettext("Measured"),
            gettext("Value used"),
            gettext("Standardised"),
            gettext("Class"),
            *limits,
            gettext("Decisive"),
        ]
        _row(pdf, columns, widths, bold=True)
        for parameter in verdict["explanation"]["parameters"]:
            measured = "; ".join(
                f"{m['value_raw']} {m['unit'] or ''}".strip() for m in parameter["measurements"]
            ) or gettext("computed")
            cells = [
                parameter["name"],
                measured,
                _number(parameter["value_used"]),
                _number(parameter["standardised"]),
                class_label(parameter["parameter_class"]),
                *(_number(value) for value in parameter["limits"].values()),
                gettext("yes") if parameter["decisive"] else "",
            ]
            _row(pdf, cells, widths)
        for message in verdict["messages"]:
            pdf.multi_cell(0, 4, _latin1(message_line(message)), new_x="LMARGIN", new_y="NEXT")
        rules = {r["article"] for p in verdict["explanation"]["parameters"] for r in p["rules"]}
        rules |= {r["article"] for r in verdict["explanation"]["rules"]}
        pdf.set_font("Helvetica", style="I", size=7)
        pdf.multi_cell(
            0,
            3.5,
            _latin1(gettext("Rules applied: %(rules)s") % {"rules": "; ".join(sorted(rules))}),
            new_x="LMARGIN",
            new_y="NEXT",
        )
    return bytes(pdf.output())


def _limit_labels(frame: str) -> list[str]:
    if frame == "grond":
        return ["AW", "Wonen", "Industrie", "IW"]
    return ["AW", "A", "B", gettext("Industrie (soil in water)"), gettext("Salt water")]


def _row(pdf: FPDF, cells: Iterable[object], widths: list[int], *, bold: bool = False) -> None:
    pdf.set_font("Helvetica", style="B" if bold else "", size=7)
    for width, cell in zip(widths, cells, strict=False):
        text = _latin1(cell)
        while text and pdf.get_string_width(text) > width - 1:
            text = text[:-1]
        pdf.cell(width, 4.5, text, border=1)
    pdf.ln(4.5)
