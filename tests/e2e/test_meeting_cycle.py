"""One whole dialogue-forum cycle in the browser, as the real roles, in Swedish and in English:
the organisation proposes two topics; the committee (one agency person and two representatives)
merges one into an agency item and orders the agenda by keyboard; invitations go out; a
representative registers with an interpreter need (the meeting invites people personally, so
they register themselves); the reminder arrives with date, place and an
.ics; attendance is taken; evaluation answers are aggregated; the minutes are published; each
proposal shows its answer and feedback to the organisation that proposed it. axe checks every
page."""

import re
from datetime import timedelta

import pytest
from django.core import mail
from django.utils import timezone, translation
from django.utils.formats import date_format
from icalendar import Calendar

from samverkan.accounts.roles import Role
from samverkan.engagements.models import Representation
from samverkan.meetings.models import AgendaItem, Proposal, Registration
from tests.factories import EngagementFactory, ForumFactory, OrganisationFactory, UserFactory

from .helpers import axe_report, tab_to

R = Role


@pytest.mark.browser
@pytest.mark.parametrize("lang", ["sv", "en"])
def test_one_whole_forum_cycle(new_context, users, agency, organisation, run_worker, lang):
    prefix = "/en" if lang == "en" else ""
    problems = []
    relatives = OrganisationFactory(name="Föreningen Anhöriga")
    sam = UserFactory(
        first_name="Sam", last_name="Lind", role=R.REPRESENTATIVE, organisation=organisation
    )
    UserFactory(  # Ali Nord, the second representative on the committee
        first_name="Ali", last_name="Nord", role=R.REPRESENTATIVE, organisation=relatives
    )
    forum = ForumFactory(name="Dialogforum hjälpmedel", kind="dialogue_forum", hosts=[agency])
    starts = timezone.localtime() + timedelta(days=2)
    starts = starts.replace(hour=10, minute=0, second=0, microsecond=0)
    engagement = EngagementFactory(
        title="Dialogforum om hjälpmedel",
        hosts=[agency],
        invited=[organisation, relatives],
        forum=forum,
        starts_at=starts,
        ends_at=starts + timedelta(hours=3),
        location="Storgatan 1, Stockholm",
        representation=Representation.INVITED,
    )
    pk = engagement.pk
    base = f"{prefix}/aktiviteter/{pk}/mote/"

    def check(page, what):
        if page.locator("html").get_attribute("lang") != lang:
            problems.append(f"{what}: wrong lang")
        if report := axe_report(page):
            problems.append(f"{what}:\n{report}")

    def submit(page, form="main form[method=post]"):
        with page.expect_navigation():
            page.locator(f"{form} button[type=submit]").last.click()

    staff = new_context(users[R.AGENCY_STAFF]).new_page()
    representative = new_context(users[R.REPRESENTATIVE]).new_page()
    committee_member = new_context(sam).new_page()

    # The agency sets up the meeting and its programme committee.
    staff.goto(f"{prefix}/aktiviteter/{pk}/")
    check(staff, "activity")
    with staff.expect_navigation():
        staff.locator(f"a[href$='/aktiviteter/{pk}/mote/installningar/']").click()
    check(staff, "meeting setup")
    deadline = timezone.localtime() + timedelta(days=1)
    staff.locator("#id_topics_deadline").fill(deadline.strftime("%Y-%m-%dT%H:%M"))
    staff.locator("#id_seats").fill("20")
    submit(staff)
    check(staff, "meeting page")
    staff.goto(base + "programkommitte/")
    staff.get_by_label(re.compile("Sam Lind")).check()
    submit(staff)
    assert staff.locator("#error-summary").is_visible()  # one representative is too few
    check(staff, "committee with an error")
    staff.get_by_label(re.compile("Ali Nord")).check()
    staff.get_by_label(re.compile(users[R.AGENCY_STAFF].email)).check()
    submit(staff)
    assert engagement.meeting.committee.count() == 3

    # The organisation proposes two topics.
    for title, text in [
        ("Väntetider för hjälpmedel", "Många väntar över ett år."),
        ("Anhörigas roll vid utprovning", "Anhöriga hörs inte."),
    ]:
        representative.goto(base + "forslag/ny/")
        check(representative, "proposal form")
        representative.locator("#id_title").fill(title)
        representative.locator("#id_text").fill(text)
        submit(representative)
    waiting, relatives_role = Proposal.objects.order_by("pk")

    # The committee: an agency item, one proposal merged into it, the other a new item; each
    # answer with its own feedback to the organisation.
    staff.goto(base + "program/")
    check(staff, "programme")
    staff.locator("#id_title").fill("Myndighetens hjälpmedelsuppdrag")
    submit(staff, "form[aria-labelledby=add-item-heading]")
    agency_item = AgendaItem.objects.get()
    feedback = {
        waiting.pk: "Vi tar upp väntetiderna under myndighetens punkt om uppdraget.",
        relatives_role.pk: "Anhörigas roll blir en egen punkt på mötet.",
    }
    committee_member.goto(base + "program/")
    form = f"form[action$='/program/forslag/{waiting.pk}/']"
    committee_member.locator(f"{form} input[value=taken_up]").check()
    committee_member.locator(f"{form} select").select_option(str(agency_item.pk))
    committee_member.locator(f"#id_proposal-{waiting.pk}-feedback").fill(feedback[waiting.pk])
    submit(committee_member, form)
    form = f"form[action$='/program/forslag/{relatives_role.pk}/']"
    committee_member.locator(f"{form} input[value=taken_up]").check()
    committee_member.locator(f"#id_proposal-{relatives_role.pk}-feedback").fill(
        feedback[relatives_role.pk]
    )
    submit(committee_member, form)
    waiting.refresh_from_db()
    relatives_role.refresh_from_db()
    assert (waiting.agenda_item, waiting.feedback) == (agency_item, feedback[waiting.pk])
    assert relatives_role.agenda_item.title == "Anhörigas roll vid utprovning"
    assert relatives_role.feedback == feedback[relatives_role.pk]
    check(committee_member, "programme after answers")
    # By keyboard: the proposed item goes first.
    tab_to(
        committee_member,
        lambda el: (
            el["name"] == "direction"
            and el["value"] == "up"
            and "Anhörigas roll"
            in committee_member.evaluate("document.activeElement.getAttribute('aria-label')")
        ),
    )
    with committee_member.expect_navigation():
        committee_member.keyboard.press("Enter")
    assert committee_member.locator("ol.agenda > li strong").all_inner_texts() == [
        "Anhörigas roll vid utprovning",
        "Myndighetens hjälpmedelsuppdrag",
    ]
    check(committee_member, "programme reordered")

    # Invitations go out; a representative registers with an interpreter need.
    staff.goto(base + "deltagare/")
    submit(staff, "form[action$='/mote/bjud-in/']")
    check(staff, "participants")
    representative.goto(base)
    check(representative, "meeting page as representative")
    with representative.expect_navigation():
        representative.locator("a[href$='/mote/anmalan/']").click()
    check(representative, "registration form")
    representative.locator("input[name=attendance][value=on_site]").check()
    representative.locator("input[name=needs][value=sign_language]").check()
    representative.locator("input[name=consent]").check()
    submit(representative, "form:not([action])")
    check(representative, "registered")
    assert (
        representative.get_by_text(
            "Teckenspråkstolk" if lang == "sv" else "Sign language interpreter"
        ).count()
        >= 1
    )
    registration = Registration.objects.get(user=users[R.REPRESENTATIVE])
    assert registration.access_needs.needs == ["sign_language"]

    # The worker sends the invitations, the confirmation and (three days before) the reminder.
    run_worker()
    run_worker()
    [reminder] = [
        m
        for m in mail.outbox
        if m.to == [users[R.REPRESENTATIVE].email] and m.subject.startswith("Påminnelse")
    ]
    assert "Storgatan 1, Stockholm" in reminder.body
    with translation.override("sv"):  # the mail is in the person's language
        assert f"{date_format(starts, 'j F Y')} kl. {starts:%H:%M}" in reminder.body
    [(_name, content, _type)] = reminder.attachments
    event = Calendar.from_ical(content).walk("VEVENT")[0]
    assert event["dtstart"].dt == starts and str(event["location"]) == "Storgatan 1, Stockholm"
    staff.goto(base + "deltagare/")
    assert staff.locator("#mail-heading ~ div table tbody tr").count() >= 4
    check(staff, "participants with mail")

    # The meeting day comes (the test moves the meeting, not the clock).
    engagement.starts_at = timezone.now() - timedelta(hours=3)
    engagement.ends_at = timezone.now() - timedelta(minutes=5)
    engagement.save()
    # At the meeting: attendance. After it: evaluation, minutes.
    staff.goto(base + "narvaro/")
    check(staff, "attendance")
    staff.locator(f"#present-{registration.pk}").check()
    submit(staff)
    registration.refresh_from_db()
    assert registration.attended is True
    for page, answers in [(representative, ("5", "4", "5")), (committee_member, ("3", "4", "3"))]:
        page.goto(base + "utvardering/")
        check(page, "evaluation form")
        for name, value in zip(["useful", "heard", "accessible"], answers, strict=True):
            page.locator(f"input[name={name}][value='{value}']").check()
        submit(page)
    staff.goto(base + "utvardering/resultat/")
    check(staff, "evaluation results")
    assert staff.locator("table tbody tr").first.locator("td").first.inner_text() == (
        "4,0" if lang == "sv" else "4.0"
    )
    staff.goto(base + "minnesanteckningar/")
    check(staff, "minutes form")
    staff.locator("#id_minutes").fill("Punkt 1: anhörigas roll. Punkt 2: myndighetens uppdrag.")
    staff.locator("#id_publish").check()
    submit(staff)

    # The public reads the minutes from the forum's page.
    public = new_context().new_page()
    public.goto(f"{prefix}/forum/{forum.slug}/")
    check(public, "forum page")
    with public.expect_navigation():
        public.locator("#minutes-heading ~ ul a").first.click()
    assert public.get_by_text("Punkt 1: anhörigas roll.").is_visible()
    check(public, "meeting page with minutes")

    # Each proposal shows its own answer and feedback to the organisation that proposed it.
    representative.goto(base)
    taken_up = "Tas upp på detta möte" if lang == "sv" else "Taken up at this meeting"
    on_agenda = "på dagordningen som" if lang == "sv" else "on the agenda as"
    cards = representative.locator("#own-heading ~ ul > li")
    assert cards.count() == 2
    for proposal, item in [
        (waiting, "Myndighetens hjälpmedelsuppdrag"),
        (relatives_role, "Anhörigas roll vid utprovning"),
    ]:
        card = cards.filter(has_text=proposal.title).inner_text()
        answer, agenda_item = card.split(on_agenda, 1)
        assert taken_up in answer and item in agenda_item
        assert feedback[proposal.pk] in card
        other = relatives_role if proposal == waiting else waiting
        assert feedback[other.pk] not in card
    check(representative, "meeting page with answers")
    assert not problems, "\n\n".join(problems)
