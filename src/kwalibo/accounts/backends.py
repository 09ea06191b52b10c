"""Authentication backend that answers Django permission checks from the user's role."""

from typing import Any

from django.contrib.auth.backends import ModelBackend

from kwalibo.accounts.roles import ROLE_MODEL_PERMISSIONS


class RoleBackend(ModelBackend):
    """Username/password login (argon2) with permissions derived from the role only."""

    def get_all_permissions(self, user_obj: Any, obj: Any = None) -> set[str]:
        if not user_obj.is_active or user_obj.is_anonymous or obj is not None:
            return set()
        if user_obj.is_superuser:
            return super().get_all_permissions(user_obj, obj)
        return set(ROLE_MODEL_PERMISSIONS.get(user_obj.role, frozenset()))

    def has_perm(self, user_obj: Any, perm: str, obj: Any = None) -> bool:
        return perm in self.get_all_permissions(user_obj, obj)

    def has_module_perms(self, user_obj: Any, app_label: str) -> bool:
        return any(p.startswith(f"{app_label}.") for p in self.get_all_permissions(user_obj))
