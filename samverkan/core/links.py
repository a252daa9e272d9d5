"""Links for long lists."""

from collections.abc import Callable
from html import escape

from django.urls import reverse

# A value both the int and the slug path converters accept, and that no route's fixed text holds.
_MARKER = "918273645"


def link_maker(viewname: str) -> Callable[[object], str]:
    """`reverse(viewname, args=[value])` for every row of a list, reversed once.

    For routes with one int or slug argument, whose values need no escaping. `reverse` costs
    about 15 microseconds a call, which on a calendar of a hundred activities is more than the
    rest of the page's Python.
    """
    head, marker, tail = reverse(viewname, args=[_MARKER]).rpartition(_MARKER)
    assert marker, viewname

    def link(value) -> str:
        return f"{head}{value}{tail}"

    return link


def ds_link(url: str, text: str) -> str:
    """`<a class="ds-link" href="url">text</a>`, escaped, for the rows and cells of long lists
    written in Python rather than in a template (see GridDay.cell and OrganisationRow.html)."""
    return f'<a class="ds-link" href="{escape(url)}">{escape(text)}</a>'
