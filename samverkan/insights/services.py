import logging
from dataclasses import dataclass, field

from django.db import transaction
from django.utils import timezone

from samverkan.core.audit import log_change
from samverkan.core.filters import CHUNK_SIZE

from .grouping import group_texts
from .models import (
    GROUPING_STALE_AFTER,
    Addressee,
    GroupingRun,
    GroupingStatus,
    InputItem,
    text_key,
)

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
