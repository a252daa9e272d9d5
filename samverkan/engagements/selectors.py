"""Reads for engagement and forum pages, with the prefetches that keep their query count fixed."""

import calendar
from datetime import date, timedelta

from django.db.models import Count, F, Func, IntegerField, Prefetch, Window
from django.db.models.functions import RowNumber
from django.utils import timezone

from samverkan.core.dates import day_start
from samverkan.register.models import Organisation, TargetGroup

from .models import EngagementHost, ForumHost

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
    """Engagements for lists and calendars: hosts and target groups in two extra queries."""
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


class Bucket(Func):
    """The number of the first of `bounds` that the expression is below (0, 1, …), as one
    CASE WHEN x < %s THEN 0 WHEN x < %s THEN 1 … END. Written out here because as many
    `When` objects cost more to compile than the query takes to run."""

    output_field = IntegerField()

    def __init__(self, expression, *, bounds):
        super().__init__(expression)
        self.bounds = bounds

    def as_sql(self, compiler, connection, **extra):
        column, column_params = compiler.compile(self.source_expressions[0])
        whens = " ".join(f"WHEN {column} < %s THEN {i}" for i in range(len(self.bounds)))
        params = []
        for bound in self.bounds:
            params += [*column_params, connection.ops.adapt_datetimefield_value(bound)]
        return f"CASE {whens} END", params


def month_grid(engagements, month: date, *, per_day: int) -> list[list[dict]]:
    """The weeks of `month` (Monday first), each day with the first `per_day` engagements that
    start on it and how many more there are.

    One query whatever the number of engagements: the day of each row is found by comparing
    its start with the local midnights of the grid (so summer time is right), and window
    functions keep the first `per_day` of each day and count them all.
    """
    weeks = calendar.Calendar(firstweekday=0).monthdatescalendar(month.year, month.month)
    days = [day for week in weeks for day in week]
    midnights = [day_start(days[0] + timedelta(days=i)) for i in range(len(days) + 1)]
    day_number = Bucket("starts_at", bounds=midnights[1:])
    rows = (
        engagements.filter(starts_at__gte=midnights[0], starts_at__lt=midnights[-1])
        .annotate(
            rank=Window(RowNumber(), partition_by=[day_number], order_by=[F("starts_at"), F("pk")]),
            on_day=Window(Count("pk"), partition_by=[day_number]),
        )
        .filter(rank__lte=per_day)
        .order_by("starts_at", "pk")
        .only("id", "title", "starts_at", "ends_at")
    )
    by_day: dict[int, list] = {}
    on_day: dict[int, int] = {}
    for engagement in rows:
        index = (timezone.localdate(engagement.starts_at) - days[0]).days
        by_day.setdefault(index, []).append(engagement)
        on_day[index] = engagement.on_day
    return [
        [
            {
                "date": day,
                "in_month": day.month == month.month,
                "items": by_day.get(index, []),
                "more": on_day.get(index, 0) - len(by_day.get(index, [])),
            }
            for index, day in enumerate(week, start=number * 7)
        ]
        for number, week in enumerate(weeks)
    ]
