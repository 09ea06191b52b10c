"""API schemas of the assessment: the input (measurements or a lab file) and the explained output,
kept apart. The output serializers describe the engine's JSON-ready verdicts for the schema."""

from __future__ import annotations

import difflib
import math
from collections.abc import Mapping
from typing import Any, Final

from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _
from rest_framework import serializers

from kwalibo.assessments.domain.application import FUNCTION_CLASSES
from kwalibo.assessments.domain.classification import LAND_CLASSES, WATER_CLASSES
from kwalibo.assessments.domain.large_scale import COVERS, MATERIALS
from kwalibo.assessments.domain.rules import FRAMES, rule_set_ids
from kwalibo.assessments.uploads import MAX_UPLOAD_BYTES

#: A JSON number beyond the range of a float (1e400), which JSON parsers read as infinity.
TOO_LARGE: Final = _("the value %(value)s of %(parameter)s is beyond the range of a number")
#: The most measurements a JSON body may hold; larger sets go as a file upload.
MAX_JSON_MEASUREMENTS: Final = 20_000

#: The command's Dutch options by the API field they set, so a client who writes what the
#: command line says ("kader") is told the field's name.
CLI_NAMES: Final = {
    "kader": "frame",
    "partij": "batch",
    "datum": "sampling_date",
    "als_ontvangende_bodem": "receiving_soil",
    "tarragrond": "tare_soil",
    "grootschalig": "large_scale",
    "onder_waterniveau": "below_water_level_same_manager",
    "laagdikte": "thickness_m",
    "omvang": "volume_m3",
    "weg_of_spoorweg": "infrastructure",
    "afdeklaag": "cover",
    "leeflaagdikte": "cover_thickness_m",
    "kolomproef": "column_test",
    "functieklasse": "function_class",
    "ontvangende_bodem": "receiving_quality_class",
    "materiaal": "material",
    "lokale_maxima": "local_maximum_values",
    "handhaving": "stated_class",
    "monster": "sample",
    "waarde": "value",
    "eenheid": "unit",
}


class StrictSerializer(serializers.Serializer[dict[str, Any]]):
    """A field not named here is refused (400, naming the field meant), so a misspelt option
    is not silently replaced by its default."""

    def to_internal_value(self, data: Any) -> dict[str, Any]:
        if isinstance(data, Mapping):
            unknown = [key for key in data if key not in self.fields]
            if unknown:
                raise serializers.ValidationError(
                    {key: [_unknown_field(key, list(self.fields))] for key in unknown}
                )
        return super().to_internal_value(data)  # type: ignore[no-any-return]


def _unknown_field(key: str, fields: list[str]) -> str:
    """The message for an unknown field, naming the field meant where it can tell."""
    meant = CLI_NAMES.get(key.lower().lstrip("-").replace("-", "_"))
    if meant not in fields:
        close = difflib.get_close_matches(key.lower(), fields, n=1, cutoff=0.8)
        meant = close[0] if close else None
    if meant is not None:
        return str(_("Unknown field; did you mean %(field)s?")) % {"field": meant}
    return str(_("Unknown field; the fields are %(fields)s.")) % {"fields": ", ".join(fields)}


class ToetsingMeasurementIn(StrictSerializer):
    sample = serializers.CharField(max_length=200)
    parameter = serializers.CharField(
        max_length=300, help_text=_("Dutch name, Aquo code, CAS number or SIKB0101 parameter id.")
    )
    value = serializers.CharField(
        max_length=100,
        allow_blank=True,
        allow_null=True,
        trim_whitespace=False,
        help_text=_(
            'As written by the lab: "12,5", "0.3", "<0,2" (below the reporting limit), ">5000" '
            "(above the measuring range); or a JSON number, which has a decimal point."
        ),
    )
    unit = serializers.CharField(
        max_length=50,
        allow_blank=True,
        allow_null=True,
        required=False,
        default=None,
        help_text=_("mg/kg ds, µg/kg ds, ng/kg ds; per cent for lutum and organic matter."),
    )
    cas = serializers.CharField(
        max_length=20, allow_blank=True, allow_null=True, required=False, default=None
    )
    sampling_date = serializers.DateField(allow_null=True, required=False, default=None)

    def to_internal_value(self, data: Any) -> dict[str, Any]:
        """The fields, and ``decimal_point`` when the value came as a JSON number: "1.000"
        from 1.000 is one, whatever the other values write."""
        value = data.get("value") if isinstance(data, dict) else None
        number = isinstance(value, int | float) and not isinstance(value, bool)
        if isinstance(value, float) and not math.isfinite(value):
            # JSON reads 1e400 as infinity, which no assessment can use.
            raise serializers.ValidationError(
                {
                    "value": [
                        str(TOO_LARGE)
                        % {"value": data.get("value"), "parameter": data.get("parameter", "")}
                    ]
                }
            )
        validated = super().to_internal_value(data)
        validated["decimal_point"] = True if number else None
        return validated


class ToetsingColumnTestIn(StrictSerializer):
    parameter = serializers.CharField(
        max_length=300, help_text=_("Dutch name, Aquo code, CAS number or SIKB0101 parameter id.")
    )
    value = serializers.CharField(
        max_length=100, help_text=_('Emission as written by the lab: "0,12", "<0.05".')
    )
    unit = serializers.CharField(
        max_length=50, default="mg/kg", help_text=_("mg/kg or µg/kg at L/S 10.")
    )


class ToetsingApplicationIn(StrictSerializer):
    """What the applicant states about a large-scale application (Bbk art 63)."""

    material = serializers.ChoiceField(
        choices=list(MATERIALS),
        required=False,
        default=None,
        allow_null=True,
        help_text=_("grond or baggerspecie (default: grond on land, baggerspecie in water)."),
    )
    thickness_m = serializers.FloatField(
        required=False, default=None, allow_null=True, min_value=0, help_text=_("Layer, m.")
    )
    volume_m3 = serializers.FloatField(
        required=False, default=None, allow_null=True, min_value=0, help_text=_("Volume, m³.")
    )
    infrastructure = serializers.BooleanField(
        default=False,
        help_text=_("Construction of a road or railway (Bbk art 63 lid 5: at least 0.5 m)."),
    )
    cover = serializers.ChoiceField(
        choices=list(COVERS), required=False, default=None, allow_null=True
    )
    cover_thickness_m = serializers.FloatField(
        required=False, default=None, allow_null=True, min_value=0, help_text=_("Top layer, m.")
    )
    column_test = ToetsingColumnTestIn(  # type: ignore[call-arg]
        many=True,
        required=False,
        default=None,
        allow_null=True,
        max_length=500,
        help_text=_("Emissions measured in a column test (NEN 7373 or NEN 7383)."),
    )


class ToetsingLocalValueIn(StrictSerializer):
    parameter = serializers.CharField(
        max_length=300, help_text=_("Dutch name, Aquo code, CAS number or SIKB0101 parameter id.")
    )
    value = serializers.CharField(max_length=100, help_text=_("mg/kg ds in standard soil."))
    unit = serializers.CharField(max_length=50, default="mg/kg ds")
    zone = serializers.CharField(
        max_length=200,
        required=False,
        default=None,
        allow_null=True,
        allow_blank=True,
        help_text=_("Soil-quality zone; empty: the whole soil-management area."),
    )


class ToetsingLocalMaximaIn(StrictSerializer):
    """The local maximum values of a decision under Bbk art 44 or 45."""

    title = serializers.CharField(
        max_length=300, help_text=_("The decision, e.g. Nota bodembeheer Gemeente X 2024.")
    )
    zone = serializers.CharField(
        max_length=200,
        required=False,
        default=None,
        allow_null=True,
        help_text=_("The zone the soil or dredgings are assessed for."),
    )
    values = ToetsingLocalValueIn(many=True, max_length=2000)  # type: ignore[call-arg]


#: Every quality class of the receiving soil or water bed: the land classes, the water classes,
#: then above both (the order of the passport's quality classes, so the API schema names the set
#: once).
RECEIVING_CLASSES: Final = [*LAND_CLASSES[:-1], *WATER_CLASSES[1:-1], "niet_toepasbaar"]


class ToetsingLocationIn(StrictSerializer):
    """What the applicant knows of the location where the batch would be applied."""

    function_class = serializers.ChoiceField(
        choices=list(FUNCTION_CLASSES),
        required=False,
        default=None,
        allow_null=True,
        help_text=_(
            "Land: the soil function class of the location (achtergrondwaarde where neither "
            "wonen nor industrie applies); null: the municipality has no soil-function map."
        ),
    )
    receiving_quality_class = serializers.ChoiceField(
        choices=RECEIVING_CLASSES,
        required=False,
        default=None,
        allow_null=True,
        help_text=_(
            "The quality class of the receiving soil (land classes) or water bed (water "
            "classes); null: not known."
        ),
    )
    material = serializers.ChoiceField(
        choices=list(MATERIALS),
        required=False,
        default=None,
        allow_null=True,
        help_text=_("Water: grond or baggerspecie (default); soil must also meet Industrie."),
    )


class ToetsingAssessmentIn(StrictSerializer):
    """Either ``measurements`` (JSON) or ``file`` (multipart upload), not both."""

    frame = serializers.ChoiceField(
        choices=list(FRAMES),
        default="grond",
        help_text=_("grond: soil applied on land; waterbodem: water bed and dredgings."),
    )
    rules = serializers.ChoiceField(
        choices=list(rule_set_ids()),
        allow_null=True,
        required=False,
        default=None,
        help_text=_("Rule set; default: the one valid on the sampling date."),
    )
    sampling_date = serializers.DateField(
        allow_null=True,
        required=False,
        default=None,
        help_text=_("Sampling date for choosing the rule set (default: from the measurements)."),
    )
    batch = serializers.BooleanField(
        default=False, help_text=_("Assess all samples as one batch (means per substance).")
    )
    receiving_soil = serializers.BooleanField(
        default=False,
        help_text=_(
            "Land: the samples are of the receiving soil; classify it with the Wonen allowance "
            "(Rbk art 4.10.2 lid 3)."
        ),
    )
    tare_soil = serializers.ListField(
        child=serializers.ChoiceField(choices=["natural_presence", "potatoes"]),
        default=list,
        max_length=2,
        help_text=_(
            "Land, tare soil: natural_presence (cresols, phenol, toluene and mineral oil not "
            "tested, Rbk art 4.14.1), potatoes (monochloroanilines not tested, art 4.14.2)."
        ),
    )
    large_scale = serializers.BooleanField(
        default=False,
        help_text=_(
            "Large-scale application (Bbk art 63): screen each verdict against the emission "
            "test values (Rbk art 4.12.1)."
        ),
    )
    below_water_level_same_manager = serializers.BooleanField(
        default=False,
        help_text=_(
            "Water: the application lies below the water level in the area of the water "
            "manager the dredgings come from (Rbk art 4.12.1 lid 3 b)."
        ),
    )
    application = ToetsingApplicationIn(
        required=False,
        default=None,
        allow_null=True,
        help_text=_(
            "Large-scale application: its details for the check against Bbk art 63 "
            "(implies large_scale)."
        ),
    )
    local_maximum_values = ToetsingLocalMaximaIn(
        required=False,
        default=None,
        allow_null=True,
        help_text=_("Check each verdict against these local maximum values as well."),
    )
    stated_class = serializers.ChoiceField(
        choices=["achtergrondwaarde", "wonen", "industrie", "klasse_A", "klasse_B"],
        required=False,
        default=None,
        allow_null=True,
        help_text=_(
            "Enforcement investigation (Rbk art 4.13.1): the class the batch had to meet; each "
            "verdict says whether its maximum values are exceeded by at least a factor 1.4."
        ),
    )
    location = ToetsingLocationIn(
        required=False,
        default=None,
        allow_null=True,
        help_text=_(
            "Test each verdict against this location: the double test of the generic "
            "framework (Bbk art 59)."
        ),
    )
    # max_length is checked before the items are validated (DRF ListSerializer; the stubs lack it)
    measurements = ToetsingMeasurementIn(  # type: ignore[call-arg]
        many=True, required=False, max_length=MAX_JSON_MEASUREMENTS
    )
    file = serializers.FileField(
        required=False,
        # format_lazy: the text is rendered in the language of the request, not at import.
        help_text=format_lazy(
            _("A lab file: CSV, XLSX or SIKB0101 XML (at most {mb} MB)."),
            mb=MAX_UPLOAD_BYTES // (1024 * 1024),
        ),
    )

    def validate(self, attrs: dict[str, Any]) -> dict[str, Any]:
        has_rows = bool(attrs.get("measurements"))
        has_file = attrs.get("file") is not None
        if has_rows == has_file:
            raise serializers.ValidationError(
                _("Send either measurements or a file, not both and not neither.")
            )
        if attrs.get("frame") == "waterbodem":
            wrong = [name for name in ("receiving_soil", "tare_soil") if attrs.get(name)]
            if wrong:
                raise serializers.ValidationError(
                    {name: [_("Applies on land (frame grond) only.")] for name in wrong}
                )
        return attrs


class ToetsingRuleOut(serializers.Serializer[dict[str, Any]]):
    rule = serializers.CharField()
    article = serializers.CharField()


UNSTANDARDISED_HELP = _(
    "Content in standard soil, mg/kg ds; null for a result below the reporting limit that may "
    "be assumed to comply in a sample without the lutum or organic matter to standardise it."
)


class ToetsingStandardisationOut(serializers.Serializer[dict[str, Any]]):
    constants = serializers.CharField(help_text=_("Row of Rbk Bijlage G III tabel 3."))
    a = serializers.FloatField(allow_null=True)
    b = serializers.FloatField(allow_null=True)
    c = serializers.FloatField(allow_null=True)
    lutum = serializers.FloatField(allow_null=True)
    organische_stof = serializers.FloatField(allow_null=True)
    lutum_used = serializers.FloatField(allow_null=True)
    organische_stof_used = serializers.FloatField(allow_null=True)
    factor = serializers.FloatField(allow_null=True)


class ToetsingMeasurementOut(serializers.Serializer[dict[str, Any]]):
    row = serializers.IntegerField(allow_null=True)
    sample = serializers.CharField()
    as_written = serializers.CharField()
    value_raw = serializers.CharField()
    unit = serializers.CharField(allow_null=True)
    value_mg_kg_ds = serializers.FloatField()
    below_reporting_limit = serializers.BooleanField()
    above_measuring_range = serializers.BooleanField(
        help_text=_('A result above the lab\'s measuring range (">5000"): a lower bound.')
    )
    reporting_limit_table = serializers.FloatField(allow_null=True)
    reporting_limit_rule = serializers.ChoiceField(
        choices=["measured", "assumed_compliant", "0.7_x_reported_limit"]
    )
    value_used = serializers.FloatField()
    standardisation = ToetsingStandardisationOut()
    standardised = serializers.FloatField(allow_null=True, help_text=UNSTANDARDISED_HELP)


class ToetsingComponentOut(serializers.Serializer[dict[str, Any]]):
    sample = serializers.CharField()
    component = serializers.CharField()
    name = serializers.CharField()
    factor = serializers.FloatField()
    value_used = serializers.FloatField()
    standardised = serializers.FloatField(allow_null=True, help_text=UNSTANDARDISED_HELP)
    compliance_assumed = serializers.BooleanField()
    measurements = ToetsingMeasurementOut(
        many=True, help_text=_("The lab's results behind the component (the mean of several).")
    )


class ToetsingParameterOut(serializers.Serializer[dict[str, Any]]):
    parameter = serializers.CharField()
    name = serializers.CharField()
    origin = serializers.ChoiceField(choices=["measured", "computed"])
    measurements = ToetsingMeasurementOut(many=True)
    components = ToetsingComponentOut(many=True)
    value_used = serializers.FloatField()
    standardised = serializers.FloatField(allow_null=True, help_text=UNSTANDARDISED_HELP)
    compliance_assumed = serializers.BooleanField()
    lower_bound = serializers.BooleanField(
        help_text=_(
            "A result above the measuring range is behind the value: the content is higher "
            "than this."
        )
    )
    limits = serializers.DictField(child=serializers.FloatField(allow_null=True))
    parameter_class = serializers.CharField()
    exceeds_background = serializers.BooleanField()
    exceeds_allowance_cap = serializers.BooleanField(
        help_text=_(
            "Above what the background-value allowance may forgive: twice the background "
            "value, or Wonen (Rbk art 4.2.2 lid 5)."
        )
    )
    exceeds_intervention = serializers.BooleanField()
    decisive = serializers.BooleanField()
    allowance_used = serializers.BooleanField()
    tare_exempt = serializers.BooleanField(
        help_text=_(
            "Tare soil (Rbk art 4.14): exempt from the background and class values, tested "
            "against the intervention value only."
        )
    )
    limit_only = serializers.BooleanField(
        help_text=_(
            "Classes nothing: the table gives this substance only an intervention value (on "
            "land: the intervention flag) or only an Industrie value (in a water bed: for soil "
            "applied in water), and that alone is tested."
        )
    )
    rules = ToetsingRuleOut(many=True)


class ToetsingExplanationOut(serializers.Serializer[dict[str, Any]]):
    parameters = ToetsingParameterOut(many=True)
    rules = ToetsingRuleOut(many=True)


class ToetsingAllowanceOut(serializers.Serializer[dict[str, Any]]):
    measured = serializers.IntegerField()
    allowed = serializers.IntegerField()
    elevated = serializers.ListField(child=serializers.CharField())
    used = serializers.BooleanField()
    refused = serializers.ListField(
        child=serializers.ChoiceField(choices=["count", "cap", "no_background_value"]),
        help_text=_(
            "Why the allowance did not forgive the elevated substances: count (more than the "
            "number measured allows), cap (one above twice its background value or Wonen), "
            "no_background_value (one above a maximum value without a background value)."
        ),
    )
    article = serializers.CharField()


class ToetsingSpreadingOut(serializers.Serializer[dict[str, Any]]):
    zoet_oppervlaktewater = serializers.CharField(allow_null=True)
    aangrenzend_perceel = serializers.CharField(allow_null=True)
    zout_oppervlaktewater = serializers.CharField(allow_null=True)


class ToetsingMessageOut(serializers.Serializer[dict[str, Any]]):
    sample = serializers.CharField(allow_null=True)
    parameter = serializers.CharField(allow_null=True)
    row = serializers.IntegerField(allow_null=True)
    code = serializers.CharField()
    level = serializers.ChoiceField(choices=["error", "warning", "info"])
    message = serializers.CharField(help_text=_("In the language of the request."))


class ToetsingEmissionExceedanceOut(serializers.Serializer[dict[str, Any]]):
    substance = serializers.CharField()
    name = serializers.CharField()
    standardised = serializers.FloatField(help_text=_("Mean content in standard soil, mg/kg ds."))
    emission_test_value = serializers.FloatField(help_text=_("Emissietoetswaarde, mg/kg ds."))
    max_emission_ls10 = serializers.FloatField(
        allow_null=True, help_text=_("Maximum emission value, mg/kg at L/S 10.")
    )


class ToetsingEmissionOut(serializers.Serializer[dict[str, Any]]):
    met = serializers.BooleanField(
        allow_null=True,
        help_text=_(
            "The maximum emission values count as met without a column test; null: a content "
            "that is not known exactly leaves it open."
        ),
    )
    reason = serializers.CharField()
    article = serializers.CharField()
    checked = serializers.ListField(child=serializers.CharField())
    exceeded = ToetsingEmissionExceedanceOut(many=True)


class ToetsingConditionOut(serializers.Serializer[dict[str, Any]]):
    code = serializers.ChoiceField(choices=["scope", "emission", "quality", "mineral_oil", "cover"])
    name = serializers.CharField(help_text=_("The condition, in the language of the request."))
    met = serializers.BooleanField(
        allow_null=True, help_text=_("Null: cannot be decided from what is given.")
    )
    verdict = serializers.CharField()
    reason = serializers.CharField()
    article = serializers.CharField()
    exceeded = serializers.ListField(child=serializers.DictField())


class ToetsingLargeScaleOut(serializers.Serializer[dict[str, Any]]):
    met = serializers.BooleanField(allow_null=True)
    reason = serializers.CharField()
    conditions = ToetsingConditionOut(many=True)


class ToetsingLocalExceedanceOut(serializers.Serializer[dict[str, Any]]):
    substance = serializers.CharField()
    name = serializers.CharField()
    standardised = serializers.FloatField(help_text=_("Mean content in standard soil, mg/kg ds."))
    local_maximum = serializers.FloatField(help_text=_("Local maximum value, mg/kg ds."))


class ToetsingLocalRestrictionOut(serializers.Serializer[dict[str, Any]]):
    code = serializers.ChoiceField(
        choices=["origin_only", "soil_in_water_bound"],
        help_text=_(
            "origin_only: may only be applied in the soil-management area it comes from (Bbk "
            "art 52 lid 2 and 3); soil_in_water_bound: a local value above Industrie serves "
            "dredgings only (Bbk art 45 lid 2)."
        ),
    )
    reason = serializers.CharField()
    substances = serializers.ListField(child=serializers.CharField())
    article = serializers.CharField()


class ToetsingLocalOut(serializers.Serializer[dict[str, Any]]):
    met = serializers.BooleanField(
        allow_null=True,
        help_text=_(
            "Null: cannot be decided (no measured substance has a local value, or a content is "
            "not known exactly)."
        ),
    )
    zone = serializers.CharField(allow_null=True)
    reason = serializers.CharField()
    note = serializers.CharField(allow_null=True)
    article = serializers.CharField()
    checked = serializers.ListField(child=serializers.CharField())
    not_set = serializers.ListField(child=serializers.CharField())
    exceeded = ToetsingLocalExceedanceOut(many=True)
    origin_only = serializers.BooleanField(
        help_text=_("Met, but only for application in the area of origin (Bbk art 52 lid 2).")
    )
    restrictions = ToetsingLocalRestrictionOut(many=True)


class ToetsingLocationOut(serializers.Serializer[dict[str, Any]]):
    allowed = serializers.BooleanField(help_text=_("Whether the batch may be applied there."))
    reasons = serializers.ListField(child=serializers.CharField())
    article = serializers.CharField()
    function_class = serializers.CharField(allow_null=True)
    receiving_quality_class = serializers.CharField(allow_null=True)
    material = serializers.CharField(allow_null=True)


class ToetsingEnforcementExceedanceOut(serializers.Serializer[dict[str, Any]]):
    substance = serializers.CharField()
    name = serializers.CharField()
    standardised = serializers.FloatField(help_text=_("Mean content in standard soil, mg/kg ds."))
    limit = serializers.FloatField(help_text=_("Maximum value of the stated class, mg/kg ds."))
    ratio = serializers.FloatField()


class ToetsingEnforcementOut(serializers.Serializer[dict[str, Any]]):
    violation = serializers.BooleanField()
    stated_class = serializers.CharField()
    factor = serializers.FloatField()
    reason = serializers.CharField()
    article = serializers.CharField()
    exceeded = ToetsingEnforcementExceedanceOut(many=True)


class ToetsingVerdictOut(serializers.Serializer[dict[str, Any]]):
    sample = serializers.CharField()
    frame = serializers.ChoiceField(choices=list(FRAMES))
    rule_set = serializers.CharField()
    intervention_exceeded = serializers.BooleanField(
        allow_null=True,
        help_text=_(
            "Null when it is not known: the sample has no class, or a content that is not "
            "known exactly leaves it open."
        ),
    )
    intervention_parameters = serializers.ListField(child=serializers.CharField())
    deciding_parameters = serializers.ListField(child=serializers.CharField())
    undetermined_parameters = serializers.ListField(
        child=serializers.CharField(),
        help_text=_(
            "Parameters (ids) whose content is not known because a measurement of them, or of "
            "a component, was made but cannot be used; the class is then withheld (message "
            "class_undecided_input_error) unless it is niet_toepasbaar."
        ),
    )
    allowance = ToetsingAllowanceOut()
    soil = serializers.JSONField(
        help_text=_("Lutum and organic matter (%); per sample for a batch.")
    )
    explanation = ToetsingExplanationOut()
    messages = ToetsingMessageOut(many=True)
    spreading = ToetsingSpreadingOut(required=False)
    wonen_allowance = serializers.JSONField(required=False)
    samples = serializers.ListField(child=serializers.CharField(), required=False)
    emission = ToetsingEmissionOut(
        required=False, help_text=_("With large_scale: the emission screening (Rbk art 4.12.1).")
    )
    local_maximum_values = ToetsingLocalOut(
        required=False,
        help_text=_("With local_maximum_values: the check against them (Rbk art 4.2.2 lid 1)."),
    )
    large_scale = ToetsingLargeScaleOut(
        required=False,
        help_text=_("With large_scale: the check against Bbk art 63, condition by condition."),
    )
    enforcement = ToetsingEnforcementOut(
        required=False,
        help_text=_("With stated_class: the enforcement check (Rbk art 4.13.1 lid 2)."),
    )
    location = ToetsingLocationOut(
        required=False,
        help_text=_("With location: may the batch be applied there (Bbk art 59)."),
    )

    def get_fields(self) -> dict[str, serializers.Field[Any, Any, Any, Any]]:
        fields = super().get_fields()
        # "class" is a Python keyword, so it cannot be declared as an attribute.
        fields["class"] = serializers.CharField(
            allow_null=True,
            help_text=_(
                "grond: achtergrondwaarde, wonen, industrie, niet_toepasbaar; waterbodem: "
                "achtergrondwaarde, klasse_A, klasse_B, niet_toepasbaar. Null when no parameter "
                "of the sample could be assessed, or when a result above the measuring range "
                "or a measurement that cannot be used leaves the class open (messages "
                "class_undecided_above_range, class_undecided_input_error)."
            ),
        )
        return fields


class ToetsingAssessmentOut(serializers.Serializer[dict[str, Any]]):
    rule_set = serializers.CharField()
    rule_set_title = serializers.CharField()
    frame = serializers.ChoiceField(choices=list(FRAMES))
    batch = serializers.BooleanField()
    verdicts = ToetsingVerdictOut(many=True)
    messages = ToetsingMessageOut(many=True, help_text=_("Messages not tied to one sample."))
