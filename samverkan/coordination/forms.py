from django import forms
from django.utils.translation import gettext_lazy as _

from samverkan.core.filters import FilterForm
from samverkan.core.forms import StyledFormMixin
from samverkan.core.widgets import CheckboxList, DateInput
from samverkan.register.models import Organisation, TargetGroup

from .report import MAX_YEAR, MIN_YEAR, Period, ReportFilters, default_start


class ReportFilterForm(StyledFormMixin, FilterForm):
    """The standing report's filters. A value that does not validate is left out with a message;
    the period then falls back to its default (this month and the 11 before it, and everything
    planned after today)."""

    q = None  # the report has no free-text search
    date_from = forms.DateField(
        label=_("From"),
        widget=DateInput,
        help_text=_("Leave empty for the last 12 months."),
    )
    date_to = forms.DateField(
        label=_("To"),
        widget=DateInput,
        help_text=_("Leave empty to include everything planned ahead."),
    )
    target_groups = forms.ModelMultipleChoiceField(
        label=_("Target groups"),
        queryset=TargetGroup.objects.all(),
        to_field_name="slug",
        widget=CheckboxList,
        help_text=_("Activities for any of the chosen target groups. None chosen: all."),
    )
    hosts = forms.ModelMultipleChoiceField(
        label=_("Agencies"),
        queryset=Organisation.objects.hosts().only("id", "name", "slug"),
        to_field_name="slug",
        widget=forms.SelectMultiple(attrs={"size": 6}),
        help_text=_(
            "Only activities these agencies host. None chosen: all. "
            "Hold Ctrl (Cmd on a Mac) to choose more than one."
        ),
    )

    def _clean_day(self, name):
        day = self.cleaned_data.get(name)
        if day is not None and not MIN_YEAR <= day.year <= MAX_YEAR:
            raise forms.ValidationError(
                _("Choose a date between the years %(first)s and %(last)s."),
                params={"first": MIN_YEAR, "last": MAX_YEAR},
            )
        return day

    def clean_date_from(self):
        return self._clean_day("date_from")

    def clean_date_to(self):
        return self._clean_day("date_to")

    def clean(self):
        cleaned = super().clean()
        start, end = cleaned.get("date_from"), cleaned.get("date_to")
        if end and end < (start or default_start(end)):
            self.add_error("date_to", _("The end date cannot be before the start date."))
        return cleaned

    def report_filters(self) -> ReportFilters:
        """The filters that validated, with the period's defaults for what is missing."""
        self.is_valid()
        valid = {
            name: value for name, value in self.cleaned_data.items() if name not in self.errors
        }
        end = valid.get("date_to")
        start = valid.get("date_from") or default_start(end)
        return ReportFilters(
            period=Period(start=start, end=end),
            target_groups=tuple(valid.get("target_groups") or ()),
            hosts=tuple(valid.get("hosts") or ()),
        )
