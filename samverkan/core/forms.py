from django import forms

from .widgets import DescribedChoiceMixin


class StyledFormMixin:
    """Give every widget Designsystemet's classes and tie help and error texts to it."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name, field in self.fields.items():
            widget = field.widget
            if isinstance(widget, (forms.CheckboxSelectMultiple, forms.RadioSelect, DescribedChoiceMixin)):
                continue
            css = "ds-input"
            if isinstance(widget, forms.MultiWidget):
                for sub in widget.widgets:
                    sub.attrs.setdefault("class", css)
                continue
            widget.attrs.setdefault("class", css)
            describedby = []
            if field.help_text:
                describedby.append(f"id_{name}_help")
            if self.is_bound and name in self.errors:
                describedby.append(f"id_{name}_error")
                widget.attrs["aria-invalid"] = "true"
            if describedby:
                widget.attrs["aria-describedby"] = " ".join(describedby)
