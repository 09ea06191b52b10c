"""Translate domain errors for the current language."""

from typing import Any

from django.utils.translation import gettext

from kwalibo.common.domain.errors import DomainError


def _param(value: Any) -> Any:
    # Domain enums expose an English `label` marked for translation.
    label = getattr(value, "label", None)
    return gettext(label) if isinstance(label, str) else value


def translate_error(error: DomainError) -> str:
    """The message of `error` in the active language, with enum parameters as labels."""
    if not error.params:
        return gettext(error.template)
    return gettext(error.template) % {key: _param(value) for key, value in error.params.items()}
