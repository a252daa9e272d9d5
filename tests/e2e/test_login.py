"""The real login form: email and password."""

import pytest
from django.urls import reverse

from samverkan.accounts.roles import Role

from .helpers import axe_report


@pytest.mark.browser
def test_it_logs_in_with_email_and_password(new_context, users):
    page = new_context().new_page()
    user = users[Role.AGENCY_STAFF]
    page.goto(reverse("account_login"))
    form = page.locator(f"form[action='{reverse('account_login')}']")
    form.locator("input[name=login]").fill(user.email)
    form.locator("input[name=password]").fill("test-password-123")
    with page.expect_navigation():
        form.locator("button[type=submit]").click()

    assert page.url.endswith(reverse("home"))
    header = page.locator("header").inner_text()
    assert user.email in header
    assert page.locator("form[action$='/logout/'] button[type=submit]").is_visible()


@pytest.mark.browser
def test_it_refuses_a_wrong_password(new_context, users):
    page = new_context().new_page()
    user = users[Role.AGENCY_STAFF]
    page.goto(reverse("account_login"))
    form = page.locator(f"form[action='{reverse('account_login')}']")
    form.locator("input[name=login]").fill(user.email)
    form.locator("input[name=password]").fill("not-the-password")
    with page.expect_navigation():
        form.locator("button[type=submit]").click()

    assert page.url.endswith(reverse("account_login"))
    assert user.email not in page.locator("header").inner_text()
    assert (report := axe_report(page)) is None, report
