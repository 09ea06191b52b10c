"""From measurements as written to standardised values per sample and substance, vectorised.

Steps, each a set of Polars expressions over all measurements at once:

1. Identify the parameter (name, CAS, Aquo code, SIKB0101 id; ``identification``) and parse the
   value as written: decimal comma or point, a ``<`` prefix for results below the reporting
   limit (``"<0.2"``, ``"< 0,05"``). Units are converted to mg/kg dry matter.
2. Bad input becomes a message per sample and parameter (unknown parameter, missing or
   non-numeric or negative value, unknown unit, a percentage where a mass fraction belongs)
   and the measurement is left out; nothing raises.
3. Lutum and organic matter per sample (percent; organic matter may come from organic carbon ×
   1.724, the rule for saline dredgings, Rbk Bijlage G III).
4. Values below the reporting limit, Rbk art 4.2.2 lid 7 and Bijlage G IV A: a result "< RG"
   whose RG is at or below the minimum reporting limit of tabel 1 may be assumed to comply;
   with a higher RG, or without a tabel 1 limit, 0.7 × RG is tested. In sums and means every
   component "< RG" counts as 0.7 × RG; when all of them are below the minimum reporting
   limit, compliance may be assumed. The 0.7 factor is applied to the measured content,
   before standardisation (the regulation does not say which comes first; interpretation).
5. Standardisation per measurement (``standardisation``, Bijlage G III).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Final

import polars as pl

from kwalibo.assessments.domain.identification import (
    MASS_UNITS,
    PERCENT_UNITS,
    cas_key_expr,
    parameter_key_expr,
    unit_key_expr,
)
from kwalibo.assessments.domain.rules import RuleSet
from kwalibo.assessments.domain.standardisation import bounded_exprs, factor_expr

BELOW_LIMIT_FACTOR: Final = 0.7  # Rbk Bijlage G IV A
ORGANIC_CARBON_TO_MATTER: Final = 1.724  # Rbk Bijlage G III (zoute baggerspecie)
_TOLERANCE: Final = 1e-9  # relative; comparisons "at or below" survive unit conversion

REQUIRED_COLUMNS: Final = ("row", "sample", "parameter", "value_raw", "unit")
MESSAGE_SCHEMA: Final = pl.Schema(
    {
        "sample": pl.Utf8(),
        "parameter": pl.Utf8(),
        "row": pl.Int64(),
        "code": pl.Utf8(),
        "value": pl.Utf8(),
        "unit": pl.Utf8(),
        "detail": pl.Utf8(),
    }
)


@dataclass(frozen=True)
class Prepared:
    """The measurements after identification, parsing, RG rule and standardisation.

    Attributes:
        values: One row per usable measurement of a substance: ``row``, ``sample``,
            ``parameter`` (as written), ``substance``, ``value_raw``, ``unit``, ``below``,
            ``value_mg`` (reported number in mg/kg ds), ``rg`` (tabel 1 limit), ``compliant``
            (may be assumed to comply), ``value_used`` (0.7 × RG for "<" results), the
            standardisation inputs and ``factor``, and ``standardised``.
        soil: One row per sample with ``lutum`` and ``organic_matter`` (null when absent).
        messages: Message rows (see ``MESSAGE_SCHEMA``).
    """

    values: pl.DataFrame
    soil: pl.DataFrame
    messages: pl.DataFrame


def empty_messages() -> pl.DataFrame:
    """A message table without rows."""
    return pl.DataFrame(schema=MESSAGE_SCHEMA)


def _messages(
    frame: pl.DataFrame, code: pl.Expr | str, detail: pl.Expr | None = None
) -> pl.DataFrame:
    return frame.select(
        pl.col("sample"),
        pl.col("parameter"),
        pl.col("row"),
        (pl.lit(code) if isinstance(code, str) else code).alias("code"),
        pl.col("value_raw").alias("value"),
        pl.col("unit"),
        (detail if detail is not None else pl.lit(None, dtype=pl.Utf8())).alias("detail"),
    ).cast(MESSAGE_SCHEMA)


def _number_expr(text: pl.Expr) -> pl.Expr:
    """Parse '12,5' and '0.05' as numbers (null when not a number): one decimal comma or point."""
    return text.str.replace(",", ".", literal=True).cast(pl.Float64, strict=False)


def _grouped_number_expr(text: pl.Expr) -> pl.Expr:
    """Parse '1.234,5' (thousands point, decimal comma) and '1,234.5' (the reverse)."""
    comma_last = text.str.find(",", literal=True) > text.str.find(".", literal=True)
    return (
        pl.when(comma_last)
        .then(text.str.replace_all(".", "", literal=True).str.replace(",", ".", literal=True))
        .otherwise(text.str.replace_all(",", "", literal=True))
        .cast(pl.Float64, strict=False)
    )


def normalise_input(measurements: pl.DataFrame) -> pl.DataFrame:
    """The input columns with their types; missing optional columns are added as nulls.

    Raises:
        ValueError: A required column is missing (a programming error of the caller: the
            readers always return all columns).
    """
    missing = [column for column in REQUIRED_COLUMNS if column not in measurements.columns]
    if missing:
        raise ValueError(f"measurements lack the columns {missing}")
    return measurements.select(
        pl.col("row").cast(pl.Int64, strict=False),
        pl.col("sample").cast(pl.Utf8).str.strip_chars(),
        # Parameter, value and unit are stripped where they are interpreted. Parameter, unit and
        # CAS number repeat over the rows: as Categorical they are looked up once per spelling.
        pl.col("parameter").cast(pl.Utf8).cast(pl.Categorical),
        pl.col("value_raw").cast(pl.Utf8),
        pl.col("unit").cast(pl.Utf8).cast(pl.Categorical),
        (pl.col("cas").cast(pl.Utf8) if "cas" in measurements.columns else pl.lit(None, pl.Utf8))
        .cast(pl.Categorical)
        .alias("cas"),
        (
            pl.col("sampling_date").cast(pl.Date, strict=False)
            if "sampling_date" in measurements.columns
            else pl.lit(None, pl.Date)
        ).alias("sampling_date"),
    )


def _lookup(data: pl.DataFrame, rule_set: RuleSet, frame: str) -> pl.DataFrame:
    """Per distinct (parameter, cas, unit): substance, its constants and the static errors.

    A lab file repeats a few dozen parameter names and units over all its rows, so names are
    compacted, looked up and checked once per spelling and the result is joined back.
    """
    aliases = rule_set.aliases
    substances = rule_set.substances.select(
        pl.col("id").alias("substance"), "kind", "standardisation", "unit_basis"
    )
    constants = rule_set.standardisation.drop("note").rename({"key": "standardisation"})
    lookup = (
        data.select("parameter", "cas", "unit")
        .unique()
        .with_columns(
            parameter_key_expr(pl.col("parameter").cast(pl.Utf8)).alias("_key"),
            cas_key_expr(pl.col("cas").cast(pl.Utf8)).alias("_cas_key"),
            unit_key_expr(pl.col("unit").cast(pl.Utf8).fill_null("")).alias("_unit_key"),
        )
        .join(aliases.rename({"key": "_key", "substance": "_by_name"}), on="_key", how="left")
        .join(
            aliases.rename({"key": "_cas_key", "substance": "_by_cas"}), on="_cas_key", how="left"
        )
        .with_columns(pl.coalesce("_by_cas", "_by_name").alias("substance"))
        .join(substances, on="substance", how="left")
        .join(rule_set.reporting_limits, on="substance", how="left")
        .join(constants, on="standardisation", how="left")
        .with_columns(
            pl.col("_unit_key")
            .replace_strict(MASS_UNITS, default=None, return_dtype=pl.Float64)
            .alias("_mass_factor"),
            pl.col("_unit_key").is_in(list(PERCENT_UNITS)).alias("_is_percent"),
        )
    )
    soil_kind = pl.col("kind") == "soil_property"
    identification_error = (
        pl.when(pl.col("substance").is_null())
        .then(pl.lit("unknown_parameter"))
        .when(pl.col("kind") == "info")
        .then(pl.lit("not_used"))
    )
    unit_error = (
        pl.when(pl.col("_unit_key") == "")
        .then(pl.lit("missing_unit"))
        .when(soil_kind & ~pl.col("_is_percent"))
        .then(pl.lit("percent_expected"))
        .when(~soil_kind & pl.col("_is_percent"))
        .then(pl.lit("mass_fraction_expected"))
        .when(~soil_kind & pl.col("_mass_factor").is_null())
        .then(pl.lit("unknown_unit"))
    )
    organotin_plain = (pl.col("unit_basis") == "mg Sn/kg ds") & ~pl.col("_unit_key").str.contains(
        "sn", literal=True
    )
    return lookup.with_columns(
        identification_error.alias("_id_error"),
        unit_error.alias("_unit_error"),
        organotin_plain.fill_null(False).alias("_organotin_plain"),
        (pl.col("kind") == "soil_property").fill_null(False).alias("_soil"),
    ).select(
        "parameter",
        "cas",
        "unit",
        pl.col("substance").cast(pl.Categorical),
        "kind",
        "standardisation",
        "rg",
        "a",
        "b",
        "c",
        "om_min",
        "om_max",
        "lutum_min",
        "_mass_factor",
        "_id_error",
        "_unit_error",
        "_organotin_plain",
        "_soil",
    )


def prepare(measurements: pl.DataFrame, *, rule_set: RuleSet, frame: str) -> Prepared:
    """Identify, parse, check and standardise every measurement (see the module docstring)."""
    data = normalise_input(measurements)
    lookup = _lookup(data, rule_set, frame)
    text = pl.col("value_raw").fill_null("")
    data = (
        data.join(lookup, on=["parameter", "cas", "unit"], how="left", nulls_equal=True)
        .with_columns(
            pl.col("sample").cast(pl.Categorical),
            text.str.starts_with("<").alias("below"),
            text.str.strip_chars_start("<=\u00a0 ").str.strip_chars_end("\u00a0 ").alias("_text"),
        )
        .with_columns(_number_expr(pl.col("_text")).alias("_number"))
    )
    grouped = pl.col("_number").is_null() & pl.col("_text").str.contains(r"\d[.,]\d{3}[.,]")
    if data.get_column("_number").null_count() and data.filter(grouped).height:
        # rare: thousands separators; parsed only when present
        data = data.with_columns(
            pl.when(grouped)
            .then(_grouped_number_expr(pl.col("_text")))
            .otherwise(pl.col("_number"))
            .alias("_number")
        )
    error = (
        pl.when(pl.col("sample").is_null() | (pl.col("sample") == ""))
        .then(pl.lit("missing_sample"))
        .when(pl.col("_id_error").is_not_null())
        .then(pl.col("_id_error"))
        .when(pl.col("_text") == "")
        .then(pl.lit("missing_value"))
        .when(pl.col("_number").is_null() | ~pl.col("_number").is_finite())
        .then(pl.lit("not_a_number"))
        .when(pl.col("_number") < 0)
        .then(pl.lit("negative_value"))
        .when(pl.col("_unit_error").is_not_null())
        .then(pl.col("_unit_error"))
        .when(pl.col("_soil") & (pl.col("_number") > 100))
        .then(pl.lit("percent_out_of_range"))
    )
    data = data.with_columns(error.alias("_error"))
    messages = [_messages(data.filter(pl.col("_error").is_not_null()), pl.col("_error"))]
    good = data.filter(pl.col("_error").is_null())

    # --- soil properties (lutum, organic matter, organic carbon), % of dry matter --------
    soil_rows = good.filter(pl.col("_soil"))
    messages.append(_messages(soil_rows.filter(pl.col("below")), "soil_property_below_limit"))
    soil = (
        soil_rows.group_by("sample", "substance")
        .agg(pl.col("_number").mean().alias("percent"), pl.len().alias("n"))
        .pivot(on="substance", index="sample", values="percent")
    )
    for column in ("lutum", "organische_stof", "organische_koolstof"):
        if column not in soil.columns:
            soil = soil.with_columns(pl.lit(None, pl.Float64).alias(column))
    duplicates = soil_rows.group_by("sample", "substance").agg(
        pl.col("parameter").first(), pl.col("row").first(), pl.len().alias("n")
    )
    messages.append(
        duplicates.filter(pl.col("n") > 1)
        .select(
            "sample",
            "parameter",
            "row",
            pl.lit("duplicate").alias("code"),
            pl.lit(None, pl.Utf8).alias("value"),
            pl.lit(None, pl.Utf8).alias("unit"),
            pl.col("n").cast(pl.Utf8).alias("detail"),
        )
        .cast(MESSAGE_SCHEMA)
    )
    from_carbon = pl.col("organische_stof").is_null() & pl.col("organische_koolstof").is_not_null()
    if frame == "waterbodem":
        organic_matter = pl.coalesce(
            pl.col("organische_stof"), pl.col("organische_koolstof") * ORGANIC_CARBON_TO_MATTER
        )
        carbon_notes = soil.filter(from_carbon).select(
            "sample",
            pl.lit("organische koolstof").alias("parameter"),
            pl.lit(None, pl.Int64).alias("row"),
            pl.lit("organic_carbon_used").alias("code"),
            pl.col("organische_koolstof").cast(pl.Utf8).alias("value"),
            pl.lit("%").alias("unit"),
            pl.lit(None, pl.Utf8).alias("detail"),
        )
        messages.append(carbon_notes.cast(MESSAGE_SCHEMA))
    else:
        organic_matter = pl.col("organische_stof")
    soil = soil.select("sample", pl.col("lutum"), organic_matter.alias("organic_matter"))

    # --- substances ----------------------------------------------------------------------
    values = good.filter(~pl.col("_soil"))
    messages.append(_messages(values.filter(pl.col("_organotin_plain")), "organotin_as_tin"))
    values = (
        values.with_columns((pl.col("_number") * pl.col("_mass_factor")).alias("value_mg"))
        .with_columns(
            (
                pl.col("below")
                & pl.col("rg").is_not_null()
                & (pl.col("value_mg") <= pl.col("rg") * (1 + _TOLERANCE))
            ).alias("compliant"),
            pl.when(pl.col("below"))
            .then(pl.col("value_mg") * BELOW_LIMIT_FACTOR)
            .otherwise(pl.col("value_mg"))
            .alias("value_used"),
        )
        .join(soil, on="sample", how="left")
    )
    lutum_used, om_used = bounded_exprs()
    values = values.with_columns(lutum_used.alias("lutum_used"), om_used.alias("om_used"))
    values = values.with_columns(factor_expr().alias("factor"))
    missing_std = (
        pl.when((pl.col("b") > 0) & pl.col("lutum").is_null())
        .then(pl.lit("missing_lutum"))
        .when((pl.col("c") > 0) & pl.col("organic_matter").is_null())
        .then(pl.lit("missing_organic_matter"))
    )
    values = values.with_columns(missing_std.alias("_error"))
    messages.append(_messages(values.filter(pl.col("_error").is_not_null()), pl.col("_error")))
    values = values.filter(pl.col("_error").is_null()).with_columns(
        (pl.col("value_used") * pl.col("factor")).alias("standardised")
    )
    values = values.select(
        "row",
        "sample",
        "parameter",
        "substance",
        "value_raw",
        "unit",
        "below",
        "value_mg",
        "rg",
        "compliant",
        "value_used",
        "lutum",
        "organic_matter",
        "lutum_used",
        "om_used",
        "standardisation",
        "a",
        "b",
        "c",
        "factor",
        "standardised",
        "sampling_date",
    )
    return Prepared(
        values=values,
        soil=soil,
        messages=pl.concat(messages, how="vertical"),
    )


def observed_samples(measurements: pl.DataFrame) -> list[str]:
    """Sample names in the order of first appearance (empty names left out)."""
    samples = measurements.get_column("sample").cast(pl.Utf8).str.strip_chars()
    return [s for s in samples.unique(maintain_order=True).to_list() if s]
