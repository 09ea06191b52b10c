"""Identifying parameters and units as labs write them, vectorised.

Rules (Rbk 2015 Bijlage B, Bijlage G IV tabel 1, Bijlage N; SIKB0101 domain table 'Parameter'):

* A parameter is identified by its Dutch name as in the regulation or a common spelling of it
  (case, spaces, hyphens, brackets and Greek letters do not matter: "PAK (som 10)", "pak-10" and
  "som PAK" all compact to keys of the alias table), by its CAS number, by its Aquo parameter code
  ("Cu", "sPAK10") or by its SIKB0101 parameter id (``urn:immetingen:parameter:id:971``).
  The alias table is data of the rule set (``aliases.csv``), each alias with its source.
* Units of mass fraction are converted to mg/kg dry matter (the unit of the norm tables):
  mg/kg ds, µg/kg ds (also written ug/kg ds), ng/kg ds and the same without "ds" (read as
  dry-matter based, as in SIKB0101 where the dry-weight condition is a separate field); lutum and
  organic matter are in % of the dry matter.

The same normalisation runs in Python (for the alias table) and as Polars expressions (for the
measurements), so that both sides produce identical keys.
"""

from __future__ import annotations

import re
from typing import Final

import polars as pl

#: Characters replaced before compacting, in this order (Greek letters as written in the
#: regulation, micro sign, diacritics of Dutch lab exports).
_REPLACEMENTS: Final[tuple[tuple[str, str], ...]] = (
    ("α", "alfa"),
    ("β", "beta"),
    ("γ", "gamma"),
    ("δ", "delta"),
    ("ε", "epsilon"),
    ("µ", "u"),
    ("μ", "u"),
    ("à", "a"),
    ("á", "a"),
    ("â", "a"),
    ("ä", "a"),
    ("è", "e"),
    ("é", "e"),
    ("ê", "e"),
    ("ë", "e"),
    ("ì", "i"),
    ("í", "i"),
    ("î", "i"),
    ("ï", "i"),
    ("ò", "o"),
    ("ó", "o"),
    ("ô", "o"),
    ("ö", "o"),
    ("ù", "u"),
    ("ú", "u"),
    ("û", "u"),
    ("ü", "u"),
)
_NOT_ALNUM: Final = r"[^a-z0-9]"
_NOT_ALNUM_RE: Final = re.compile(_NOT_ALNUM)
#: A lab's note that a sum counts results below the reporting limit at 0.7 × the limit
#: ("xylenen (0.7 factor)"), as the regulation does anyway (Bijlage G IV A): not part of the name.
_FACTOR_NOTE: Final = r"(?:07factor|factor07)$"
_FACTOR_NOTE_RE: Final = re.compile(_FACTOR_NOTE)

CAS_PATTERN: Final = r"^\d{2,7}-\d{2}-\d$"
SIKB_URN_PATTERN: Final = r"(?i)^\s*urn:immetingen:parameter:id:(\d+)\s*$"
_CAS_RE: Final = re.compile(CAS_PATTERN)
_SIKB_RE: Final = re.compile(SIKB_URN_PATTERN)


def compact_name(text: str) -> str:
    """The lookup key of a parameter name or code: lower case, letters and digits only.

    >>> compact_name("PAK’s totaal (som 10)")
    'pakstotaalsom10'
    >>> compact_name("α-HCH")
    'alfahch'
    """
    key = text.lower()
    for old, new in _REPLACEMENTS:
        key = key.replace(old, new)
    return _FACTOR_NOTE_RE.sub("", _NOT_ALNUM_RE.sub("", key))


def compact_name_expr(column: pl.Expr) -> pl.Expr:
    """``compact_name`` as a Polars expression over a string column."""
    expr = column.str.to_lowercase()
    for old, new in _REPLACEMENTS:
        expr = expr.str.replace_all(old, new, literal=True)
    return expr.str.replace_all(_NOT_ALNUM, "").str.replace(_FACTOR_NOTE, "")


def is_cas_number(text: str) -> bool:
    """Whether ``text`` has the form of a CAS registry number (``7440-50-8``)."""
    return bool(_CAS_RE.match(text.strip()))


def alias_key(alias: str, kind: str) -> str:
    """The key under which an alias of the given kind is looked up.

    CAS numbers and SIKB ids live in their own namespaces so that they never collide with a
    compacted name: ``cas:7440-50-8``, ``sikb:971``; every other kind is compacted.
    """
    if kind == "cas":
        return "cas:" + alias.strip()
    if kind == "sikb":
        match = _SIKB_RE.match(alias)
        return "sikb:" + (match.group(1) if match else alias.strip())
    return compact_name(alias)


def parameter_key_expr(parameter: pl.Expr) -> pl.Expr:
    """The lookup key of each parameter as written: SIKB URN, CAS number or compacted name."""
    stripped = parameter.str.strip_chars()
    sikb_id = stripped.str.extract(SIKB_URN_PATTERN, 1)
    return (
        pl.when(sikb_id.is_not_null())
        .then(pl.lit("sikb:") + sikb_id)
        .when(stripped.str.contains(CAS_PATTERN))
        .then(pl.lit("cas:") + stripped)
        .otherwise(compact_name_expr(stripped))
    )


def cas_key_expr(cas: pl.Expr) -> pl.Expr:
    """The lookup key of a separate CAS column (null where it does not hold a CAS number)."""
    stripped = cas.str.strip_chars()
    return pl.when(stripped.str.contains(CAS_PATTERN)).then(pl.lit("cas:") + stripped)


#: Accepted units of mass fraction: compacted unit -> factor to mg/kg dry matter.
MASS_UNITS: Final[dict[str, float]] = {
    "mg/kgds": 1.0,
    "mg/kg": 1.0,
    "mg/kgdrogestof": 1.0,
    "mg/kgdw": 1.0,
    "mg/kgdm": 1.0,
    "ppm": 1.0,
    "ug/kgds": 1e-3,
    "ug/kg": 1e-3,
    "ug/kgdrogestof": 1e-3,
    "ppb": 1e-3,
    "ng/kgds": 1e-6,
    "ng/kg": 1e-6,
    "g/kgds": 1e3,
    "g/kg": 1e3,
    # Organotin norms are expressed as tin (Rbk Bijlage B tabel 1 voetnoot 8).
    "mgsn/kgds": 1.0,
    "mgsn/kg": 1.0,
    "ugsn/kgds": 1e-3,
    "ugsn/kg": 1e-3,
    # The same mass fractions per gram: µg/g = mg/kg, ng/g = µg/kg, pg/g = ng/kg.
    "ug/gds": 1.0,
    "ug/g": 1.0,
    "ng/gds": 1e-3,
    "ng/g": 1e-3,
    "pg/gds": 1e-6,
    "pg/g": 1e-6,
    # Dioxins reported directly as toxic equivalents (also "WHO-TEQ").
    "ngteq/kgds": 1e-6,
    "ngteq/kg": 1e-6,
    "ngwho-teq/kgds": 1e-6,
    "ngwho-teq/kg": 1e-6,
    "ugteq/kgds": 1e-3,
    "mgteq/kgds": 1.0,
}
#: Accepted units of the soil properties lutum and organic matter (percent of dry matter).
PERCENT_UNITS: Final = frozenset({"%", "%ds", "%(m/m)ds", "%(m/m)", "%m/m", "%dm", "%drogestof"})


#: A negative exponent as labs and SI write it: "mg kg-1 ds", "mg·kg⁻¹", "µg g-1" for "/kg", "/g".
_PER_KG: Final = r"[\s.·]*kg\s*(?:-1|⁻¹)"
_PER_G: Final = r"[\s.·]+g\s*(?:-1|⁻¹)"


def unit_key_expr(unit: pl.Expr) -> pl.Expr:
    """Compact a unit as written: lower case, micro as "u", "kg-1" as "/kg", without spaces
    and dots."""
    return (
        unit.str.to_lowercase()
        .str.replace_all("µ", "u", literal=True)
        .str.replace_all("μ", "u", literal=True)
        .str.replace_all(_PER_KG, "/kg")
        .str.replace_all(_PER_G, "/g")
        .str.replace_all(r"[\s.·]", "")
        .str.replace(_DRY_MATTER, "ds")
    )


#: Dry matter as labs write it after the unit: droge stof, drooggewicht, dry weight / matter.
_DRY_MATTER: Final = r"(?:drogestof|drooggewicht|dryweight|drymatter|dw|dm)$"


def unit_key(unit: str) -> str:
    """``unit_key_expr`` for one unit (used by tests and the explanation)."""
    key = unit.lower().replace("µ", "u").replace("μ", "u")
    key = re.sub(_PER_G, "/g", re.sub(_PER_KG, "/kg", key))
    return re.sub(_DRY_MATTER, "ds", re.sub(r"[\s.·]", "", key))
