from django import forms
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from samverkan.accounts.models import User
from samverkan.accounts.roles import CIVIL_SOCIETY_ROLES, PUBLIC_BODY_ROLES
from samverkan.core.forms import StyledFormMixin
from samverkan.core.widgets import CheckboxList, DateTimeInput, DescribedRadioSelect
from samverkan.engagements.models import Forum
from samverkan.register.models import TargetGroup, Topic

from .models import (
    AccessNeed,
    AgendaItem,
    AttendanceMode,
    Evaluation,
    Meeting,
    Proposal,
    ProposalStatus,
)


class MeetingForm(StyledFormMixin, forms.ModelForm):
    class Meta:
        model = Meeting
        fields = ["topics_deadline", "seats"]
        widgets = {"topics_deadline": DateTimeInput}

    def clean_topics_deadline(self):
        deadline = self.cleaned_data["topics_deadline"]
        if deadline and deadline >= self.instance.engagement.starts_at:
            raise forms.ValidationError(
                _("The last day to propose topics must come before the meeting.")
            )
        return deadline


class UserChoiceField(forms.ModelMultipleChoiceField):
    def label_from_instance(self, user):
        return f"{user.get_full_name() or user.email} ({user.organisation})"


class CommitteeForm(forms.Form):
    members = UserChoiceField(
        label=_("Members of the programme committee"),
        help_text=_("One person from the hosting agency and two or three user representatives."),
        queryset=User.objects.none(),
        widget=CheckboxList,
    )

    def __init__(self, *args, meeting: Meeting, **kwargs):
        super().__init__(*args, **kwargs)
        engagement = meeting.engagement
        hosts = [link.organisation_id for link in engagement.host_links.all()]
        invited = [i.organisation_id for i in engagement.invitations.all()]
        # Host staff and the invited organisations' people; the service checks the composition.
        self.fields["members"].queryset = (
            User.objects.filter(is_active=True)
            .filter(
                Q(role__in=PUBLIC_BODY_ROLES, organisation__in=hosts)
                | Q(role__in=CIVIL_SOCIETY_ROLES, organisation__in=invited)
            )
            .select_related("organisation")
            .order_by("organisation__name", "first_name", "email")
        )
        self.initial.setdefault("members", [m.user_id for m in meeting.committee.all()])


class ProposalForm(StyledFormMixin, forms.ModelForm):
    class Meta:
        model = Proposal
        fields = ["title", "text"]
        help_texts = {"title": _("A short heading, for example “Waiting times for aids”.")}


class AgendaItemForm(StyledFormMixin, forms.ModelForm):
    class Meta:
        model = AgendaItem
        fields = ["title", "description"]
        labels = {"title": _("Agenda item")}


class ProposalAnswerForm(StyledFormMixin, forms.Form):
    status = forms.ChoiceField(
        label=_("What happens with the proposal"),
        choices=[c for c in ProposalStatus.choices if c[0] != ProposalStatus.SUBMITTED],
        widget=DescribedRadioSelect,
    )
    agenda_item = forms.TypedChoiceField(
        label=_("Take it up under"),
        coerce=int,
        empty_value=None,
        required=False,
    )
    feedback = forms.CharField(
        label=_("Feedback to the organisation"),
        help_text=_("Needed when the proposal is referred or not taken up: say why."),
        required=False,
        max_length=5000,
        widget=forms.Textarea(attrs={"rows": 3}),
    )

    def __init__(self, *args, proposal: Proposal, agenda: list[AgendaItem], **kwargs):
        """`agenda` is the meeting's items, read once for all the proposals on the page."""
        kwargs.setdefault("prefix", f"proposal-{proposal.pk}")
        super().__init__(*args, **kwargs)
        self.agenda = {item.pk: item for item in agenda}
        self.fields["agenda_item"].choices = [
            ("", _("A new agenda item with the proposal's title"))
        ] + [(item.pk, item.title) for item in agenda]

    def clean_agenda_item(self):
        pk = self.cleaned_data["agenda_item"]
        return None if pk is None else self.agenda[pk]


class RegistrationForm(StyledFormMixin, forms.Form):
    attendance = forms.ChoiceField(
        label=_("How you take part"),
        choices=AttendanceMode.choices,
        initial=AttendanceMode.ON_SITE,
        widget=DescribedRadioSelect,
    )
    needs = forms.MultipleChoiceField(
        label=_("Access needs"),
        help_text=_("Only the organisers see them. They are deleted after the meeting."),
        choices=AccessNeed.choices,
        required=False,
        widget=CheckboxList,
    )
    details = forms.CharField(
        label=_("More about your needs"),
        help_text=_("For example which diet, or what papers you want in advance."),
        required=False,
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    consent = forms.BooleanField(
        label=_("I agree that the organisers store my access needs until they are deleted."),
        required=False,
    )

    def clean(self):
        data = super().clean()
        if (data.get("needs") or data.get("details", "").strip()) and not data.get("consent"):
            self.add_error(
                "consent",
                _(
                    "We can only store your access needs if you agree to it. Tick the box, or leave the needs empty."
                ),
            )
        return data


class EvaluationForm(StyledFormMixin, forms.ModelForm):
    class Meta:
        model = Evaluation
        fields = ["useful", "heard", "accessible", "comment"]
        widgets = {
            "useful": DescribedRadioSelect,
            "heard": DescribedRadioSelect,
            "accessible": DescribedRadioSelect,
            "comment": forms.Textarea(attrs={"rows": 4}),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name in Evaluation.QUESTIONS:
            field = self.fields[name]
            field.choices = [c for c in field.choices if c[0] != ""]


class MinutesForm(StyledFormMixin, forms.Form):
    minutes = forms.CharField(
        label=_("Minutes"),
        help_text=_(
            "What was said and decided, item by item. Do not name participants who spoke personally."
        ),
        required=False,
        max_length=50000,
        widget=forms.Textarea(attrs={"rows": 14}),
    )
    publish = forms.BooleanField(
        label=_("Publish the minutes on the meeting's and the forum's public pages"),
        required=False,
    )


class SubscriptionForm(StyledFormMixin, forms.Form):
    """One list at a time: a forum, a target group or a topic."""

    forum = forms.ModelChoiceField(
        label=_("A forum's mailing list"),
        queryset=Forum.objects.none(),
        required=False,
        empty_label=_("(none)"),
    )
    target_group = forms.ModelChoiceField(
        label=_("Or: everything for a target group"),
        queryset=TargetGroup.objects.all(),
        required=False,
        empty_label=_("(none)"),
    )
    topic = forms.ModelChoiceField(
        label=_("Or: everything on a topic"),
        queryset=Topic.objects.all(),
        required=False,
        empty_label=_("(none)"),
    )
    consent = forms.BooleanField(
        label=_("I agree to get mail about meetings on this list, until I leave it."),
        required=False,
    )

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["forum"].queryset = Forum.objects.visible_to(user)

    def clean(self):
        data = super().clean()
        chosen = [n for n in ("forum", "target_group", "topic") if data.get(n) is not None]
        if len(chosen) != 1:
            raise forms.ValidationError(_("Choose one list: a forum, a target group or a topic."))
        if not data.get("consent"):
            self.add_error(
                "consent", _("We can only send you mail if you agree to it. Tick the box.")
            )
        return data


class AppointForm(StyledFormMixin, forms.Form):
    person = forms.ModelChoiceField(
        label=_("Representative"),
        help_text=_("They get the confirmation by mail and can add their own access needs."),
        queryset=User.objects.none(),
    )
    attendance = forms.ChoiceField(
        label=_("How they take part"),
        choices=AttendanceMode.choices,
        initial=AttendanceMode.ON_SITE,
        widget=DescribedRadioSelect,
    )

    def __init__(self, *args, organisation_id, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["person"].queryset = User.objects.filter(
            organisation_id=organisation_id, is_active=True, role__in=CIVIL_SOCIETY_ROLES
        ).order_by("first_name", "last_name", "email")
        self.fields["person"].label_from_instance = lambda u: u.get_full_name() or u.email
