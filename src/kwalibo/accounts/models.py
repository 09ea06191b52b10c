"""Accounts: one user model, a role, and the organisation the user works for."""

from django.contrib.auth.models import AbstractUser
from django.db import models
from django.utils.translation import gettext_lazy as _

from kwalibo.accounts.roles import Role


class User(AbstractUser):
    """A person who logs in, acting for one organisation in one role.

    Permissions follow from `role` (see `kwalibo.accounts.roles`), never from
    per-user permission grants, so that what a role may do is visible in one place.
    """

    role = models.CharField(_("role"), max_length=32, choices=Role.choices, blank=True)
    organisation = models.ForeignKey(
        "register.Organisation",
        verbose_name=_("organisation"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="users",
        help_text=_("The organisation the user acts for (certifying institution or company)."),
    )

    class Meta:
        verbose_name = _("user")
        verbose_name_plural = _("users")

    def __str__(self) -> str:
        return self.get_full_name() or self.username
