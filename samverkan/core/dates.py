"""Days in local time."""

from datetime import date, datetime, time
from functools import lru_cache
from typing import NamedTuple

from django.utils import timezone, translation
from django.utils.dates import MONTHS, MONTHS_3


def day_start(day: date) -> datetime:
    """The moment `day` begins in the site's time zone (summer time included)."""
    return timezone.make_aware(datetime.combine(day, time.min))


class MonthNames(NamedTuple):
    long: dict[int, str]  # 12: "december"
    short: dict[int, str]  # 12: "Dec", as the date filter's "M" writes it


@lru_cache(maxsize=8)
def month_names(language: str | None) -> MonthNames:
    """The months' names in `language`, translated once per process: lists that write a date on
    each row would otherwise look up the language and its catalogue for every one."""
    with translation.override(language):
        return MonthNames(
            long={number: str(name) for number, name in MONTHS.items()},
            short={number: str(name).title() for number, name in MONTHS_3.items()},
        )


def short_date(day: date) -> str:
    """ "3 Dec 2026" in the page's language, as the date filter's "j M Y" writes it."""
    return f"{day.day} {month_names(translation.get_language()).short[day.month]} {day.year}"
