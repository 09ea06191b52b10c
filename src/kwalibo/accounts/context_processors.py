"""Template context: what the current user may see, so templates never test roles."""

from django.http import HttpRequest

from kwalibo.accounts.permissions import has_capability
from kwalibo.accounts.roles import Capability


def roles(request: HttpRequest) -> dict[str, bool]:
    user = getattr(request, "user", None)
    return {"can_view_internal": has_capability(user, Capability.VIEW_REGISTER_INTERNAL)}  # type: ignore[arg-type]
