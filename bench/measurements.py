"""The figures `make bench` prints, in order.

To add one, write a function that takes the `Bench` and returns one sample, and add a
`Measurement` to MEASUREMENTS. For example, a page behind a login:

    def org_load(bench):
        agency = Organisation.objects.get(short_name="SoS")
        cookie = bench.login_cookie("samordnare@bench.example", organisation=agency,
                                    role=Role.AGENCY_COORDINATOR)
        return bench.http_p95("/…/", cookie=cookie)

    Measurement("org_load_p95", "ms", org_load),

`bench.http_p95(path)` times GETs against gunicorn, `bench.call_p95(fn)` and `bench.seconds(fn)`
time code in this process (Django is set up on the bench database), `bench.run_module(…)` runs
a module in a process of its own. `bench.facts` says which organisation is busiest, which month
is current for the data and which year is the last complete one.
"""

import itertools
from datetime import date, datetime, time, timedelta
from functools import cache

from django.utils import timezone

from .harness import Bench, BenchError, Measurement
from .names import SUBJECTS

# "Before you invite": how many organisations the planner is inviting.
INVITED = 20


@cache
def _planning_drafts() -> list[dict]:
    """What planners type: a title for each wording of each subject in the data, with the
    subject's target groups, planned by an agency. Each lookup takes the next draft in turn."""
    from samverkan.register.models import Organisation, TargetGroup

    groups = dict(TargetGroup.objects.values_list("name", "pk"))
    agency = Organisation.objects.hosts().order_by("pk").first()
    templates = itertools.cycle(["Dialogmöte om {s}", "Samråd om {s}", "Workshop kring {s}"])
    drafts = []
    for wordings, subject_groups, _topics in SUBJECTS:
        for wording in wordings:
            drafts.append(
                {
                    "title": next(templates).format(s=wording),
                    "description": f"Vi vill höra era erfarenheter av {wording}.",
                    "target_groups": [groups[g] for g in subject_groups if g in groups],
                    "exclude_hosts": [agency.pk],
                }
            )
    return drafts


def _planned_at(bench: Bench) -> datetime:
    day = bench.facts.as_of + timedelta(days=60)
    return timezone.make_aware(datetime.combine(day, time(10)))


def similar_lookup(bench: Bench) -> float:
    """The similar engagements the planner sees while typing (coordination.similarity)."""
    from samverkan.coordination.similarity import similar_engagements

    drafts = itertools.cycle(_planning_drafts())
    starts_at = _planned_at(bench)
    return bench.call_p95(lambda: similar_engagements(**next(drafts), starts_at=starts_at, limit=5))


def org_load(bench: Bench) -> float:
    """The load panel for 20 invited organisations, the busiest ones (coordination.load)."""
    from django.db.models import Count

    from samverkan.coordination.load import organisation_load
    from samverkan.engagements.models import Invitation
    from samverkan.register.models import Organisation

    busiest = list(
        Invitation.objects.filter(organisation__in=Organisation.objects.civil_society())
        .values_list("organisation_id", flat=True)
        .annotate(n=Count("id"))
        .order_by("-n", "organisation_id")[:200]
    )
    groups = itertools.cycle([busiest[i : i + INVITED] for i in range(0, len(busiest), INVITED)])
    starts_at = _planned_at(bench)
    return bench.call_p95(
        lambda: organisation_load(
            organisations=Organisation.objects.filter(pk__in=next(groups)),
            starts_at=starts_at,
        )
    )


def standing_report(bench: Bench) -> float:
    """The network's standing report for the last complete year, every section."""
    from samverkan.coordination.report import Period, ReportFilters
    from samverkan.coordination.report import standing_report as build

    year = bench.facts.export_year
    filters = ReportFilters(period=Period(start=date(year, 1, 1), end=date(year, 12, 31)))
    return bench.seconds(lambda: build(filters))


# The needs analysis's figures: items grouped by the worker, items exported to a workbook.
GROUPING_ITEMS = 50_000
EXPORT_ITEMS = 100_000


def floor(bench: Bench) -> float:
    """The floor with as many rows as the organisation list and the organisation page show."""
    return bench.http_p95("/bench/floor/")


def calendar_floor(bench: Bench) -> float:
    """The floor with as many rows as the calendar month shows."""
    return bench.http_p95(f"/bench/floor/?rows={bench.facts.calendar_rows}")


def organisation_list(bench: Bench) -> float:
    return bench.http_p95("/organisationer/")


def organisation_page(bench: Bench) -> float:
    return bench.http_p95(f"/organisationer/{bench.facts.busy_organisation}/")


def calendar_month(bench: Bench) -> float:
    return bench.http_p95(f"/kalender/?month={bench.facts.calendar_month}")


def engagement_export_peak_rss(bench: Bench) -> float:
    """Peak RSS of a fresh process that exports one year's engagements as XLSX (bench/export_rss.py)."""
    year = bench.facts.export_year
    result = bench.run_module("bench.export_rss", f"{year}-01-01", f"{year}-12-31")
    bench.details["engagement_export"] = (
        f"{result['rows']:,} engagements, {result['bytes'] / 1e6:.1f} MB file, "
        f"{result['baseline_rss_mb']:.0f} MB before the export"
    )
    return result["peak_rss_mb"]


def _coordinator_cookie(bench: Bench) -> str:
    from samverkan.accounts.roles import Role
    from samverkan.register.models import Organisation

    agency = Organisation.objects.filter(kind="agency").order_by("pk").first()
    return bench.login_cookie(
        "samordnare@bench.example", organisation=agency, role=Role.AGENCY_COORDINATOR
    )


def _newest_items_from(count: int):
    """The day from which on the newest `count` input items were recorded (about `count`:
    the whole of that day is included; all items at a small scale)."""

    from samverkan.insights.models import InputItem

    newest_first = InputItem.objects.order_by("-created_at").values_list("created_at", flat=True)
    recorded = list(newest_first[count - 1 : count]) or list(
        InputItem.objects.order_by("created_at").values_list("created_at", flat=True)[:1]
    )
    if not recorded:
        raise BenchError("The bench database has no input items; generate it again")
    return timezone.localdate(recorded[0])


def needs_analysis(bench: Bench) -> float:
    """The needs analysis page for the last complete year, as a coordinator sees it, in s."""
    year = bench.facts.export_year
    path = f"/underlag/analys/?date_from={year}-01-01&date_to={year}-12-31"
    cookie = _coordinator_cookie(bench)
    for _ in range(4):  # taken once, so warm both gunicorn workers first
        bench.get(path, cookie=cookie)
    return bench.http_p95(path, cookie=cookie, requests=10) / 1000


def grouping_50k(bench: Bench) -> float:
    """The grouping of the newest 50,000 items, as the worker's task runs it, in s."""
    from samverkan.coordination.report import Period
    from samverkan.insights.models import GroupingRun, GroupingStatus
    from samverkan.insights.report import AnalysisFilters, analysis_items
    from samverkan.insights.services import grouping_run_execute

    filters = AnalysisFilters(period=Period(start=_newest_items_from(GROUPING_ITEMS)))
    # A new run each time: a finished one would not run again.
    run = GroupingRun.objects.create(filters=filters.as_data(), filters_key=filters.key)
    seconds = bench.seconds(lambda: grouping_run_execute(run_id=run.pk))
    run.refresh_from_db()
    if run.status != GroupingStatus.DONE:
        raise BenchError(f"The grouping ended {run.status}: {run.error}")
    bench.details["grouping_50k"] = (
        f"{analysis_items(filters).count():,} items, {run.group_count:,} groups, "
        f"{run.cross_host_count:,} at two or more hosts"
    )
    run.delete()
    return seconds


def input_export_peak_rss(bench: Bench) -> float:
    """Peak RSS of a fresh process exporting the newest 100,000 items (bench/input_export_rss.py)."""
    date_from = _newest_items_from(EXPORT_ITEMS).isoformat()
    result = bench.run_module("bench.input_export_rss", date_from)
    bench.details["input_export"] = (
        f"{result['rows']:,} input items, {result['bytes'] / 1e6:.1f} MB file, "
        f"{result['baseline_rss_mb']:.0f} MB before the export"
    )
    return result["peak_rss_mb"]


MEASUREMENTS = [
    Measurement("floor_p95", "ms", floor),
    Measurement("calendar_floor_p95", "ms", calendar_floor),
    Measurement("organisation_list_p95", "ms", organisation_list, floor="floor_p95"),
    Measurement("organisation_page_p95", "ms", organisation_page, floor="floor_p95"),
    Measurement("calendar_month_p95", "ms", calendar_month, floor="calendar_floor_p95"),
    Measurement("similar_lookup_p95", "ms", similar_lookup),
    Measurement("org_load_p95", "ms", org_load),
    Measurement("standing_report", "s", standing_report),
    Measurement("engagement_export_peak_rss", "MB", engagement_export_peak_rss, rounds=1),
    Measurement("needs_analysis", "s", needs_analysis, rounds=1),
    Measurement("grouping_50k", "s", grouping_50k, rounds=1),
    Measurement("input_export_peak_rss", "MB", input_export_peak_rss, rounds=1),
]
