from datetime import timedelta

import pytest
from django.utils import timezone

from samverkan.accounts.roles import Role
from samverkan.meetings.models import Meeting
from tests.factories import EngagementFactory, ForumFactory, OrganisationFactory, UserFactory


@pytest.fixture
def forum(agency, organisation):
    return ForumFactory(name="Dialogforum läkemedel", kind="dialogue_forum", hosts=[agency])


@pytest.fixture
def second_organisation(db):
    return OrganisationFactory(name="Föreningen Anhöriga", short_name="FA")


@pytest.fixture
def meeting(agency, organisation, second_organisation, forum):
    starts = timezone.localtime().replace(hour=10, minute=0, second=0, microsecond=0)
    engagement = EngagementFactory(
        title="Dialogforum hösten",
        hosts=[agency],
        invited=[organisation, second_organisation],
        forum=forum,
        starts_at=starts + timedelta(days=20),
        ends_at=starts + timedelta(days=20, hours=3),
        location="Storgatan 1, Stockholm",
    )
    return Meeting.objects.create(
        engagement=engagement, topics_deadline=timezone.now() + timedelta(days=7), seats=2
    )


@pytest.fixture
def representatives(organisation, second_organisation):
    """Two more representatives, one from each invited organisation."""
    return [
        UserFactory(
            email="rep2@example.se",
            first_name="Sam",
            last_name="Lind",
            role=Role.REPRESENTATIVE,
            organisation=organisation,
        ),
        UserFactory(
            email="rep3@example.se",
            first_name="Ali",
            last_name="Nord",
            role=Role.REPRESENTATIVE,
            organisation=second_organisation,
        ),
    ]
