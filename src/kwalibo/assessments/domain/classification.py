"""Quality class per sample (or batch) against the norm tables, with the test rules of the Rbk.

Land (frame ``grond``, Rbk 2015 art 4.4.1 lid 1, 2, 6; Bijlage B tabel 1):
``achtergrondwaarde`` (≤ AW), ``wonen`` (> AW, ≤ Wonen), ``industrie`` (> Wonen, ≤ Industrie),
``niet_toepasbaar`` (> Industrie, or > the intervention value of the Circulaire bodemsanering
2013, which also raises ``intervention_exceeded``). Where Wonen or Industrie has no value the
material is classed Industrie (tabel 1 opmerking 2). A substance without an AW value (asbestos)
is not tested against AW, in either frame. A substance with an intervention value but no class
value (aldrin) is tested against the intervention value only and is not counted as measured.

Water bed and dredgings (frame ``waterbodem``, art 4.4.1 lid 3, 4, 6; tabel 2):
``achtergrondwaarde``, ``klasse_A`` (≤ A), ``klasse_B`` (≤ B = intervention value of the water
bed, ``intervention_exceeded`` above it), ``niet_toepasbaar`` (> B). An empty A or B column
means class B (tabel 2 opmerking 2).

A value exceeds a limit only when it is higher than the limit: at the limit it is still in the
class (art 4.4.1: a class holds material that "de maximale waarden ... niet overschrijdt"), also
when floating-point rounding of a standardisation, sum or mean lands a few units in the last
place above it (``LIMIT_TOLERANCE``). A value that may be assumed to comply (Bijlage G IV A) is
at background level.

Background-value allowance (art 4.2.2 lid 4, 5, 8): AW counts as not exceeded when, with at
least 2/7/16/27/37 measured substances that have a value in the table, at most 1/2/3/4/5 are
elevated, each at most 2 × AW and not above the Wonen value of tabel 1 (nickel is exempt from
the Wonen cap). "Measured substances with a value in the tables" is read as: norm rows of the
frame's table with at least one class value, sums counting once; not the rows that hold the
0.45 mg/kg ds maximum of an aromatic solvent that is not normed itself (tabel 1 voetnoot 6,
tabel 2 voetnoot 7), which class like any row but are not substances of the table; and not a
partial sum computed only from substances that are counted themselves (benzene alone in the
aromatic solvents' sum), which measured no substance more. A complete sum counts once, also
where its parts are normed themselves (the seven PCBs and PCB (som 7) of the water table are
eight). A substance of the land table without a Wonen value is Industrie above its AW (tabel 1
opmerking 2): it is not forgiven.

Wonen allowance for the receiving soil (art 4.10.2 lid 3, 4; only with ``receiving_soil``):
with at least 7/16/27/37 measured substances at most 2/3/4/5 may exceed Wonen, each by at most
the AW (≤ Wonen + AW), and none above Industrie.

Spreading of dredgings (frame ``waterbodem``):
* in fresh water (art 4.2.1 lid 3 b, 4.11.1): the Klasse A values ("verspreiden zoet"), and for
  substances without such a value the AW with the allowance of art 4.2.2 lid 4 and 5;
* on the adjacent plot (art 4.2.2 lid 3, tabel 1 voetnoot 2): the maximum values of tabel 1
  (cadmium 7.5, mineral oil 3000) and the land intervention values; substances outside the msPAF
  at AW with the allowance. A sum whose components all enter the msPAF counts as in the msPAF,
  except the dioxin TEQ (``Catalogue``). The msPAF itself needs toxicity data that the rule set
  lacks, and it is always part of the test (a substance not measured enters it at 0.7 × its
  determination limit, vn 2), so the verdict is ``onbepaald`` unless another check already
  fails;
* in salt water (art 4.2.2 lid 2, 4.11.1 lid 2, 3): measured (not standardised) contents against
  the salt-water values; at most two non-priority substances may exceed by at most 50 %, not the
  PCBs. Where a value depends on the salt-water area (tributyltin, tabel 2 voetnoot 13 en 14) and
  the content lies between them, the verdict is ``onbepaald``. A sample whose contents cannot
  be standardised is tested for salt water on them all the same (``salt_water``).

Tare soil (art 4.14.1, 4.14.2 lid 1, on request): cresols, phenol, toluene and mineral oil are
not tested when their presence is natural; monochloroanilines not in potato tare soil.
"""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass
from typing import Final

import polars as pl

from kwalibo.assessments.domain.catalogue import CODE, Catalogue, outside_exempt

LAND_CLASSES: Final = ("achtergrondwaarde", "wonen", "industrie", "niet_toepasbaar")
WATER_CLASSES: Final = ("achtergrondwaarde", "klasse_A", "klasse_B", "niet_toepasbaar")
CLASSES: Final = {"grond": LAND_CLASSES, "waterbodem": WATER_CLASSES}

#: art 4.2.2 lid 4: (minimum number measured, maximum number elevated), descending.
AW_ALLOWANCE: Final = ((37, 5), (27, 4), (16, 3), (7, 2), (2, 1))
#: art 4.10.2 lid 3.
WONEN_ALLOWANCE: Final = ((37, 5), (27, 4), (16, 3), (7, 2))
AW_ALLOWANCE_FACTOR: Final = 2.0  # art 4.2.2 lid 5
WONEN_CAP_EXEMPT: Final = frozenset({"nikkel"})  # art 4.2.2 lid 8
SALT_EXCESS_FACTOR: Final = 1.5  # art 4.11.1 lid 2
SALT_EXCESS_MAX: Final = 2  # art 4.11.1 lid 2
#: Relative margin of "higher than a limit" (art 4.2.2 lid 1: "hoger is dan"): a value that is
#: at the limit in exact arithmetic may come out a few units in the last place above it after
#: standardisation, a sum or a mean in floating point (30 × 36 / 27 gives 40.00000000000001);
#: it does not exceed the limit. Far below any digit a laboratory reports.
LIMIT_TOLERANCE: Final = 1e-12
#: A content only known to be higher than its number (a result above the lab's measuring
#: range, ">190", and the sums and means built on it) exceeds a limit its number is at: it is
#: compared as this much higher, just past the margin above.
ABOVE_BOUND: Final = 1 + 4 * LIMIT_TOLERANCE
TARE_SOIL_EXEMPT: Final = {
    "natural_presence": frozenset({"cresolen_som", "fenol", "tolueen", "minerale_olie"}),
    "potatoes": frozenset({"mclan_som"}),
}  # art 4.14.1; art 4.14.2 lid 1


@dataclass(frozen=True)
class Classified:
    """Items with their limits and parameter class, and one row per sample with the verdict."""

    items: pl.DataFrame
    samples: pl.DataFrame
    no_norm: pl.DataFrame


def exempt_as_tare_soil(tare_soil: Collection[str]) -> frozenset[str]:
    """The substances exempt as tare soil for the reasons given (art 4.14.1, 4.14.2 lid 1)."""
    exempt: set[str] = set()
    for reason in tare_soil:
        exempt |= TARE_SOIL_EXEMPT[reason]
    return frozenset(exempt)


def allowance_for(measured: int, table: tuple[tuple[int, int], ...] = AW_ALLOWANCE) -> int:
    """How many substances may be elevated with ``measured`` substances measured."""
    for minimum, allowed in table:
        if measured >= minimum:
            return allowed
    return 0


def exceeds(value: float, limit: float, *, lower_bound: bool = False) -> bool:
    """Whether one value is higher than a limit, beyond floating-point rounding; the checks
    that run on a verdict's explanation (emission, large scale, local maxima, location) use
    this so that they draw the line exactly where the classification does. A ``lower_bound``
    (the content is higher than ``value``) at the limit exceeds it (``ABOVE_BOUND``)."""
    return value * (ABOVE_BOUND if lower_bound else 1) > limit * (1 + LIMIT_TOLERANCE)


def _content(column: str, bounded: bool) -> pl.Expr:
    """A content as the limits are tested on it: a lower bound (``_lower_bound``, present when
    ``bounded``) just above its number (``ABOVE_BOUND``)."""
    if not bounded:
        return pl.col(column)
    return (
        pl.when(pl.col("_lower_bound")).then(pl.col(column) * ABOVE_BOUND).otherwise(pl.col(column))
    )


def _over(value: pl.Expr, limit: pl.Expr) -> pl.Expr:
    """Whether ``value`` is higher than ``limit``, beyond floating-point rounding."""
    return value > limit * (1 + LIMIT_TOLERANCE)


def _within(value: pl.Expr, limit: pl.Expr) -> pl.Expr:
    """Whether ``value`` does not exceed ``limit`` (null when the limit is null)."""
    return value <= limit * (1 + LIMIT_TOLERANCE)


def _allowance_expr(measured: pl.Expr, table: tuple[tuple[int, int], ...]) -> pl.Expr:
    expr: pl.Expr = pl.lit(0)
    for minimum, allowed in sorted(table):
        expr = pl.when(measured >= minimum).then(pl.lit(allowed)).otherwise(expr)
    return expr


#: The norm columns each frame's classification reads (``catalogue``).
NORM_COLUMNS: Final = {
    "grond": ("aw", "wonen", "industrie", "iw", "interventiewaarde_type", "land_wonen"),
    "waterbodem": (
        "aw",
        "klasse_a",
        "klasse_b",
        "industrie_in_water",
        "verspreiden_zout",
        "verspreiden_zout_max",
        "zout_niet_prioritair",
        "land_aw",
        "land_wonen",
        "land_iw",
        "aangrenzend_perceel_max",
        "in_mspaf",
    ),
}


def classify(
    items: pl.DataFrame,
    *,
    catalogue: Catalogue,
    frame: str,
    receiving_soil: bool = False,
    tare_soil: Collection[str] = (),
    counted_from: pl.DataFrame | None = None,
    lower_bounds: pl.DataFrame | None = None,
) -> Classified:
    """Parameter class per item and the class of each sample (see the module docstring).

    ``items`` are ``sums.ITEM_COLUMNS`` (sample code ``s``, substance code ``sub``); the norm
    values come from the catalogue by substance code. ``counted_from`` are the items as they
    would be if every measurement could be used (one that cannot at 0): a content that is
    unknown was still measured, and the allowances count it (``engine``). ``lower_bounds``
    (``s``, ``sub``) are the items whose content is only known to be higher than their number:
    at a limit they exceed it (``ABOVE_BOUND``).
    """
    exempt_codes = catalogue.codes_of(exempt_as_tare_soil(tare_soil))
    substances = catalogue.substances
    sub = pl.col("sub")
    tare_exempt = substances.get_column("sub").is_in(exempt_codes)
    # On land a substance with an intervention value but no class value (aldrin, Circulaire
    # bodemsanering 2013) is tested against that value only: it raises the intervention flag
    # and is not counted among the measured substances of the allowance. In water a row with
    # only an Industrie value (DDT, DDE, DDD (som), the phthalates; tabel 2 vn 3) classes
    # nothing either, but its value is kept for soil applied in water (Bbk art 59 lid 3, 63).
    # Tare soil (art 4.14.1, 4.14.2 lid 1) lifts the AW and the class maxima of its substances,
    # not the intervention value (art 4.4.1 lid 6): they are tested against that alone.
    limit_only = "iw" if frame == "grond" else "industrie_in_water"
    iw_only = (
        (~substances.get_column("has_value") & substances.get_column(limit_only).is_not_null())
        | tare_exempt
    ).rename("iw_only")
    assessed_codes = substances.get_column("has_value") | iw_only
    # A component is explained by its sum; one whose every sum goes unassessed (δ-HCH on land:
    # HCH (som) has no land value) is named by a no_norm message of its own.
    parts = pl.concat(
        [catalogue.sums.select("sum", "component"), catalogue.sub_sums.select("sum", "component")]
    )
    assessed_sums = parts.filter(pl.lit(assessed_codes).gather(pl.col("sum")))
    covered = substances.get_column("sub").is_in(assessed_sums.get_column("component").implode())
    is_part = substances.get_column("sub").is_in(parts.get_column("component").implode())
    if exempt_codes:
        # an exempt substance is left out of the other sums (``sums.substance_values``)
        parts = parts.filter(~outside_exempt(pl.col("component"), pl.col("sum"), exempt_codes))
    no_norm_codes = ~assessed_codes & (~is_part | ~covered)
    no_norm = items.lazy().filter(pl.lit(no_norm_codes).gather(sub)).select("s", "sub").collect()
    counted_codes = (
        substances.get_column("has_value") & ~iw_only & ~substances.get_column("component_maximum")
    )
    # The adjacent plot is tested against the land table (tabel 1 voetnoot 2), so its
    # allowance counts the substances of that table: the seven phthalates, not their water-bed
    # sum; PCB (som 7), not the seven PCBs of the water-bed table.
    land_codes = (
        (
            substances.get_column("land_aw").is_not_null()
            | substances.get_column("land_wonen").is_not_null()
        )
        & ~substances.get_column("component_maximum")
        if frame == "waterbodem"
        else None
    )
    pending = (
        items.lazy()
        .filter(pl.lit(assessed_codes).gather(sub))
        .with_columns(
            *[
                pl.lit(substances.get_column(column)).gather(sub).alias(column)
                for column in NORM_COLUMNS[frame]
            ],
            pl.lit(iw_only).gather(sub).alias("iw_only"),
            pl.lit(tare_exempt).gather(sub).alias("tare_exempt"),
        )
    )
    # among the measured substances of the allowances: a row that classes, other than the
    # maximum of a component that is not normed itself
    pending = _counted(pending, "counted", counted_codes, items, parts, catalogue.expected)
    if land_codes is not None:
        pending = _counted(pending, "land_counted", land_codes, items, parts, catalogue.expected)

    bounded = lower_bounds is not None and lower_bounds.height > 0
    if bounded:
        assert lower_bounds is not None
        pending = pending.with_columns(
            pl.struct("s", "sub")
            .is_in(lower_bounds.select(pl.struct("s", "sub")).to_series().implode())
            .alias("_lower_bound")
        )
    std = _content("standardised", bounded)
    ok = pl.col("compliant")
    aw = pl.col("aw")
    # an exempt tare-soil substance has no AW to exceed (art 4.14.1: the values "gelden niet"):
    # it takes no place in the allowance
    above_aw = ~ok & ~pl.col("tare_exempt") & aw.is_not_null() & _over(std, aw)
    if frame == "grond":
        wonen, industrie, iw = pl.col("wonen"), pl.col("industrie"), pl.col("iw")
        level = (
            pl.when(ok | pl.col("iw_only"))
            .then(0)
            .when(aw.is_not_null() & _within(std, aw))
            .then(0)
            .when(aw.is_null() & wonen.is_not_null() & _within(std, wonen))
            .then(0)
            .when(wonen.is_not_null() & _within(std, wonen))
            .then(1)
            .when(industrie.is_null() | _within(std, industrie))
            .then(2)
            .otherwise(3)
        )
        intervention = ~ok & iw.is_not_null() & _over(std, iw)
        # the rule for an empty column decided: above AW with no Wonen value, or above Wonen
        # with no Industrie value (Bijlage B tabel 1 opmerking 2)
        empty_column = above_aw & (wonen.is_null() | (industrie.is_null() & _over(std, wonen)))
    else:
        klasse_a, klasse_b = pl.col("klasse_a"), pl.col("klasse_b")
        level = (
            pl.when(ok | pl.col("iw_only"))
            .then(0)
            .when(aw.is_not_null() & _within(std, aw))
            .then(0)
            .when(aw.is_null() & klasse_a.is_not_null() & _within(std, klasse_a))
            .then(0)
            .when(klasse_a.is_not_null() & _within(std, klasse_a))
            .then(1)
            .when(klasse_b.is_null() | _within(std, klasse_b))
            .then(2)
            .otherwise(3)
        )
        intervention = ~ok & klasse_b.is_not_null() & _over(std, klasse_b)
        empty_column = above_aw & (klasse_a.is_null() | (klasse_b.is_null() & _over(std, klasse_a)))
    cap_exempt = catalogue.codes_of(WONEN_CAP_EXEMPT)
    # A substance of the land table without a Wonen value (hexachlorobutadiene, the
    # organochlorine pesticides' sum) is Industrie above its AW (tabel 1 opmerking 2): above
    # it, it is above what Wonen allows, and the allowance cannot forgive it. A substance of
    # the water table only has no Wonen value to be held to.
    in_land_table = (aw if frame == "grond" else pl.col("land_aw")).is_not_null()
    cap_ok = _within(std, AW_ALLOWANCE_FACTOR * aw) & (
        pl.col("sub").is_in(cap_exempt)
        | (pl.col("land_wonen").is_null() & ~in_land_table)
        | _within(std, pl.col("land_wonen")).fill_null(False)
    )
    assessed = pending.with_columns(
        above_aw.alias("above_aw"),
        intervention.alias("intervention"),
        empty_column.alias("empty_column"),
        pl.max_horizontal(level, pl.when(intervention).then(3).otherwise(0)).alias("level"),
        (above_aw & cap_ok).alias("allowance_cap_ok"),
    ).collect()
    # The conditions are columns first: a group-by sums plain columns several times faster
    # than expressions evaluated per group.
    per_sample = (
        assessed.select(
            "s",
            "level",
            # a partial sum that restates counted substances (``_counted``) is no substance of
            # its own among the elevated either: its parts take their places (its cap holds)
            (
                pl.col("above_aw")
                & ~(pl.lit(counted_codes).gather(pl.col("sub")) & ~pl.col("counted"))
            ).alias("above_aw"),
            (pl.col("above_aw") & ~pl.col("allowance_cap_ok")).alias("above_cap"),
            (~pl.col("above_aw") & (pl.col("level") > 0)).alias("other_above"),
            "intervention",
            "empty_column",
            "compliant",
            "counted",
        )
        .group_by("s")
        .agg(
            pl.col("counted").sum().alias("n_measured"),
            pl.col("level").max().alias("max_level"),
            pl.col("above_aw").sum().alias("n_above_aw"),
            pl.col("above_cap").sum().alias("n_above_cap"),
            pl.col("other_above").sum().alias("n_other_above"),
            pl.col("intervention").any().alias("intervention_exceeded"),
            pl.col("empty_column").any().alias("empty_column_used"),
            pl.col("compliant").any().alias("any_compliant"),
        )
    )
    counts = None
    if counted_from is not None:
        counts = _measured_counts(
            counted_from,
            assessed_codes=assessed_codes,
            counted_codes=counted_codes,
            land_codes=land_codes,
            parts=parts,
            expected=catalogue.expected,
        )
        per_sample = per_sample.drop("n_measured").join(
            counts.select("s", "n_measured"), on="s", how="left"
        )
    allowed = _allowance_expr(pl.col("n_measured"), AW_ALLOWANCE)
    per_sample = per_sample.with_columns(
        allowed.alias("aw_allowed"),
        (
            (pl.col("n_above_aw") >= 1)
            & (pl.col("n_above_aw") <= allowed)
            & (pl.col("n_above_cap") == 0)
            & (pl.col("n_other_above") == 0)
        ).alias("aw_allowance_used"),
    )
    per_sample = per_sample.with_columns(
        pl.when(pl.col("aw_allowance_used")).then(0).otherwise(pl.col("max_level")).alias("level")
    )
    wonen_used = pl.lit(False)
    if frame == "grond" and receiving_soil:
        wonen_check = (
            assessed.with_columns(
                (pl.col("level") == 2).alias("above_wonen"),
                (
                    (pl.col("level") == 2)
                    & pl.col("wonen").is_not_null()
                    & pl.col("industrie").is_not_null()
                    & _within(std, pl.col("wonen") + aw.fill_null(0))
                ).alias("wonen_cap_ok"),
            )
            .group_by("s")
            .agg(
                pl.col("above_wonen").sum().alias("n_above_wonen"),
                (pl.col("above_wonen") & ~pl.col("wonen_cap_ok")).sum().alias("n_above_wonen_cap"),
            )
        )
        per_sample = per_sample.join(wonen_check, on="s", how="left")
        wonen_allowed = _allowance_expr(pl.col("n_measured"), WONEN_ALLOWANCE)
        wonen_used = (
            (pl.col("level") == 2)
            & (pl.col("n_above_wonen") >= 1)
            & (pl.col("n_above_wonen") <= wonen_allowed)
            & (pl.col("n_above_wonen_cap") == 0)
        )
        per_sample = per_sample.with_columns(
            wonen_allowed.alias("wonen_allowed"), wonen_used.alias("wonen_allowance_used")
        ).with_columns(
            pl.when(pl.col("wonen_allowance_used"))
            .then(1)
            .otherwise(pl.col("level"))
            .alias("level")
        )
    classes = CLASSES[frame]
    names = pl.lit(pl.Series(classes, dtype=pl.Utf8))
    per_sample = per_sample.with_columns(names.gather(pl.col("level")).alias("class"))
    if frame == "waterbodem":
        per_sample = per_sample.join(
            _spreading(
                assessed,
                catalogue.codes_of(frozenset(catalogue.rule_set.group("pcb"))),
                catalogue.codes_of(WONEN_CAP_EXEMPT),
                counts=_spreading_counts(
                    counts,
                    assessed,
                    _complete_land_sums(
                        counted_from if counted_from is not None else items, catalogue.land_sums
                    ),
                ),
                bounded=bounded,
            ),
            on="s",
            how="left",
        )
    assessed = assessed.with_columns(
        names.gather(pl.col("level")).alias("parameter_class"),
        # classes nothing: the table gives it only an intervention value (land) or only an
        # Industrie value (water bed); tare soil has its own flag
        (pl.col("iw_only") & ~pl.col("tare_exempt")).alias("limit_only"),
    ).drop(
        "iw_only",
        "counted",
        *(["land_counted"] if frame == "waterbodem" else []),
        *(["_lower_bound"] if bounded else []),
    )
    return Classified(items=assessed, samples=per_sample, no_norm=no_norm)


def _counted(
    pending: pl.LazyFrame,
    column: str,
    codes: pl.Series,
    items: pl.DataFrame,
    parts: pl.DataFrame,
    expected: pl.Series,
) -> pl.LazyFrame:
    """``pending`` with ``column``: whether the row counts among the measured substances
    (``codes``), except a partial sum computed only from substances that count themselves
    (benzene alone in the aromatic solvents): it measured nothing more, one result is one
    substance (``_partial_sums_repeating_counted``)."""
    pending = pending.with_columns(pl.lit(codes).gather(pl.col("sub")).alias(column))
    repeats = _partial_sums_repeating_counted(items, parts, codes, expected)
    if repeats.height == 0:
        return pending
    return (
        pending.join(repeats.lazy(), on=["s", "sub"], how="left")
        .with_columns(pl.col(column) & ~pl.col("_repeats").fill_null(False))
        .drop("_repeats")
    )


def _partial_sums_repeating_counted(
    items: pl.DataFrame, parts: pl.DataFrame, counted_codes: pl.Series, expected: pl.Series
) -> pl.DataFrame:
    """``s``, ``sub`` and ``_repeats`` (true) of the computed sums that lack components and
    whose measured parts, in that sample, are all counted substances themselves: such a sum
    restates them and adds no substance to the number measured (art 4.2.2 lid 4 counts
    substances). A complete sum is the table's row as Bijlage N defines it and counts once, as
    a sum parameter does ("a sum parameter such as PAK-10 counts as one measurement", Bodem+),
    also where its parts have values of their own (the seven PCBs and PCB (som 7) of the water
    table are eight); so does a sum that holds a part not counted itself (a PAH, an o-xylene,
    a trimethylbenzene), which it stands for."""
    parts = parts.select("sum", "component").with_columns(
        pl.lit(counted_codes).gather(pl.col("component")).alias("part_counted")
    )
    # only sums with a counted part can repeat (none in a file of metals, PAHs and PCBs)
    candidates = parts.filter(pl.col("part_counted").any().over("sum"))
    if candidates.height == 0:
        return pl.DataFrame(schema={"s": CODE, "sub": CODE, "_repeats": pl.Boolean})
    may_repeat = pl.repeat(False, counted_codes.len(), eager=True).scatter(
        candidates.get_column("sum").unique(), True
    )
    computed = items.filter(
        pl.col("computed")
        & pl.lit(may_repeat).gather(pl.col("sub"))
        & (pl.col("n_components") < pl.lit(expected).gather(pl.col("sub")))
    ).select("s", "sub")
    if computed.height == 0:
        return pl.DataFrame(schema={"s": CODE, "sub": CODE, "_repeats": pl.Boolean})
    present = (
        items.lazy()
        .select("s", pl.col("sub").alias("component"))
        .join(candidates.lazy(), on="component")
        .group_by("s", "sum")
        .agg(pl.col("part_counted").all().alias("_repeats"))
        .filter(pl.col("_repeats"))
        .rename({"sum": "sub"})
        .collect()
    )
    return computed.join(present, on=["s", "sub"]).cast({"s": CODE, "sub": CODE})


def salt_area_dependent(*, bounded: bool = False) -> pl.Expr:
    """An item over its lowest salt-water value but not over its highest: whether it may be
    spread in salt water depends on the area (tributyltin: 0.25 mg Sn/kg ds in the Waddenzee
    and Zeeuwse Delta, 0.115 along the North Sea coast; Bijlage B tabel 2 voetnoot 13 en 14).
    ``bounded``: the items have ``_lower_bound`` (``_content``)."""
    value = _content("value_used", bounded)
    return (
        ~pl.col("compliant")
        & pl.col("verspreiden_zout").is_not_null()
        & pl.col("verspreiden_zout_max").is_not_null()
        & _over(value, pl.col("verspreiden_zout"))
        & _within(value, pl.col("verspreiden_zout_max"))
    )


def _measured_counts(
    items: pl.DataFrame,
    *,
    assessed_codes: pl.Series,
    counted_codes: pl.Series,
    land_codes: pl.Series | None,
    parts: pl.DataFrame,
    expected: pl.Series,
) -> pl.DataFrame:
    """``s``, ``n_measured`` and ``n_land_measured`` (0 on land) of ``items``: the number of
    measured substances each allowance counts (``_counted``)."""
    rows = items.lazy().filter(pl.lit(assessed_codes).gather(pl.col("sub"))).select("s", "sub")
    rows = _counted(rows, "counted", counted_codes, items, parts, expected)
    if land_codes is not None:
        rows = _counted(rows, "land_counted", land_codes, items, parts, expected)
    else:
        rows = rows.with_columns(pl.lit(False).alias("land_counted"))
    return (
        rows.group_by("s")
        .agg(
            pl.col("counted").sum().alias("n_measured"),
            pl.col("land_counted").sum().alias("n_land_measured"),
        )
        .collect()
    )


def _complete_land_sums(items: pl.DataFrame, land_sums: pl.DataFrame) -> pl.DataFrame | None:
    """``s`` and ``_land_sums``: per sample the sums of the land table that the water-bed
    table defines otherwise and of which every component is measured (``Catalogue.land_sums``:
    the land OCB sum); ``None`` for none."""
    if land_sums.height == 0:
        return None
    size = land_sums.group_by("sum").agg(pl.len().alias("_size"))
    complete = (
        items.select("s", pl.col("sub").alias("component"))
        .join(land_sums, on="component")
        .group_by("s", "sum")
        .agg(pl.len().alias("_present"))
        .join(size, on="sum")
        .filter(pl.col("_present") == pl.col("_size"))
        .group_by("s")
        .agg(pl.len().cast(pl.UInt32).alias("_land_sums"))
    )
    return complete if complete.height else None


def _spreading_counts(
    counts: pl.DataFrame | None, assessed: pl.DataFrame, land_sums: pl.DataFrame | None
) -> pl.DataFrame | None:
    """The numbers measured of the spreading verdicts' allowances (``s``, ``n_measured``,
    ``n_land_measured``) where they are not the items' own: counted from other items
    (``counts``) or with complete land sums added; ``None`` where they are."""
    if land_sums is None:
        return counts
    if counts is None:
        counts = assessed.group_by("s").agg(
            pl.col("counted").sum().alias("n_measured"),
            pl.col("land_counted").sum().alias("n_land_measured"),
        )
    return (
        counts.join(land_sums, on="s", how="left")
        .with_columns(pl.col("n_land_measured") + pl.col("_land_sums").fill_null(0))
        .drop("_land_sums")
    )


def _spreading(
    items: pl.DataFrame,
    pcbs: list[int],
    cap_exempt: list[int],
    *,
    counts: pl.DataFrame | None = None,
    bounded: bool = False,
) -> pl.DataFrame:
    """Spreading verdicts per sample of dredgings (see the module docstring); ``counts``
    (``_spreading_counts``) replace the items' own numbers measured; ``bounded``: the items
    have ``_lower_bound`` (``_content``)."""
    std = _content("standardised", bounded)
    measured = _content("value_used", bounded)
    ok = pl.col("compliant")
    land_aw = pl.col("land_aw")
    checks = items.with_columns(
        # Fresh water: Klasse A values; AW with the allowance where there is no A value.
        (~ok & pl.col("klasse_a").is_not_null() & _over(std, pl.col("klasse_a"))).alias(
            "fresh_over"
        ),
        (pl.col("klasse_a").is_null() & pl.col("above_aw")).alias("fresh_aw"),
        (pl.col("klasse_a").is_null() & pl.col("above_aw") & ~pl.col("allowance_cap_ok")).alias(
            "fresh_aw_cap"
        ),
        # Adjacent plot: tabel 1 maxima, land intervention values, AW outside the msPAF.
        (
            ~ok
            & (
                (
                    pl.col("aangrenzend_perceel_max").is_not_null()
                    & _over(std, pl.col("aangrenzend_perceel_max"))
                )
                | (pl.col("land_iw").is_not_null() & _over(std, pl.col("land_iw")))
            )
        ).alias("adjacent_over"),
        (
            ~pl.col("in_mspaf").fill_null(False)
            & pl.col("aangrenzend_perceel_max").is_null()
            & ~ok
            & land_aw.is_not_null()
            & _over(std, land_aw)
        ).alias("adjacent_aw"),
        (
            ~pl.col("in_mspaf").fill_null(False)
            & pl.col("aangrenzend_perceel_max").is_null()
            & ~ok
            & land_aw.is_not_null()
            & _over(std, land_aw)
            & ~(
                _within(std, AW_ALLOWANCE_FACTOR * land_aw)
                & (
                    pl.col("sub").is_in(cap_exempt)
                    # a land row without a Wonen value is Industrie above its AW (tabel 1
                    # opmerking 2): not forgiven, as in the class
                    | _within(std, pl.col("land_wonen")).fill_null(False)
                )
            )
        ).alias("adjacent_aw_cap"),
        # Salt water: measured contents, no standardisation.
        (
            ~ok
            & pl.col("verspreiden_zout").is_not_null()
            & _over(measured, pl.col("verspreiden_zout"))
        ).alias("salt_over"),
        (
            pl.col("zout_niet_prioritair").fill_null(False)
            & ~pl.col("sub").is_in(pcbs)
            & _within(measured, SALT_EXCESS_FACTOR * pl.col("verspreiden_zout"))
        ).alias("salt_tolerable"),
        salt_area_dependent(bounded=bounded).alias("salt_area"),
    )
    allowed = _allowance_expr(pl.col("n_measured"), AW_ALLOWANCE)
    allowed_on_land = _allowance_expr(pl.col("n_land_measured"), AW_ALLOWANCE)
    per_sample = checks.group_by("s").agg(
        pl.col("counted").sum().alias("n_measured"),
        pl.col("land_counted").sum().alias("n_land_measured"),
        pl.col("fresh_over").sum().alias("fresh_over"),
        pl.col("fresh_aw").sum().alias("fresh_aw"),
        pl.col("fresh_aw_cap").sum().alias("fresh_aw_cap"),
        pl.col("adjacent_over").sum().alias("adjacent_over"),
        pl.col("adjacent_aw").sum().alias("adjacent_aw"),
        pl.col("adjacent_aw_cap").sum().alias("adjacent_aw_cap"),
        pl.col("salt_over").sum().alias("salt_over"),
        (pl.col("salt_over") & ~pl.col("salt_tolerable")).sum().alias("salt_intolerable"),
        pl.col("salt_area").sum().alias("salt_area"),
        (pl.col("salt_area") & ~pl.col("salt_tolerable")).sum().alias("salt_area_intolerable"),
    )
    if counts is not None:
        per_sample = per_sample.drop("n_measured", "n_land_measured").join(
            counts.select("s", "n_measured", "n_land_measured"), on="s", how="left"
        )
    fresh_ok = (pl.col("fresh_over") == 0) & (
        (pl.col("fresh_aw") == 0)
        | ((pl.col("fresh_aw") <= allowed) & (pl.col("fresh_aw_cap") == 0))
    )
    adjacent_fail = (pl.col("adjacent_over") > 0) | (
        (pl.col("adjacent_aw") > 0)
        & ((pl.col("adjacent_aw") > allowed_on_land) | (pl.col("adjacent_aw_cap") > 0))
    )
    salt_ok = (pl.col("salt_intolerable") == 0) & (pl.col("salt_over") <= SALT_EXCESS_MAX)
    # Met where the area allows the highest of a substance's salt-water values (tributyltin).
    salt_ok_in_some_area = (pl.col("salt_intolerable") - pl.col("salt_area_intolerable") == 0) & (
        pl.col("salt_over") - pl.col("salt_area") <= SALT_EXCESS_MAX
    )
    return per_sample.select(
        "s",
        pl.when(fresh_ok)
        .then(pl.lit("verspreidbaar"))
        .otherwise(pl.lit("niet_verspreidbaar"))
        .alias("spreading_fresh"),
        # the msPAF is always part of the test, a substance not measured at 0.7 × its
        # determination limit (tabel 1 voetnoot 2), and cannot be computed here
        pl.when(adjacent_fail)
        .then(pl.lit("niet_verspreidbaar"))
        .otherwise(pl.lit("onbepaald"))
        .alias("spreading_adjacent"),
        pl.when(salt_ok)
        .then(pl.lit("verspreidbaar"))
        .when(salt_ok_in_some_area)
        .then(pl.lit("onbepaald"))
        .otherwise(pl.lit("niet_verspreidbaar"))
        .alias("spreading_salt"),
    )
