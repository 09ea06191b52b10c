"""The upload form of the assessment page."""

from __future__ import annotations

from typing import Any, Final

from django import forms
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _

from kwalibo.assessments.domain.application import Location, UnknownClassError
from kwalibo.assessments.domain.enforcement import STATED_CLASSES
from kwalibo.assessments.domain.rules import rule_set_ids
from kwalibo.assessments.uploads import MAX_UPLOAD_BYTES
from kwalibo.common.forms import DecimalCommaField
from kwalibo.common.i18n import translate_error

#: ``location_function``: the municipality has no soil-function map.
NO_MAP = "geen_kaart"
#: The form fields that describe the location of the double test (Bbk art 59).
LOCATION_FIELDS = ("location_function", "location_receiving", "location_material")

#: The receiving-soil choices of each group of ``location_receiving``.
_LAND_RECEIVING: Final = frozenset({"achtergrondwaarde", "wonen", "industrie", "niet_toepasbaar"})
# the background value is listed once, under Land, and is a class of both frames
_WATER_RECEIVING: Final = frozenset(
    {"achtergrondwaarde", "klasse_A", "klasse_B", "water_niet_toepasbaar"}
)

#: The form fields that describe a large-scale application.
APPLICATION_FIELDS = (
    "material",
    "thickness_m",
    "volume_m3",
    "infrastructure",
    "below_water_level",
    "cover",
    "cover_thickness_m",
)
#: Application details that are checkboxes, shown after the fields with a label above.
_APPLICATION_CHOICES = ("infrastructure", "below_water_level")


def _rule_set_choices() -> list[tuple[str, str]]:
    return [("", str(_("The rules valid on the sampling date"))), *((i, i) for i in rule_set_ids())]


class UploadForm(forms.Form):
    """A lab file and how to assess it."""

    file = forms.FileField(
        label=_("Lab file"),
        help_text=format_lazy(
            _(
                "CSV or text (comma, semicolon or tab) with the columns sample, parameter, "
                "value, unit, and if you have them date (sampling date, DD-MM-YYYY or "
                "YYYY-MM-DD) and cas; an XLSX of the same shape; or SIKB0101 XML. At most {mb} MB."
            ),
            mb=MAX_UPLOAD_BYTES // (1024 * 1024),
        ),
        widget=forms.ClearableFileInput(attrs={"accept": ".csv,.txt,.xlsx,.xml"}),
        # an empty file is refused by the reader, which names it ("lab.csv: the file is empty")
        allow_empty_file=True,
    )
    frame = forms.ChoiceField(
        label=_("Assessment frame"),
        choices=[
            ("grond", _("Soil applied on land")),
            ("waterbodem", _("Water bed and dredgings")),
        ],
        initial="grond",
        widget=forms.RadioSelect,
    )
    batch = forms.BooleanField(
        label=_("Assess all samples together as one batch (means per substance)"),
        required=False,
    )
    receiving_soil = forms.BooleanField(
        label=_(
            "The samples are of the receiving soil: classify it with the Wonen allowance "
            "(Rbk art 4.10.2 lid 3)"
        ),
        required=False,
    )
    tare_soil = forms.MultipleChoiceField(
        label=_("Tare soil (Rbk art 4.14)"),
        choices=[
            (
                "natural_presence",
                _(
                    "Cresols, phenol, toluene and mineral oil are naturally present: not tested "
                    "(art 4.14.1)"
                ),
            ),
            ("potatoes", _("Tare soil of potatoes: monochloroanilines not tested (art 4.14.2)")),
        ],
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    stated_class = forms.ChoiceField(
        label=_("Enforcement investigation (Rbk art 4.13.1): class the batch had to meet"),
        choices=[
            ("", _("Not an enforcement investigation")),
            ("achtergrondwaarde", _("Background value")),
            ("wonen", _("Wonen (residential)")),
            ("industrie", _("Industrie (industrial)")),
            ("klasse_A", _("Class A")),
            ("klasse_B", _("Class B")),
        ],
        required=False,
        help_text=_(
            "A violation of Bbk art 37 lid 1 is established only when the maximum values of "
            "this class are exceeded by at least a factor 1.4; assess a batch inspection as one "
            "batch."
        ),
    )
    large_scale = forms.BooleanField(
        label=_("Large-scale application (Bbk art 63): screen against the emission test values"),
        required=False,
    )
    # The details of a large-scale application (Bbk art 63); any of them implies large_scale.
    material = forms.ChoiceField(
        label=_("Material"),
        choices=[
            ("", _("Soil on land, dredgings in water")),
            ("grond", _("Soil")),
            ("baggerspecie", _("Dredgings")),
        ],
        required=False,
    )
    thickness_m = DecimalCommaField(label=_("Layer thickness (m)"), required=False, min_value=0)
    volume_m3 = DecimalCommaField(label=_("Volume (m³)"), required=False, min_value=0)
    infrastructure = forms.BooleanField(
        label=_("Construction of a road or railway (at least 0.5 m, Bbk art 63 lid 5)"),
        required=False,
    )
    below_water_level = forms.BooleanField(
        label=_(
            "In water: below the water level, within the area of the water manager the "
            "dredgings come from (Rbk art 4.12.1 lid 3 b)"
        ),
        required=False,
    )
    cover = forms.ChoiceField(
        label=_("Cover"),
        choices=[
            ("", _("Not given")),
            ("leeflaag", _("Top layer (leeflaag)")),
            ("bouwstoffen", _("Layer of building materials")),
            ("bouwstoffen_aaneengesloten", _("Continuous layer of building materials")),
        ],
        required=False,
    )
    cover_thickness_m = DecimalCommaField(
        label=_("Top layer thickness (m)"), required=False, min_value=0
    )
    column_test = forms.FileField(
        label=_("Column test (optional)"),
        required=False,
        help_text=_(
            "Emissions measured in a column test (NEN 7373 or NEN 7383), mg/kg at L/S 10, in "
            "the same file shape as the lab file."
        ),
        widget=forms.ClearableFileInput(attrs={"accept": ".csv,.txt,.xlsx,.xml"}),
    )

    def application_fields(self) -> list[forms.BoundField]:
        """The bound fields of the application details with a label above (no checkbox)."""
        return [self[name] for name in APPLICATION_FIELDS if name not in _APPLICATION_CHOICES]

    def application_errors(self) -> bool:
        """Whether a field of the application details has an error: their section opens, or
        the message would hide in a closed section."""
        return any(name in self.errors for name in (*APPLICATION_FIELDS, "column_test"))

    def wants_large_scale(self) -> bool:
        """Whether the verdicts are to be checked as a large-scale application."""
        data = self.cleaned_data
        return bool(data.get("large_scale")) or any(
            data.get(name) not in (None, "", False) for name in (*APPLICATION_FIELDS, "column_test")
        )

    # The area-specific framework (Bbk art 44 and 45): the annex of a nota bodembeheer.
    local_maxima = forms.FileField(
        label=_("Local maximum values (optional)"),
        required=False,
        help_text=_(
            "The annex of the decision as CSV or XLSX with the columns parameter, waarde, "
            "eenheid and optionally zone; the values in mg/kg ds of standard soil."
        ),
        widget=forms.ClearableFileInput(attrs={"accept": ".csv,.txt,.xlsx"}),
    )
    local_zone = forms.CharField(
        label=_("Soil-quality zone"),
        required=False,
        max_length=200,
        help_text=_("The zone where the soil is applied; empty: the values for the whole area."),
    )
    local_title = forms.CharField(
        label=_("Title of the decision"),
        required=False,
        max_length=300,
        help_text=_(
            "As the reasons cite it, e.g. Nota bodembeheer Gemeente Voorbeeld 2024; empty: "
            "the file name."
        ),
    )

    def local_fields(self) -> list[forms.BoundField]:
        """The bound fields of the zone and the title of the local maximum values."""
        return [self["local_zone"], self["local_title"]]

    # The location of the double test of the generic framework (Bbk art 59).
    location_function = forms.ChoiceField(
        label=_("Soil function class of the location"),
        choices=[
            ("", _("Not tested")),
            (NO_MAP, _("No soil-function map")),
            ("achtergrondwaarde", _("Neither Wonen nor Industrie")),
            ("wonen", _("Wonen (residential)")),
            ("industrie", _("Industrie (industrial)")),
        ],
        required=False,
        help_text=_("Land only: from the soil-function map of the municipality (Bbk art 55)."),
    )
    location_receiving = forms.ChoiceField(
        label=_("Quality class of the receiving soil or water bed"),
        choices=[
            ("", _("Not known")),
            (
                _("Land"),
                [
                    ("achtergrondwaarde", _("Background value")),
                    ("wonen", _("Wonen (residential)")),
                    ("industrie", _("Industrie (industrial)")),
                    ("niet_toepasbaar", _("Above Industrie")),
                ],
            ),
            (
                _("Water bed"),
                [
                    ("klasse_A", _("Class A")),
                    ("klasse_B", _("Class B")),
                    ("water_niet_toepasbaar", _("Above class B")),
                ],
            ),
        ],
        required=False,
        help_text=_(
            "From the soil-quality map or an assessment of the receiving soil (Bbk art 58); in "
            "water this starts the test."
        ),
    )
    location_material = forms.ChoiceField(
        label=_("Applied in water as"),
        choices=[("", _("Dredgings")), ("grond", _("Soil (not from a water bed)"))],
        required=False,
        help_text=_("Soil applied in surface water must also meet Industrie (Bbk art 59 lid 3)."),
    )

    def location_fields(self) -> list[forms.BoundField]:
        """The bound fields of the location of the double test."""
        return [self[name] for name in LOCATION_FIELDS]

    def location(self) -> Location | None:
        """The location as stated, ``None`` when the test was not asked for (after ``clean``)."""
        return self.cleaned_data.get("_location")

    def _clean_location(self, data: dict[str, Any]) -> None:
        """Turn the location fields into a ``Location`` for the chosen frame, or say which
        field does not fit: a function class in water, a receiving class of the other frame."""
        function = data.get("location_function") or None
        receiving = data.get("location_receiving") or None
        frame = data.get("frame")
        groups = {"grond": _LAND_RECEIVING, "waterbodem": _WATER_RECEIVING}
        if receiving is not None and frame in groups and receiving not in groups[frame]:
            # "Above class B" on land was taken for "Above Industrie"; say which group fits
            self.add_error(
                "location_receiving",
                _("Choose a class of the group Land: the batch is assessed as soil on land.")
                if frame == "grond"
                else _(
                    "Choose a class of the group Water bed: the batch is assessed as a water bed."
                ),
            )
            data["_location"] = None
            return
        if receiving == "water_niet_toepasbaar":
            receiving = "niet_toepasbaar"
        location = None
        if frame == "grond" and function is not None:
            location = Location(
                function_class=None if function == NO_MAP else function,
                receiving_quality_class=receiving,
            )
        elif frame == "grond" and receiving is not None:
            self.add_error(
                "location_function",
                _("Choose the soil function class too (or: no soil-function map)."),
            )
        elif frame == "waterbodem" and function is not None:
            self.add_error(
                "location_function",
                _("Soil function classes apply on land; in surface water there are none."),
            )
        elif frame == "waterbodem" and receiving is not None:
            location = Location(
                receiving_quality_class=receiving,
                material=data.get("location_material") or None,
            )
        if location is not None:
            try:
                location.checked(str(frame))
            except UnknownClassError as error:
                self.add_error(
                    "location_receiving",
                    format_lazy(
                        "{} {}",
                        _("This class does not belong to the chosen assessment frame."),
                        translate_error(error),
                    ),
                )
                location = None
        data["_location"] = location

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        self._clean_location(data)
        if data.get("frame") == "waterbodem":
            if data.get("receiving_soil"):
                self.add_error(
                    "receiving_soil",
                    _("The Wonen allowance for the receiving soil applies on land only."),
                )
            if data.get("tare_soil"):
                self.add_error("tare_soil", _("Tare soil is applied on land only."))
        elif data.get("below_water_level"):
            self.add_error(
                "below_water_level", _("This concerns dredgings applied in surface water.")
            )
        # an enforcement investigation states a class of the frame (art 4.13.1)
        own = STATED_CLASSES.get(data.get("frame") or "grond", ())
        if data.get("stated_class") and data["stated_class"] not in own:
            self.add_error(
                "stated_class", _("This class does not belong to the chosen assessment frame.")
            )
        if data.get("local_maxima") is None and (data.get("local_zone") or data.get("local_title")):
            # A zone or title alone checks nothing; say so instead of ignoring it.
            self.add_error(
                "local_maxima",
                _("Add the file of local maximum values to check the zone or decision against."),
            )
        return data

    rules = forms.ChoiceField(label=_("Rule set"), choices=_rule_set_choices, required=False)
    sampling_date = forms.DateField(
        label=_("Sampling date"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}),
        help_text=_("Chooses the rule set; empty: the date in the file."),
    )
