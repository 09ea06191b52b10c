"""The audit trail in the back-office: read-only, filterable."""

from typing import Any

from django.contrib import admin
from django.db import models
from django.http import HttpRequest

from kwalibo.audit.models import AuditEvent
from kwalibo.audit.services import audit_event_record, model_changes


@admin.register(AuditEvent)
class AuditEventAdmin(admin.ModelAdmin):
    list_display = [
        "occurred_at",
        "actor_display",
        "actor_role",
        "action",
        "object_repr",
        "legal_ground",
    ]
    list_filter = ["action", "object_type", "actor_role"]
    search_fields = ["object_repr", "actor_display", "reason", "object_id"]
    date_hierarchy = "occurred_at"
    readonly_fields = [f.name for f in AuditEvent._meta.fields]

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False


class AuditedModelAdmin(admin.ModelAdmin):
    """Admin whose saves write an audit event with old and new values.

    Deleting is not offered: the register keeps its history.
    """

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def save_model(self, request: HttpRequest, obj: models.Model, form: Any, change: bool) -> None:
        fields = list(form.changed_data)
        before: dict[str, Any] = {}
        if change and obj.pk is not None:
            stored = type(obj)._default_manager.get(pk=obj.pk)
            before = {field: getattr(stored, field, None) for field in fields}
        super().save_model(request, obj, form, change)
        changes = model_changes(
            obj,
            before,
            [f for f in fields if not isinstance(getattr(obj, f, None), models.Manager)],
        )
        audit_event_record(
            actor=request.user,  # type: ignore[arg-type]
            action=f"{obj._meta.model_name}.{'update' if change else 'create'}",
            target=obj,
            changes=changes,
        )
