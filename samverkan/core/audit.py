"""The audit log: every change to a shared record, with the fields that changed.

Services take a snapshot before a change and call `log_change` after it; the
admin does the same through `AuditedAdmin`.
"""

from django.contrib.contenttypes.models import ContentType
from django.db import models

from .models import AuditEntry


def _display(value) -> str | int | bool | None:
    if value is None or isinstance(value, (bool, int)):
        return value
    if isinstance(value, models.Model):
        return str(value)
    if isinstance(value, (list, tuple)):
        return ", ".join(str(v) for v in value)
    text = str(value)
    return text if len(text) <= 500 else text[:500] + "…"


def snapshot(instance: models.Model) -> dict:
    """Field name → a readable value, for concrete fields and many-to-many fields."""
    data = {}
    for field in instance._meta.get_fields():
        if field.name in {"id", "created_at", "updated_at", "search_document"}:
            continue
        if field.many_to_many and not field.auto_created:
            if instance.pk is None:
                data[field.name] = ""
            else:
                data[field.name] = _display(
                    sorted(str(o) for o in getattr(instance, field.name).all())
                )
        elif field.concrete and not field.auto_created:
            if field.choices:
                value = getattr(instance, f"get_{field.name}_display")()
            elif field.is_relation:
                value = getattr(instance, field.name)
            else:
                value = getattr(instance, field.attname)
            data[field.name] = _display(value)
    return data


def diff(before: dict, after: dict) -> dict:
    return {
        name: [before.get(name), value]
        for name, value in after.items()
        if before.get(name) != value
    }


def log_change(*, actor, instance, action: str, before: dict | None = None, changes=None):
    """Write one audit entry. With `before`, records the fields that differ now."""
    if changes is None:
        changes = diff(before or {}, snapshot(instance))
    if not changes and before is not None:
        return None
    return AuditEntry.objects.create(
        actor=actor if getattr(actor, "is_authenticated", False) else None,
        action=action,
        content_type=ContentType.objects.get_for_model(instance),
        object_id=str(instance.pk),
        object_repr=str(instance)[:300],
        changes=changes,
    )
