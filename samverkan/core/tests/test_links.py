import pytest
from django.urls import reverse
from django.utils import translation

from samverkan.core.links import link_maker


@pytest.mark.parametrize(
    ("viewname", "values"),
    [
        ("engagements:engagement_detail", [1, 42, 918273645]),
        ("register:organisation_detail", ["rfsl", "svenska-demensforeningen", "a_b-1"]),
    ],
)
@pytest.mark.parametrize("language", ["sv", "en"])
def test_links_are_what_reverse_gives(viewname, values, language):
    with translation.override(language):
        link = link_maker(viewname)
        assert [link(v) for v in values] == [reverse(viewname, args=[v]) for v in values]
