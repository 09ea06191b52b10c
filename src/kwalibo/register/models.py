"""The register of recognised organisations and persons (Bbk art 9 lid 4, Rbk art 2.4).

Legal history is kept bi-temporally: `RecognitionStatusPeriod` and `RecognisedPerson`
rows carry the legal validity (`valid_from`/`valid_to`) and the registration time
(`recorded_from`/`recorded_to`). Rows are closed in registration time, never deleted, so
the register can show what it showed on any earlier moment.
"""

from collections.abc import Callable

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from kwalibo.common.domain.errors import DomainError
from kwalibo.common.i18n import translate_error
from kwalibo.register.domain import identifiers
from kwalibo.register.domain.basis import Basis, CertificateKind
from kwalibo.register.domain.lifecycle import DecisionKind, Status


def _validate(check: Callable[[str], str], value: str) -> None:
    try:
        check(value)
    except DomainError as error:
        raise ValidationError(translate_error(error)) from error


def validate_kvk(value: str) -> None:
    """Model validator: KvK number of 8 digits."""
    _validate(identifiers.validate_kvk, value)


def validate_establishment_number(value: str) -> None:
    """Model validator: establishment number of 12 digits."""
    _validate(identifiers.validate_establishment_number, value)


def validate_postcode(value: str) -> None:
    """Model validator: Dutch postcode."""
    _validate(identifiers.validate_postcode, value)


class Activity(models.Model):
    """A designated activity (werkzaamheid), Rbk art 2.1 lid 1 and Bijlage C.

    `code` is the stable public identifier used in URLs and the API (docs/activities.md).
    """

    class Independence(models.TextChoices):
        NONE = "", _("none")
        OWN_OBJECT = "art17_1", _("Bbk art 17 lid 1 (no work on own soil or material)")
        NO_TIES = "art17_2", _("Bbk art 17 lid 2 (no organisational, financial or legal ties)")

    code = models.SlugField(_("code"), max_length=40, unique=True)
    letter = models.CharField(_("letter in Rbk art 2.1"), max_length=1, unique=True)
    category = models.PositiveSmallIntegerField(_("category in Bijlage C"), unique=True)
    name_nl = models.CharField(_("name (Dutch)"), max_length=200)
    name_en = models.CharField(_("name (English)"), max_length=200)
    basis = models.CharField(_("basis"), max_length=16, choices=[(b.value, b.value) for b in Basis])
    registers_persons = models.BooleanField(_("registers persons"), default=False)
    person_title_nl = models.CharField(
        _("title of registered persons (Dutch)"), max_length=80, blank=True
    )
    person_title_en = models.CharField(
        _("title of registered persons (English)"), max_length=80, blank=True
    )
    independence = models.CharField(
        _("separation of functions"), max_length=8, choices=Independence.choices, blank=True
    )
    legal_source = models.TextField(_("legal source"))

    class Meta:
        verbose_name = _("activity")
        verbose_name_plural = _("activities")
        ordering = ["category"]

    def __str__(self) -> str:
        return f"{self.letter}. {self.name_nl}"


class NormDocument(models.Model):
    """A norm document (BRL, accreditation scheme, protocol) designated for activities (Bbk art 1, Rbk art 2.7)."""

    code = models.CharField(_("code"), max_length=60, unique=True)
    title = models.CharField(_("title"), max_length=400, blank=True)
    version = models.CharField(_("version"), max_length=200, blank=True)
    scheme_manager = models.CharField(_("scheme manager"), max_length=80, blank=True)
    activities = models.ManyToManyField(
        Activity, verbose_name=_("activities"), related_name="norm_documents"
    )
    legal_source = models.TextField(_("legal source"))

    class Meta:
        verbose_name = _("norm document")
        verbose_name_plural = _("norm documents")
        ordering = ["code"]

    def __str__(self) -> str:
        return self.code


class Organisation(models.Model):
    """A company or public body (establishment) that holds or applies for recognitions.

    One KvK number may have several establishments; the pair (KvK, establishment number)
    identifies a row. Recognitions name the place of establishment (Bbk art 9 lid 2).
    """

    name = models.CharField(_("name"), max_length=200, db_index=True)
    kvk_number = models.CharField(
        _("KvK number"), max_length=8, validators=[validate_kvk], db_index=True
    )
    establishment_number = models.CharField(
        _("establishment number"),
        max_length=12,
        blank=True,
        validators=[validate_establishment_number],
    )
    created_at = models.DateTimeField(_("registered at"), auto_now_add=True)
    updated_at = models.DateTimeField(_("changed at"), auto_now=True)

    class Meta:
        verbose_name = _("organisation")
        verbose_name_plural = _("organisations")
        ordering = ["name", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["kvk_number", "establishment_number"],
                name="organisation_unique_establishment",
            )
        ]

    def __str__(self) -> str:
        return f"{self.name} (KvK {self.kvk_number})"

    @property
    def visiting_address(self) -> "Address | None":
        return next((a for a in self.addresses.all() if a.kind == Address.Kind.VISITING), None)


class Address(models.Model):
    """A visiting or postal address of an organisation."""

    class Kind(models.TextChoices):
        VISITING = "visiting", _("visiting address")
        POSTAL = "postal", _("postal address")

    organisation = models.ForeignKey(
        Organisation, on_delete=models.CASCADE, related_name="addresses"
    )
    kind = models.CharField(_("kind"), max_length=8, choices=Kind.choices, default=Kind.VISITING)
    street = models.CharField(_("street"), max_length=120)
    house_number = models.CharField(_("house number"), max_length=20)
    postcode = models.CharField(_("postcode"), max_length=7, validators=[validate_postcode])
    city = models.CharField(_("place"), max_length=80, db_index=True)

    class Meta:
        verbose_name = _("address")
        verbose_name_plural = _("addresses")
        constraints = [
            models.UniqueConstraint(fields=["organisation", "kind"], name="address_one_per_kind")
        ]

    def __str__(self) -> str:
        return f"{self.street} {self.house_number}, {self.postcode} {self.city}"


class Person(models.Model):
    """A natural person who can be registered on a recognition (Rbk art 2.3).

    Only the name is public (Bbk art 9 lid 2); the date of birth tells namesakes apart
    for staff and is never shown publicly.
    """

    initials = models.CharField(_("initials"), max_length=20)
    surname_prefix = models.CharField(_("surname prefix"), max_length=20, blank=True)
    surname = models.CharField(_("surname"), max_length=120, db_index=True)
    date_of_birth = models.DateField(_("date of birth"), null=True, blank=True)

    class Meta:
        verbose_name = _("person")
        verbose_name_plural = _("persons")
        ordering = ["surname", "initials", "id"]

    def __str__(self) -> str:
        return " ".join(p for p in (self.initials, self.surname_prefix, self.surname) if p)


class CertifyingInstitution(models.Model):
    """A certifying institution (CI), recognised for activity b or f, with its accreditation scope."""

    organisation = models.OneToOneField(
        Organisation,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="institution",
        help_text=_("The institution's own entry in the register, when known."),
    )
    short_name = models.CharField(_("short name"), max_length=60, unique=True)
    accreditation_number = models.CharField(
        _("RvA accreditation number"), max_length=20, blank=True
    )
    scope = models.ManyToManyField(NormDocument, verbose_name=_("accreditation scope"), blank=True)

    class Meta:
        verbose_name = _("certifying institution")
        verbose_name_plural = _("certifying institutions")
        ordering = ["short_name"]

    def __str__(self) -> str:
        return self.short_name


class Certificate(models.Model):
    """A certificate (from a CI) or accreditation (from the RvA) that a recognition rests on."""

    class State(models.TextChoices):
        VALID = "valid", _("valid")
        SUSPENDED = "suspended", _("suspended")
        WITHDRAWN = "withdrawn", _("withdrawn")

    number = models.CharField(_("number"), max_length=40, unique=True)
    kind = models.CharField(
        _("kind"),
        max_length=16,
        choices=[(k.value, k.value) for k in CertificateKind],
        default=CertificateKind.CERTIFICATE,
    )
    holder = models.ForeignKey(Organisation, on_delete=models.PROTECT, related_name="certificates")
    norm_document = models.ForeignKey(
        NormDocument, on_delete=models.PROTECT, related_name="certificates"
    )
    institution = models.ForeignKey(
        CertifyingInstitution,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="certificates",
        help_text=_("Empty for an accreditation, which the Raad voor Accreditatie issues."),
    )
    issued_on = models.DateField(_("issued on"))
    expires_on = models.DateField(_("expires on"))
    state = models.CharField(_("state"), max_length=10, choices=State.choices, default=State.VALID)

    class Meta:
        verbose_name = _("certificate or accreditation")
        verbose_name_plural = _("certificates and accreditations")
        ordering = ["number"]
        constraints = [
            models.CheckConstraint(
                condition=Q(expires_on__gt=models.F("issued_on")),
                name="certificate_expires_after_issue",
            ),
            models.CheckConstraint(
                condition=Q(kind=CertificateKind.ACCREDITATION) | Q(institution__isnull=False),
                name="certificate_has_institution",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.number} ({self.norm_document})"


class Recognition(models.Model):
    """A recognition (erkenning): organisation + activity, resting on a certificate or accreditation.

    Its status is not stored here: it follows from the decisions, materialised per day in
    `RecognitionStatusPeriod` (see `kwalibo.register.domain.lifecycle`).
    """

    number = models.CharField(_("number"), max_length=20, unique=True)
    organisation = models.ForeignKey(
        Organisation, on_delete=models.PROTECT, related_name="recognitions"
    )
    activity = models.ForeignKey(Activity, on_delete=models.PROTECT, related_name="recognitions")
    certificate = models.ForeignKey(
        Certificate, null=True, blank=True, on_delete=models.PROTECT, related_name="recognitions"
    )
    scope = models.CharField(
        _("scope"),
        max_length=300,
        blank=True,
        help_text=_(
            "Sub-activities or work areas when the recognition does not cover the whole activity."
        ),
    )
    created_at = models.DateTimeField(_("registered at"), auto_now_add=True)

    class Meta:
        verbose_name = _("recognition")
        verbose_name_plural = _("recognitions")
        ordering = ["number"]

    def __str__(self) -> str:
        return f"{self.number} {self.organisation.name} – {self.activity.code}"


class RecognitionDecision(models.Model):
    """A decision or procedural step on a recognition. Append-only.

    A correction is a new row that points at the row it corrects (`corrects`); the
    corrected row stays, so what the register showed before remains traceable.
    """

    recognition = models.ForeignKey(Recognition, on_delete=models.PROTECT, related_name="decisions")
    kind = models.CharField(
        _("kind"), max_length=24, choices=[(k.value, k.label) for k in DecisionKind]
    )
    decided_on = models.DateField(_("decided on"))
    effective_from = models.DateField(_("effective from"))
    effective_until = models.DateField(_("effective until"), null=True, blank=True)
    view_deadline = models.DateField(_("period for view ends"), null=True, blank=True)
    ground = models.CharField(_("legal ground"), max_length=40)
    article = models.CharField(_("article"), max_length=80)
    reason = models.TextField(_("reason"))
    partial = models.BooleanField(_("partly"), default=False)
    scope = models.CharField(_("scope"), max_length=300, blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    decided_by_display = models.CharField(_("decided by"), max_length=200)
    recorded_at = models.DateTimeField(_("registered at"))
    corrects = models.OneToOneField(
        "self", null=True, blank=True, on_delete=models.PROTECT, related_name="corrected_by"
    )

    class Meta:
        verbose_name = _("decision")
        verbose_name_plural = _("decisions")
        ordering = ["recognition", "effective_from", "recorded_at", "id"]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} {self.decided_on:%d-%m-%Y}"

    @property
    def decision_kind(self) -> DecisionKind:
        return DecisionKind(self.kind)


class RecognitionStatusPeriod(models.Model):
    """The status of a recognition over legal time, as registered over registration time.

    valid_from/valid_to: legal validity (dates, valid_to exclusive, null = open).
    recorded_from/recorded_to: when the register held this row (null = still current).
    """

    recognition = models.ForeignKey(Recognition, on_delete=models.PROTECT, related_name="periods")
    status = models.CharField(
        _("status"), max_length=12, choices=[(s.value, s.label) for s in Status]
    )
    valid_from = models.DateField(_("valid from"))
    valid_to = models.DateField(_("valid until"), null=True, blank=True)
    recorded_from = models.DateTimeField(_("registered from"))
    recorded_to = models.DateTimeField(_("registered until"), null=True, blank=True)
    decision = models.ForeignKey(RecognitionDecision, on_delete=models.PROTECT, related_name="+")
    automatic = models.BooleanField(_("by operation of law"), default=False)

    class Meta:
        verbose_name = _("status period")
        verbose_name_plural = _("status periods")
        ordering = ["recognition", "valid_from"]
        indexes = [
            models.Index(
                fields=["recognition", "valid_from"],
                name="period_current_idx",
                condition=Q(recorded_to__isnull=True),
            ),
            models.Index(
                fields=["status", "valid_from", "valid_to"],
                name="period_status_idx",
                condition=Q(recorded_to__isnull=True),
            ),
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(valid_to__isnull=True) | Q(valid_to__gt=models.F("valid_from")),
                name="period_positive_length",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.status} {self.valid_from}–{self.valid_to or ''}"


class RecognisedPerson(models.Model):
    """A natural person registered on a recognition (Rbk art 2.3), bi-temporal like the periods."""

    recognition = models.ForeignKey(Recognition, on_delete=models.PROTECT, related_name="persons")
    person = models.ForeignKey(Person, on_delete=models.PROTECT, related_name="registrations")
    vog_date = models.DateField(_("date of certificate of conduct (VOG)"), null=True, blank=True)
    valid_from = models.DateField(_("registered from"))
    valid_to = models.DateField(_("registered until"), null=True, blank=True)
    recorded_from = models.DateTimeField(_("registered in the register from"))
    recorded_to = models.DateTimeField(_("registered in the register until"), null=True, blank=True)
    reason = models.TextField(_("reason"), blank=True)

    class Meta:
        verbose_name = _("recognised person")
        verbose_name_plural = _("recognised persons")
        ordering = ["recognition", "valid_from"]
        indexes = [
            models.Index(
                fields=["person", "valid_from"],
                name="recognised_person_idx",
                condition=Q(recorded_to__isnull=True),
            )
        ]

    def __str__(self) -> str:
        return f"{self.person} – {self.recognition.number}"


class CertificateReport(models.Model):
    """A report by a certifying institution or the RvA about a certificate or accreditation.

    Suspension and withdrawal must be reported without delay (Bbk art 20); renewals are
    reported so that the recognition office updates the register ex officio [RWS-ERK].
    Append-only: the history of a certificate is the list of its reports.
    """

    certificate = models.ForeignKey(Certificate, on_delete=models.PROTECT, related_name="reports")
    state = models.CharField(_("state"), max_length=10, choices=Certificate.State.choices)
    effective_on = models.DateField(_("effective on"))
    expires_on = models.DateField(_("new expiry date"), null=True, blank=True)
    reason = models.TextField(_("reason"))
    reported_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    reported_by_display = models.CharField(_("reported by"), max_length=200)
    reported_at = models.DateTimeField(_("reported at"), auto_now_add=True)

    class Meta:
        verbose_name = _("certificate report")
        verbose_name_plural = _("certificate reports")
        ordering = ["-reported_at", "-id"]

    def __str__(self) -> str:
        return f"{self.certificate.number}: {self.state} {self.effective_on}"
