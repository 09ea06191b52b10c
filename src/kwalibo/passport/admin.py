"""The passport in the back-office: read-only for supervision (changes go through the services).

Declarations, notifications, consignments with their custody steps, batches and the
published signing keys (without the encrypted private key). Nothing can be added, changed
or deleted here: a declaration is withdrawn by its issuer, a step corrected by a revision
request that the other parties accept.
"""

from typing import Any

from django.contrib import admin
from django.http import HttpRequest

from kwalibo.passport.models import (
    Batch,
    Consignment,
    CustodyStep,
    Declaration,
    Notification,
    SigningKey,
    Site,
)


class ReadOnlyAdmin(admin.ModelAdmin):  # type: ignore[type-arg]
    def has_add_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False


@admin.register(Declaration)
class DeclarationAdmin(ReadOnlyAdmin):
    list_display = ["number", "batch", "issuer", "declaration_type", "issued_on", "status"]
    list_filter = ["status", "declaration_type"]
    search_fields = ["number", "batch__number", "issuer__name", "issuer__kvk_number"]
    list_select_related = ["batch", "issuer"]
    date_hierarchy = "issued_on"


@admin.register(Notification)
class NotificationAdmin(ReadOnlyAdmin):
    list_display = ["number", "kind", "applier", "site", "quantity_m3", "starts_on", "filed_on"]
    list_filter = ["kind", "competent_authority"]
    search_fields = ["number", "applier__name", "applier__kvk_number", "site__name"]
    list_select_related = ["applier", "site"]
    date_hierarchy = "starts_on"


class CustodyStepInline(admin.TabularInline):  # type: ignore[type-arg]
    model = CustodyStep
    fields = ["sequence", "kind", "party", "site", "quantity_m3", "occurred_on", "confirmed_at"]
    readonly_fields = [
        "sequence",
        "kind",
        "party",
        "site",
        "quantity_m3",
        "occurred_on",
        "confirmed_at",
    ]
    extra = 0
    can_delete = False

    def has_add_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False


@admin.register(Consignment)
class ConsignmentAdmin(ReadOnlyAdmin):
    list_display = ["number", "batch", "purpose", "from_site", "to_site", "quantity_m3", "state"]
    list_filter = ["state", "purpose"]
    search_fields = ["number", "batch__number", "declaration__number"]
    list_select_related = ["batch", "from_site", "to_site"]
    inlines = [CustodyStepInline]


@admin.register(Batch)
class BatchAdmin(ReadOnlyAdmin):
    list_display = [
        "number",
        "material",
        "volume_m3",
        "quality_class",
        "holder",
        "provenance",
        "state",
    ]
    list_filter = ["provenance", "state", "material", "quality_class"]
    search_fields = ["number", "holder__name", "holder__kvk_number"]
    list_select_related = ["holder"]


@admin.register(Site)
class SiteAdmin(ReadOnlyAdmin):
    list_display = ["name", "kind", "municipality", "function_class", "quality_class"]
    list_filter = ["kind", "frame"]
    search_fields = ["name", "municipality"]


@admin.register(SigningKey)
class SigningKeyAdmin(ReadOnlyAdmin):
    list_display = ["key_id", "organisation", "algorithm", "created_at", "retired_at"]
    fields = ["key_id", "organisation", "algorithm", "public_key", "created_at", "retired_at"]
    search_fields = ["key_id", "organisation__name"]
    list_select_related = ["organisation"]
