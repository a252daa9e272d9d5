"""Role × action for the meeting cycle, every role in every cell; and who sees access needs."""

import pytest
from django.urls import reverse

from samverkan.accounts.roles import Role
from samverkan.engagements.models import Representation
from samverkan.meetings import permissions
from samverkan.meetings.models import AccessNeeds, CommitteeMember, Registration
from samverkan.meetings.services import registration_create
from tests.factories import UserFactory

R = Role
HOSTS = {R.AGENCY_COORDINATOR: True, R.AGENCY_STAFF: True}
INVITED = {R.ORGANISATION_ADMIN: True, R.REPRESENTATIVE: True}
EVERYONE = dict.fromkeys(R, True)


def personally_invited(meeting):
    meeting.engagement.representation = Representation.INVITED
    return meeting


MATRIX = {
    "set_up": (HOSTS, lambda u, m: permissions.can_set_up_meeting(u, m.engagement)),
    "view": (EVERYONE, permissions.can_view_meeting),
    "set_committee": (HOSTS, permissions.can_set_committee),
    "propose": (INVITED, permissions.can_propose_topic),
    "review": (HOSTS, permissions.can_review_proposals),
    "edit_agenda": (HOSTS, permissions.can_edit_agenda),
    # The meeting fixture is "appointed by the organisation": only its administrator registers.
    "register": ({R.ORGANISATION_ADMIN: True}, permissions.can_register),
    "waits_to_be_appointed": ({R.REPRESENTATIVE: True}, permissions.waits_to_be_appointed),
    "register_personally_invited": (
        INVITED,
        lambda u, m: permissions.can_register(u, personally_invited(m)),
    ),
    "waits_personally_invited": (
        {},
        lambda u, m: permissions.waits_to_be_appointed(u, personally_invited(m)),
    ),
    "invite": (HOSTS, permissions.can_send_invitations),
    "registrations": (HOSTS, permissions.can_view_registrations),
    "attendance": (HOSTS, permissions.can_take_attendance),
    "evaluation_results": (HOSTS, permissions.can_view_evaluation_results),
    "minutes": (HOSTS, permissions.can_edit_minutes),
    "appoint": ({R.ORGANISATION_ADMIN: True}, permissions.can_appoint_representative),
    "appoint_personally_invited": (
        {},
        lambda u, m: permissions.can_appoint_representative(u, personally_invited(m)),
    ),
}


@pytest.mark.parametrize("action", MATRIX)
@pytest.mark.parametrize("role", list(Role))
def test_it_allows_each_action_to_the_right_roles(users, meeting, role, action):
    allowed, check = MATRIX[action]
    assert check(users[role], meeting) is allowed.get(role, False)


def test_a_committee_member_reviews_and_edits_the_agenda(users, meeting):
    CommitteeMember.objects.create(meeting=meeting, user=users[R.REPRESENTATIVE])
    user = users[R.REPRESENTATIVE]
    assert permissions.can_review_proposals(user, meeting)
    assert permissions.can_edit_agenda(user, meeting)
    assert not permissions.can_view_registrations(user, meeting)


@pytest.fixture
def registration(meeting, users):
    return registration_create(
        actor=users[R.REPRESENTATIVE],
        meeting=meeting,
        attendance="on_site",
        needs=["sign_language"],
        details="Tolk från Stockholm",
        consent=True,
    )


# Only the person themself and the organisers (the hosts' staff) see access needs.
SEES_NEEDS = {R.AGENCY_COORDINATOR: True, R.AGENCY_STAFF: True, R.REPRESENTATIVE: True}


@pytest.mark.parametrize("role", list(Role))
def test_access_needs_are_seen_only_by_the_person_and_the_organisers(
    users, meeting, registration, role
):
    assert permissions.can_view_access_needs(users[role], registration) is SEES_NEEDS.get(
        role, False
    )
    assert permissions.can_erase_access_needs(users[role], registration) is (
        role == R.REPRESENTATIVE
    )


# Page → the roles that see the access needs on it (the person's own page; the organisers' list).
PAGES = {
    "meeting_detail": set(),
    "programme": set(),
    "registration": {R.REPRESENTATIVE},
    "participants": {R.AGENCY_COORDINATOR, R.AGENCY_STAFF},
}


@pytest.mark.parametrize("role", list(Role))
def test_no_page_shows_access_needs_to_anyone_else(
    users, meeting, registration, client_for, role, other_agency
):
    # The committee's representatives and a co-participant see the agenda, never the needs.
    CommitteeMember.objects.create(meeting=meeting, user=users[R.ORGANISATION_ADMIN])
    for name, seen_by in PAGES.items():
        response = client_for(role).get(reverse(f"meetings:{name}", args=[meeting.engagement.pk]))
        assert ("Tolk från Stockholm" in response.content.decode()) is (role in seen_by), name
    # Staff of an agency that is not a host never see them either.
    client = client_for(R.ANONYMOUS)
    client.force_login(UserFactory(role=R.AGENCY_STAFF, organisation=other_agency))
    response = client.get(reverse("meetings:participants", args=[meeting.engagement.pk]))
    assert response.status_code == 403
    assert "Tolk från Stockholm" not in response.content.decode()


def test_the_public_forum_and_activity_pages_never_show_access_needs(meeting, registration, client):
    for url in [
        reverse("engagements:engagement_detail", args=[meeting.engagement.pk]),
        reverse("engagements:forum_detail", args=[meeting.engagement.forum.slug]),
        reverse("meetings:meeting_detail", args=[meeting.engagement.pk]),
    ]:
        body = client.get(url).content.decode()
        assert "Teckenspråkstolk" not in body and "Tolk från Stockholm" not in body
    assert AccessNeeds.objects.count() == 1 and Registration.objects.count() == 1
