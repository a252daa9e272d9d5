"""Role × action for input items, every role in every cell."""

import pytest

from samverkan.accounts.roles import Role
from samverkan.insights import permissions
from samverkan.insights.models import InputItem
from tests.factories import EngagementFactory, UserFactory

R = Role
RECORD = {R.AGENCY_COORDINATOR: True, R.AGENCY_STAFF: True}
VIEW_LIST = {
    R.NETWORK_ADMIN: True,
    R.AGENCY_COORDINATOR: True,
    R.AGENCY_STAFF: True,
    R.ORGANISATION_ADMIN: True,
    R.REPRESENTATIVE: True,
}
# An item from the fixture organisation, and an anonymous one.
VIEW_OWN_ITEM = VIEW_LIST
VIEW_ANONYMOUS_ITEM = {R.NETWORK_ADMIN: True, R.AGENCY_COORDINATOR: True, R.AGENCY_STAFF: True}


@pytest.fixture
def engagement(agency, organisation):
    return EngagementFactory(hosts=[agency], invited=[organisation])


@pytest.mark.parametrize("role", list(Role))
def test_it_lets_only_the_hosts_record(users, engagement, role):
    assert permissions.can_record_input(users[role], engagement) is RECORD.get(role, False)


@pytest.mark.parametrize("role", list(Role))
def test_it_shows_the_list_to_the_agency_side_and_organisations(users, engagement, role):
    assert permissions.can_view_input_list(users[role], engagement) is VIEW_LIST.get(role, False)


@pytest.mark.parametrize("role", list(Role))
def test_it_shows_an_item_to_its_own_organisation_and_the_agency_side(
    users, engagement, organisation, role
):
    own = InputItem(engagement=engagement, kind="need", text="x", organisation=organisation)
    anonymous = InputItem(engagement=engagement, kind="need", text="y")
    assert permissions.can_view_input_item(users[role], own) is VIEW_OWN_ITEM.get(role, False)
    assert permissions.can_view_input_item(users[role], anonymous) is VIEW_ANONYMOUS_ITEM.get(
        role, False
    )


def test_it_does_not_let_another_hosts_staff_record(engagement, other_agency):
    staff = UserFactory(role=Role.AGENCY_STAFF, organisation=other_agency)
    assert not permissions.can_record_input(staff, engagement)


PAGES = ["", "ny/", "import/", "import/mall.xlsx"]
GET_STATUS = {
    "": {
        R.NETWORK_ADMIN: 200,
        R.AGENCY_COORDINATOR: 200,
        R.AGENCY_STAFF: 200,
        R.ORGANISATION_ADMIN: 200,
        R.REPRESENTATIVE: 200,
        R.ANONYMOUS: 302,
    },
    "ny/": {
        R.NETWORK_ADMIN: 403,
        R.AGENCY_COORDINATOR: 200,
        R.AGENCY_STAFF: 200,
        R.ORGANISATION_ADMIN: 403,
        R.REPRESENTATIVE: 403,
        R.ANONYMOUS: 302,
    },
}
GET_STATUS["import/"] = GET_STATUS["ny/"]
GET_STATUS["import/mall.xlsx"] = GET_STATUS["ny/"]


@pytest.mark.parametrize("page", PAGES)
@pytest.mark.parametrize("role", list(Role))
def test_it_answers_each_role_on_each_page(client_for, engagement, role, page):
    response = client_for(role).get(f"/aktiviteter/{engagement.pk}/underlag/{page}")
    assert response.status_code == GET_STATUS[page][role]


@pytest.mark.parametrize("role", list(Role))
def test_it_lets_only_the_hosts_post(client_for, engagement, role):
    response = client_for(role).post(
        f"/aktiviteter/{engagement.pk}/underlag/ny/",
        {
            "form-TOTAL_FORMS": "1",
            "form-INITIAL_FORMS": "0",
            "form-0-kind": "need",
            "form-0-text": "Bättre information",
        },
    )
    allowed = RECORD.get(role, False)
    assert (response.status_code == 302 and response.url.endswith("/underlag/")) is allowed
    assert InputItem.objects.exists() is allowed


def test_an_organisation_sees_only_its_own_items(client_for, engagement, organisation):
    InputItem.objects.create(
        engagement=engagement, kind="need", text="Vårt behov", organisation=organisation
    )
    InputItem.objects.create(engagement=engagement, kind="need", text="Någon annans behov")
    page = (
        client_for(R.REPRESENTATIVE).get(f"/aktiviteter/{engagement.pk}/underlag/").content.decode()
    )
    assert "Vårt behov" in page and "Någon annans behov" not in page
    page = (
        client_for(R.AGENCY_STAFF).get(f"/aktiviteter/{engagement.pk}/underlag/").content.decode()
    )
    assert "Vårt behov" in page and "Någon annans behov" in page


def test_an_unpublished_engagement_is_not_revealed(client_for, agency):
    hidden = EngagementFactory(hosts=[agency], is_published=False)
    response = client_for(R.REPRESENTATIVE).get(f"/aktiviteter/{hidden.pk}/underlag/")
    assert response.status_code == 404
