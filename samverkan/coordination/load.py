"""How much each organisation is already asked to do, against what it says it can take on.

Shown to a planner before they invite ("before you invite"). Two queries for any number of
organisations, on the derived `Involvement` rows' date index: one grouped count of invitations
in the window, one list of same-day clashes. (Through the invitations themselves a busy
organisation's every activity had to be read to find the few in the window.)
"""

from dataclasses import dataclass, field
from datetime import datetime, timedelta

from django.db.models import Count, Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from samverkan.core.dates import day_start
from samverkan.engagements.models import InvitationStatus, Involvement, Status
from samverkan.register.models import Organisation

WINDOW = timedelta(days=90)

WARNINGS = {
    "over_capacity": _("More activities than the organisation says it can take on in a quarter."),
    "short_notice": _("Shorter notice than the organisation asks for."),
    "clash": _("The organisation is already invited to another activity that day."),
}


@dataclass
class OrganisationLoad:
    organisation: Organisation
    before: int = 0  # activities in the 90 days before the planned date
    after: int = 0  # activities in the 90 days from the planned date, the planned one excluded
    unanswered: int = 0  # of those, invitations the organisation has not answered
    clashes: list[dict] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)

    @property
    def capacity(self):
        return self.organisation.max_engagements_per_quarter

    @property
    def warning_texts(self) -> list[str]:
        return [WARNINGS[code] for code in self.warnings]


def _active(organisation_ids):
    """Invitations that still take the organisations' time: not declined, not cancelled (one
    row per invitation: its engagement's lead host's row)."""
    return (
        Involvement.objects.filter(organisation_id__in=organisation_ids)
        .leads()
        .filter(invitation_status__in=[InvitationStatus.INVITED, InvitationStatus.ACCEPTED])
        .exclude(engagement_status=Status.CANCELLED)
    )


def organisation_load(
    *, organisations, starts_at: datetime | None = None, exclude_engagement=None, today=None
) -> list[OrganisationLoad]:
    """The load on each organisation around `starts_at` (now if not given), with warnings.

    Warnings: over capacity (the 90 days from the planned date, the planned activity
    included, hold more than the organisation's stated activities per quarter), short notice
    (fewer weeks left than it asks for), and clashes (another activity the same day).
    An organisation that stated no capacity or notice gets counts but no such warnings.
    """
    organisations = list(organisations)
    now = timezone.now()
    centre = starts_at or now
    ids = [o.pk for o in organisations]
    invitations = _active(ids)
    if exclude_engagement is not None:
        invitations = invitations.exclude(engagement=exclude_engagement)

    counts = {
        row["organisation_id"]: row
        for row in invitations.filter(starts_at__gte=centre - WINDOW, starts_at__lt=centre + WINDOW)
        .values("organisation_id")
        .annotate(
            before=Count("id", filter=Q(starts_at__lt=centre)),
            after=Count("id", filter=Q(starts_at__gte=centre)),
            unanswered=Count(
                "id",
                filter=Q(starts_at__gte=centre, invitation_status=InvitationStatus.INVITED),
            ),
        )
        .order_by()
    }

    clashes: dict[int, list[dict]] = {}
    if starts_at is not None:
        day = timezone.localtime(starts_at).date()
        start = day_start(day)
        same_day = invitations.filter(
            starts_at__gte=start, starts_at__lt=start + timedelta(days=1)
        ).values("organisation_id", "engagement_id", "engagement__title", "starts_at")
        for row in same_day.order_by("starts_at", "engagement_id"):
            clashes.setdefault(row["organisation_id"], []).append(
                {
                    "pk": row["engagement_id"],
                    "title": row["engagement__title"],
                    "starts_at": row["starts_at"],
                }
            )

    today = today or timezone.localdate()
    result = []
    for organisation in organisations:
        row = counts.get(organisation.pk, {})
        load = OrganisationLoad(
            organisation=organisation,
            before=row.get("before", 0),
            after=row.get("after", 0),
            unanswered=row.get("unanswered", 0),
            clashes=clashes.get(organisation.pk, []),
        )
        planned = 1 if starts_at is not None else 0
        capacity = organisation.max_engagements_per_quarter
        if capacity is not None and load.after + planned > capacity:
            load.warnings.append("over_capacity")
        notice = organisation.notice_weeks
        if (
            starts_at is not None
            and notice
            and timezone.localtime(starts_at).date() < today + timedelta(weeks=notice)
        ):
            load.warnings.append("short_notice")
        if load.clashes:
            load.warnings.append("clash")
        result.append(load)
    return result
