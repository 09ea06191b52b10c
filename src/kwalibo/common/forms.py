"""Form fields shared by the pages."""

from __future__ import annotations

import re
from decimal import Decimal
from typing import Any, Final

from django import forms
from django.utils.translation import gettext_lazy as _

_PLAIN_NUMBER: Final = re.compile(r"^\+?(\d+)(?:[.,](\d+))?$")
_ERRORS: Final = {
    "invalid": _("Enter a number, such as 2,5 or 2.5."),
    "ambiguous": _(
        "%(value)s could be a whole number with a thousands separator or a decimal number; "
        "write it without the separator (5000) or with fewer decimals (5,0)."
    ),
}


def decimal_text(value: Any) -> str | None:
    """A number as typed with a decimal comma or point ("2,5", "2.5"), as "2.5"; ``None`` when
    empty.

    A browser's number input dropped a Dutch comma without a word ("2,5" m became 25 m), so the
    fields are text. "5.000" or "1,250" could be a thousand-separated whole number or a decimal
    one: it is refused with a question rather than read one way.

    Raises:
        forms.ValidationError: Not a plain number, or such an ambiguous one.
    """
    if value is None:
        return None
    text = str(value).strip().replace("\u00a0", "").replace(" ", "")
    if text == "":
        return None
    match = _PLAIN_NUMBER.match(text)
    if match is None:
        raise forms.ValidationError(_ERRORS["invalid"], code="invalid")
    whole, decimals = match.groups()
    if decimals is not None and len(decimals) == 3 and whole.lstrip("0") and len(whole) <= 3:
        raise forms.ValidationError(_ERRORS["ambiguous"], code="ambiguous", params={"value": text})
    return text.replace(",", ".")


def _widget() -> forms.TextInput:
    return forms.TextInput(attrs={"inputmode": "decimal", "autocomplete": "off"})


class DecimalCommaField(forms.FloatField):
    """A float typed with a decimal comma or point (see ``decimal_text``)."""

    def __init__(self, **kwargs: Any) -> None:
        kwargs.setdefault("widget", _widget())
        super().__init__(**kwargs)

    def to_python(self, value: Any) -> float | None:  # type: ignore[override]
        text = decimal_text(value)
        return None if text is None else float(text)


class DecimalCommaDecimalField(forms.DecimalField):
    """A decimal typed with a decimal comma or point (see ``decimal_text``)."""

    def __init__(self, **kwargs: Any) -> None:
        kwargs.setdefault("widget", _widget())
        super().__init__(**kwargs)

    def to_python(self, value: Any) -> Decimal | None:  # type: ignore[override]
        text = decimal_text(value)
        return None if text is None else Decimal(text)
