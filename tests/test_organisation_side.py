"""An organisation sees every agency's invitations in one calendar, with its own private feed."""

import pytest
from icalendar import Calendar

from samverkan.accounts.roles import Role

from .factories import EngagementFactory


@pytest.fixture
def invitations(agency, other_agency, organisation):
    return {
        "public": EngagementFactory(
            title="Öppet dialogmöte", hosts=[agency], invited=[organisation]
        ),
        "unpublished": EngagementFactory(
            title="Planerat samråd",
            hosts=[other_agency],
            invited=[organisation],
            is_published=False,
        ),
        "not_ours": EngagementFactory(
            title="Annat samråd", hosts=[other_agency], is_published=False
        ),
    }


def titles(content: bytes) -> set[str]:
    return {str(e["summary"]) for e in Calendar.from_ical(content).walk("VEVENT")}


@pytest.mark.parametrize("role", [Role.ORGANISATION_ADMIN, Role.REPRESENTATIVE])
def test_our_calendar_lists_every_agencys_invitations(client_for, invitations, organisation, role):
    client = client_for(role)
    response = client.get("/kalender/var/")
    assert response.status_code == 302
    assert f"organisation={organisation.slug}" in response["Location"]
    month = invitations["public"].starts_at.strftime("%Y-%m")
    page = client.get(
        f"/kalender/?view=list&organisation={organisation.slug}&month={month}"
    ).content.decode()
    assert "Öppet dialogmöte" in page and "Planerat samråd" in page  # invited, though unpublished
    assert "Annat samråd" not in page
    assert client.get(f"/aktiviteter/{invitations['unpublished'].pk}/").status_code == 200
    assert client.get(f"/aktiviteter/{invitations['not_ours'].pk}/").status_code == 404


def test_the_personal_feed_shows_what_its_owner_may_see(client, users, invitations):
    admin = users[Role.ORGANISATION_ADMIN]
    client.force_login(admin)
    page = client.get("/kalender/").content.decode()
    token = admin.__class__.objects.get(pk=admin.pk).feed_token
    assert token and f"/kalender/{token}.ics" in page
    client.logout()  # calendar apps do not log in
    assert titles(client.get(f"/kalender/{token}.ics").content) == {
        "Öppet dialogmöte",
        "Planerat samråd",
    }
    assert titles(client.get("/kalender.ics").content) == {"Öppet dialogmöte"}
    assert client.get("/kalender/not-a-token.ics").status_code == 404
