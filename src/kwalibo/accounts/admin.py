"""User accounts in the back-office (technical administrators only)."""

from django.contrib import admin
from django.contrib.auth.admin import UserAdmin as DjangoUserAdmin
from django.utils.translation import gettext_lazy as _

from kwalibo.accounts.models import User


@admin.register(User)
class UserAdmin(DjangoUserAdmin):
    list_display = ["username", "first_name", "last_name", "role", "organisation", "is_active"]
    list_filter = ["role", "is_active", "is_staff"]
    fieldsets = (
        *(DjangoUserAdmin.fieldsets or ())[:1],
        (_("Role"), {"fields": ("role", "organisation")}),
        *(DjangoUserAdmin.fieldsets or ())[1:],
    )
    autocomplete_fields = ["organisation"]
