""" "Before you invite": similar engagements at other hosts and the load on invited organisations."""

from dataclasses import dataclass

from samverkan.register.models import Organisation

from .load import OrganisationLoad, organisation_load
from .similarity import Match, similar_engagements


@dataclass
class BeforeYouInvite:
    matches: list[Match]
    loads: list[OrganisationLoad]


LIMIT = 5


def before_you_invite(
    *,
    title: str,
    description: str = "",
    target_groups=(),
    topics=(),
    starts_at=None,
    invited=(),
    hosts=(),
    engagement=None,
) -> BeforeYouInvite:
    """What a planner sees while drafting (the form's values) or on a saved engagement's page.

    `hosts` are the planner's own hosts, left out of the similar ones; `engagement` is the saved
    engagement being edited, if any, which is neither similar to nor clashing with itself.
    """
    matches = similar_engagements(
        title=title,
        description=description,
        target_groups=target_groups,
        topics=topics,
        starts_at=starts_at,
        exclude_hosts=hosts,
        exclude_pk=engagement.pk if engagement is not None else None,
        limit=LIMIT,
    )
    organisations = Organisation.objects.filter(pk__in=[getattr(o, "pk", o) for o in invited])
    loads = organisation_load(
        organisations=organisations.order_by("name"),
        starts_at=starts_at,
        exclude_engagement=engagement,
    )
    return BeforeYouInvite(matches=matches, loads=loads)


def for_engagement(engagement) -> BeforeYouInvite:
    """The panel for a saved engagement, from its own values."""
    return before_you_invite(
        title=engagement.title,
        description=engagement.description,
        target_groups=[g.pk for g in engagement.target_groups.all()],
        topics=[t.pk for t in engagement.topics.all()],
        starts_at=engagement.starts_at,
        invited=[i.organisation_id for i in engagement.invitations.all()],
        hosts=[link.organisation_id for link in engagement.host_links.all()],
        engagement=engagement,
    )
