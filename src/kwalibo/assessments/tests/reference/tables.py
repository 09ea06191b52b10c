"""What the independent references share: the dossier's tables, read exactly, and small rules
that both frames state the same way (domain.md 5.3, 5.4); and the input frame the differential
tests give the engine. Nothing here comes from the engine."""

from __future__ import annotations

import csv
import functools
from fractions import Fraction
from pathlib import Path

import polars as pl

#: Copies of the dossier's tables (shared/domain/data), kept with the references.
DATA = Path(__file__).parent / "data"
F = Fraction


def exact(text: str | None) -> Fraction | None:
    """An exact number of a table cell; ``None`` for an empty one."""
    text = (text or "").strip()
    return F(text) if text else None


@functools.cache
def rows(name: str) -> tuple[dict[str, str], ...]:
    """The rows of a table in ``DATA``."""
    with (DATA / name).open(encoding="utf-8") as handle:
        return tuple(csv.DictReader(handle))


@functools.cache
def reporting_limits() -> dict[str, Fraction]:
    """Bijlage G IV tabel 1: the required reporting limit per substance, in mg/kg ds."""
    limits = {}
    for row in rows("rapportagegrenzen.csv"):
        value = exact(row["rapportagegrens_bodem"])
        if value is None:
            continue
        unit = row["eenheid_bodem"]
        if unit.startswith("µg"):
            value /= 1000
        elif not unit.startswith("mg"):
            raise ValueError(f"unexpected unit {unit!r} for {row['stof']}")
        limits[row["stof"]] = value
    return limits


def clip(value: Fraction, low: Fraction | None, high: Fraction | None) -> Fraction:
    """``value`` within the bounds that are given (tabel 4)."""
    if low is not None and value < low:
        value = low
    if high is not None and value > high:
        value = high
    return value


def parse(raw: str) -> tuple[bool, Fraction]:
    """A result as written: whether it is "< RG", and its number."""
    text = raw.strip()
    if text.startswith("<"):
        return True, F(text[1:].strip())
    return False, F(text)


def allowance(measured: int) -> int:
    """Rbk art 4.2.2 lid 4 (domain.md 5.4): elevated substances allowed for a number measured."""
    for threshold, allowed in ((37, 5), (27, 4), (16, 3), (7, 2), (2, 1)):
        if measured >= threshold:
            return allowed
    return 0


def decimal(value: Fraction, digits: int = 8) -> str:
    """A number as a lab writes it: exact when it is a short decimal, else rounded to
    ``digits`` significant digits."""
    denominator, twos, fives = value.denominator, 0, 0
    while denominator % 2 == 0:
        denominator, twos = denominator // 2, twos + 1
    while denominator % 5 == 0:
        denominator, fives = denominator // 5, fives + 1
    places = max(twos, fives)
    if denominator == 1 and places <= 12:
        scaled = str(value.numerator * 10**places // value.denominator).rjust(places + 1, "0")
        return (
            (scaled[:-places] + "." + scaled[-places:]).rstrip("0").rstrip(".")
            if places
            else scaled
        )
    return f"{float(value):.{digits}g}"


def frame_of(samples: dict[str, tuple[Fraction, Fraction, dict[str, str]]]) -> pl.DataFrame:
    """Engine input for ``samples`` (name: lutum, organic matter, values in mg/kg ds as
    written), rows numbered from 2 as in a file with a header."""
    rows = []
    for name, (lutum, om, values) in samples.items():
        rows += [(name, "lutum", decimal(lutum), "%"), (name, "organische stof", decimal(om), "%")]
        rows += [(name, parameter, value, "mg/kg ds") for parameter, value in values.items()]
    return pl.DataFrame(
        {
            "row": list(range(2, len(rows) + 2)),
            "sample": [r[0] for r in rows],
            "parameter": [r[1] for r in rows],
            "value_raw": [r[2] for r in rows],
            "unit": [r[3] for r in rows],
        }
    )
