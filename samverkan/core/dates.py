"""Days in local time."""

from datetime import date, datetime, time

from django.utils import timezone


def day_start(day: date) -> datetime:
    """The moment `day` begins in the site's time zone (summer time included)."""
    return timezone.make_aware(datetime.combine(day, time.min))
