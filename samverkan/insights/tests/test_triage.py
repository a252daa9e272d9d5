"""Triage: an addressed host moves an item on with a response; the raising organisation is told."""

import pytest
from django.conf import settings
from django.core import mail
from django.core.exceptions import PermissionDenied, ValidationError

from samverkan.accounts.roles import Role
from samverkan.core.models import AuditEntry, Notification
from samverkan.insights.models import Addressee, InputItem, TriageStatus, TriageStep
from samverkan.insights.services import ItemData, addressee_triage, input_items_create
from tests.factories import AgencyFactory, OrganisationFactory, UserFactory

S = TriageStatus


@pytest.fixture
def item(users, engagement, organisation):
    input_items_create(
        actor=users[Role.AGENCY_STAFF],
        engagement=engagement,
        items=[ItemData(kind="need", text="Bättre information", organisation_id=organisation.pk)],
        action="test",
    )
    return InputItem.objects.get()


@pytest.fixture
def addressee(item, agency):
    return Addressee.objects.get(item=item, host=agency)


def triage(users, addressee, status, response="", referred_to=None, role=Role.AGENCY_STAFF):
    return addressee_triage(
        actor=users[role],
        addressee=addressee,
        status=status,
        response=response,
        referred_to=referred_to,
    )


def test_an_item_starts_received_for_each_host(addressee):
    assert addressee.status == S.RECEIVED
    assert addressee.status_changed_at is None and addressee.first_response_at is None


@pytest.mark.parametrize("status", [S.CONSIDERING, S.ACTED_ON, S.IN_ASSIGNMENT, S.NOT_ACTED_ON])
def test_each_step_is_saved_with_its_response_history_and_audit_entry(users, addressee, status):
    triage(users, addressee, status, "  Vi tar med det i rapporten.  ")
    addressee.refresh_from_db()
    assert addressee.status == status
    assert addressee.response == "Vi tar med det i rapporten."
    assert addressee.status_changed_at is not None
    assert addressee.first_response_at == addressee.status_changed_at
    step = TriageStep.objects.get()
    assert (step.status, step.response, step.actor) == (
        status,
        "Vi tar med det i rapporten.",
        users[Role.AGENCY_STAFF],
    )
    entry = AuditEntry.objects.get(action="insights.addressee.triaged")
    assert entry.actor == users[Role.AGENCY_STAFF]
    assert entry.changes["response"] == ["", "Vi tar med det i rapporten."]


def test_the_first_response_time_is_kept_when_later_steps_come(users, addressee):
    triage(users, addressee, S.CONSIDERING)
    addressee.refresh_from_db()
    assert addressee.status_changed_at is not None and addressee.first_response_at is None
    triage(users, addressee, S.CONSIDERING, "Vi utreder frågan.")
    addressee.refresh_from_db()
    first = addressee.first_response_at
    assert first is not None
    triage(users, addressee, S.ACTED_ON, "Broschyren är omskriven.", role=Role.AGENCY_COORDINATOR)
    addressee.refresh_from_db()
    assert addressee.first_response_at == first
    assert addressee.status == S.ACTED_ON
    assert list(addressee.steps.values_list("status", flat=True)) == [
        S.CONSIDERING,
        S.CONSIDERING,
        S.ACTED_ON,
    ]


def test_a_referral_addresses_the_other_host_and_tells_its_coordinators(
    users, addressee, item, other_agency, django_capture_on_commit_callbacks
):
    coordinator = UserFactory(role=Role.AGENCY_COORDINATOR, organisation=other_agency)
    UserFactory(role=Role.AGENCY_STAFF, organisation=other_agency)  # coordinators answer
    with django_capture_on_commit_callbacks(execute=True):
        triage(users, addressee, S.REFERRED, "Frågan hör till dem.", referred_to=other_agency)
    addressee.refresh_from_db()
    assert addressee.status == S.REFERRED and addressee.referred_to == other_agency
    new = Addressee.objects.get(item=item, host=other_agency)
    assert new.status == S.RECEIVED
    assert AuditEntry.objects.filter(action="insights.addressee.referred").exists()
    to_host = Notification.objects.get(user=coordinator)
    assert "Myndigheten för test" in to_host.subject
    assert to_host.url == f"{settings.SITE_URL}/underlag/{item.pk}/"  # a link that works in a mail
    assert "Bättre information" in to_host.body


def test_the_status_is_what_the_latest_step_says(users, addressee, other_agency):
    triage(users, addressee, S.REFERRED, referred_to=other_agency)
    triage(users, addressee, S.CONSIDERING, "Vi tittar på det ändå.")
    addressee.refresh_from_db()
    assert addressee.status == S.CONSIDERING and addressee.referred_to is None


@pytest.mark.parametrize(
    "status, response, referral, message",
    [
        ("nonsense", "", None, "status"),
        (S.RECEIVED, "", None, "status"),
        (S.NOT_ACTED_ON, "   ", None, "reason"),
        (S.ACTED_ON, "x" * 5001, None, "too_long"),
        (S.REFERRED, "", None, "referral"),
        (S.REFERRED, "", "self", "referral"),
        (S.REFERRED, "", "civil_society", "referral"),
    ],
)
def test_bad_input_is_refused_and_nothing_is_written(
    users, addressee, organisation, status, response, referral, message
):
    referred_to = {"self": addressee.host, "civil_society": organisation}.get(referral)
    with pytest.raises(ValidationError) as error:
        triage(users, addressee, status, response, referred_to=referred_to)
    assert error.value.code == message
    addressee.refresh_from_db()
    assert addressee.status == S.RECEIVED
    assert not TriageStep.objects.exists() and not Notification.objects.exists()
    assert not AuditEntry.objects.filter(action__startswith="insights.addressee").exists()


def test_a_referral_to_a_host_that_already_has_the_item_is_refused(
    users, engagement, agency, other_agency, organisation
):
    engagement.host_links.create(organisation=other_agency, role="co_host")
    input_items_create(
        actor=users[Role.AGENCY_STAFF],
        engagement=engagement,
        items=[ItemData(kind="need", text="Två värdar", organisation_id=organisation.pk)],
        action="test",
    )
    addressee = Addressee.objects.get(host=agency)
    with pytest.raises(ValidationError):
        triage(users, addressee, S.REFERRED, referred_to=other_agency)


def test_the_same_step_twice_is_refused(users, addressee):
    triage(users, addressee, S.ACTED_ON, "Klart.")
    with pytest.raises(ValidationError) as error:
        triage(users, addressee, S.ACTED_ON, "Klart.")
    assert error.value.code == "unchanged"
    assert TriageStep.objects.count() == 1


@pytest.mark.parametrize("role", [Role.NETWORK_ADMIN, Role.ORGANISATION_ADMIN, Role.REPRESENTATIVE])
def test_only_the_addressed_hosts_people_may_triage(users, addressee, role):
    with pytest.raises(PermissionDenied):
        triage(users, addressee, S.CONSIDERING, role=role)
    assert not TriageStep.objects.exists()


def test_another_hosts_staff_may_not_triage(addressee, other_agency):
    staff = UserFactory(role=Role.AGENCY_STAFF, organisation=other_agency)
    with pytest.raises(PermissionDenied):
        addressee_triage(actor=staff, addressee=addressee, status=S.CONSIDERING, response="")


def test_the_raising_organisation_gets_a_mail_through_the_worker(
    users, addressee, item, organisation, run_worker, django_capture_on_commit_callbacks
):
    UserFactory(role=Role.REPRESENTATIVE, organisation=OrganisationFactory(), email="x@example.se")
    UserFactory(
        role=Role.REPRESENTATIVE,
        organisation=organisation,
        email="gone@example.se",
        is_active=False,
    )
    with django_capture_on_commit_callbacks(execute=True):
        triage(users, addressee, S.ACTED_ON, "Vi har skrivit om broschyren.")
    assert mail.outbox == []
    run_worker()
    recipients = sorted(address for message in mail.outbox for address in message.to)
    assert recipients == ["admin@example.se", "representant@example.se"]
    message = mail.outbox[0]
    # In Swedish, the site's language, whatever language the agency worked in.
    assert "Åtgärdat" in message.subject
    assert "Myndigheten för test" in message.subject
    assert "Vi har skrivit om broschyren." in message.body
    assert "Bättre information" in message.body
    assert f"{settings.SITE_URL}/underlag/{item.pk}/" in message.body
    # No person's name or email from the agency side goes out.
    assert "handlaggare@example.se" not in message.body


def test_an_anonymous_item_tells_nobody(
    users, engagement, agency, django_capture_on_commit_callbacks
):
    input_items_create(
        actor=users[Role.AGENCY_STAFF],
        engagement=engagement,
        items=[ItemData(kind="need", text="Anonymt")],
        action="test",
    )
    addressee = Addressee.objects.get(host=agency)
    with django_capture_on_commit_callbacks(execute=True):
        triage(users, addressee, S.ACTED_ON, "Gjort.")
    assert not Notification.objects.exists()


def test_a_municipality_can_be_referred_to(users, addressee, item):
    from samverkan.register.models import OrganisationKind

    municipality = AgencyFactory(kind=OrganisationKind.MUNICIPALITY)
    triage(users, addressee, S.REFERRED, referred_to=municipality)
    assert Addressee.objects.filter(item=item, host=municipality).exists()
