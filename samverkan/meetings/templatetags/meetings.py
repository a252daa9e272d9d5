from django import template
from django.core.paginator import Paginator

from samverkan.meetings.selectors import published_minutes

register = template.Library()


@register.simple_tag(takes_context=True)
def forum_minutes(context, forum):
    """A page of the forum's published minutes, newest first (for the forum's public page)."""
    request = context["request"]
    return Paginator(published_minutes(forum), 10).get_page(request.GET.get("minutes_page"))
