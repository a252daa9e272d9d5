"""At and after the meeting: attendance, the joint evaluation in aggregate, published minutes,
and the answer to each proposal shown to the organisation that proposed it."""

from datetime import timedelta

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from samverkan.accounts.roles import Role
from samverkan.meetings import permissions
from samverkan.meetings.models import CommitteeMember, Evaluation, Proposal, Registration
from samverkan.meetings.services import proposal_answer, registration_create
from tests.factories import UserFactory

R = Role


def url(name, meeting):
    return reverse(f"meetings:{name}", args=[meeting.engagement.pk])


@pytest.fixture
def held(meeting, users, organisation):
    """The meeting with three registered people, held yesterday."""
    people = [users[R.REPRESENTATIVE], users[R.ORGANISATION_ADMIN]]
    meeting.seats = None
    meeting.save()
    for person in people:
        registration_create(actor=person, meeting=meeting, attendance="on_site", needs=[])
    engagement = meeting.engagement
    engagement.starts_at = timezone.now() - timedelta(days=1)
    engagement.ends_at = engagement.starts_at + timedelta(hours=2)
    engagement.save()
    return meeting


def test_the_organisers_take_attendance(held, client_for, users):
    client = client_for(R.AGENCY_STAFF)
    rows = list(Registration.objects.order_by("pk"))
    response = client.post(
        url("attendance", held), {"listed": [r.pk for r in rows], "present": [rows[0].pk]}
    )
    assert response.status_code == 302
    assert list(Registration.objects.order_by("pk").values_list("attended", flat=True)) == [
        True,
        False,
    ]
    assert client_for(R.REPRESENTATIVE).get(url("attendance", held)).status_code == 403
    assert (
        client_for(R.AGENCY_STAFF).post(url("attendance", held), {"listed": ["x"]}).status_code
        == 403
    )


def test_evaluation_answers_are_shown_only_in_aggregate_to_organisers_and_committee(
    held, client_for, users, representatives
):
    answers = {
        R.REPRESENTATIVE: (5, 4, 3, "Mer tid för frågor"),
        R.ORGANISATION_ADMIN: (3, 2, 5, ""),
    }
    for role, (useful, heard, accessible, comment) in answers.items():
        response = client_for(role).post(
            url("evaluation", held),
            {"useful": useful, "heard": heard, "accessible": accessible, "comment": comment},
        )
        assert response.status_code == 302
    # A second answer is refused and nothing changes.
    response = client_for(R.REPRESENTATIVE).post(
        url("evaluation", held), {"useful": 1, "heard": 1, "accessible": 1}
    )
    assert response.status_code == 400
    assert Evaluation.objects.count() == 2
    # Out-of-range answers are refused with a message.
    assert (
        client_for(R.ORGANISATION_ADMIN)
        .post(url("evaluation", held), {"useful": 9, "heard": 1, "accessible": 1})
        .status_code
        == 400
    )

    CommitteeMember.objects.create(meeting=held, user=representatives[0])
    client = client_for(R.ANONYMOUS)
    client.force_login(representatives[0])
    body = client.get(url("evaluation_results", held)).content.decode()
    assert "2 personer har svarat." in body
    assert "<td>4,0</td>" in body  # (5 + 3) / 2
    assert "Mer tid för frågor" in body
    assert users[R.REPRESENTATIVE].email not in body
    for role in (R.REPRESENTATIVE, R.ORGANISATION_ADMIN, R.NETWORK_ADMIN):
        assert client_for(role).get(url("evaluation_results", held)).status_code == 403


@pytest.mark.parametrize("role", list(Role))
def test_who_may_evaluate(held, users, role):
    assert permissions.can_evaluate(users[role], held) is (
        role in {R.REPRESENTATIVE, R.ORGANISATION_ADMIN}
    )


def test_minutes_are_published_on_the_meeting_and_forum_pages(held, client_for):
    staff = client_for(R.AGENCY_STAFF)
    client = Client()  # the public, beside the logged-in staff
    response = staff.post(url("minutes", held), {"minutes": "", "publish": "on"})
    assert response.status_code == 400
    assert "Skriv minnesanteckningarna innan du publicerar dem." in response.content.decode()
    staff.post(url("minutes", held), {"minutes": "Punkt 1: väntetider diskuterades."})
    assert "väntetider diskuterades" not in client.get(url("meeting_detail", held)).content.decode()
    staff.post(
        url("minutes", held), {"minutes": "Punkt 1: väntetider diskuterades.", "publish": "on"}
    )
    assert "väntetider diskuterades" in client.get(url("meeting_detail", held)).content.decode()
    forum_page = client.get(reverse("engagements:forum_detail", args=[held.engagement.forum.slug]))
    assert f'href="{url("meeting_detail", held)}#minutes-heading"' in forum_page.content.decode()
    assert client_for(R.REPRESENTATIVE).get(url("minutes", held)).status_code == 403


def test_each_proposer_sees_the_answer_to_their_own_proposals_only(
    held, users, organisation, second_organisation, client_for
):
    own = Proposal.objects.create(
        meeting=held, organisation=organisation, title="Väntetider", text="…"
    )
    other = Proposal.objects.create(
        meeting=held, organisation=second_organisation, title="Anhöriga", text="…"
    )
    staff = users[R.AGENCY_STAFF]
    proposal_answer(
        actor=staff, proposal=own, status="referred", feedback="Hänvisas till Äldrerådet."
    )
    proposal_answer(actor=staff, proposal=other, status="not_taken_up", feedback="Hemligt skäl.")
    body = client_for(R.REPRESENTATIVE).get(url("meeting_detail", held)).content.decode()
    assert "Hänvisat vidare" in body and "Hänvisas till Äldrerådet." in body
    assert "Hemligt skäl." not in body
    stranger = UserFactory(role=R.REPRESENTATIVE, organisation=second_organisation)
    client = client_for(R.ANONYMOUS)
    client.force_login(stranger)
    body = client.get(url("meeting_detail", held)).content.decode()
    assert "Hemligt skäl." in body and "Hänvisas till Äldrerådet." not in body


def test_publishing_the_minutes_tells_participants_and_proposers_once(
    held, users, representatives, client_for, run_worker, django_capture_on_commit_callbacks
):
    from django.core import mail

    Proposal.objects.create(
        meeting=held,
        organisation=representatives[1].organisation,
        proposed_by=representatives[1],
        title="Anhöriga",
        text="…",
    )
    staff = client_for(R.AGENCY_STAFF)
    for _ in range(2):  # saving again does not mail again
        with django_capture_on_commit_callbacks(execute=True):
            staff.post(url("minutes", held), {"minutes": "Punkt 1.", "publish": "on"})
    run_worker()
    recipients = sorted(m.to[0] for m in mail.outbox)
    assert recipients == sorted(
        [users[R.REPRESENTATIVE].email, users[R.ORGANISATION_ADMIN].email, representatives[1].email]
    )
    assert mail.outbox[0].subject == "Minnesanteckningar och svar: Dialogforum hösten"
