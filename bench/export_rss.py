"""Peak memory of one XLSX export of engagements, in a process of its own.

    python -m bench.export_rss 2025-01-01 2025-12-31

Sets Django up on the bench database, reads the export through the whole middleware stack with
Django's test client (anonymous, so published engagements), discards the file as it streams and
prints one JSON line: peak RSS before and after the export, the rows and the file size.
"""

import json
import os
import resource
import sys


def peak_rss_mb() -> float:
    """This process's peak RSS. Linux's VmHWM belongs to the program the process runs now;
    getrusage's ru_maxrss also keeps the peak of the parent it was forked from (the bench
    process, large after the grouping), so it is only the fallback."""
    try:
        with open("/proc/self/status") as status:
            for line in status:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) / 1024  # kB
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # KiB on Linux


def main(date_from: str, date_to: str) -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.bench")
    import django

    django.setup()
    from django.test import Client

    from samverkan.engagements.models import Engagement

    rows = (
        Engagement.objects.published()
        .filter(starts_at__date__gte=date_from, starts_at__date__lte=date_to)
        .count()
    )
    baseline = peak_rss_mb()
    response = Client().get(
        "/aktiviteter/export.xlsx",
        {"date_from": date_from, "date_to": date_to},
        HTTP_HOST="127.0.0.1",
    )
    print_figures(response, baseline=baseline, rows=rows)


def print_figures(response, *, baseline: float, rows: int) -> None:
    """Read the streamed export to its end, discarding it, and print the JSON line."""
    if response.status_code != 200:
        sys.exit(f"The export answered {response.status_code}")
    size = sum(len(chunk) for chunk in response.streaming_content)
    response.close()
    figures = {
        "peak_rss_mb": round(peak_rss_mb(), 1),
        "baseline_rss_mb": round(baseline, 1),
        "rows": rows,
        "bytes": size,
    }
    print(json.dumps(figures))


if __name__ == "__main__":
    main(*sys.argv[1:3])
