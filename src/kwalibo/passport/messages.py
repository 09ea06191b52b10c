"""Translate the passport's domain messages (templates with parameters) for the current language."""

from collections.abc import Iterable, Mapping
from typing import Any

from django.utils.translation import gettext

from kwalibo.passport.domain.balance import Discrepancy
from kwalibo.passport.domain.notifications import Refusal
from kwalibo.passport.domain.verification import Problem

#: Parameters that carry an English label marked for translation (not names or numbers).
_LABEL_PARAMS = frozenset({"label"})


def _param(key: str, value: Any) -> Any:
    label = getattr(value, "label", None)
    if isinstance(label, str):
        return gettext(label)
    if key in _LABEL_PARAMS and isinstance(value, str) and value:
        return gettext(value)
    return value


def render(template: str, params: Mapping[str, Any]) -> str:
    """`template` translated, filled with `params` (enum and label parameters translated too)."""
    return gettext(template) % {key: _param(key, value) for key, value in params.items()}


def refusal_errors(refusals: Iterable[Refusal]) -> dict[str, list[str]]:
    """Refusals of a notification as {field: [messages]} (the API's error shape)."""
    errors: dict[str, list[str]] = {}
    for refusal in refusals:
        errors.setdefault(refusal.field, []).append(render(refusal.template, refusal.params))
    return errors


def problem_text(problem: Problem) -> str:
    return render(problem.template, problem.params)


def discrepancy_text(discrepancy: Discrepancy) -> str:
    return render(discrepancy.template, discrepancy.params)
