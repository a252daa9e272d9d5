"""A visitor who is not logged in never sees an unpublished activity or a person's contact details."""

from datetime import timedelta

import pytest
from django.urls import reverse

from samverkan.accounts.roles import Role
from tests.factories import EngagementFactory

SECRET_TITLE = "Hemlig planering av tandvårdsstöd"


@pytest.fixture
def unpublished(world, agency, organisation):
    """An unpublished activity that touches everything an anonymous visitor can open."""
    return EngagementFactory(
        title=SECRET_TITLE,
        hosts=[agency],
        invited=[organisation],
        forum=world["forum"],
        is_published=False,
        starts_at=world["engagement"].starts_at + timedelta(hours=3),
    )


def public_pages(world, agency, organisation, unpublished) -> list[str]:
    engagements = reverse("engagements:engagement_list")
    calendar = reverse("engagements:calendar")
    return [
        reverse("home"),
        reverse("register:organisation_list"),
        reverse("register:organisation_list") + "?q=tandv%C3%A5rdsst%C3%B6d",
        reverse("register:organisation_detail", args=[organisation.slug]),
        reverse("register:organisation_detail", args=[agency.slug]),
        reverse("register:host_list"),
        reverse("engagements:forum_list"),
        reverse("engagements:forum_detail", args=[world["forum"].slug]),
        engagements,
        engagements + "?q=tandv%C3%A5rdsst%C3%B6d",
        engagements + f"?host={agency.slug}&organisation={organisation.slug}",
        reverse("engagements:engagement_detail", args=[world["engagement"].pk]),
        calendar,
        calendar + "?view=list",
        reverse("glossary"),
    ]


@pytest.mark.browser
def test_it_hides_unpublished_activities_and_people_from_anonymous_visitors(
    new_context, world, agency, organisation, unpublished
):
    person = world["person"]
    page = new_context().new_page()
    for path in public_pages(world, agency, organisation, unpublished):
        for url in (path, "/en" + path):
            response = page.goto(url)
            assert response.ok, url
            html = page.content()
            assert SECRET_TITLE not in html, url
            assert person.email not in html, url
            assert f"{person.first_name} {person.last_name}" not in html, url

    response = page.goto(reverse("engagements:engagement_detail", args=[unpublished.pk]))
    assert response.status == 404
    assert SECRET_TITLE not in page.content()

    for feed in (reverse("engagements:calendar_ics"), "/aktiviteter/export.csv"):
        response = page.request.get(feed)
        assert response.ok, feed
        assert SECRET_TITLE not in response.text(), feed


@pytest.mark.browser
def test_agency_staff_see_what_anonymous_visitors_do_not(
    new_context, world, agency, organisation, unpublished, users
):
    """The other side of the test above: the data is there, for those allowed to see it."""
    page = new_context(users[Role.AGENCY_STAFF]).new_page()
    page.goto(reverse("engagements:engagement_list"))
    assert SECRET_TITLE in page.content()
    page.goto(reverse("register:organisation_detail", args=[organisation.slug]))
    assert world["person"].email in page.content()
