from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.urls import include, path

from samverkan.core import views as core_views

urlpatterns = [
    path("healthz", core_views.healthz, name="healthz"),
]
# The benchmarks' floor page; only config/settings/bench.py turns it on, never production.
if getattr(settings, "BENCH_FLOOR", False):
    from bench.floor import floor

    urlpatterns.append(path("bench/floor/", floor, name="bench_floor"))
# Swedish at the root, English under /en/.
urlpatterns += i18n_patterns(
    path("", core_views.home, name="home"),
    path("ordlista/", core_views.glossary, name="glossary"),
    path("konto/", include("samverkan.accounts.urls")),
    path("konto/", include("allauth.urls")),
    path("admin/", admin.site.urls),
    path("", include("samverkan.register.urls")),
    path("", include("samverkan.engagements.urls")),
    path("", include("samverkan.coordination.urls")),
    path("", include("samverkan.insights.urls")),
    path("", include("samverkan.meetings.urls")),
    prefix_default_language=False,
)

handler400 = "samverkan.core.views.bad_request"
handler403 = "samverkan.core.views.permission_denied"
handler404 = "samverkan.core.views.page_not_found"
handler500 = "samverkan.core.views.server_error"
