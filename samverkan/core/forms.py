from django import forms

from .widgets import DescribedChoiceMixin, use_fast_widgets


class StyledFormMixin:
    """Give every input Designsystemet's class.

    Django itself ties help and error texts to the input (aria-describedby with
    `<id>_helptext` and `<id>_error`) and sets aria-invalid; the field template
    uses the same ids.
    """

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        use_fast_widgets(self)
        for field in self.fields.values():
            widget = field.widget
            if isinstance(
                widget, (forms.CheckboxSelectMultiple, forms.RadioSelect, DescribedChoiceMixin)
            ):
                continue
            widget.attrs.setdefault("class", "ds-input")
