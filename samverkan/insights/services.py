import logging
from dataclasses import dataclass, field

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.text import Truncator
from django.utils.translation import gettext as _

from samverkan.accounts.roles import Role
from samverkan.core.audit import log_change, snapshot
from samverkan.core.filters import CHUNK_SIZE
from samverkan.core.notifications import notify

from .grouping import group_texts
from .models import (
    GROUPING_STALE_AFTER,
    TEXT_MAX_LENGTH,
    Addressee,
    GroupingRun,
    GroupingStatus,
    InputItem,
    TriageStatus,
    TriageStep,
    text_key,
)
from .permissions import can_triage

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class ItemData:
    """One item to record, already checked: ids, not objects, so it can be kept in a session."""

    kind: str
    text: str
    organisation_id: int | None = None
    target_group_ids: list[int] = field(default_factory=list)
    topic_ids: list[int] = field(default_factory=list)


@transaction.atomic
def input_items_create(*, actor, engagement, items: list[ItemData], action: str) -> int:
    """Record `items` for `engagement`, all or none, addressed to the engagement's hosts.

    `action` is the audit code ("insights.input_items.recorded" or "….imported"); one entry on
    the engagement records how many items were added. Returns the number of items written.
    """
    if not items:
        return 0
    created = InputItem.objects.bulk_create(
        InputItem(
            engagement=engagement,
            kind=item.kind,
            text=item.text,
            text_key=text_key(item.text),
            organisation_id=item.organisation_id,
            created_by=actor,
        )
        for item in items
    )
    host_ids = list(engagement.host_links.values_list("organisation_id", flat=True))
    through = InputItem.target_groups.through
    through.objects.bulk_create(
        through(inputitem_id=obj.pk, targetgroup_id=group_id)
        for obj, item in zip(created, items, strict=True)
        for group_id in dict.fromkeys(item.target_group_ids)
    )
    through = InputItem.topics.through
    through.objects.bulk_create(
        through(inputitem_id=obj.pk, topic_id=topic_id)
        for obj, item in zip(created, items, strict=True)
        for topic_id in dict.fromkeys(item.topic_ids)
    )
    Addressee.objects.bulk_create(
        Addressee(item_id=obj.pk, host_id=host_id) for obj in created for host_id in host_ids
    )
    log_change(
        actor=actor, instance=engagement, action=action, changes={"input_items": [None, len(items)]}
    )
    return len(created)


# The statuses a host can move an item to; "received" is where every item starts.
TRIAGE_CHOICES = [status for status in TriageStatus if status != TriageStatus.RECEIVED]


def _users(organisation_id, roles):
    from samverkan.accounts.models import User

    return User.objects.filter(organisation_id=organisation_id, role__in=roles, is_active=True)


@transaction.atomic
def addressee_triage(
    *, actor, addressee: Addressee, status: str, response: str, referred_to=None
) -> Addressee:
    """Move an item on for one addressed host and record the step, with an optional response.

    "Not acted on" needs a reason in `response`; "referred" needs `referred_to`, another public
    body not yet addressed, which then gets the item as "received" and its coordinators a mail.
    The organisation that raised the item (its admin and representatives) is told of the change.
    Raises PermissionDenied unless `actor` works for the addressed host, and ValidationError on
    bad input (nothing is written then).
    """
    if not can_triage(actor, addressee):
        raise PermissionDenied
    response = (response or "").strip()
    if status not in TRIAGE_CHOICES:
        raise ValidationError(_("Choose one of the statuses offered."), code="status")
    if len(response) > TEXT_MAX_LENGTH:
        raise ValidationError(
            _("The response can be at most %(max)s characters.") % {"max": TEXT_MAX_LENGTH},
            code="too_long",
        )
    if status == TriageStatus.NOT_ACTED_ON and not response:
        raise ValidationError(_("Please say why the item is not acted on."), code="reason")
    if status == TriageStatus.REFERRED:
        if referred_to is None:
            raise ValidationError(_("Choose the host you refer the item to."), code="referral")
        if referred_to.pk == addressee.host_id or not referred_to.is_host_kind:
            raise ValidationError(
                _("An item can only be referred to another agency, region or municipality."),
                code="referral",
            )
        if Addressee.objects.filter(item_id=addressee.item_id, host=referred_to).exists():
            raise ValidationError(
                _("%(host)s already has this item.") % {"host": referred_to.name},
                code="referral",
            )
    else:
        referred_to = None
    addressee = (
        Addressee.objects.select_for_update(of=("self",))
        .select_related("item__engagement", "host")
        .get(pk=addressee.pk)
    )
    if (addressee.status, addressee.response, addressee.referred_to_id) == (
        status,
        response,
        referred_to.pk if referred_to else None,
    ):
        raise ValidationError(_("Nothing has changed."), code="unchanged")

    before = snapshot(addressee)
    now = timezone.now()
    if addressee.status != status:
        addressee.status_changed_at = now
    if response and addressee.first_response_at is None:
        addressee.first_response_at = now
    addressee.status, addressee.response, addressee.referred_to = status, response, referred_to
    addressee.save()
    TriageStep.objects.create(
        addressee=addressee,
        status=status,
        response=response,
        referred_to=referred_to,
        actor=actor,
    )
    log_change(actor=actor, instance=addressee, action="insights.addressee.triaged", before=before)
    item = addressee.item
    if referred_to is not None:
        referral = Addressee.objects.create(item=item, host=referred_to)
        log_change(
            actor=actor,
            instance=referral,
            action="insights.addressee.referred",
            changes={"host": [addressee.host.name, referred_to.name]},
        )
        _tell_referred_host(addressee=addressee, referral=referral)
    if item.organisation_id:
        _tell_raising_organisation(addressee=addressee)
    return addressee


def _excerpt(item) -> str:
    return Truncator(" ".join(item.text.split())).chars(300)


def _tell_referred_host(*, addressee, referral) -> None:
    item = addressee.item
    # Mail is written in the site's language: people have no language setting yet.
    with translation.override(settings.LANGUAGE_CODE):
        notify(
            users=_users(referral.host_id, [Role.AGENCY_COORDINATOR]),
            subject=_("%(host)s has referred an input item to you") % {"host": addressee.host.name},
            body="\n\n".join(
                part
                for part in (
                    _("%(host)s refers this item, raised at “%(title)s”, to %(other)s.")
                    % {
                        "host": addressee.host.name,
                        "title": item.engagement.title,
                        "other": referral.host.name,
                    },
                    _excerpt(item),
                    addressee.response,
                    _("Answer it among the input items to respond to in Samverkan."),
                )
                if part
            ),
            url=reverse("insights:input_item", args=[item.pk]),
        )


def _tell_raising_organisation(*, addressee) -> None:
    item = addressee.item
    with translation.override(settings.LANGUAGE_CODE):
        status = addressee.get_status_display()
        if addressee.referred_to:
            status += " – " + addressee.referred_to.name
        notify(
            users=_users(item.organisation_id, [Role.ORGANISATION_ADMIN, Role.REPRESENTATIVE]),
            subject=_("%(host)s: your input is now “%(status)s”")
            % {"host": addressee.host.name, "status": addressee.get_status_display()},
            body="\n\n".join(
                part
                for part in (
                    _("Your organisation raised this at “%(title)s”:")
                    % {"title": item.engagement.title},
                    _excerpt(item),
                    _("Status at %(host)s: %(status)s")
                    % {"host": addressee.host.name, "status": status},
                    _("Response: %(response)s") % {"response": addressee.response}
                    if addressee.response
                    else "",
                )
                if part
            ),
            url=reverse("insights:input_item", args=[item.pk]),
        )


# The joint needs analysis: grouping similar items --------------------------------------------

# Groups addressed to two or more hosts kept on a run (the page shows the first few).
MAX_STORED_GROUPS = 500


def grouping_run_start(*, actor, filters) -> GroupingRun:
    """Queue a grouping of the items `filters` select, or return the one already queued or
    running for the same filters. The task is queued after commit; the worker runs it."""
    from .report import filters_key
    from .tasks import group_similar_items

    data = filters.as_data()
    key = filters_key(data)
    pending = GroupingRun.objects.filter(
        filters_key=key,
        status__in=[GroupingStatus.QUEUED, GroupingStatus.RUNNING],
        updated_at__gte=timezone.now() - GROUPING_STALE_AFTER,
    ).first()
    if pending:
        return pending
    run = GroupingRun.objects.create(
        filters=data, filters_key=key, requested_by=actor if actor.is_authenticated else None
    )
    log_change(actor=actor, instance=run, action="insights.grouping_run.queued", changes=data)
    transaction.on_commit(lambda: group_similar_items.enqueue(run.pk))
    return run


def grouping_run_execute(*, run_id: int) -> GroupingRun | None:
    """Group the run's items (see `grouping.py`), reporting progress on the run as it goes,
    and store the groups addressed to two or more hosts. A failure is kept on the run."""
    from .report import analysis_items, filters_from_data

    run = GroupingRun.objects.filter(pk=run_id).first()
    if run is None or run.status == GroupingStatus.DONE:
        return run
    try:
        items = analysis_items(filters_from_data(run.filters))
        total = items.count()
        GroupingRun.objects.filter(pk=run.pk).update(
            status=GroupingStatus.RUNNING,
            started_at=timezone.now(),
            updated_at=timezone.now(),
            items_total=total,
            items_done=0,
        )

        def progress(done, _total):
            GroupingRun.objects.filter(pk=run.pk).update(items_done=done, updated_at=timezone.now())

        texts = items.order_by("pk").values_list("pk", "text").iterator(chunk_size=CHUNK_SIZE)
        groups = group_texts(texts, progress=progress)
        hosts: dict[int, set[int]] = {}
        grouped = {pk for group in groups for pk in group.item_ids}
        addressees = (
            Addressee.objects.filter(item__in=items.values("pk"))
            .values_list("item_id", "host_id")
            .iterator(chunk_size=CHUNK_SIZE)
        )
        for item_id, host_id in addressees:
            if item_id in grouped:
                hosts.setdefault(item_id, set()).add(host_id)
        cross_host = []
        for group in groups:
            group_hosts = set().union(*(hosts.get(pk, set()) for pk in group.item_ids))
            if len(group_hosts) >= 2:
                cross_host.append(
                    {
                        "size": len(group.item_ids),
                        "hosts": sorted(group_hosts),
                        "representatives": group.representatives,
                        "terms": group.terms,
                    }
                )
        cross_host.sort(key=lambda g: (-len(g["hosts"]), -g["size"], g["representatives"][0]))
        GroupingRun.objects.filter(pk=run.pk).update(
            status=GroupingStatus.DONE,
            finished_at=timezone.now(),
            updated_at=timezone.now(),
            items_done=total,
            group_count=len(groups),
            grouped_items=len(grouped),
            cross_host_count=len(cross_host),
            groups=cross_host[:MAX_STORED_GROUPS],
        )
    except Exception as error:
        logger.exception("Grouping run %s failed", run.pk)
        GroupingRun.objects.filter(pk=run.pk).update(
            status=GroupingStatus.FAILED,
            finished_at=timezone.now(),
            updated_at=timezone.now(),
            error=str(error)[:1000],
        )
    run.refresh_from_db()
    return run
