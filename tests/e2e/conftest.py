"""Browser tests: Playwright's sync API driving Debian's Chromium against pytest-django's live server.

One browser for the whole session, a fresh context (cookies, storage) per test. Users are logged in
by handing the browser a session cookie made with the test client, not through the login form.
"""

import os
from datetime import timedelta
from pathlib import Path

import pytest
from django.conf import settings
from django.test import Client
from django.utils import timezone

from samverkan.accounts.roles import Role
from samverkan.core.audit import log_change
from samverkan.engagements.models import Level, Participation, Seat, SeatKind, Step
from tests.factories import (
    AffiliationFactory,
    EngagementFactory,
    ForumFactory,
    OrganisationFactory,
    PersonFactory,
    TargetGroupFactory,
    TopicFactory,
)

# Playwright's sync API runs an event loop in this thread; Django refuses ORM calls from a thread
# with a running loop unless told the calls are safe (they are: the loop is Playwright's, not ours).
os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"

# Debian's Chromium (`make chromium`); CHROMIUM may name another build of it.
CHROMIUM = Path(os.environ.get("CHROMIUM", "/usr/bin/chromium"))
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
TIMEOUT_MS = 10_000
# Debian's Chromium ships only the en-US locale pack, so date and time inputs show
# month/day/year and a 12-hour clock whatever the page's locale. Pin the UI language so
# the order of their segments is the same on every machine (see type_datetime in helpers).
CHROMIUM_ENV = {"LANGUAGE": "en_US"}


MISSING_CHROMIUM = (
    f"The browser tests need Debian's Chromium at {CHROMIUM}, and it is missing. "
    "Install it with `make chromium` (apt-get install chromium); do not use `playwright install`."
)


@pytest.fixture(scope="session")
def browser():
    """One Chromium for the session, or None when there is none (each test then fails)."""
    if not (CHROMIUM.is_file() and os.access(CHROMIUM, os.X_OK)):
        yield None
        return
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=str(CHROMIUM),
            args=CHROMIUM_ARGS,
            headless=True,
            env={**os.environ, **CHROMIUM_ENV},
        )
        yield browser
        browser.close()


@pytest.fixture
def new_context(browser, live_server):
    """Make browser contexts for this test: anonymous, or logged in as `user`."""
    contexts = []

    def make(user=None, **options):
        if browser is None:
            # Fail, never skip: a skipped browser suite looks green while nothing was checked.
            pytest.fail(MISSING_CHROMIUM, pytrace=False)
        options.setdefault("locale", "sv-SE")
        options.setdefault("timezone_id", settings.TIME_ZONE)
        context = browser.new_context(base_url=live_server.url, **options)
        context.set_default_timeout(TIMEOUT_MS)
        if user is not None:
            log_in(context, user, live_server.url)
        contexts.append(context)
        return context

    yield make
    for context in contexts:
        context.close()


def log_in(context, user, url):
    """Give the browser a logged-in session for `user` (the test client writes the session)."""
    client = Client()
    client.force_login(user)
    cookie = client.cookies[settings.SESSION_COOKIE_NAME]
    context.add_cookies([{"name": cookie.key, "value": cookie.value, "url": url}])


@pytest.fixture
def world(agency, organisation, users):
    """A small register with one of everything a page can show."""
    staff = users[Role.AGENCY_STAFF]
    target_group = TargetGroupFactory(name="Äldre", name_en="Older people")
    topic = TopicFactory(name="Läkemedel", name_en="Pharmaceuticals")
    organisation.short_name = "RT"
    organisation.description = "Ett förbund för personer med testsjukdom."
    organisation.municipality = "Stockholm"
    organisation.website = "https://riksforbundet.example"
    organisation.save()
    organisation.target_groups.add(target_group)
    organisation.topics.add(topic)
    umbrella = OrganisationFactory(name="Paraplyförbundet")
    umbrella.member_organisations.add(organisation)
    person = PersonFactory(first_name="Alva", last_name="Berg", email="alva.berg@example.se")
    AffiliationFactory(person=person, organisation=organisation, role="Ordförande")

    forum = ForumFactory(
        name="Brukarrådet",
        hosts=[agency],
        members=[organisation],
        description="Rådet träffas för att ge synpunkter.",
        meeting_cadence="Två gånger per år",
        governing_document="Arbetsordning antagen 2024.",
    )
    forum.target_groups.add(target_group)
    Seat.objects.create(forum=forum, kind=SeatKind.PERSONAL, person=person)

    # In this month, so that the calendar's month view has something in it.
    starts = timezone.localtime().replace(day=15, hour=10, minute=0, second=0, microsecond=0)
    engagement = EngagementFactory(
        title="Samråd om läkemedel",
        description="Vi vill höra hur äldre använder läkemedel.",
        hosts=[agency],
        invited=[organisation],
        forum=forum,
        level=Level.DIALOGUE,
        steps=[Step.AGENDA, Step.DRAFTING],
        starts_at=starts,
        ends_at=starts + timedelta(hours=2),
        location="Stockholm",
        outcome="Synpunkterna togs med i rapporten.",
        feedback="Återkoppling skickades per brev.",
        feedback_given_on=starts.date(),
    )
    engagement.target_groups.add(target_group)
    engagement.topics.add(topic)
    Participation.objects.create(engagement=engagement, organisation=organisation, person=person)
    upcoming = EngagementFactory(
        title="Workshop om tillgänglighet", hosts=[agency], invited=[organisation]
    )
    # A busy day: the month view shows a few and links to the rest.
    for hour in range(11, 17):
        EngagementFactory(
            title=f"Intervju {hour}", hosts=[agency], starts_at=starts.replace(hour=hour)
        )
    # Enough organisations for the list to have more than one page.
    OrganisationFactory.create_batch(30)
    log_change(actor=staff, instance=engagement, action="engagements.engagement.created")
    log_change(
        actor=users[Role.ORGANISATION_ADMIN],
        instance=organisation,
        action="register.organisation.changed",
    )
    return {
        "forum": forum,
        "engagement": engagement,
        "upcoming": upcoming,
        "person": person,
        "umbrella": umbrella,
        "target_group": target_group,
        "topic": topic,
    }
