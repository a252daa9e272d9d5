from html import escape as escape_text

from django import forms
from django.forms.utils import flatatt
from django.utils.html import escape
from django.utils.safestring import mark_safe


class DescribedChoiceMixin:
    """Radio buttons or checkboxes where each option carries a short explanation.

    The explanation is shown under the option and tied to it with aria-describedby,
    so screen-reader users hear it when they reach the option.
    """

    option_template_name = "widgets/described_option.html"

    def __init__(self, *args, descriptions=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.descriptions = descriptions or {}

    def create_option(self, name, value, label, selected, index, subindex=None, attrs=None):
        option = super().create_option(name, value, label, selected, index, subindex, attrs)
        description = self.descriptions.get(str(value))
        if description:
            help_id = f"{option['attrs'].get('id', name)}_help"
            option["attrs"]["aria-describedby"] = help_id
            option["description"] = description
            option["description_id"] = help_id
        return option


class DescribedRadioSelect(DescribedChoiceMixin, forms.RadioSelect):
    template_name = "widgets/choice_list.html"


class DescribedCheckboxSelectMultiple(DescribedChoiceMixin, forms.CheckboxSelectMultiple):
    template_name = "widgets/choice_list.html"


class CheckboxList(forms.CheckboxSelectMultiple):
    template_name = "widgets/choice_list.html"
    option_template_name = "widgets/described_option.html"


class DateInput(forms.DateInput):
    input_type = "date"

    def __init__(self, attrs=None):
        super().__init__(attrs=attrs, format="%Y-%m-%d")


class TimeInput(forms.TimeInput):
    input_type = "time"

    def __init__(self, attrs=None):
        super().__init__(attrs=attrs, format="%H:%M")


class DateTimeInput(forms.DateTimeInput):
    input_type = "datetime-local"

    def __init__(self, attrs=None):
        super().__init__(attrs=attrs, format="%Y-%m-%dT%H:%M")


class FastOptionsMixin:
    """Renders a select's options in Python rather than one template per option.

    Django renders every <option> through its own template, about 0.1 ms each: a filter with the
    400 hosts took longer than the rest of the page. The markup is the same as Django's.
    """

    def render(self, name, value, attrs=None, renderer=None):
        attrs = self.build_attrs(self.attrs, attrs)
        if self.allow_multiple_selected:
            attrs["multiple"] = True
        chosen = {str(v) for v in self.format_value(value)}
        html = [f'<select name="{escape(name)}"{flatatt(attrs)}>']
        for option_value, label in self.choices:
            if isinstance(label, (list, tuple)):  # an optgroup: (group name, its choices)
                html.append(f'<optgroup label="{escape(option_value)}">')
                html.extend(self._option(v, lab, chosen) for v, lab in label)
                html.append("</optgroup>")
            else:
                html.append(self._option(option_value, label, chosen))
        html.append("</select>")
        return mark_safe("".join(html))  # noqa: S308 - every value above is escaped

    @staticmethod
    def _option(value, label, chosen) -> str:
        # The standard library's escape, as Django's does, without its lazy-string wrapping.
        value = "" if value is None else str(value)
        selected = " selected" if value in chosen else ""
        return f'<option value="{escape_text(value)}"{selected}>{escape_text(str(label))}</option>'


class Select(FastOptionsMixin, forms.Select):
    pass


class SelectMultiple(FastOptionsMixin, forms.SelectMultiple):
    pass


FAST = {forms.Select: Select, forms.SelectMultiple: SelectMultiple}


def use_fast_selects(form) -> None:
    """Give the form's plain selects the fast renderer (called by the project's form bases)."""
    for field in form.fields.values():
        fast = FAST.get(type(field.widget))
        if fast:
            field.widget.__class__ = fast
