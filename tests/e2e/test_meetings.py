"""The meeting pages pass axe-core in Swedish and English, as organisers, committee, representatives
and the public, also with error messages showing; the agenda is ordered by keyboard."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from samverkan.accounts.roles import Role
from samverkan.meetings.models import (
    AgendaItem,
    CommitteeMember,
    Evaluation,
    Meeting,
    Proposal,
    Subscription,
)
from samverkan.meetings.services import meeting_invite, registration_create
from tests.factories import EngagementFactory, ForumFactory, OrganisationFactory, UserFactory

from .helpers import axe_report, tab_to

R = Role


@pytest.fixture
def meeting(agency, organisation, users):
    other = OrganisationFactory(name="Föreningen Anhöriga")
    forum = ForumFactory(name="Dialogforum", kind="dialogue_forum", hosts=[agency])
    starts = timezone.localtime().replace(hour=10, minute=0, second=0, microsecond=0)
    engagement = EngagementFactory(
        title="Dialogforum hösten",
        hosts=[agency],
        invited=[organisation, other],
        forum=forum,
        starts_at=starts + timedelta(days=20),
        ends_at=starts + timedelta(days=20, hours=3),
        location="Storgatan 1, Stockholm",
    )
    meeting = Meeting.objects.create(
        engagement=engagement, topics_deadline=timezone.now() + timedelta(days=7), seats=1
    )
    committee = [
        users[R.AGENCY_STAFF],
        UserFactory(
            first_name="Sam", last_name="Lind", role=R.REPRESENTATIVE, organisation=organisation
        ),
        UserFactory(first_name="Ali", last_name="Nord", role=R.REPRESENTATIVE, organisation=other),
    ]
    for user in committee:
        CommitteeMember.objects.create(meeting=meeting, user=user)
    first = AgendaItem.objects.create(meeting=meeting, title="Myndighetens uppdrag", position=1)
    AgendaItem.objects.create(meeting=meeting, title="Övriga frågor", position=2)
    Proposal.objects.create(
        meeting=meeting,
        organisation=organisation,
        proposed_by=users[R.REPRESENTATIVE],
        title="Väntetider",
        text="Många väntar länge.",
        status="taken_up",
        agenda_item=first,
    )
    Proposal.objects.create(
        meeting=meeting, organisation=other, title="Anhörigas roll", text="Anhöriga hörs inte."
    )
    registration_create(
        actor=users[R.REPRESENTATIVE],
        meeting=meeting,
        attendance="on_site",
        needs=["sign_language"],
        consent=True,
    )
    registration_create(
        actor=users[R.ORGANISATION_ADMIN], meeting=meeting, attendance="digital", needs=[]
    )
    meeting_invite(actor=users[R.AGENCY_STAFF], meeting=meeting)
    meeting.minutes = "Punkt 1: väntetider.\n\nPunkt 2: övriga frågor."
    meeting.minutes_published_at = timezone.now()
    meeting.save()
    Evaluation.objects.create(
        meeting=meeting,
        user=users[R.ORGANISATION_ADMIN],
        useful=4,
        heard=5,
        accessible=3,
        comment="Bra tolkning.",
    )
    meeting.subscription = Subscription.objects.create(
        user=users[R.REPRESENTATIVE], forum=forum, consented_at=timezone.now()
    )
    return meeting


def pages(role, meeting):
    pk = meeting.engagement.pk
    names = {
        R.ANONYMOUS: ["meeting_detail"],
        R.ORGANISATION_ADMIN: ["meeting_detail"],
        R.REPRESENTATIVE: ["meeting_detail", "proposal_create", "registration"],
        R.AGENCY_STAFF: [
            "meeting_detail",
            "meeting_setup",
            "committee_edit",
            "programme",
            "participants",
            "attendance",
            "minutes",
            "evaluation_results",
        ],
    }[role]
    extra = {
        R.ANONYMOUS: [reverse("meetings:unsubscribe", args=[meeting.subscription.token])],
        R.REPRESENTATIVE: [reverse("meetings:subscriptions")],
        R.ORGANISATION_ADMIN: [reverse("meetings:appoint", args=[pk])],
        R.AGENCY_STAFF: [],
    }[role]
    return (
        extra
        + [reverse(f"meetings:{name}", args=[pk]) for name in names]
        + [
            reverse("engagements:engagement_detail", args=[pk]),
            reverse("engagements:forum_detail", args=[meeting.engagement.forum.slug]),
        ]
    )


@pytest.mark.browser
@pytest.mark.parametrize("lang", ["sv", "en"])
@pytest.mark.parametrize(
    "role", [R.ANONYMOUS, R.REPRESENTATIVE, R.ORGANISATION_ADMIN, R.AGENCY_STAFF], ids=str
)
def test_the_meeting_pages_have_no_axe_violations(new_context, users, meeting, role, lang):
    page = new_context(users[role]).new_page()
    prefix = "/en" if lang == "en" else ""
    problems = []

    def check(what):
        if page.locator("html").get_attribute("lang") != lang:
            problems.append(f"{what}: wrong lang")
        if report := axe_report(page):
            problems.append(f"{what}:\n{report}")

    for path in pages(role, meeting):
        response = page.goto(prefix + path)
        assert response.status == 200, path
        check(path)
    pk = meeting.engagement.pk
    if role == R.AGENCY_STAFF:
        # Errors showing: a committee of the wrong composition, a duplicate agenda item.
        page.goto(prefix + reverse("meetings:committee_edit", args=[pk]))
        page.get_by_label("Sam Lind").uncheck() if lang == "en" else page.get_by_label(
            "Sam Lind"
        ).uncheck()
        with page.expect_navigation():
            page.locator("main form button[type=submit]").click()
        assert page.locator("#error-summary").is_visible()
        check("committee with errors")
        page.goto(prefix + reverse("meetings:programme", args=[pk]))
        page.locator("#id_title").fill("Övriga frågor")
        with page.expect_navigation():
            page.locator("form[aria-labelledby=add-item-heading] button[type=submit]").click()
        assert page.locator("#error-summary").is_visible()
        check("duplicate agenda item")
    if role == R.REPRESENTATIVE:
        # Sam Lind is not registered, and the organisation appoints its representative.
        other = new_context(meeting.committee.get(user__first_name="Sam").user).new_page()
        other.goto(prefix + reverse("meetings:meeting_detail", args=[pk]))
        assert other.locator("#appointed-by-organisation").is_visible()
        assert other.locator("a[href$='/mote/anmalan/']").count() == 0
        if report := axe_report(other):
            problems.append(f"meeting page, appointed by the organisation:\n{report}")
        page.goto(prefix + reverse("meetings:proposal_create", args=[pk]))
        with page.expect_navigation():
            page.locator("main form button[type=submit]").click()
        assert page.locator("#error-summary").is_visible()
        check("proposal sent empty")
    assert not problems, "\n\n".join(problems)


@pytest.mark.browser
def test_the_committee_orders_the_agenda_by_keyboard(new_context, users, meeting):
    page = new_context(users[R.AGENCY_STAFF]).new_page()
    page.goto(reverse("meetings:programme", args=[meeting.engagement.pk]))
    tab_to(
        page,
        lambda el: (
            el["text"] == "Flytta ned"
            and "Myndighetens uppdrag"
            in page.evaluate("document.activeElement.getAttribute('aria-label')")
        ),
    )
    with page.expect_navigation():
        page.keyboard.press("Enter")
    items = page.locator("ol.agenda > li strong").all_inner_texts()
    assert items == ["Övriga frågor", "Myndighetens uppdrag"]
    assert list(meeting.agenda_items.values_list("title", flat=True)) == items
