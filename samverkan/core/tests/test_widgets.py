"""The fast widgets write the same markup as Django's own templates, escaped the same way."""

from html.parser import HTMLParser

import pytest
from django import forms

from samverkan.core import widgets

TRICKY = 'a "quoted" <b>&amp; value'


class Markup(HTMLParser):
    def __init__(self):
        super().__init__()
        self.parts = []

    def handle_starttag(self, tag, attrs):
        self.parts.append((tag, sorted(attrs)))  # attribute order means nothing in HTML

    def handle_endtag(self, tag):
        self.parts.append(f"/{tag}")

    def handle_data(self, data):
        if data.strip():  # Django's select template indents its options
            self.parts.append(data)


def same_markup(html: str) -> list:
    """The elements, their attributes and their text, as a browser reads them."""
    parser = Markup()
    parser.feed(str(html))
    return parser.parts


@pytest.mark.parametrize(
    ("django_widget", "fast_widget", "value"),
    [
        (forms.TextInput(), widgets.TextInput(), TRICKY),
        (forms.TextInput(), widgets.TextInput(), None),
        (forms.EmailInput(), widgets.EmailInput(), "a@b.se"),
        (forms.URLInput(), widgets.URLInput(), "https://example.se/?a=1&b=2"),
        (forms.NumberInput(), widgets.NumberInput(), 3),
        (
            forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
            widgets.DateInput(),
            "2026-12-07",
        ),
        (
            forms.TimeInput(attrs={"type": "time"}, format="%H:%M"),
            widgets.TimeInput(),
            "09:30",
        ),
    ],
)
def test_inputs_match_djangos(django_widget, fast_widget, value):
    attrs = {"id": "id_f", "class": "ds-input", "required": True, "aria-describedby": TRICKY}
    html = fast_widget.render("f", value, attrs)
    assert same_markup(html) == same_markup(django_widget.render("f", value, attrs))
    assert "<b>" not in html


CHOICES = [
    ("", "All"),
    ("1", TRICKY),
    ("2", "Två"),
    ("Group", [("3", "Tre"), ("4", "Fyra")]),
]


@pytest.mark.parametrize(
    ("django_widget", "fast_widget", "value"),
    [
        (forms.Select(choices=CHOICES), widgets.Select(choices=CHOICES), "2"),
        (forms.Select(choices=CHOICES), widgets.Select(choices=CHOICES), None),
        (
            forms.SelectMultiple(choices=CHOICES),
            widgets.SelectMultiple(choices=CHOICES),
            ["1", "4"],
        ),
    ],
)
def test_selects_match_djangos(django_widget, fast_widget, value):
    attrs = {"id": "id_f", "class": "ds-input"}
    expected = same_markup(django_widget.render("f", value, attrs))
    assert same_markup(fast_widget.render("f", value, attrs)) == expected
