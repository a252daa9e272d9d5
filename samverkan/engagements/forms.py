from django import forms
from django.utils.translation import gettext_lazy as _

from samverkan.core.filters import FilterForm
from samverkan.core.forms import StyledFormMixin
from samverkan.core.widgets import (
    CheckboxList,
    DateInput,
    DateTimeInput,
    DescribedCheckboxSelectMultiple,
    DescribedRadioSelect,
)
from samverkan.register.forms import (
    HostChoiceField,
    OrganisationNameField,
    TermFilterForm,
)
from samverkan.register.models import Organisation, TargetGroup, Topic

from .glossary import KNOWLEDGE_HELP, LEVEL_HELP, REPRESENTATION_HELP, STEP_HELP
from .models import Engagement, Forum, Status, Step


class EngagementForm(StyledFormMixin, forms.ModelForm):
    steps = forms.MultipleChoiceField(
        label=_("Steps in the decision process"),
        choices=Step.choices,
        required=False,
        widget=DescribedCheckboxSelectMultiple(descriptions=STEP_HELP),
        help_text=_("Which steps of the agency's process the participants take part in."),
    )
    invited = forms.ModelMultipleChoiceField(
        label=_("Invited organisations"), queryset=Organisation.objects.none(), required=False
    )
    participants = forms.ModelMultipleChoiceField(
        label=_("Organisations that took part"),
        queryset=Organisation.objects.none(),
        required=False,
    )

    class Meta:
        model = Engagement
        fields = [
            "title",
            "description",
            "forum",
            "assignment",
            "level",
            "steps",
            "representation",
            "knowledge",
            "method",
            "target_groups",
            "topics",
            "starts_at",
            "ends_at",
            "venue",
            "location",
            "status",
            "outcome",
            "feedback",
            "feedback_given_on",
            "is_published",
        ]
        widgets = {
            "level": DescribedRadioSelect(descriptions=LEVEL_HELP),
            "representation": DescribedRadioSelect(descriptions=REPRESENTATION_HELP),
            "knowledge": DescribedRadioSelect(descriptions=KNOWLEDGE_HELP),
            "venue": DescribedRadioSelect,
            "target_groups": CheckboxList,
            "topics": CheckboxList,
            "starts_at": DateTimeInput,
            "ends_at": DateTimeInput,
            "feedback_given_on": DateInput,
            "description": forms.Textarea(attrs={"rows": 5}),
            "outcome": forms.Textarea(attrs={"rows": 4}),
            "feedback": forms.Textarea(attrs={"rows": 4}),
        }

    def __init__(self, *args, host: Organisation, **kwargs):
        """`host` leads a new engagement; an existing one keeps its lead host."""
        super().__init__(*args, **kwargs)
        host = self.instance.lead_host if self.instance.pk else host
        self.host = host
        civil_society = Organisation.objects.civil_society().only("id", "name")
        self.fields["invited"].queryset = civil_society
        self.fields["participants"].queryset = civil_society
        self.fields["forum"].queryset = Forum.objects.only("id", "name")
        self.fields["level"].choices = self.fields["level"].choices[1:]  # no empty radio
        self.fields["representation"].choices = self.fields["representation"].choices[1:]
        self.fields["knowledge"].choices = self.fields["knowledge"].choices[1:]
        self.fields["venue"].choices = [c for c in self.fields["venue"].choices if c[0]]
        self.fields["status"].choices = Status.choices
        if self.instance.pk:
            self.fields["invited"].initial = [
                i.organisation_id for i in self.instance.invitations.all()
            ]
            self.fields["participants"].initial = [
                p.organisation_id for p in self.instance.participations.all() if p.organisation_id
            ]
            self.initial["steps"] = self.instance.steps

    def clean_steps(self):
        chosen = set(self.cleaned_data["steps"])
        return [step for step in Step.values if step in chosen]

    def clean(self):
        cleaned = super().clean()
        starts, ends = cleaned.get("starts_at"), cleaned.get("ends_at")
        if starts and ends and ends < starts:
            self.add_error("ends_at", _("The end cannot be before the start."))
        return cleaned


class EngagementFilterForm(TermFilterForm):
    field_order = ["q", "host", "target_group", "topic", "organisation", "status"]

    host = HostChoiceField(label=_("Agency"), empty_label=_("All agencies"))
    organisation = OrganisationNameField(
        label=_("Organisation"),
        queryset=Organisation.objects.civil_society(),
    )
    status = forms.ChoiceField(label=_("Status"), choices=[("", _("Any status"))] + Status.choices)
    date_from = forms.DateField(label=_("From"), widget=DateInput)
    date_to = forms.DateField(label=_("To"), widget=DateInput)

    def clean(self):
        cleaned = super().clean()
        start, end = cleaned.get("date_from"), cleaned.get("date_to")
        if start and end and end < start:
            self.add_error("date_to", _("The end date cannot be before the start date."))
        return cleaned


class ForumForm(StyledFormMixin, forms.ModelForm):
    co_hosts = forms.ModelMultipleChoiceField(
        label=_("Co-hosts"), queryset=Organisation.objects.none(), required=False
    )

    class Meta:
        model = Forum
        fields = [
            "name",
            "kind",
            "description",
            "governing_document",
            "meeting_cadence",
            "established_on",
            "ended_on",
            "target_groups",
            "topics",
            "is_published",
        ]
        widgets = {
            "target_groups": CheckboxList,
            "topics": CheckboxList,
            "established_on": DateInput,
            "ended_on": DateInput,
            "description": forms.Textarea(attrs={"rows": 5}),
            "governing_document": forms.Textarea(attrs={"rows": 4}),
        }

    def __init__(self, *args, host: Organisation, **kwargs):
        """`host` leads a new forum; an existing one keeps its lead host."""
        super().__init__(*args, **kwargs)
        host = self.instance.lead_host if self.instance.pk else host
        self.host = host
        self.fields["co_hosts"].queryset = Organisation.objects.hosts().exclude(pk=host.pk)
        if self.instance.pk:
            self.fields["co_hosts"].initial = [
                link.organisation_id
                for link in self.instance.host_links.all()
                if link.organisation_id != host.pk
            ]

    def clean(self):
        cleaned = super().clean()
        start, end = cleaned.get("established_on"), cleaned.get("ended_on")
        if start and end and end < start:
            self.add_error("ended_on", _("The end date cannot be before the start date."))
        return cleaned


class CoHostProposalForm(StyledFormMixin, forms.Form):
    host = forms.ModelChoiceField(
        label=_("Agency to ask"),
        queryset=Organisation.objects.none(),
        help_text=_("Its coordinators get a task and an email and can accept or decline."),
    )
    message = forms.CharField(
        label=_("Message"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    prompted_by = forms.ModelChoiceField(
        queryset=Engagement.objects.all(), required=False, widget=forms.HiddenInput
    )

    def __init__(self, *args, engagement: Engagement, **kwargs):
        super().__init__(*args, **kwargs)
        current = [link.organisation_id for link in engagement.host_links.all()]
        self.fields["host"].queryset = Organisation.objects.hosts().exclude(pk__in=current)


class ProposalAnswerForm(StyledFormMixin, forms.Form):
    decision = forms.ChoiceField(
        label=_("Your answer"),
        choices=[("accept", _("Yes, we host it jointly")), ("decline", _("No, we decline"))],
        widget=DescribedRadioSelect,
    )
    reason = forms.CharField(
        label=_("Reason if you decline"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
    )

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("decision") == "decline" and not cleaned.get("reason", "").strip():
            self.add_error("reason", _("Please say why you decline."))
        return cleaned


class PlanningForm(FilterForm):
    """The draft values "before you invite" looks at, read from the engagement form as it is
    typed. Every field is optional and a bad value is left out."""

    q = None
    title = forms.CharField(max_length=200)
    description = forms.CharField()
    target_groups = forms.ModelMultipleChoiceField(queryset=TargetGroup.objects.all())
    topics = forms.ModelMultipleChoiceField(queryset=Topic.objects.all())
    starts_at = forms.DateTimeField()
    invited = forms.ModelMultipleChoiceField(queryset=Organisation.objects.civil_society())
