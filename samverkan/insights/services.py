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
from samverkan.core.notifications import notify

from .models import TEXT_MAX_LENGTH, Addressee, InputItem, TriageStatus, TriageStep, text_key
from .permissions import can_triage


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
