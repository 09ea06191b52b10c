"""Translate domain errors for the current language."""

from typing import Any

from django.utils.translation import gettext

from kwalibo.common.domain.errors import DomainError, Messages


def _param(value: Any) -> Any:
    if isinstance(value, Messages):
        return "; ".join(translate_error(item) for item in value)
    if isinstance(value, DomainError):
        return translate_error(value)
    # Domain enums expose an English `label` marked for translation.
    label = getattr(value, "label", None)
    return gettext(label) if isinstance(label, str) else value


def translate_error(error: DomainError) -> str:
    """The message of `error` in the active language, with enum parameters as labels and
    nested messages translated in their turn."""
    if not error.params:
        return gettext(error.template)
    return gettext(error.template) % {key: _param(value) for key, value in error.params.items()}
