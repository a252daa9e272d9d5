"""Reads for engagement and forum pages, with the prefetches that keep their query count fixed."""

import calendar
import itertools
import unicodedata
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from functools import lru_cache
from html import escape
from typing import NamedTuple

from django.db import connections
from django.db.models import DateTimeField, Expression, Prefetch
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.dates import WEEKDAYS, WEEKDAYS_ABBR
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from samverkan.core.dates import day_start, month_names
from samverkan.core.links import ds_link, link_maker
from samverkan.core.prepared import PreparedRead, in_ids, together
from samverkan.register.models import Organisation, TargetGroup
from samverkan.register.selectors import labels_of, term_read

from .models import Engagement, EngagementHost, ForumHost, Level, Status

CALENDAR_TITLE_LENGTH = 60

CARD_FIELDS = (
    "id",
    "title",
    "starts_at",
    "ends_at",
    "status",
    "level",
    "method",
    "venue",
    "location",
    "is_published",
)


def engagement_cards(queryset):
    """Engagements with their hosts and target groups prefetched (two extra queries), for code
    that needs the model objects; pages print `cards` instead."""
    return queryset.only(*CARD_FIELDS).prefetch_related(
        Prefetch(
            "host_links",
            queryset=EngagementHost.objects.select_related("organisation").only(
                "engagement_id",
                "role",
                "organisation__name",
                "organisation__short_name",
                "organisation__slug",
            ),
        ),
        Prefetch("target_groups", queryset=TargetGroup.objects.only("id", "name", "name_en")),
    )


@dataclass(frozen=True, slots=True)
class Card:
    """One engagement as a list shows it, its words already in the page's language."""

    url: str
    title: str
    starts_at: str  # ISO 8601, local time
    when: str  # "3 december 2026, 10:00"
    hosts: str
    level: str
    status: str
    is_published: bool
    target_groups: str

    def html(self) -> SafeString:
        """The card's list item (includes/engagement_cards.html). Written here rather than in
        the template, where nine variables and two conditions on each card cost more than the
        rest of a list page's markup."""
        words = _card_words(translation.get_language())
        groups = (
            f'<p class="ds-paragraph" data-size="sm">{words.target_groups}: '
            f"{escape(self.target_groups)}</p>"
        )
        return mark_safe(  # noqa: S308 - ds_link and escape escape every value
            '<li class="ds-card" data-variant="tinted"><h3 class="ds-heading" data-size="xs">'
            f'{ds_link(self.url, self.title)}</h3><p class="ds-paragraph meta" data-size="sm">'
            f'<time datetime="{escape(self.starts_at)}">{escape(self.when)}</time> · '
            f"{escape(self.hosts)} · {escape(self.level)} · {escape(self.status)}"
            f"{'' if self.is_published else words.not_published}</p>"
            f"{groups if self.target_groups else ''}</li>"
        )


class _CardWords(NamedTuple):
    levels: dict
    statuses: dict
    not_published: str  # HTML
    target_groups: str  # HTML


@lru_cache(maxsize=8)
def _card_words(language: str | None) -> _CardWords:
    """The words of cards in `language`, translated once per process rather than on every card
    (each translation looks up the language; a page of cards asked about fifty times)."""
    with translation.override(language):
        not_published = _("Not published")
        return _CardWords(
            levels={value: str(label) for value, label in Level.choices},
            statuses={value: str(label) for value, label in Status.choices},
            not_published=f" · <strong>{escape(not_published)}</strong>",
            target_groups=escape(_("Target groups")),
        )


CARD_COLUMNS = ("pk", "title", "starts_at", "level", "status", "is_published")
_CARDS = PreparedRead(
    lambda size: Engagement.objects.filter(in_ids("pk", size)).values_list(*CARD_COLUMNS)
)
_CARD_HOSTS = PreparedRead(
    lambda size: EngagementHost.objects.filter(in_ids("engagement_id", size)).values_list(
        "engagement_id", "organisation__short_name", "organisation__name"
    )
)


def cards(engagements) -> list[Card]:
    """Cards for a page of engagements (a queryset, ordered and sliced as the page shows them),
    in three flat queries: the engagements, their hosts, their target groups. Written here
    rather than in the template, where the same work per card (dates, labels, joins, links)
    costs several times as much, as do model objects and prefetches."""
    rows = list(engagements.values_list(*CARD_COLUMNS))
    return _cards(rows, *together(*_card_details([row[0] for row in rows])))


def cards_by_id(ids) -> list[Card]:
    """Cards for the engagements `ids`, in that order: three reads compiled once, sent to the
    database together."""
    ids = list(ids)
    found, host_rows, group_rows = together(_CARDS.bind_for(ids), *_card_details(ids))
    rows = {row[0]: row for row in found}
    return _cards([rows[pk] for pk in ids if pk in rows], host_rows, group_rows)


def _card_details(ids):
    """The reads of the cards' hosts and target groups."""
    return _CARD_HOSTS.bind_for(ids), term_read(Engagement.target_groups, ids)


def _cards(rows, host_rows, group_rows) -> list[Card]:
    hosts = defaultdict(list)
    for engagement_id, short_name, name in host_rows:
        hosts[engagement_id].append(short_name or name)
    groups = labels_of(group_rows)
    link = link_maker("engagements:engagement_detail")
    language = translation.get_language()
    words, months = _card_words(language), month_names(language).long
    zone = timezone.get_current_timezone()
    result = []
    for pk, title, starts_at, level, status, is_published in rows:
        starts_at = starts_at.astimezone(zone)
        result.append(
            Card(
                url=link(pk),
                title=title,
                starts_at=starts_at.isoformat(),
                when=f"{starts_at.day} {months[starts_at.month]} {starts_at.year}, "
                f"{starts_at:%H:%M}",
                hosts=", ".join(hosts[pk]),
                level=words.levels[level],
                status=words.statuses[status],
                is_published=is_published,
                target_groups=", ".join(groups[pk]),
            )
        )
    return result


def engagement_detail(queryset):
    return queryset.select_related("forum").prefetch_related(
        Prefetch("host_links", queryset=EngagementHost.objects.select_related("organisation")),
        "target_groups",
        "topics",
        Prefetch("invitations__organisation", queryset=Organisation.objects.only("name", "slug")),
        "participations__organisation",
        "participations__person",
    )


def forum_cards(queryset):
    return queryset.prefetch_related(
        Prefetch("host_links", queryset=ForumHost.objects.select_related("organisation"))
    )


class _Bound(Expression):
    """One end of a day in a query compiled once and run for every day of a month.

    On PostgreSQL it is the column `lo` or `hi` of the row of days the query is joined to
    (LATERAL). Elsewhere its parameter is a marker, swapped for the day's local midnight
    afterwards (the query compiles a copy of this expression; the copy keeps the marker)."""

    output_field = DateTimeField()

    def __init__(self, column: str):
        super().__init__()
        self.column = column
        self.marker = object()

    def as_sql(self, compiler, connection):
        return "%s", [self.marker]

    def as_postgresql(self, compiler, connection):
        return f"day.{self.column}", []


class GridItem(NamedTuple):
    url: str
    text: str  # "09:30 Title", the title cut at 60 characters


@dataclass(slots=True)
class GridDay:
    date: date
    in_month: bool
    month_name: str  # in the page's language, for screen readers
    items: list[GridItem] = field(default_factory=list)
    more: int = 0
    more_url: str = ""  # the activity list for the day, when there are more than the grid shows
    more_text: str = ""

    def cell(self) -> SafeString:
        """The day's table cell. Written here rather than in the template: a month is 35 cells
        and about a hundred links, and the template engine's tags and variables in that loop
        cost more than the rest of the page."""
        html = ["<td>" if self.in_month else '<td class="other-month">']
        html.append(
            f'<span>{self.date.day}<span class="ds-sr-only"> {escape(self.month_name)}</span></span>'
        )
        if self.items:
            html.append("<ul>")
            html.extend(f"<li>{ds_link(url, text)}</li>" for url, text in self.items)
            html.append("</ul>")
        if self.more:
            html.append(ds_link(self.more_url, self.more_text))
        html.append("</td>")
        return mark_safe("".join(html))  # noqa: S308 - every value above is escaped


# The grid's column heads, Monday first: (name, abbreviation).
WEEKDAY_HEADS = [(WEEKDAYS[day], WEEKDAYS_ABBR[day]) for day in range(7)]


def _sql(queryset) -> tuple[str, tuple]:
    """The queryset's SQL and parameters for its own database."""
    return queryset.query.get_compiler(using=queryset.db).as_sql()


def _aware(value) -> datetime:
    """A datetime column's value as the database cursor gives it: an aware datetime
    (PostgreSQL) or its UTC text (SQLite)."""
    if isinstance(value, str):
        value = datetime.fromisoformat(value)
    return value if timezone.is_aware(value) else value.replace(tzinfo=UTC)


def month_grid(engagements, month: date, *, per_day: int) -> list[list[GridDay]]:
    """The weeks of `month` (Monday first), each day with the first `per_day` engagements that
    start on it and how many more there are.

    Two queries whatever the number of engagements. Each day is its own index range between
    two local midnights (so summer time is right): one query reads every day's first
    `per_day` (id, title, start), one counts every day. Those ranges are quick to seek in any
    month; ranking a busy month's thousand-odd rows with a window function was not. The
    per-day query is compiled once and run for each day (see `_Bound`), as compiling it forty
    times costs more than running it.
    """
    weeks = calendar.Calendar(firstweekday=0).monthdatescalendar(month.year, month.month)
    names = month_names(translation.get_language()).long
    grid = [
        [
            GridDay(date=day, in_month=day.month == month.month, month_name=names[day.month])
            for day in week
        ]
        for week in weeks
    ]
    days = [day for week in grid for day in week]
    database = connections[engagements.db]
    low, high = _Bound("lo"), _Bound("hi")
    in_day = engagements.filter(starts_at__gte=low, starts_at__lt=high)
    first_sql, first_params = _sql(
        in_day.order_by("starts_at", "pk").values("pk", "title", "starts_at")[:per_day]
    )
    count_sql, count_params = _sql(in_day.order_by().values("pk"))
    midnights = [
        database.ops.adapt_datetimefield_value(day_start(days[0].date + timedelta(days=i)))
        for i in range(len(days) + 1)
    ]
    bounds = list(itertools.pairwise(midnights))
    count_sql = f"SELECT COUNT(*) FROM ({count_sql}) in_day"  # noqa: S608 - the ORM's SQL

    # Only numbers and the ORM's own SQL go into the texts below; values stay parameters.
    if database.vendor == "postgresql":
        # One plan for every day: each row of days joined to the query (planning 35 united
        # queries took longer than running them).
        rows = ", ".join(["(%s, %s::timestamptz, %s::timestamptz)"] * len(bounds))
        days_params = [value for i, (lo, hi) in enumerate(bounds) for value in (i, lo, hi)]

        def each_day(sql: str, params: list) -> tuple[str, list]:
            return (
                f"SELECT day.i, q.* FROM (VALUES {rows}) AS day(i, lo, hi) "  # noqa: S608
                f"CROSS JOIN LATERAL ({sql}) q",
                [*days_params, *params],
            )
    else:

        def each_day(sql: str, params: list) -> tuple[str, list]:
            parts, all_params = [], []
            for index, (start, end) in enumerate(bounds):
                parts.append(f"SELECT {index}, q.* FROM ({sql}) q")  # noqa: S608
                all_params += [
                    start if p is low.marker else end if p is high.marker else p for p in params
                ]
            return " UNION ALL ".join(parts), all_params

    with database.cursor() as cursor:
        cursor.execute(*each_day(first_sql, first_params))
        first = cursor.fetchall()
        cursor.execute(*each_day(count_sql, count_params))
        for index, count in cursor.fetchall():
            days[index].more = count
    link = link_maker("engagements:engagement_detail")
    # Sorted here: neither united nor joined rows come in a promised order.
    zone = timezone.get_current_timezone()
    for index, pk, title, starts_at in sorted(first, key=lambda row: (row[0], row[3], row[1])):
        title = unicodedata.normalize("NFC", title)  # a letter and its accent count as one
        if len(title) > CALENDAR_TITLE_LENGTH:  # as |truncatechars would cut it
            title = title[: CALENDAR_TITLE_LENGTH - 1] + "…"
        time = _aware(starts_at).astimezone(zone)
        days[index].items.append(GridItem(url=link(pk), text=f"{time:%H:%M} {title}"))
    more_url = reverse("engagements:engagement_list")
    for day in days:
        day.more -= len(day.items)
        if day.more:
            iso = day.date.isoformat()
            day.more_url = f"{more_url}?date_from={iso}&date_to={iso}"
            day.more_text = ngettext("%(counter)s more", "%(counter)s more", day.more) % {
                "counter": day.more
            }
    return grid
