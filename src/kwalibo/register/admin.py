"""Back-office of the recognition office (Bodem+): register data and lifecycle decisions.

Lifecycle decisions are not edited as rows: they are recorded through forms that call
the services, which apply the state machine and write the audit trail. Nothing is deleted.
"""

from collections.abc import Callable
from typing import Any

from django import forms
from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied
from django.db.models import QuerySet
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils import timezone
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from kwalibo.accounts.models import User
from kwalibo.accounts.permissions import has_capability
from kwalibo.accounts.roles import Capability
from kwalibo.audit.admin import AuditedModelAdmin
from kwalibo.common.domain.errors import DomainError
from kwalibo.common.i18n import translate_error
from kwalibo.register import selectors, services
from kwalibo.register.admin_forms import (
    ApplicationForm,
    CorrectionForm,
    DecisionForm,
    PersonDeregistrationForm,
    PersonRegistrationForm,
)
from kwalibo.register.domain.lifecycle import DecisionKind
from kwalibo.register.models import (
    Activity,
    Address,
    Certificate,
    CertificateReport,
    CertifyingInstitution,
    NormDocument,
    Organisation,
    Person,
    RecognisedPerson,
    Recognition,
    RecognitionDecision,
    RecognitionStatusPeriod,
)


class ReadOnlyInline(admin.TabularInline):
    extra = 0
    can_delete = False
    show_change_link = False

    def has_add_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False


class AddressInline(admin.StackedInline):
    model = Address
    extra = 0
    max_num = 2
    can_delete = False


@admin.register(Organisation)
class OrganisationAdmin(AuditedModelAdmin):
    list_display = ["name", "kvk_number", "establishment_number", "city"]
    search_fields = ["name", "kvk_number", "addresses__city"]
    inlines = [AddressInline]

    def get_queryset(self, request: HttpRequest) -> QuerySet[Organisation]:
        return super().get_queryset(request).prefetch_related("addresses")

    @admin.display(description=_("place"))
    def city(self, organisation: Organisation) -> str:
        address = organisation.visiting_address
        return address.city if address else ""


@admin.register(Person)
class PersonAdmin(AuditedModelAdmin):
    list_display = ["surname", "surname_prefix", "initials"]
    search_fields = ["surname"]


@admin.register(CertifyingInstitution)
class CertifyingInstitutionAdmin(AuditedModelAdmin):
    list_display = ["short_name", "accreditation_number", "organisation"]
    search_fields = ["short_name"]
    filter_horizontal = ["scope"]
    autocomplete_fields = ["organisation"]


class CertificateReportInline(ReadOnlyInline):
    model = CertificateReport
    fields = readonly_fields = (
        "reported_at",
        "reported_by_display",
        "state",
        "effective_on",
        "expires_on",
        "reason",
    )
    verbose_name_plural = _("reports of the certifying institution (Bbk art 20)")


@admin.register(Certificate)
class CertificateAdmin(AuditedModelAdmin):
    inlines = [CertificateReportInline]
    list_display = [
        "number",
        "kind",
        "holder",
        "norm_document",
        "institution",
        "issued_on",
        "expires_on",
        "state",
    ]
    list_filter = ["kind", "state", "institution"]
    search_fields = ["number", "holder__name", "holder__kvk_number"]
    autocomplete_fields = ["holder", "norm_document"]
    list_select_related = ["holder", "norm_document", "institution"]


@admin.register(Activity)
class ActivityAdmin(admin.ModelAdmin):
    list_display = ["category", "letter", "code", "name_nl", "basis", "registers_persons"]
    readonly_fields = [f.name for f in Activity._meta.fields]

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False


@admin.register(NormDocument)
class NormDocumentAdmin(admin.ModelAdmin):
    list_display = ["code", "title", "scheme_manager"]
    search_fields = ["code", "title"]
    filter_horizontal = ["activities"]

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False


class DecisionInline(ReadOnlyInline):
    model = RecognitionDecision
    fk_name = "recognition"
    fields = readonly_fields = (
        "kind",
        "decided_on",
        "effective_from",
        "effective_until",
        "view_deadline",
        "article",
        "reason",
        "decided_by_display",
        "recorded_at",
        "corrects",
        "correct_link",
    )
    ordering = ["effective_from", "recorded_at"]

    @admin.display(description=_("correct"))
    def correct_link(self, decision: RecognitionDecision) -> str:
        if hasattr(decision, "corrected_by"):
            return str(_("corrected"))
        url = reverse(
            "admin:register_recognition_correct", args=[decision.recognition_id, decision.pk]
        )
        return format_html('<a href="{}">{}</a>', url, _("correct"))


class PeriodInline(ReadOnlyInline):
    model = RecognitionStatusPeriod
    fields = readonly_fields = (
        "status",
        "valid_from",
        "valid_to",
        "recorded_from",
        "recorded_to",
        "automatic",
    )
    ordering = ["recorded_from", "valid_from"]
    verbose_name_plural = _("status periods (legal time × registration time)")


class PersonInline(ReadOnlyInline):
    model = RecognisedPerson
    fields = readonly_fields = (
        "person",
        "vog_date",
        "valid_from",
        "valid_to",
        "recorded_from",
        "recorded_to",
        "reason",
        "end_link",
    )

    @admin.display(description=_("end"))
    def end_link(self, registration: RecognisedPerson) -> str:
        if registration.recorded_to is not None or registration.valid_to is not None:
            return ""
        url = reverse(
            "admin:register_recognition_person_deregister",
            args=[registration.recognition_id, registration.pk],
        )
        return format_html('<a href="{}">{}</a>', url, _("end registration"))


class AwaitingDecisionFilter(admin.SimpleListFilter):
    """Granted recognitions whose certificate is suspended, withdrawn or expired (Bbk art 20, 23)."""

    title = _("needs a decision")
    parameter_name = "awaiting"

    def lookups(self, request: HttpRequest, model_admin: Any) -> list[tuple[str, str]]:
        return [("certificate", str(_("certificate no longer valid")))]

    def queryset(
        self, request: HttpRequest, queryset: QuerySet[Recognition]
    ) -> QuerySet[Recognition]:
        if self.value() == "certificate":
            return queryset.filter(pk__in=selectors.recognitions_awaiting_decision().values("pk"))
        return queryset


@admin.register(Recognition)
class RecognitionAdmin(admin.ModelAdmin):
    list_display = ["number", "organisation", "activity", "status_today"]
    list_filter = [AwaitingDecisionFilter, "activity"]
    search_fields = ["number", "organisation__name", "organisation__kvk_number"]
    list_select_related = ["organisation", "activity"]
    readonly_fields = ["number", "organisation", "activity", "certificate", "scope", "created_at"]
    inlines = [DecisionInline, PeriodInline, PersonInline]
    change_form_template = "admin/register/recognition/change_form.html"
    change_list_template = "admin/register/recognition/change_list.html"

    def get_queryset(self, request: HttpRequest) -> QuerySet[Recognition]:
        periods = selectors.periods_on(on=timezone.localdate())
        return selectors.with_status(super().get_queryset(request), periods)

    @admin.display(description=_("status today"), ordering="status_on")
    def status_today(self, recognition: Recognition) -> str:
        return str(getattr(recognition, "status_on", "") or "")

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False  # applications go through the application form (recognition_apply)

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False  # decisions go through the decision form

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def get_urls(self) -> list[Any]:
        own = [
            path(
                "apply/",
                self.admin_site.admin_view(self.apply_view),
                name="register_recognition_apply",
            ),
            path(
                "<int:recognition_id>/decide/",
                self.admin_site.admin_view(self.decide_view),
                name="register_recognition_decide",
            ),
            path(
                "<int:recognition_id>/persons/add/",
                self.admin_site.admin_view(self.person_register_view),
                name="register_recognition_person_register",
            ),
            path(
                "<int:recognition_id>/persons/<int:registration_id>/end/",
                self.admin_site.admin_view(self.person_deregister_view),
                name="register_recognition_person_deregister",
            ),
            path(
                "<int:recognition_id>/correct/<int:decision_id>/",
                self.admin_site.admin_view(self.correct_view),
                name="register_recognition_correct",
            ),
        ]
        return own + super().get_urls()

    def _decider(self, request: HttpRequest) -> User:
        """The logged-in user, if allowed to take lifecycle decisions (Bbk art 9-12, 23)."""
        user = request.user
        if not isinstance(user, User) or not has_capability(user, Capability.DECIDE_RECOGNITION):
            raise PermissionDenied
        return user

    def _form_view(
        self,
        request: HttpRequest,
        *,
        form: forms.Form,
        title: str,
        recognition: Recognition | None,
        call: Callable[[dict[str, Any]], Recognition],
        success: str,
    ) -> HttpResponse:
        """Show `form`; on a valid POST run `call` (a service) and go to the recognition.

        A refusal of the service (DomainError) is shown on the form, translated.
        """
        if request.method == "POST" and form.is_valid():
            try:
                changed = call(form.cleaned_data)
            except DomainError as error:
                form.add_error(None, translate_error(error))
            else:
                messages.success(request, success)
                return HttpResponseRedirect(
                    reverse("admin:register_recognition_change", args=[changed.pk])
                )
        context = {
            **self.admin_site.each_context(request),
            "title": title,
            "form": form,
            "recognition": recognition,
            "opts": self.model._meta,
        }
        return TemplateResponse(request, "admin/register/recognition/decision_form.html", context)

    def apply_view(self, request: HttpRequest) -> HttpResponse:
        actor = self._decider(request)
        return self._form_view(
            request,
            form=ApplicationForm(request.POST or None),
            title=str(_("Register an application")),
            recognition=None,
            call=lambda data: services.recognition_apply(actor=actor, **data),
            success=str(_("Application registered.")),
        )

    def decide_view(self, request: HttpRequest, recognition_id: int) -> HttpResponse:
        actor = self._decider(request)
        recognition = get_object_or_404(Recognition, pk=recognition_id)

        def decide(data: dict[str, Any]) -> Recognition:
            services.recognition_decide(
                actor=actor, recognition=recognition, **{**data, "kind": DecisionKind(data["kind"])}
            )
            return recognition

        return self._form_view(
            request,
            form=DecisionForm(request.POST or None),
            title=str(_("Record a decision")),
            recognition=recognition,
            call=decide,
            success=str(_("Decision recorded.")),
        )

    def correct_view(
        self, request: HttpRequest, recognition_id: int, decision_id: int
    ) -> HttpResponse:
        actor = self._decider(request)
        decision = get_object_or_404(
            RecognitionDecision.objects.select_related("recognition"),
            pk=decision_id,
            recognition_id=recognition_id,
        )
        fields = ("decided_on", "effective_from", "effective_until", "view_deadline")

        def correct(data: dict[str, Any]) -> Recognition:
            services.recognition_decision_correct(actor=actor, decision=decision, **data)
            return decision.recognition

        return self._form_view(
            request,
            form=CorrectionForm(
                request.POST or None, initial={f: getattr(decision, f) for f in fields}
            ),
            title=str(_("Correct a decision")),
            recognition=decision.recognition,
            call=correct,
            success=str(_("Decision corrected; the earlier registration is kept.")),
        )

    def person_register_view(self, request: HttpRequest, recognition_id: int) -> HttpResponse:
        actor = self._decider(request)
        recognition = get_object_or_404(
            Recognition.objects.select_related("activity"), pk=recognition_id
        )

        def register(data: dict[str, Any]) -> Recognition:
            services.recognised_person_register(actor=actor, recognition=recognition, **data)
            return recognition

        return self._form_view(
            request,
            form=PersonRegistrationForm(request.POST or None),
            title=str(_("Register a person")),
            recognition=recognition,
            call=register,
            success=str(_("Person registered.")),
        )

    def person_deregister_view(
        self, request: HttpRequest, recognition_id: int, registration_id: int
    ) -> HttpResponse:
        actor = self._decider(request)
        registration = get_object_or_404(
            RecognisedPerson.objects.select_related("recognition"),
            pk=registration_id,
            recognition_id=recognition_id,
            recorded_to__isnull=True,
        )

        def end(data: dict[str, Any]) -> Recognition:
            services.recognised_person_deregister(actor=actor, registration=registration, **data)
            return registration.recognition

        return self._form_view(
            request,
            form=PersonDeregistrationForm(request.POST or None),
            title=str(_("End a person's registration")),
            recognition=registration.recognition,
            call=end,
            success=str(_("Registration ended; the earlier registration is kept.")),
        )
