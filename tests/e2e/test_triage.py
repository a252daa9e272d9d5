"""Agency staff respond to an input item; the organisation that raised it is mailed and sees the
change; the public "We asked – you said – we did" page shows it, naming nobody. axe checks every
page on the way, in Swedish and English."""

import pytest
from django.core import mail

from samverkan.accounts.roles import Role
from samverkan.insights.models import Addressee, InputItem, TriageStatus
from samverkan.insights.services import ItemData, input_items_create
from tests.factories import EngagementFactory, TargetGroupFactory

from .helpers import axe_report

RESPONSE = "Vi har skrivit om bipacksedeln tillsammans med er."


@pytest.mark.browser
@pytest.mark.parametrize("lang", ["sv", "en"])
def test_staff_respond_the_organisation_sees_it_and_so_does_the_public(
    new_context, users, agency, organisation, run_worker, lang
):
    prefix = "/en" if lang == "en" else ""
    older = TargetGroupFactory(name="Äldre", name_en="Older people")
    engagement = EngagementFactory(
        title="Dialogmöte om läkemedel",
        description="Vi ville veta hur äldre förstår bipacksedlar.",
        hosts=[agency],
        invited=[organisation],
    )
    input_items_create(
        actor=users[Role.AGENCY_STAFF],
        engagement=engagement,
        items=[
            ItemData(
                kind="need",
                text="Bipacksedeln är svår att läsa",
                organisation_id=organisation.pk,
                target_group_ids=[older.pk],
            ),
            ItemData(kind="proposal", text="Fler möten på landsbygden"),
        ],
        action="test",
    )
    item = InputItem.objects.get(text="Bipacksedeln är svår att läsa")
    problems = []

    # Agency staff: from the activity's items to the item, a mistake first, then the response.
    staff = new_context(users[Role.AGENCY_STAFF]).new_page()
    listing = f"{prefix}/aktiviteter/{engagement.pk}/underlag/"
    staff.goto(listing)
    problems.append(axe_report(staff))
    card = staff.locator("li.ds-card", has_text="Bipacksedeln är svår att läsa")
    card.get_by_role("link", name="Svara" if lang == "sv" else "Respond").click()
    staff.wait_for_url(f"**/underlag/{item.pk}/**")
    problems.append(axe_report(staff))
    staff.locator("input[name=triage-status][value=not_acted_on]").check()
    staff.locator("#triage-form button[type=submit]").click()
    staff.locator("#error-summary").wait_for()
    problems.append(axe_report(staff))
    assert Addressee.objects.get(item=item).status == TriageStatus.RECEIVED
    # The radios work by keyboard too: Space checks the focused option.
    acted_on = staff.locator("input[name=triage-status][value=acted_on]")
    acted_on.focus()
    staff.keyboard.press("Space")
    assert acted_on.is_checked()
    staff.locator("#id_triage-response").fill(RESPONSE)
    staff.locator("#triage-form button[type=submit]").click()
    staff.wait_for_url(f"**{listing}**")
    assert RESPONSE in staff.locator("main").inner_text()
    problems.append(axe_report(staff))
    addressee = Addressee.objects.get(item=item)
    assert addressee.status == TriageStatus.ACTED_ON and addressee.response == RESPONSE

    staff.goto(f"{prefix}/underlag/att-besvara/")
    assert "Fler möten på landsbygden" in staff.locator("main").inner_text()
    problems.append(axe_report(staff))

    # The organisation is mailed (through the worker) and sees the change and its history.
    run_worker()
    assert sorted(m.to[0] for m in mail.outbox) == ["admin@example.se", "representant@example.se"]
    assert RESPONSE in mail.outbox[0].body
    representative = new_context(users[Role.REPRESENTATIVE]).new_page()
    representative.goto(f"{prefix}/underlag/vart/")
    main = representative.locator("main").inner_text()
    assert "Bipacksedeln är svår att läsa" in main and RESPONSE in main
    assert ("Åtgärdat" if lang == "sv" else "Acted on") in main
    assert "Fler möten på landsbygden" not in main  # not theirs
    problems.append(axe_report(representative))
    representative.get_by_role(
        "link", name="Se hela historiken" if lang == "sv" else "See the whole history"
    ).click()
    representative.wait_for_url(f"**/underlag/{item.pk}/")
    assert representative.locator("#triage-form").count() == 0
    problems.append(axe_report(representative))

    # The public: from the activity's page to "We asked – you said – we did".
    public = new_context().new_page()
    public.goto(f"{prefix}/aktiviteter/{engagement.pk}/")
    public.locator(f"a[href$='/aktiviteter/{engagement.pk}/vi-fragade-ni-sa-vi-gjorde/']").click()
    public.wait_for_url("**/vi-fragade-ni-sa-vi-gjorde/")
    main = public.locator("main").inner_text()
    assert "Vi ville veta hur äldre förstår bipacksedlar." in main
    assert "Bipacksedeln är svår att läsa" in main and RESPONSE in main
    assert "Fler möten på landsbygden" in main
    assert ("Äldre" if lang == "sv" else "Older people") in main
    assert organisation.name not in main and users[Role.AGENCY_STAFF].email not in main
    assert public.locator("html").get_attribute("lang") == lang
    problems.append(axe_report(public))

    problems = [p for p in problems if p]
    assert not problems, "\n\n".join(problems)
