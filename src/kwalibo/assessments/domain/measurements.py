"""From measurements as written to standardised values per sample and substance, vectorised.

Steps, each a set of Polars expressions over all measurements at once:

1. Identify the parameter (name, CAS, Aquo code, SIKB0101 id; ``identification``) and parse the
   value as written: decimal comma or point, a ``<`` prefix for results below the reporting
   limit (``"<0.2"``, ``"< 0,05"``), a ``>`` prefix for results above the lab's measuring range
   (``">5000"``: the number is a lower bound; the engine gives a class only where a higher
   content could not change it). Units are converted to mg/kg dry matter.
2. Bad input becomes a message per sample and parameter (unknown parameter, missing or
   non-numeric or negative value, unknown unit, a percentage where a mass fraction belongs, a
   content above the whole dry matter) and the measurement is left out; nothing raises.
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

from kwalibo.assessments.domain.catalogue import CODE, Catalogue
from kwalibo.assessments.domain.frames import (
    factorize,
    factorize_grouped,
    factorize_rows,
    first_positions,
    nulls,
    per_distinct,
)
from kwalibo.assessments.domain.identification import (
    MASS_UNITS,
    PERCENT_UNITS,
    unit_key_expr,
)
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
#: Message rows inside the engine: ``MESSAGE_SCHEMA`` plus ``_order``, the position of the
#: sample among the observed samples (null for none), by which messages are sorted at the end.
CODED_MESSAGE_SCHEMA: Final = pl.Schema({**MESSAGE_SCHEMA, "_order": CODE})

#: Input errors per measurement, in the order they are checked; code 0 is no error.
INPUT_ERRORS: Final = (
    None,
    "missing_sample",
    "missing_parameter",
    "unknown_parameter",
    "not_used",
    "missing_value",
    "not_a_number",
    "negative_value",
    "missing_unit",
    "percent_expected",
    "mass_fraction_expected",
    "unknown_unit",
    "percent_out_of_range",
    "name_cas_conflict",
    "content_out_of_range",
    "soil_property_above_range",
)
#: A mass fraction above this (mg/kg ds) is more than the whole dry matter: a unit or typing
#: error, never a content to assess.
MAX_CONTENT_MG: Final = 1_000_000.0
_ERROR: Final = {code: number for number, code in enumerate(INPUT_ERRORS) if code}
#: Input errors of a measurement that was made: a value that is there but cannot be read or
#: trusted. An empty value ("missing_value") is a substance not measured, like a row left out.
UNUSABLE_ERRORS: Final = (
    "name_cas_conflict",
    "not_a_number",
    "negative_value",
    "missing_unit",
    "mass_fraction_expected",
    "unknown_unit",
    "content_out_of_range",
)
_VALUE_MISSING, _VALUE_NOT_A_NUMBER, _VALUE_NEGATIVE = 1, 2, 3


@dataclass(frozen=True)
class Samples:
    """The samples of the input as integer codes.

    Attributes:
        codes: Per input row the code of its sample (names are trimmed first; null for a row
            without sample).
        names: The trimmed name of each code (``""`` possible).
        order: Per code its position among the observed samples (null for ``""``).
        observed: The non-empty names in order of first appearance.
    """

    codes: pl.Series
    names: pl.Series
    order: pl.Series
    observed: tuple[str, ...]

    def name_of(self, codes: pl.Expr | pl.Series) -> pl.Expr:
        """The names for a column of codes."""
        return pl.lit(self.names).gather(codes)

    def order_of(self, codes: pl.Expr | pl.Series) -> pl.Expr:
        """The positions for a column of codes."""
        return pl.lit(self.order).gather(codes)


@dataclass(frozen=True)
class Prepared:
    """The measurements after identification, parsing, RG rule and standardisation.

    Attributes:
        values: One row per usable measurement of a substance: ``i`` (position in the input),
            ``row``, ``s`` (sample code), ``sub`` (substance code), ``below``, ``value_mg``
            (reported number in mg/kg ds), ``compliant`` (may be assumed to comply),
            ``value_used`` (0.7 × RG for "<" results), ``lutum``, ``organic_matter`` (of the
            sample), ``factor`` and ``standardised`` (both null for a result assumed to comply
            in a sample without the lutum or organic matter it would need). The constants and the text as written are
            looked up for explanations only (``explanation.measurement_details``).
        soil: One row per sample with soil properties: ``s``, ``lutum`` and ``organic_matter``
            (null when absent).
        messages: Message rows (see ``CODED_MESSAGE_SCHEMA``).
        unstandardised: ``s`` and ``sub`` of each measurement that is not used because the
            sample lacks the lutum or organic matter its standardisation needs. A mean or sum
            over that substance in that sample is incomplete (``sums``).
        above_range: ``i``, ``row``, ``s`` and ``sub`` of each used result above the lab's
            measuring range (``">5000"``): its number is a lower bound of the content.
        unusable: ``i``, ``row``, ``s`` and ``sub`` of each measurement of a substance that
            was made but cannot be used (``UNUSABLE_ERRORS``, or no lutum or organic matter to
            standardise it): its content is unknown, not absent.
        dropped: The measurements of ``unstandardised`` with the columns of ``values`` (their
            ``standardised`` is not to be used): salt water tests them as measured
            (``salt_water``).
        dropped_above_range: ``above_range`` of ``dropped``.
    """

    values: pl.DataFrame
    soil: pl.DataFrame
    messages: pl.DataFrame
    unstandardised: pl.DataFrame
    above_range: pl.DataFrame
    unusable: pl.DataFrame
    dropped: pl.DataFrame
    dropped_above_range: pl.DataFrame


def empty_messages() -> pl.DataFrame:
    """A message table without rows."""
    return pl.DataFrame(schema=MESSAGE_SCHEMA)


def _number_expr(text: pl.Expr) -> pl.Expr:
    """Parse '12,5' and '0.05' as numbers (null when not a number): one decimal comma or point."""
    return text.str.replace(",", ".", literal=True).cast(pl.Float64, strict=False)


def _grouped_number_expr(text: pl.Expr) -> pl.Expr:
    """Parse '1.234,5' (thousands point, decimal comma) and '1,234.5' (the reverse); null for
    anything else, such as '1,2.345,6' or '1.234,5.6', which no lab writes for one number."""
    return (
        pl.when(text.str.contains(r"^[+-]?\d{1,3}(?:\.\d{3})+(?:,\d+)?$"))
        .then(text.str.replace_all(".", "", literal=True).str.replace(",", ".", literal=True))
        .when(text.str.contains(r"^[+-]?\d{1,3}(?:,\d{3})+(?:\.\d+)?$"))
        .then(text.str.replace_all(",", "", literal=True))
        .cast(pl.Float64, strict=False)
    )


def plain_number(value: float) -> str:
    """A number as a message shows it: no exponent, no trailing ".0" ("1000", "0.5")."""
    return f"{value:.12g}" if abs(value) < 1e15 else repr(value)


def normalise_input(measurements: pl.DataFrame) -> pl.DataFrame:
    """The input columns with their types; missing optional columns are added as nulls.

    Text is passed on as written: sample names are trimmed per distinct name (``code_samples``),
    parameter, value and unit where they are interpreted.

    Raises:
        ValueError: A required column is missing (a programming error of the caller: the
            readers always return all columns).
    """
    missing = [column for column in REQUIRED_COLUMNS if column not in measurements.columns]
    if missing:
        raise ValueError(f"measurements lack the columns {missing}")
    return measurements.select(
        pl.col("row").cast(pl.Int64, strict=False),
        pl.col("sample").cast(pl.Utf8),
        pl.col("parameter").cast(pl.Utf8),
        pl.col("value_raw").cast(pl.Utf8),
        pl.col("unit").cast(pl.Utf8),
        (
            pl.col("cas").cast(pl.Utf8) if "cas" in measurements.columns else pl.lit(None, pl.Utf8)
        ).alias("cas"),
        (
            pl.col("sampling_date").cast(pl.Date, strict=False)
            if "sampling_date" in measurements.columns
            else pl.lit(None, pl.Date)
        ).alias("sampling_date"),
        (
            pl.col("decimal_point").cast(pl.Boolean)
            if "decimal_point" in measurements.columns
            else pl.lit(None, pl.Boolean)
        ).alias("decimal_point"),
        (
            pl.col("compartment").cast(pl.Utf8)
            if "compartment" in measurements.columns
            else pl.lit(None, pl.Utf8)
        ).alias("compartment"),
    )


def code_samples(data: pl.DataFrame) -> Samples:
    """Trimmed sample names as codes, with their order of first appearance."""
    codes, names = factorize_grouped(data.get_column("sample"))
    trimmed = names.str.strip_chars()
    if (trimmed != names).any():
        merged, trimmed = factorize(trimmed)
        codes = merged.gather(codes)
    first = first_positions(codes)
    empty = trimmed.eq("").arg_true()
    if empty.len():
        first = first.filter(first != empty[0])
    order = nulls(trimmed.len(), CODE, "order").scatter(
        first, pl.Series(range(first.len()), dtype=CODE)
    )
    return Samples(
        codes=codes.rename("s"),
        names=trimmed.rename("sample"),
        order=order,
        observed=tuple(trimmed.gather(first).to_list()),
    )


def observed_samples(measurements: pl.DataFrame) -> list[str]:
    """Sample names in the order of first appearance (empty names left out)."""
    return list(code_samples(normalise_input(measurements)).observed)


def _units(values: pl.Series) -> pl.DataFrame:
    """Per distinct unit as written: empty, factor to mg/kg ds, percent, expressed as tin."""
    return (
        pl.DataFrame({"unit": values})
        .select(unit_key_expr(pl.col("unit").fill_null("")).alias("key"))
        .select(
            (pl.col("key") == "").alias("unit_empty"),
            pl.col("key")
            .replace_strict(MASS_UNITS, default=None, return_dtype=pl.Float64)
            .alias("mass_factor"),
            pl.col("key").is_in(list(PERCENT_UNITS)).alias("is_percent"),
            pl.col("key").str.contains("sn", literal=True).alias("has_sn"),
        )
    )


#: A number whose only separators could group thousands ("1.000", "12,500", "1.000.000").
_GROUPED_POINT: Final = r"^[1-9]\d{0,2}(?:\.\d{3})+$"
_GROUPED_COMMA: Final = r"^[1-9]\d{0,2}(?:,\d{3})+$"
#: ``separator`` of ``_values``: how a value with a separator that could group thousands was
#: read (see ``_values``).
SEPARATOR_NOTES: Final = (
    "",
    "thousands_separator",
    "thousands_separator_comma",
    "ambiguous_separator",
)


def _separator_notes(text: pl.Expr, numbers: pl.DataFrame) -> tuple[pl.Expr, pl.Expr]:
    """The number and the separator note for values such as "1.000" whose separator could be
    a decimal or a thousands separator, judged by the other values of the input.

    A file that writes decimals with a comma ("0,5", "12,25") groups thousands with a point,
    and the reverse; "1.000" in a decimal-comma file is 1000, not 1. Where the other values do
    not tell (no unambiguous decimal, or both conventions), the value keeps the decimal reading
    and gets a warning, so that a lab can check it. A value marked ``exact`` (a number that
    can only be written with a decimal point) is read as a decimal and tells nothing about
    how the rest of the file is written.
    """
    written = numbers.filter(~pl.col("exact"))
    texts = written.get_column("text")
    point_grouped = texts.str.contains(_GROUPED_POINT)
    comma_grouped = texts.str.contains(_GROUPED_COMMA)
    comma_file = (texts.str.contains(r"^\d*,\d+$") & ~comma_grouped).any()
    point_file = (texts.str.contains(r"^\d*\.\d+$") & ~point_grouped).any()
    by_point = text.str.contains(_GROUPED_POINT) & ~pl.col("exact")
    by_comma = text.str.contains(_GROUPED_COMMA) & ~pl.col("exact")
    thousands = pl.lit(False)
    note = pl.lit(0, pl.UInt8)
    if comma_file and not point_file:
        thousands = by_point
        note = pl.when(by_point).then(pl.lit(1, pl.UInt8)).otherwise(note)
    elif point_file and not comma_file:
        thousands = by_comma
        note = pl.when(by_comma).then(pl.lit(2, pl.UInt8)).otherwise(note)
    else:
        note = pl.when(by_point | by_comma).then(pl.lit(3, pl.UInt8)).otherwise(note)
    number = (
        pl.when(thousands)
        .then(text.str.replace_all(r"[.,]", "").cast(pl.Float64, strict=False))
        .otherwise(pl.col("number"))
    )
    return number, note


def _value_table(spellings: pl.DataFrame) -> pl.DataFrame:
    """``_values`` per spelling, computed once per distinct value as written (and, where the
    input marks them, whether it is a number written with a decimal point)."""
    if "decimal_point" not in spellings.columns:
        return per_distinct(spellings.get_column("value_raw"), lambda v: _values(v.to_frame()))
    codes, distinct = factorize_rows(spellings.select("value_raw", "decimal_point"))
    return _values(distinct).select(pl.all().gather(codes))


#: The signs a lab writes before a number: below the reporting limit ("<0,2", "<= 0.2") or
#: above the measuring range (">5000"); one of them, a second ("<<2", "<>3") is not a number.
_BELOW_SIGNS: Final = ("<", "<=", "≤")
_ABOVE_SIGNS: Final = (">", ">=", "≥")
_LIMIT_PREFIX: Final = r"^(<=?|≤|>=?|≥)"


def _values(values: pl.DataFrame) -> pl.DataFrame:
    """Per distinct value as written (``value_raw``, and ``decimal_point`` if the input has
    it): ``below`` ("<"), the number, what is wrong with it and how a separator that could
    group thousands was read (``separator``, an index of ``SEPARATOR_NOTES``)."""
    text = pl.col("value_raw").fill_null("").str.strip_chars("\u00a0 ")
    prefix = text.str.extract(_LIMIT_PREFIX, 1)
    exact = (
        pl.col("decimal_point").fill_null(False)
        if "decimal_point" in values.columns
        else pl.lit(False)
    )
    parsed = values.select(
        prefix.is_in(_BELOW_SIGNS).fill_null(False).alias("below"),
        prefix.is_in(_ABOVE_SIGNS).fill_null(False).alias("above"),
        text.str.replace(_LIMIT_PREFIX + "[\u00a0 ]*", "").alias("text"),
        exact.alias("exact"),
    ).with_columns(_number_expr(pl.col("text")).alias("number"))
    grouped = pl.col("number").is_null() & pl.col("text").str.contains(r"\d[.,]\d{3}[.,]")
    parsed = parsed.with_columns(
        pl.when(grouped)
        .then(_grouped_number_expr(pl.col("text")))
        .otherwise(pl.col("number"))
        .alias("number")
    )
    number, note = _separator_notes(pl.col("text"), parsed)
    parsed = parsed.with_columns(number.alias("number"), note.alias("separator"))
    return parsed.select(
        "below",
        "above",
        "number",
        "separator",
        pl.when(
            (pl.col("text") == "")
            | (
                pl.col("text").str.to_lowercase().is_in(NOT_DETERMINED)
                & ~pl.col("below")
                & ~pl.col("above")
            )
        )
        .then(pl.lit(_VALUE_MISSING, pl.UInt8))
        .when(pl.col("number").is_null() | ~pl.col("number").is_finite())
        .then(pl.lit(_VALUE_NOT_A_NUMBER, pl.UInt8))
        .when(pl.col("number") < 0)
        .then(pl.lit(_VALUE_NEGATIVE, pl.UInt8))
        .otherwise(pl.lit(0, pl.UInt8))
        .alias("value_status"),
    )


#: How labs write "not determined" (niet bepaald, not analysed, not applicable): no value, a
#: substance not measured, as an empty cell. Not "n.d.", which in English reports may mean
#: "not detected", a result below the limit.
NOT_DETERMINED: Final = (
    "n.b.",
    "n.b",
    "nb",
    "niet bepaald",
    "n.a.",
    "n.a",
    "n.v.t.",
    "n.v.t",
    "nvt",
    "not determined",
    "not analysed",
    "not analyzed",
    "-",
    "--",
    "–",
    "—",
)

#: ``problem`` of ``read_values`` per value status of ``_values``.
_VALUE_PROBLEMS: Final = (None, "missing_value", "not_a_number", "negative_value")


def read_values(values: pl.Series) -> pl.DataFrame:
    """How the assessment reads lab values as written, one row per value: ``below`` ("<0,2"),
    ``above`` (">5000", above the measuring range), ``number``, ``separator`` (a code of
    ``SEPARATOR_NOTES``, judged by all the values together) and ``problem`` (null, or the
    input error of ``INPUT_ERRORS`` the value has: missing, not a number, negative).

    For readers of other lab results (the column test) that must read a value exactly as the
    assessment of the same file would."""
    parsed = per_distinct(values.cast(pl.Utf8).rename("value_raw"), lambda v: _values(v.to_frame()))
    problems = pl.Series(_VALUE_PROBLEMS, dtype=pl.Utf8)
    return parsed.select(
        "below",
        "above",
        "number",
        "separator",
        pl.lit(problems).gather(pl.col("value_status")).alias("problem"),
    )


def _spelling_table(spellings: pl.DataFrame, catalogue: Catalogue) -> pl.DataFrame:
    """Per distinct spelling (parameter, value, unit and CAS as written) what a measurement
    written so is: ``sub``, ``below``, ``number``, ``value_mg``, ``organotin`` (an organotin
    compound not expressed as tin), ``is_soil`` (a soil property in %) and ``error``, the
    first input error of ``INPUT_ERRORS`` that applies (0 for none) apart from the sample's.
    """
    substances = catalogue.substances
    cas = spellings.get_column("cas") if "cas" in spellings.columns else None
    sub = catalogue.identify(spellings.get_column("parameter"), cas)
    # A CAS column that names another substance than the parameter does: neither is trusted.
    conflict = pl.Series("conflict", [False] * spellings.height)
    if cas is not None:
        by_name = catalogue.identify(spellings.get_column("parameter"))
        conflict = (by_name.is_not_null() & sub.is_not_null() & (by_name != sub)).fill_null(False)
    table = pl.concat(
        [
            pl.DataFrame({"sub": sub, "conflict": conflict}),
            per_distinct(spellings.get_column("unit"), _units),
            _value_table(spellings),
        ],
        how="horizontal",
    )
    known = pl.col("sub").is_not_null()
    code = pl.col("sub").fill_null(0)
    soil = known & pl.lit(substances.get_column("is_soil")).gather(code)
    info = known & pl.lit(substances.get_column("is_info")).gather(code)
    no_parameter = spellings.get_column("parameter").fill_null("").str.strip_chars() == ""
    error = (
        pl.when(pl.lit(no_parameter))
        .then(_ERROR["missing_parameter"])
        .when(~known)
        .then(_ERROR["unknown_parameter"])
        .when(pl.col("conflict"))
        .then(_ERROR["name_cas_conflict"])
        .when(info)
        .then(_ERROR["not_used"])
        .when(pl.col("value_status") > 0)
        .then(pl.col("value_status") + (_ERROR["missing_value"] - _VALUE_MISSING))
        .when(pl.col("unit_empty"))
        .then(_ERROR["missing_unit"])
        .when(soil & ~pl.col("is_percent"))
        .then(_ERROR["percent_expected"])
        .when(~soil & pl.col("is_percent"))
        .then(_ERROR["mass_fraction_expected"])
        .when(~soil & pl.col("mass_factor").is_null())
        .then(_ERROR["unknown_unit"])
        .when(soil & (pl.col("number") > 100))
        .then(_ERROR["percent_out_of_range"])
        .when(soil & pl.col("above"))
        .then(_ERROR["soil_property_above_range"])
        .when(~soil & (pl.col("number") * pl.col("mass_factor") > MAX_CONTENT_MG))
        .then(_ERROR["content_out_of_range"])
        .otherwise(0)
        .cast(pl.UInt8)
    )
    return table.select(
        "sub",
        "below",
        "above",
        "number",
        (pl.col("number") * pl.col("mass_factor")).alias("value_mg"),
        (known & pl.lit(substances.get_column("organotin_basis")).gather(code) & ~pl.col("has_sn"))
        .fill_null(False)
        .alias("organotin"),
        soil.alias("is_soil"),
        "separator",
        error.alias("error"),
    )


def _used_above_range(
    rows: pl.DataFrame, spelling_codes: pl.Series, per_spelling: pl.DataFrame, values: pl.DataFrame
) -> pl.DataFrame:
    """``i``, ``row``, ``s`` and ``sub`` of the used results above the measuring range (most
    files have none: then nothing per row is computed)."""
    above = per_spelling.get_column("above")
    if not above.any():
        return rows.select("i", "row", "s", "sub").clear()
    found = rows.filter(above.gather(spelling_codes))
    return found.filter(pl.col("i").is_in(values.get_column("i").implode())).select(
        "i", "row", "s", "sub"
    )


def message_rows(
    frame: pl.DataFrame,
    samples: Samples,
    code: pl.Expr | str,
    *,
    data: pl.DataFrame | None = None,
    written: tuple[str, ...] = ("parameter", "value_raw", "unit"),
    **fields: pl.Expr,
) -> pl.DataFrame:
    """Message rows for the rows of ``frame`` (columns ``s`` and ``row``).

    With ``data``, the ``written`` columns of input row ``i`` (a column of ``frame``) give the
    message's parameter, value and unit as written; ``fields`` give any of ``parameter``,
    ``value``, ``unit`` and ``detail`` as expressions; the rest is null.
    """
    names = {"parameter": "parameter", "value_raw": "value", "unit": "unit"}
    columns: dict[str, pl.Expr] = {
        name: pl.lit(None, pl.Utf8) for name in ("parameter", "value", "unit", "detail")
    }
    if data is not None:
        taken = data.select(written)[frame.get_column("i")]
        frame = pl.concat([frame, taken.rename({c: names[c] for c in written})], how="horizontal")
        columns |= {names[column]: pl.col(names[column]) for column in written}
    columns |= fields
    return frame.select(
        samples.name_of(pl.col("s")).alias("sample"),
        columns["parameter"].alias("parameter"),
        pl.col("row").cast(pl.Int64),
        (pl.lit(code) if isinstance(code, str) else code).alias("code"),
        columns["value"].alias("value"),
        columns["unit"].alias("unit"),
        columns["detail"].alias("detail"),
        samples.order_of(pl.col("s")).alias("_order"),
    ).cast(CODED_MESSAGE_SCHEMA)  # type: ignore[arg-type]


def prepare(data: pl.DataFrame, samples: Samples, *, catalogue: Catalogue, frame: str) -> Prepared:
    """Identify, parse, check and standardise every measurement (see the module docstring).

    Args:
        data: The input as ``normalise_input`` returns it.
        samples: Its sample codes (``code_samples``).
        catalogue: The rule set's substances for the frame.
        frame: ``grond`` or ``waterbodem``.
    """
    substances = catalogue.substances
    written = ["parameter", "value_raw", "unit"]
    written += [
        optional
        for optional in ("cas", "decimal_point")
        if data.get_column(optional).null_count() < data.height
    ]
    spelling_codes, spellings = factorize_rows(data.select(written))
    per_spelling = _spelling_table(spellings, catalogue)

    def by(table: pl.DataFrame, name: str, code: str) -> pl.Expr:
        return pl.lit(table.get_column(name)).gather(pl.col(code)).alias(name)

    empty_sample = samples.names.eq("").arg_true()
    missing_sample = pl.col("s").is_null()
    if empty_sample.len():
        missing_sample = missing_sample | (pl.col("s") == empty_sample[0])

    rows = (
        pl.DataFrame(
            {
                "i": pl.int_range(0, data.height, dtype=CODE, eager=True),
                "row": data.get_column("row"),
                "s": samples.codes,
                "t": spelling_codes,
            }
        )
        .lazy()
        .select(
            "i",
            "row",
            "s",
            *[
                by(per_spelling, name, "t")
                for name in (
                    "sub",
                    "below",
                    "number",
                    "value_mg",
                    "organotin",
                    "is_soil",
                    "separator",
                )
            ],
            pl.when(missing_sample)
            .then(pl.lit(_ERROR["missing_sample"], pl.UInt8))
            .otherwise(pl.lit(per_spelling.get_column("error")).gather(pl.col("t")))
            .alias("error"),
        )
        .collect()
    )
    errors = rows.filter(pl.col("error") > 0)
    separated = rows.filter((pl.col("error") == 0) & (pl.col("separator") > 0))
    if separated.height:
        messages_separator = message_rows(
            separated,
            samples,
            pl.lit(pl.Series(SEPARATOR_NOTES, dtype=pl.Utf8)).gather(pl.col("separator")),
            data=data,
            detail=pl.col("number").map_elements(plain_number, return_dtype=pl.Utf8),
        )
    else:
        messages_separator = None
    messages = [
        message_rows(
            errors,
            samples,
            pl.lit(pl.Series(INPUT_ERRORS, dtype=pl.Utf8)).gather(pl.col("error")),
            data=data,
        )
    ]

    if messages_separator is not None:
        messages.append(messages_separator)

    # --- soil properties (lutum, organic matter, organic carbon), % of dry matter --------
    soil_rows = (
        rows.lazy()
        .filter((pl.col("error") == 0) & pl.col("is_soil"))
        .select("i", "row", "s", "sub", "below", "number")
        .collect()
    )
    messages.append(
        message_rows(
            soil_rows.filter(pl.col("below")), samples, "soil_property_below_limit", data=data
        )
    )
    key = pl.col("s") * catalogue.size + pl.col("sub")
    if soil_rows.select(key.n_unique()).item() == soil_rows.height:
        groups = soil_rows.select("s", "sub", pl.col("number").alias("percent"))
    else:
        groups = soil_rows.group_by("s", "sub", maintain_order=True).agg(
            pl.col("number").mean().alias("percent"),
            pl.len().alias("n"),
            pl.col("i").first(),
            pl.col("row").first(),
        )
        messages.append(
            message_rows(
                groups.filter(pl.col("n") > 1),
                samples,
                "duplicate",
                data=data,
                written=("parameter",),
                detail=pl.col("n").cast(pl.Utf8),
            )
        )
    size = samples.names.len()
    properties = {}
    for column in ("lutum", "organische_stof", "organische_koolstof"):
        (code,) = catalogue.codes_of(frozenset({column}))
        found = groups.filter(pl.col("sub") == code)
        properties[column] = nulls(size, pl.Float64, column).scatter(
            found.get_column("s"), found.get_column("percent")
        )
    per_sample = pl.DataFrame(properties)
    from_carbon = pl.col("organische_stof").is_null() & pl.col("organische_koolstof").is_not_null()
    soil = per_sample.with_row_index("s").filter(
        pl.col("s").is_in(groups.get_column("s").unique().implode())
    )
    if frame == "waterbodem":
        organic_matter = pl.coalesce(
            pl.col("organische_stof"), pl.col("organische_koolstof") * ORGANIC_CARBON_TO_MATTER
        )
        notes = soil.filter(from_carbon).with_columns(pl.lit(None, pl.Int64).alias("row"))
        messages.append(
            message_rows(
                notes,
                samples,
                "organic_carbon_used",
                parameter=pl.lit("organische koolstof"),
                value=pl.col("organische_koolstof").cast(pl.Utf8),
                unit=pl.lit("%"),
            )
        )
    else:
        organic_matter = pl.col("organische_stof")
    soil = soil.select("s", pl.col("lutum"), organic_matter.alias("organic_matter"))
    per_sample = per_sample.select(pl.col("lutum"), organic_matter.alias("organic_matter"))
    # Lutum and organic matter are both parts of the dry matter: together more than all of it
    # means one of them is wrong, and no content can be standardised with them.
    impossible = soil.filter(pl.col("lutum") + pl.col("organic_matter") > 100 * (1 + _TOLERANCE))
    if impossible.height:
        messages.append(
            message_rows(
                impossible.with_columns(pl.lit(None, pl.Int64).alias("row")),
                samples,
                "soil_properties_above_dry_matter",
                detail=pl.format(
                    "{} + {} = {}",
                    *[
                        column.map_elements(plain_number, return_dtype=pl.Utf8)
                        for column in (
                            pl.col("lutum"),
                            pl.col("organic_matter"),
                            pl.col("lutum") + pl.col("organic_matter"),
                        )
                    ],
                ),
            )
        )
    untrusted = pl.lit(pl.repeat(False, size, eager=True).scatter(impossible.get_column("s"), True))

    # --- substances ----------------------------------------------------------------------
    usable = rows.lazy().filter((pl.col("error") == 0) & ~pl.col("is_soil"))
    organotin = usable.filter(pl.col("organotin")).select("i", "row", "s").collect()
    messages.append(message_rows(organotin, samples, "organotin_as_tin", data=data))
    lutum_used, om_used = bounded_exprs()
    computed = (
        usable.select(
            "i",
            "row",
            "s",
            "sub",
            "below",
            "value_mg",
            by(substances, "rg", "sub"),
            *[by(substances, c, "sub") for c in ("a", "b", "c", "om_min", "om_max", "lutum_min")],
            by(per_sample, "lutum", "s"),
            by(per_sample, "organic_matter", "s"),
        )
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
            lutum_used.alias("lutum_used"),
            om_used.alias("om_used"),
        )
        .with_columns(factor_expr().alias("factor"))
        .select(
            "i",
            "row",
            "s",
            "sub",
            "below",
            "value_mg",
            "compliant",
            "value_used",
            "lutum",
            "organic_matter",
            "factor",
            (pl.col("value_used") * pl.col("factor")).alias("standardised"),
            pl.when((pl.col("b") > 0) & pl.col("lutum").is_null())
            .then(pl.lit(1, pl.UInt8))
            .when((pl.col("c") > 0) & pl.col("organic_matter").is_null())
            .then(pl.lit(2, pl.UInt8))
            .when(((pl.col("b") > 0) | (pl.col("c") > 0)) & untrusted.gather(pl.col("s")))
            .then(pl.lit(3, pl.UInt8))
            .alias("error"),
        )
        .collect()
    )
    unstandardised = computed.filter(pl.col("error").is_not_null())
    dropped = unstandardised.filter(~pl.col("compliant"))
    if unstandardised.height:
        # A "< RG" result that may be assumed to comply needs no standardisation (Bijlage G IV
        # A): it stays, without a standardised value. Any other result is not used.
        # Error 3 (lutum and organic matter above the dry matter) has its message per sample.
        codes = pl.lit(pl.Series(["", "missing_lutum", "missing_organic_matter", ""]))
        messages.append(
            message_rows(
                dropped.filter(pl.col("error") < 3),
                samples,
                codes.gather(pl.col("error")),
                data=data,
            )
        )
        kept_codes = pl.lit(
            pl.Series(["", "compliant_without_lutum", "compliant_without_organic_matter", ""])
        )
        messages.append(
            message_rows(
                unstandardised.filter(pl.col("compliant") & (pl.col("error") < 3)),
                samples,
                kept_codes.gather(pl.col("error")),
                data=data,
            )
        )
        computed = computed.filter(pl.col("error").is_null() | pl.col("compliant"))
    values = computed.drop("error")
    above_range = _used_above_range(rows, spelling_codes, per_spelling, values)
    messages.append(message_rows(above_range, samples, "above_measuring_range", data=data))
    unusable = pl.concat(
        [
            errors.filter(
                pl.col("error").is_in([_ERROR[code] for code in UNUSABLE_ERRORS])
                & pl.col("sub").is_not_null()
                & ~pl.col("is_soil")
                & pl.col("s").is_not_null()
            ).select("i", "row", "s", "sub"),
            dropped.select("i", "row", "s", "sub"),
        ]
    )
    return Prepared(
        values=values,
        soil=soil,
        messages=pl.concat(messages, how="vertical"),
        unstandardised=dropped.select("s", "sub"),
        above_range=above_range,
        unusable=unusable,
        dropped=dropped.drop("error"),
        dropped_above_range=_used_above_range(rows, spelling_codes, per_spelling, dropped),
    )
