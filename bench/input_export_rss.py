"""Peak memory of one XLSX export of input items (the needs analysis's workbook), in a process
of its own.

    python -m bench.input_export_rss 2026-03-14

Sets Django up on the bench database, logs a coordinator in, reads the export of the items
recorded from that day on through the whole middleware stack with Django's test client, discards
the file as it streams and prints one JSON line, as bench/export_rss.py does.
"""

import os
import sys

from bench.export_rss import peak_rss_mb, print_figures


def main(date_from: str) -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.bench")
    import django

    django.setup()
    from django.test import Client

    from samverkan.accounts.models import User
    from samverkan.accounts.roles import Role
    from samverkan.insights.models import InputItem
    from samverkan.register.models import Organisation

    agency = Organisation.objects.filter(kind="agency").order_by("pk").first()
    user, _ = User.objects.get_or_create(
        email="samordnare@bench.example",
        defaults={"role": Role.AGENCY_COORDINATOR, "organisation": agency},
    )
    rows = InputItem.objects.filter(created_at__date__gte=date_from).count()
    client = Client()
    client.force_login(user)
    baseline = peak_rss_mb()
    response = client.get(
        "/underlag/analys/underlag.xlsx", {"date_from": date_from}, HTTP_HOST="127.0.0.1"
    )
    print_figures(response, baseline=baseline, rows=rows)


if __name__ == "__main__":
    main(sys.argv[1])
