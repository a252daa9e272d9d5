"""An agency officer plans an activity with the keyboard alone: no mouse, no filling by script.

Every element passed on the way must show that it has focus (see helpers.tab_to).
"""

import re
from datetime import timedelta

import pytest
from django.utils import timezone

from samverkan.accounts.roles import Role
from samverkan.engagements.models import (
    Engagement,
    Knowledge,
    Level,
    Method,
    Representation,
    Step,
    Venue,
)

from .helpers import active_element, tab_to, tab_to_field, type_datetime


def choose_option(page, value: str, *, limit: int = 20) -> None:
    """In the focused <select>, press the down arrow until `value` is chosen."""
    for _ in range(limit):
        if active_element(page)["value"] == value:
            return
        page.keyboard.press("ArrowDown")
    raise AssertionError(f"Could not choose {value!r} with the arrow keys")


@pytest.mark.browser
def test_it_creates_an_activity_with_the_keyboard_alone(new_context, world, users, agency):
    page = new_context(users[Role.AGENCY_STAFF]).new_page()
    page.goto("/aktiviteter/")

    tab_to(page, lambda e: e["tag"] == "a" and e["href"] == "/aktiviteter/ny/")
    page.keyboard.press("Enter")
    page.wait_for_url("**/aktiviteter/ny/")

    # The skip link first, then straight into the form.
    page.keyboard.press("Tab")
    assert active_element(page)["href"] == "#main"
    page.keyboard.press("Enter")
    page.keyboard.press("Tab")
    assert active_element(page)["id"] == "id_title"
    page.keyboard.type("Dialog om hjälpmedel")

    tab_to_field(page, "id_description")
    page.keyboard.type("Vi vill veta vad som fungerar.")
    tab_to_field(page, "id_method")
    choose_option(page, Method.WORKSHOP)

    # Radio buttons: Tab enters the group, the arrow keys move and choose, Space chooses.
    level = tab_to(page, lambda e: e["name"] == "level")
    assert level["value"] == Level.INFORMATION and not level["checked"]
    page.keyboard.press("ArrowDown")
    page.keyboard.press("ArrowDown")
    level = active_element(page)
    assert level["value"] == Level.DIALOGUE and level["checked"]

    # Checkboxes: Tab to each, Space ticks it.
    tab_to_field(page, "id_steps_1")
    page.keyboard.press("Space")
    tab_to_field(page, "id_steps_2")
    page.keyboard.press("Space")

    tab_to(page, lambda e: e["name"] == "representation")
    page.keyboard.press("Space")
    tab_to(page, lambda e: e["name"] == "knowledge")
    page.keyboard.press("ArrowDown")

    starts = (timezone.localtime() + timedelta(days=30)).replace(
        hour=13, minute=30, second=0, microsecond=0
    )
    ends = starts + timedelta(hours=2)
    tab_to_field(page, "id_starts_at")
    type_datetime(page, starts)
    assert page.locator("#id_starts_at").input_value() == starts.strftime("%Y-%m-%dT%H:%M")
    tab_to_field(page, "id_ends_at")
    type_datetime(page, ends)
    assert page.locator("#id_ends_at").input_value() == ends.strftime("%Y-%m-%dT%H:%M")

    venue = tab_to(page, lambda e: e["name"] == "venue")
    assert venue["checked"], "Tab enters a radio group at the chosen option"
    page.keyboard.press("ArrowDown")
    tab_to_field(page, "id_location")
    page.keyboard.type("Teams")

    tab_to_field(page, "id_target_groups_0")
    page.keyboard.press("Space")
    tab_to_field(page, "id_is_published")
    page.keyboard.press("Space")

    tab_to(page, lambda e: e["tag"] == "button" and e["type"] == "submit")
    page.keyboard.press("Enter")
    # The skip link's #main rides along through the redirect.
    page.wait_for_url(re.compile(r"/aktiviteter/\d+/(#main)?$"))

    assert page.locator("h1").inner_text() == "Dialog om hjälpmedel"
    engagement = Engagement.objects.get(title="Dialog om hjälpmedel")
    assert engagement.level == Level.DIALOGUE
    assert engagement.steps == [Step.DRAFTING, Step.DECISION]
    assert engagement.method == Method.WORKSHOP
    assert engagement.representation == Representation.APPOINTED
    assert engagement.knowledge == Knowledge.PERSONAL
    assert engagement.starts_at == starts
    assert engagement.ends_at == ends
    assert engagement.venue == Venue.DIGITAL
    assert engagement.location == "Teams"
    assert engagement.is_published
    assert list(engagement.hosts.all()) == [agency]
    assert list(engagement.target_groups.all()) == [world["target_group"]]
