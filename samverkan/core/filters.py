"""GET filter forms: bad values become messages on the form, never errors."""

from django import forms
from django.core.paginator import Paginator
from django.utils.translation import gettext_lazy as _

from .widgets import use_fast_widgets


class FilterForm(forms.Form):
    """A filter form bound to request.GET. `filters()` returns only the fields that validated."""

    q = forms.CharField(label=_("Search"), required=False, max_length=200)

    def __init__(self, data, *args, **kwargs):
        super().__init__(data, *args, **kwargs)
        use_fast_widgets(self)
        for field in self.fields.values():
            field.required = False

    def filters(self) -> dict:
        self.is_valid()
        return {
            name: value
            for name, value in self.cleaned_data.items()
            if name not in self.errors and value not in (None, "", [])
        }


def paginate(request, queryset, per_page: int = 25, *, rows=None):
    """One page of `queryset`. `?page=abc` or a page past the end gives a real page, not an error.

    `rows`, when given, turns the page's slice of the queryset into what the page prints (for
    example `engagements.selectors.cards`)."""
    page = Paginator(queryset, per_page).get_page(request.GET.get("page"))
    if rows is not None:
        page.object_list = rows(page.object_list)
    return page


def requested_rows(request, per_page: int) -> slice:
    """The rows of the page `?page=` asks for, as `paginate` slices them when that page exists:
    to read them ahead, together with a page's other reads."""
    try:
        number = int(request.GET.get("page", 1))
    except ValueError:
        number = 1
    if not 1 <= number <= MAX_PAGE_READ_AHEAD:
        number = 1  # no such page: the paginator reads the one it shows instead
    return slice((number - 1) * per_page, number * per_page)


# Beyond it a page number is no page of any list here (and an offset the database may refuse).
MAX_PAGE_READ_AHEAD = 1_000_000


# Rows read at a time when a whole result is streamed (exports, feeds).
CHUNK_SIZE = 2000
