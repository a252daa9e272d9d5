"""The network's standing report in a real browser: no axe violations in Swedish and English, with
and without bad filters, and the Word document downloads and opens."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone, translation
from docx import Document

from samverkan.accounts.roles import Role
from tests.factories import EngagementFactory

from .helpers import axe_report


@pytest.fixture
def shared_organisation(world, other_agency, organisation):
    """Another agency invites the world's organisation too: a candidate for joint work."""
    EngagementFactory(
        title="Dialog om hjälpmedel",
        hosts=[other_agency],
        invited=[organisation],
        starts_at=timezone.now() - timedelta(days=40),
    )
    return organisation


def report_path(lang: str) -> str:
    with translation.override(lang):
        return reverse("coordination:report")


@pytest.mark.browser
def test_agency_staff_read_the_report_in_both_languages_and_download_it(
    new_context, users, shared_organisation, tmp_path
):
    page = new_context(users[Role.AGENCY_STAFF], accept_downloads=True).new_page()
    problems = []

    def check(what, lang):
        lang_attribute = page.locator("html").get_attribute("lang")
        if lang_attribute != lang:
            problems.append(f"{what}: <html lang={lang_attribute!r}>, expected {lang!r}")
        if report := axe_report(page):
            problems.append(f"{what}:\n{report}")

    for lang in ("sv", "en"):
        path = report_path(lang)
        response = page.goto(path)
        assert response.status == 200, path
        if lang == "en":  # the Swedish one depends on the catalogue
            assert page.get_by_role("heading", level=1).inner_text() == (
                "The network's standing report"
            )
        assert page.get_by_role("img").count() == 1  # the load chart, named by its <title>
        assert page.locator("table").count() >= 3
        assert page.get_by_role("row").filter(has_text=shared_organisation.name).count() >= 2
        check(path, lang)
        bad = path + "?date_from=2025-02-30&date_to=igår&target_groups=finns-inte&page=abc"
        response = page.goto(bad)
        assert response.status == 200, bad
        assert page.get_by_role("alert").count() == 1
        check(bad, lang)

    assert not problems, "\n\n".join(problems)

    page.goto(report_path("en"))
    with page.expect_download() as download_info:
        page.get_by_role("link", name="Download as Word (DOCX)").click()
    download = download_info.value
    assert download.suggested_filename.startswith("network-report-")
    assert download.suggested_filename.endswith(".docx")
    saved = tmp_path / download.suggested_filename
    download.save_as(saved)
    document = Document(saved)
    headings = [
        p.text for p in document.paragraphs if p.style.name.startswith(("Heading", "Title"))
    ]
    assert headings[:2] == ["The network's standing report", "Activities per agency"]
    cells = {cell.text for table in document.tables for row in table.rows for cell in row.cells}
    assert shared_organisation.name in cells
