"""The upload form of the assessment page."""

from __future__ import annotations

from django import forms
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _

from kwalibo.assessments.domain.rules import rule_set_ids
from kwalibo.assessments.uploads import MAX_UPLOAD_BYTES


def _rule_set_choices() -> list[tuple[str, str]]:
    return [("", str(_("The rules valid on the sampling date"))), *((i, i) for i in rule_set_ids())]


class UploadForm(forms.Form):
    """A lab file and how to assess it."""

    file = forms.FileField(
        label=_("Lab file"),
        help_text=format_lazy(
            _(
                "CSV (comma or semicolon) with the columns sample, parameter, value, unit; an "
                "XLSX of the same shape; or SIKB0101 XML. At most {mb} MB."
            ),
            mb=MAX_UPLOAD_BYTES // (1024 * 1024),
        ),
        widget=forms.ClearableFileInput(attrs={"accept": ".csv,.txt,.xlsx,.xml"}),
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
    large_scale = forms.BooleanField(
        label=_("Large-scale application (Bbk art 63): screen against the emission test values"),
        required=False,
    )
    rules = forms.ChoiceField(label=_("Rule set"), choices=_rule_set_choices, required=False)
    sampling_date = forms.DateField(
        label=_("Sampling date"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}),
        help_text=_("Chooses the rule set; empty: the date in the file."),
    )
