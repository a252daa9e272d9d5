from django.db import connection
from django.http import HttpResponse
from django.shortcuts import render
from django.views.decorators.cache import never_cache

from samverkan.engagements import glossary as glossary_texts
from samverkan.engagements.models import Engagement, Knowledge, Level, Representation, Step
from samverkan.engagements.selectors import cards


def home(request):
    upcoming = cards(
        Engagement.objects.visible_to(request.user).upcoming().order_by("starts_at", "pk")[:6]
    )
    return render(request, "core/home.html", {"upcoming": upcoming})


def _described(choices, descriptions):
    return [(value, label, descriptions.get(value, "")) for value, label in choices.choices]


def glossary(request):
    context = {
        "levels": _described(Level, glossary_texts.LEVEL_HELP),
        "steps": _described(Step, glossary_texts.STEP_HELP),
        "representations": _described(Representation, glossary_texts.REPRESENTATION_HELP),
        "knowledge": _described(Knowledge, glossary_texts.KNOWLEDGE_HELP),
        "terms": glossary_texts.TERMS,
    }
    return render(request, "core/glossary.html", context)


@never_cache
def healthz(request):
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
    return HttpResponse("ok", content_type="text/plain")


def _error(request, template, status):
    return render(request, template, status=status)


def bad_request(request, exception=None):
    return _error(request, "errors/400.html", 400)


def permission_denied(request, exception=None):
    return _error(request, "errors/403.html", 403)


def page_not_found(request, exception=None):
    return _error(request, "errors/404.html", 404)


def server_error(request):
    return _error(request, "errors/500.html", 500)
