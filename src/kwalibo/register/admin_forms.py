"""Back-office forms for lifecycle decisions; the service decides what is allowed."""

from typing import Any

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from kwalibo.register.domain.lifecycle import GROUNDS, DecisionKind
from kwalibo.register.models import Activity, Certificate, Organisation, Person

DECISION_KINDS = [(k.value, k.label) for k in DecisionKind if k is not DecisionKind.APPLICATION]


def _ground_choices() -> list[tuple[str, str]]:
    return [
        (g.code, f"{g.article}: {g.label}") for g in GROUNDS.values() if g.code != "application"
    ]


class DecisionForm(forms.Form):
    """Record a decision or procedural step; reason and legal ground are mandatory."""

    kind = forms.ChoiceField(label=_("Decision"), choices=DECISION_KINDS)
    ground = forms.ChoiceField(label=_("Legal ground"), choices=_ground_choices)
    decided_on = forms.DateField(
        label=_("Decided on"), widget=forms.DateInput(attrs={"type": "date"})
    )
    effective_from = forms.DateField(
        label=_("Effective from"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}),
        help_text=_("Empty: the day of the decision."),
    )
    effective_until = forms.DateField(
        label=_("Suspended until (inclusive)"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}),
    )
    view_deadline = forms.DateField(
        label=_("Period for the holder's view ends"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}),
        help_text=_(
            "For an intent: the last day on which the holder may give a view (zienswijze)."
        ),
    )
    partial = forms.BooleanField(label=_("Partly (grant)"), required=False)
    scope = forms.CharField(label=_("Scope"), required=False, max_length=300)
    reason = forms.CharField(label=_("Reason"), widget=forms.Textarea(attrs={"rows": 4}))

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["decided_on"].initial = timezone.localdate()

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        kind, ground = data.get("kind"), data.get("ground")
        if kind and ground and DecisionKind(kind) not in GROUNDS[ground].kinds:
            self.add_error("ground", _("This legal ground does not fit the decision."))
        return data


class CorrectionForm(forms.Form):
    """Correct the dates or ground of a registered decision, with a reason."""

    decided_on = forms.DateField(
        label=_("Decided on"), widget=forms.DateInput(attrs={"type": "date"})
    )
    effective_from = forms.DateField(
        label=_("Effective from"), widget=forms.DateInput(attrs={"type": "date"})
    )
    effective_until = forms.DateField(
        label=_("Suspended until (inclusive)"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}),
    )
    view_deadline = forms.DateField(
        label=_("Period for the holder's view ends"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}),
    )
    reason = forms.CharField(
        label=_("Reason for the correction"), widget=forms.Textarea(attrs={"rows": 3})
    )


class ApplicationForm(forms.Form):
    """Register an application for a recognition (Bbk art 10)."""

    organisation = forms.ModelChoiceField(
        label=_("Organisation"), queryset=Organisation.objects.all()
    )
    activity = forms.ModelChoiceField(label=_("Activity"), queryset=Activity.objects.all())
    certificate = forms.ModelChoiceField(
        label=_("Certificate or accreditation"),
        queryset=Certificate.objects.select_related("norm_document"),
        required=False,
    )
    applied_on = forms.DateField(
        label=_("Application received on"), widget=forms.DateInput(attrs={"type": "date"})
    )
    scope = forms.CharField(label=_("Scope"), required=False, max_length=300)
    reason = forms.CharField(label=_("Note"), initial="Aanvraag ontvangen", max_length=500)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["applied_on"].initial = timezone.localdate()


class PersonRegistrationForm(forms.Form):
    """Register a natural person on a recognition (Rbk art 2.3) with the date of the VOG."""

    person = forms.ModelChoiceField(label=_("Person"), queryset=Person.objects.all())
    valid_from = forms.DateField(
        label=_("Registered from"), widget=forms.DateInput(attrs={"type": "date"})
    )
    vog_date = forms.DateField(
        label=_("Date of the certificate of conduct (VOG)"),
        widget=forms.DateInput(attrs={"type": "date"}),
    )
    reason = forms.CharField(label=_("Reason"), widget=forms.Textarea(attrs={"rows": 2}))


class PersonDeregistrationForm(forms.Form):
    """End a person's registration on a recognition."""

    valid_to = forms.DateField(
        label=_("Registered until (exclusive)"), widget=forms.DateInput(attrs={"type": "date"})
    )
    reason = forms.CharField(label=_("Reason"), widget=forms.Textarea(attrs={"rows": 2}))
