from django import forms
from django.core.exceptions import ValidationError
from django.db.models import Q
from django.forms.models import ModelChoiceIterator
from django.utils.translation import gettext_lazy as _

from samverkan.core.filters import FilterForm
from samverkan.core.forms import StyledFormMixin
from samverkan.core.widgets import CheckboxList, Select

from .models import Organisation, OrganisationKind, TargetGroup, Topic


class OrganisationNameField(forms.CharField):
    """An organisation typed by its name (or the name in its address): a list of every one of
    the register's thousands of organisations would be too long to scroll, and to send."""

    def __init__(self, *, queryset, **kwargs):
        kwargs.setdefault("max_length", 200)
        super().__init__(**kwargs)
        self.queryset = queryset

    def clean(self, value):
        value = super().clean(value)
        if not value:
            return None
        found = self.queryset.filter(Q(slug=value) | Q(name__iexact=value)).first()
        if found is None:
            raise ValidationError(
                _(
                    "There is no organisation called “%(name)s” in the register. Check the spelling."
                ),
                code="unknown",
                params={"name": value},
            )
        return found


class NameChoiceIterator(ModelChoiceIterator):
    """Choices read as (key, name) pairs: no model instance per option."""

    def __iter__(self):
        if self.field.empty_label is not None:
            yield ("", self.field.empty_label)
        key = self.field.to_field_name or "pk"
        yield from self.queryset.values_list(key, "name")


class HostChoiceField(forms.ModelChoiceField):
    """A choice of one of the (hundreds of) hosts by slug: options are read as plain pairs and
    kept between requests (core.choices)."""

    iterator = NameChoiceIterator

    def __init__(self, **kwargs):
        kwargs.setdefault("queryset", Organisation.objects.hosts())
        kwargs.setdefault("to_field_name", "slug")
        kwargs.setdefault("widget", Select(options_cache="hosts"))
        super().__init__(**kwargs)


class TermFilterForm(FilterForm):
    """Filters by target group and topic, shared by the register's and the calendar's lists."""

    target_group = forms.ModelChoiceField(
        label=_("Target group"),
        queryset=TargetGroup.objects.all(),
        empty_label=_("All target groups"),
        widget=Select(options_cache="target-groups"),
    )
    topic = forms.ModelChoiceField(
        label=_("Topic"),
        queryset=Topic.objects.all(),
        empty_label=_("All topics"),
        widget=Select(options_cache="topics"),
    )


class OrganisationFilterForm(TermFilterForm):
    field_order = ["q", "kind", "target_group", "topic", "consulted_by"]

    kind = forms.ChoiceField(
        label=_("Kind"), choices=[("", _("All kinds"))] + OrganisationKind.choices
    )
    consulted_by = HostChoiceField(label=_("Consulted by"), empty_label=_("Any agency"))


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
