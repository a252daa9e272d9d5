"""Reads for the register's pages. Each returns the same number of queries whatever the data size."""

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date, datetime
from html import escape

from django.db.models import BooleanField, Count, DateField, Max, Q
from django.utils import timezone
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext as _

from samverkan.core.dates import short_date
from samverkan.core.links import ds_link, link_maker
from samverkan.core.prepared import Bound, Param, PreparedRead, Reading, gather, in_ids, together
from samverkan.engagements.models import Forum, HostTally, Involvement, Seat, Visibility

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


def _term_rows(size: int, field):
    term = field.m2m_reverse_field_name()
    owner = field.m2m_field_name()
    return (
        field.remote_field.through.objects.filter(in_ids(f"{owner}_id", size))
        .order_by(f"{term}__name")
        .values_list(f"{owner}_id", f"{term}__name", f"{term}__name_en")
    )


_TERMS = PreparedRead(_term_rows)


def term_labels(terms, ids) -> dict[int, list[str]]:
    """The names of the target groups or topics of each of `ids` through the many-to-many
    `terms` (e.g. `Engagement.target_groups`), in the page's language: one flat query, no
    model objects."""
    return labels_of(_TERMS.rows_for(ids, terms.field))


def term_read(terms, ids) -> Bound | None:
    """`term_labels`' read, to run with others (`core.prepared.together`); `labels_of` its rows."""
    return _TERMS.bind_for(ids, terms.field)


def labels_of(rows) -> dict[int, list[str]]:
    labels = defaultdict(list)
    for owner_id, name, name_en in rows:
        labels[owner_id].append(BilingualTerm.label_of(name, name_en))
    return labels


@dataclass(frozen=True, slots=True)
class OrganisationLink:
    name: str
    url: str


_MEMBERSHIPS = PreparedRead(
    lambda: (
        Organisation.member_organisations.through.objects.filter(
            Q(from_organisation_id=Param("organisation"))
            | Q(to_organisation_id=Param("organisation"))
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
)


@dataclass(frozen=True, slots=True)
class Profile:
    """What an organisation's page says of the organisation itself, beside its history."""

    umbrellas: list[OrganisationLink]  # the umbrella organisations it is a member of
    members: list[OrganisationLink]  # its member organisations
    target_groups: list[str]
    topics: list[str]


def profile(organisation: Organisation) -> Profile:
    """Its memberships on both sides of the membership table, by name, and its target groups
    and topics in the page's language: three flat reads in one round trip."""
    return gather(profile_reading(organisation))[0]


def profile_reading(organisation: Organisation) -> Reading:
    """`profile`'s reads, to send with others (`core.prepared.gather`)."""

    def make(membership_rows, group_rows, topic_rows) -> Profile:
        link = link_maker("register:organisation_detail")
        umbrellas, members = [], []
        for umbrella_id, umbrella, umbrella_slug, member, member_slug in membership_rows:
            if umbrella_id == organisation.pk:
                members.append(OrganisationLink(member, link(member_slug)))
            else:
                umbrellas.append(OrganisationLink(umbrella, link(umbrella_slug)))
        members.sort(key=lambda o: o.name)
        return Profile(
            umbrellas,
            members,
            labels_of(group_rows)[organisation.pk],
            labels_of(topic_rows)[organisation.pk],
        )

    return Reading(
        (
            _MEMBERSHIPS.bind(organisation=organisation.pk),
            term_read(Organisation.target_groups, [organisation.pk]),
            term_read(Organisation.topics, [organisation.pk]),
        ),
        make,
    )


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


@dataclass(slots=True)
class HostRelation:
    """What one host does with one organisation."""

    name: str = ""
    url: str = ""
    engagements: int = 0
    last_contact: datetime | None = None  # local time
    per_year: dict[int, int] = field(default_factory=dict)

    def html(self) -> SafeString:
        """The host's row of the table (register/_host_relations.html). Written here rather
        than in the template, whose variables and tags on fifteen rows cost more than the rest
        of the organisation's page."""
        if self.last_contact:
            day = self.last_contact
            last = f'<time datetime="{day.isoformat()}">{escape(short_date(day))}</time>'
        else:
            last = "–"
        per_year = ", ".join(f"{year}: {count}" for year, count in self.per_year.items())
        return mark_safe(  # noqa: S308 - ds_link escapes; the rest are numbers and dates
            f'<tr><th scope="row">{ds_link(self.url, self.name)}</th><td>{self.engagements}</td>'
            f"<td>{last}</td><td>{per_year}</td></tr>"
        )


def _involvements(visibility: Visibility):
    return Involvement.objects.visible_with(visibility).filter(
        organisation_id=Param("organisation")
    )


# The hosts by how many of the organisation's engagements they had, with the last one's start.
_RANKED = PreparedRead(
    lambda visibility: (
        _involvements(visibility)
        .values("host_id")
        .annotate(engagements=Count("*"), last=Max("starts_at"))
        .order_by("-engagements", "host_id")  # ties in the order the hosts were registered
        .values_list("host_id", "engagements", "last")
    )
)
_PER_YEAR = PreparedRead(
    lambda size, visibility: (
        _involvements(visibility)
        .filter(in_ids("host_id", size))
        .values_list("host_id", "year")
        .annotate(n=Count("*"))
        .order_by("host_id", "-year")
    )
)
_NAMES = PreparedRead(
    lambda size: Organisation.objects.filter(in_ids("pk", size)).values_list("pk", "name", "slug")
)


# The same from the hosts' tallies, for viewers who see published records only or everything.
def _tallies():
    return HostTally.objects.filter(
        organisation_id=Param("organisation"),
        published_only__in=[Param("published_only", BooleanField())],
    )


_TALLIED = PreparedRead(
    lambda: (
        _tallies()
        .filter(host__isnull=False)
        .order_by("-engagements", "host_id")
        .values_list(
            "host_id", "engagements", "last_starts_at", "per_year", "host__name", "host__slug"
        )
    )
)


class _InvolvementPages:
    """One of `organisation`'s derived reads (`read`) in what `viewer` may see, as a sequence
    that a paginator counts (one query) and slices; `made` turns a slice's rows into what the
    page shows. `page_reading` reads the count and one page ahead, with other reads."""

    read: PreparedRead

    def __init__(self, organisation: Organisation, *, viewer):
        self.organisation_id = organisation.pk
        self.visibility = Visibility.of(viewer)
        # Which of the organisation's tallies (`HostTally`) count what the viewer sees; None
        # when none does (a civil-society viewer also sees what its organisation is invited to).
        self.published_only = (
            None if self.visibility.invited_organisation_id else not self.visibility.public_body
        )
        self._ahead = None  # (count, start, stop, made) from page_reading

    @property
    def shape(self) -> tuple:
        return (self.visibility,)

    @property
    def values(self) -> dict:
        return {"organisation": self.organisation_id}

    def made(self, rows: list[tuple]) -> list:
        raise NotImplementedError

    def count(self) -> int:
        if self._ahead:
            return self._ahead[0]
        return self._count_of(together(self._count_read())[0])

    def _count_read(self) -> Bound:
        return self.read.bind_count(*self.shape, **self.values)

    @staticmethod
    def _count_of(rows) -> int:
        return rows[0][0] if rows else 0

    def __getitem__(self, part: slice) -> list:
        if self._ahead and part.stop is not None:
            count, start, stop, made = self._ahead
            # The paginator ends the last page at the count.
            if (part.start or 0) == start and min(part.stop, count) == min(stop, count):
                return made[: max(0, min(part.stop, count) - start)]
        return gather(self.reading(part))[0]

    def reading(self, part: slice) -> Reading:
        """The rows of `part`, to read with others."""
        return Reading((self._bind(part),), self.made)

    def page_reading(self, part: slice) -> Reading:
        """The count and the rows of `part`, to read with others; a paginator asking for that
        page (`core.filters.requested_rows`) then reads nothing more."""

        def keep(count_rows, rows):
            self._ahead = (self._count_of(count_rows), part.start, part.stop, self.made(rows))
            return self

        return Reading((self._count_read(), self._bind(part)), keep)

    def _bind(self, part: slice) -> Bound:
        start = part.start or 0
        limit = None if part.stop is None else part.stop - start
        return self.read.bind(*self.shape, **self.values, limit=limit, offset=start)


class HostRelations(_InvolvementPages):
    """Every host that engages `organisation`, most engagements first, read from the hosts'
    tallies (`HostTally`): one query a page. A civil-society viewer also sees the unpublished
    engagements its organisation is invited to, which no tally counts: its page counts the
    derived `Involvement` rows in three queries, in two round trips (the ranking, then the
    counts per year and the names together), from their index, whatever the history."""

    def __init__(self, organisation: Organisation, *, viewer):
        super().__init__(organisation, viewer=viewer)
        self.tallied = self.published_only is not None
        self.read = _TALLIED if self.tallied else _RANKED

    @property
    def shape(self) -> tuple:
        return () if self.tallied else (self.visibility,)

    @property
    def values(self) -> dict:
        values = super().values
        if self.tallied:
            values["published_only"] = self.published_only
        return values

    def made(self, rows: list[tuple]) -> list[HostRelation]:
        return self._tallied(rows) if self.tallied else self._counted(rows)

    @staticmethod
    def _tallied(rows) -> list[HostRelation]:
        zone = timezone.get_current_timezone()
        link = link_maker("register:organisation_detail")
        return [
            HostRelation(
                name=name,
                url=link(slug),
                engagements=engagements,
                last_contact=last.astimezone(zone),
                per_year={int(year): per_year[year] for year in sorted(per_year, reverse=True)},
            )
            for _host_id, engagements, last, per_year, name, slug in rows
        ]

    def _counted(self, ranked) -> list[HostRelation]:
        zone = timezone.get_current_timezone()
        relations = {
            host_id: HostRelation(
                engagements=engagements, last_contact=last and last.astimezone(zone)
            )
            for host_id, engagements, last in ranked
        }
        years, names = together(
            _PER_YEAR.bind_for(relations, self.visibility, organisation=self.organisation_id),
            _NAMES.bind_for(relations),
        )
        for host_id, year, n in years:
            relations[host_id].per_year[year] = n
        link = link_maker("register:organisation_detail")
        for host_id, name, slug in names:
            relations[host_id].name = name
            relations[host_id].url = link(slug)
        return list(relations.values())


def who_consults(organisation: Organisation, *, viewer, count: int | None = None):
    """The hosts that engage `organisation`, most engagements first (the first `count`), each
    with its count per year and last contact."""
    return HostRelations(organisation, viewer=viewer)[:count]


@dataclass(frozen=True, slots=True)
class SeatRow:
    """A current seat of an organisation in a forum, as its page lists it."""

    name: str
    url: str
    hosts: str
    term_end: date | None

    def html(self) -> SafeString:
        """The seat's list item, as the cards and the hosts' rows are written."""
        meta = escape(self.hosts)
        if self.term_end:
            until = _("until %(end)s") % {"end": short_date(self.term_end)}
            meta += f"; {escape(until)}"
        return mark_safe(  # noqa: S308 - ds_link and escape escape every value
            f'<li>{ds_link(self.url, self.name)} <span class="meta">({meta})</span></li>'
        )


def _seats(visibility: Visibility):
    """The current seats with their forums' hosts, a row per host."""
    # The forum's visibility on the joined forum: a subquery of every visible forum cost
    # PostgreSQL more to plan and run than the rest of the read.
    seats = Seat.objects.current(on=Param("today", DateField())).filter(
        Forum.objects.visible_q(visibility, through="forum__"),
        organisation_id=Param("organisation"),
    )
    return seats.order_by("forum__name", "pk", "forum__host_links__organisation__name").values_list(
        "pk", "forum__name", "forum__slug", "term_end", "forum__host_links__organisation__name"
    )


_SEATS = PreparedRead(_seats)


def forum_seats(organisation: Organisation, *, viewer) -> list[SeatRow]:
    """The organisation's current seats in the forums the viewer may see, with their hosts, in
    one flat query."""
    return gather(seats_reading(organisation, viewer=viewer))[0]


def seats_reading(organisation: Organisation, *, viewer) -> Reading:
    """`forum_seats`' read, to send with others."""

    def make(rows) -> list[SeatRow]:
        seats = {}
        for pk, name, slug, term_end, host in rows:
            seat = seats.setdefault(pk, (name, slug, term_end, []))
            if host:
                seat[3].append(host)
        link = link_maker("engagements:forum_detail")
        return [
            SeatRow(name=name, url=link(slug), hosts=", ".join(hosts), term_end=term_end)
            for name, slug, term_end, hosts in seats.values()
        ]

    read = _SEATS.bind(
        Visibility.of(viewer), organisation=organisation.pk, today=timezone.localdate()
    )
    return Reading((read,), make)


_ACTIVITIES = PreparedRead(
    lambda visibility: (
        _involvements(visibility)
        .leads()
        .order_by("-starts_at", "-engagement_id")
        .values_list("engagement_id")
    )
)


_TOTAL = PreparedRead(lambda: _tallies().filter(host__isnull=True).values_list("engagements"))


class Activities(_InvolvementPages):
    """Ids of the engagements `organisation` was invited to or took part in, newest first (from
    the derived rows: one per engagement, its lead host's), counted by its total tally where
    one counts what the viewer sees."""

    read = _ACTIVITIES

    def _count_read(self) -> Bound:
        if self.published_only is None:
            return super()._count_read()
        return _TOTAL.bind(organisation=self.organisation_id, published_only=self.published_only)

    def made(self, rows: list[tuple]) -> list[int]:
        return [pk for (pk,) in rows]


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
