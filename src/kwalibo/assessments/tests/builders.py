"""Build engine input DataFrames directly (the file readers have their own tests)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

import polars as pl

#: The components of PAK's (som 10) and PCB's (som 7) as labs write them (Rbk Bijlage N).
PAH = (
    "naftaleen",
    "fenantreen",
    "antraceen",
    "fluorantheen",
    "chryseen",
    "benzo(a)antraceen",
    "benzo(a)pyreen",
    "benzo(k)fluorantheen",
    "indeno(1,2,3cd)pyreen",
    "benzo(ghi)peryleen",
)
PCB = ("PCB 28", "PCB 52", "PCB 101", "PCB 118", "PCB 138", "PCB 153", "PCB 180")

SCHEMA = {
    "row": pl.Int64,
    "sample": pl.Utf8,
    "parameter": pl.Utf8,
    "value_raw": pl.Utf8,
    "unit": pl.Utf8,
}


def measurements(
    rows: Iterable[Sequence[object]],
    *,
    sampling_date: dt.date | None = None,
) -> pl.DataFrame:
    """Rows of ``(sample, parameter, value_raw[, unit])``; unit defaults to mg/kg ds (and % for
    lutum and organic matter). Row numbers start at 2, as in a file with a header."""
    records = []
    for number, row in enumerate(rows, start=2):
        sample, parameter, value = row[0], row[1], row[2]
        if len(row) > 3:
            unit = row[3]
        elif str(parameter).lower() in {"lutum", "organische stof"}:
            unit = "%"
        else:
            unit = "mg/kg ds"
        records.append(
            {
                "row": number,
                "sample": sample,
                "parameter": parameter,
                "value_raw": None if value is None else str(value),
                "unit": unit,
            }
        )
    frame = pl.DataFrame(records, schema=SCHEMA)
    if sampling_date is not None:
        frame = frame.with_columns(pl.lit(sampling_date).alias("sampling_date"))
    return frame


def sample(
    name: str,
    values: dict[str, object],
    *,
    lutum: float | None = 25,
    organic_matter: float | None = 10,
) -> list[tuple[object, ...]]:
    """One sample's rows: soil properties (standard soil by default) and ``values``."""
    rows: list[tuple[object, ...]] = []
    if lutum is not None:
        rows.append((name, "lutum", lutum))
    if organic_matter is not None:
        rows.append((name, "organische stof", organic_matter))
    rows.extend((name, parameter, value) for parameter, value in values.items())
    return rows


def fillers(
    rule_set_id: str, frame: str, count: int, *, exclude: Iterable[str] = ()
) -> dict[str, str]:
    """``count`` normed substances (not sums computed from components) measured at 0 mg/kg ds."""
    from kwalibo.assessments.domain.rules import load_rule_set

    rules = load_rule_set(rule_set_id)
    table = rules.norms[frame]
    sums = set(rules.sums_for(frame)["sum"].to_list())
    components = set(rules.sums_for(frame)["component"].to_list())
    skip = set(exclude) | sums | components
    kinds = dict(zip(rules.substances["id"], rules.substances["kind"], strict=True))
    names = rules.substance_names()
    chosen = [
        substance
        for substance in table.filter(pl.col("achtergrondwaarde").is_not_null())["substance"]
        if substance not in skip and kinds[substance] == "norm"
    ]
    if len(chosen) < count:
        raise ValueError(f"only {len(chosen)} filler substances")
    return {names[substance]: "0" for substance in chosen[:count]}


def explained(found: Mapping[str, Any], substance: str) -> dict[str, Any]:
    """The explanation of one substance in a verdict (it must be there exactly once)."""
    matches = [p for p in found["explanation"]["parameters"] if p["parameter"] == substance]
    assert len(matches) == 1, f"{substance} is not explained once"
    return dict(matches[0])


def message_codes(found: Mapping[str, Any]) -> set[tuple[str | None, str]]:
    """(parameter, code) of every message of a verdict."""
    return {(m["parameter"], m["code"]) for m in found["messages"]}
