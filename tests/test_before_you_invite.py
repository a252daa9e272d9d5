""" "Before you invite": similar activities at other agencies and the invited organisations' load."""

from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from django.utils import timezone

from samverkan.accounts.roles import Role
from samverkan.coordination.services import engagement_index

from .factories import EngagementFactory, OrganisationFactory

STOCKHOLM = ZoneInfo("Europe/Stockholm")


@pytest.fixture
def elsewhere(other_agency, organisation):
    """A similar activity at another agency, already indexed, that invites the same organisation."""
    other = EngagementFactory(
        title="Dialogmöte om användning av läkemedel bland äldre",
        hosts=[other_agency],
        invited=[organisation],
        starts_at=datetime(2027, 2, 10, 10, tzinfo=STOCKHOLM),
    )
    engagement_index(engagement=other)
    unrelated = EngagementFactory(title="Workshop om tandvårdsstöd", hosts=[other_agency])
    engagement_index(engagement=unrelated)
    return other


def draft(**values):
    return {
        "title": "Samråd om läkemedelsanvändning hos äldre",
        "starts_at": "2027-02-10T13:00",
    } | values


def test_the_panel_finds_the_similar_activity_and_says_why(client_for, elsewhere, organisation):
    client = client_for(Role.AGENCY_STAFF)
    response = client.post(
        "/en/aktiviteter/fore-inbjudan/",
        draft(invited=[organisation.pk]),
        HTTP_HX_REQUEST="true",
    )
    assert response.status_code == 200
    body = response.content.decode()
    assert elsewhere.title in body and "Workshop om tandvårdsstöd" not in body
    assert "shared words" in body and "läkemedel" in body
    # The organisation is invited to the other agency's activity the same day.
    assert organisation.name in body and "already invited to another activity that day" in body
    assert 'hx-swap-oob="true"' in body and "1 similar activity" in body


def test_a_saved_engagement_shows_the_panel_and_proposes_from_a_hit(
    client_for, agency, other_agency, elsewhere, organisation
):
    client = client_for(Role.AGENCY_STAFF)
    mine = EngagementFactory(
        title="Samråd om läkemedelsanvändning hos äldre",
        hosts=[agency],
        invited=[organisation],
        starts_at=datetime(2027, 2, 11, 10, tzinfo=STOCKHOLM),
    )
    page = client.get(f"/aktiviteter/{mine.pk}/").content.decode()
    assert elsewhere.title in page
    assert f'name="prompted_by" value="{elsewhere.pk}"' in page
    response = client.post(
        f"/aktiviteter/{mine.pk}/gemensam/", {"host": other_agency.pk, "prompted_by": elsewhere.pk}
    )
    assert response.status_code == 302
    assert mine.co_host_proposals.get().prompted_by == elsewhere


def test_saving_an_engagement_indexes_it(client_for, agency, other_agency):
    client = client_for(Role.AGENCY_STAFF)
    client.post(
        "/aktiviteter/ny/",
        {
            "title": "Referensgrupp om suicidprevention bland unga",
            "level": "dialogue",
            "representation": "appointed",
            "knowledge": "collective",
            "method": "reference_group",
            "starts_at": (timezone.localtime() + timedelta(days=20)).strftime("%Y-%m-%dT%H:%M"),
            "venue": "digital",
            "status": "planned",
        },
    )
    from samverkan.coordination.similarity import similar_engagements

    hits = similar_engagements(title="suicidprevention för unga", exclude_hosts=[other_agency])
    assert [m.engagement.title for m in hits] == ["Referensgrupp om suicidprevention bland unga"]


@pytest.mark.parametrize(
    "values",
    [
        {"title": "och i att"},  # stop words only
        {"title": "", "description": ""},
        {"description": "läkemedel " * 12_000},  # 100 kB
        {"starts_at": "2024-13-45T10:00", "invited": ["abc"], "target_groups": ["999"]},
        {"engagement": "999999"},
    ],
)
def test_bad_drafts_give_a_panel_not_an_error(client_for, elsewhere, values):
    response = client_for(Role.AGENCY_STAFF).post(
        "/aktiviteter/fore-inbjudan/", draft(**values), HTTP_HX_REQUEST="true"
    )
    assert response.status_code == 200


def test_an_organisation_with_no_history_gets_a_quiet_row(client_for, elsewhere):
    quiet = OrganisationFactory(name="Ny förening")
    body = (
        client_for(Role.AGENCY_STAFF)
        .post("/en/aktiviteter/fore-inbjudan/", draft(invited=[quiet.pk]), HTTP_HX_REQUEST="true")
        .content.decode()
    )
    assert "Ny förening" in body and "not stated" in body


@pytest.mark.parametrize("role", list(Role))
def test_only_agency_staff_get_the_panel(client_for, elsewhere, role):
    response = client_for(role).post("/aktiviteter/fore-inbjudan/", draft())
    allowed = role in (Role.AGENCY_COORDINATOR, Role.AGENCY_STAFF)
    expected = 200 if allowed else (302 if role == Role.ANONYMOUS else 403)
    assert response.status_code == expected
