"""Browser tests: Playwright's sync API driving Debian's Chromium against pytest-django's live server.

One browser for the whole session, a fresh context (cookies, storage) per test. Users are logged in
by handing the browser a session cookie made with the test client, not through the login form.
"""

import os
from pathlib import Path

import pytest
from django.conf import settings
from django.test import Client

# Playwright's sync API runs an event loop in this thread; Django refuses ORM calls from a thread
# with a running loop unless told the calls are safe (they are: the loop is Playwright's, not ours).
os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"

CHROMIUM = Path("/usr/bin/chromium")
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


@pytest.fixture(scope="session")
def browser():
    if not (CHROMIUM.is_file() and os.access(CHROMIUM, os.X_OK)):
        # Fail, never skip: a skipped browser suite looks green while nothing was checked.
        pytest.fail(
            f"The browser tests need Debian's Chromium at {CHROMIUM}, and it is missing. "
            "Install it with `make chromium` (apt-get install chromium); "
            "do not use `playwright install`.",
            pytrace=False,
        )
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=str(CHROMIUM), args=CHROMIUM_ARGS, headless=True
        )
        yield browser
        browser.close()


@pytest.fixture
def new_context(browser, live_server):
    """Make browser contexts for this test (several when a test compares two visitors)."""
    contexts = []

    def make(user=None, **options):
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


@pytest.fixture
def page(new_context):
    """A page in a fresh context of an anonymous visitor."""
    return new_context().new_page()


def log_in(context, user, url):
    """Give the browser a logged-in session for `user` (the test client writes the session)."""
    client = Client()
    client.force_login(user)
    cookie = client.cookies[settings.SESSION_COOKIE_NAME]
    context.add_cookies([{"name": cookie.key, "value": cookie.value, "url": url}])
