"""Roles of the parties in the Kwalibo chain and what each may do.

This is the one place where permissions are decided: views, API endpoints and the
admin ask `has_capability` (or Django's `has_perm`, which the role backend answers
from the same table). Least privilege: a role gets only what its legal task needs.
"""

from enum import StrEnum

from django.db import models
from django.utils.translation import gettext_lazy as _


class Role(models.TextChoices):
    """The organisations that use the platform (anonymous public has no account)."""

    RECOGNITION_OFFICE = "recognition_office", _("Recognition office (Bodem+)")
    INSPECTORATE = "inspectorate", _("Inspectorate (ILT)")
    CERTIFYING_INSTITUTION = "certifying_institution", _("Certifying institution")
    ACCREDITATION_BODY = "accreditation_body", _("Accreditation body (RvA)")
    ENVIRONMENTAL_SERVICE = "environmental_service", _("Environmental service")
    COMPANY = "company", _("Company")


class Capability(StrEnum):
    """Things a user may do; granted per role in ROLE_CAPABILITIES."""

    VIEW_REGISTER_INTERNAL = "view_register_internal"  # reasons, intents, decided-by
    DECIDE_RECOGNITION = "decide_recognition"  # Bbk art 9-12, 23: the Minister's decisions
    MANAGE_REGISTER_DATA = "manage_register_data"  # organisations, persons, certificates
    IMPORT_REGISTER = "import_register"
    REPORT_CERTIFICATE = "report_certificate"  # Bbk art 20: CI/RvA report certificate changes
    VIEW_AUDIT = "view_audit"
    VIEW_OWN_ORGANISATION = "view_own_organisation"
    ISSUE_DECLARATION = "issue_declaration"  # Bbk art 38-39: the disposer issues the MvB
    FILE_NOTIFICATION = "file_notification"  # Bbk art 42: notification of application
    CONFIRM_CUSTODY_STEP = "confirm_custody_step"  # transport, receipt, application
    VIEW_NOTIFICATIONS = "view_notifications"  # competent authority, supervision
    VIEW_ALL_DECLARATIONS = "view_all_declarations"  # supervision of soil flows


ROLE_CAPABILITIES: dict[str, frozenset[Capability]] = {
    Role.RECOGNITION_OFFICE: frozenset(
        {
            Capability.VIEW_REGISTER_INTERNAL,
            Capability.DECIDE_RECOGNITION,
            Capability.MANAGE_REGISTER_DATA,
            Capability.IMPORT_REGISTER,
            Capability.VIEW_AUDIT,
        }
    ),
    Role.INSPECTORATE: frozenset(
        {
            Capability.VIEW_REGISTER_INTERNAL,
            Capability.VIEW_AUDIT,
            Capability.VIEW_NOTIFICATIONS,
            Capability.VIEW_ALL_DECLARATIONS,
        }
    ),
    Role.CERTIFYING_INSTITUTION: frozenset({Capability.REPORT_CERTIFICATE}),
    Role.ACCREDITATION_BODY: frozenset({Capability.REPORT_CERTIFICATE}),
    Role.ENVIRONMENTAL_SERVICE: frozenset(
        {Capability.VIEW_NOTIFICATIONS, Capability.VIEW_ALL_DECLARATIONS}
    ),
    Role.COMPANY: frozenset(
        {
            Capability.VIEW_OWN_ORGANISATION,
            Capability.ISSUE_DECLARATION,
            Capability.FILE_NOTIFICATION,
            Capability.CONFIRM_CUSTODY_STEP,
        }
    ),
}

# Django model permissions (used by the admin) granted per role, as "app_label.codename".
# The register is append-only: nobody gets delete permissions on decisions or history.
_REGISTER_EDIT = {
    "register.view_activity",
    "register.view_normdocument",
    "register.view_organisation",
    "register.add_organisation",
    "register.change_organisation",
    "register.view_address",
    "register.add_address",
    "register.change_address",
    "register.view_person",
    "register.add_person",
    "register.change_person",
    "register.view_certifyinginstitution",
    "register.add_certifyinginstitution",
    "register.change_certifyinginstitution",
    "register.view_certificate",
    "register.add_certificate",
    "register.change_certificate",
    "register.view_recognition",
    "register.add_recognition",
    "register.view_recognitiondecision",
    "register.view_recognisedperson",
}
_REGISTER_READ = {p for p in _REGISTER_EDIT if ".view_" in p}
# The soil-flow passport in the back-office: read-only supervision (changes go through services).
_PASSPORT_READ = {
    "passport.view_declaration",
    "passport.view_notification",
    "passport.view_consignment",
    "passport.view_custodystep",
    "passport.view_batch",
    "passport.view_site",
    "passport.view_signingkey",
}

ROLE_MODEL_PERMISSIONS: dict[str, frozenset[str]] = {
    Role.RECOGNITION_OFFICE: frozenset(_REGISTER_EDIT | {"audit.view_auditevent"}),
    Role.INSPECTORATE: frozenset(_REGISTER_READ | _PASSPORT_READ | {"audit.view_auditevent"}),
    Role.CERTIFYING_INSTITUTION: frozenset(),
    Role.ACCREDITATION_BODY: frozenset(),
    Role.ENVIRONMENTAL_SERVICE: frozenset(),
    Role.COMPANY: frozenset(),
}

# Roles whose staff work in the back-office (Django admin).
BACK_OFFICE_ROLES = frozenset({Role.RECOGNITION_OFFICE, Role.INSPECTORATE})
