from django import forms
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from samverkan.coordination.forms import ReportFilterForm
from samverkan.core.filters import FilterForm
from samverkan.core.forms import StyledFormMixin
from samverkan.core.widgets import CheckboxList, DateInput, DescribedRadioSelect
from samverkan.register.models import Organisation, TargetGroup, Topic

from .models import TEXT_MAX_LENGTH, InputKind, TriageStatus
from .report import AnalysisFilters
from .services import TRIAGE_CHOICES, ItemData

EXTRA_ROWS = 5
MAX_ROWS = 200


def organisation_choices(engagement) -> list[tuple[int, str]]:
    """The organisations invited to or taking part in the engagement."""
    organisations = (
        Organisation.objects.filter(
            Q(invitations__engagement=engagement) | Q(participations__engagement=engagement)
        )
        .distinct()
        .order_by("name")
        .values_list("id", "name")
    )
    return list(organisations)


def target_group_choices() -> list[tuple[int, str]]:
    return [(group.pk, group.label) for group in TargetGroup.objects.all()]


def topic_choices() -> list[tuple[int, str]]:
    return [(topic.pk, topic.label) for topic in Topic.objects.all()]


class InputRowForm(StyledFormMixin, forms.Form):
    """One row of the "many items at once" form. The choices are loaded once for all rows."""

    kind = forms.ChoiceField(label=_("Kind"))
    text = forms.CharField(
        label=_("Text"),
        max_length=TEXT_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("What was said, without names of people."),
    )
    organisation = forms.TypedChoiceField(
        label=_("From organisation"), required=False, coerce=int, empty_value=None
    )
    target_groups = forms.TypedMultipleChoiceField(
        label=_("Target groups"), required=False, coerce=int, widget=CheckboxList
    )
    topics = forms.TypedMultipleChoiceField(
        label=_("Topics"), required=False, coerce=int, widget=CheckboxList
    )

    def __init__(self, *args, organisations, target_groups, topics, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["kind"].choices = [("", _("Choose kind"))] + InputKind.choices
        self.fields["organisation"].choices = [("", _("Anonymous or not stated"))] + organisations
        self.fields["target_groups"].choices = target_groups
        if not target_groups:
            del self.fields["target_groups"]
        self.fields["topics"].choices = topics
        if not topics:
            del self.fields["topics"]

    def item(self) -> ItemData:
        data = self.cleaned_data
        return ItemData(
            kind=data["kind"],
            text=data["text"].strip(),
            organisation_id=data.get("organisation"),
            target_group_ids=data.get("target_groups", []),
            topic_ids=data.get("topics", []),
        )


class BaseInputRowFormSet(forms.BaseFormSet):
    def initial_form_count(self):
        # Every row is an "extra" row: an untouched one is empty and skipped, also after
        # "add more rows" carried the typed values over as initial data.
        return 0

    def clean(self):
        if any(self.errors):
            return
        if not any(form.has_changed() for form in self.forms):
            raise forms.ValidationError(_("Write at least one item."), code="empty")

    def items(self) -> list[ItemData]:
        return [form.item() for form in self.forms if form.has_changed()]


InputRowFormSet = forms.formset_factory(
    InputRowForm,
    formset=BaseInputRowFormSet,
    extra=EXTRA_ROWS,
    max_num=MAX_ROWS,
    absolute_max=MAX_ROWS,
    validate_max=True,
)


class ImportUploadForm(forms.Form):
    file = forms.FileField(
        label=_("File"),
        help_text=_(
            "An Excel file (.xlsx) or a CSV file (.csv), at most 5 MB and 10 000 rows. "
            "The first row is the header."
        ),
        widget=forms.ClearableFileInput(attrs={"accept": ".xlsx,.csv", "class": "ds-input"}),
    )


class ImportConfirmForm(forms.Form):
    token = forms.CharField(widget=forms.HiddenInput)
    include_duplicates = forms.BooleanField(
        label=_("Import the duplicates too"),
        required=False,
        help_text=_("Leave unticked to skip the rows marked as duplicates."),
    )


TRIAGE_HELP = {
    TriageStatus.CONSIDERING: _("You are looking into it; nothing is decided yet."),
    TriageStatus.ACTED_ON: _("You have done something about it. Say what in the response."),
    TriageStatus.IN_ASSIGNMENT: _("It is taken up in an assignment. Say which in the response."),
    TriageStatus.NOT_ACTED_ON: _("You will not act on it. The response must say why."),
    TriageStatus.REFERRED: _(
        "Another agency, region or municipality should answer it. It gets the item as received."
    ),
}


class TriageForm(StyledFormMixin, forms.Form):
    """One host's next step for an item. The service checks the same rules again."""

    status = forms.ChoiceField(
        label=_("Status"),
        choices=[(status.value, status.label) for status in TRIAGE_CHOICES],
        widget=DescribedRadioSelect(descriptions=TRIAGE_HELP),
    )
    response = forms.CharField(
        label=_("Response"),
        required=False,
        max_length=TEXT_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_(
            "Shown to the organisation that raised the item and on the public page "
            "“We asked – you said – we did”. Write no names of people."
        ),
    )
    referred_to = forms.ModelChoiceField(
        label=_("Refer to"),
        required=False,
        queryset=Organisation.objects.none(),
        empty_label=_("Choose a host if you refer the item"),
    )

    def __init__(self, *args, addressee, **kwargs):
        kwargs.setdefault("prefix", "triage")
        initial = kwargs.setdefault("initial", {})
        initial.setdefault("response", addressee.response)
        if addressee.status in TRIAGE_CHOICES and addressee.status != TriageStatus.REFERRED:
            initial.setdefault("status", addressee.status)
        super().__init__(*args, **kwargs)
        self.fields["referred_to"].queryset = (
            Organisation.objects.hosts()
            .exclude(input_addressees__item_id=addressee.item_id)
            .order_by("name")
        )

    def clean(self):
        cleaned = super().clean()
        status = cleaned.get("status")
        if status == TriageStatus.NOT_ACTED_ON and not cleaned.get("response", "").strip():
            self.add_error("response", _("Please say why the item is not acted on."))
        if status == TriageStatus.REFERRED and not cleaned.get("referred_to"):
            self.add_error("referred_to", _("Choose the host you refer the item to."))
        return cleaned


class TriageFilterForm(FilterForm):
    q = None
    status = forms.ChoiceField(
        label=_("Status"),
        choices=[("", _("Waiting for a response (received or being considered)"))]
        + TriageStatus.choices,
    )


class AnalysisFilterForm(ReportFilterForm):
    """The needs analysis's filters: the standing report's (period, agencies, target groups)
    and topics. Items are counted by when they were recorded, so an open end means today."""

    date_to = forms.DateField(
        label=_("To"), widget=DateInput, help_text=_("Leave empty for up to today.")
    )
    topics = forms.ModelMultipleChoiceField(
        label=_("Topics"),
        queryset=Topic.objects.all(),
        to_field_name="slug",
        widget=CheckboxList,
        help_text=_("Items on any of the chosen topics. None chosen: all."),
    )
    field_order = ["date_from", "date_to", "hosts", "target_groups", "topics"]

    def __init__(self, data, *args, **kwargs):
        super().__init__(data, *args, **kwargs)
        self.fields["target_groups"].help_text = _(
            "Items for any of the chosen target groups. None chosen: all."
        )
        self.fields["hosts"].help_text = _(
            "Only items addressed to these agencies. None chosen: all. "
            "Hold Ctrl (Cmd on a Mac) to choose more than one."
        )

    def analysis_filters(self) -> AnalysisFilters:
        report = self.report_filters()
        valid = self.cleaned_data if "topics" not in self.errors else {}
        return AnalysisFilters(
            period=report.period,
            hosts=report.hosts,
            target_groups=report.target_groups,
            topics=tuple(valid.get("topics") or ()),
        )
