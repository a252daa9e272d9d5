"""Every page renders for every role, in Swedish and English."""

import pytest
from django.urls import reverse
from django.utils import translation

from samverkan.accounts.roles import Role

from .factories import EngagementFactory, ForumFactory


@pytest.fixture
def world(agency, organisation, users):
    forum = ForumFactory(name="Brukarrådet", hosts=[agency], members=[organisation])
    engagement = EngagementFactory(
        title="Samråd om läkemedel", hosts=[agency], invited=[organisation]
    )
    return {"forum": forum, "engagement": engagement}


def page_urls(world, agency, organisation):
    return [
        reverse("home"),
        reverse("glossary"),
        reverse("register:organisation_list"),
        reverse("register:host_list"),
        reverse("register:organisation_detail", args=[organisation.slug]),
        reverse("register:organisation_detail", args=[agency.slug]),
        reverse("engagements:forum_list"),
        reverse("engagements:forum_detail", args=[world["forum"].slug]),
        reverse("engagements:engagement_list"),
        reverse("engagements:engagement_detail", args=[world["engagement"].pk]),
        reverse("engagements:calendar"),
        reverse("engagements:calendar") + "?view=list",
    ]


@pytest.mark.parametrize("role", list(Role))
@pytest.mark.parametrize("lang", ["sv", "en"])
def test_it_renders_every_page(client_for, world, agency, organisation, role, lang):
    client = client_for(role)
    with translation.override("sv"):
        urls = page_urls(world, agency, organisation)
    for url in urls:
        if lang == "en":
            url = "/en" + url
        response = client.get(url)
        assert response.status_code == 200, url
        assert f'<html lang="{lang}"' in response.content.decode(), url
