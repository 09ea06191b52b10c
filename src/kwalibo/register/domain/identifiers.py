"""Identifiers of organisations in the Dutch Trade Register (Handelsregister).

A KvK number has 8 digits; an establishment number (vestigingsnummer) has 12. Since
2012 neither carries a check digit that the KvK guarantees, so the rule is the format.
"""

import re

from kwalibo.common.domain.errors import N_, DomainError

_KVK = re.compile(r"\d{8}")
_ESTABLISHMENT = re.compile(r"\d{12}")


def normalise_kvk(value: str) -> str:
    """Strip spaces and dots that people type in KvK numbers ("12 34 56 78")."""
    return re.sub(r"[\s.]", "", value or "")


def validate_kvk(value: str) -> str:
    """Return the normalised KvK number or raise DomainError.

    Examples:
        >>> validate_kvk("1234 5678")
        '12345678'
    """
    number = normalise_kvk(value)
    if not _KVK.fullmatch(number):
        raise DomainError(
            N_("A KvK number has exactly 8 digits; '%(value)s' does not."), value=value
        )
    return number


def validate_establishment_number(value: str) -> str:
    """Return the normalised establishment number (12 digits) or raise DomainError."""
    number = normalise_kvk(value)
    if not _ESTABLISHMENT.fullmatch(number):
        raise DomainError(
            N_("An establishment number has exactly 12 digits; '%(value)s' does not."), value=value
        )
    return number


def validate_postcode(value: str) -> str:
    """Dutch postcode: 4 digits (not starting with 0) and 2 letters, returned as '1234 AB'."""
    compact = re.sub(r"\s", "", value or "").upper()
    if not re.fullmatch(r"[1-9]\d{3}[A-Z]{2}", compact):
        raise DomainError(N_("'%(value)s' is not a Dutch postcode (1234 AB)."), value=value)
    return f"{compact[:4]} {compact[4:]}"
