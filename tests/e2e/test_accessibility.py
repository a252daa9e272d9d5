"""Every page, as every kind of visitor, in both languages, passes axe-core with no violations.

One test per visitor and language, walking all its pages: starting a browser page per URL would
cost more than the checks.
"""

import pytest
from django.urls import reverse
from django.utils import translation

from samverkan.accounts.roles import Role

from .helpers import axe_report

ROLES = [Role.ANONYMOUS, Role.AGENCY_STAFF, Role.ORGANISATION_ADMIN]


def pages_for(role, world, agency, organisation) -> list[tuple[str, int]]:
    """(path, expected status) to check for `role`, in Swedish; the English ones get /en in front."""
    engagement = world["engagement"]
    with translation.override("sv"):
        organisations = reverse("register:organisation_list")
        calendar = reverse("engagements:calendar")
        pages = [
            reverse("home"),
            reverse("glossary"),
            organisations + "?q=riksf%C3%B6rbundet&kind=patient",
            organisations + "?page=2",
            reverse("register:host_list"),
            reverse("register:organisation_detail", args=[organisation.slug]),
            reverse("register:organisation_hosts", args=[organisation.slug]),
            reverse("register:organisation_detail", args=[agency.slug]),
            reverse("engagements:forum_list"),
            reverse("engagements:forum_detail", args=[world["forum"].slug]),
            reverse("engagements:engagement_list"),
            reverse("engagements:engagement_detail", args=[engagement.pk]),
            calendar,
            calendar + "?view=list",
            calendar + f"?view=list&organisation={organisation.slug}&host=nobody",
        ]
        if role == Role.ANONYMOUS:
            pages.append(reverse("account_login"))
        else:
            pages.append(reverse("accounts:preferences"))
        if role == Role.AGENCY_STAFF:
            pages.append(reverse("engagements:engagement_create"))
            pages.append(reverse("engagements:engagement_edit", args=[engagement.pk]))
            pages.append(reverse("engagements:forum_edit", args=[world["forum"].slug]))
            pages.append(reverse("engagements:tasks"))
            pages.append(reverse("coordination:report"))
        if role == Role.ORGANISATION_ADMIN:
            pages.append(reverse("register:organisation_edit", args=[organisation.slug]))
        checks = [(path, 200) for path in pages]
        checks.append(("/finns-inte/", 404))
        if role == Role.ORGANISATION_ADMIN:
            checks.append((reverse("engagements:engagement_create"), 403))
            checks.append((reverse("coordination:report"), 403))
    return checks


@pytest.mark.browser
@pytest.mark.parametrize("lang", ["sv", "en"])
@pytest.mark.parametrize("role", ROLES, ids=[role.value for role in ROLES])
def test_it_has_no_axe_violations_on_any_page(
    new_context, world, agency, organisation, users, role, lang
):
    page = new_context(users[role]).new_page()
    prefix = "/en" if lang == "en" else ""
    problems = []

    def check(what):
        lang_attribute = page.locator("html").get_attribute("lang")
        if lang_attribute != lang:
            problems.append(f"{what}: <html lang={lang_attribute!r}>, expected {lang!r}")
        if report := axe_report(page):
            problems.append(f"{what}:\n{report}")

    for path, status in pages_for(role, world, agency, organisation):
        response = page.goto(prefix + path)
        assert response.status == status, f"{prefix + path}: {response.status}, expected {status}"
        check(prefix + path)

    if role == Role.AGENCY_STAFF:
        # The form as it comes back with errors: the summary, invalid fields, their messages.
        page.goto(prefix + reverse("engagements:engagement_create"))
        with page.expect_navigation():
            page.locator("main form[method=post] button[type=submit]").click()
        assert page.locator("#error-summary").is_visible()
        check("the new activity form, sent empty")

    assert not problems, "\n\n".join(problems)
