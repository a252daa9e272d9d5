from html import escape as escape_text

from django import forms
from django.core.cache import cache
from django.forms.utils import flatatt
from django.utils.safestring import mark_safe

from .choices import OPTIONS_TIMEOUT, options_key


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


class FastInputMixin:
    """Renders an <input> in Python, with the markup of Django's input template: that template
    and its attributes include cost more than the rest of a filter form's field."""

    def render(self, name, value, attrs=None, renderer=None):
        widget = self.get_context(name, value, attrs)["widget"]
        value = "" if widget["value"] is None else f' value="{escape_text(str(widget["value"]))}"'
        return mark_safe(  # noqa: S308 - every value is escaped, flatatt escapes the attributes
            f'<input type="{escape_text(widget["type"])}" name="{escape_text(name)}"'
            f"{value}{flatatt(widget['attrs'])}>"
        )


class TextInput(FastInputMixin, forms.TextInput):
    pass


class EmailInput(FastInputMixin, forms.EmailInput):
    pass


class URLInput(FastInputMixin, forms.URLInput):
    pass


class NumberInput(FastInputMixin, forms.NumberInput):
    pass


class DateInput(FastInputMixin, forms.DateInput):
    input_type = "date"

    def __init__(self, attrs=None):
        super().__init__(attrs=attrs, format="%Y-%m-%d")


class TimeInput(FastInputMixin, forms.TimeInput):
    input_type = "time"

    def __init__(self, attrs=None):
        super().__init__(attrs=attrs, format="%H:%M")


class DateTimeInput(FastInputMixin, forms.DateTimeInput):
    input_type = "datetime-local"

    def __init__(self, attrs=None):
        super().__init__(attrs=attrs, format="%Y-%m-%dT%H:%M")


class FastOptionsMixin:
    """Renders a select's options in Python rather than one template per option.

    Django renders every <option> through its own template, about 0.1 ms each: a filter with the
    400 hosts took longer than the rest of the page. The markup is the same as Django's.

    With `options_cache` set to a name from `core.choices`, the options after the first (the
    empty choice, whose words differ between forms) are written once and kept between requests.
    """

    options_cache: str | None = None

    def render(self, name, value, attrs=None, renderer=None):
        attrs = self.build_attrs(self.attrs, attrs)
        if self.allow_multiple_selected:
            attrs["multiple"] = True
        chosen = {str(v) for v in self.format_value(value)}
        choices = iter(self.choices)
        html = [f'<select name="{escape_text(name)}"{flatatt(attrs)}>']
        if self.options_cache:
            html.append(self._options([next(choices)]))  # the empty choice
            key = options_key(self.options_cache)
            rest = cache.get(key)
            if rest is None:  # only now does a model choice iterator run its query
                rest = self._options(choices)
                cache.set(key, rest, OPTIONS_TIMEOUT)
            html.append(rest)
        else:
            html.append(self._options(choices))
        html.append("</select>")
        html = "".join(html)
        for value in chosen:  # option values are unique within a select
            option = f'<option value="{escape_text(value)}">'
            html = html.replace(option, f'<option value="{escape_text(value)}" selected>', 1)
        return mark_safe(html)  # noqa: S308 - every value above is escaped

    @staticmethod
    def _options(choices) -> str:
        # The standard library's escape, as Django's does, without its lazy-string wrapping.
        html = []
        for value, label in choices:
            if isinstance(label, (list, tuple)):  # an optgroup: (group name, its choices)
                html.append(f'<optgroup label="{escape_text(str(value))}">')
                html.append(FastOptionsMixin._options(label))
                html.append("</optgroup>")
            else:
                value = "" if value is None else str(value)
                html.append(
                    f'<option value="{escape_text(value)}">{escape_text(str(label))}</option>'
                )
        return "".join(html)


class Select(FastOptionsMixin, forms.Select):
    def __init__(self, attrs=None, choices=(), *, options_cache=None):
        super().__init__(attrs, choices)
        self.options_cache = options_cache


class SelectMultiple(FastOptionsMixin, forms.SelectMultiple):
    pass


FAST = {
    forms.Select: Select,
    forms.SelectMultiple: SelectMultiple,
    forms.TextInput: TextInput,
    forms.EmailInput: EmailInput,
    forms.URLInput: URLInput,
    forms.NumberInput: NumberInput,
}


def use_fast_widgets(form) -> None:
    """Give the form's plain selects and inputs the fast renderers (called by the project's
    form bases)."""
    for field in form.fields.values():
        fast = FAST.get(type(field.widget))
        if fast:
            field.widget.__class__ = fast
