"""Permission checks, used by every adapter (views, API, admin)."""

from typing import Any

from django.contrib.auth.models import AnonymousUser
from rest_framework.permissions import BasePermission
from rest_framework.request import Request

from kwalibo.accounts.models import User
from kwalibo.accounts.roles import ROLE_CAPABILITIES, Capability, Role


def has_capability(user: User | AnonymousUser | None, capability: Capability) -> bool:
    """Whether `user` may do `capability`; anonymous users and inactive accounts may not.

    Superusers may do everything (technical administrators of the platform).
    """
    if user is None or not user.is_authenticated or not user.is_active:
        return False
    assert isinstance(user, User)
    if user.is_superuser:
        return True
    return capability in ROLE_CAPABILITIES.get(user.role, frozenset())


class HasCapability(BasePermission):
    """DRF permission: `permission_classes = [HasCapability.for_(Capability.X)]`."""

    capability: Capability

    @classmethod
    def for_(cls, capability: Capability) -> type["HasCapability"]:
        return type(f"Has_{capability}", (cls,), {"capability": capability})

    def has_permission(self, request: Request, view: Any) -> bool:
        return has_capability(request.user, self.capability)


def may_report_certificate(user: User | AnonymousUser | None, certificate: Any) -> bool:
    """Whether `user` may report on `certificate` (Bbk art 20).

    A certifying institution reports on the certificates it issued; the accreditation
    body (RvA) on accreditations.
    """
    if not has_capability(user, Capability.REPORT_CERTIFICATE):
        return False
    assert isinstance(user, User)
    if user.role == Role.ACCREDITATION_BODY:
        return bool(certificate.kind == "accreditation")
    institution = certificate.institution
    return (
        institution is not None
        and institution.organisation_id is not None
        and institution.organisation_id == user.organisation_id
    )
