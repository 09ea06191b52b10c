"""API schemas of the register: input (query) and output serializers, kept apart."""

import datetime as dt

from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from rest_framework import serializers

from kwalibo.register.domain.identifiers import normalise_kvk
from kwalibo.register.models import Activity, Certificate, NormDocument, Organisation, Recognition


class ActivityOut(serializers.ModelSerializer):
    norm_documents = serializers.SlugRelatedField[NormDocument](
        many=True, read_only=True, slug_field="code"
    )

    class Meta:
        model = Activity
        fields = [
            "code",
            "letter",
            "category",
            "name_nl",
            "name_en",
            "basis",
            "registers_persons",
            "independence",
            "legal_source",
            "norm_documents",
        ]


class CertificateOut(serializers.ModelSerializer):
    norm_document = serializers.CharField(source="norm_document.code")
    certifying_institution = serializers.CharField(
        source="institution.short_name", allow_null=True, default=None
    )

    class Meta:
        model = Certificate
        fields = [
            "number",
            "kind",
            "norm_document",
            "certifying_institution",
            "issued_on",
            "expires_on",
            "state",
        ]


class RecognitionOut(serializers.ModelSerializer):
    activity = serializers.CharField(source="activity.code")
    status = serializers.CharField(source="status_on", help_text=_("Status on the reference date."))
    status_since = serializers.DateField()
    status_until = serializers.SerializerMethodField(
        help_text=_("Last day of the status, if it ends.")
    )
    certificate = CertificateOut(allow_null=True)

    class Meta:
        model = Recognition
        fields = [
            "number",
            "activity",
            "scope",
            "status",
            "status_since",
            "status_until",
            "certificate",
        ]

    def get_status_until(self, recognition: Recognition) -> dt.date | None:
        until = getattr(recognition, "status_until", None)
        return until - dt.timedelta(days=1) if until else None


class AddressOut(serializers.Serializer):
    street = serializers.CharField()
    house_number = serializers.CharField()
    postcode = serializers.CharField()
    city = serializers.CharField()


class OrganisationOut(serializers.ModelSerializer):
    address = AddressOut(source="visiting_address", allow_null=True)
    recognitions = RecognitionOut(source="recognitions_on", many=True)

    class Meta:
        model = Organisation
        fields = ["id", "name", "kvk_number", "establishment_number", "address", "recognitions"]


class OrganisationQuery(serializers.Serializer):
    search = serializers.CharField(
        required=False,
        allow_blank=True,
        default="",
        help_text=_("Name (contains) or KvK number (prefix)."),
    )
    activity = serializers.SlugRelatedField(
        slug_field="code",
        queryset=Activity.objects.all(),
        required=False,
        allow_null=True,
        default=None,
    )
    norm_document = serializers.SlugRelatedField(
        slug_field="code",
        queryset=NormDocument.objects.all(),
        required=False,
        allow_null=True,
        default=None,
    )
    place = serializers.CharField(required=False, allow_blank=True, default="")
    on = serializers.DateField(
        required=False,
        allow_null=True,
        default=None,
        help_text=_("Reference date (default: today)."),
    )
    known_at = serializers.DateTimeField(
        required=False,
        allow_null=True,
        default=None,
        help_text=_("Show what the register held at this moment (default: now)."),
    )


class CheckQuery(serializers.Serializer):
    kvk = serializers.CharField(help_text=_("KvK number, 8 digits."))
    activity = serializers.SlugRelatedField(
        slug_field="code",
        queryset=Activity.objects.all(),
        help_text=_("Stable activity code, see /api/v1/register/activities."),
    )
    on = serializers.DateField(
        required=False,
        allow_null=True,
        default=None,
        help_text=_("Date to check (default: today)."),
    )
    known_at = serializers.DateTimeField(
        required=False,
        allow_null=True,
        default=None,
        help_text=_("Answer as the register held it at this moment (default: now)."),
    )

    def validate_kvk(self, value: str) -> str:
        number = normalise_kvk(value)
        if not (len(number) == 8 and number.isdigit()):
            raise serializers.ValidationError(_("A KvK number has exactly 8 digits."))
        return number

    def validate_on(self, value: dt.date | None) -> dt.date:
        return value or timezone.localdate()


class CheckOrganisationOut(serializers.Serializer):
    id = serializers.IntegerField()
    name = serializers.CharField()
    kvk_number = serializers.CharField()
    establishment_number = serializers.CharField()


class CheckRecognitionOut(serializers.Serializer):
    number = serializers.CharField()
    status = serializers.CharField(help_text=_("Status on the checked date."))
    status_since = serializers.DateField()
    status_until = serializers.DateField(
        allow_null=True, help_text=_("Last day of the status, if it ends.")
    )
    scope = serializers.CharField()
    certificate = CertificateOut(allow_null=True)


class CheckOut(serializers.Serializer):
    kvk = serializers.CharField()
    activity = serializers.CharField()
    on = serializers.DateField()
    known_at = serializers.DateTimeField(allow_null=True)
    recognised = serializers.BooleanField(
        help_text=_("True if the organisation was recognised for the activity on that date.")
    )
    organisation = CheckOrganisationOut(allow_null=True)
    recognition = CheckRecognitionOut(allow_null=True)


class CertificateReportIn(serializers.Serializer):  # type: ignore[type-arg]
    state = serializers.ChoiceField(choices=Certificate.State.choices)
    effective_on = serializers.DateField()
    expires_on = serializers.DateField(
        required=False,
        allow_null=True,
        default=None,
        help_text=_("New expiry date, for a renewal."),
    )
    reason = serializers.CharField()


class CertificateReportOut(serializers.Serializer):  # type: ignore[type-arg]
    certificate = serializers.CharField(source="certificate.number")
    state = serializers.CharField()
    effective_on = serializers.DateField()
    expires_on = serializers.DateField(allow_null=True)
    reason = serializers.CharField()
    reported_by = serializers.CharField(source="reported_by_display")
    reported_at = serializers.DateTimeField()


class ReporterCertificateOut(CertificateOut):
    holder = serializers.CharField(source="holder.name")
    holder_kvk = serializers.CharField(source="holder.kvk_number")

    class Meta(CertificateOut.Meta):
        fields = [*CertificateOut.Meta.fields, "holder", "holder_kvk"]
