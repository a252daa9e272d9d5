"""The floor: the least a page of 25 organisations can cost in this project.

One raw SQL query and a minimal template, behind the same middleware, URL resolver, gunicorn
workers and database as the real pages. A page's p95 divided by the floor's is what the page's
own work (ORM, prefetches, counts, the full template) costs, measured in the same run on the same
machine. config/urls.py routes to it only when settings.BENCH_FLOOR is set, which only
config/settings/bench.py does.
"""

from django.conf import settings
from django.db import connection
from django.http import HttpResponse
from django.template.loader import get_template

SQL = "SELECT name, slug, kind, municipality FROM register_organisation ORDER BY name LIMIT %s"


def floor(request):
    # As many rows as the page it is compared with: the organisation list's by default.
    try:
        rows = min(max(int(request.GET.get("rows", settings.PAGE_SIZE)), 1), 1000)
    except ValueError:
        rows = settings.PAGE_SIZE
    with connection.cursor() as cursor:
        cursor.execute(SQL, [rows])
        rows = cursor.fetchall()
    # Rendered without the request, so no context processors run: the floor is the bare minimum.
    return HttpResponse(get_template("bench/floor.html").render({"rows": rows}))
