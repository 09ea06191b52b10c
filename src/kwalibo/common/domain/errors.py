"""Domain errors that carry a translatable message without importing Django.

Domain modules must not import Django, yet their messages reach Dutch and English
users. A `DomainError` keeps the English message template and its parameters; the
adapter translates the template with Django's gettext (`kwalibo.common.i18n`).
Templates are marked with `N_` so that `makemessages` finds them.
"""

from typing import Any


def N_(message: str) -> str:  # noqa: N802 - the conventional name of a gettext_noop marker
    """Mark `message` for translation without translating it here (gettext_noop)."""
    return message


class DomainError(ValueError):
    """A rule of the domain refused an action; `str()` gives the English message."""

    def __init__(self, template: str, **params: Any) -> None:
        self.template = template
        self.params = params
        shown = {key: _shown(value) for key, value in params.items()}
        super().__init__(template % shown if params else template)


class Messages(tuple["DomainError", ...]):
    """Several messages as one parameter of another, each translated in its turn and joined
    with "; " (the row errors inside "The column test cannot be used: ...")."""


def _shown(value: Any) -> Any:
    """A parameter in the English message: an enum's label, a nested message's text."""
    if isinstance(value, Messages):
        return "; ".join(str(item) for item in value)
    if isinstance(value, DomainError):
        return str(value)
    return getattr(value, "label", value)
