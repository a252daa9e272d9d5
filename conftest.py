import pytest

from samverkan.accounts.roles import Role
from tests.factories import AgencyFactory, OrganisationFactory, UserFactory


@pytest.fixture(autouse=True)
def mail_through_the_worker(settings):
    """Django's test runner swaps EMAIL_BACKEND for locmem; put ours back so every test's mail
    goes the real way: queued after commit as a task, delivered by the task into locmem."""
    settings.EMAIL_BACKEND = "samverkan.core.mail.TaskEmailBackend"
    settings.MAIL_DELIVERY_BACKEND = "django.core.mail.backends.locmem.EmailBackend"


@pytest.fixture
def agency(db):
    return AgencyFactory(name="Myndigheten för test", short_name="MFT")


@pytest.fixture
def other_agency(db):
    return AgencyFactory(name="Andra myndigheten", short_name="AM")


@pytest.fixture
def organisation(db):
    return OrganisationFactory(name="Riksförbundet Test")


@pytest.fixture
def users(db, agency, organisation):
    """One user per role: the network admin, the agency's coordinator and staff, the organisation's admin and representative."""
    return {
        Role.NETWORK_ADMIN: UserFactory(email="natverk@example.se", role=Role.NETWORK_ADMIN),
        Role.AGENCY_COORDINATOR: UserFactory(
            email="samordnare@example.se", role=Role.AGENCY_COORDINATOR, organisation=agency
        ),
        Role.AGENCY_STAFF: UserFactory(
            email="handlaggare@example.se", role=Role.AGENCY_STAFF, organisation=agency
        ),
        Role.ORGANISATION_ADMIN: UserFactory(
            email="admin@example.se", role=Role.ORGANISATION_ADMIN, organisation=organisation
        ),
        Role.REPRESENTATIVE: UserFactory(
            email="representant@example.se", role=Role.REPRESENTATIVE, organisation=organisation
        ),
        Role.ANONYMOUS: None,
    }


@pytest.fixture
def client_for(client, users):
    """A test client logged in as the user with `role` (or anonymous)."""

    def make(role):
        client.logout()
        if users[role] is not None:
            client.force_login(users[role])
        return client

    return make
