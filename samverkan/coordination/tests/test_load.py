"""Organisation load and its warnings: capacity, notice and same-day clashes."""

from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from samverkan.coordination.load import organisation_load
from samverkan.engagements.models import Invitation, InvitationStatus, Status
from samverkan.engagements.services import involvements_refresh
from tests.factories import AgencyFactory, EngagementFactory, OrganisationFactory

STOCKHOLM = ZoneInfo("Europe/Stockholm")
TODAY = date(2026, 11, 22)


def at(day: date, hour=10):
    return datetime(day.year, day.month, day.day, hour, tzinfo=STOCKHOLM)


@pytest.fixture
def hosts(db):
    return [AgencyFactory(name=f"Myndighet {i}") for i in range(3)]


def invite(organisation, day, host, **kwargs):
    return EngagementFactory(hosts=[host], invited=[organisation], starts_at=at(day), **kwargs)


def load_of(organisation, planned_day=None, **kwargs):
    starts_at = at(planned_day, 14) if planned_day else None
    return organisation_load(
        organisations=[organisation], starts_at=starts_at, today=TODAY, **kwargs
    )[0]


def test_counts_across_all_hosts_before_and_after_the_planned_date(hosts):
    organisation = OrganisationFactory(max_engagements_per_quarter=10)
    planned = date(2027, 2, 1)
    invite(organisation, planned - timedelta(days=30), hosts[0])
    invite(organisation, planned - timedelta(days=120), hosts[1])  # outside the window
    invite(organisation, planned + timedelta(days=10), hosts[1])
    invite(organisation, planned + timedelta(days=89), hosts[2])
    load = load_of(organisation, planned)
    assert (load.before, load.after, load.unanswered) == (1, 2, 2)
    assert load.warnings == []


def test_over_capacity(hosts):
    organisation = OrganisationFactory(max_engagements_per_quarter=2)
    planned = date(2027, 3, 1)
    invite(organisation, planned + timedelta(days=5), hosts[0])
    assert load_of(organisation, planned).warnings == []  # 1 + the planned one = 2
    invite(organisation, planned + timedelta(days=40), hosts[1])
    load = load_of(organisation, planned)
    assert load.warnings == ["over_capacity"]
    assert "Fler aktiviteter än" in str(load.warning_texts[0])


def test_declined_and_cancelled_do_not_count(hosts):
    organisation = OrganisationFactory(max_engagements_per_quarter=1)
    planned = date(2027, 3, 1)
    declined = invite(organisation, planned + timedelta(days=5), hosts[0])
    Invitation.objects.filter(engagement=declined).update(status=InvitationStatus.DECLINED)
    involvements_refresh(engagement_ids=[declined.pk])  # as the admin does after a change
    invite(organisation, planned + timedelta(days=6), hosts[1], status=Status.CANCELLED)
    load = load_of(organisation, planned)
    assert (load.after, load.warnings) == (0, [])


def test_short_notice(hosts):
    organisation = OrganisationFactory(notice_weeks=6)
    assert load_of(organisation, TODAY + timedelta(weeks=5)).warnings == ["short_notice"]
    assert load_of(organisation, TODAY + timedelta(weeks=6)).warnings == []


def test_same_day_clash_names_the_other_activity(hosts):
    organisation = OrganisationFactory()
    planned = date(2027, 4, 7)
    other = invite(organisation, planned, hosts[1], title="Referensgruppsmöte om tandvård")
    load = load_of(organisation, planned)
    assert load.warnings == ["clash"]
    assert [c["title"] for c in load.clashes] == ["Referensgruppsmöte om tandvård"]
    # The activity being edited does not clash with itself.
    assert load_of(organisation, planned, exclude_engagement=other).warnings == []


def test_an_organisation_that_stated_nothing_gets_counts_but_no_capacity_warnings(hosts):
    organisation = OrganisationFactory()
    planned = date(2027, 5, 1)
    for i in range(12):
        invite(organisation, planned + timedelta(days=i + 1), hosts[i % 3])
    load = load_of(organisation, planned)
    assert load.after == 12 and load.capacity is None
    assert load.warnings == []


def test_an_organisation_with_no_history(db):
    load = load_of(OrganisationFactory(max_engagements_per_quarter=3, notice_weeks=2))
    assert (load.before, load.after, load.unanswered, load.clashes, load.warnings) == (
        0,
        0,
        0,
        [],
        [],
    )


def test_twenty_organisations_take_two_queries(hosts, django_assert_num_queries):
    organisations = [OrganisationFactory() for _ in range(20)]
    for i, organisation in enumerate(organisations):
        invite(organisation, date(2027, 1, 10), hosts[i % 3])
    with django_assert_num_queries(2):
        loads = organisation_load(organisations=organisations, starts_at=at(date(2027, 1, 10)))
    assert all(load.warnings == ["clash"] for load in loads)
