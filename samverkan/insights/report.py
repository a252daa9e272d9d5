"""Reads for the joint needs analysis (*gemensam omvärlds-, problem- och behovsanalys*).

The items are those recorded in the period (`InputItem.created_at`, indexed), narrowed by the
hosts they are addressed to, their target groups and their topics (each "any of the chosen").
Every section is one grouped query whose number does not depend on the data:

1. items by kind, from the same query as 6.; 2. by target group; 3. by topic (and one query
   each for the names);
4. by host, with how many of the (item, host) pairs got a response: a response written, or the
   host closed the item (acted on it, took it into an assignment, did not act, referred it);
5. how fast: the days from an item's recording to each host's first response. 4. and 5. are one
   query over the pairs grouped by host and those days, so the median is taken in Python from
   at most hosts × days rows whatever the volume;
6. change over time: items per month and kind (per quarter for a period over two years);
7. needs raised to two or more hosts: the latest grouping run for the same filters (`GroupingRun`,
   made by the worker, see `grouping.py`), with one query for the quoted items' texts and one
   for the hosts' names.

Quotes are an item's text only; who recorded it is never read. Only the network's public
bodies see the analysis (`permissions.can_see_needs_analysis`).
"""

import hashlib
import json
from dataclasses import dataclass, field
from datetime import date, datetime

from django.db.models import Case, Count, DurationField, Q, When
from django.db.models.functions import TruncDate, TruncMonth
from django.utils import formats, timezone
from django.utils.translation import gettext as _

from samverkan.coordination.report import Period
from samverkan.register.models import Organisation, TargetGroup, Topic

from .models import CLOSED_STATUSES, Addressee, GroupingRun, GroupingStatus, InputItem, InputKind

# Cross-host needs shown on the page and in the report, of all found.
NEEDS_LIMIT = 20
# A longer period is shown per quarter.
MAX_MONTH_BUCKETS = 24


@dataclass(frozen=True)
class AnalysisFilters:
    period: Period
    hosts: tuple[Organisation, ...] = ()
    target_groups: tuple[TargetGroup, ...] = ()
    topics: tuple[Topic, ...] = ()

    def as_data(self) -> dict:
        """The filters as plain data, for a grouping run (ids, ISO dates)."""
        return {
            "date_from": self.period.start.isoformat(),
            "date_to": self.period.end.isoformat() if self.period.end else None,
            "hosts": sorted(host.pk for host in self.hosts),
            "target_groups": sorted(group.pk for group in self.target_groups),
            "topics": sorted(topic.pk for topic in self.topics),
        }

    @property
    def key(self) -> str:
        return filters_key(self.as_data())


def filters_key(data: dict) -> str:
    return hashlib.sha256(json.dumps(data, sort_keys=True).encode()).hexdigest()


def filters_from_data(data: dict) -> AnalysisFilters:
    """The filters a grouping run stored (ids that no longer exist are left out)."""
    end = data.get("date_to")
    return AnalysisFilters(
        period=Period(
            start=date.fromisoformat(data["date_from"]),
            end=date.fromisoformat(end) if end else None,
        ),
        hosts=tuple(Organisation.objects.filter(pk__in=data.get("hosts", [])).order_by("name")),
        target_groups=tuple(TargetGroup.objects.filter(pk__in=data.get("target_groups", []))),
        topics=tuple(Topic.objects.filter(pk__in=data.get("topics", []))),
    )


def analysis_items(filters: AnalysisFilters):
    """The items the analysis counts, as a queryset. Each filter is an IN subquery, so an item
    with two matching target groups (or hosts, or topics) counts once."""
    period = filters.period
    items = InputItem.objects.filter(
        created_at__gte=period.starts_at, created_at__lt=period.ends_before
    )
    if filters.hosts:
        items = items.filter(
            pk__in=Addressee.objects.filter(host__in=[h.pk for h in filters.hosts]).values(
                "item_id"
            )
        )
    if filters.target_groups:
        through = InputItem.target_groups.through
        items = items.filter(
            pk__in=through.objects.filter(
                targetgroup_id__in=[g.pk for g in filters.target_groups]
            ).values("inputitem_id")
        )
    if filters.topics:
        through = InputItem.topics.through
        items = items.filter(
            pk__in=through.objects.filter(topic_id__in=[t.pk for t in filters.topics]).values(
                "inputitem_id"
            )
        )
    return items


def analysis_addressees(filters: AnalysisFilters):
    """The (item, host) pairs of the analysis's items. The period is read through a join on
    the item (which also gives its recording time, see `median_days_to_response`), the other
    filters as in `analysis_items`."""
    period = filters.period
    pairs = Addressee.objects.filter(
        item__created_at__gte=period.starts_at, item__created_at__lt=period.ends_before
    )
    if filters.hosts or filters.target_groups or filters.topics:
        pairs = pairs.filter(item__in=analysis_items(filters).values("pk"))
    return pairs


# Counts ----------------------------------------------------------------------------------------


@dataclass
class CountRow:
    label: str
    count: int


def month_kind_counts(items) -> list[tuple[date, str, int]]:
    """(first day of the month, kind, items): one grouped query for sections 1 and 6."""
    rows = (
        items.annotate(month=TruncMonth("created_at"))
        .values("month", "kind")
        .annotate(n=Count("id"))
        .order_by()
        .values_list("month", "kind", "n")
    )
    return [
        (_as_date(timezone.localtime(month) if timezone.is_aware(month) else month), kind, n)
        for month, kind, n in rows
    ]


def by_kind(rows: list[tuple[date, str, int]]) -> list[CountRow]:
    counts: dict[str, int] = {}
    for _month, kind, n in rows:
        counts[kind] = counts.get(kind, 0) + n
    return [CountRow(str(label), counts.get(value, 0)) for value, label in InputKind.choices]


def _by_link(items, through, column: str, model) -> list[CountRow]:
    counts = dict(
        through.objects.filter(inputitem_id__in=items.values("pk"))
        .values(column)
        .annotate(n=Count("id"))
        .order_by()
        .values_list(column, "n")
    )
    names = model.objects.in_bulk(list(counts))
    rows = [CountRow(names[pk].label, n) for pk, n in counts.items() if pk in names]
    return sorted(rows, key=lambda row: (-row.count, row.label))


def by_target_group(items) -> list[CountRow]:
    return _by_link(items, InputItem.target_groups.through, "targetgroup_id", TargetGroup)


def by_topic(items) -> list[CountRow]:
    return _by_link(items, InputItem.topics.through, "topic_id", Topic)


@dataclass
class HostRow:
    name: str
    slug: str
    items: int
    responded: int

    @property
    def share(self) -> float | None:
        return self.responded / self.items if self.items else None


def _responded() -> Q:
    return ~Q(response="") | Q(status__in=CLOSED_STATUSES)


def host_day_counts(filters: AnalysisFilters) -> list[tuple[int, int | None, int, int]]:
    """(host, days from the item's recording to the host's first response or None, pairs,
    pairs with a response): one grouped query over the (item, host) pairs for sections 4
    and 5. The rows are at most the hosts times the distinct days, whatever the volume."""
    # Only for the answered pairs (on SQLite each date is a Python call per row).
    days = Case(
        When(
            first_response_at__isnull=False,
            then=TruncDate("first_response_at") - TruncDate("item__created_at"),
        ),
        output_field=DurationField(),
    )
    rows = (
        analysis_addressees(filters)
        .annotate(days=days)
        .values("host_id", "days")
        .annotate(n=Count("id"), responded=Count("id", filter=_responded()))
        .order_by()
        .values_list("host_id", "days", "n", "responded")
    )
    return [
        (host, None if gap is None else max(0, gap.days), n, responded)
        for host, gap, n, responded in rows
    ]


def by_host(
    rows: list[tuple[int, int | None, int, int]], filters: AnalysisFilters
) -> tuple[list[HostRow], int, int]:
    """Items and responses per host (only the chosen hosts when some are), and the totals of
    (item, host) pairs and of those with a response, over every host."""
    counts: dict[int, list[int]] = {}
    for host, _days, n, responded in rows:
        pair = counts.setdefault(host, [0, 0])
        pair[0] += n
        pair[1] += responded
    total = sum(n for n, _ in counts.values())
    responded = sum(r for _, r in counts.values())
    chosen = {host.pk for host in filters.hosts}
    shown = [pk for pk in counts if not chosen or pk in chosen]
    names = Organisation.objects.only("name", "slug").in_bulk(shown)
    hosts = [HostRow(names[pk].name, names[pk].slug, *counts[pk]) for pk in shown if pk in names]
    hosts.sort(key=lambda row: (-row.items, row.name))
    return hosts, total, responded


def median_days_to_response(rows: list[tuple[int, int | None, int, int]]) -> float | None:
    """The median of the days from an item's recording to a host's first response."""
    days: dict[int, int] = {}
    for _host, gap, n, _responded in rows:
        if gap is not None:
            days[gap] = days.get(gap, 0) + n
    total = sum(days.values())
    if not total:
        return None
    ordered = sorted(days.items())
    # The middle value (the mean of the two middle values for an even count).
    wanted = [(total - 1) // 2, total // 2]
    found, seen = [], 0
    for gap, n in ordered:
        while wanted and wanted[0] < seen + n:
            found.append(gap)
            wanted.pop(0)
        seen += n
    return sum(found) / len(found)


def _as_date(value) -> date:
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, str):  # SQLite without type conversion
        return date.fromisoformat(value[:10])
    return value


# Change over time -----------------------------------------------------------------------------


@dataclass
class TimeRow:
    bucket: date  # first day of the month or quarter
    counts: list[int]  # per kind, in InputKind's order

    @property
    def total(self) -> int:
        return sum(self.counts)


@dataclass
class OverTime:
    per: str  # "month" or "quarter"
    rows: list[TimeRow]


def over_time(rows: list[tuple[date, str, int]], filters: AnalysisFilters) -> OverTime:
    """Items per month and kind (`month_kind_counts`), per quarter for a long period."""
    kinds = list(InputKind.values)
    per_month: dict[int, list[int]] = {}
    for month, kind, n in rows:
        index = month.year * 12 + month.month - 1
        per_month.setdefault(index, [0] * len(kinds))[kinds.index(kind)] += n
    period = filters.period
    first = period.start.year * 12 + period.start.month - 1
    end = period.end or timezone.localdate()
    last = max(first, end.year * 12 + end.month - 1)
    per = "month" if last - first + 1 <= MAX_MONTH_BUCKETS else "quarter"
    step = 1 if per == "month" else 3
    if per == "quarter":
        first -= first % 3
    buckets = []
    for start in range(first, last + 1, step):
        counts = [0] * len(kinds)
        for index in range(start, start + step):
            for position, n in enumerate(per_month.get(index, ())):
                counts[position] += n
        buckets.append(TimeRow(date(start // 12, start % 12 + 1, 1), counts))
    return OverTime(per=per, rows=buckets)


def bucket_label(over: OverTime, bucket: date) -> str:
    if over.per == "quarter":
        # Translators: a quarter of a year, as in "Q1 2025".
        return _("Q%(quarter)s %(year)s") % {
            "quarter": (bucket.month - 1) // 3 + 1,
            "year": bucket.year,
        }
    return f"{formats.date_format(bucket, 'F')[:3]} {bucket.year}"


# Needs raised to two or more hosts ------------------------------------------------------------


@dataclass
class Need:
    size: int
    hosts: list[str]
    terms: list[str]
    quotes: list[str] = field(default_factory=list)


def latest_run(filters: AnalysisFilters) -> GroupingRun | None:
    return (
        GroupingRun.objects.filter(filters_key=filters.key).order_by("-created_at", "-id").first()
    )


def cross_host_needs(run: GroupingRun | None, limit: int = NEEDS_LIMIT) -> list[Need]:
    """The run's groups addressed to two or more hosts, most hosts and items first, with up to
    three quotes each (the texts of the group's best linked items that still exist)."""
    if run is None or not run.groups:
        return []
    shown = run.groups[:limit]
    quote_ids = [pk for group in shown for pk in group["representatives"]]
    texts = dict(InputItem.objects.filter(pk__in=quote_ids).values_list("pk", "text"))
    names = dict(
        Organisation.objects.filter(pk__in={h for g in shown for h in g["hosts"]}).values_list(
            "pk", "name"
        )
    )
    return [
        Need(
            size=group["size"],
            hosts=sorted(names[h] for h in group["hosts"] if h in names),
            terms=group["terms"],
            quotes=[texts[pk] for pk in group["representatives"] if pk in texts],
        )
        for group in shown
    ]


# The whole analysis ---------------------------------------------------------------------------


@dataclass
class NeedsAnalysis:
    filters: AnalysisFilters
    total: int
    kinds: list[CountRow]
    target_groups: list[CountRow]
    topics: list[CountRow]
    hosts: list[HostRow]
    addressed: int  # (item, host) pairs
    responded: int  # of which with a response
    median_days: float | None
    over_time: OverTime
    run: GroupingRun | None
    needs: list[Need]

    @property
    def response_share(self) -> float | None:
        return self.responded / self.addressed if self.addressed else None


def needs_analysis(filters: AnalysisFilters) -> NeedsAnalysis:
    """Every section of the analysis for `filters` (a fixed number of queries)."""
    items = analysis_items(filters)
    months = month_kind_counts(items)
    kinds = by_kind(months)
    pairs = host_day_counts(filters)
    hosts, addressed, responded = by_host(pairs, filters)
    run = latest_run(filters)
    return NeedsAnalysis(
        filters=filters,
        total=sum(row.count for row in kinds),
        kinds=kinds,
        target_groups=by_target_group(items),
        topics=by_topic(items),
        hosts=hosts,
        addressed=addressed,
        responded=responded,
        median_days=median_days_to_response(pairs),
        over_time=over_time(months, filters),
        run=run,
        needs=cross_host_needs(run) if run and run.status == GroupingStatus.DONE else [],
    )
