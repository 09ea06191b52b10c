"""Template filters for register pages: labels in the active language."""

import datetime as dt
from typing import Any

from django import template
from django.utils.translation import get_language, gettext

from kwalibo.register.domain.lifecycle import DecisionKind, Status

register = template.Library()


@register.filter
def status_label(value: str | None) -> str:
    """The translated label of a recognition status ("granted" -> "verleend")."""
    try:
        return gettext(Status(value or "").label)
    except ValueError:
        return value or ""


@register.filter
def decision_label(value: str) -> str:
    """The translated label of a decision kind."""
    try:
        return gettext(DecisionKind(value).label)
    except ValueError:
        return value


@register.filter
def localised_name(item: Any) -> str:
    """`name_en` when the page is in English and the item has one, else `name_nl`."""
    english: str = getattr(item, "name_en", "") or ""
    if english and (get_language() or "nl").startswith("en"):
        return english
    return str(getattr(item, "name_nl", item))


@register.filter
def person_title(activity: Any) -> str:
    """What a registered person is called for this activity, in the active language."""
    if (get_language() or "nl").startswith("en") and activity.person_title_en:
        return str(activity.person_title_en)
    return str(activity.person_title_nl or gettext("Recognised persons"))


@register.filter
def get_item(mapping: dict[Any, Any], key: Any) -> Any:
    """`mapping[key]`, or None (templates cannot index dicts by a variable)."""
    return mapping.get(key)


@register.filter
def last_day(exclusive_end: dt.date | None) -> dt.date | None:
    """The last day of a period whose stored end is exclusive."""
    return exclusive_end - dt.timedelta(days=1) if exclusive_end else None
