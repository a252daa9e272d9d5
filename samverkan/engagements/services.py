"""Writes for engagements and forums. Every change is logged in the audit log."""

import json

from django.core.exceptions import ValidationError
from django.db import connection, transaction
from django.db.models import Count, Max, Min, Q
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from samverkan.coordination.services import engagement_index, engagement_unindex
from samverkan.core.audit import log_change, snapshot
from samverkan.core.bulk import insert_rows
from samverkan.core.notifications import notify
from samverkan.register.models import Organisation

from .ical import engagement_ics
from .models import (
    CoHostProposal,
    Engagement,
    EngagementHost,
    Forum,
    ForumHost,
    HostRole,
    HostTally,
    Invitation,
    Involvement,
    Participation,
    ProposalStatus,
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


def involvements_refresh(*, engagement_ids=None, batch_size: int = 5000) -> int:
    """Rewrite the derived `Involvement` rows of these engagements, or of all when None, and the
    `HostTally` rows of every organisation and host they touch (before or after).

    Call it after any change to an engagement's hosts, invitations or their answers,
    participants, start, status or publication. Returns the number of rows written.
    """
    engagements = Engagement.objects.order_by("pk")
    if engagement_ids is not None:
        engagement_ids = list(engagement_ids)
        engagements = engagements.filter(pk__in=engagement_ids)
        touched = _involvements_delete(engagement_ids)
    else:
        Involvement.objects.all().delete()
    adapt = connection.ops.adapt_datetimefield_value
    written = 0
    last_id = 0
    while True:  # in batches of engagements, so a full rebuild runs in flat memory
        batch = list(
            engagements.filter(pk__gt=last_id).values_list(
                "pk", "starts_at", "is_published", "status"
            )[:batch_size]
        )
        if not batch:
            break
        last_id = batch[-1][0]
        ids = [row[0] for row in batch]
        hosts: dict[int, list[tuple[int, bool]]] = {}
        for engagement_id, host_id, role in EngagementHost.objects.filter(
            engagement_id__in=ids
        ).values_list("engagement_id", "organisation_id", "role"):
            hosts.setdefault(engagement_id, []).append((host_id, role == HostRole.LEAD))
        involved: dict[int, dict[int, str]] = {}  # engagement → organisation → invitation answer
        for engagement_id, organisation_id in Participation.objects.filter(
            engagement_id__in=ids, organisation__isnull=False
        ).values_list("engagement_id", "organisation_id"):
            involved.setdefault(engagement_id, {})[organisation_id] = ""
        for engagement_id, organisation_id, answer in Invitation.objects.filter(
            engagement_id__in=ids
        ).values_list("engagement_id", "organisation_id", "status"):
            involved.setdefault(engagement_id, {})[organisation_id] = answer
        rows = []
        for pk, starts_at, is_published, status in batch:
            common = (adapt(starts_at), timezone.localtime(starts_at).year, is_published, status)
            for organisation_id, answer in sorted(involved.get(pk, {}).items()):
                for host_id, is_lead in hosts.get(pk, ()):
                    rows.append((organisation_id, pk, host_id, is_lead, *common, answer))
        insert_rows(Involvement, INVOLVEMENT_FIELDS, rows)
        written += len(rows)
        if engagement_ids is not None:
            touched |= {(row[0], row[2]) for row in rows}
    host_tallies_refresh(pairs=None if engagement_ids is None else touched)
    return written


def involvements_forget(*, engagement_ids) -> None:
    """Before these engagements are deleted: their `Involvement` rows go, and the tallies of the
    organisations and hosts they touched are counted again without them."""
    host_tallies_refresh(pairs=_involvements_delete(engagement_ids))


def _involvements_delete(engagement_ids) -> set[tuple[int, int]]:
    """Delete these engagements' rows; the (organisation, host) pairs they were of."""
    rows = Involvement.objects.filter(engagement_id__in=engagement_ids)
    pairs = set(rows.values_list("organisation_id", "host_id"))
    rows.delete()
    return pairs


@transaction.atomic
def host_tallies_refresh(*, pairs=None, batch_size: int = 2000) -> int:
    """Count again the `HostTally` rows of these (organisation, host) pairs, and the totals of
    their organisations, from their `Involvement` rows; or every one when None, in one
    transaction (pages keep reading the old tallies until it ends). Returns the number of rows
    written."""
    if pairs is None:
        HostTally.objects.all().delete()
        ids = Involvement.objects.aggregate(
            first=Min("organisation_id"), last=Max("organisation_id")
        )
        first, last = ids["first"], ids["last"]
        if first is None:
            return 0
        # In ranges of organisations, read from the hosts' index, so a full rebuild runs in
        # flat memory.
        return sum(
            _tallies_write(
                Involvement.objects.filter(
                    organisation_id__gte=start, organisation_id__lt=start + batch_size
                )
            )
            for start in range(first, last + 1, batch_size)
        )
    pairs = set(pairs)
    if not pairs:
        return 0
    organisations = sorted({organisation for organisation, _host in pairs})
    hosts = {host for _organisation, host in pairs}
    # Two engagements of the same organisation saved at once would both rewrite its tallies:
    # the second waits here for the first to commit, then counts what the first wrote.
    list(
        Organisation.objects.filter(pk__in=organisations)
        .order_by("pk")
        .select_for_update(no_key=True)
    )
    HostTally.objects.filter(
        Q(host_id__in=hosts) | Q(host__isnull=True), organisation_id__in=organisations
    ).delete()
    involvements = Involvement.objects.filter(organisation_id__in=organisations)
    return _tallies_write(involvements.filter(host_id__in=hosts), totals=False) + _tallies_write(
        involvements.leads(), hosts=False
    )


def _tallies_write(involvements, *, hosts: bool = True, totals: bool = True) -> int:
    """Write the tallies of every (organisation, host) pair among `involvements`, and each
    organisation's total from its lead rows (one per engagement)."""
    # (organisation, host or None, published only) → [engagements, last start, count per year]
    tallies: dict[tuple[int, int | None, bool], list] = {}
    counts = (
        involvements.values_list("organisation_id", "host_id", "is_lead", "is_published", "year")
        .annotate(n=Count("*"), last=Max("starts_at"))
        .order_by()
    )
    for organisation_id, host_id, is_lead, is_published, year, n, last in counts:
        keys = [host_id] if hosts else []
        if totals and is_lead:
            keys.append(None)
        for key in keys:
            for published_only in (False, True) if is_published else (False,):
                tally = tallies.setdefault((organisation_id, key, published_only), [0, last, {}])
                tally[0] += n
                tally[1] = max(tally[1], last)
                tally[2][str(year)] = tally[2].get(str(year), 0) + n
    adapt = connection.ops.adapt_datetimefield_value
    insert_rows(
        HostTally,
        ["organisation", "host", "published_only", "engagements", "last_starts_at", "per_year"],
        [
            (*key, engagements, adapt(last), json.dumps(per_year))
            for key, (engagements, last, per_year) in tallies.items()
        ],
    )
    return len(tallies)


INVOLVEMENT_FIELDS = [
    "organisation",
    "engagement",
    "host",
    "is_lead",
    "starts_at",
    "year",
    "is_published",
    "engagement_status",
    "invitation_status",
]


@transaction.atomic
def engagement_save(*, actor, form) -> Engagement:
    """Create or update an engagement from a valid EngagementForm.

    A new engagement is led by the actor's organisation; other hosts join only by accepting a
    proposal (`co_host_propose`). Invited and participating organisations are set to what the
    form says.
    """
    creating = form.instance.pk is None
    before = {} if creating else snapshot(Engagement.objects.get(pk=form.instance.pk))
    engagement = form.save()
    if creating:
        EngagementHost.objects.create(
            engagement=engagement, organisation=form.host, role=HostRole.LEAD
        )
    _set_organisations(Invitation, engagement, form.cleaned_data["invited"])
    _set_organisations(Participation, engagement, form.cleaned_data["participants"])
    involvements_refresh(engagement_ids=[engagement.pk])
    engagement_index(engagement=engagement)
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
    engagement_unindex(engagement=engagement)
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


def _when_and_where(engagement) -> str:
    start = timezone.localtime(engagement.starts_at)
    text = date_format(start, "j F Y") + " " + _("at") + " " + date_format(start, "H:i")
    if engagement.ends_at:
        text += "–" + date_format(timezone.localtime(engagement.ends_at), "H:i")
    place = engagement.get_venue_display()
    if engagement.location:
        place += f", {engagement.location}"
    return f"{text}. {place}."


def _coordinators(organisation):
    from samverkan.accounts.models import User
    from samverkan.accounts.roles import Role

    return User.objects.filter(
        organisation=organisation, role=Role.AGENCY_COORDINATOR, is_active=True
    )


@transaction.atomic
def co_host_propose(
    *, actor, engagement: Engagement, host, prompted_by=None, message: str = ""
) -> CoHostProposal:
    """Ask `host`'s coordinators to host `engagement` jointly. They get a task and a mail.

    Raises ValidationError if `host` already hosts it, is not a public body, or already has an
    unanswered proposal for it.
    """
    if not host.is_host_kind:
        raise ValidationError(_("Only an agency, region or municipality can host an activity."))
    if engagement.host_links.filter(organisation=host).exists():
        raise ValidationError(_("%(host)s already hosts this activity.") % {"host": host.name})
    if engagement.co_host_proposals.filter(host=host, status=ProposalStatus.PENDING).exists():
        raise ValidationError(
            _("%(host)s has not answered the earlier proposal yet.") % {"host": host.name}
        )
    proposal = CoHostProposal.objects.create(
        engagement=engagement,
        host=host,
        prompted_by=prompted_by,
        proposed_by=actor,
        message=message,
    )
    log_change(
        actor=actor,
        instance=engagement,
        action="engagements.engagement.co_host_proposed",
        changes={"co_host_proposal": [None, host.name]},
    )
    lead = engagement.lead_host
    notify(
        users=_coordinators(host),
        subject=_("%(lead)s proposes a joint activity: %(title)s")
        % {"lead": lead.name if lead else "", "title": engagement.title},
        body="\n\n".join(
            part
            for part in (
                _("%(lead)s asks %(host)s to host this activity jointly.")
                % {"lead": lead.name if lead else "", "host": host.name},
                f"{engagement.title}\n{_when_and_where(engagement)}",
                message,
                _("Answer under “Your tasks” in Samverkan."),
            )
            if part
        ),
        url=reverse("engagements:tasks"),
        ics=engagement_ics(engagement),
    )
    return proposal


@transaction.atomic
def co_host_answer(*, actor, proposal: CoHostProposal, accept: bool, reason: str = "") -> None:
    """Accept (the host becomes a co-host with the same rights) or decline (with a reason)."""
    if proposal.status != ProposalStatus.PENDING:
        raise ValidationError(_("This proposal has already been answered."))
    if not accept and not reason.strip():
        raise ValidationError(_("Please say why you decline."))
    proposal.status = ProposalStatus.ACCEPTED if accept else ProposalStatus.DECLINED
    proposal.reason = "" if accept else reason.strip()
    proposal.answered_by = actor
    proposal.answered_at = timezone.now()
    proposal.save()
    engagement = proposal.engagement
    if accept:
        before = snapshot(engagement)
        EngagementHost.objects.get_or_create(
            engagement=engagement, organisation=proposal.host, defaults={"role": HostRole.CO_HOST}
        )
        involvements_refresh(engagement_ids=[engagement.pk])
        log_change(
            actor=actor,
            instance=engagement,
            action="engagements.engagement.co_host_accepted",
            before=before,
        )
    else:
        log_change(
            actor=actor,
            instance=engagement,
            action="engagements.engagement.co_host_declined",
            changes={
                "co_host_proposal": [proposal.host.name, None],
                "reason": [None, proposal.reason],
            },
        )
    if proposal.proposed_by:
        names = {"host": proposal.host.name, "title": engagement.title}
        if accept:
            subject = _("%(host)s will host “%(title)s” with you.") % names
        else:
            subject = _("%(host)s declined to host “%(title)s” with you.") % names
        body = subject
        if not accept:
            body += "\n\n" + _("Reason: %(reason)s") % {"reason": proposal.reason}
        notify(
            users=[proposal.proposed_by],
            subject=subject,
            body=body,
            url=reverse("engagements:engagement_detail", args=[engagement.pk]),
        )
