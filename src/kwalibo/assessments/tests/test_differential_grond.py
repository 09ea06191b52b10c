"""The engine against an independent reference of the land classification, sample by sample.

``reference/oracle_grond.py`` is written from the dossier alone, in exact arithmetic. Random
samples (fixed seeds: a failure is reproducible) put standardised contents near and exactly at
the class limits, twice AW and the intervention values, with "< RG" results below and above
the required reporting limit, soil properties inside and outside the bounds of tabel 4, and up
to 55 substances so that every allowance threshold (2, 7, 16, 27, 37) is reached.
"""

from __future__ import annotations

import random
from collections import Counter
from fractions import Fraction

import polars as pl

from kwalibo.assessments.domain.engine import assess
from kwalibo.assessments.tests.reference import oracle_grond as oracle
from kwalibo.assessments.tests.reference.tables import decimal

F = Fraction
SINGLE = [name for name in oracle.SUBSTANCES if name not in oracle.PARTIAL_SUM_PARTS]
CHOSEN = [*SINGLE, *oracle.SUMS]
COUNTS = [1, 2, 3, 6, 7, 8, 15, 16, 17, 26, 27, 28, 36, 37, 38, 45]


def target(rng: random.Random, norm: dict[str, Fraction | None], low: float) -> Fraction:
    """A standardised content: mostly clean, else near (a quarter of the time at) a limit."""
    if rng.random() < low:
        aw = norm["aw"]
        assert aw is not None
        return aw * F(rng.randint(5, 100), 100)
    limits = [
        (weight, value)
        for weight, value in (
            (3, norm["aw"]),
            (3, 2 * norm["aw"] if norm["aw"] is not None else None),
            (3, norm["wonen"]),
            (1, norm["industrie"]),
            (1, norm["iw"]),
        )
        if value is not None
    ]
    (limit,) = rng.choices([v for _, v in limits], weights=[w for w, _ in limits])
    return limit if rng.random() < 0.25 else limit * F(rng.randint(800, 1200), 1000)


def single_value(rng: random.Random, name: str, lutum: Fraction, om: Fraction, low: float) -> str:
    spec = oracle.SPEC[name]
    factor = oracle.factor(spec["std"], lutum, om)
    content = target(rng, spec["norm"], low)
    if rng.random() < 0.12:  # "< RG": at, below or above the required limit
        if spec["rg"] is not None and rng.random() < 0.5:
            return "<" + decimal(spec["rg"] * rng.choice([F(1, 2), F(1), F(2), F(20)]))
        return "<" + decimal(content / (F(7, 10) * factor))
    return decimal(content / factor)


def sum_values(
    rng: random.Random, name: str, lutum: Fraction, om: Fraction, low: float
) -> dict[str, str]:
    spec = oracle.SPEC[name]
    parts = spec["components"]
    if rng.random() < 0.2:  # every part "< RG", some limits possibly above the required ones
        high = rng.random() < 0.5
        return {
            part: "<" + decimal(limit * (rng.choice([2, 10]) if high and rng.random() < 0.5 else 1))
            for part, limit in parts.items()
        }
    total = target(rng, spec["norm"], low) / oracle.factor(spec["std"], lutum, om)
    return {part: decimal(total / len(parts)) for part in parts}


def sample(seed: int) -> tuple[Fraction, Fraction, dict[str, str]]:
    rng = random.Random(seed)
    if rng.random() < 0.05:
        lutum, om = F(25), F(10)
    else:
        lutum = (
            F(rng.choice([1, 1.5, 2, 10, 30, 40]))
            if rng.random() < 0.15
            else F(rng.randint(10, 400), 10)
        )
        om = (
            F(rng.choice([0.5, 2, 10, 30, 35]))
            if rng.random() < 0.2
            else F(rng.randint(5, 350), 10)
        )
    low = rng.choice([0.45, 0.8, 0.9, 0.95, 0.97, 0.99])
    values: dict[str, str] = {}
    for name in rng.sample(CHOSEN, min(rng.choice(COUNTS), len(CHOSEN))):
        if name in oracle.SUMS:
            values |= sum_values(rng, name, lutum, om, low)
        else:
            values[name] = single_value(rng, name, lutum, om, low)
    return lutum, om, values


def engine_verdicts(
    samples: dict[str, tuple[Fraction, Fraction, dict[str, str]]],
) -> dict[str, dict]:
    rows = []
    for name, (lutum, om, values) in samples.items():
        rows += [(name, "lutum", decimal(lutum), "%"), (name, "organische stof", decimal(om), "%")]
        rows += [(name, parameter, value, "mg/kg ds") for parameter, value in values.items()]
    frame = pl.DataFrame(
        {
            "row": list(range(2, len(rows) + 2)),
            "sample": [r[0] for r in rows],
            "parameter": [r[1] for r in rows],
            "value_raw": [r[2] for r in rows],
            "unit": [r[3] for r in rows],
        }
    )
    return {v["sample"]: v for v in assess(frame, frame="grond").verdicts}


def test_the_engine_classes_every_random_sample_as_the_reference_does() -> None:
    samples = {f"S{seed}": sample(seed) for seed in range(2000)}
    verdicts = engine_verdicts(samples)

    disagreements = []
    seen: Counter[str] = Counter()
    for name, (lutum, om, values) in samples.items():
        klass, intervention, measured = oracle.classify(values, lutum, om)
        found = verdicts[name]
        seen[klass] += 1
        seen["intervention"] += intervention
        seen["allowance used"] += bool(found["allowance"]["used"])
        if (found["class"], found["intervention_exceeded"], found["allowance"]["measured"]) != (
            klass,
            intervention,
            measured,
        ):
            disagreements.append((name, found["class"], klass, found["allowance"], measured))

    assert disagreements == []
    # the comparison reaches every class, the flag and the allowance (it could miss a rule)
    assert min(seen[c] for c in ("achtergrondwaarde", "wonen", "industrie", "niet_toepasbaar")) > 25
    assert seen["intervention"] > 50
    assert seen["allowance used"] > 50


def test_the_reference_tells_the_rules_apart() -> None:
    """The comparison is as strong as the reference: it tells 0.7 x RG from the number."""
    lutum, om = F(25), F(10)
    below = {"koper": "<70"}  # 0.7 × 70 = 49: above AW 40, not above Wonen 54
    (found,) = engine_verdicts({"M": (lutum, om, below)}).values()
    assert found["class"] == oracle.classify(below, lutum, om)[0] == "wonen"
    assert oracle.classify({"koper": "70"}, lutum, om)[0] == "industrie"
