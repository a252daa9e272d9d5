"""Every page renders for every role, in Swedish and English."""

import pytest
from django.urls import reverse, translate_url
from django.utils import translation
from django.utils.html import escape

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


# What each role finds in the main menu beyond what everyone finds.
MENU = {
    Role.ANONYMOUS: set(),
    Role.NETWORK_ADMIN: {"Nätverksrapport", "Behovsanalys"},
    Role.AGENCY_COORDINATOR: {"Nätverksrapport", "Behovsanalys", "Vår kalender", "Dina uppgifter"},
    Role.AGENCY_STAFF: {"Nätverksrapport", "Behovsanalys", "Vår kalender", "Dina uppgifter"},
    Role.ORGANISATION_ADMIN: {"Vår kalender", "Vårt underlag"},
    Role.REPRESENTATIVE: {"Vår kalender", "Vårt underlag"},
}


def test_the_cached_menu_is_each_roles_own(client_for, users):
    # Every role in turn and back again: the menu kept for one is never shown to another.
    for role in [*MENU, *reversed(MENU)]:
        page = client_for(role).get("/ordlista/").content.decode()
        menu = page.split('<ul class="site-nav">')[1].split("</ul>")[0]
        shown = {item for item in set().union(*MENU.values()) if f">{item}</a>" in menu}
        assert shown == MENU[role], role
        assert ">Organisationer</a>" in menu
    english = client_for(Role.ANONYMOUS).get("/en/ordlista/").content.decode()
    assert ">Organisations</a>" in english.split('<ul class="site-nav">')[1]


@pytest.mark.parametrize(
    "path",
    [
        "/",
        "/organisationer/?q=f%C3%B6rening&kind=user&page=2",
        "/en/kalender/?month=2025-05",
        "/en/organisationer/{slug}/",
        "/organisationer/{slug}/myndigheter/?page=1",
        "/organisationer/finns-inte/",  # a 404: no pattern matched its path
    ],
)
def test_the_language_link_is_this_page_in_the_other_language(client, organisation, path):
    path = path.format(slug=organisation.slug)
    response = client.get(path)
    other = "sv" if path.startswith("/en/") else "en"
    link = f'href="{escape(translate_url(path, other))}" lang="{other}"'
    assert link in response.content.decode()
