"""Messages of the assessment per sample and parameter: codes, levels and translatable templates.

Bad input never stops an assessment (the issue's rule "a clear message per sample and parameter,
never a crash"): each problem becomes a row with a stable ``code``, a ``level`` (``error``: the
measurement is not used; ``warning``: used with an assumption; ``info``: how the rules were
applied) and an English template marked with ``N_`` for the Dutch catalogue. Placeholders are
``parameter``, ``value``, ``unit``, ``detail`` and ``rule_set``.
"""

from __future__ import annotations

from typing import Final

from kwalibo.common.domain.errors import N_

ERROR: Final = "error"
WARNING: Final = "warning"
INFO: Final = "info"

#: code -> (level, template).
TEMPLATES: Final[dict[str, tuple[str, str]]] = {
    "no_measurements": (ERROR, N_("The input holds no measurements.")),
    "missing_sample": (ERROR, N_("Row without a sample name; %(parameter)s is not used.")),
    "other_compartment": (
        INFO,
        N_(
            "The file also holds %(value)s analyses of samples of another compartment "
            "(%(detail)s), which an assessment of soil or sediment does not test."
        ),
    ),
    "missing_parameter": (ERROR, N_("Row without a parameter; its value %(value)s is not used.")),
    "unknown_parameter": (
        ERROR,
        N_(
            "Unknown parameter %(parameter)s: not a name, CAS number, Aquo code or SIKB0101 id "
            "in rule set %(rule_set)s."
        ),
    ),
    "name_cas_conflict": (
        ERROR,
        N_(
            "%(parameter)s and the CAS number in the CAS column of its row name different "
            "substances; the value is not used."
        ),
    ),
    "missing_value": (ERROR, N_("No value for %(parameter)s.")),
    "not_a_number": (ERROR, N_("The value %(value)s of %(parameter)s is not a number.")),
    "negative_value": (ERROR, N_("The value %(value)s of %(parameter)s is negative.")),
    "missing_unit": (ERROR, N_("No unit for %(parameter)s.")),
    "unknown_unit": (
        ERROR,
        N_(
            "The unit %(unit)s of %(parameter)s is not a mass fraction (mg/kg ds, µg/kg ds, "
            "ng/kg ds) or a percentage."
        ),
    ),
    "percent_expected": (
        ERROR,
        N_("%(parameter)s is given in %(unit)s; it must be a percentage of the dry matter."),
    ),
    "mass_fraction_expected": (
        ERROR,
        N_("%(parameter)s is given in %(unit)s; it must be a mass fraction such as mg/kg ds."),
    ),
    "percent_out_of_range": (
        ERROR,
        N_("%(parameter)s is %(value)s %%; a percentage of the dry matter is at most 100."),
    ),
    "content_out_of_range": (
        ERROR,
        N_(
            "%(parameter)s is %(value)s %(unit)s, more than the whole dry matter (1,000,000 "
            "mg/kg ds); check the value and its unit."
        ),
    ),
    "missing_lutum": (
        ERROR,
        N_(
            "%(parameter)s cannot be standardised: the sample has no lutum percentage "
            "(Rbk Bijlage G III)."
        ),
    ),
    "missing_organic_matter": (
        ERROR,
        N_(
            "%(parameter)s cannot be standardised: the sample has no organic matter percentage "
            "(Rbk Bijlage G III)."
        ),
    ),
    "soil_properties_above_dry_matter": (
        ERROR,
        N_(
            "Lutum and organic matter together are %(detail)s %% of the dry matter, more than "
            "all of it: one of them is wrong. The contents that are standardised with them "
            "cannot be used (Rbk Bijlage G III); check both percentages."
        ),
    ),
    "compliant_without_lutum": (
        INFO,
        N_(
            "%(parameter)s is below a reporting limit at or below the required one and may be "
            "assumed to comply (Rbk Bijlage G IV A); without a lutum percentage it is not "
            "standardised."
        ),
    ),
    "compliant_without_organic_matter": (
        INFO,
        N_(
            "%(parameter)s is below a reporting limit at or below the required one and may be "
            "assumed to comply (Rbk Bijlage G IV A); without an organic matter percentage it is "
            "not standardised."
        ),
    ),
    "batch_mean_incomplete": (
        ERROR,
        N_(
            "The batch mean of %(parameter)s cannot be computed: in %(detail)s the value cannot "
            "be standardised (no lutum or organic matter percentage; Rbk Bijlage G III)."
        ),
    ),
    "batch_mean_partial": (
        WARNING,
        N_(
            "%(parameter)s was not measured in %(detail)s: its batch mean is over the other "
            "samples (Rbk art 4.2.2 lid 1)."
        ),
    ),
    "not_used": (INFO, N_("%(parameter)s is recognised but not used in the assessment.")),
    "no_norm": (
        INFO,
        N_("%(parameter)s has no norm value in the %(detail)s table of rule set %(rule_set)s."),
    ),
    "duplicate": (
        WARNING,
        N_("%(parameter)s was measured %(detail)s times in this sample; the mean is used."),
    ),
    "soil_property_above_range": (
        ERROR,
        N_(
            "%(parameter)s is reported as %(value)s, above the lab's measuring range; a "
            "percentage that is not known cannot standardise, so it is not used."
        ),
    ),
    "above_measuring_range": (
        WARNING,
        N_(
            "%(parameter)s is reported as %(value)s, above the lab's measuring range: the "
            "content is at least its number, which is tested; a higher content could only "
            "make the verdict worse."
        ),
    ),
    "class_undecided_above_range": (
        ERROR,
        N_(
            "No class: with the results above the measuring range taken at their number the "
            "verdict would be %(detail)s, and a higher content could make it worse (Rbk art "
            "4.2.2 lid 1 en 2). Ask the lab for the results after dilution."
        ),
    ),
    "class_undecided_input_error": (
        ERROR,
        N_(
            "No class: without the measurements that cannot be used (see the errors of this "
            "sample) the verdict would be %(detail)s, and their contents could make it worse. "
            "Correct them and assess again."
        ),
    ),
    "soil_property_below_limit": (
        WARNING,
        N_("%(parameter)s is reported as %(value)s; the number is used as the percentage."),
    ),
    "organic_carbon_used": (
        WARNING,
        N_(
            "Organic matter is computed as 1.724 × organic carbon (%(value)s %%), the rule for "
            "saline dredgings (Rbk Bijlage G III)."
        ),
    ),
    "thousands_separator": (
        INFO,
        N_(
            "The value %(value)s of %(parameter)s is read as %(detail)s: the file writes "
            "decimals with a comma, so the point separates thousands."
        ),
    ),
    "thousands_separator_comma": (
        INFO,
        N_(
            "The value %(value)s of %(parameter)s is read as %(detail)s: the file writes "
            "decimals with a point, so the comma separates thousands."
        ),
    ),
    "ambiguous_separator": (
        WARNING,
        N_(
            "The value %(value)s of %(parameter)s is read as %(detail)s, but the file does not "
            "show whether it writes decimals with a point or a comma; check the value (write "
            "numbers without a thousands separator)."
        ),
    ),
    "organotin_as_tin": (
        WARNING,
        N_(
            "%(parameter)s in %(unit)s is assumed to be expressed as tin, as the norm "
            "(Rbk Bijlage B tabel 1 voetnoot 8)."
        ),
    ),
    "sum_partial": (
        INFO,
        N_(
            "%(parameter)s is computed from part of its components (%(detail)s measured; "
            "Rbk Bijlage N)."
        ),
    ),
    "sum_reported_ignored": (
        INFO,
        N_(
            "The reported value of %(parameter)s is not used: the sum is computed from its "
            "measured components (Rbk Bijlage N)."
        ),
    ),
    "sum_reported_used": (
        INFO,
        N_(
            "The reported value of %(parameter)s is used: of its components only %(detail)s "
            "are measured, too few to compute it from them (Rbk Bijlage N)."
        ),
    ),
    "combined_component_overlap": (
        WARNING,
        N_(
            "Both a combined form (m,p-xylene, m,p-cresol) and a component it stands for are "
            "given; they overlap, so %(parameter)s takes the larger of the two forms "
            "(%(detail)s) and does not add both (Rbk Bijlage N)."
        ),
    ),
    "no_assessable_parameters": (
        ERROR,
        N_("No parameter of this sample can be assessed; the sample has no class."),
    ),
    "only_salt_water_assessable": (
        ERROR,
        N_(
            "No parameter of this sample can be assessed for the class, as none can be "
            "standardised; only spreading in salt water is tested, on the measured contents "
            "(Rbk Bijlage B tabel 2 voetnoot 4). The sample has no class."
        ),
    ),
    "rule_set_not_in_force": (WARNING, "%(detail)s"),
    "no_sampling_date": (WARNING, "%(detail)s"),
    "salt_water_area": (
        INFO,
        N_(
            "%(parameter)s, %(value)s %(unit)s, lies between its salt-water values %(detail)s "
            "mg/kg ds: whether the dredgings may be spread in salt water depends on the area "
            "(Rbk Bijlage B tabel 2 voetnoot 13 en 14)."
        ),
    ),
    "exempt_outside_sum": (
        INFO,
        N_(
            "%(parameter)s is exempt as tare soil (Rbk art 4.14.1: its values do not apply) "
            "and is left out of %(detail)s."
        ),
    ),
    "salt_water_measured": (
        INFO,
        N_(
            "%(parameter)s, %(value)s %(unit)s measured, cannot be standardised but is tested "
            "for spreading in salt water, which uses measured contents (Rbk Bijlage B tabel 2 "
            "voetnoot 4): salt-water value %(detail)s mg/kg ds."
        ),
    ),
    "mspaf_not_computed": (
        INFO,
        N_(
            "Spreading on the adjacent plot needs the msPAF of metals and organic compounds; "
            "the toxicity data for it are not part of rule set %(rule_set)s."
        ),
    ),
}


def render(code: str, params: dict[str, str]) -> str:
    """The English message for ``code`` with its parameters filled in."""
    template = TEMPLATES[code][1]
    values = {"parameter": "", "value": "", "unit": "", "detail": "", "rule_set": ""} | params
    return template % values


def level_of(code: str) -> str:
    """``error``, ``warning`` or ``info``."""
    return TEMPLATES[code][0]
