"""The soil-flow passport: batches, their declarations (MvB), notifications and chain of custody.

Rules live in `kwalibo.passport.domain`; the use cases in `kwalibo.passport.services`.
Quantities are decimal m³ (and tonnes where known), coordinates RD New metres (EPSG:28992).
Nothing here is deleted: declarations are withdrawn, consignments cancelled, confirmed steps
corrected through accepted revision requests, and every change leaves an audit event.
"""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from kwalibo.passport.domain.custody import ChainState, Purpose, RevisionState, StepKind
from kwalibo.passport.domain.declarations import DeclarationType, Material
from kwalibo.passport.domain.notifications import Framework, NotificationKind
from kwalibo.passport.domain.verification import DeclarationStatus
from kwalibo.register.models import Organisation


def _choices(enum: type) -> list[tuple[str, str]]:
    return [(member.value, member.label) for member in enum]  # type: ignore[attr-defined]


class QualityClass(models.TextChoices):
    """Quality classes of soil and dredgings (Rbk art 4.4.1; Bbk art 55-57)."""

    BACKGROUND = "achtergrondwaarde", _("background value (AW2000)")
    RESIDENTIAL = "wonen", _("residential (wonen)")
    INDUSTRIAL = "industrie", _("industrial (industrie)")
    CLASS_A = "klasse_A", _("class A")
    CLASS_B = "klasse_B", _("class B")
    NOT_APPLICABLE = "niet_toepasbaar", _("not applicable")


class Frame(models.TextChoices):
    """Where soil lies or is applied: on land or in surface water (Rbk art 4.4.1)."""

    LAND = "grond", _("land")
    WATER = "waterbodem", _("water bed")


class FunctionClass(models.TextChoices):
    """Soil-function class of the receiving soil on land (Bbk art 55)."""

    NONE = "", _("none")
    RESIDENTIAL = "wonen", _("residential (wonen)")
    INDUSTRIAL = "industrie", _("industrial (industrie)")


class SigningKey(models.Model):
    """An organisation's Ed25519 key for signing declarations.

    The public key is published (API `mvb/keys`); the private key is stored only encrypted
    (AES-256-GCM, key derived from the server secret; see `kwalibo.passport.domain.signing`
    and docs/passport.md). A retired key still verifies what it signed.
    """

    organisation = models.ForeignKey(
        Organisation, on_delete=models.PROTECT, related_name="signing_keys"
    )
    key_id = models.CharField(_("key id"), max_length=16, unique=True)
    algorithm = models.CharField(_("algorithm"), max_length=16, default="Ed25519")
    public_key = models.CharField(_("public key (base64)"), max_length=64)
    encrypted_private_key = models.TextField(_("encrypted private key"))
    encryption = models.CharField(_("encryption"), max_length=40)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    retired_at = models.DateTimeField(_("retired at"), null=True, blank=True)

    class Meta:
        verbose_name = _("signing key")
        verbose_name_plural = _("signing keys")
        ordering = ["organisation", "-created_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["organisation"],
                condition=Q(retired_at__isnull=True),
                name="signing_key_one_active_per_organisation",
            )
        ]

    def __str__(self) -> str:
        return f"{self.key_id} ({self.organisation.name})"


class Project(models.Model):
    """A project in which soil is excavated, moved and applied; the unit of a volume balance."""

    code = models.CharField(_("code"), max_length=40, unique=True)
    name = models.CharField(_("name"), max_length=200)
    client = models.ForeignKey(
        Organisation, on_delete=models.PROTECT, related_name="passport_projects"
    )
    created_at = models.DateTimeField(_("registered at"), auto_now_add=True)

    class Meta:
        verbose_name = _("project")
        verbose_name_plural = _("projects")
        ordering = ["code"]

    def __str__(self) -> str:
        return f"{self.code} {self.name}"


class Site(models.Model):
    """A place soil comes from, is stored, processed or applied, in RD New coordinates."""

    class Kind(models.TextChoices):
        EXCAVATION = "excavation", _("place of origin")
        STORAGE = "storage", _("temporary storage")
        PROCESSING = "processing", _("processing plant")
        APPLICATION = "application", _("application location")

    name = models.CharField(_("name"), max_length=200)
    kind = models.CharField(_("kind"), max_length=12, choices=Kind.choices)
    frame = models.CharField(_("land or water"), max_length=12, choices=Frame.choices)
    project = models.ForeignKey(
        Project, null=True, blank=True, on_delete=models.PROTECT, related_name="sites"
    )
    operator = models.ForeignKey(
        Organisation,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="passport_sites",
        help_text=_("The organisation that runs the site (soil bank, plant, contractor)."),
    )
    registered_by = models.ForeignKey(
        Organisation, on_delete=models.PROTECT, related_name="+", null=True, blank=True
    )
    address = models.CharField(_("address or description"), max_length=300)
    municipality = models.CharField(_("municipality"), max_length=80)
    competent_authority = models.CharField(_("competent authority"), max_length=120, blank=True)
    x_rd = models.FloatField(_("x (RD New, m)"))
    y_rd = models.FloatField(_("y (RD New, m)"))
    function_class = models.CharField(
        _("soil-function class"), max_length=12, choices=FunctionClass.choices, blank=True
    )
    quality_class = models.CharField(
        _("soil-quality class of the receiving soil"),
        max_length=20,
        choices=QualityClass.choices,
        blank=True,
    )
    created_at = models.DateTimeField(_("registered at"), auto_now_add=True)

    class Meta:
        verbose_name = _("site")
        verbose_name_plural = _("sites")
        ordering = ["name", "id"]

    def __str__(self) -> str:
        return f"{self.name} ({self.municipality})"


class Batch(models.Model):
    """A batch (partij) of soil, dredgings or building material.

    Provenance: excavated at its origin site, split off another batch (Rbk art 4.3.1: the
    relation, who split it and when are recorded) or merged from others (Rbk art 4.3.2).
    `site` is where the batch came into being; `declared_batch` points to the batch whose
    declaration covers a sub-batch (empty: its own declaration). The assessment result of
    the toetsing engine is stored with the lab report it rests on.
    """

    class Provenance(models.TextChoices):
        EXCAVATED = "excavated", _("excavated")
        SPLIT = "split", _("split off another batch")
        MERGED = "merged", _("merged from batches")

    class State(models.TextChoices):
        ACTIVE = "active", _("active")
        MERGED = "merged", _("merged into another batch")

    number = models.CharField(_("number"), max_length=20, unique=True)
    project = models.ForeignKey(
        Project, null=True, blank=True, on_delete=models.PROTECT, related_name="batches"
    )
    material = models.CharField(_("material"), max_length=12, choices=_choices(Material))
    volume_m3 = models.DecimalField(_("volume (m³)"), max_digits=14, decimal_places=3)
    mass_tonnes = models.DecimalField(
        _("mass (t)"), null=True, blank=True, max_digits=14, decimal_places=3
    )
    declaration_type = models.CharField(
        _("type of declaration"), max_length=32, choices=_choices(DeclarationType)
    )
    quality_scheme = models.CharField(
        _("quality scheme"),
        max_length=40,
        blank=True,
        help_text=_("The BRL of a recognised quality declaration, e.g. BRL 9313."),
    )
    holder = models.ForeignKey(
        Organisation,
        on_delete=models.PROTECT,
        related_name="passport_batches",
        help_text=_("The disposer (ontdoener) who holds the batch and issues its declaration."),
    )
    provenance = models.CharField(
        _("provenance"), max_length=10, choices=Provenance.choices, default=Provenance.EXCAVATED
    )
    state = models.CharField(_("state"), max_length=8, choices=State.choices, default=State.ACTIVE)
    origin_site = models.ForeignKey(
        Site, on_delete=models.PROTECT, related_name="originating_batches"
    )
    site = models.ForeignKey(Site, on_delete=models.PROTECT, related_name="batches_formed")
    excavated_on = models.DateField(_("excavated on"), null=True, blank=True)
    split_from = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.PROTECT, related_name="sub_batches"
    )
    declared_batch = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.PROTECT, related_name="covered_batches"
    )
    merged_into = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.PROTECT, related_name="merged_from"
    )
    formed_by = models.ForeignKey(
        Organisation,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        help_text=_("Who split or merged the batch (Rbk art 4.3.1 lid 1 b, 4.3.2)."),
    )
    formed_on = models.DateField(_("split or merged on"), null=True, blank=True)
    merge_needed_recognition = models.BooleanField(default=False)
    # The assessment result (toetsing) with the lab report it rests on.
    quality_class = models.CharField(
        _("quality class"), max_length=20, choices=QualityClass.choices, blank=True
    )
    assessment_frame = models.CharField(
        _("assessment frame"), max_length=12, choices=Frame.choices, blank=True
    )
    assessment_rule_set = models.CharField(_("rule set"), max_length=120, blank=True)
    assessment_explanation = models.JSONField(_("explanation"), default=dict, blank=True)
    lab_report_reference = models.CharField(_("lab report"), max_length=120, blank=True)
    sampler = models.ForeignKey(
        Organisation, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    laboratory = models.ForeignKey(
        Organisation, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    certifier = models.ForeignKey(
        Organisation, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    sampled_on = models.DateField(_("sampled on"), null=True, blank=True)
    analysed_on = models.DateField(_("analysed on"), null=True, blank=True)
    assessed_at = models.DateTimeField(_("assessed at"), null=True, blank=True)
    created_at = models.DateTimeField(_("registered at"), auto_now_add=True)

    class Meta:
        verbose_name = _("batch")
        verbose_name_plural = _("batches")
        ordering = ["-created_at", "-id"]
        indexes = [models.Index(fields=["provenance", "site"], name="batch_provenance_site_idx")]
        constraints = [
            models.CheckConstraint(condition=Q(volume_m3__gt=0), name="batch_positive_volume"),
            models.CheckConstraint(
                condition=~Q(provenance="split") | Q(split_from__isnull=False),
                name="batch_split_has_original",
            ),
        ]

    def __str__(self) -> str:
        return self.number

    @property
    def declaration_batch(self) -> "Batch":
        """The batch whose declaration covers this one (Rbk art 4.3.1)."""
        return self.declared_batch or self


class Declaration(models.Model):
    """A digital soil-quality declaration (milieuverklaring bodemkwaliteit, MvB), signed.

    `payload` is exactly what was signed (canonical JSON, see `domain.signing`); verification
    recomputes the canonical form of the stored payload, so any change to it is detected.
    """

    number = models.CharField(_("number"), max_length=24, unique=True)
    batch = models.ForeignKey(Batch, on_delete=models.PROTECT, related_name="declarations")
    declaration_type = models.CharField(_("type"), max_length=32, choices=_choices(DeclarationType))
    issuer = models.ForeignKey(
        Organisation, on_delete=models.PROTECT, related_name="passport_declarations"
    )
    signing_key = models.ForeignKey(
        SigningKey, on_delete=models.PROTECT, related_name="declarations"
    )
    payload = models.JSONField(_("signed content"))
    signature = models.CharField(_("signature (base64)"), max_length=100)
    issued_on = models.DateField(_("issued on"))
    issued_at = models.DateTimeField(_("issued at"), auto_now_add=True)
    issued_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    status = models.CharField(
        _("status"),
        max_length=10,
        choices=_choices(DeclarationStatus),
        default=DeclarationStatus.VALID,
    )
    status_since = models.DateField(_("status since"), null=True, blank=True)
    status_reason = models.TextField(_("reason"), blank=True)

    class Meta:
        verbose_name = _("soil-quality declaration")
        verbose_name_plural = _("soil-quality declarations")
        ordering = ["-issued_at", "-id"]
        constraints = [
            models.UniqueConstraint(
                fields=["batch"],
                condition=Q(status="valid"),
                name="declaration_one_valid_per_batch",
            )
        ]

    def __str__(self) -> str:
        return self.number


class Notification(models.Model):
    """A notification (melding) of application or temporary storage (Bbk art 42)."""

    number = models.CharField(_("number"), max_length=20, unique=True)
    kind = models.CharField(_("kind"), max_length=20, choices=_choices(NotificationKind))
    declaration = models.ForeignKey(
        Declaration,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="notifications",
    )
    batch = models.ForeignKey(
        Batch, null=True, blank=True, on_delete=models.PROTECT, related_name="notifications"
    )
    applier = models.ForeignKey(
        Organisation, on_delete=models.PROTECT, related_name="passport_notifications"
    )
    applier_details = models.CharField(_("name and address of the applier"), max_length=300)
    framework = models.CharField(
        _("assessment framework"), max_length=16, choices=_choices(Framework), blank=True
    )
    origin = models.CharField(_("place of origin"), max_length=300, blank=True)
    quantity_m3 = models.DecimalField(
        _("quantity (m³)"), null=True, blank=True, max_digits=14, decimal_places=3
    )
    site = models.ForeignKey(Site, on_delete=models.PROTECT, related_name="notifications")
    quality_class = models.CharField(_("soil-quality class"), max_length=20, blank=True)
    function_class = models.CharField(_("soil-function class"), max_length=12, blank=True)
    duration_days = models.PositiveIntegerField(_("planned duration (days)"), null=True, blank=True)
    sub_batch_record = models.CharField(
        _("split"),
        max_length=300,
        blank=True,
        help_text=_("Relation to the original batch, who split it and when (Rbk art 4.3.1 lid 2)."),
    )
    starts_on = models.DateField(_("starts on"))
    filed_on = models.DateField(_("filed on"))
    filed_at = models.DateTimeField(_("filed at"), auto_now_add=True)
    filed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    competent_authority = models.CharField(_("competent authority"), max_length=120, blank=True)
    final_destination_due = models.DateField(_("final destination due"), null=True, blank=True)
    final_destination = models.CharField(_("final destination"), max_length=300, blank=True)

    class Meta:
        verbose_name = _("notification")
        verbose_name_plural = _("notifications")
        ordering = ["-starts_on", "-id"]
        indexes = [models.Index(fields=["starts_on"], name="notification_starts_idx")]

    def __str__(self) -> str:
        return self.number


class Consignment(models.Model):
    """A movement of (part of) a batch under its declaration from one site to another."""

    number = models.CharField(_("number"), max_length=20, unique=True)
    batch = models.ForeignKey(Batch, on_delete=models.PROTECT, related_name="consignments")
    declaration = models.ForeignKey(
        Declaration, on_delete=models.PROTECT, related_name="consignments"
    )
    notification = models.ForeignKey(
        Notification,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="consignments",
    )
    purpose = models.CharField(_("purpose"), max_length=12, choices=_choices(Purpose))
    from_site = models.ForeignKey(Site, on_delete=models.PROTECT, related_name="dispatches")
    to_site = models.ForeignKey(Site, on_delete=models.PROTECT, related_name="arrivals")
    quantity_m3 = models.DecimalField(_("planned quantity (m³)"), max_digits=14, decimal_places=3)
    planned_on = models.DateField(_("planned on"))
    state = models.CharField(
        _("state"), max_length=12, choices=_choices(ChainState), default=ChainState.PLANNED
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(_("registered at"), auto_now_add=True)
    cancelled_reason = models.TextField(_("reason for cancelling"), blank=True)

    class Meta:
        verbose_name = _("consignment")
        verbose_name_plural = _("consignments")
        ordering = ["-planned_on", "-id"]
        constraints = [
            models.CheckConstraint(
                condition=Q(quantity_m3__gt=0), name="consignment_positive_quantity"
            ),
        ]

    def __str__(self) -> str:
        return self.number


class CustodyStep(models.Model):
    """One step of a consignment's chain of custody, confirmed by its own party."""

    consignment = models.ForeignKey(Consignment, on_delete=models.PROTECT, related_name="steps")
    sequence = models.PositiveSmallIntegerField(_("order"))
    kind = models.CharField(_("kind"), max_length=12, choices=_choices(StepKind))
    party = models.ForeignKey(Organisation, on_delete=models.PROTECT, related_name="custody_steps")
    site = models.ForeignKey(
        Site, null=True, blank=True, on_delete=models.PROTECT, related_name="custody_steps"
    )
    quantity_m3 = models.DecimalField(
        _("quantity (m³)"), null=True, blank=True, max_digits=14, decimal_places=3
    )
    occurred_on = models.DateField(_("on"), null=True, blank=True)
    vehicle = models.CharField(_("vehicle or vessel"), max_length=40, blank=True)
    remarks = models.CharField(_("remarks"), max_length=300, blank=True)
    confirmed_at = models.DateTimeField(_("confirmed at"), null=True, blank=True)
    confirmed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        verbose_name = _("custody step")
        verbose_name_plural = _("custody steps")
        ordering = ["consignment", "sequence"]
        constraints = [
            models.UniqueConstraint(
                fields=["consignment", "sequence"], name="custody_step_unique_order"
            )
        ]
        indexes = [
            models.Index(
                fields=["site", "kind"],
                name="custody_step_confirmed_idx",
                condition=Q(confirmed_at__isnull=False),
            )
        ]

    def __str__(self) -> str:
        return f"{self.consignment.number} #{self.sequence} {self.kind}"


class RevisionRequest(models.Model):
    """A correction of a confirmed step, applied only when every other party accepts it."""

    step = models.ForeignKey(CustodyStep, on_delete=models.PROTECT, related_name="revisions")
    requested_by = models.ForeignKey(Organisation, on_delete=models.PROTECT, related_name="+")
    requested_by_user = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    changes = models.JSONField(_("changes"), help_text=_("{field: [old, new]}"))
    reason = models.TextField(_("reason"))
    approvers = models.JSONField(_("parties that must accept"), default=list)
    state = models.CharField(
        _("state"), max_length=10, choices=_choices(RevisionState), default=RevisionState.OPEN
    )
    created_at = models.DateTimeField(_("requested at"), auto_now_add=True)
    closed_at = models.DateTimeField(_("closed at"), null=True, blank=True)

    class Meta:
        verbose_name = _("revision request")
        verbose_name_plural = _("revision requests")
        ordering = ["-created_at", "-id"]
        constraints = [
            models.UniqueConstraint(
                fields=["step"], condition=Q(state="open"), name="revision_one_open_per_step"
            )
        ]

    def __str__(self) -> str:
        return f"{self.step} – {self.state}"


class RevisionAnswer(models.Model):
    """A party's acceptance or rejection of a revision request."""

    revision = models.ForeignKey(RevisionRequest, on_delete=models.PROTECT, related_name="answers")
    party = models.ForeignKey(Organisation, on_delete=models.PROTECT, related_name="+")
    accepted = models.BooleanField(_("accepted"))
    remark = models.CharField(_("remark"), max_length=300, blank=True)
    answered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    answered_at = models.DateTimeField(_("answered at"), auto_now_add=True)

    class Meta:
        verbose_name = _("answer to a revision request")
        verbose_name_plural = _("answers to revision requests")
        constraints = [
            models.UniqueConstraint(fields=["revision", "party"], name="revision_answer_once")
        ]

    def __str__(self) -> str:
        return f"{self.revision_id}: {self.party_id} {'✓' if self.accepted else '✗'}"
