"""Reads for the network's standing report ("earlier and ongoing consultations per agency").

Every section is one or two grouped queries whose number does not depend on the data, and every
query starts from the period on `Engagement.starts_at` (indexed), so a year of a national
register (about 25,000 activities and 120,000 invitations) is grouped by the database, not in
Python:

1. Activities per host: one query over host links grouped by host and role, with a
   conditional count per level and per status; the lead hosts' rows add up to the totals (each
   activity once, also when it has several hosts).
2. and 4. share one pass over the period's invitations (`engaged`), grouped by organisation and
   host: an organisation's hosts, its activities per host and, through the lead host, its
   activities each once. This is the report's heaviest read (a year of a national register is
   about 120,000 invitations), so it is done once, without COUNT(DISTINCT).
2. Organisations engaged by two or more hosts: picked in Python from that, and one query for
   the names of the `JOINT_LIMIT` shown and their hosts.
3. Similar activities at different hosts: the similarity engine's `similar_pairs()` when it is
   there (see `similar_pairs`), and one query (plus two prefetches) for the activities it names.
4. Load per organisation: the `LOAD_LIMIT` organisations with the most activities, from the same
   pass; one query for their names, one grouped by organisation and month for them.

"Engaged" means what the load panel (`load.py`) counts: an invitation the organisation has not
declined, to an activity that was not cancelled. Counts include unpublished activities: only the
network's public bodies see the report (`permissions.can_see_network_report`).
"""

import math
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta

from django.db.models import Count, Q
from django.db.models.functions import TruncMonth
from django.utils import timezone

from samverkan.core.dates import day_start
from samverkan.engagements.models import (
    Engagement,
    EngagementHost,
    HostRole,
    Invitation,
    InvitationStatus,
    Level,
    Status,
)
from samverkan.engagements.selectors import engagement_cards
from samverkan.register.models import Organisation, TargetGroup

# Organisations shown in section 2, of all that were engaged by two or more hosts.
JOINT_LIMIT = 25
# Pairs of similar activities asked of the similarity engine.
PAIRS_LIMIT = 20
# The most-engaged organisations whose load is charted month by month.
LOAD_LIMIT = 12
# A longer period is charted per year: more than three years of months is not readable.
MAX_MONTH_BUCKETS = 36
# How far back the period starts when no start is given: this month and the 11 before it.
DEFAULT_MONTHS = 12
# Dates outside these years are refused by the filter form (and would overflow a datetime).
MIN_YEAR, MAX_YEAR = 1900, 2200


@dataclass(frozen=True)
class Period:
    """Whole days from `start` to `end`, both included; no end means "and everything planned"."""

    start: date
    end: date | None = None

    @property
    def starts_at(self) -> datetime:
        return day_start(self.start)

    @property
    def ends_before(self) -> datetime:
        """The first moment after the period. An open end is the end of the dates the form
        takes: with both bounds the databases' planners (SQLite's above all) read the activities
        by their starts_at index instead of scanning the invitations."""
        return day_start((self.end or date(MAX_YEAR, 12, 31)) + timedelta(days=1))


def default_start(end: date | None = None) -> date:
    """The first day of the month `DEFAULT_MONTHS - 1` months before `end` (today if None)."""
    anchor = end or timezone.localdate()
    months = anchor.year * 12 + anchor.month - 1 - (DEFAULT_MONTHS - 1)
    return date(months // 12, months % 12 + 1, 1)


@dataclass(frozen=True)
class ReportFilters:
    period: Period
    target_groups: tuple[TargetGroup, ...] = ()
    hosts: tuple[Organisation, ...] = ()

    @property
    def host_ids(self) -> list[int]:
        return [host.pk for host in self.hosts]


def _engagement_q(filters: ReportFilters, prefix: str = "") -> Q:
    """The report's activities as a condition on `Engagement` reached through `prefix`.

    Target groups and hosts are IN subqueries, so an activity with two matching target groups
    or hosts is not counted twice.
    """
    period = filters.period
    condition = Q(**{f"{prefix}starts_at__gte": period.starts_at}) & Q(
        **{f"{prefix}starts_at__lt": period.ends_before}
    )
    if filters.target_groups:
        tagged = Engagement.target_groups.through.objects.filter(
            targetgroup_id__in=[group.pk for group in filters.target_groups]
        ).values("engagement_id")
        condition &= Q(**{f"{prefix}pk__in": tagged})
    if filters.hosts:
        hosted = EngagementHost.objects.filter(organisation_id__in=filters.host_ids).values(
            "engagement_id"
        )
        condition &= Q(**{f"{prefix}pk__in": hosted})
    return condition


def report_engagements(filters: ReportFilters):
    """The activities the report counts, as a queryset."""
    return Engagement.objects.filter(_engagement_q(filters))


def _engaging_invitations(filters: ReportFilters):
    """Invitations that engage an organisation: not declined, to an activity not cancelled."""
    return (
        Invitation.objects.filter(_engagement_q(filters, "engagement__"))
        .exclude(status=InvitationStatus.DECLINED)
        .exclude(engagement__status=Status.CANCELLED)
    )


# 1. Activities per host ----------------------------------------------------------------------


@dataclass
class HostRow:
    """One host's activities in the period; `levels` and `statuses` follow `Level` and `Status`."""

    name: str
    slug: str = ""
    total: int = 0
    levels: list[int] = field(default_factory=list)
    statuses: list[int] = field(default_factory=list)


def _breakdown() -> dict:
    counts = {f"level_{value}": Count("id", filter=Q(engagement__level=value)) for value in Level}
    counts |= {
        f"status_{value}": Count("id", filter=Q(engagement__status=value)) for value in Status
    }
    return counts


def _add(into: HostRow, row: dict) -> None:
    into.total += row["total"]
    for index, value in enumerate(Level):
        into.levels[index] += row[f"level_{value}"]
    for index, value in enumerate(Status):
        into.statuses[index] += row[f"status_{value}"]


def _empty_row(name: str = "", slug: str = "") -> HostRow:
    return HostRow(name=name, slug=slug, levels=[0] * len(Level), statuses=[0] * len(Status))


def activities_per_host(filters: ReportFilters) -> tuple[list[HostRow], HostRow]:
    """Each host's activities in the period by level and status, most first, and the totals.

    An activity with two hosts counts once for each of them, and once in the totals. One query,
    grouped by host and role: the totals are the sum of the lead hosts' rows, as every activity
    has exactly one lead host. With a hosts filter the other hosts of the chosen hosts'
    activities are read too (for the totals) but not shown.
    """
    rows = (
        EngagementHost.objects.filter(_engagement_q(filters, "engagement__"))
        .values("organisation_id", "organisation__name", "organisation__slug", "role")
        .annotate(total=Count("id"), **_breakdown())
        .order_by()
    )
    chosen = set(filters.host_ids)
    hosts: dict[int, HostRow] = {}
    totals = _empty_row()
    for row in rows:
        if row["role"] == HostRole.LEAD:
            _add(totals, row)
        if chosen and row["organisation_id"] not in chosen:
            continue
        if row["organisation_id"] not in hosts:
            hosts[row["organisation_id"]] = _empty_row(
                row["organisation__name"], row["organisation__slug"]
            )
        _add(hosts[row["organisation_id"]], row)
    return sorted(hosts.values(), key=lambda host: (-host.total, host.name)), totals


# Who engaged whom: one pass over the period's invitations, for sections 2 and 4 -------------


@dataclass
class Engaged:
    """The period's engaging invitations counted per organisation and host."""

    # organisation id -> host id -> activities of that host the organisation was engaged in
    per_host: dict[int, dict[int, int]]
    # organisation id -> activities it was engaged in, each once however many hosts it had
    activities: dict[int, int]


def engaged(filters: ReportFilters) -> Engaged:
    """One query grouped by (organisation, host).

    Grouping by host as well gives each organisation's hosts without COUNT(DISTINCT), and the
    rows through the lead host give its activities each once: every activity has exactly one
    lead host (the forms always set one, the database allows no more). With a hosts filter the
    activities are those the chosen hosts host, with all their hosts, so the counts stay exact;
    `joint_candidates` then counts the chosen hosts only.
    """
    # The host before the organisation in GROUP BY: grouping by the invitation's organisation
    # first tempts SQLite's planner (which has no statistics) to scan every invitation in the
    # order of that index instead of reading the period's activities by starts_at (10x slower).
    rows = (
        _engaging_invitations(filters)
        .values("engagement__host_links__organisation_id", "organisation_id")
        .annotate(
            count=Count("id"),
            led=Count("id", filter=Q(engagement__host_links__role=HostRole.LEAD)),
        )
        .order_by()
        .values_list("organisation_id", "engagement__host_links__organisation_id", "count", "led")
    )
    per_host: dict[int, dict[int, int]] = defaultdict(dict)
    activities: dict[int, int] = defaultdict(int)
    for organisation_id, host_id, count, led in rows:
        if host_id is None:  # an activity without hosts engages no host's work
            continue
        per_host[organisation_id][host_id] = count
        activities[organisation_id] += led
    return Engaged(per_host=dict(per_host), activities=dict(activities))


def _names(ids) -> dict[int, Organisation]:
    return Organisation.objects.only("name", "slug").in_bulk(list(ids))


# 2. Organisations engaged by two or more hosts -------------------------------------------------


@dataclass
class HostShare:
    name: str
    slug: str
    engagements: int


@dataclass
class JointCandidate:
    """An organisation several hosts engaged in the period: a candidate for joint work."""

    name: str
    slug: str
    host_count: int
    engagement_count: int
    hosts: list[HostShare] = field(default_factory=list)


@dataclass
class JointCandidates:
    total: int  # organisations engaged by two or more hosts, of which `rows` are the first
    rows: list[JointCandidate]


def joint_candidates(
    filters: ReportFilters, limit: int = JOINT_LIMIT, counts: Engaged | None = None
) -> JointCandidates:
    """Organisations engaged by two or more hosts in the period, most hosts first, then most
    activities: `engaged()` (unless given) and one query for the names of those shown.

    Where organisations tie at the cut, the earliest registered are shown.
    """
    counts = counts or engaged(filters)
    chosen = set(filters.host_ids)
    candidates = []
    for organisation_id, hosts in counts.per_host.items():
        if chosen:
            hosts = {host: n for host, n in hosts.items() if host in chosen}
        if len(hosts) >= 2:
            activities = counts.activities.get(organisation_id, 0)
            candidates.append((-len(hosts), -activities, organisation_id, hosts))
    candidates.sort(key=lambda item: item[:3])
    shown = candidates[:limit]
    names = _names({item[2] for item in shown} | {h for item in shown for h in item[3]})
    rows = []
    for host_count, activities, organisation_id, hosts in shown:
        organisation = names[organisation_id]
        shares = [
            HostShare(names[host].name, names[host].slug, count) for host, count in hosts.items()
        ]
        shares.sort(key=lambda share: (-share.engagements, share.name))
        rows.append(
            JointCandidate(
                name=organisation.name,
                slug=organisation.slug,
                host_count=-host_count,
                engagement_count=-activities,
                hosts=shares,
            )
        )
    rows.sort(key=lambda row: (-row.host_count, -row.engagement_count, row.name))
    return JointCandidates(total=len(candidates), rows=rows)


# 3. Similar activities at different hosts ----------------------------------------------------


@dataclass
class SimilarPair:
    first: Engagement
    second: Engagement
    score: float | None = None
    shared_terms: tuple[str, ...] = ()


def similar_pairs(filters: ReportFilters, limit: int = PAIRS_LIMIT) -> list[SimilarPair] | None:
    """Pairs of similar activities at different hosts, or None when the engine has no
    `similar_pairs` (the section then says it is not available).

    HOOK for the similarity engine: `samverkan.coordination.similarity.similar_pairs` is called
    as `similar_pairs(engagements=<queryset of the report's activities>, limit=<int>)` and
    returns, best first, at most `limit` items with `.first` and `.second` (engagements or their
    primary keys, at different hosts, both in the queryset), and optionally `.score` (0–1) and
    `.shared_terms` (readable words, strongest first). Its own query count must not grow with
    the data. The activities are loaded here again for display, in one query and two prefetches.
    """
    from samverkan.coordination import similarity

    engine = getattr(similarity, "similar_pairs", None)
    if engine is None:
        return None
    found = list(engine(engagements=report_engagements(filters), limit=limit))[:limit]
    if not found:
        return []
    pks = {_pk(item.first) for item in found} | {_pk(item.second) for item in found}
    engagements = engagement_cards(Engagement.objects.filter(pk__in=pks)).in_bulk()
    pairs = []
    for item in found:
        first, second = engagements.get(_pk(item.first)), engagements.get(_pk(item.second))
        if first is None or second is None:
            continue
        score = getattr(item, "score", None)
        pairs.append(
            SimilarPair(
                first=first,
                second=second,
                score=None if score is None else round(float(score), 2),
                shared_terms=tuple(getattr(item, "shared_terms", ()) or ()),
            )
        )
    return pairs


def _pk(item) -> int:
    return getattr(item, "pk", item)


# 4. Load per organisation and month ---------------------------------------------------------


@dataclass
class LoadRow:
    name: str
    slug: str
    counts: list[int]  # one per bucket of `OrganisationLoad.buckets`

    @property
    def total(self) -> int:
        return sum(self.counts)


@dataclass
class OrganisationLoad:
    """Activities per month (or year) for the most-engaged organisations."""

    per: str  # "month" or "year"
    buckets: list[date]  # the first day of each month (or year), in order
    rows: list[LoadRow]

    @property
    def maximum(self) -> int:
        return max((count for row in self.rows for count in row.counts), default=0)

    @property
    def busiest(self) -> tuple[LoadRow, date, int] | None:
        """The organisation and bucket with the most activities (the first, if tied)."""
        best = None
        for row in self.rows:
            for bucket, count in zip(self.buckets, row.counts, strict=True):
                if count and (best is None or count > best[2]):
                    best = (row, bucket, count)
        return best


def _month_index(day: date) -> int:
    return day.year * 12 + day.month - 1


def _month(index: int) -> date:
    return date(index // 12, index % 12 + 1, 1)


def organisation_load(
    filters: ReportFilters, limit: int = LOAD_LIMIT, counts: Engaged | None = None
) -> OrganisationLoad:
    """The `limit` organisations engaged in the most activities in the period, with their
    activities per month (per year for a period of more than `MAX_MONTH_BUCKETS` months).

    `engaged()` (unless given), one query for their names and one grouped by organisation and
    month. Where organisations tie at the cut, the earliest registered are shown. An open-ended
    period runs to this month or to the last month with data.
    """
    counts = counts or engaged(filters)
    top = sorted(counts.activities.items(), key=lambda item: (-item[1], item[0]))[:limit]
    names = _names(pk for pk, _count in top)
    busiest = sorted(
        (
            {"organisation_id": pk, "name": names[pk].name, "slug": names[pk].slug}
            for pk, _count in top
        ),
        key=lambda row: (-counts.activities[row["organisation_id"]], row["name"]),
    )
    per_month: dict[int, dict[int, int]] = defaultdict(dict)
    last = _month_index(filters.period.end or timezone.localdate())
    if busiest:
        monthly = (
            _engaging_invitations(filters)
            .filter(organisation_id__in=[row["organisation_id"] for row in busiest])
            .annotate(month=TruncMonth("engagement__starts_at"))
            .values("organisation_id", "month")
            .annotate(count=Count("id"))
            .order_by()
        )
        for row in monthly:
            month = row["month"]
            if isinstance(month, datetime):
                month = (
                    timezone.localtime(month).date() if timezone.is_aware(month) else month.date()
                )
            index = _month_index(month)
            per_month[row["organisation_id"]][index] = row["count"]
            if filters.period.end is None:
                last = max(last, index)
    first = _month_index(filters.period.start)
    last = max(first, last)
    if last - first + 1 <= MAX_MONTH_BUCKETS:
        per = "month"
        buckets = [_month(index) for index in range(first, last + 1)]

        def bucket_of(index: int) -> int:
            return index - first
    else:
        per = "year"
        buckets = [date(year, 1, 1) for year in range(first // 12, last // 12 + 1)]

        def bucket_of(index: int) -> int:
            return index // 12 - first // 12

    rows = []
    for row in busiest:
        bucket_counts = [0] * len(buckets)
        for index, count in per_month[row["organisation_id"]].items():
            position = bucket_of(index)
            if 0 <= position < len(buckets):
                bucket_counts[position] += count
        rows.append(LoadRow(row["name"], row["slug"], bucket_counts))
    return OrganisationLoad(per=per, buckets=buckets, rows=rows)


# The chart's geometry, for the template's server-rendered SVG ----------------------------------


@dataclass
class Bar:
    x: float
    y: float
    width: float
    height: float
    value: int
    label_y: float
    centre: float


@dataclass
class ChartRow:
    lines: list[tuple[str, float]]  # the organisation's name in at most two lines, with their y
    total: int
    top: float
    baseline: float
    label_y: float
    bars: list[Bar]


@dataclass
class ChartColumn:
    bucket: date
    x: float  # centre
    show_label: bool
    show_year: bool


@dataclass
class Chart:
    """Small multiples: one row of bars per organisation, all on the same scale."""

    width: float
    height: float
    plot_left: float
    plot_right: float
    total_x: float
    axis_y: float
    maximum: int
    rows: list[ChartRow]
    columns: list[ChartColumn]
    show_values: bool


LABEL_WIDTH = 250
CHART_TOP = 24  # room for the column heading "Total"
TOTAL_WIDTH = 60
ROW_HEIGHT = 44
BAR_SPACE = 28  # the tallest bar; the rest of the row holds its figure and the gap
PLOT_WIDTH = 720
NAME_CHARS = 32  # per line of an organisation's name beside its bars


def _wrap(name: str, width: int = NAME_CHARS) -> list[str]:
    """The name in one or two lines of at most `width` characters, cut short with "…"."""
    if len(name) <= width:
        return [name]
    cut = name.rfind(" ", 0, width + 1)
    first, rest = (name[:cut], name[cut + 1 :]) if cut > 0 else (name[:width], name[width:])
    if len(rest) > width:
        rest = rest[: width - 1].rstrip() + "…"
    return [first, rest]


def load_chart(load: OrganisationLoad) -> Chart | None:
    """Where each bar of the load chart goes; None when there is nothing to draw."""
    if not load.rows or not load.buckets or load.maximum == 0:
        return None
    column_width = min(48.0, PLOT_WIDTH / len(load.buckets))
    plot_left = LABEL_WIDTH
    plot_right = plot_left + column_width * len(load.buckets)
    scale = BAR_SPACE / load.maximum
    show_values = column_width >= 22
    # Label every column when there is room, else every few and always January.
    step = max(1, math.ceil(34 / column_width))
    rows = []
    for position, row in enumerate(load.rows):
        top = CHART_TOP + position * ROW_HEIGHT
        baseline = top + ROW_HEIGHT - 4
        bars = []
        for index, count in enumerate(row.counts):
            if not count:
                continue
            height = max(2.0, count * scale)
            bars.append(
                Bar(
                    x=round(plot_left + index * column_width + column_width * 0.15, 1),
                    y=round(baseline - height, 1),
                    width=round(column_width * 0.7, 1),
                    height=round(height, 1),
                    value=count,
                    label_y=round(baseline - height - 3, 1),
                    centre=round(plot_left + (index + 0.5) * column_width, 1),
                )
            )
        lines = _wrap(row.name)
        rows.append(
            ChartRow(
                lines=[
                    (line, baseline - 6 - (len(lines) - 1 - number) * 16)
                    for number, line in enumerate(lines)
                ],
                total=row.total,
                top=top,
                baseline=baseline,
                label_y=baseline - 6,
                bars=bars,
            )
        )
    columns = [
        ChartColumn(
            bucket=bucket,
            x=round(plot_left + (index + 0.5) * column_width, 1),
            show_label=load.per == "year" or index % step == 0 or bucket.month == 1,
            show_year=load.per == "month" and (index == 0 or bucket.month == 1),
        )
        for index, bucket in enumerate(load.buckets)
    ]
    axis_y = CHART_TOP + len(load.rows) * ROW_HEIGHT
    return Chart(
        width=plot_right + TOTAL_WIDTH + 10,
        height=axis_y + 40,
        plot_left=plot_left,
        plot_right=plot_right,
        total_x=plot_right + TOTAL_WIDTH,
        axis_y=axis_y,
        maximum=load.maximum,
        rows=rows,
        columns=columns,
        show_values=show_values,
    )


# The whole report -----------------------------------------------------------------------------


@dataclass
class StandingReport:
    filters: ReportFilters
    hosts: list[HostRow]
    totals: HostRow
    joint: JointCandidates
    pairs: list[SimilarPair] | None  # None: the similarity engine is not available
    load: OrganisationLoad


def standing_report(filters: ReportFilters) -> StandingReport:
    """Every section of the report for `filters`, read at once (a fixed number of queries)."""
    hosts, totals = activities_per_host(filters)
    counts = engaged(filters)
    return StandingReport(
        filters=filters,
        hosts=hosts,
        totals=totals,
        joint=joint_candidates(filters, counts=counts),
        pairs=similar_pairs(filters),
        load=organisation_load(filters, counts=counts),
    )
