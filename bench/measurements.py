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

from .harness import Bench, Measurement


def floor(bench: Bench) -> float:
    return bench.http_p95("/bench/floor/")


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


MEASUREMENTS = [
    Measurement("floor_p95", "ms", floor),
    Measurement("organisation_list_p95", "ms", organisation_list, vs_floor=True),
    Measurement("organisation_page_p95", "ms", organisation_page, vs_floor=True),
    Measurement("calendar_month_p95", "ms", calendar_month, vs_floor=True),
    Measurement("engagement_export_peak_rss", "MB", engagement_export_peak_rss, rounds=1),
]
