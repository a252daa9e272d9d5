"""Joint engagements: one host proposes, the other host's coordinator accepts or declines."""

import pytest
from django.core import mail

from samverkan.accounts.roles import Role
from samverkan.engagements.models import CoHostProposal, EngagementHost, ProposalStatus

from .factories import EngagementFactory, UserFactory


@pytest.fixture
def planned(agency, organisation):
    return EngagementFactory(
        title="Samråd om läkemedelsanvändning hos äldre",
        hosts=[agency],
        invited=[organisation],
        location="Socialstyrelsen, Stockholm",
    )


@pytest.fixture
def other_coordinator(other_agency):
    return UserFactory(
        email="samordnare@andra.se", role=Role.AGENCY_COORDINATOR, organisation=other_agency
    )


def propose(client, planned, other_agency, **extra):
    return client.post(
        f"/aktiviteter/{planned.pk}/gemensam/",
        {"host": other_agency.pk, "message": "Vi planerar nästan samma sak."} | extra,
    )


def test_the_whole_proposal_accepted(
    client,
    users,
    planned,
    other_agency,
    other_coordinator,
    run_worker,
    django_capture_on_commit_callbacks,
):
    client.force_login(users[Role.AGENCY_STAFF])
    with django_capture_on_commit_callbacks(execute=True):
        assert propose(client, planned, other_agency).status_code == 302
    run_worker()
    [invitation_mail] = mail.outbox
    assert invitation_mail.to == [other_coordinator.email]
    assert planned.title in invitation_mail.subject
    assert "Socialstyrelsen, Stockholm" in invitation_mail.body
    assert invitation_mail.attachments[0][0] == "aktivitet.ics"

    client.force_login(other_coordinator)
    tasks = client.get("/uppgifter/").content.decode()
    assert planned.title in tasks
    proposal = CoHostProposal.objects.get()
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            f"/uppgifter/forslag/{proposal.pk}/", {f"p{proposal.pk}-decision": "accept"}
        )
    assert response.status_code == 302
    run_worker()
    assert EngagementHost.objects.filter(engagement=planned, organisation=other_agency).exists()
    assert mail.outbox[-1].to == [users[Role.AGENCY_STAFF].email]  # the proposer hears back

    # Both hosts show on the engagement, the register and the calendar.
    page = client.get(f"/aktiviteter/{planned.pk}/").content.decode()
    assert (
        other_agency.name in page and planned.host_links.get(role="lead").organisation.name in page
    )
    agency_page = client.get(f"/organisationer/{other_agency.slug}/").content.decode()
    assert planned.title in agency_page
    calendar = client.get(
        f"/kalender/?view=list&host={other_agency.slug}&month={planned.starts_at:%Y-%m}"
    ).content.decode()
    assert planned.title in calendar
    # The new co-host has the same rights.
    assert client.get(f"/aktiviteter/{planned.pk}/andra/").status_code == 200


def test_a_decline_needs_a_reason_and_the_proposer_hears_it(
    client,
    users,
    planned,
    other_agency,
    other_coordinator,
    run_worker,
    django_capture_on_commit_callbacks,
):
    client.force_login(users[Role.AGENCY_STAFF])
    propose(client, planned, other_agency)
    proposal = CoHostProposal.objects.get()
    client.force_login(other_coordinator)
    response = client.post(
        f"/en/uppgifter/forslag/{proposal.pk}/", {f"p{proposal.pk}-decision": "decline"}
    )
    assert response.status_code == 400
    assert "Please say why you decline." in response.content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        declined = client.post(
            f"/uppgifter/forslag/{proposal.pk}/",
            {
                f"p{proposal.pk}-decision": "decline",
                f"p{proposal.pk}-reason": "Vi har redan genomfört ett liknande samråd.",
            },
        )
    assert declined.status_code == 302
    run_worker()
    proposal.refresh_from_db()
    assert proposal.status == ProposalStatus.DECLINED
    assert "redan genomfört" in mail.outbox[-1].body
    assert not EngagementHost.objects.filter(engagement=planned, organisation=other_agency).exists()


def test_bad_proposals_get_a_message(client, users, planned, agency, other_agency, organisation):
    client.force_login(users[Role.AGENCY_STAFF])
    assert propose(client, planned, other_agency).status_code == 302
    again = propose(client, planned, other_agency)
    assert again.status_code == 400 and "har inte svarat" in again.content.decode()
    assert propose(client, planned, organisation).status_code == 400  # not a host
    assert propose(client, planned, agency).status_code == 400  # already hosts it
    assert client.post(f"/aktiviteter/{planned.pk}/gemensam/", {"host": "abc"}).status_code == 400
    assert CoHostProposal.objects.count() == 1


@pytest.mark.parametrize("role", list(Role))
def test_only_the_hosts_staff_propose(client_for, planned, other_agency, role):
    response = propose(client_for(role), planned, other_agency)
    allowed = role in (Role.AGENCY_COORDINATOR, Role.AGENCY_STAFF)
    assert response.status_code == (302 if allowed else (302 if role == Role.ANONYMOUS else 403))
    assert CoHostProposal.objects.exists() is allowed


@pytest.mark.parametrize("role", list(Role))
def test_only_the_invited_hosts_coordinator_answers(client_for, users, planned, other_agency, role):
    proposal = CoHostProposal.objects.create(engagement=planned, host=other_agency)
    response = client_for(role).post(
        f"/uppgifter/forslag/{proposal.pk}/", {f"p{proposal.pk}-decision": "accept"}
    )
    # Nobody in the fixed roles works for the invited host, so nobody may answer.
    assert response.status_code == (302 if role == Role.ANONYMOUS else 403)
    proposal.refresh_from_db()
    assert proposal.status == ProposalStatus.PENDING


def test_staff_of_the_invited_host_see_but_cannot_answer(client, planned, other_agency):
    CoHostProposal.objects.create(engagement=planned, host=other_agency)
    client.force_login(UserFactory(role=Role.AGENCY_STAFF, organisation=other_agency))
    page = client.get("/en/uppgifter/").content.decode()
    assert planned.title in page and "Your agency's coordinator answers this." in page
