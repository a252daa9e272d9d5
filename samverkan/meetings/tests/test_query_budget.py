"""The meeting's lists run a fixed number of queries whatever their size."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from samverkan.accounts.roles import Role
from samverkan.core.notifications import notify
from samverkan.meetings.models import (
    AccessNeeds,
    AgendaItem,
    Evaluation,
    MeetingMail,
    Proposal,
    Registration,
)
from tests.factories import UserFactory


def grow(meeting, organisation, size, batch):
    users = [
        UserFactory(
            email=f"p{batch}{i}@example.se", role=Role.REPRESENTATIVE, organisation=organisation
        )
        for i in range(size)
    ]
    for i, user in enumerate(users):
        registration = Registration.objects.create(
            meeting=meeting, user=user, organisation=organisation, status="registered"
        )
        AccessNeeds.objects.create(
            registration=registration,
            needs=["companion"],
            consented_at="2026-01-01T00:00Z",
        )
        item = AgendaItem.objects.create(meeting=meeting, title=f"Punkt {batch}{i}", position=i)
        Proposal.objects.create(
            meeting=meeting,
            organisation=organisation,
            title=f"Förslag {batch}{i}",
            text="…",
            agenda_item=item,
            status="taken_up",
        )
    Evaluation.objects.bulk_create(
        Evaluation(meeting=meeting, user=user, useful=4, heard=3, accessible=5, comment="Bra")
        for user in users
    )
    for notification in notify(users=users, subject="Inbjudan", body="…"):
        MeetingMail.objects.create(meeting=meeting, notification=notification, kind="invitation")


@pytest.mark.parametrize(
    "name", ["participants", "programme", "meeting_detail", "attendance", "evaluation_results"]
)
def test_it_runs_the_same_number_of_queries_for_few_and_many(
    meeting, organisation, client_for, name
):
    meeting.seats = None
    meeting.save()
    client = client_for(Role.AGENCY_STAFF)
    url = reverse(f"meetings:{name}", args=[meeting.engagement.pk])
    grow(meeting, organisation, 3, "a")
    client.get(url)  # warm the caches (content types) that any first request fills
    with CaptureQueriesContext(connection) as few:
        assert client.get(url).status_code == 200
    grow(meeting, organisation, 20, "b")
    with CaptureQueriesContext(connection) as many:
        assert client.get(url).status_code == 200
    assert len(many) == len(few), [q["sql"] for q in many.captured_queries][len(few) - 5 :]
