"""The substances of a rule set as one table per frame, indexed by an integer substance code.

The engine identifies each measurement's substance once and from then on carries its code, the
position of the substance in ``RuleSet.substances``. Everything the rules need per substance
(kind, standardisation constants, minimum reporting limit, the norm values of the frame's table,
whether it is a sum or a component of one) sits in the row at that position, so a million
measurements get their constants by a gather instead of a join.
"""

from __future__ import annotations

from collections.abc import Callable, Collection
from dataclasses import dataclass
from typing import Final

import polars as pl

from kwalibo.assessments.domain.frames import per_distinct
from kwalibo.assessments.domain.identification import cas_key_expr, parameter_key_expr
from kwalibo.assessments.domain.rules import RuleSet

CODE: Final = pl.UInt32()
TEQ_SUM: Final = "dioxine_teq"
ORGANOTIN_BASIS: Final = "mg Sn/kg ds"
#: Components that labs report combined, and the components each stands for: m- and p-xylene
#: co-elute, so a lab may give "m,p-xyleen" in their place. It counts as the components it
#: stands for, and where both forms are given the larger is used (``sums``).
COMBINED_COMPONENTS: Final = {
    "mp_xyleen": ("m_xyleen", "p_xyleen"),
    "mp_cresol": ("m_cresol", "p_cresol"),
}
#: The flag of a norm row that holds the maximum for a component that is not normed itself
#: (the aromatic solvents, Rbk 2015 Bijlage B tabel 1 voetnoot 6, tabel 2 voetnoot 7).
COMPONENT_MAXIMUM: Final = "component_maximum"

#: The norm columns of each frame under the engine's names (see ``classification``).
_NORMS: Final = {
    "grond": {
        "achtergrondwaarde": "aw",
        "wonen": "wonen",
        "industrie": "industrie",
        "interventiewaarde": "iw",
        "interventiewaarde_type": "interventiewaarde_type",
    },
    "waterbodem": {
        "achtergrondwaarde": "aw",
        "klasse_a": "klasse_a",
        "klasse_b": "klasse_b",
        "industrie": "industrie_in_water",
        "verspreiden_zout": "verspreiden_zout",
        "verspreiden_zout_max": "verspreiden_zout_max",
        "zout_niet_prioritair": "zout_niet_prioritair",
    },
}
_LAND: Final = {
    "achtergrondwaarde": "land_aw",
    "wonen": "land_wonen",
    "interventiewaarde": "land_iw",
    "aangrenzend_perceel_max": "aangrenzend_perceel_max",
    "in_mspaf": "in_mspaf",
}


@dataclass(frozen=True)
class Catalogue:
    """The rule set's substances for one frame.

    Attributes:
        rule_set: The rule set.
        frame: ``grond`` or ``waterbodem``.
        substances: One row per substance, row ``i`` for code ``i``: ``id`` (Categorical, as in
            the rule set), ``name``, ``kind``, ``is_soil``, ``is_info``, ``standardisation``
            and its constants ``a``, ``b``, ``c``, ``om_min``, ``om_max``, ``lutum_min``,
            ``rg``, ``organotin_basis``, ``is_pcb``, the norm columns of the frame and of the
            land table, ``has_value`` (a class value in the frame's table),
            ``component_maximum`` (the values are the maximum of a component that is not normed
            itself: they class, but the component is not counted among the measured
            substances of the allowances), ``is_component``
            (a component of a sum of the frame), ``has_components`` (a sum of the frame) and
            ``id_rank`` (position of the id in text order).
        aliases: ``key`` -> ``sub`` (the alias table with codes).
        sums: ``sum`` (code), ``component`` (code), ``factor``, ``adds`` (the component can
            make the sum computable: a positive factor, and not a PCB for the dioxin TEQ).
        expected: Number of components per sum, indexed by sum code (null for no sum); a
            combined component (``COMBINED_COMPONENTS``) is not one more.
        combined: ``component`` (code of a combined component such as m,p-xylene) and
            ``part`` (code of each component it stands for).
        land_sums: In water, the sums of the land table made of other components than the
            water-bed sum of the same name (the organochlorine pesticides' "som landbodem"):
            ``sum`` and each ``component`` of the land sum. The adjacent plot, tested against
            the land table, counts such a sum where all its components are measured.
        sub_sums: The sums that lie within a larger sum (Bijlage N: xylenen (som) within the
            aromatic solvents, DDT (som) within DDT/DDE/DDD (som)): ``sum`` (the larger),
            ``component`` (the sum within it), ``factor`` (the one of all its components in
            the larger sum), ``adds`` and ``weight`` (how many components it stands for). A
            sum the lab reports stands in for its components where none of them is measured.
        nested: Pairs of such sums, ``inner`` within ``outer``: a reported outer one is used
            instead of an inner one.
    """

    rule_set: RuleSet
    frame: str
    substances: pl.DataFrame
    aliases: pl.DataFrame
    sums: pl.DataFrame
    expected: pl.Series
    sub_sums: pl.DataFrame
    nested: pl.DataFrame
    combined: pl.DataFrame
    land_sums: pl.DataFrame

    @property
    def size(self) -> int:
        """How many substances there are (codes are ``0 .. size - 1``)."""
        return self.substances.height

    def codes_of(self, ids: set[str] | frozenset[str]) -> list[int]:
        """The codes of the substances with these ids."""
        return [i for i, name in enumerate(self.substances["id"].cast(pl.Utf8)) if name in ids]

    def column(self, name: str) -> pl.Series:
        """One column of ``substances``."""
        return self.substances.get_column(name)

    def identify(self, parameters: pl.Series, cas: pl.Series | None = None) -> pl.Series:
        """The substance code per row, as every reader of lab values identifies it: by the CAS
        number of a separate column when it names a substance, otherwise by the parameter as
        written (name in any spelling, Aquo code, SIKB0101 id or CAS number); null when
        neither does. Each distinct spelling is looked up once.
        """
        found = self._lookup(parameters, parameter_key_expr)
        if cas is not None and cas.null_count() < cas.len():
            found = pl.select(pl.coalesce(self._lookup(cas, cas_key_expr), found)).to_series()
        return found.rename("sub")

    def _lookup(self, column: pl.Series, key: Callable[[pl.Expr], pl.Expr]) -> pl.Series:
        def codes_of(values: pl.Series) -> pl.DataFrame:
            return (
                pl.DataFrame({"value": values})
                .select(key(pl.col("value")).alias("key"))
                .join(self.aliases, on="key", how="left", maintain_order="left")
                .select("sub")
            )

        return per_distinct(column.cast(pl.Utf8), codes_of).to_series()


_BUILT: dict[tuple[int, str], Catalogue] = {}


def outside_exempt(component: pl.Expr, total: pl.Expr, exempt: Collection[int]) -> pl.Expr:
    """Whether the pair is an exempt tare-soil substance (codes ``exempt``) in a sum that is
    not exempt itself: its values "gelden niet" (Rbk art 4.14.1), so it is left out of that
    sum (natural toluene of the aromatic solvents)."""
    codes = pl.Series(sorted(exempt), dtype=CODE).implode()
    return component.is_in(codes) & ~total.is_in(codes)


def catalogue(rule_set: RuleSet, frame: str) -> Catalogue:
    """The catalogue of ``rule_set`` for ``frame`` (built once per rule set and frame)."""
    key = (id(rule_set), frame)
    built = _BUILT.get(key)
    if built is None or built.rule_set is not rule_set:
        built = _BUILT[key] = _build(rule_set, frame)
    return built


def _build(rule_set: RuleSet, frame: str) -> Catalogue:
    base = rule_set.substances.with_row_index("sub").with_columns(pl.col("sub").cast(CODE))
    ids = base.select(pl.col("id").cast(pl.Utf8).alias("_id"), "sub")
    code_of = dict(zip(ids["_id"].to_list(), ids["sub"].to_list(), strict=True))

    def coded(column: pl.Expr) -> pl.Expr:
        return column.cast(pl.Utf8).replace_strict(code_of, default=None, return_dtype=CODE)

    constants = rule_set.standardisation.drop("note").rename({"key": "standardisation"})
    norms = rule_set.norms[frame].select(
        pl.col("substance").cast(pl.Utf8).alias("_id"),
        *[pl.col(source).alias(target) for source, target in _NORMS[frame].items()],
        pl.col("flags").fill_null("").str.contains(COMPONENT_MAXIMUM).alias("component_maximum"),
    )
    land = rule_set.norms["grond"].select(
        pl.col("substance").cast(pl.Utf8).alias("_id"),
        *[pl.col(source).alias(target) for source, target in _LAND.items()],
    )
    limits = rule_set.reporting_limits.select(pl.col("substance").cast(pl.Utf8).alias("_id"), "rg")
    definitions = rule_set.sums_for(frame)
    components = set(definitions["component"].cast(pl.Utf8).to_list())
    sums = set(definitions["sum"].cast(pl.Utf8).to_list())
    pcbs = set(rule_set.group("pcb"))
    # A sum whose components all enter the msPAF is judged by the msPAF too, not by the AW,
    # except the dioxin TEQ (Rbk Bijlage B tabel 1 voetnoot 2).
    in_mspaf = set(land.filter(pl.col("in_mspaf").fill_null(False))["_id"].to_list())
    members = _members(definitions)
    # A component counts as in the msPAF also when it lies within a sum that is (the isomers
    # of DDT (som) within the organochlorine pesticides' sum); repeated to a fixed point.
    covered = set(in_mspaf)
    mspaf_sums: set[str] = set()
    changed = True
    while changed:
        changed = False
        for total, parts in members.items():
            if total == TEQ_SUM:
                continue
            if total in covered and not parts <= covered:
                covered |= parts
                changed = True
            if total not in mspaf_sums and parts <= covered:
                mspaf_sums.add(total)
                covered.add(total)
                changed = True
    land_sums: list[tuple[str, str]] = []
    if frame == "waterbodem":
        # A sum of the land table made of other components is another substance (the
        # organochlorine pesticides' sum: "som landbodem" and "som waterbodem", Bijlage N): the
        # water-bed sum has no value of tabel 1, neither a Wonen value to cap its allowance nor
        # one for the adjacent plot.
        land_members = _members(rule_set.sums_for("grond"))
        other = sorted(t for t, p in members.items() if land_members.get(t, p) != p)
        land_sums = [(total, part) for total in other for part in sorted(land_members[total])]
        land = land.with_columns(
            pl.when(pl.col("_id").is_in(other)).then(None).otherwise(pl.col(target)).alias(target)
            for target in _LAND.values()
            if target != "in_mspaf"
        )
    if frame == "grond":
        has_value = pl.any_horizontal(pl.col(c).is_not_null() for c in ("aw", "wonen", "industrie"))
    else:
        has_value = pl.any_horizontal(
            pl.col(c).is_not_null() for c in ("aw", "klasse_a", "klasse_b")
        )
    substances = (
        base.with_columns(pl.col("id").cast(pl.Utf8).alias("_id"))
        .join(constants, on="standardisation", how="left", maintain_order="left")
        .join(limits, on="_id", how="left", maintain_order="left")
        .join(norms, on="_id", how="left", maintain_order="left")
        .join(land, on="_id", how="left", maintain_order="left")
        .with_columns(
            (pl.col("kind") == "soil_property").fill_null(False).alias("is_soil"),
            (pl.col("kind") == "info").fill_null(False).alias("is_info"),
            (pl.col("unit_basis") == ORGANOTIN_BASIS).fill_null(False).alias("organotin_basis"),
            pl.col("_id").is_in(list(pcbs)).alias("is_pcb"),
            has_value.alias("has_value"),
            pl.col("component_maximum").fill_null(False),
            pl.col("_id").is_in(list(components)).alias("is_component"),
            pl.col("_id").is_in(list(sums)).alias("has_components"),
            pl.col("_id").rank("ordinal").cast(CODE).alias("id_rank"),
            (pl.col("in_mspaf").fill_null(False) | pl.col("_id").is_in(sorted(mspaf_sums))).alias(
                "in_mspaf"
            ),
        )
        .sort("sub")
        .drop("_id")
    )
    if substances.height != base.height:
        raise ValueError(f"{rule_set.id}: a substance has two rows in one of its tables")
    aliases = rule_set.aliases.select("key", coded(pl.col("substance")).alias("sub"))
    sum_rows = definitions.select(
        coded(pl.col("sum")).alias("sum"),
        coded(pl.col("component")).alias("component"),
        "factor",
        (
            (pl.col("factor") > 0)
            & ~((pl.col("sum").cast(pl.Utf8) == TEQ_SUM) & pl.col("component").is_in(list(pcbs)))
        ).alias("adds"),
    )
    combined = [code_of[c] for c in COMBINED_COMPONENTS if c in code_of]
    # a combined component is another form of components listed already, not one more
    counts = (
        sum_rows.filter(~pl.col("component").is_in(combined))
        .group_by("sum")
        .agg(pl.len().alias("n"))
    )
    expected = (
        pl.DataFrame({"sum": pl.Series(range(base.height), dtype=CODE)})
        .join(counts, on="sum", how="left", maintain_order="left")
        .get_column("n")
    )
    sub_sums, nested = _sub_sums(sum_rows, code_of.get(TEQ_SUM), frozenset(combined))
    return Catalogue(
        rule_set=rule_set,
        frame=frame,
        substances=substances,
        aliases=aliases,
        sums=sum_rows,
        expected=expected,
        sub_sums=sub_sums,
        nested=nested,
        combined=pl.DataFrame(
            [
                (code_of[whole], code_of[part])
                for whole, parts in COMBINED_COMPONENTS.items()
                for part in parts
                if whole in code_of and part in code_of
            ],
            schema={"component": CODE, "part": CODE},
            orient="row",
        ),
        land_sums=pl.DataFrame(
            [(code_of[t], code_of[c]) for t, c in land_sums if t in code_of and c in code_of],
            schema={"sum": CODE, "component": CODE},
            orient="row",
        ),
    )


def _members(definitions: pl.DataFrame) -> dict[str, set[str]]:
    """Sum id -> the ids of its components, from sum definitions (``RuleSet.sums_for``)."""
    members: dict[str, set[str]] = {}
    for total, component in definitions.select(
        pl.col("sum").cast(pl.Utf8), pl.col("component").cast(pl.Utf8)
    ).iter_rows():
        members.setdefault(total, set()).add(component)
    return members


def _sub_sums(
    sum_rows: pl.DataFrame, teq: int | None, combined: frozenset[int] = frozenset()
) -> tuple[pl.DataFrame, pl.DataFrame]:
    """``Catalogue.sub_sums`` and ``Catalogue.nested`` from the sum definitions: a sum whose
    components (two or more) all belong to another sum with one and the same factor."""
    parts: dict[int, dict[int, float]] = {}
    for total, component, factor in sum_rows.select("sum", "component", "factor").iter_rows():
        parts.setdefault(int(total), {})[int(component)] = float(factor)
    rows = []
    for outer, members in parts.items():
        if outer == teq:
            continue
        for inner, own in parts.items():
            if inner == outer or len(own) < 2 or not own.keys() <= members.keys():
                continue
            factors = {members[c] for c in own}
            if len(factors) == 1 and set(own.values()) == {1.0}:
                rows.append((outer, inner, factors.pop(), len(own.keys() - combined)))
    sub_sums = pl.DataFrame(
        rows,
        schema={"sum": CODE, "component": CODE, "factor": pl.Float64, "weight": pl.UInt32},
        orient="row",
    ).with_columns((pl.col("factor") > 0).alias("adds"))
    nested = pl.DataFrame(
        [(inner, outer) for outer, inner, _, _ in rows],
        schema={"inner": CODE, "outer": CODE},
        orient="row",
    )
    return sub_sums, nested
