"""Role × action for triage: every role, and the staff of a host the item is not addressed to."""

import pytest

from samverkan.accounts.roles import Role
from samverkan.insights import permissions
from samverkan.insights.models import Addressee, InputItem, TriageStatus
from samverkan.insights.services import ItemData, input_items_create
from tests.factories import UserFactory

R = Role
OUTSIDER = "staff of a host not addressed"
ROLES = [*Role, OUTSIDER]

TRIAGE = {R.AGENCY_COORDINATOR: True, R.AGENCY_STAFF: True}
QUEUE = {R.AGENCY_COORDINATOR: True, R.AGENCY_STAFF: True, OUTSIDER: True}
OUR_INPUT = {R.ORGANISATION_ADMIN: True, R.REPRESENTATIVE: True}
# GET status of each page: the item page (own organisation's item), the queue, our input,
# the public page.
PAGES = {
    "item": {
        R.NETWORK_ADMIN: 200,
        R.AGENCY_COORDINATOR: 200,
        R.AGENCY_STAFF: 200,
        R.ORGANISATION_ADMIN: 200,
        R.REPRESENTATIVE: 200,
        R.ANONYMOUS: 302,
        OUTSIDER: 200,
    },
    "queue": {**dict.fromkeys(ROLES, 403), **dict.fromkeys(QUEUE, 200), R.ANONYMOUS: 302},
    "ours": {**dict.fromkeys(ROLES, 403), **dict.fromkeys(OUR_INPUT, 200), R.ANONYMOUS: 302},
    "public": dict.fromkeys(ROLES, 200),
}


@pytest.fixture
def outsider(other_agency):
    return UserFactory(role=Role.AGENCY_STAFF, organisation=other_agency)


@pytest.fixture
def people(users, outsider):
    return {**users, OUTSIDER: outsider}


@pytest.fixture
def item(users, engagement, organisation):
    input_items_create(
        actor=users[Role.AGENCY_STAFF],
        engagement=engagement,
        items=[ItemData(kind="need", text="Vårt behov", organisation_id=organisation.pk)],
        action="test",
    )
    return InputItem.objects.get()


@pytest.fixture
def login(client, people):
    def make(role):
        client.logout()
        if people[role] is not None:
            client.force_login(people[role])
        return client

    return make


@pytest.mark.parametrize("role", ROLES)
def test_only_the_addressed_hosts_people_may_triage(people, item, role):
    addressee = Addressee.objects.get()
    assert permissions.can_triage(people[role], addressee) is TRIAGE.get(role, False)


@pytest.mark.parametrize("role", ROLES)
def test_the_queue_is_for_the_agency_side_of_a_host(people, role):
    assert permissions.can_see_triage_queue(people[role]) is QUEUE.get(role, False)


@pytest.mark.parametrize("role", ROLES)
def test_our_input_is_for_an_organisations_users(people, role):
    assert permissions.can_view_our_input(people[role]) is OUR_INPUT.get(role, False)


@pytest.mark.parametrize("page", PAGES)
@pytest.mark.parametrize("role", ROLES)
def test_it_answers_each_role_on_each_page(login, item, engagement, role, page):
    address = {
        "item": f"/underlag/{item.pk}/",
        "queue": "/underlag/att-besvara/",
        "ours": "/underlag/vart/",
        "public": f"/aktiviteter/{engagement.pk}/vi-fragade-ni-sa-vi-gjorde/",
    }[page]
    assert login(role).get(address).status_code == PAGES[page][role]


@pytest.mark.parametrize("role", ROLES)
def test_only_the_addressed_hosts_people_can_post_a_step(login, item, role):
    response = login(role).post(
        f"/underlag/{item.pk}/", {"triage-status": "acted_on", "triage-response": "Gjort."}
    )
    allowed = TRIAGE.get(role, False)
    expected = 302 if allowed else (302 if role == R.ANONYMOUS else 403)
    assert response.status_code == expected
    assert Addressee.objects.get().status == (
        TriageStatus.ACTED_ON if allowed else TriageStatus.RECEIVED
    )


def test_another_organisation_cannot_see_the_item(login, item, people):
    from tests.factories import OrganisationFactory

    stranger = UserFactory(role=Role.REPRESENTATIVE, organisation=OrganisationFactory())
    client = login(R.ANONYMOUS)
    client.force_login(stranger)
    assert client.get(f"/underlag/{item.pk}/").status_code == 403
    assert "Vårt behov" not in client.get("/underlag/vart/").content.decode()
