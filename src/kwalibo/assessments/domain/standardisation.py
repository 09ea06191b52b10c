"""Standardisation to standard soil (bodemtypecorrectie), Rbk 2015 art 4.2.1 and Bijlage G III.

Norm values hold for standard soil with 25 % lutum and 10 % organic matter. Each measured
content is converted per individual measurement, before means are taken:

    G_standard = G_measured × (A + B·25 + C·10) / (A + B·L + C·H)

with L the lutum percentage and H the organic-matter percentage of the sample, bounded by
tabel 4: inorganic parameters use at least 2 % organic matter and at least 2 % lutum, organic
compounds an organic-matter percentage between 2 % and 30 %, PAHs between 10 % and 30 % (so no
correction at or below 10 % and a factor 1/3 at or above 30 %). The constants A, B, C come from
tabel 3: per metal, ``0/0/1`` for organic compounds (``G × 10 / H``), ``1/0/0`` for other
compounds (no correction); antimony, molybdenum and thallium are not corrected (voetnoot 1).
A lutum percentage is needed where B > 0, an organic-matter percentage where C > 0.

Not implemented: the barium exception for thermally cleaned soil (lutum below 10 % counts as
10 %), because a lab file does not say whether soil was thermally cleaned, and the 2015 tables
hold no barium norm values anyway.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Final

import polars as pl

STANDARD_LUTUM: Final = 25.0
STANDARD_ORGANIC_MATTER: Final = 10.0


@dataclass(frozen=True)
class Constants:
    """The constants of one row of Bijlage G III tabel 3 with the bounds of tabel 4."""

    a: float
    b: float
    c: float
    om_min: float | None = None
    om_max: float | None = None
    lutum_min: float | None = None


def bounded(
    lutum: float | None, organic_matter: float | None, constants: Constants
) -> tuple[float | None, float | None]:
    """The lutum and organic-matter percentages after the bounds of tabel 4."""
    lutum_used = lutum
    if lutum_used is not None and constants.lutum_min is not None:
        lutum_used = max(lutum_used, constants.lutum_min)
    om_used = organic_matter
    if om_used is not None and constants.om_min is not None:
        om_used = max(om_used, constants.om_min)
    if om_used is not None and constants.om_max is not None:
        om_used = min(om_used, constants.om_max)
    return lutum_used, om_used


def factor(lutum: float | None, organic_matter: float | None, constants: Constants) -> float:
    """The standardisation factor for one measurement (scalar form of ``factor_expr``).

    >>> round(50 * factor(5, 3, Constants(15, 0.6, 0.6, 2, None, 2)), 2)  # the dossier's example
    90.91

    Raises:
        ValueError: A percentage the constants need is missing.
    """
    lutum_used, om_used = bounded(lutum, organic_matter, constants)
    if constants.b and lutum_used is None:
        raise ValueError("lutum percentage needed")
    if constants.c and om_used is None:
        raise ValueError("organic matter percentage needed")
    numerator = constants.a + constants.b * STANDARD_LUTUM + constants.c * STANDARD_ORGANIC_MATTER
    denominator = constants.a + constants.b * (lutum_used or 0.0) + constants.c * (om_used or 0.0)
    return numerator / denominator


def bounded_exprs() -> tuple[pl.Expr, pl.Expr]:
    """Lutum and organic matter after the bounds, over columns ``lutum``, ``organic_matter``,
    ``lutum_min``, ``om_min`` and ``om_max`` (null bounds leave the value as it is)."""
    lutum = pl.max_horizontal(pl.col("lutum"), pl.col("lutum_min"))
    lutum = pl.when(pl.col("lutum").is_null()).then(None).otherwise(lutum)
    om = pl.max_horizontal(pl.col("organic_matter"), pl.col("om_min"))
    om = pl.min_horizontal(om, pl.col("om_max"))
    om = pl.when(pl.col("organic_matter").is_null()).then(None).otherwise(om)
    return lutum, om


def factor_expr() -> pl.Expr:
    """The factor over columns ``a``, ``b``, ``c`` and the bounded ``lutum_used``/``om_used``.

    Null where a needed percentage is missing (B > 0 without lutum, C > 0 without organic
    matter); 1 for constants 1/0/0.
    """
    a, b, c = pl.col("a"), pl.col("b"), pl.col("c")
    numerator = a + b * STANDARD_LUTUM + c * STANDARD_ORGANIC_MATTER
    denominator = a + b * pl.col("lutum_used").fill_null(0.0) + c * pl.col("om_used").fill_null(0.0)
    missing = ((b > 0) & pl.col("lutum_used").is_null()) | ((c > 0) & pl.col("om_used").is_null())
    return pl.when(missing).then(None).otherwise(numerator / denominator)
