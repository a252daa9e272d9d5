"""The joint needs analysis in a real browser: agency staff ask for the grouping by keyboard, the real worker
runs it, the page shows the need raised to two agencies with its quotes; no axe violations in
Swedish and English (waiting, done, bad filters); the Word report downloads and python-docx reads
back its sections and figures."""

import pytest
from django.urls import reverse
from django.utils import translation
from docx import Document

from samverkan.accounts.roles import Role
from samverkan.insights.models import GroupingRun, GroupingStatus
from samverkan.insights.services import ItemData, input_items_create
from tests.factories import EngagementFactory, TargetGroupFactory

from .helpers import axe_report, tab_to

TRANSPORT = [
    "Färdtjänsten kommer ofta för sent till vårdbesöken.",
    "Resorna med färdtjänst till vården kommer för sent.",
    "Färdtjänstresor till vården blir sena.",
]


@pytest.fixture
def items(agency, other_agency, organisation, users):
    staff = users[Role.AGENCY_STAFF]
    older = TargetGroupFactory(name="Äldre", name_en="Older people")
    ours = EngagementFactory(title="Dialog om resor", hosts=[agency], invited=[organisation])
    theirs = EngagementFactory(title="Samråd om vård", hosts=[other_agency])
    for engagement, texts in (
        (ours, [TRANSPORT[0], "Tandvården är för dyr för pensionärer."]),
        (theirs, TRANSPORT[1:]),
    ):
        input_items_create(
            actor=staff,
            engagement=engagement,
            items=[
                ItemData(
                    kind="need",
                    text=text,
                    organisation_id=organisation.pk,
                    target_group_ids=[older.pk],
                )
                for text in texts
            ],
            action="test",
        )


def path(lang: str) -> str:
    with translation.override(lang):
        return reverse("insights:needs_analysis")


@pytest.mark.browser
def test_staff_produce_the_analysis_and_download_the_report(
    new_context, users, items, run_worker, agency, other_agency, tmp_path
):
    page = new_context(users[Role.AGENCY_STAFF], accept_downloads=True).new_page()
    problems = []

    def check(what, lang):
        lang_attribute = page.locator("html").get_attribute("lang")
        if lang_attribute != lang:
            problems.append(f"{what}: <html lang={lang_attribute!r}>, expected {lang!r}")
        if report := axe_report(page):
            problems.append(f"{what}:\n{report}")

    page.goto(path("en"))
    assert page.get_by_role("heading", level=1).inner_text() == "Joint needs analysis"
    # By keyboard: Tab to the button (every stop shows its focus) and press Enter.
    tab_to(page, lambda e: e["tag"] == "button" and e["text"] == "Group similar items")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert page.get_by_role("progressbar").count() == 1
    check("waiting (en)", "en")
    page.goto(path("sv"))
    check("waiting (sv)", "sv")

    run_worker()
    assert GroupingRun.objects.get().status == GroupingStatus.DONE
    # The waiting page polls (htmx) and reloads itself once the grouping is done.
    page.locator("#needs-heading ~ ol > li").wait_for()

    for lang in ("sv", "en"):
        response = page.goto(path(lang))
        assert response.status == 200
        needs = page.locator("#needs-heading ~ ol > li")
        assert needs.count() == 1
        assert needs.locator("blockquote").count() == 3
        assert agency.name in needs.inner_text() and other_agency.name in needs.inner_text()
        assert page.get_by_role("img").count() >= 3  # charts, named by their <title>
        check(path(lang), lang)
        bad = path(lang) + "?date_from=2025-02-30&date_to=igår&topics=finns-inte"
        assert page.goto(bad).status == 200
        assert page.get_by_role("alert").count() == 1
        check(bad, lang)

    assert not problems, "\n\n".join(problems)

    page.goto(path("en"))
    with page.expect_download() as download_info:
        page.get_by_role("link", name="Download the analysis as Word (DOCX)").click()
    download = download_info.value
    assert download.suggested_filename.startswith("needs-analysis-")
    saved = tmp_path / download.suggested_filename
    download.save_as(saved)
    document = Document(saved)
    headings = [
        p.text for p in document.paragraphs if p.style.name.startswith(("Heading", "Title"))
    ]
    assert headings[:2] == ["Joint needs analysis", "Summary"]
    for title in ("By target group", "By topic", "Needs raised to two or more agencies"):
        assert title in headings
    assert headings[-1] == "Appendix: method and filters"
    cells = [[c.text for c in row.cells] for table in document.tables for row in table.rows]
    assert ["Input items", "4"] in cells
    assert ["Needs raised to two or more agencies", "1"] in cells
    assert ["Older people", "4"] in cells
    quotes = {p.text for p in document.paragraphs if p.style.name == "Quote"}
    assert quotes == set(TRANSPORT)
