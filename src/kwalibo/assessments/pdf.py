"""The verdicts with their explanation as a PDF report (fpdf2), for the page's download.

Imported only when a PDF is asked for: fpdf2 takes a quarter of a second to import.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from typing import Any, Final

from django.template.defaultfilters import floatformat
from django.utils.translation import gettext
from fpdf import FPDF

from kwalibo.assessments.domain.engine import Assessment
from kwalibo.assessments.presentation import (
    FRAME_LABELS,
    allowance_text,
    limit_labels,
    message_line,
    number,
    parameter_class_label,
    verdict_heading,
    verdict_summary,
    wonen_allowance_text,
)


def _number(value: float | None) -> str:
    """As the page writes it: four significant digits, the language's decimal sign."""
    return number(value)


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
    # The core PDF fonts are Latin-1; replace what they cannot show (µ and × they can).
    replacements = {
        "’": "'",
        "‘": "'",
        "–": "-",
        "—": "-",
        "≤": "<=",
        "≥": ">=",
    }
    value = str(text)
    for old, new in replacements.items():
        value = value.replace(old, new)
    return value.encode("latin-1", "replace").decode("latin-1")


#: Samples a PDF explains: a report for people (about half a page per sample); 5,000 samples
#: made 2,500 pages in three and a half minutes inside the request. The CSV and Excel
#: downloads hold every sample.
MAX_VERDICTS: Final = 200


def pdf_report(
    assessment: Assessment,
    *,
    source: str,
    created: dt.datetime,
    checks: Mapping[str, Mapping[str, Any]] | None = None,
    shown: int = MAX_VERDICTS,
    applied: Iterable[str] = (),
) -> bytes:
    """The verdicts with their explanation as a PDF (one section per sample or batch, the
    first ``shown``); with ``checks`` (per verdict sample, as ``page_checks`` gives them) each
    section also shows the checks asked for: the large-scale application, the local maximum
    values, the double test against the stated location and the enforcement investigation."""
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
    # the options that change verdicts (receiving soil, tare soil), as the page names them
    applied = list(applied)
    if applied:
        header.append((gettext("Applied"), "; ".join(applied)))
    for label, value in header:
        pdf.multi_cell(0, 5, _latin1(f"{label}: {value}"), new_x="LMARGIN", new_y="NEXT")
    general = [m for m in assessment.messages if m["sample"] is None]
    for message in general:
        pdf.multi_cell(0, 5, _latin1(message_line(message)), new_x="LMARGIN", new_y="NEXT")
    verdicts = assessment.verdicts_head(shown)
    total = len(assessment.verdict_samples())
    if total > shown:
        pdf.set_font("Helvetica", style="B", size=9)
        pdf.multi_cell(
            0,
            5,
            _latin1(
                gettext(
                    "This PDF explains the first %(shown)s of %(total)s samples; the CSV and "
                    "Excel downloads hold all of them."
                )
                % {"shown": shown, "total": total}
            ),
            new_x="LMARGIN",
            new_y="NEXT",
        )
        pdf.set_font("Helvetica", size=9)
    limits = limit_labels(assessment.frame)
    widths = [52, 34, 22, 26, 28, *([18] * len(limits)), 30]
    for verdict in verdicts:
        pdf.ln(3)
        pdf.set_font("Helvetica", style="B", size=11)
        summary = verdict_summary(verdict)
        pdf.multi_cell(
            0,
            6,
            _latin1(f"{verdict_heading(verdict)}: {summary['class']}"),
            new_x="LMARGIN",
            new_y="NEXT",
        )
        pdf.set_font("Helvetica", size=8)
        lines = [
            gettext("Intervention value exceeded: %(answer)s")
            % {"answer": summary["intervention"]},
            gettext("Deciding parameters: %(names)s") % {"names": summary["deciding"]},
            gettext("Background-value allowance: %(used)s")
            % {"used": allowance_text(verdict) or summary["allowance"]},
            _soil_line(verdict["soil"]),
        ]
        if (wonen := wonen_allowance_text(verdict)) is not None:
            lines.insert(3, wonen)
        if "spreading" in summary:
            lines.append(summary["spreading"])
        asked = (checks or {}).get(verdict["sample"], {})
        check = asked.get("large_scale")
        if check is not None:
            lines.append(
                gettext("Large-scale application: %(verdict)s") % {"verdict": check["reason"]}
            )
            lines += [
                f"- {c['name']}: {c['verdict']}. {c['reason']} ({c['article']})"
                for c in check["conditions"]
            ]
        lines += _local_lines(asked.get("local"))
        lines += _location_lines(asked.get("location"))
        enforced = asked.get("enforcement")
        if enforced is not None:
            lines.append(
                gettext("Enforcement investigation: %(verdict)s. %(reason)s")
                % {"verdict": enforced["verdict"], "reason": enforced["reason"]}
            )
            lines += [
                "- "
                + gettext(
                    "%(name)s: %(value)s mg/kg ds in standard soil, %(ratio)s times the "
                    "maximum value %(limit)s"
                )
                % {
                    "name": item["name"],
                    "value": _number(item["standardised"]),
                    # as the page writes it: at most two decimals
                    "ratio": floatformat(item["ratio"], "-2"),
                    "limit": _number(item["limit"]),
                }
                for item in enforced.get("exceeded", [])
            ]
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
                # a result above the measuring range is behind it: more than this
                ("> " if parameter["lower_bound"] else "")
                + _number(parameter["value_used"])
                + (" (<RG)" if parameter["compliance_assumed"] else ""),
                _number(parameter["standardised"]),
                parameter_class_label(parameter),
                *(_number(value) for value in parameter["limits"].values()),
                gettext("yes") if parameter["decisive"] else "",
            ]
            _row(pdf, cells, widths)
            if not assessment.batch:
                for component in parameter["components"]:
                    _row(pdf, _component_cells(component, len(limits)), widths)
        for message in verdict["messages"]:
            pdf.multi_cell(0, 4, _latin1(message_line(message)), new_x="LMARGIN", new_y="NEXT")
        rules = {r["article"] for p in verdict["explanation"]["parameters"] for r in p["rules"]}
        rules |= {r["article"] for r in verdict["explanation"]["rules"]}
        if not rules:
            continue  # nothing assessed (the messages say why)
        pdf.set_font("Helvetica", style="I", size=7)
        pdf.multi_cell(
            0,
            3.5,
            _latin1(gettext("Rules applied: %(rules)s") % {"rules": "; ".join(sorted(rules))}),
            new_x="LMARGIN",
            new_y="NEXT",
        )
    return bytes(pdf.output())


def _component_cells(component: dict[str, Any], limits: int) -> list[object]:
    """A row under a computed sum: a component as the lab wrote it, its factor and value."""
    measured = "; ".join(
        f"{m['value_raw']} {m['unit'] or ''}".strip() for m in component["measurements"]
    )
    factor = "" if component["factor"] == 1 else f"{_number(component['factor'])} × "
    return [
        f"  {component['name']}",
        measured,
        _number(component["value_used"]),
        factor + _number(component["standardised"]),
        "",
        *([""] * limits),
        "",
    ]


def _soil_line(soil: Mapping[str, Any]) -> str:
    """Lutum and organic matter the values were standardised with (per sample for a batch)."""

    def one(values: Mapping[str, Any]) -> str:
        if values.get("lutum") is None and values.get("organische_stof") is None:
            return gettext("lutum and organic matter not given")
        return gettext("lutum %(lutum)s %%, organic matter %(organic_matter)s %%") % {
            "lutum": _number(values.get("lutum")),
            "organic_matter": _number(values.get("organische_stof")),
        }

    if "lutum" in soil or "organische_stof" in soil or not soil:
        return gettext("Soil: %(soil)s") % {"soil": one(soil)}
    return gettext("Soil: %(soil)s") % {
        "soil": "; ".join(f"{sample}: {one(values)}" for sample, values in soil.items())
    }


def _local_lines(check: dict[str, Any] | None) -> list[str]:
    """The lines of a check against local maximum values: verdict, reason and article, then
    the exceedances, the restrictions and the note."""
    if check is None:
        return []
    params = {
        "zone": check["zone"],
        "verdict": check["verdict"],
        "reason": check["reason"],
        "article": check["article"],
    }
    if check["zone"]:
        first = gettext(
            "Local maximum values (zone %(zone)s): %(verdict)s. %(reason)s (%(article)s)"
        )
    else:
        first = gettext("Local maximum values: %(verdict)s. %(reason)s (%(article)s)")
    lines = [first % params]
    lines += [
        "- "
        + gettext("%(name)s: %(value)s mg/kg ds in standard soil, local maximum value %(limit)s")
        % {"name": item["name"], "value": item["standardised"], "limit": item["local_maximum"]}
        for item in check["exceeded"]
    ]
    lines += [f"- {item['reason']} ({item['article']})" for item in check["restrictions"]]
    if check["note"]:
        lines.append(f"- {check['note']}")
    return lines


def _location_lines(check: dict[str, Any] | None) -> list[str]:
    """The lines of the double test against a location: the location and the verdict with its
    article, then each reason."""
    if check is None:
        return []
    first = gettext("Application at the location (%(location)s): %(verdict)s (%(article)s)") % {
        "location": check["location"],
        "verdict": check["verdict"],
        "article": check["article"],
    }
    return [first, *(f"- {reason}" for reason in check["reasons"])]


#: Height of one line of text in a table cell, mm.
_LINE_MM: Final = 3.5


#: Slack below a column's width within which text is taken to fit on one line, so that a
#: rounding difference with fpdf2's own line breaking never hides a wrap.
_FIT_MARGIN_MM: Final = 0.05


def _lines(result: object) -> list[str]:
    """The lines of a dry-run ``multi_cell(output="LINES")`` (typed as a union by fpdf2)."""
    assert isinstance(result, list)
    return result


def _row(pdf: FPDF, cells: Iterable[object], widths: list[int], *, bold: bool = False) -> None:
    """One table row; a cell's text that is wider than its column wraps onto more lines (it
    was cut, which misstated values such as "450 mg/kg ds" as "4"). Text that fits on one
    line is measured and written as one cell: fpdf2's line breaking is slow (a PDF of 200
    samples took half a minute in it)."""
    pdf.set_font("Helvetica", style="B" if bold else "", size=7)
    texts = [_latin1(cell) for cell in cells][: len(widths)]
    room = [width - 2 * pdf.c_margin - _FIT_MARGIN_MM for width in widths]
    fits = [pdf.get_string_width(text) <= space for text, space in zip(texts, room, strict=False)]
    lines = max(
        (
            1
            if fit
            else len(
                _lines(
                    pdf.multi_cell(width, _LINE_MM, text, align="L", dry_run=True, output="LINES")
                )
            )
            for width, text, fit in zip(widths, texts, fits, strict=False)
        ),
        default=1,
    )
    height = max(lines, 1) * _LINE_MM + 1
    if pdf.will_page_break(height):
        pdf.add_page()
    x, y = pdf.l_margin, pdf.get_y()
    for width, text, fit in zip(widths, texts, fits, strict=False):
        pdf.rect(x, y, width, height)
        pdf.set_xy(x, y + 0.5)
        if fit:
            pdf.cell(width, _LINE_MM, text, align="L", new_x="RIGHT", new_y="TOP")
        else:
            pdf.multi_cell(width, _LINE_MM, text, align="L", new_x="RIGHT", new_y="TOP")
        x += width
    pdf.set_xy(pdf.l_margin, y + height)
