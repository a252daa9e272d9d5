from django import forms


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
