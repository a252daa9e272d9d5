"""Call for topics, the programme committee and the agenda: the committee's work, bad input included."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from samverkan.accounts.roles import Role
from samverkan.core.models import AuditEntry
from samverkan.meetings.models import AgendaItem, CommitteeMember, Proposal, ProposalStatus
from tests.factories import UserFactory

R = Role


def url(name, meeting, *args):
    return reverse(f"meetings:{name}", args=[meeting.engagement.pk, *args])


def test_it_takes_a_proposal_from_an_invited_organisation(meeting, client_for, organisation):
    client = client_for(R.REPRESENTATIVE)
    response = client.post(
        url("proposal_create", meeting),
        {"title": "Väntetider för hjälpmedel", "text": "Många väntar över ett år."},
    )
    assert response.status_code == 302
    proposal = Proposal.objects.get()
    assert proposal.organisation == organisation and proposal.status == ProposalStatus.SUBMITTED
    page = client.get(url("meeting_detail", meeting)).content.decode()
    assert "Väntetider för hjälpmedel" in page


def test_it_refuses_a_proposal_after_the_deadline_with_a_message(meeting, client_for):
    meeting.topics_deadline = timezone.now() - timedelta(minutes=1)
    meeting.save()
    response = client_for(R.REPRESENTATIVE).post(
        url("proposal_create", meeting), {"title": "För sent", "text": "Text"}
    )
    assert response.status_code == 400
    assert "Sista dagen att föreslå ämnen har passerat" in response.content.decode()
    assert not Proposal.objects.exists()


def test_it_sets_a_committee_of_one_host_person_and_two_representatives(
    meeting, client_for, users, representatives
):
    members = [users[R.AGENCY_STAFF], *representatives]
    response = client_for(R.AGENCY_COORDINATOR).post(
        url("committee_edit", meeting), {"members": [u.pk for u in members]}
    )
    assert response.status_code == 302
    assert set(meeting.committee.values_list("user_id", flat=True)) == {u.pk for u in members}
    assert AuditEntry.objects.filter(action="meetings.committee.set").exists()


@pytest.mark.parametrize(
    "pick, message",
    [
        (lambda u, reps: reps, "exakt en person från värdmyndigheten"),
        (lambda u, reps: [u[R.AGENCY_STAFF], reps[0]], "två eller tre brukarföreträdare"),
        (
            lambda u, reps: [u[R.AGENCY_STAFF], u[R.AGENCY_COORDINATOR], *reps],
            "exakt en person från värdmyndigheten",
        ),
    ],
)
def test_it_refuses_a_committee_of_the_wrong_composition(
    meeting, client_for, users, representatives, pick, message
):
    CommitteeMember.objects.create(meeting=meeting, user=users[R.AGENCY_STAFF])
    members = pick(users, representatives)
    response = client_for(R.AGENCY_COORDINATOR).post(
        url("committee_edit", meeting), {"members": [u.pk for u in members]}
    )
    assert response.status_code == 400
    assert message in response.content.decode()
    # Nothing changed.
    assert list(meeting.committee.values_list("user_id", flat=True)) == [users[R.AGENCY_STAFF].pk]


def test_it_refuses_more_than_three_representatives(meeting, users, representatives):
    from django.core.exceptions import ValidationError

    from samverkan.meetings.services import committee_set

    extra = UserFactory(role=R.REPRESENTATIVE, organisation=representatives[0].organisation)
    with pytest.raises(ValidationError, match="tre brukarföreträdare; du valde 4"):
        committee_set(
            actor=users[R.AGENCY_STAFF],
            meeting=meeting,
            members=[users[R.AGENCY_STAFF], users[R.REPRESENTATIVE], *representatives, extra],
        )


@pytest.fixture
def committee(meeting, users, representatives):
    for user in [users[R.AGENCY_STAFF], *representatives]:
        CommitteeMember.objects.create(meeting=meeting, user=user)
    return representatives


@pytest.fixture
def proposals(meeting, organisation, second_organisation, users):
    return [
        Proposal.objects.create(
            meeting=meeting,
            organisation=organisation,
            proposed_by=users[R.REPRESENTATIVE],
            title="Väntetider för hjälpmedel",
            text="Många väntar över ett år.",
        ),
        Proposal.objects.create(
            meeting=meeting,
            organisation=second_organisation,
            title="Anhörigas roll",
            text="Anhöriga hörs inte.",
        ),
    ]


def test_the_committee_merges_a_proposal_into_an_agency_item_and_orders_the_agenda(
    meeting, committee, proposals, client_for, users
):
    client = client_for(R.REPRESENTATIVE)  # not on the committee
    assert client.get(url("programme", meeting)).status_code == 403
    client.force_login(committee[0])
    assert client.get(url("programme", meeting)).status_code == 200
    client.post(url("agenda_item_add", meeting), {"title": "Myndighetens hjälpmedelsuppdrag"})
    agency_item = AgendaItem.objects.get()
    waiting, relatives = proposals
    response = client.post(
        url("proposal_answer", meeting, waiting.pk),
        {
            f"proposal-{waiting.pk}-status": "taken_up",
            f"proposal-{waiting.pk}-agenda_item": agency_item.pk,
        },
    )
    assert response.status_code == 302
    client.post(
        url("proposal_answer", meeting, relatives.pk),
        {f"proposal-{relatives.pk}-status": "taken_up"},
    )
    waiting.refresh_from_db()
    relatives.refresh_from_db()
    assert waiting.agenda_item == agency_item and waiting.status == ProposalStatus.TAKEN_UP
    new_item = relatives.agenda_item
    assert new_item.title == "Anhörigas roll"
    assert list(meeting.agenda_items.values_list("pk", flat=True)) == [agency_item.pk, new_item.pk]
    client.post(url("agenda_item_move", meeting, new_item.pk), {"direction": "up"})
    assert list(meeting.agenda_items.values_list("pk", flat=True)) == [new_item.pk, agency_item.pk]
    # Moving the first item up changes nothing.
    client.post(url("agenda_item_move", meeting, new_item.pk), {"direction": "up"})
    assert list(meeting.agenda_items.values_list("pk", flat=True)) == [new_item.pk, agency_item.pk]
    # The proposer sees the answer.
    page = client_for(R.REPRESENTATIVE).get(url("meeting_detail", meeting)).content.decode()
    assert "Tas upp på detta möte" in page and "Myndighetens hjälpmedelsuppdrag" in page


def test_it_refuses_a_duplicate_agenda_item_and_keeps_what_was_typed(
    meeting, committee, client_for, users
):
    client = client_for(R.AGENCY_STAFF)
    client.post(url("agenda_item_add", meeting), {"title": "Läkemedelsförmånen"})
    response = client.post(
        url("agenda_item_add", meeting),
        {"title": "  läkemedelsförmånen. ", "description": "Vad som är nytt"},
    )
    assert response.status_code == 400
    body = response.content.decode()
    assert "Dagordningen har redan en punkt som heter" in body
    assert "Vad som är nytt" in body  # nothing typed is lost
    assert AgendaItem.objects.count() == 1


def test_a_proposal_taken_up_as_a_duplicate_title_is_refused(
    meeting, committee, proposals, client_for
):
    AgendaItem.objects.create(meeting=meeting, title="Anhörigas roll", position=1)
    relatives = proposals[1]
    response = client_for(R.AGENCY_STAFF).post(
        url("proposal_answer", meeting, relatives.pk),
        {f"proposal-{relatives.pk}-status": "taken_up"},
    )
    assert response.status_code == 400
    assert "Dagordningen har redan en punkt som heter" in response.content.decode()
    relatives.refresh_from_db()
    assert relatives.status == ProposalStatus.SUBMITTED


def test_leaving_a_proposal_out_needs_a_reason(meeting, committee, proposals, client_for):
    waiting = proposals[0]
    client = client_for(R.AGENCY_STAFF)
    response = client.post(
        url("proposal_answer", meeting, waiting.pk),
        {f"proposal-{waiting.pk}-status": "not_taken_up"},
    )
    assert response.status_code == 400
    assert "Säg varför" in response.content.decode()
    client.post(
        url("proposal_answer", meeting, waiting.pk),
        {
            f"proposal-{waiting.pk}-status": "referred",
            f"proposal-{waiting.pk}-feedback": "Hänvisas till Socialstyrelsens råd.",
        },
    )
    waiting.refresh_from_db()
    assert waiting.status == ProposalStatus.REFERRED and waiting.agenda_item is None
