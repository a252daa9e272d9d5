"""Reads for the register's pages. Each returns the same number of queries whatever the data size."""

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date, datetime
from html import escape

from django.db.models import Count, Max, Q
from django.utils import timezone
from django.utils.dates import MONTHS_3
from django.utils.safestring import SafeString, mark_safe

from samverkan.core.links import ds_link, link_maker
from samverkan.engagements.models import ForumHost, Involvement, Seat

from .models import Affiliation, BilingualTerm, Organisation, OrganisationKind


@dataclass(frozen=True, slots=True)
class OrganisationRow:
    """One row of an organisation list, its words already in the page's language."""

    name: str
    url: str
    kind: str
    target_groups: str
    municipality: str

    def html(self) -> SafeString:
        """The row of the organisation list's table. Written here rather than in the template,
        where four variables on each of 25 rows cost as much as the rest of the page's markup."""
        return mark_safe(  # noqa: S308 - ds_link and escape escape every value
            f"<tr><td>{ds_link(self.url, self.name)}</td><td>{escape(self.kind)}</td>"
            f"<td>{escape(self.target_groups)}</td><td>{escape(self.municipality)}</td></tr>"
        )


def term_labels(terms, ids) -> dict[int, list[str]]:
    """The names of the target groups or topics of each of `ids` through the many-to-many
    `terms` (e.g. `Engagement.target_groups`), in the page's language: one flat query, no
    model objects."""
    field = terms.field
    term = field.m2m_reverse_field_name()
    rows = (
        terms.through.objects.filter(**{f"{field.m2m_field_name()}_id__in": ids})
        .order_by(f"{term}__name")
        .values_list(f"{field.m2m_field_name()}_id", f"{term}__name", f"{term}__name_en")
    )
    labels = defaultdict(list)
    for owner_id, name, name_en in rows:
        labels[owner_id].append(BilingualTerm.label_of(name, name_en))
    return labels


@dataclass(frozen=True, slots=True)
class OrganisationLink:
    name: str
    url: str


def memberships(organisation: Organisation) -> tuple[list, list]:
    """(the umbrella organisations it is a member of, its member organisations), by name, in one
    flat query over both sides of the membership table."""
    links = (
        Organisation.member_organisations.through.objects.filter(
            Q(from_organisation=organisation) | Q(to_organisation=organisation)
        )
        .values_list(
            "from_organisation_id",
            "from_organisation__name",
            "from_organisation__slug",
            "to_organisation__name",
            "to_organisation__slug",
        )
        .order_by("from_organisation__name", "to_organisation__name")
    )
    link = link_maker("register:organisation_detail")
    umbrellas, members = [], []
    for umbrella_id, umbrella, umbrella_slug, member, member_slug in links:
        if umbrella_id == organisation.pk:
            members.append(OrganisationLink(member, link(member_slug)))
        else:
            umbrellas.append(OrganisationLink(umbrella, link(umbrella_slug)))
    members.sort(key=lambda o: o.name)
    return umbrellas, members


def organisation_rows(organisations) -> list[OrganisationRow]:
    """Rows for a list page from one page of organisations, with one extra query for all their
    target groups. Plain values, so the template only prints them: per-row model methods and
    prefetched querysets cost more than the rest of the page."""
    rows = list(
        organisations.values_list("pk", "name", "short_name", "slug", "kind", "municipality")
    )
    groups = term_labels(Organisation.target_groups, [row[0] for row in rows])
    link = link_maker("register:organisation_detail")
    return [
        OrganisationRow(
            name=Organisation.display_name_of(name, short_name),
            url=link(slug),
            kind=str(OrganisationKind(kind).label),
            target_groups=", ".join(groups[pk]),
            municipality=municipality,
        )
        for pk, name, short_name, slug, kind, municipality in rows
    ]


@dataclass
class HostRelation:
    """What one host does with one organisation."""

    host: Organisation
    engagements: int = 0
    last_contact: datetime | None = None  # local time
    per_year: dict[int, int] = field(default_factory=dict)
    url: str = ""

    @property
    def last_contact_iso(self) -> str:
        return self.last_contact.isoformat() if self.last_contact else ""

    @property
    def last_contact_text(self) -> str:
        """ "3 Dec 2026", as the date filter's "j M Y" writes it, for less."""
        if not self.last_contact:
            return ""
        day = self.last_contact
        return f"{day.day} {MONTHS_3[day.month].title()} {day.year}"

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
        .annotate(engagements=Count("*"), last=Max("starts_at"))
        .order_by("-engagements", "host_id")  # ties in the order the hosts were registered
    )
    ranked = ranked[part]
    relations = {
        row["host_id"]: HostRelation(
            host=None,
            engagements=row["engagements"],
            last_contact=row["last"] and timezone.localtime(row["last"]),
        )
        for row in ranked
    }
    if not relations:
        return []
    years = (
        rows.filter(host_id__in=relations)
        .values_list("host_id", "year")
        .annotate(n=Count("*"))
        .order_by("host_id", "-year")
    )
    for host_id, year, n in years:
        relations[host_id].per_year[year] = n
    hosts = Organisation.objects.only("name", "short_name", "slug").in_bulk(list(relations))
    link = link_maker("register:organisation_detail")
    for host_id, relation in relations.items():
        relation.host = hosts[host_id]
        relation.url = link(relation.host.slug)
    return list(relations.values())


@dataclass(frozen=True, slots=True)
class SeatRow:
    """A current seat of an organisation in a forum, as its page lists it."""

    name: str
    url: str
    hosts: str
    term_end: date | None


def forum_seats(organisation: Organisation, visible_forums) -> list[SeatRow]:
    """The organisation's current seats in the forums the viewer may see, with their hosts, in
    two flat queries."""
    seats = list(
        Seat.objects.current()
        .filter(organisation=organisation, forum__in=visible_forums)
        .order_by("forum__name", "pk")
        .values_list("forum_id", "forum__name", "forum__slug", "term_end")
    )
    hosts = defaultdict(list)
    for forum_id, name in ForumHost.objects.filter(
        forum_id__in=[seat[0] for seat in seats]
    ).values_list("forum_id", "organisation__name"):
        hosts[forum_id].append(name)
    link = link_maker("engagements:forum_detail")
    return [
        SeatRow(name=name, url=link(slug), hosts=", ".join(hosts[forum_id]), term_end=term_end)
        for forum_id, name, slug, term_end in seats
    ]


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
