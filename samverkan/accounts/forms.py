from django import forms

from samverkan.core.widgets import DescribedRadioSelect

from .models import User


class PreferencesForm(forms.ModelForm):
    class Meta:
        model = User
        fields = ["first_name", "last_name", "notification_delivery"]
        widgets = {"notification_delivery": DescribedRadioSelect}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name, autocomplete in (("first_name", "given-name"), ("last_name", "family-name")):
            self.fields[name].widget.attrs.update(
                {"class": "ds-input", "autocomplete": autocomplete}
            )
