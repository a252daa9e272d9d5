"""Agency staff record two items from a meeting in the form, then import a file: the first has three
bad rows (all reported by row number, nothing written), the fixed one imports. axe checks each page."""

import pytest
from openpyxl import Workbook

from samverkan.accounts.roles import Role
from samverkan.insights.models import InputItem
from tests.factories import EngagementFactory, TargetGroupFactory, TopicFactory

from .helpers import axe_report

HEADER = ["Typ", "Text", "Organisation", "Målgrupper", "Sakområden"]


def write_xlsx(path, rows):
    workbook = Workbook()
    for row in rows:
        workbook.active.append(row)
    workbook.save(path)
    return str(path)


@pytest.mark.browser
@pytest.mark.parametrize("lang", ["sv", "en"])
def test_staff_record_items_and_import_a_file(
    new_context, users, agency, organisation, tmp_path, lang
):
    prefix = "/en" if lang == "en" else ""
    older = TargetGroupFactory(name="Äldre", name_en="Older people")
    medicines = TopicFactory(name="Läkemedel", name_en="Medicines")
    engagement = EngagementFactory(
        title="Dialogmöte om läkemedel", hosts=[agency], invited=[organisation]
    )
    base = f"{prefix}/aktiviteter/{engagement.pk}/underlag/"
    problems = []

    page = new_context(users[Role.AGENCY_STAFF]).new_page()
    page.goto(base + "ny/")
    problems.append(axe_report(page))
    page.locator("#id_form-0-kind").select_option("need")
    page.locator("#id_form-0-text").fill("Bättre information om biverkningar")
    page.locator("#id_form-0-organisation").select_option(str(organisation.pk))
    page.locator("#id_form-0-target_groups_0").check()
    page.locator("#id_form-0-topics_0").check()
    page.locator("#id_form-1-kind").select_option("proposal")
    page.locator("#id_form-1-text").fill("Fler dialogmöten på landsbygden")
    # "Add more rows" works without script: the form comes back with more rows, nothing saved.
    page.locator("button[name=add_rows]").click()
    page.locator("#id_form-9-text").wait_for()
    assert page.locator("#id_form-0-text").input_value() == "Bättre information om biverkningar"
    assert not InputItem.objects.exists()
    # A row with text but no kind is an error: the page says so, and nothing is saved.
    page.locator("#id_form-2-text").fill("Utan typ")
    page.locator("button[name=save]").click()
    page.locator("#error-summary").wait_for()
    problems.append(axe_report(page))
    assert not InputItem.objects.exists()
    page.locator("#id_form-2-text").fill("")
    page.locator("button[name=save]").click()
    page.wait_for_url(f"**{base}")
    assert InputItem.objects.count() == 2
    need = InputItem.objects.get(kind="need")
    assert list(need.target_groups.all()) == [older] and list(need.topics.all()) == [medicines]
    assert "Fler dialogmöten på landsbygden" in page.locator("main").inner_text()
    problems.append(axe_report(page))

    bad = write_xlsx(
        tmp_path / "underlag.xlsx",
        [
            HEADER,
            ["behov", "Kortare väntetider", "Riksförbundet Test", "Äldre", "Läkemedel"],
            ["önskemål", "Mer stöd till anhöriga", "", "", ""],
            ["erfarenhet", "Svårt att förstå bipacksedeln", "", "", "Bipacksedlar"],
            ["problem", "Långa köer", "Okänd förening", "", ""],
        ],
    )
    page.goto(base + "import/")
    problems.append(axe_report(page))
    page.locator("#id_file").set_input_files(bad)
    page.locator("#import-form button[type=submit]").click()
    errors = page.locator(".import-errors")
    errors.wait_for()
    text = errors.inner_text()
    # "Rad 3:" in Swedish, "Row 3:" in English: the row numbers are what matter here.
    assert " 3:" in text and "önskemål" in text
    assert " 4:" in text and "Bipacksedlar" in text  # an unknown topic
    assert " 5:" in text and "Okänd förening" in text
    assert " 2:" not in text
    assert InputItem.objects.count() == 2
    problems.append(axe_report(page))

    fixed = write_xlsx(
        tmp_path / "underlag-rättad.xlsx",
        [
            HEADER,
            ["behov", "Kortare väntetider", "Riksförbundet Test", "Äldre", "Läkemedel"],
            ["förslag", "Mer stöd till anhöriga", "", "", ""],
            ["erfarenhet", "Svårt att förstå bipacksedeln", "", "", "Medicines"],
            ["problem", "Långa köer", "", "", ""],
        ],
    )
    page.locator("#id_file").set_input_files(fixed)
    page.locator("#import-form button[type=submit]").click()
    page.locator("#confirm-form").wait_for()
    assert InputItem.objects.count() == 2
    problems.append(axe_report(page))
    page.locator("#confirm-form button[type=submit]").click()
    page.wait_for_url(f"**{base}")
    assert InputItem.objects.count() == 6
    assert InputItem.objects.filter(topics=medicines).count() == 3
    problems.append(axe_report(page))

    assert not [p for p in problems if p], "\n\n".join(p for p in problems if p)
