from django import forms
from django.utils.translation import gettext_lazy as _

from samverkan.core.filters import FilterForm
from samverkan.core.forms import StyledFormMixin
from samverkan.core.widgets import CheckboxList

from .models import Organisation, OrganisationKind, TargetGroup, Topic


class TermFilterForm(FilterForm):
    """Filters by target group and topic, shared by the register's and the calendar's lists."""

    target_group = forms.ModelChoiceField(
        label=_("Target group"),
        queryset=TargetGroup.objects.all(),
        empty_label=_("All target groups"),
    )
    topic = forms.ModelChoiceField(
        label=_("Topic"), queryset=Topic.objects.all(), empty_label=_("All topics")
    )


class OrganisationFilterForm(TermFilterForm):
    field_order = ["q", "kind", "target_group", "topic", "consulted_by"]

    kind = forms.ChoiceField(
        label=_("Kind"), choices=[("", _("All kinds"))] + OrganisationKind.choices
    )
    consulted_by = forms.ModelChoiceField(
        label=_("Consulted by"),
        queryset=Organisation.objects.hosts(),
        empty_label=_("Any agency"),
        to_field_name="slug",
    )


class OrganisationForm(StyledFormMixin, forms.ModelForm):
    website = forms.URLField(label=_("Website"), required=False, assume_scheme="https")

    class Meta:
        model = Organisation
        fields = [
            "name",
            "short_name",
            "kind",
            "description",
            "former_names",
            "website",
            "email",
            "phone",
            "municipality",
            "target_groups",
            "topics",
            "member_organisations",
            "max_engagements_per_quarter",
            "notice_weeks",
            "preferred_channel",
        ]
        widgets = {
            "target_groups": CheckboxList,
            "topics": CheckboxList,
            "description": forms.Textarea(attrs={"rows": 5}),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        members = self.fields["member_organisations"]
        members.queryset = Organisation.objects.civil_society().only("id", "name")
        if self.instance.pk:
            members.queryset = members.queryset.exclude(pk=self.instance.pk)
