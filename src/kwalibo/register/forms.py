"""Forms of the public register pages."""

from django import forms
from django.utils.translation import gettext_lazy as _

from kwalibo.register.models import Activity, NormDocument


class SearchForm(forms.Form):
    """Search the register; every field is optional."""

    q = forms.CharField(label=_("Name or KvK number"), required=False, max_length=100)
    activity = forms.ModelChoiceField(
        label=_("Activity"),
        queryset=Activity.objects.all(),
        to_field_name="code",
        required=False,
        empty_label=_("All activities"),
    )
    norm_document = forms.ModelChoiceField(
        label=_("Norm document"),
        queryset=NormDocument.objects.all(),
        to_field_name="code",
        required=False,
        empty_label=_("All norm documents"),
    )
    place = forms.CharField(label=_("Place"), required=False, max_length=80)
    on = forms.DateField(
        label=_("Reference date"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}),
        help_text=_("Show the register as it was on this date (empty: today)."),
    )
