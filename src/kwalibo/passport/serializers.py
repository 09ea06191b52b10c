"""API schemas of the passport: input and output serializers, kept apart."""

from typing import Any

from django.utils.translation import gettext_lazy as _
from rest_framework import serializers

from kwalibo.passport.domain.custody import Purpose
from kwalibo.passport.domain.declarations import DeclarationType, Material
from kwalibo.passport.domain.notifications import Framework, NotificationKind
from kwalibo.passport.models import (
    Batch,
    Consignment,
    CustodyStep,
    Declaration,
    Frame,
    FunctionClass,
    Notification,
    Project,
    QualityClass,
    RevisionRequest,
    SigningKey,
    Site,
)


def _enum_choices(enum: type) -> list[tuple[str, str]]:
    return [(m.value, m.value) for m in enum]  # type: ignore[attr-defined]


def _quantity_field(*, allow_null: bool = False, **extra: Any) -> serializers.DecimalField:
    """A quantity in m³ (or t): a decimal string with three decimals, never a float."""
    return serializers.DecimalField(
        max_digits=14, decimal_places=3, coerce_to_string=True, allow_null=allow_null, **extra
    )


# --- output ---------------------------------------------------------------------------------


class OrganisationRefOut(serializers.Serializer):  # type: ignore[type-arg]
    name = serializers.CharField()
    kvk_number = serializers.CharField()


class SigningKeyOut(serializers.ModelSerializer):  # type: ignore[type-arg]
    organisation = OrganisationRefOut()
    retired = serializers.DateTimeField(source="retired_at", allow_null=True)

    class Meta:
        model = SigningKey
        fields = ["key_id", "algorithm", "public_key", "organisation", "created_at", "retired"]


class FindingOut(serializers.Serializer):  # type: ignore[type-arg]
    role = serializers.CharField()
    kvk = serializers.CharField()
    activity = serializers.CharField(help_text=_("Stable activity code (docs/activities.md)."))
    on = serializers.DateField()
    organisation = serializers.CharField()
    recognised = serializers.BooleanField()
    status = serializers.CharField(allow_null=True, help_text=_("Recognition status on that day."))


class ProblemOut(serializers.Serializer):  # type: ignore[type-arg]
    code = serializers.CharField(help_text="signature | withdrawn | lapsed | recognition")
    message = serializers.CharField()


class VerificationOut(serializers.Serializer):  # type: ignore[type-arg]
    number = serializers.CharField()
    valid = serializers.BooleanField(
        help_text=_("Signature valid, in force, and every recognition it relies on held.")
    )
    signature_valid = serializers.BooleanField()
    status = serializers.CharField(help_text="valid | withdrawn | lapsed")
    status_since = serializers.DateField(allow_null=True)
    type = serializers.CharField()
    issued_on = serializers.DateField()
    issuer = OrganisationRefOut()
    batch_number = serializers.CharField()
    volume_m3 = serializers.CharField()
    quality_class = serializers.CharField()
    key_id = serializers.CharField()
    findings = FindingOut(many=True)
    problems = ProblemOut(many=True)


class DeclarationOut(serializers.ModelSerializer):  # type: ignore[type-arg]
    status = serializers.CharField()
    batch = serializers.CharField(source="batch.number")
    issuer = OrganisationRefOut()
    key_id = serializers.CharField(source="signing_key.key_id")
    type = serializers.CharField(source="declaration_type")

    class Meta:
        model = Declaration
        fields = [
            "number",
            "type",
            "batch",
            "issuer",
            "issued_on",
            "status",
            "status_since",
            "status_reason",
            "key_id",
            "payload",
            "signature",
        ]


class SiteOut(serializers.ModelSerializer):  # type: ignore[type-arg]
    kind = serializers.CharField()
    frame = serializers.CharField()
    function_class = serializers.CharField()
    quality_class = serializers.CharField()
    project = serializers.CharField(source="project.code", allow_null=True, default=None)
    operator = OrganisationRefOut(allow_null=True)
    longitude = serializers.SerializerMethodField()
    latitude = serializers.SerializerMethodField()

    class Meta:
        model = Site
        fields = [
            "id",
            "name",
            "kind",
            "frame",
            "project",
            "operator",
            "address",
            "municipality",
            "competent_authority",
            "x_rd",
            "y_rd",
            "longitude",
            "latitude",
            "function_class",
            "quality_class",
        ]

    def get_longitude(self, site: Site) -> float:
        from kwalibo.passport.domain.projection import rd_to_wgs84

        return rd_to_wgs84(site.x_rd, site.y_rd)[0]

    def get_latitude(self, site: Site) -> float:
        from kwalibo.passport.domain.projection import rd_to_wgs84

        return rd_to_wgs84(site.x_rd, site.y_rd)[1]


class ProjectOut(serializers.ModelSerializer):  # type: ignore[type-arg]
    client = OrganisationRefOut()

    class Meta:
        model = Project
        fields = ["code", "name", "client", "created_at"]


class BatchOut(serializers.ModelSerializer):  # type: ignore[type-arg]
    material = serializers.CharField()
    declaration_type = serializers.CharField()
    provenance = serializers.CharField()
    state = serializers.CharField()
    quality_class = serializers.CharField()
    assessment_frame = serializers.CharField()
    project = serializers.CharField(source="project.code", allow_null=True, default=None)
    holder = OrganisationRefOut()
    origin_site = serializers.IntegerField(source="origin_site_id")
    site = serializers.IntegerField(source="site_id")
    split_from = serializers.CharField(source="split_from.number", allow_null=True, default=None)
    merged_into = serializers.CharField(source="merged_into.number", allow_null=True, default=None)
    formed_by = OrganisationRefOut(allow_null=True)
    sampler = OrganisationRefOut(allow_null=True)
    laboratory = OrganisationRefOut(allow_null=True)
    volume_m3 = _quantity_field()
    mass_tonnes = _quantity_field(allow_null=True)

    class Meta:
        model = Batch
        fields = [
            "number",
            "project",
            "material",
            "volume_m3",
            "mass_tonnes",
            "declaration_type",
            "quality_scheme",
            "holder",
            "provenance",
            "state",
            "origin_site",
            "site",
            "excavated_on",
            "split_from",
            "merged_into",
            "formed_by",
            "formed_on",
            "quality_class",
            "assessment_frame",
            "assessment_rule_set",
            "assessment_explanation",
            "lab_report_reference",
            "sampler",
            "laboratory",
            "sampled_on",
            "analysed_on",
        ]


class StockOut(serializers.Serializer):  # type: ignore[type-arg]
    site = serializers.IntegerField()
    quantity_m3 = _quantity_field()


class BatchDetailOut(BatchOut):
    stock = StockOut(many=True, help_text=_("Where the batch is now, m³ per site."))
    declaration = serializers.CharField(allow_null=True, help_text=_("The declaration in force."))

    class Meta(BatchOut.Meta):
        fields = [*BatchOut.Meta.fields, "stock", "declaration"]


class NotificationOut(serializers.ModelSerializer):  # type: ignore[type-arg]
    kind = serializers.CharField()
    framework = serializers.CharField()
    declaration = serializers.CharField(source="declaration.number", allow_null=True, default=None)
    batch = serializers.CharField(source="batch.number", allow_null=True, default=None)
    applier = OrganisationRefOut()
    site = serializers.IntegerField(source="site_id")
    quantity_m3 = _quantity_field(allow_null=True)

    class Meta:
        model = Notification
        fields = [
            "number",
            "kind",
            "declaration",
            "batch",
            "applier",
            "applier_details",
            "framework",
            "origin",
            "quantity_m3",
            "site",
            "quality_class",
            "function_class",
            "duration_days",
            "sub_batch_record",
            "starts_on",
            "filed_on",
            "competent_authority",
            "final_destination_due",
            "final_destination",
        ]


class RevisionOut(serializers.ModelSerializer):  # type: ignore[type-arg]
    state = serializers.CharField()
    requested_by = OrganisationRefOut()
    step = serializers.IntegerField(source="step.sequence")
    consignment = serializers.CharField(source="step.consignment.number")
    answers = serializers.SerializerMethodField()

    class Meta:
        model = RevisionRequest
        fields = [
            "id",
            "consignment",
            "step",
            "requested_by",
            "changes",
            "reason",
            "approvers",
            "state",
            "answers",
            "created_at",
            "closed_at",
        ]

    def get_answers(self, revision: RevisionRequest) -> list[dict[str, Any]]:
        return [
            {"party": a.party_id, "accepted": a.accepted, "remark": a.remark}
            for a in revision.answers.all()
        ]


class StepOut(serializers.ModelSerializer):  # type: ignore[type-arg]
    kind = serializers.CharField()
    party = OrganisationRefOut()
    site = serializers.IntegerField(source="site_id", allow_null=True)
    quantity_m3 = _quantity_field(allow_null=True)
    confirmed = serializers.SerializerMethodField()

    class Meta:
        model = CustodyStep
        fields = [
            "sequence",
            "kind",
            "party",
            "site",
            "quantity_m3",
            "occurred_on",
            "vehicle",
            "remarks",
            "confirmed",
            "confirmed_at",
        ]

    def get_confirmed(self, step: CustodyStep) -> bool:
        return step.confirmed_at is not None


class ConsignmentOut(serializers.ModelSerializer):  # type: ignore[type-arg]
    purpose = serializers.CharField()
    state = serializers.CharField()
    batch = serializers.CharField(source="batch.number")
    declaration = serializers.CharField(source="declaration.number")
    notification = serializers.CharField(
        source="notification.number", allow_null=True, default=None
    )
    from_site = serializers.IntegerField(source="from_site_id")
    to_site = serializers.IntegerField(source="to_site_id")
    quantity_m3 = _quantity_field()

    class Meta:
        model = Consignment
        fields = [
            "number",
            "batch",
            "declaration",
            "notification",
            "purpose",
            "from_site",
            "to_site",
            "quantity_m3",
            "planned_on",
            "state",
            "cancelled_reason",
        ]


class ConsignmentDetailOut(ConsignmentOut):
    steps = StepOut(many=True)

    class Meta(ConsignmentOut.Meta):
        fields = [*ConsignmentOut.Meta.fields, "steps"]


class FlowsOut(serializers.Serializer):  # type: ignore[type-arg]
    excavated = _quantity_field()
    dispatched = _quantity_field()
    received = _quantity_field()
    applied = _quantity_field()
    stored = _quantity_field()
    in_transit = _quantity_field()
    over_declared = _quantity_field()


class DiscrepancyOut(serializers.Serializer):  # type: ignore[type-arg]
    code = serializers.CharField(help_text="over_declared | more_out_than_in | transit_difference")
    message = serializers.CharField()


class BalanceRowOut(serializers.Serializer):  # type: ignore[type-arg]
    site = serializers.IntegerField()
    site_name = serializers.CharField()
    flows = FlowsOut()
    discrepancies = DiscrepancyOut(many=True)


class ProjectBalanceOut(serializers.Serializer):  # type: ignore[type-arg]
    project = serializers.CharField()
    total = FlowsOut()
    discrepancies = DiscrepancyOut(many=True)
    sites = BalanceRowOut(many=True)


class GeometryOut(serializers.Serializer):  # type: ignore[type-arg]
    type = serializers.ChoiceField(choices=["Point", "LineString"])
    coordinates = serializers.JSONField()


class FeatureOut(serializers.Serializer):  # type: ignore[type-arg]
    type = serializers.ChoiceField(choices=["Feature"])
    geometry = GeometryOut()
    properties = serializers.DictField()


class FeatureCollectionOut(serializers.Serializer):  # type: ignore[type-arg]
    type = serializers.ChoiceField(choices=["FeatureCollection"])
    features = FeatureOut(many=True)


# --- input ----------------------------------------------------------------------------------


class DeclarationIssueIn(serializers.Serializer):  # type: ignore[type-arg]
    batch = serializers.CharField(help_text=_("Number of the batch."))
    issued_on = serializers.DateField(required=False, allow_null=True, default=None)


class ReasonIn(serializers.Serializer):  # type: ignore[type-arg]
    reason = serializers.CharField()


class ProjectIn(serializers.Serializer):  # type: ignore[type-arg]
    code = serializers.CharField(max_length=40)
    name = serializers.CharField(max_length=200)


class SiteIn(serializers.Serializer):  # type: ignore[type-arg]
    name = serializers.CharField(max_length=200)
    kind = serializers.CharField(help_text="excavation | storage | processing | application")
    frame = serializers.ChoiceField(choices=Frame.values)
    address = serializers.CharField(max_length=300)
    municipality = serializers.CharField(max_length=80)
    x_rd = serializers.FloatField(help_text=_("RD New (EPSG:28992) x in metres."))
    y_rd = serializers.FloatField(help_text=_("RD New (EPSG:28992) y in metres."))
    project = serializers.CharField(required=False, allow_blank=True, default="")
    operator_kvk = serializers.CharField(required=False, allow_blank=True, default="")
    competent_authority = serializers.CharField(required=False, allow_blank=True, default="")
    function_class = serializers.ChoiceField(
        choices=FunctionClass.values, required=False, allow_blank=True, default=""
    )
    quality_class = serializers.ChoiceField(
        choices=QualityClass.values, required=False, allow_blank=True, default=""
    )

    def validate_kind(self, value: str) -> str:
        if value not in Site.Kind.values:
            raise serializers.ValidationError(_("Unknown kind of site."))
        return value


class BatchIn(serializers.Serializer):  # type: ignore[type-arg]
    origin_site = serializers.IntegerField()
    material = serializers.ChoiceField(choices=_enum_choices(Material))
    volume_m3 = serializers.DecimalField(max_digits=14, decimal_places=3)
    mass_tonnes = serializers.DecimalField(
        max_digits=14, decimal_places=3, required=False, allow_null=True, default=None
    )
    declaration_type = serializers.ChoiceField(choices=_enum_choices(DeclarationType))
    project = serializers.CharField(required=False, allow_blank=True, default="")
    excavated_on = serializers.DateField(required=False, allow_null=True, default=None)
    quality_scheme = serializers.CharField(required=False, allow_blank=True, default="")


class AssessmentIn(serializers.Serializer):  # type: ignore[type-arg]
    frame = serializers.ChoiceField(choices=Frame.values)
    quality_class = serializers.ChoiceField(choices=QualityClass.values)
    rule_set = serializers.CharField(max_length=120)
    explanation = serializers.JSONField(required=False, default=dict)
    lab_report_reference = serializers.CharField(max_length=120)
    sampler_kvk = serializers.CharField(required=False, allow_blank=True, default="")
    laboratory_kvk = serializers.CharField(required=False, allow_blank=True, default="")
    certifier_kvk = serializers.CharField(required=False, allow_blank=True, default="")
    sampled_on = serializers.DateField(required=False, allow_null=True, default=None)
    analysed_on = serializers.DateField(required=False, allow_null=True, default=None)


class MeasurementIn(serializers.Serializer):  # type: ignore[type-arg]
    sample = serializers.CharField(max_length=60)
    parameter = serializers.CharField(max_length=120, help_text=_("Name, code or CAS number."))
    value = serializers.CharField(max_length=40, help_text=_('As reported, e.g. "12,5" or "<0.2".'))
    unit = serializers.CharField(
        max_length=20, help_text=_("e.g. mg/kg ds, or per cent for lutum.")
    )


class AssessmentMeasurementsIn(serializers.Serializer):  # type: ignore[type-arg]
    frame = serializers.ChoiceField(choices=Frame.values)
    lab_report_reference = serializers.CharField(max_length=120)
    measurements = MeasurementIn(many=True, allow_empty=False)
    sampler_kvk = serializers.CharField(required=False, allow_blank=True, default="")
    laboratory_kvk = serializers.CharField(required=False, allow_blank=True, default="")
    sampled_on = serializers.DateField(required=False, allow_null=True, default=None)
    analysed_on = serializers.DateField(required=False, allow_null=True, default=None)


class SplitIn(serializers.Serializer):  # type: ignore[type-arg]
    site = serializers.IntegerField()
    parts_m3 = serializers.ListField(
        child=serializers.DecimalField(max_digits=14, decimal_places=3), min_length=1
    )
    split_on = serializers.DateField()


class MergeIn(serializers.Serializer):  # type: ignore[type-arg]
    batches = serializers.ListField(child=serializers.CharField(), min_length=2)
    site = serializers.IntegerField()
    merged_on = serializers.DateField()


class NotificationIn(serializers.Serializer):  # type: ignore[type-arg]
    kind = serializers.CharField(help_text="application | temporary_storage")
    batch = serializers.CharField()
    site = serializers.IntegerField()
    starts_on = serializers.DateField()
    quantity_m3 = serializers.DecimalField(
        max_digits=14, decimal_places=3, required=False, allow_null=True, default=None
    )
    framework = serializers.ChoiceField(
        choices=_enum_choices(Framework), required=False, allow_null=True, default=None
    )
    duration_days = serializers.IntegerField(required=False, allow_null=True, default=None)
    storage_setting = serializers.ChoiceField(
        choices=["land", "water", "beside_watercourse"], required=False, default="land"
    )

    def validate_kind(self, value: str) -> NotificationKind:
        try:
            return NotificationKind(value)
        except ValueError as error:
            raise serializers.ValidationError(_("Unknown kind of notification.")) from error


class FinalDestinationIn(serializers.Serializer):  # type: ignore[type-arg]
    destination = serializers.CharField(max_length=300)


class ConsignmentIn(serializers.Serializer):  # type: ignore[type-arg]
    batch = serializers.CharField()
    from_site = serializers.IntegerField()
    to_site = serializers.IntegerField()
    purpose = serializers.ChoiceField(choices=_enum_choices(Purpose))
    quantity_m3 = serializers.DecimalField(max_digits=14, decimal_places=3)
    planned_on = serializers.DateField()
    transporter_kvks = serializers.ListField(child=serializers.CharField(), min_length=1)
    receiver_kvk = serializers.CharField()
    applier_kvk = serializers.CharField(required=False, allow_blank=True, default="")


class StepConfirmIn(serializers.Serializer):  # type: ignore[type-arg]
    quantity_m3 = serializers.DecimalField(max_digits=14, decimal_places=3)
    occurred_on = serializers.DateField()
    vehicle = serializers.CharField(required=False, allow_blank=True, default="", max_length=40)
    remarks = serializers.CharField(required=False, allow_blank=True, default="", max_length=300)


class RevisionIn(serializers.Serializer):  # type: ignore[type-arg]
    changes = serializers.DictField(
        child=serializers.CharField(),
        help_text=_("New values of quantity_m3, occurred_on, vehicle or remarks."),
    )
    reason = serializers.CharField()


class RevisionAnswerIn(serializers.Serializer):  # type: ignore[type-arg]
    accept = serializers.BooleanField()
    remark = serializers.CharField(required=False, allow_blank=True, default="", max_length=300)
