"""``|number``: a content as the tables of the assessment page write it (four significant
digits, the language's decimal sign), so a list beside a table shows the same number."""

from __future__ import annotations

from django import template

from kwalibo.assessments.presentation import number as number_text

register = template.Library()


@register.filter
def number(value: float | None) -> str:
    return number_text(None if value is None else float(value))
