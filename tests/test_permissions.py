"""The permission matrix: every role against every write action. Only the allowed ones succeed."""

import pytest
from django.urls import reverse
from django.utils import timezone

from samverkan.accounts.roles import Role
from samverkan.engagements.models import Engagement, Forum
from samverkan.register.models import Organisation

from .factories import EngagementFactory, ForumFactory, UserFactory

NA, AC, AS, OA, RE, AN = (
    Role.NETWORK_ADMIN,
    Role.AGENCY_COORDINATOR,
    Role.AGENCY_STAFF,
    Role.ORGANISATION_ADMIN,
    Role.REPRESENTATIVE,
    Role.ANONYMOUS,
)


def engagement_data(title="Samråd om hjälpmedel"):
    return {
        "title": title,
        "level": "consultation",
        "representation": "appointed",
        "knowledge": "collective",
        "method": "workshop",
        "starts_at": (timezone.localtime() + timezone.timedelta(days=30)).strftime(
            "%Y-%m-%dT%H:%M"
        ),
        "venue": "digital",
        "status": "planned",
    }


def organisation_data(name):
    return {"name": name, "kind": "patient"}


def forum_data(name="Nytt råd"):
    return {"name": name, "kind": "council"}


@pytest.fixture
def records(agency, organisation):
    return {
        "engagement": EngagementFactory(title="Värdmyndighetens samråd", hosts=[agency]),
        "forum": ForumFactory(name="Värdmyndighetens råd", hosts=[agency]),
    }


# action name → (allowed roles, function(client, records, agency, organisation) → response,
#                function(records, agency, organisation) → True if the write happened)
ACTIONS = {
    "organisation.create": (
        {NA, AC},
        lambda c, r, a, o: c.post(
            reverse("register:organisation_create"), organisation_data("Ny förening")
        ),
        lambda r, a, o: Organisation.objects.filter(name="Ny förening").exists(),
    ),
    "organisation.edit (civil society)": (
        {NA, OA},
        lambda c, r, a, o: c.post(
            reverse("register:organisation_edit", args=[o.slug]), organisation_data("Nytt namn")
        ),
        lambda r, a, o: Organisation.objects.filter(pk=o.pk, name="Nytt namn").exists(),
    ),
    "organisation.edit (agency)": (
        {NA, AC},
        lambda c, r, a, o: c.post(
            reverse("register:organisation_edit", args=[a.slug]),
            {"name": "Nytt verksnamn", "kind": "agency"},
        ),
        lambda r, a, o: Organisation.objects.filter(pk=a.pk, name="Nytt verksnamn").exists(),
    ),
    "engagement.create": (
        {AC, AS},
        lambda c, r, a, o: c.post(
            reverse("engagements:engagement_create"), engagement_data("Helt nytt")
        ),
        lambda r, a, o: Engagement.objects.filter(title="Helt nytt").exists(),
    ),
    "engagement.edit": (
        {AC, AS},
        lambda c, r, a, o: c.post(
            reverse("engagements:engagement_edit", args=[r["engagement"].pk]),
            engagement_data("Ändrad titel"),
        ),
        lambda r, a, o: Engagement.objects.filter(title="Ändrad titel").exists(),
    ),
    "engagement.delete": (
        {AC},
        lambda c, r, a, o: c.post(
            reverse("engagements:engagement_delete", args=[r["engagement"].pk])
        ),
        lambda r, a, o: not Engagement.objects.filter(pk=r["engagement"].pk).exists(),
    ),
    "forum.create": (
        {AC},
        lambda c, r, a, o: c.post(reverse("engagements:forum_create"), forum_data("Nytt råd")),
        lambda r, a, o: Forum.objects.filter(name="Nytt råd").exists(),
    ),
    "forum.edit": (
        {AC, AS},
        lambda c, r, a, o: c.post(
            reverse("engagements:forum_edit", args=[r["forum"].slug]), forum_data("Omdöpt råd")
        ),
        lambda r, a, o: Forum.objects.filter(name="Omdöpt råd").exists(),
    ),
}


@pytest.mark.parametrize("action", list(ACTIONS))
@pytest.mark.parametrize("role", list(Role))
def test_it_allows_only_the_roles_in_the_matrix(
    client_for, records, agency, organisation, action, role
):
    allowed, perform, happened = ACTIONS[action]
    response = perform(client_for(role), records, agency, organisation)
    if role in allowed:
        assert response.status_code == 302, response.content.decode()[:2000]
        assert happened(records, agency, organisation)
    else:
        expected = 302 if role == AN else 403
        assert response.status_code == expected
        if role == AN:
            assert reverse("account_login") in response["Location"]
        assert not happened(records, agency, organisation)


@pytest.mark.parametrize(
    "action", ["engagement.edit", "engagement.delete", "forum.edit", "organisation.edit (agency)"]
)
@pytest.mark.parametrize("role", [AC, AS])
def test_it_denies_staff_of_another_host(
    client, records, agency, organisation, other_agency, action, role
):
    outsider = UserFactory(role=role, organisation=other_agency)
    client.force_login(outsider)
    _allowed, perform, happened = ACTIONS[action]
    response = perform(client, records, agency, organisation)
    assert response.status_code == 403
    assert not happened(records, agency, organisation)


def test_it_lets_a_co_host_edit(client, agency, other_agency):
    engagement = EngagementFactory(hosts=[agency, other_agency])
    client.force_login(UserFactory(role=AS, organisation=other_agency))
    data = engagement_data("Ändrad av medvärd")
    response = client.post(reverse("engagements:engagement_edit", args=[engagement.pk]), data)
    assert response.status_code == 302, response.context["form"].errors
    engagement.refresh_from_db()
    assert engagement.title == "Ändrad av medvärd"
    # Editing never changes who hosts it.
    assert {link.organisation_id for link in engagement.host_links.all()} == {
        agency.pk,
        other_agency.pk,
    }
    assert engagement.lead_host == agency


@pytest.mark.parametrize("role", list(Role))
def test_unpublished_engagements_are_seen_only_by_agency_side(client_for, agency, role):
    hidden = EngagementFactory(title="Hemlig planering", hosts=[agency], is_published=False)
    client = client_for(role)
    detail = client.get(reverse("engagements:engagement_detail", args=[hidden.pk]))
    listing = client.get(reverse("engagements:engagement_list"))
    calendar = client.get(
        reverse("engagements:calendar") + "?view=list&month=" + hidden.starts_at.strftime("%Y-%m")
    )
    feed = client.get(reverse("engagements:calendar_ics"))
    export = client.get(reverse("engagements:engagement_export", args=["csv"]))
    export_text = b"".join(export.streaming_content).decode()
    visible = Role(role).is_public_body
    assert detail.status_code == (200 if visible else 404)
    for body in (
        listing.content.decode(),
        calendar.content.decode(),
        feed.content.decode(),
        export_text,
    ):
        assert ("Hemlig planering" in body) is visible


@pytest.mark.parametrize("role", list(Role))
def test_contact_details_are_seen_only_by_agency_side(client_for, organisation, role):
    from .factories import AffiliationFactory

    AffiliationFactory(
        organisation=organisation,
        person__first_name="Lisa",
        person__email="lisa@example.se",
        person__phone="08-123 45 67",
    )
    body = (
        client_for(role)
        .get(reverse("register:organisation_detail", args=[organisation.slug]))
        .content.decode()
    )
    assert ("lisa@example.se" in body) is Role(role).is_public_body
    assert ("08-123 45 67" in body) is Role(role).is_public_body
    # Names are for logged-in users; anonymous visitors see no people at all.
    assert ("Lisa" in body) is (role != AN)


def test_the_change_log_is_shown_to_hosts_only(client, users, agency, other_agency):
    client.force_login(users[AS])
    client.post(reverse("engagements:engagement_create"), engagement_data("Loggad aktivitet"))
    engagement = Engagement.objects.get(title="Loggad aktivitet")
    client.post(
        reverse("engagements:engagement_edit", args=[engagement.pk]),
        engagement_data("Loggad och ändrad"),
    )
    page = client.get(
        reverse("engagements:engagement_detail", args=[engagement.pk])
    ).content.decode()
    assert "engagements.engagement" not in page  # codes stay internal
    assert "Loggad aktivitet" in page and "Loggad och ändrad" in page  # before → after
    client.force_login(UserFactory(role=AS, organisation=other_agency))
    page = client.get(
        reverse("engagements:engagement_detail", args=[engagement.pk])
    ).content.decode()
    assert "Loggad aktivitet" not in page
