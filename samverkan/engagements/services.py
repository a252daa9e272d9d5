"""Writes for engagements and forums. Every change is logged in the audit log."""

from django.db import transaction

from samverkan.core.audit import log_change, snapshot

from .models import (
    Engagement,
    EngagementHost,
    Forum,
    ForumHost,
    HostRole,
    Invitation,
    Participation,
)


def _set_hosts(link_model, owner_field: str, owner, lead, co_hosts):
    """Make `lead` the lead host and exactly `co_hosts` the co-hosts of `owner`."""
    links = link_model.objects.filter(**{owner_field: owner})
    wanted = {org.pk for org in co_hosts} - {lead.pk}
    links.exclude(organisation_id__in=wanted | {lead.pk}).delete()
    link_model.objects.update_or_create(
        **{owner_field: owner, "organisation": lead}, defaults={"role": HostRole.LEAD}
    )
    existing = set(links.values_list("organisation_id", flat=True))
    link_model.objects.bulk_create(
        link_model(**{owner_field: owner, "organisation_id": pk, "role": HostRole.CO_HOST})
        for pk in wanted - existing
    )


def _set_organisations(model, engagement, organisations):
    wanted = {org.pk for org in organisations}
    model.objects.filter(engagement=engagement, organisation__isnull=False).exclude(
        organisation_id__in=wanted
    ).delete()
    existing = set(
        model.objects.filter(engagement=engagement).values_list("organisation_id", flat=True)
    )
    model.objects.bulk_create(
        model(engagement=engagement, organisation_id=pk) for pk in wanted - existing
    )


@transaction.atomic
def engagement_save(*, actor, form) -> Engagement:
    """Create or update an engagement from a valid EngagementForm.

    The form's host is the lead host (the actor's organisation for a new one). Co-hosts, invited
    organisations and participating organisations are set to what the form says.
    """
    creating = form.instance.pk is None
    before = {} if creating else snapshot(Engagement.objects.get(pk=form.instance.pk))
    engagement = form.save()
    _set_hosts(EngagementHost, "engagement", engagement, form.host, form.cleaned_data["co_hosts"])
    _set_organisations(Invitation, engagement, form.cleaned_data["invited"])
    _set_organisations(Participation, engagement, form.cleaned_data["participants"])
    log_change(
        actor=actor,
        instance=engagement,
        action="engagements.engagement." + ("created" if creating else "changed"),
        before=before,
    )
    return engagement


@transaction.atomic
def engagement_delete(*, actor, engagement: Engagement) -> None:
    log_change(
        actor=actor,
        instance=engagement,
        action="engagements.engagement.deleted",
        changes={"title": [engagement.title, None]},
    )
    engagement.delete()


@transaction.atomic
def forum_save(*, actor, form) -> Forum:
    """Create or update a forum from a valid ForumForm; the actor's organisation leads a new one."""
    creating = form.instance.pk is None
    before = {} if creating else snapshot(Forum.objects.get(pk=form.instance.pk))
    forum = form.save()
    _set_hosts(ForumHost, "forum", forum, form.host, form.cleaned_data["co_hosts"])
    log_change(
        actor=actor,
        instance=forum,
        action="engagements.forum." + ("created" if creating else "changed"),
        before=before,
    )
    return forum
