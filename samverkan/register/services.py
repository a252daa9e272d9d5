"""Writes to the register. Every change is logged in the audit log."""

from django.db import transaction

from samverkan.core.audit import log_change, snapshot
from samverkan.core.models import AuditEntry


@transaction.atomic
def organisation_save(*, actor, form):
    """Create or update an organisation from a valid OrganisationForm, and log what changed."""
    creating = form.instance.pk is None
    before = {} if creating else snapshot(form.instance.__class__.objects.get(pk=form.instance.pk))
    organisation = form.save()
    log_change(
        actor=actor,
        instance=organisation,
        action="register.organisation." + ("created" if creating else "changed"),
        before=before,
    )
    return organisation


def audit_entries(record):
    return AuditEntry.objects.for_object(record)
