"""Writing the audit trail. Called by services inside their own transaction."""

import datetime as dt
from collections.abc import Iterable, Mapping
from decimal import Decimal
from typing import Any

from django.db import models

from kwalibo.accounts.models import User
from kwalibo.audit.models import AuditEvent

SYSTEM_ACTOR = "systeem"


def _jsonable(value: Any) -> Any:
    if isinstance(value, dt.date | dt.datetime):
        return value.isoformat()
    if isinstance(value, Decimal):
        return str(value)
    if isinstance(value, models.Model):
        return str(value)
    return value


def model_changes(
    instance: models.Model, before: Mapping[str, Any], fields: Iterable[str]
) -> dict[str, list[Any]]:
    """The fields of `instance` that differ from `before`, as {field: [old, new]}."""
    changes: dict[str, list[Any]] = {}
    for field in fields:
        old, new = before.get(field), getattr(instance, field)
        if old != new:
            changes[field] = [_jsonable(old), _jsonable(new)]
    return changes


def snapshot(instance: models.Model, fields: Iterable[str]) -> dict[str, Any]:
    """The current values of `fields`, to diff against after a change."""
    return {field: getattr(instance, field) for field in fields}


def audit_event_record(
    *,
    actor: User | None,
    action: str,
    target: models.Model,
    changes: Mapping[str, Any] | None = None,
    reason: str = "",
    legal_ground: str = "",
) -> AuditEvent:
    """Append one audit event for a change to `target`.

    Args:
        actor: the user who made the change; None for system jobs and imports without a user.
        action: dotted verb, e.g. ``recognition.suspend``.
        target: the changed object.
        changes: {field: [old, new]} (values must be JSON-serialisable or dates).
        reason: the stated reason, mandatory for lifecycle decisions.
        legal_ground: the article of law the change rests on.
    """
    return AuditEvent.objects.create(
        actor=actor,
        actor_display=(str(actor) if actor else SYSTEM_ACTOR)[:200],
        actor_role=actor.role if actor else "",
        action=action,
        object_type=target._meta.label_lower,
        object_id=str(target.pk),
        object_repr=str(target)[:300],
        changes={k: [_jsonable(v) for v in pair] for k, pair in (changes or {}).items()},
        reason=reason,
        legal_ground=legal_ground,
    )
