from dataclasses import dataclass, field

from django.db import transaction

from samverkan.core.audit import log_change

from .models import Addressee, InputItem, text_key


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
