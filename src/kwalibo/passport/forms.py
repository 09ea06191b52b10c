"""Forms of the passport pages (labels are English msgids; the UI shows them in Dutch)."""

from django import forms
from django.utils.translation import gettext_lazy as _

from kwalibo.common.forms import DecimalCommaDecimalField
from kwalibo.passport.domain.notifications import Framework, NotificationKind


class VerificationLookupForm(forms.Form):
    number = forms.CharField(
        label=_("Number of the declaration"),
        max_length=24,
        help_text=_("As printed on the declaration, e.g. MVB-2025-7K3QD-9XWDA."),
    )

    def clean_number(self) -> str:
        return str(self.cleaned_data["number"]).strip().upper()


class StepConfirmForm(forms.Form):
    quantity_m3 = DecimalCommaDecimalField(
        label=_("Quantity (m³)"), max_digits=14, decimal_places=3
    )
    occurred_on = forms.DateField(label=_("Date"), widget=forms.DateInput(attrs={"type": "date"}))
    vehicle = forms.CharField(label=_("Vehicle or vessel"), max_length=40, required=False)
    remarks = forms.CharField(label=_("Remarks"), max_length=300, required=False)


class RevisionRequestForm(forms.Form):
    quantity_m3 = DecimalCommaDecimalField(
        label=_("Correct quantity (m³)"), max_digits=14, decimal_places=3, required=False
    )
    occurred_on = forms.DateField(
        label=_("Correct date"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )
    reason = forms.CharField(label=_("Reason"), max_length=500)


class RevisionAnswerForm(forms.Form):
    accept = forms.TypedChoiceField(
        label=_("Answer"),
        choices=[("yes", _("Accept")), ("no", _("Reject"))],
        coerce=lambda value: value == "yes",
    )
    remark = forms.CharField(label=_("Remark"), max_length=300, required=False)


class WithdrawForm(forms.Form):
    reason = forms.CharField(label=_("Reason for withdrawing"), max_length=500)


class NotificationForm(forms.Form):
    kind = forms.ChoiceField(
        label=_("Kind"), choices=[(k.value, _(k.label)) for k in NotificationKind]
    )
    batch = forms.CharField(label=_("Batch number"), max_length=40)
    site = forms.IntegerField(label=_("Location (site number)"))
    starts_on = forms.DateField(
        label=_("Start of the application"), widget=forms.DateInput(attrs={"type": "date"})
    )
    quantity_m3 = DecimalCommaDecimalField(
        label=_("Quantity (m³)"), max_digits=14, decimal_places=3, required=False
    )
    framework = forms.ChoiceField(
        label=_("Assessment framework"),
        choices=[("", "—"), *[(f.value, _(f.label)) for f in Framework]],
        required=False,
    )
    duration_days = forms.IntegerField(
        label=_("Planned duration of storage (days)"), required=False, min_value=1
    )
