"""Invariants of the engine, checked with hypothesis."""

from __future__ import annotations

import polars as pl
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from kwalibo.assessments.domain.classification import CLASSES
from kwalibo.assessments.domain.engine import assess
from kwalibo.assessments.domain.identification import compact_name, compact_name_expr
from kwalibo.assessments.domain.rules import load_rule_set
from kwalibo.assessments.tests.builders import measurements, sample

# Substances with norms in both tables, metals and organics, a sum and its components. Free
# cyanide is left out on purpose: it enters complex cyanide with factor −1, so raising it can
# lower complex cyanide (a property of the regulation, not of the engine).
PARAMETERS = (
    "koper",
    "zink",
    "lood",
    "nikkel",
    "kwik",
    "cadmium",
    "arseen",
    "minerale olie",
    "naftaleen",
    "fenantreen",
    "PCB 28",
    "PCB 153",
    "cyanide (totaal)",
    "tolueen",
)
values = st.floats(min_value=0, max_value=2000, allow_nan=False, allow_infinity=False)
soil = st.floats(min_value=0, max_value=60, allow_nan=False)
SETTINGS = settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def class_level(frame: str, rows: list[tuple[object, ...]], **options: object) -> int:
    (verdict,) = assess(measurements(rows), frame=frame, **options).verdicts  # type: ignore[arg-type]
    return CLASSES[frame].index(verdict["class"])


@SETTINGS
@given(
    frame=st.sampled_from(["grond", "waterbodem"]),
    contents=st.dictionaries(st.sampled_from(PARAMETERS), values, min_size=1, max_size=8),
    lutum=soil,
    organic_matter=soil,
    raised=st.data(),
    receiving=st.booleans(),
)
def test_raising_one_value_never_improves_the_class(
    frame: str,
    contents: dict[str, float],
    lutum: float,
    organic_matter: float,
    raised: st.DataObject,
    receiving: bool,
) -> None:
    # both are parts of the dry matter (more together is refused as impossible)
    assume(lutum + organic_matter <= 100)
    options = {"receiving_soil": receiving and frame == "grond"}
    rows = sample(
        "M1", {k: repr(v) for k, v in contents.items()}, lutum=lutum, organic_matter=organic_matter
    )
    before = class_level(frame, rows, **options)
    parameter = raised.draw(st.sampled_from(sorted(contents)))
    extra = raised.draw(st.floats(min_value=0, max_value=5000, allow_nan=False))
    higher = dict(contents) | {parameter: contents[parameter] + extra}
    rows = sample(
        "M1", {k: repr(v) for k, v in higher.items()}, lutum=lutum, organic_matter=organic_matter
    )
    assert class_level(frame, rows, **options) >= before


@SETTINGS
@given(contents=st.dictionaries(st.sampled_from(PARAMETERS), values, min_size=1, max_size=8))
def test_standard_soil_leaves_values_unchanged(contents: dict[str, float]) -> None:
    result = assess(
        measurements(sample("M1", {k: repr(v) for k, v in contents.items()})), frame="grond"
    )
    table = result.parameter_table().filter(pl.col("origin") == "measured")
    for used, standardised in zip(
        table["value_used_mg_kg_ds"], table["standardised_mg_kg_ds"], strict=True
    ):
        assert abs(used - standardised) <= 1e-9 * max(1.0, abs(used))


@settings(max_examples=60, deadline=None)
@given(text=st.text(st.characters(codec="latin-1") | st.sampled_from("αβγδεμµ’‘–"), max_size=30))
def test_python_and_polars_keys_agree(text: str) -> None:
    frame = pl.DataFrame({"t": [text]}).select(compact_name_expr(pl.col("t")))
    assert frame.item() == compact_name(text)


def test_every_alias_of_the_rule_set_is_found_by_the_engine() -> None:
    rules = load_rule_set("rbk-2015")
    rows = rules.alias_rows.filter(pl.col("kind") != "cas")
    frame = pl.DataFrame({"t": rows["alias"]}).select(compact_name_expr(pl.col("t")))
    assert frame["t"].to_list() == [compact_name(alias) for alias in rows["alias"]]


#: A reported sum within a larger one, a component of it, the larger sum and its frame.
INNER_SUMS = (
    ("amfibool", "amosiet", "asbest", "grond"),
    ("DDT (som)", "2,4-DDT", "ddx_som", "waterbodem"),
    ("xylenen (som)", "o-xyleen", "aromatische_oplosmiddelen_som", "grond"),
)


def _sum_value(frame: str, values: dict[str, str], substance: str) -> float:
    (verdict,) = assess(measurements(sample("M1", values)), frame=frame).verdicts
    (found,) = [p for p in verdict["explanation"]["parameters"] if p["parameter"] == substance]
    return float(found["value_used"])


@SETTINGS
@given(
    case=st.sampled_from(INNER_SUMS),
    reported=st.floats(min_value=0.01, max_value=100, allow_nan=False),
    listed=st.floats(min_value=0, max_value=200, allow_nan=False),
)
def test_listing_a_component_of_a_reported_inner_sum_never_lowers_the_larger_sum(
    case: tuple[str, str, str, str], reported: float, listed: float
) -> None:
    """A lab that lists one component beside the sum it reports measured no less: the larger
    sum takes the reported sum, or the component where that is higher (it was once dropped
    to the component alone)."""
    inner, component, outer, frame = case
    without = _sum_value(frame, {inner: repr(reported)}, outer)
    with_component = _sum_value(frame, {inner: repr(reported), component: repr(listed)}, outer)
    assert with_component >= without * (1 - 1e-9)
