"""iCalendar (RFC 5545) for engagements: a feed for any calendar filter, and one event for mail."""

from django.conf import settings
from django.urls import reverse
from django.utils import timezone
from icalendar import Calendar, Event

from samverkan.core.filters import CHUNK_SIZE


def _event(engagement, base_url: str) -> Event:
    event = Event()
    event.add("uid", f"engagement-{engagement.pk}@samverkan")
    event.add("summary", engagement.title)
    event.add("dtstart", engagement.starts_at)
    event.add("dtend", engagement.ends_at or engagement.starts_at)
    event.add("dtstamp", engagement.updated_at or timezone.now())
    hosts = ", ".join(link.organisation.name for link in engagement.host_links.all())
    url = base_url + reverse("engagements:engagement_detail", args=[engagement.pk])
    event.add("description", f"{hosts}\n{engagement.get_venue_display()}\n{url}")
    if engagement.location:
        event.add("location", engagement.location)
    event.add("url", url)
    event.add("status", "CANCELLED" if engagement.status == "cancelled" else "CONFIRMED")
    return event


def calendar_feed(engagements, *, request=None) -> bytes:
    base_url = request.build_absolute_uri("/").rstrip("/") if request else ""
    cal = Calendar()
    cal.add("prodid", "-//Samverkan//samverkan//SV")
    cal.add("version", "2.0")
    cal.add("x-wr-calname", "Samverkan")
    cal.add("x-wr-timezone", settings.TIME_ZONE)
    queryset = engagements.order_by("starts_at").prefetch_related("host_links__organisation")
    for engagement in queryset.iterator(chunk_size=CHUNK_SIZE):
        cal.add_component(_event(engagement, base_url))
    return cal.to_ical()


def engagement_ics(engagement, *, base_url: str | None = None) -> str:
    """One engagement as an iCalendar text, for a mail attachment: its link is on the site's
    address (`SITE_URL`) unless `base_url` says otherwise."""
    cal = Calendar()
    cal.add("prodid", "-//Samverkan//samverkan//SV")
    cal.add("version", "2.0")
    cal.add("method", "PUBLISH")
    cal.add_component(_event(engagement, settings.SITE_URL if base_url is None else base_url))
    return cal.to_ical().decode()
