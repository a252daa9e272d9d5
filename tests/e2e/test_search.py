"""The organisation search: live with htmx as you type, and the same form without JavaScript."""

import pytest

from tests.factories import OrganisationFactory

from .helpers import active_element, axe_report

RESULTS_HEADING = "#results-heading"


@pytest.fixture
def organisations(world):
    OrganisationFactory(name="Hörselskadades riksförbund", short_name="HRF")
    OrganisationFactory(name="Synskadades riksförbund", short_name="SRF")


@pytest.mark.browser
def test_it_updates_the_results_as_you_type(new_context, organisations):
    page = new_context().new_page()
    page.goto("/organisationer/")
    assert "Hörselskadades riksförbund" in page.locator("#results").inner_text()
    # Set on this document: gone if the browser loads a new page instead of swapping results.
    page.evaluate("() => { window.stillTheSamePage = true; }")

    search = page.locator("input[type=search][name=q]")
    search.focus()
    with page.expect_response(
        lambda r: "q=synskad" in r.url and r.request.headers.get("hx-request") == "true"
    ):
        search.press_sequentially("synskad", delay=40)

    results = page.locator("#results")
    page.wait_for_function(
        "() => document.querySelector('#results-heading').textContent.trim().startsWith('1 ')"
    )
    assert "Synskadades riksförbund" in results.inner_text()
    assert "Hörselskadades riksförbund" not in results.inner_text()
    assert page.evaluate("() => window.stillTheSamePage === true")
    assert "q=synskad" in page.url, "the address should follow the search (hx-push-url)"
    assert active_element(page)["name"] == "q", "typing must not lose focus when results change"
    assert (report := axe_report(page)) is None, report


@pytest.mark.browser
def test_it_searches_without_javascript(new_context, organisations):
    page = new_context(java_script_enabled=False).new_page()
    page.goto("/organisationer/")
    page.locator("input[type=search][name=q]").fill("synskad")
    with page.expect_navigation():
        page.locator("input[type=search][name=q]").press("Enter")

    assert "q=synskad" in page.url
    results = page.locator("#results").inner_text()
    assert page.locator(RESULTS_HEADING).inner_text().startswith("1 ")
    assert "Synskadades riksförbund" in results
    assert "Hörselskadades riksförbund" not in results
