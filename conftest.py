import pytest

from samverkan.accounts.roles import Role
from tests.factories import AgencyFactory, OrganisationFactory, UserFactory


@pytest.fixture(autouse=True)
def mail_through_the_worker(settings):
    """Django's test runner swaps EMAIL_BACKEND for locmem; put ours back so every test's mail
    goes the real way: queued after commit as a task, delivered by the task into locmem."""
    settings.EMAIL_BACKEND = "samverkan.core.mail.TaskEmailBackend"
    settings.MAIL_DELIVERY_BACKEND = "django.core.mail.backends.locmem.EmailBackend"


@pytest.fixture(autouse=True)
def default_language():
    """Each test starts in the site's default language, whatever an earlier one activated
    (a request through the test client leaves its language active in the thread)."""
    from django.conf import settings
    from django.utils import translation

    translation.activate(settings.LANGUAGE_CODE)
    yield
    translation.activate(settings.LANGUAGE_CODE)


@pytest.fixture
def run_worker(db, monkeypatch):
    """Run the real worker (`manage.py db_worker`) over every task that is due, then return.

    The worker closes database connections that are not in autocommit mode, as a long-running
    process should; inside a test the connection is the test's own transaction, so that step is
    switched off here.
    """
    from django.core.management import call_command
    from django_tasks_db.management.commands import db_worker

    monkeypatch.setattr(db_worker, "close_old_connections", lambda: None)

    def run():
        call_command("db_worker", batch=True, no_startup_delay=True, interval=0, verbosity=0)

    return run


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


@pytest.fixture(autouse=True)
def empty_cache():
    """Each test starts with an empty cache: the kept option lists (core.choices) are forgotten
    on save, but not when a test's database is rolled back."""
    from django.core.cache import cache

    cache.clear()
