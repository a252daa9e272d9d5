"""The filters' option lists are kept between requests and forgotten when a record changes."""

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import translation

from samverkan.core.choices import options_key
from samverkan.register.forms import OrganisationFilterForm
from samverkan.register.models import Organisation, TargetGroup
from tests.factories import OrganisationFactory, TargetGroupFactory

pytestmark = pytest.mark.django_db


def rendered(data=None) -> str:
    form = OrganisationFilterForm(data or {})
    form.is_valid()  # as the view does; checking a chosen agency is a query of its own
    return str(form["consulted_by"]) + str(form["target_group"])


def test_options_are_read_once_and_marked_selected_per_request():
    agency = OrganisationFactory(name="Socialstyrelsen", kind="agency")
    OrganisationFactory(name="Region Skåne", kind="region")
    group = TargetGroupFactory(name="Äldre")
    assert rendered().count('<option value="" selected>') == 2
    form = OrganisationFilterForm({"consulted_by": agency.slug, "target_group": str(group.pk)})
    assert form.is_valid()
    with CaptureQueriesContext(connection) as queries:
        again = str(form["consulted_by"]) + str(form["target_group"])
    assert len(queries) == 0
    assert f'<option value="{agency.slug}" selected>Socialstyrelsen</option>' in again
    assert f'<option value="{group.pk}" selected>Äldre</option>' in again
    assert again.count(" selected") == 2  # the empty choices are no longer selected


def test_a_saved_or_deleted_record_shows_at_once():
    agency = OrganisationFactory(name="Socialstyrelsen", kind="agency")
    rendered()
    OrganisationFactory(name="Tandvårds- och läkemedelsförmånsverket", kind="agency")
    group = TargetGroupFactory(name="Barn")
    page = rendered()
    assert "Tandvårds- och läkemedelsförmånsverket" in page and ">Barn<" in page
    agency.name = "Socialstyrelsen (nytt namn)"
    agency.save()
    assert "Socialstyrelsen (nytt namn)" in rendered()
    Organisation.objects.get(pk=agency.pk).delete()
    TargetGroup.objects.get(pk=group.pk).delete()
    page = rendered()
    assert "Socialstyrelsen" not in page and ">Barn<" not in page


def test_each_language_has_its_own_list():
    TargetGroupFactory(name="Äldre", name_en="Older people")
    with translation.override("sv"):
        assert ">Äldre<" in rendered()
    with translation.override("en"):
        assert ">Older people<" in rendered()


def test_a_list_kept_before_the_change_is_committed_is_forgotten_at_commit(
    django_capture_on_commit_callbacks,
):
    with django_capture_on_commit_callbacks(execute=True):
        OrganisationFactory(name="Ny myndighet", kind="agency")
        # Another request, not seeing the change yet, keeps the old list meanwhile.
        cache.set(options_key("hosts"), "<option>the old list</option>")
    assert cache.get(options_key("hosts")) is None
