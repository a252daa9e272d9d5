"""A planner sees a similar activity at another agency as they type, proposes to host it jointly,
and the other agency's coordinator accepts: both hosts then show. axe checks each page."""

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest

from samverkan.accounts.roles import Role
from samverkan.coordination.services import engagement_index
from samverkan.engagements.models import Engagement
from tests.factories import EngagementFactory, UserFactory

from .helpers import axe_report, type_datetime

STOCKHOLM = ZoneInfo("Europe/Stockholm")


@pytest.fixture
def elsewhere(other_agency, organisation):
    other = EngagementFactory(
        title="Dialogmöte om användning av läkemedel bland äldre",
        hosts=[other_agency],
        invited=[organisation],
        starts_at=datetime(2027, 3, 10, 10, tzinfo=STOCKHOLM),
    )
    engagement_index(engagement=other)
    return other


@pytest.mark.browser
@pytest.mark.parametrize("lang", ["sv", "en"])
def test_a_planner_finds_a_similar_activity_and_the_other_agency_joins(
    new_context, users, agency, other_agency, organisation, elsewhere, lang
):
    prefix = "/en" if lang == "en" else ""
    coordinator = UserFactory(role=Role.AGENCY_COORDINATOR, organisation=other_agency)
    problems = []

    page = new_context(users[Role.AGENCY_STAFF]).new_page()
    page.goto(prefix + "/aktiviteter/ny/")
    page.locator("#id_title").press_sequentially("Samråd om läkemedelsanvändning hos äldre")
    panel = page.locator("#before-you-invite")
    panel.get_by_text(elsewhere.title).wait_for()
    why = "gemensamma ord" if lang == "sv" else "shared words"
    assert why in panel.inner_text() and "läkemedel" in panel.inner_text()
    problems.append(axe_report(page))

    # Save it: the fields a planner must fill in.
    page.locator("#id_level_1").check()
    page.locator("#id_representation_0").check()
    page.locator("#id_knowledge_0").check()
    page.locator("#id_method").select_option("consultation")
    page.locator("#id_starts_at").focus()
    type_datetime(page, datetime(2027, 3, 11, 13, 0))
    page.locator("#id_invited").select_option(str(organisation.pk))
    page.locator("#engagement-form button[type=submit]").click()
    page.wait_for_url("**/aktiviteter/*/")
    mine = Engagement.objects.get(title="Samråd om läkemedelsanvändning hos äldre")
    problems.append(axe_report(page))

    # From the similar hit on the saved activity's page: propose a joint activity.
    hit = page.locator("#before-you-invite li", has_text=elsewhere.title)
    hit.get_by_role("button").click()
    page.wait_for_url(f"**/aktiviteter/{mine.pk}/")
    assert mine.co_host_proposals.get().host == other_agency

    # The other agency's coordinator accepts under their tasks.
    other = new_context(coordinator).new_page()
    other.goto(prefix + "/uppgifter/")
    problems.append(axe_report(other))
    card = other.locator("article", has_text=mine.title)
    card.locator("input[value=accept]").check()
    card.get_by_role("button").click()
    other.wait_for_url(f"**/aktiviteter/{mine.pk}/")
    hosts = other.locator("dl.facts").first.inner_text()
    assert agency.name in hosts and other_agency.name in hosts
    problems.append(axe_report(other))

    problems = [p for p in problems if p]
    assert not problems, "\n\n".join(problems)
