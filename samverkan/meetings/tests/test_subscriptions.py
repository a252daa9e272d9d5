"""Mailing lists: joined with consent, used for invitations, left with one click from any mail."""

import re

import pytest
from django.core import mail
from django.test import Client
from django.urls import reverse

from samverkan.accounts.roles import Role
from samverkan.meetings import permissions
from samverkan.meetings.models import Subscription
from samverkan.meetings.services import meeting_invite, registration_create
from tests.factories import OrganisationFactory, TargetGroupFactory, UserFactory

R = Role
LISTS = reverse("meetings:subscriptions")


@pytest.fixture
def outsider(db):
    """A representative of an organisation that is not invited to the meeting."""
    return UserFactory(
        email="utanfor@example.se",
        role=R.REPRESENTATIVE,
        organisation=OrganisationFactory(name="Utanförförbundet"),
    )


def test_joining_a_list_needs_consent_and_one_list(meeting, client_for, users):
    client = client_for(R.REPRESENTATIVE)
    forum = meeting.engagement.forum
    response = client.post(LISTS, {"forum": forum.pk})
    assert response.status_code == 400
    assert "Vi kan bara skicka e-post till dig om du samtycker" in response.content.decode()
    group = TargetGroupFactory(name="Äldre")
    response = client.post(LISTS, {"forum": forum.pk, "target_group": group.pk, "consent": "on"})
    assert response.status_code == 400
    assert "Välj en lista" in response.content.decode()
    assert not Subscription.objects.exists()
    assert client.post(LISTS, {"forum": forum.pk, "consent": "on"}).status_code == 302
    response = client.post(LISTS, {"forum": forum.pk, "consent": "on"})
    assert response.status_code == 400
    assert "Du står redan på listan" in response.content.decode()
    subscription = Subscription.objects.get()
    assert subscription.user == users[R.REPRESENTATIVE] and subscription.consented_at


def test_a_subscriber_is_invited_and_leaves_the_list_with_one_click_from_the_mail(
    meeting, outsider, users, run_worker, django_capture_on_commit_callbacks
):
    meeting.engagement.representation = "invited"  # subscribers register themselves
    meeting.engagement.save()
    group = TargetGroupFactory(name="Äldre")
    meeting.engagement.target_groups.add(group)
    Subscription.objects.create(user=outsider, target_group=group, consented_at="2026-01-01T00:00Z")
    assert permissions.can_register(outsider, meeting)
    with django_capture_on_commit_callbacks(execute=True):
        meeting_invite(actor=users[R.AGENCY_STAFF], meeting=meeting)
    run_worker()
    [message] = [m for m in mail.outbox if m.to == [outsider.email]]
    assert "e-postlistan för Äldre" in message.body
    link = re.search(r"https?://\S+/utskick/lamna/\S+/", message.body).group(0)
    path = "/" + link.split("/", 3)[3]
    public = Client()
    page = public.get(path)  # a mail program that opens links in advance changes nothing
    assert page.status_code == 200 and Subscription.objects.exists()
    assert public.post(path).status_code == 200
    assert not Subscription.objects.exists()
    assert "inte längre på den här listan" in public.get(path).content.decode()
    assert not permissions.can_register(outsider, meeting)

    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        meeting_invite(actor=users[R.AGENCY_STAFF], meeting=meeting)
    run_worker()
    assert outsider.email not in [m.to[0] for m in mail.outbox]


def test_every_meeting_mail_says_how_to_leave(
    meeting, users, run_worker, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        registration_create(
            actor=users[R.REPRESENTATIVE], meeting=meeting, attendance="on_site", needs=[]
        )
    run_worker()
    [message] = mail.outbox
    assert "/utskick/" in message.body


def test_a_person_leaves_a_list_from_their_page(meeting, client_for, users):
    subscription = Subscription.objects.create(
        user=users[R.REPRESENTATIVE],
        forum=meeting.engagement.forum,
        consented_at="2026-01-01T00:00Z",
    )
    other = Subscription.objects.create(
        user=users[R.ORGANISATION_ADMIN],
        forum=meeting.engagement.forum,
        consented_at="2026-01-01T00:00Z",
    )
    client = client_for(R.REPRESENTATIVE)
    assert client.post(reverse("meetings:subscription_end", args=[other.pk])).status_code == 404
    client.post(reverse("meetings:subscription_end", args=[subscription.pk]))
    assert list(Subscription.objects.all()) == [other]
    assert client_for(R.ANONYMOUS).get(LISTS).status_code == 302
