"""Reads for the register's pages. Each returns the same number of queries whatever the data size."""

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import datetime

from django.db.models import Count, Max, Prefetch
from django.db.models.functions import ExtractYear

from samverkan.engagements.models import EngagementHost, Forum, Seat

from .models import Affiliation, Organisation, TargetGroup


def organisation_rows(queryset):
    """Organisations for a list page: kind and target groups come along in one extra query."""
    return queryset.only(
        "id", "name", "short_name", "slug", "kind", "municipality"
    ).prefetch_related(
        Prefetch("target_groups", queryset=TargetGroup.objects.only("id", "name", "name_en"))
    )


@dataclass
class HostRelation:
    """What one host does with one organisation."""

    host: Organisation
    engagements: int = 0
    last_contact: datetime | None = None
    per_year: dict[int, int] = field(default_factory=dict)
    forums: list[Forum] = field(default_factory=list)


def who_consults(
    organisation: Organisation, visible_engagements, visible_forums
) -> list[HostRelation]:
    """Every host that engages `organisation`, with counts per year, last contact and forums.

    `visible_engagements` and `visible_forums` are what the viewer may see; the
    counts come from one grouped query, the forums from two more.
    """
    involving = visible_engagements.involving(organisation).values("pk")
    rows = (
        EngagementHost.objects.filter(engagement__in=involving)
        .annotate(year=ExtractYear("engagement__starts_at"))
        .values("organisation_id", "year")
        .annotate(count=Count("engagement_id", distinct=True), last=Max("engagement__starts_at"))
        .order_by()
    )
    relations: dict[int, HostRelation] = {}
    host_ids = set()
    per_host = defaultdict(list)
    for row in rows:
        per_host[row["organisation_id"]].append(row)
        host_ids.add(row["organisation_id"])
    seats = (
        Seat.objects.current()
        .filter(organisation=organisation, forum__in=visible_forums)
        .select_related("forum")
        .prefetch_related("forum__host_links")
    )
    forum_hosts = defaultdict(list)
    for seat in seats:
        for link in seat.forum.host_links.all():
            forum_hosts[link.organisation_id].append(seat.forum)
            host_ids.add(link.organisation_id)
    hosts = Organisation.objects.in_bulk(host_ids)
    for host_id in host_ids:
        relation = HostRelation(host=hosts[host_id], forums=forum_hosts.get(host_id, []))
        for row in per_host.get(host_id, []):
            relation.per_year[row["year"]] = row["count"]
            relation.engagements += row["count"]
            if relation.last_contact is None or row["last"] > relation.last_contact:
                relation.last_contact = row["last"]
        relation.per_year = dict(sorted(relation.per_year.items(), reverse=True))
        relations[host_id] = relation
    return sorted(relations.values(), key=lambda r: (-r.engagements, r.host.name))


def consulted_by(host: Organisation, visible_engagements, limit: int = 50) -> list[dict]:
    """The organisations a host engages most, with counts and last contact (one query)."""
    hosted = visible_engagements.hosted_by(host).values("pk")
    return list(
        Organisation.objects.filter(invitations__engagement__in=hosted)
        .annotate(count=Count("invitations__engagement", distinct=True))
        .annotate(last=Max("invitations__engagement__starts_at"))
        .order_by("-count", "name")
        .values("name", "slug", "kind", "count", "last")[:limit]
    )


def current_affiliations(organisation: Organisation):
    return Affiliation.objects.current().filter(organisation=organisation).select_related("person")
