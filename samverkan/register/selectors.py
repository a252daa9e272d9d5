"""Reads for the register's pages. Each returns the same number of queries whatever the data size."""

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import datetime

from django.db.models import Count, Max, Prefetch
from django.urls import reverse
from django.utils import translation

from samverkan.engagements.models import ForumHost, Involvement, Seat

from .models import Affiliation, Organisation, OrganisationKind


@dataclass(frozen=True, slots=True)
class OrganisationRow:
    """One row of an organisation list, its words already in the page's language."""

    name: str
    url: str
    kind: str
    target_groups: str
    municipality: str


def organisation_rows(organisations) -> list[OrganisationRow]:
    """Rows for a list page from one page of organisations, with one extra query for all their
    target groups. Plain values, so the template only prints them: per-row model methods and
    prefetched querysets cost more than the rest of the page."""
    organisations = list(
        organisations.only("id", "name", "short_name", "slug", "kind", "municipality")
    )
    groups = defaultdict(list)
    english = translation.get_language() == "en"
    links = Organisation.target_groups.through.objects.filter(
        organisation_id__in=[o.pk for o in organisations]
    ).order_by("targetgroup__name")
    for organisation_id, name, name_en in links.values_list(
        "organisation_id", "targetgroup__name", "targetgroup__name_en"
    ):
        groups[organisation_id].append(name_en if english and name_en else name)
    return [
        OrganisationRow(
            name=o.display_name,
            url=reverse("register:organisation_detail", args=[o.slug]),
            kind=OrganisationKind(o.kind).label,
            target_groups=", ".join(groups[o.pk]),
            municipality=o.municipality,
        )
        for o in organisations
    ]


@dataclass
class HostRelation:
    """What one host does with one organisation."""

    host: Organisation
    engagements: int = 0
    last_contact: datetime | None = None
    per_year: dict[int, int] = field(default_factory=dict)

    @property
    def per_year_text(self) -> str:
        """ "2025: 3, 2024: 1": written here, as the template's number formatting of a few
        hundred numbers cost more than the rest of the table."""
        return ", ".join(f"{year}: {count}" for year, count in self.per_year.items())


class HostRelations:
    """Every host that engages `organisation` in what `viewer` may see, as a sequence that a
    paginator counts (one query) and slices (three queries a page)."""

    def __init__(self, organisation: Organisation, *, viewer):
        self.rows = Involvement.objects.visible_to(viewer).filter(organisation=organisation)

    def count(self) -> int:
        return self.rows.values("host_id").distinct().count()

    def __getitem__(self, part: slice) -> list[HostRelation]:
        return _host_relations(self.rows, part)


def who_consults(organisation: Organisation, *, viewer, count: int | None = None):
    """The hosts that engage `organisation`, most engagements first (the first `count`), each
    with its count per year and last contact. Read from the derived `Involvement` rows' index
    in three queries, whatever the history."""
    return HostRelations(organisation, viewer=viewer)[:count]


def _host_relations(rows, part: slice) -> list[HostRelation]:
    ranked = (
        rows.values("host_id")
        .annotate(engagements=Count("pk"), last=Max("starts_at"))
        .order_by("-engagements", "host_id")  # ties in the order the hosts were registered
    )
    ranked = ranked[part]
    relations = {
        row["host_id"]: HostRelation(
            host=None, engagements=row["engagements"], last_contact=row["last"]
        )
        for row in ranked
    }
    if not relations:
        return []
    years = (
        rows.filter(host_id__in=relations)
        .values_list("host_id", "year")
        .annotate(n=Count("pk"))
        .order_by("host_id", "-year")
    )
    for host_id, year, n in years:
        relations[host_id].per_year[year] = n
    hosts = Organisation.objects.only("name", "short_name", "slug").in_bulk(list(relations))
    for host_id, relation in relations.items():
        relation.host = hosts[host_id]
    return list(relations.values())


def forum_seats(organisation: Organisation, visible_forums):
    """The organisation's current seats in the forums the viewer may see, with their hosts."""
    return (
        Seat.objects.current()
        .filter(organisation=organisation, forum__in=visible_forums)
        .select_related("forum")
        .prefetch_related(
            Prefetch(
                "forum__host_links",
                queryset=ForumHost.objects.select_related("organisation").only(
                    "forum_id", "role", "organisation__name", "organisation__slug"
                ),
            )
        )
        .order_by("forum__name")
    )


def activities(organisation: Organisation, *, viewer):
    """Ids of the engagements `organisation` was invited to or took part in, newest first, that
    `viewer` may see (from the derived rows: one per engagement, its lead host's)."""
    return (
        Involvement.objects.visible_to(viewer)
        .filter(organisation=organisation)
        .leads()
        .order_by("-starts_at", "-engagement_id")
        .values_list("engagement_id", flat=True)
    )


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
