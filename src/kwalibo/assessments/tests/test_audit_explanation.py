# ruff: noqa: PERF401  -- problems are collected in readable loops, one check per line
"""Audit of the explanation and the outputs: do they tell the user the truth, consistently?

Random samples (fixed seeds; land and water bed; single samples and batches; "<" values, sums
from components, missing lutum, duplicates, results above the measuring range, tare soil and
the receiving-soil rule) are assessed, and what the explanation says is checked against the
dossier's tables (``reference/data``: Bijlage B tabel 1 and 2, Bijlage G III tabel 3 and 4,
Bijlage G IV tabel 1), recomputed here, and against itself:

* per measurement: value in mg/kg ds, the reporting-limit rule, value used (measured, or 0.7 x
  the reported limit), the factor of the table formula and standardised = value used x factor;
* per parameter: the mean of its measurements or the sum of its components, the limits shown
  equal the table, the parameter class and the background / intervention flags follow from them;
* per verdict: the class is the worst parameter class unless an allowance forgave, the decisive
  parameters are exactly those at the class, ``allowance_used`` flags exactly the forgiven ones
  within the numbers shown (measured, allowed, 2 x AW, Wonen), the rules cited with the
  manifest's articles match the situation; lowering every decisive parameter below AW improves
  the class and lowering a non-decisive one does not change it;
* every output says the same: JSON verdicts, ``parameter_table`` / ``to_csv`` / ``write_csv``,
  the Excel workbook, the PDF (text extracted from its content streams) and ``POST
  /api/v1/toetsing``; every message names a sample, row and parameter of the input.

The audit found five inconsistencies, now fixed, each pinned by a test of its own: a substance
that makes the allowance fail on its count was not named as deciding; a sum did not cite the
reporting-limit rule for a component at 0.7 x its limit; the two CSV writers wrote small
numbers differently; the PDF never said that the Wonen allowance made the class; the CSV did
not tell a tare-soil exemption or an intervention-value-only row from a class.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import math
import random
import re
import zlib
from collections import defaultdict
from typing import Any

import polars as pl
import pytest

from kwalibo.assessments.domain.engine import Assessment, assess
from kwalibo.assessments.domain.rules import load_rule_set
from kwalibo.assessments.tests.builders import fillers, measurements, sample
from kwalibo.assessments.tests.reference.tables import reporting_limits
from kwalibo.assessments.tests.reference.tables import rows as table_rows

RULES = load_rule_set("rbk-2015")
FRAMES = ("grond", "waterbodem")
NAME = dict(zip(RULES.substances["id"].to_list(), RULES.substances["name"].to_list(), strict=True))
LEVELS = {
    "grond": ("achtergrondwaarde", "wonen", "industrie", "niet_toepasbaar"),
    "waterbodem": ("achtergrondwaarde", "klasse_A", "klasse_B", "niet_toepasbaar"),
}
TOLERANCE = 1 + 1e-12  # "at the limit is in the class", beyond floating-point rounding

# --- the dossier's tables, read here ---------------------------------------------------------
NORMS = {
    "grond": {r["stof"]: r for r in table_rows("normwaarden_grond.csv")},
    "waterbodem": {r["stof"]: r for r in table_rows("normwaarden_bagger.csv")},
}
#: The engine's name -> the dossier's row, where they are spelled otherwise.
DOSSIER_NAME = {
    ("grond", "organochloorhoudende bestrijdingsmiddelen (som)"): (
        "organochloorhoudende bestrijdingsmiddelen (som landbodem)"
    ),
    ("waterbodem", "organochloorhoudende bestrijdingsmiddelen (som)"): (
        "organochloorhoudende bestrijdingsmiddelen (som waterbodem)"
    ),
    ("waterbodem", "barium (Ba)"): "Barium (Ba)",
    ("waterbodem", "cyanide (complex)"): "cyanide-complex",
}
LIMIT_COLUMNS = {
    "grond": {
        "achtergrondwaarde": "achtergrondwaarde",
        "wonen": "max_wonen",
        "industrie": "max_industrie",
        "interventiewaarde": "interventiewaarde_grond",
    },
    "waterbodem": {
        "achtergrondwaarde": "achtergrondwaarde",
        "klasse_A": "max_klasse_A_en_verspreiden_zoet",
        "klasse_B": "max_klasse_B_interventiewaarde_waterbodem",
        "industrie_grond_in_water": "max_bodemfunctieklasse_industrie_en_grootschalig",
        "verspreiden_zout": "max_verspreiden_zout",
    },
}
STANDARDISATION = {r["stof_of_stofgroep"]: r for r in table_rows("standaardisatie.csv")}
#: Bijlage G IV tabel 1 spells some substances otherwise than Bijlage B.
RG_SPELLING = {
    "arseen": "Arseen",
    "benzo(a)antraceen": "benz(a)antraceen",
    "benzo(a)pyreen": "benz(a)pyreen",
    "benzo(k)fluorantheen": "benz(k)fluoranteen",
    "benzo(ghi)peryleen": "benz(ghi)peryleen",
    "indeno(1,2,3cd)pyreen": "indeno(123cd)pyreen",
    "fluorantheen": "fluoranteen",
    "PCB 101": "PCB101",
    "PCB 138": "PCB138",
    "PCB 153": "PCB153",
    "minerale olie": "min olie",
}


def number(text: str | None) -> float | None:
    text = (text or "").strip()
    return float(text) if text else None


def dossier_row(frame: str, substance: str) -> dict[str, str] | None:
    name = NAME[substance]
    return NORMS[frame].get(DOSSIER_NAME.get((frame, name), name))


def table_limits(frame: str, substance: str) -> dict[str, float | None] | None:
    row = dossier_row(frame, substance)
    if row is None:
        return None
    return {label: number(row[column]) for label, column in LIMIT_COLUMNS[frame].items()}


def constants_row(frame: str, substance: str) -> str | None:
    """The row of tabel 3 by the substance's group in Bijlage B (domain.md 5.3): a metal its
    own, PAHs theirs, other inorganic substances and asbestos none, the rest organic."""
    row = dossier_row(frame, substance) or dossier_row("grond", substance)
    if row is None:
        return None
    group, name = row["groep"][0], row["stof"]
    if group == "1":
        return name.split(" ")[0].lower()
    if group == "2" or name.startswith("asbest"):
        return "overige verbindingen"
    if group == "4":
        return "PAK (individueel en som 10)"
    return "organische verbindingen (excl. PAK)"


def table_factor(group: str | None, lutum: float | None, om: float | None) -> float | None:
    """(A + 25 B + 10 C) / (A + B L + C H) with the bounds of tabel 4; ``None`` when a
    percentage it needs is missing."""
    if group is None:
        return None
    row = STANDARDISATION[group]
    a, b, c = (float(row[k]) for k in "ABC")
    if (b and lutum is None) or (c and om is None):
        return None
    low_l, low_om, high_om = (number(row[k]) for k in ("lutum_min_pct", "os_min_pct", "os_max_pct"))
    lut = max(lutum, low_l) if lutum is not None and low_l is not None else lutum
    org = max(om, low_om) if om is not None and low_om is not None else om
    org = min(org, high_om) if org is not None and high_om is not None else org
    return (a + 25 * b + 10 * c) / (a + b * (lut or 0.0) + c * (org or 0.0))


def table_rg(substance: str) -> float | str | None:
    """Bijlage G IV tabel 1 in mg/kg ds; "unknown" where this test cannot match the name."""
    limits = {k: float(v) for k, v in reporting_limits().items()}
    name = NAME[substance]
    short = name.split(" (")[0]
    for key in (name, short, RG_SPELLING.get(short, ""), RG_SPELLING.get(name, "")):
        if key in limits:
            return limits[key]
    squeezed = {k.lower().replace(" ", ""): v for k, v in limits.items()}
    return squeezed.get(short.lower().replace(" ", ""), "unknown")


def close(a: float | None, b: float | None, rel: float = 1e-9) -> bool:
    if a is None or b is None:
        return a is None and b is None
    return math.isclose(a, b, rel_tol=rel, abs_tol=1e-15)


def allowance_for(measured: int) -> int:
    """Rbk art 4.2.2 lid 4."""
    for minimum, allowed in ((37, 5), (27, 4), (16, 3), (7, 2), (2, 1)):
        if measured >= minimum:
            return allowed
    return 0


# --- random input ------------------------------------------------------------------------------
SUMS = {frame: RULES.sums_for(frame) for frame in FRAMES}


def _singles(frame: str) -> list[str]:
    sums = SUMS[frame]
    skip = set(sums["sum"].to_list()) | set(sums["component"].to_list())
    return [
        s
        for s in RULES.norms[frame]["substance"].to_list()
        if s not in skip
        and dossier_row(frame, s) is not None
        and number(dossier_row(frame, s)["achtergrondwaarde"]) is not None  # type: ignore[index]
    ]


SINGLES = {frame: _singles(frame) for frame in FRAMES}
SUM_PARTS = {
    frame: {
        name: SUMS[frame].filter(pl.col("sum") == name)["component"].to_list()
        for name in ("pak_som10", "pcb_som7")
    }
    for frame in FRAMES
}


def fmt(value: float) -> str:
    return f"{value:.6g}"


def _target(rng: random.Random, frame: str, substance: str) -> float:
    """A standardised content: mostly below AW, else near (sometimes at) a limit."""
    limits = table_limits(frame, substance) or table_limits("grond", substance) or {}
    aw = limits.get("achtergrondwaarde")
    if aw and rng.random() < 0.55:
        return aw * rng.uniform(0.05, 0.95)
    values = [v for v in limits.values() if v] + ([2 * aw] if aw else [])
    base = rng.choice(values)
    return base if rng.random() < 0.15 else base * rng.uniform(0.8, 1.25)


def random_input(rng: random.Random, frame: str, samples: int, *, rich: bool) -> pl.DataFrame:
    """Samples of 1 to 37 substances around the limits, with "<" values and complete sums;
    ``rich`` adds duplicates, results above the range, a value that is not a number and an
    unknown parameter."""
    rows: list[dict[str, Any]] = []
    for k in range(samples):
        name = f"M{k + 1}"
        lutum = rng.choice([1.0, 2.0, 5.0, 12.5, 25.0, 40.0]) if rng.random() > 0.08 else None
        om = rng.choice([0.5, 2.0, 3.0, 10.0, 15.0, 30.0, 45.0])
        if lutum is not None:
            rows.append(
                {"sample": name, "parameter": "lutum", "value_raw": fmt(lutum), "unit": "%"}
            )
        rows.append(
            {"sample": name, "parameter": "organische stof", "value_raw": fmt(om), "unit": "%"}
        )
        values: dict[str, str] = {}
        count = rng.choice([1, 2, 3, 6, 7, 8, 15, 16, 20, 27, 37])
        for substance in rng.sample(SINGLES[frame], min(count, len(SINGLES[frame]))):
            f = table_factor(constants_row(frame, substance), lutum or 25.0, om) or 1.0
            content = _target(rng, frame, substance) / f
            if rng.random() < 0.12:
                values[NAME[substance]] = "<" + fmt(
                    content / 0.7 if rng.random() < 0.7 else content
                )
            else:
                values[NAME[substance]] = fmt(content)
        for total_name, parts in SUM_PARTS[frame].items():
            if rng.random() < 0.5:
                f = table_factor(constants_row(frame, total_name), lutum or 25.0, om) or 1.0
                share = _target(rng, frame, total_name) / f / len(parts)
                for part in parts:
                    values[NAME[part]] = (
                        "<" + fmt(share * rng.choice([0.01, 1, 2]))
                        if rng.random() < 0.15
                        else fmt(share)
                    )
        for parameter, value in values.items():
            rows.append(
                {"sample": name, "parameter": parameter, "value_raw": value, "unit": "mg/kg ds"}
            )
    if rich:
        extra = []
        for row in rows:
            if row["unit"] == "%":
                continue
            x = rng.random()
            if x < 0.05:
                value = float(row["value_raw"].lstrip("<"))
                extra.append(row | {"value_raw": fmt(value * rng.uniform(0.5, 1.5))})
            elif x < 0.07:
                row["value_raw"] = ">" + row["value_raw"].lstrip("<")
            elif x < 0.08:
                row["value_raw"] = "1O0"
        if rng.random() < 0.3:
            extra.append(
                {
                    "sample": "M1",
                    "parameter": "onbekende stof",
                    "value_raw": "3",
                    "unit": "mg/kg ds",
                }
            )
        rows += extra
    return pl.DataFrame(
        [{"row": i + 2, **row} for i, row in enumerate(rows)],
        schema={
            "row": pl.Int64,
            "sample": pl.Utf8,
            "parameter": pl.Utf8,
            "value_raw": pl.Utf8,
            "unit": pl.Utf8,
        },
    )


def cases(
    count: int, *, rich: bool, seed: int = 0
) -> list[tuple[str, bool, dict[str, Any], pl.DataFrame, Assessment]]:
    """``count`` assessments per frame and per single / batch, with random options."""
    found = []
    for frame in FRAMES:
        for batch in (False, True):
            for n in range(count):
                rng = random.Random(f"{seed}-{frame}-{batch}-{n}")
                data = random_input(rng, frame, rng.choice([1, 2, 3]), rich=rich)
                options: dict[str, Any] = {}
                if rich and frame == "grond" and rng.random() < 0.3:
                    options["receiving_soil"] = True
                if rich and frame == "grond" and rng.random() < 0.3:
                    options["tare_soil"] = rng.choice(
                        [("natural_presence",), ("potatoes",), ("natural_presence", "potatoes")]
                    )
                result = assess(data, frame=frame, as_batch=batch, **options)
                found.append((frame, batch, options, data, result))
    return found


def soil_of(data: pl.DataFrame) -> dict[str, dict[str, float]]:
    soil: dict[str, dict[str, float]] = defaultdict(dict)
    for row in data.iter_rows(named=True):
        if row["parameter"] == "lutum":
            soil[row["sample"]]["lutum"] = float(row["value_raw"])
        elif row["parameter"] == "organische stof":
            soil[row["sample"]]["om"] = float(row["value_raw"])
    return soil


# --- what the explanation must say ---------------------------------------------------------
def measurement_problems(
    frame: str, m: dict[str, Any], soil: dict[str, dict[str, float]], substance: str, where: str
) -> list[str]:
    problems = []
    text = m["value_raw"].strip()
    below, value = text.startswith("<"), float(text.lstrip("<>").strip())
    if not close(m["value_mg_kg_ds"], value):
        problems.append(f"{where}: value {m['value_mg_kg_ds']} mg/kg ds for {text!r}")
    if m["below_reporting_limit"] != below:
        problems.append(f"{where}: below_reporting_limit {m['below_reporting_limit']} for {text!r}")
    rg = table_rg(substance)
    if rg == "unknown":
        rg = m["reporting_limit_table"]
    elif not close(m["reporting_limit_table"], rg):  # type: ignore[arg-type]
        problems.append(f"{where}: reporting limit {m['reporting_limit_table']}, table {rg}")
    if below and rg is not None and value <= rg * TOLERANCE:  # type: ignore[operator]
        rule, used = "assumed_compliant", None
    elif below:
        rule, used = "0.7_x_reported_limit", 0.7 * value
    else:
        rule, used = "measured", value
    if m["reporting_limit_rule"] != rule:
        problems.append(
            f"{where}: rule {m['reporting_limit_rule']} for {text!r} (RG {rg}), want {rule}"
        )
    if used is not None and not close(m["value_used"], used):
        problems.append(f"{where}: value used {m['value_used']}, want {used}")
    own = soil.get(m["sample"], {})
    f = table_factor(constants_row(frame, substance), own.get("lutum"), own.get("om"))
    if f is not None and not close(m["standardisation"]["factor"], f):
        problems.append(f"{where}: factor {m['standardisation']['factor']}, table formula {f}")
    if (
        f is not None
        and m["standardised"] is not None
        and not close(m["standardised"], m["value_used"] * f)
    ):
        problems.append(f"{where}: standardised {m['standardised']} != {m['value_used']} x {f}")
    return problems


def numbers_problems(frame: str, data: pl.DataFrame, result: Assessment) -> list[str]:
    """The numbers of each explained parameter against the tables and against each other."""
    soil = soil_of(data)
    levels = LEVELS[frame]
    problems = []
    for verdict in result.verdicts:
        for p in verdict["explanation"]["parameters"]:
            where = f"{verdict['sample']}/{p['parameter']}"
            limits = table_limits(frame, p["parameter"])
            if limits is not None and p["limits"] != limits:
                problems.append(f"{where}: limits {p['limits']}, table {limits}")
            for m in p["measurements"]:
                problems += measurement_problems(frame, m, soil, p["parameter"], where)
            if p["origin"] == "computed":
                per_sample: dict[str, float] = defaultdict(float)
                complete = True
                for c in p["components"]:
                    for m in c["measurements"]:
                        problems += measurement_problems(
                            frame, m, soil, c["component"], f"{where}/{c['component']}"
                        )
                    if c["standardised"] is None:
                        complete = False
                    else:
                        per_sample[c["sample"]] += c["factor"] * c["standardised"]
                if (
                    complete
                    and per_sample
                    and p["standardised"] is not None
                    and not p["compliance_assumed"]
                ):
                    want = sum(per_sample.values()) / len(per_sample)
                    if not close(p["standardised"], want):
                        problems.append(
                            f"{where}: standardised {p['standardised']}, sum of components {want}"
                        )
            elif p["measurements"] and p["standardised"] is not None:
                stds, used = defaultdict(list), defaultdict(list)
                for m in p["measurements"]:
                    stds[m["sample"]].append(m["standardised"])
                    used[m["sample"]].append(m["value_used"])
                if all(x is not None for xs in stds.values() for x in xs):
                    want = sum(sum(x) / len(x) for x in stds.values()) / len(stds)
                    if not close(p["standardised"], want):
                        problems.append(
                            f"{where}: standardised {p['standardised']}, mean of measurements {want}"
                        )
                    want = sum(sum(x) / len(x) for x in used.values()) / len(used)
                    if not close(p["value_used"], want):
                        problems.append(
                            f"{where}: value used {p['value_used']}, mean of measurements {want}"
                        )
            if limits is None or p["tare_exempt"] or p["limit_only"]:
                continue
            std, aw = p["standardised"], limits["achtergrondwaarde"]
            first, second = list(limits.values())[1:3]
            # a lower bound (a result above the measuring range behind it: the content is
            # higher than its number) at a limit exceeds it (classification.ABOVE_BOUND)
            bound = p["lower_bound"]

            def over(limit: float | None, std: float | None = std, bound: bool = bound) -> bool:
                if limit is None or std is None:
                    return False
                return std > limit * TOLERANCE or (bound and std >= limit / TOLERANCE)

            if (
                p["compliance_assumed"]
                or std is None
                or (aw is not None and not over(aw))
                or (aw is None and first is not None and not over(first))
            ):
                level = 0
            elif first is not None and not over(first):
                level = 1
            elif second is None or not over(second):
                level = 2
            else:
                level = 3
            if not p["compliance_assumed"] and over(limits.get("interventiewaarde")):
                level = 3
            if p["parameter_class"] != levels[level]:
                problems.append(
                    f"{where}: parameter class {p['parameter_class']} for {std} against {limits}, want {levels[level]}"
                )
            above = not p["compliance_assumed"] and aw is not None and over(aw)
            if p["exceeds_background"] != above:
                problems.append(
                    f"{where}: exceeds_background {p['exceeds_background']} for {std} against AW {aw}"
                )
    return problems


def wonen_of(frame: str, substance: str) -> float | None:
    row = dossier_row("grond", substance)
    return number(row["max_wonen"]) if row else None


def verdict_problems(frame: str, result: Assessment) -> list[str]:
    """Class, decisive parameters, allowance flags and counts, and intervention of each verdict."""
    levels = LEVELS[frame]
    problems = []
    for v in result.verdicts:
        params = v["explanation"]["parameters"]
        name = v["sample"]
        elevated = [p["parameter"] for p in params if p["exceeds_background"]]
        if v["allowance"]["elevated"] != elevated:
            problems.append(
                f"{name}: allowance.elevated {v['allowance']['elevated']}, flagged {elevated}"
            )
        if v["allowance"]["allowed"] != allowance_for(v["allowance"]["measured"]):
            problems.append(
                f"{name}: {v['allowance']['allowed']} allowed for {v['allowance']['measured']} measured"
            )
        intervention = [p["parameter"] for p in params if p["exceeds_intervention"]]
        if v["intervention_parameters"] != intervention:
            problems.append(f"{name}: intervention_parameters {v['intervention_parameters']}")
        if v["intervention_exceeded"] is not None and v["intervention_exceeded"] != bool(
            intervention
        ):
            problems.append(
                f"{name}: intervention_exceeded {v['intervention_exceeded']} with {intervention}"
            )
        decisive = [p["parameter"] for p in params if p["decisive"]]
        if v["deciding_parameters"] != decisive:
            problems.append(
                f"{name}: deciding_parameters {v['deciding_parameters']}, flagged {decisive}"
            )
        if v["class"] is None:
            continue
        level = levels.index(v["class"])
        own = {p["parameter"]: levels.index(p["parameter_class"]) for p in params}
        forgiven = [p["parameter"] for p in params if p["allowance_used"]]
        wonen = v.get("wonen_allowance", {})
        if v["allowance"]["used"]:
            if level != 0:
                problems.append(f"{name}: AW allowance used, class {v['class']}")
            if sorted(forgiven) != sorted(elevated):
                problems.append(f"{name}: forgiven {forgiven}, elevated {elevated}")
            if decisive:
                problems.append(
                    f"{name}: decisive {decisive} although the allowance made the class"
                )
            for p in params:
                if not p["allowance_used"]:
                    continue
                aw = p["limits"]["achtergrondwaarde"]
                if p["standardised"] > 2 * aw * TOLERANCE:
                    problems.append(f"{name}/{p['parameter']}: forgiven above 2 x AW")
                cap = wonen_of(frame, p["parameter"])
                on_land = dossier_row("grond", p["parameter"]) is not None
                if (
                    p["parameter"] != "nikkel"
                    and on_land
                    and (cap is None or p["standardised"] > cap * TOLERANCE)
                ):
                    problems.append(f"{name}/{p['parameter']}: forgiven above Wonen {cap}")
        elif wonen.get("used"):
            if v["class"] != "wonen":
                problems.append(f"{name}: Wonen allowance used, class {v['class']}")
            above_wonen = [p["parameter"] for p in params if p["parameter_class"] == "industrie"]
            if sorted(forgiven) != sorted(above_wonen) or len(forgiven) > wonen["allowed"]:
                problems.append(
                    f"{name}: Wonen allowance forgave {forgiven}, above Wonen {above_wonen}"
                )
            for p in params:
                if (
                    p["allowance_used"]
                    and p["standardised"]
                    > (p["limits"]["wonen"] + p["limits"]["achtergrondwaarde"]) * TOLERANCE
                ):
                    problems.append(f"{name}/{p['parameter']}: forgiven above Wonen + AW")
        else:
            if forgiven:
                problems.append(f"{name}: {forgiven} flagged as forgiven, no allowance used")
            worst = max(own.values(), default=0)
            if level != worst:
                problems.append(
                    f"{name}: class {v['class']}, worst parameter class {levels[worst]}"
                )
            at_class = [p for p, lvl in own.items() if level > 0 and lvl == level]
            if sorted(decisive) != sorted(at_class):
                problems.append(f"{name}: decisive {decisive}, parameters at the class {at_class}")
        for p in params:
            if p["decisive"] and own[p["parameter"]] < level and not wonen.get("used"):
                problems.append(f"{name}/{p['parameter']}: decisive below the class")
    return problems


def rule_problems(frame: str, result: Assessment, *, sum_components: bool = False) -> list[str]:
    """The rules cited: known, with the manifest's article, and matching the situation.
    ``sum_components``: also require the reporting-limit rule for a sum one of whose
    components is "< RG" (counted at 0.7 x the limit)."""
    problems = []
    for v in result.verdicts:
        for r in v["explanation"]["rules"]:
            if r["article"] != RULES.article(r["rule"]):
                problems.append(f"{v['sample']}: rule {r}")
        if v["intervention_exceeded"] and f"intervention_{frame}" not in [
            r["rule"] for r in v["explanation"]["rules"]
        ]:
            problems.append(f"{v['sample']}: intervention exceeded, its rule not cited")
        if result.batch and "mean" not in [r["rule"] for r in v["explanation"]["rules"]]:
            problems.append(f"{v['sample']}: batch without the rule of the mean")
        for p in v["explanation"]["parameters"]:
            where = f"{v['sample']}/{p['parameter']}"
            codes = [r["rule"] for r in p["rules"]]
            for r in p["rules"]:
                if r["article"] != RULES.article(r["rule"]) or not r["article"]:
                    problems.append(f"{where}: rule {r}")
            if p["allowance_used"] != bool({"aw_allowance", "wonen_allowance"} & set(codes)):
                problems.append(f"{where}: allowance_used {p['allowance_used']}, rules {codes}")
            if p["exceeds_intervention"] != (f"intervention_{frame}" in codes):
                problems.append(
                    f"{where}: exceeds_intervention {p['exceeds_intervention']}, rules {codes}"
                )
            if p["tare_exempt"] != ("tare_soil" in codes):
                problems.append(f"{where}: tare_exempt {p['tare_exempt']}, rules {codes}")
            if p["limit_only"] != (f"limit_only_{frame}" in codes):
                problems.append(f"{where}: limit_only {p['limit_only']}, rules {codes}")
            own = any(m["below_reporting_limit"] for m in p["measurements"])
            parts = any(
                m["below_reporting_limit"] for c in p["components"] for m in c["measurements"]
            )
            if (own or (sum_components and parts)) and "reporting_limit" not in codes:
                problems.append(f"{where}: a value '< RG' is behind it, rules {codes}")
            if (
                p["origin"] == "computed"
                and p["components"]
                and "sum" not in codes
                and not {"teq", "asbestos", "cyanide_complex"} & set(codes)
            ):
                problems.append(f"{where}: computed without a rule of the sum")
    return problems


def message_problems(data: pl.DataFrame, result: Assessment) -> list[str]:
    """Each message names a sample, row and parameter of the input (or the catalogue's name
    of a substance, for a message about a parameter without a row)."""
    rows = {r["row"]: r for r in data.iter_rows(named=True)}
    samples = set(data["sample"].to_list())
    known = set(NAME.values()) | set(data["parameter"].to_list())
    problems = []
    for m in result.messages:
        if (
            m["sample"] is not None
            and m["sample"] not in samples
            and not (result.batch and m["sample"] == "partij")
        ):
            problems.append(f"{m['code']}: sample {m['sample']!r} is not in the input")
        if m["row"] is not None:
            row = rows.get(m["row"])
            if row is None:
                problems.append(f"{m['code']}: row {m['row']} is not in the input")
            elif (m["sample"] not in (None, row["sample"])) or (
                m["parameter"] not in (None, row["parameter"])
            ):
                problems.append(
                    f"{m['code']}: row {m['row']} is {row['sample']}/{row['parameter']}, message says {m['sample']}/{m['parameter']}"
                )
        elif m["parameter"] is not None and m["parameter"] not in known:
            problems.append(
                f"{m['code']}: parameter {m['parameter']!r} is neither input nor catalogue"
            )
    for v in result.verdicts:
        for m in v["messages"]:
            if not result.batch and m["sample"] != v["sample"]:
                problems.append(f"verdict {v['sample']} carries a message of {m['sample']}")
    return problems


# --- the outputs -------------------------------------------------------------------------------
def csv_problems(frame: str, result: Assessment) -> list[str]:
    """``to_csv`` row by row against the JSON verdicts, and ``parameter_table`` against it."""
    text = result.to_csv()
    rows = list(csv.DictReader(io.StringIO(text)))
    problems = []
    if result.parameter_table().height != sum(1 for r in rows if r["parameter"]):
        problems.append("parameter_table and to_csv have different rows")
    by = {(r["sample"], r["parameter"]): r for r in rows}
    if len(by) != len(rows):
        problems.append("a (sample, parameter) is in the CSV twice")

    def flag(value: bool | None) -> str:
        return "" if value is None else str(value).lower()

    for v in result.verdicts:
        params = v["explanation"]["parameters"]
        if not params and (v["sample"], "") not in by:
            problems.append(f"{v['sample']}: a verdict without parameters is not in the CSV")
        for p in params:
            where = f"{v['sample']}/{p['parameter']}"
            row = by.get((v["sample"], p["parameter"]))
            if row is None:
                problems.append(f"{where}: not in the CSV")
                continue
            want = {
                "class": v["class"] or "",
                "intervention_exceeded": flag(v["intervention_exceeded"]),
                "rule_set": v["rule_set"],
                "name": p["name"],
                "origin": p["origin"],
                "parameter_class": p["parameter_class"],
                **{
                    column: flag(p[key])
                    for column, key in (
                        ("compliance_assumed", "compliance_assumed"),
                        ("lower_bound", "lower_bound"),
                        ("exceeds_background", "exceeds_background"),
                        ("exceeds_intervention", "exceeds_intervention"),
                        ("decisive", "decisive"),
                        ("allowance_used", "allowance_used"),
                    )
                },
            }
            if frame == "waterbodem":
                spreading = v["spreading"]
                want |= {
                    "spreading_fresh": spreading["zoet_oppervlaktewater"] or "",
                    "spreading_adjacent": spreading["aangrenzend_perceel"] or "",
                    "spreading_salt": spreading["zout_oppervlaktewater"] or "",
                }
            for column, value in want.items():
                if row[column] != value:
                    problems.append(f"{where}: CSV {column}={row[column]!r}, JSON {value!r}")
            numbers = {
                "value_used_mg_kg_ds": p["value_used"],
                "standardised_mg_kg_ds": p["standardised"],
                **p["limits"],
            }
            for column, value in numbers.items():
                cell = row.get(column)
                if cell is None:
                    problems.append(f"CSV has no column {column}")
                elif (value is None) != (cell == "") or (
                    value is not None and not math.isclose(float(cell), value, rel_tol=1e-11)
                ):
                    problems.append(f"{where}: CSV {column}={cell!r}, JSON {value!r}")
    return problems


def xlsx_problems(result: Assessment) -> list[str]:
    import openpyxl

    from kwalibo.assessments.workbook import xlsx_report

    rows = list(csv.DictReader(io.StringIO(result.to_csv())))
    book = openpyxl.load_workbook(io.BytesIO(xlsx_report(result)))
    sheet = list(book["toetsing"].iter_rows(values_only=True))
    problems = []
    header = list(sheet[0])
    if rows and header != list(rows[0]):
        problems.append(f"Excel header {header}")
    if len(sheet) - 1 != len(rows):
        problems.append(f"Excel has {len(sheet) - 1} rows, the CSV {len(rows)}")
    for i, (cells, row) in enumerate(zip(sheet[1:], rows, strict=False)):
        for column, cell in zip(header, cells, strict=True):
            text = row[column]
            if isinstance(cell, bool):
                same = str(cell).lower() == text
            elif isinstance(cell, (int, float)):
                same = text != "" and math.isclose(float(cell), float(text), rel_tol=1e-11)
            else:
                same = (cell or "") == text
            if not same:
                problems.append(f"Excel row {i + 2} {column}={cell!r}, CSV {text!r}")
    if len(list(book["meldingen"].iter_rows())) - 1 != len(result.messages):
        problems.append("Excel sheet meldingen does not hold every message")
    return problems


def pdf_text(data: bytes) -> str:
    """The text shown by a PDF of fpdf2 (core fonts): its ``(...) Tj`` strings, in order."""
    texts = []
    for stream in re.findall(rb"stream\r?\n(.*?)\r?\nendstream", data, re.S):
        try:
            content = zlib.decompress(stream)
        except zlib.error:
            continue
        for match in re.finditer(rb"\(((?:\\.|[^\\)])*)\)\s*Tj", content):
            texts.append(re.sub(rb"\\([()\\])", rb"\1", match.group(1)).decode("latin-1"))
    return re.sub(r"\s+", " ", " ".join(texts))


def pdf_problems(result: Assessment) -> list[str]:
    from django.utils import translation

    from kwalibo.assessments.pdf import _latin1, pdf_report
    from kwalibo.assessments.presentation import (
        number,
        parameter_class_label,
        verdict_heading,
        verdict_summary,
    )

    problems = []
    with translation.override("en"):
        text = pdf_text(pdf_report(result, source="audit.csv", created=dt.datetime(2020, 1, 1)))  # noqa: DTZ001
        for v in result.verdicts:
            summary = verdict_summary(v)
            for line in (
                f"{verdict_heading(v)}: {summary['class']}",
                f"Deciding parameters: {summary['deciding']}",
                summary.get("spreading"),
            ):
                if line is not None and _latin1(line) not in text:
                    problems.append(f"PDF lacks {line!r}")
            for p in v["explanation"]["parameters"]:
                cells = [
                    ("> " if p["lower_bound"] else "")
                    + number(p["value_used"])
                    + (" (<RG)" if p["compliance_assumed"] else ""),
                    number(p["standardised"]),
                    parameter_class_label(p),
                    *(number(x) for x in p["limits"].values()),
                ]
                line = _latin1(" ".join(cells))
                if line not in text:
                    problems.append(f"PDF {v['sample']}/{p['parameter']} lacks {line!r}")
    return problems


# --- the tests ---------------------------------------------------------------------------------
def crafted() -> list[tuple[str, bool, dict[str, Any], pl.DataFrame, Assessment]]:
    """Situations random samples seldom reach: the Wonen allowance of the receiving soil,
    nickel forgiven above Wonen, a tare-soil exemption, an intervention value alone (aldrin)."""
    wonen = fillers("rbk-2015", "grond", 6, exclude=["koper", "zink"]) | {
        "koper": "90",
        "zink": "300",
    }
    found = []
    for frame, batch, options, values in (
        ("grond", False, {"receiving_soil": True}, wonen),
        ("grond", True, {"receiving_soil": True}, wonen),
        ("grond", False, {}, {"nikkel": "50", "koper": "20"}),
        (
            "grond",
            False,
            {"tare_soil": ("natural_presence",)},
            {"minerale olie": "3000", "koper": "20", "aldrin": "0.5"},
        ),
        ("waterbodem", False, {}, {"kobalt": "27", "koper": "20", "aldrin": "0.5"}),
    ):
        data = measurements(sample("M1", values) + sample("M2", values, lutum=10, organic_matter=4))
        found.append(
            (frame, batch, options, data, assess(data, frame=frame, as_batch=batch, **options))
        )
    return found


PLAIN = cases(20, rich=False)
RICH = cases(12, rich=True, seed=1) + crafted()


def _all(found: list[str]) -> None:
    assert not found, f"{len(found)} problems, first: " + "\n".join(found[:12])


def test_the_random_cases_cover_what_they_should() -> None:
    verdicts = [v for *_, r in PLAIN + RICH for v in r.verdicts]
    classes = {(r.frame, v["class"]) for *_, r in PLAIN + RICH for v in r.verdicts}
    assert len(verdicts) > 150
    assert {(f, c) for f in FRAMES for c in LEVELS[f]} <= classes
    assert any(v["allowance"]["used"] for v in verdicts)
    assert any(v.get("wonen_allowance", {}).get("used") for v in verdicts)
    assert any(p["tare_exempt"] for v in verdicts for p in v["explanation"]["parameters"])
    assert any(p["lower_bound"] for v in verdicts for p in v["explanation"]["parameters"])
    assert any(v["class"] is None for v in verdicts)
    rules = {
        m["reporting_limit_rule"]
        for v in verdicts
        for p in v["explanation"]["parameters"]
        for m in p["measurements"]
    }
    assert rules == {"measured", "assumed_compliant", "0.7_x_reported_limit"}


def test_each_number_of_the_explanation_follows_from_the_tables() -> None:
    _all(
        [
            f"{f} batch={b}: {p}"
            for f, b, _, data, r in PLAIN + RICH
            for p in numbers_problems(f, data, r)
        ]
    )


def test_class_decisive_parameters_and_allowance_agree() -> None:
    _all(
        [
            f"{f} batch={b} {o}: {p}"
            for f, b, o, _, r in PLAIN + RICH
            for p in verdict_problems(f, r)
        ]
    )


def test_the_rules_cited_exist_and_match_the_situation() -> None:
    _all([f"{f} batch={b} {o}: {p}" for f, b, o, _, r in PLAIN + RICH for p in rule_problems(f, r)])


def test_each_message_names_a_sample_row_and_parameter_of_the_input() -> None:
    _all([f"{f} batch={b}: {p}" for f, b, _, data, r in RICH for p in message_problems(data, r)])


def _lowered(
    data: pl.DataFrame, frame: str, verdict: dict[str, Any], names: list[str]
) -> pl.DataFrame:
    """``data`` with the measurements behind each named parameter at half its AW in standard
    soil (a sum: its components share that)."""
    soil = soil_of(data)
    values: dict[int, str] = {}
    for p in verdict["explanation"]["parameters"]:
        if p["parameter"] not in names:
            continue
        aw = p["limits"]["achtergrondwaarde"] or 0.0
        behind = [(m, 1.0, 1) for m in p["measurements"]] or [
            (m, c["factor"], len(p["components"]))
            for c in p["components"]
            for m in c["measurements"]
        ]
        for m, weight, parts in behind:
            own = soil[m["sample"]]
            f = (
                table_factor(constants_row(frame, p["parameter"]), own.get("lutum"), own.get("om"))
                or 1.0
            )
            values[m["row"]] = fmt(0.5 * aw / f / parts / weight)
    return data.with_columns(
        pl.when(pl.col("row").is_in(list(values)))
        .then(pl.col("row").replace_strict(values, default=None, return_dtype=pl.Utf8))
        .otherwise(pl.col("value_raw"))
        .alias("value_raw")
    )


def test_lowering_the_decisive_parameters_improves_the_class_and_no_other_changes_it() -> None:
    problems, checked = [], 0
    for frame, batch, _, data, result in PLAIN:
        if batch or checked > 60:
            continue
        levels = LEVELS[frame]
        for verdict in result.verdicts:
            if verdict["class"] is None or any(m["level"] == "error" for m in verdict["messages"]):
                continue

            def class_after(
                names: list[str],
                verdict: dict[str, Any] = verdict,
                data: pl.DataFrame = data,
                frame: str = frame,
            ) -> str | None:
                again = assess(_lowered(data, frame, verdict, names), frame=frame)
                return next(v["class"] for v in again.verdicts if v["sample"] == verdict["sample"])

            params = verdict["explanation"]["parameters"]
            decisive = verdict["deciding_parameters"]
            where = f"{frame} {verdict['sample']} ({verdict['class']})"
            if decisive:
                after = class_after(decisive)
                checked += 1
                if after is None or levels.index(after) >= levels.index(verdict["class"]):
                    problems.append(f"{where}: decisive {decisive} lowered below AW -> {after}")
            # the parts of a decisive sum decide through it (in water the seven PCBs are normed)
            parts = {c["component"] for p in params if p["decisive"] for c in p["components"]}
            for p in params:
                if p["decisive"] or not p["exceeds_background"] or p["parameter"] in parts:
                    continue
                after = class_after([p["parameter"]])
                checked += 1
                if after != verdict["class"]:
                    problems.append(f"{where}: non-decisive {p['parameter']} lowered -> {after}")
    assert checked > 40
    _all(problems)


@pytest.mark.parametrize(
    ("frame", "values", "lowered"),
    [
        # nickel 50 is Industrie (Wonen 39) but within 2 x AW (70) and exempt from the Wonen cap
        ("grond", {"nikkel": "50", "koper": "45"}, "koper"),
        # cobalt 27 is klasse B (A 25) but within 2 x AW (30) and land Wonen (35)
        ("waterbodem", {"kobalt": "27", "koper": "45"}, "koper"),
    ],
)
def test_a_parameter_that_makes_the_allowance_fail_is_decisive(
    frame: str, values: dict[str, str], lowered: str
) -> None:
    verdict = assess(measurements(sample("M1", values)), frame=frame).verdicts[0]
    better = assess(measurements(sample("M1", values | {lowered: "20"})), frame=frame).verdicts[0]
    assert better["class"] == "achtergrondwaarde"
    assert verdict["class"] != better["class"]
    assert lowered in verdict["deciding_parameters"]


def test_a_sum_with_a_component_below_the_reporting_limit_cites_the_rule() -> None:
    values = {f"PCB {n}": "0.01" for n in (28, 52, 101, 118, 138, 153, 180)} | {"PCB 28": "<0.01"}
    result = assess(measurements(sample("M1", values)), frame="grond")
    (pcb,) = result.verdicts[0]["explanation"]["parameters"]
    part = next(c for c in pcb["components"] if c["component"] == "pcb_28")
    assert part["measurements"][0]["reporting_limit_rule"] == "0.7_x_reported_limit"
    assert "reporting_limit" in [r["rule"] for r in pcb["rules"]]
    _all([p for f, b, _, _, r in PLAIN for p in rule_problems(f, r, sum_components=True)])


def test_the_csv_says_what_the_json_says() -> None:
    _all([f"{f} batch={b}: {p}" for f, b, _, _, r in PLAIN + RICH for p in csv_problems(f, r)])


def test_the_excel_download_has_the_rows_of_the_csv() -> None:
    _all(
        [
            f"{f} batch={b}: {p}"
            for f, b, _, _, r in (PLAIN[::8] + RICH[::8])
            for p in xlsx_problems(r)
        ]
    )


def test_the_pdf_states_each_verdict_and_each_parameter_row() -> None:
    _all(
        [
            f"{f} batch={b}: {p}"
            for f, b, _, _, r in (PLAIN[::20] + RICH[::9])
            for p in pdf_problems(r)
        ]
    )


def test_write_csv_and_to_csv_write_the_same_text() -> None:
    result = assess(
        measurements(sample("M1", {"hexachloorbutadieen": "0.00002", "koper": "20"})), frame="grond"
    )
    buffer = io.StringIO()
    result.write_csv(buffer)
    assert buffer.getvalue() == result.to_csv()


def test_write_csv_and_to_csv_hold_the_same_table() -> None:
    # the same cells read as values, whatever the notation of the numbers
    problems = []
    for frame, batch, _, _, result in PLAIN + RICH:
        buffer = io.StringIO()
        result.write_csv(buffer)
        fast = list(csv.reader(io.StringIO(buffer.getvalue())))
        slow = list(csv.reader(io.StringIO(result.to_csv())))
        if len(fast) != len(slow):
            problems.append(f"{frame} batch={batch}: {len(fast)} rows vs {len(slow)}")
            continue
        for a, b in zip(fast, slow, strict=True):
            for x, y in zip(a, b, strict=True):
                if x != y and not (x and y and math.isclose(float(x), float(y), rel_tol=1e-12)):
                    problems.append(f"{frame} batch={batch}: {x!r} vs {y!r}")
    _all(problems)


def test_the_pdf_says_when_the_wonen_allowance_made_the_class() -> None:
    from django.utils import translation

    from kwalibo.assessments.pdf import pdf_report

    values = fillers("rbk-2015", "grond", 6, exclude=["koper", "zink"]) | {
        "koper": "90",
        "zink": "300",
    }
    result = assess(measurements(sample("M1", values)), frame="grond", receiving_soil=True)
    verdict = result.verdicts[0]
    assert verdict["class"] == "wonen"
    assert verdict["wonen_allowance"]["used"]
    with translation.override("en"):
        text = pdf_text(pdf_report(result, source="a.csv", created=dt.datetime(2020, 1, 1)))  # noqa: DTZ001
    assert "Wonen allowance" in text


def test_the_csv_tells_an_exempt_tare_soil_substance_from_one_at_background_level() -> None:
    result = assess(
        measurements(sample("M1", {"minerale olie": "3000", "koper": "20"})),
        frame="grond",
        tare_soil=("natural_presence",),
    )
    row = next(
        r for r in csv.DictReader(io.StringIO(result.to_csv())) if r["parameter"] == "minerale_olie"
    )
    assert float(row["standardised_mg_kg_ds"]) > float(row["industrie"])
    assert row.get("tare_exempt") == "true"


def test_the_api_answers_what_the_engine_says() -> None:
    from django.utils import translation
    from rest_framework.test import APIClient

    from kwalibo.assessments.presentation import translated
    from kwalibo.assessments.uploads import measurements_from_rows

    api = APIClient(HTTP_ACCEPT_LANGUAGE="en")
    problems: list[str] = []

    def compare(want: Any, got: Any, path: str) -> None:
        if isinstance(want, dict) and isinstance(got, dict):
            for key in want.keys() - {"template", "params"}:
                if key not in got:
                    problems.append(f"{path}.{key}: not in the API's answer")
                else:
                    compare(want[key], got[key], f"{path}.{key}")
        elif isinstance(want, list) and isinstance(got, list):
            if len(want) != len(got):
                problems.append(f"{path}: {len(want)} items, API {len(got)}")
            for i, (a, b) in enumerate(zip(want, got, strict=False)):
                compare(a, b, f"{path}[{i}]")
        elif isinstance(want, float) or isinstance(got, float):
            if want is None or got is None or not math.isclose(want, got, rel_tol=1e-12):
                problems.append(f"{path}: {want!r}, API {got!r}")
        elif want != got:
            problems.append(f"{path}: {want!r}, API {got!r}")

    for frame, batch, options, data, _ in RICH[::6]:
        body = [
            {
                "sample": r["sample"],
                "parameter": r["parameter"],
                "value": r["value_raw"],
                "unit": r["unit"],
            }
            for r in data.iter_rows(named=True)
        ]
        response = api.post(
            "/api/v1/toetsing",
            {
                "frame": frame,
                "batch": batch,
                "sampling_date": "2020-01-01",
                "measurements": body,
                **{k: list(v) if isinstance(v, tuple) else v for k, v in options.items()},
            },
            format="json",
        )
        assert response.status_code == 200, response.content[:500]
        result = assess(
            measurements_from_rows(body),
            frame=frame,
            as_batch=batch,
            sampling_date=dt.date(2020, 1, 1),
            **options,
        )
        with translation.override("en"):
            want = json.loads(json.dumps(translated(result.as_dict())))
        compare(want, response.json(), f"{frame} batch={batch}")
    _all(problems)
