"""Bad input gets a clear message in the user's language, never a 500, and nothing is half-saved."""

import pytest
from django.urls import reverse

from samverkan.accounts.roles import Role
from samverkan.core.models import AuditEntry
from samverkan.engagements.models import Engagement, EngagementHost, Invitation

from .factories import EngagementFactory
from .test_permissions import engagement_data

BIG = "å" * 100_000


@pytest.fixture
def staff(client_for):
    return client_for(Role.AGENCY_STAFF)


def nothing_saved():
    return (
        not Engagement.objects.exists()
        and not EngagementHost.objects.exists()
        and not Invitation.objects.exists()
        and not AuditEntry.objects.exists()
    )


@pytest.mark.parametrize(
    ("changes", "field", "sv_message", "en_message"),
    [
        (
            {"starts_at": "2024-13-45T10:00"},
            "starts_at",
            "Fyll i ett giltigt datum/tid",
            "Enter a valid date/time",
        ),
        ({"starts_at": ""}, "starts_at", "Detta fält måste fyllas i", "This field is required"),
        (
            {"starts_at": "2030-05-02T10:00", "ends_at": "2030-05-01T10:00"},
            "ends_at",
            "Slutet kan inte vara före starten",
            "The end cannot be before the start",
        ),
        ({"title": BIG}, "title", "som mest 200 tecken", "at most 200 characters"),
        ({"description": BIG}, "description", "som mest 20000 tecken", "at most 20000 characters"),
        ({"level": "anarchy"}, "level", "Välj ett giltigt alternativ", "Select a valid choice"),
        (
            {"participants": ["999999"]},
            "participants",
            "Välj ett giltigt alternativ",
            "Select a valid choice",
        ),
        ({"invited": ["abc"]}, "invited", "är inte ett giltigt värde", "is not a valid value"),
        ({"forum": "999999"}, "forum", "Välj ett giltigt alternativ", "Select a valid choice"),
    ],
)
@pytest.mark.parametrize("lang", ["sv", "en"])
def test_a_bad_engagement_is_refused_with_a_message(
    staff, organisation, changes, field, sv_message, en_message, lang
):
    prefix = "/en" if lang == "en" else ""
    data = engagement_data() | {"invited": [organisation.pk]} | changes
    response = staff.post(prefix + "/aktiviteter/ny/", data)
    assert response.status_code == 200
    form = response.context["form"]
    assert field in form.errors
    message = sv_message if lang == "sv" else en_message
    body = response.content.decode()
    assert message in body, form.errors[field]
    assert 'id="error-summary"' in body
    assert nothing_saved()


def test_a_bad_edit_leaves_the_engagement_as_it_was(staff, agency, organisation):
    engagement = EngagementFactory(title="Orörd", hosts=[agency], invited=[organisation])
    data = engagement_data("Ny titel") | {"ends_at": "2000-01-01T00:00"}
    response = staff.post(reverse("engagements:engagement_edit", args=[engagement.pk]), data)
    assert response.status_code == 200
    engagement.refresh_from_db()
    assert engagement.title == "Orörd"
    assert list(engagement.invitations.values_list("organisation_id", flat=True)) == [
        organisation.pk
    ]
    assert not AuditEntry.objects.exists()


@pytest.mark.parametrize(
    "url",
    [
        "/organisationer/?page=abc",
        "/organisationer/?page=-1",
        "/organisationer/?page=99999999999999999999",
        "/organisationer/?kind=nonsense&target_group=abc&topic=999&consulted_by=nobody",
        "/organisationer/?q=" + "x" * 5000,
        "/organisationer/?q=%00%ff",
        "/aktiviteter/?from=2024-13-45&date_from=2024-13-45&date_to=tomorrow",
        "/aktiviteter/?date_from=2025-05-01&date_to=2024-01-01",
        "/aktiviteter/?page=abc&status=exploded&host=ghost",
        "/kalender/?month=2024-13",
        "/kalender/?month=abc&view=list&page=xyz",
        "/kalender/?month=99999-01",
        "/kalender.ics?date_from=2024-13-45",
        "/aktiviteter/export.csv?page=abc&date_from=2024-02-30",
        "/aktiviteter/export.pdf",
        "/organisationer/export.xml",
        "/aktiviteter/999999/",
        "/aktiviteter/abc/",
        "/organisationer/finns-inte/",
        "/forum/finns-inte/",
    ],
)
@pytest.mark.parametrize("role", [Role.ANONYMOUS, Role.AGENCY_STAFF])
def test_malformed_addresses_never_give_a_500(client_for, url, role):
    response = client_for(role).get(url)
    assert response.status_code in (200, 404)


@pytest.mark.parametrize("page", ["abc", "-1", "0", "99999999999999999999", "2.5", "%00"])
@pytest.mark.parametrize("role", [Role.ANONYMOUS, Role.REPRESENTATIVE])
def test_an_organisation_page_number_that_is_no_page_shows_a_page(
    client_for, agency, organisation, page, role
):
    """The organisation's activities and its agencies are paged from the derived rows; a page
    number that is not one shows the first or the last page."""
    EngagementFactory(title="Dialogmöte om vården", hosts=[agency], invited=[organisation])
    client = client_for(role)
    for path in ("", "myndigheter/"):
        response = client.get(f"/organisationer/{organisation.slug}/{path}?page={page}")
        assert response.status_code == 200
        body = response.content.decode()
        assert agency.name in body
    assert (
        "Dialogmöte om vården"
        in client.get(f"/organisationer/{organisation.slug}/?page={page}").content.decode()
    )


def test_an_impossible_filter_date_is_explained(db, client):
    response = client.get("/aktiviteter/?date_from=2024-13-45")
    assert response.status_code == 200
    assert "Fyll i ett giltigt datum" in response.content.decode()
    response = client.get("/en/aktiviteter/?date_from=2025-05-01&date_to=2024-01-01")
    assert "The end date cannot be before the start date" in response.content.decode()


def test_a_month_that_is_not_a_month_is_explained(db, client):
    body = client.get("/en/kalender/?month=2024-13").content.decode()
    assert "is not a month. Showing this month instead." in body


def test_an_unknown_page_is_a_friendly_404_in_the_users_language(db, client):
    response = client.get("/en/aktiviteter/999999/")
    assert response.status_code == 404
    assert "The page could not be found" in response.content.decode()
    response = client.get("/aktiviteter/999999/")
    assert "Sidan kunde inte hittas" in response.content.decode()
