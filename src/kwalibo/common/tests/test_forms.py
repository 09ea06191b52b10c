"""Number fields take a decimal comma or point, and refuse what could be read two ways."""

from __future__ import annotations

from decimal import Decimal

import pytest
from django import forms

from kwalibo.common.forms import DecimalCommaDecimalField, DecimalCommaField


@pytest.mark.parametrize(
    ("typed", "read"),
    [("2,5", 2.5), ("2.5", 2.5), ("0,500", 0.5), ("6000", 6000.0), (" 1,25 ", 1.25), ("", None)],
)
def test_a_number_with_a_decimal_comma_or_point_is_read_as_typed(
    typed: str, read: float | None
) -> None:
    """Regression: a browser's number input turned "2,5" m into 25 m without a word."""
    assert DecimalCommaField(required=False).clean(typed) == read


@pytest.mark.parametrize("typed", ["5.000", "1,250", "12.500"])
def test_a_number_that_could_be_thousands_or_decimals_is_refused(typed: str) -> None:
    with pytest.raises(forms.ValidationError) as refused:
        DecimalCommaField(required=False).clean(typed)
    assert refused.value.code == "ambiguous"


@pytest.mark.parametrize("typed", ["2,5 m", "1.234,5", "abc", "-1", "1e3"])
def test_anything_else_is_not_a_number(typed: str) -> None:
    with pytest.raises(forms.ValidationError) as refused:
        DecimalCommaField(required=False).clean(typed)
    assert refused.value.code == "invalid"


def test_the_decimal_field_keeps_its_limits() -> None:
    field = DecimalCommaDecimalField(max_digits=6, decimal_places=3)
    assert field.clean("12,25") == Decimal("12.25")
    with pytest.raises(forms.ValidationError):
        field.clean("1,2345")  # four decimals
    assert 'inputmode="decimal"' in field.widget.render("q", None)
