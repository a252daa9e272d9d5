from django.contrib import admin

from .audit import log_change, snapshot
from .models import AuditEntry


class AuditedAdmin(admin.ModelAdmin):
    """Admin changes go into the same audit log as changes made in the app."""

    def save_model(self, request, obj, form, change):
        obj._audit_before = snapshot(type(obj).objects.get(pk=obj.pk)) if change else {}
        super().save_model(request, obj, form, change)

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        obj = form.instance
        opts = obj._meta
        log_change(
            actor=request.user,
            instance=obj,
            action=f"{opts.app_label}.{opts.model_name}.{'changed' if change else 'created'}",
            before=getattr(obj, "_audit_before", {}),
        )

    def delete_model(self, request, obj):
        opts = obj._meta
        log_change(
            actor=request.user,
            instance=obj,
            action=f"{opts.app_label}.{opts.model_name}.deleted",
            changes={"record": [str(obj), None]},
        )
        super().delete_model(request, obj)


@admin.register(AuditEntry)
class AuditEntryAdmin(admin.ModelAdmin):
    list_display = ["created_at", "actor", "action", "object_repr"]
    list_filter = ["action"]
    search_fields = ["object_repr", "action"]
    readonly_fields = [f.name for f in AuditEntry._meta.fields]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
