"""Registration: seats and the waiting list, access needs with consent, erasure and deletion."""

from datetime import timedelta
from io import StringIO

import pytest
from django.core import mail
from django.core.exceptions import ValidationError
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.formats import date_format
from django_tasks_db.models import DBTaskResult

from samverkan.accounts.roles import Role
from samverkan.meetings.models import (
    AccessNeeds,
    MailKind,
    Meeting,
    Registration,
    RegistrationStatus,
)
from samverkan.meetings.services import access_needs_purge, access_needs_save, registration_create
from samverkan.meetings.tasks import purge_access_needs
from tests.factories import EngagementFactory, UserFactory

R = Role


def url(name, meeting):
    return reverse(f"meetings:{name}", args=[meeting.engagement.pk])


def personally_invited(meeting):
    """People register themselves (the meeting fixture is "appointed by the organisation")."""
    meeting.engagement.representation = "invited"
    meeting.engagement.save()


def register(client, meeting, **data):
    data.setdefault("attendance", "on_site")
    return client.post(url("registration", meeting), data)


def test_it_registers_with_an_interpreter_need_and_mails_a_confirmation(
    meeting, client_for, users, organisation, run_worker, django_capture_on_commit_callbacks
):
    personally_invited(meeting)
    client = client_for(R.REPRESENTATIVE)
    with django_capture_on_commit_callbacks(execute=True):
        response = register(
            client, meeting, attendance="digital", needs=["sign_language"], consent="on"
        )
    assert response.status_code == 302
    registration = Registration.objects.get()
    assert registration.status == RegistrationStatus.REGISTERED
    assert registration.organisation is None  # invited personally, for themself
    assert registration.access_needs.needs == ["sign_language"]
    meeting_day = timezone.localdate(meeting.engagement.ends_at)
    assert meeting.access_needs_purge_on == meeting_day + timedelta(days=30)
    run_worker()
    [message] = mail.outbox
    assert message.subject == "Du är anmäld: Dialogforum hösten"
    assert "Storgatan 1, Stockholm" in message.body
    page = client.get(url("registration", meeting)).content.decode()
    assert "Teckenspråkstolk" in page and "Radera mina tillgänglighetsbehov nu" in page


def test_access_needs_without_consent_are_refused_and_nothing_is_written(meeting, client_for):
    personally_invited(meeting)
    response = register(client_for(R.REPRESENTATIVE), meeting, needs=["hearing_loop"])
    assert response.status_code == 400
    assert (
        "Vi kan bara spara dina tillgänglighetsbehov om du samtycker" in response.content.decode()
    )
    assert not Registration.objects.exists() and not AccessNeeds.objects.exists()


def test_a_full_meeting_puts_people_on_the_waiting_list_and_a_cancellation_promotes_the_next(
    meeting, users, organisation, run_worker, django_capture_on_commit_callbacks, client_for
):
    personally_invited(meeting)
    people = [users[R.REPRESENTATIVE], users[R.ORGANISATION_ADMIN]] + [
        UserFactory(role=R.REPRESENTATIVE, organisation=organisation) for _ in range(2)
    ]
    with django_capture_on_commit_callbacks(execute=True):
        for person in people[:3]:
            registration_create(actor=person, meeting=meeting, attendance="on_site", needs=[])
    statuses = list(Registration.objects.values_list("status", flat=True))
    assert statuses == ["registered", "registered", "waiting"]  # two seats

    client = client_for(R.ANONYMOUS)
    client.force_login(people[3])
    response = register(client, meeting)
    assert response.status_code == 302
    page = client.get(url("registration", meeting)).content.decode()
    assert "Mötet är fullt. Du står på väntelistan" in page
    run_worker()
    mail.outbox.clear()

    # The first registered cancels: the first on the waiting list gets the seat and a mail.
    client.force_login(people[0])
    with django_capture_on_commit_callbacks(execute=True):
        client.post(url("registration_cancel", meeting))
    run_worker()
    assert Registration.objects.get(user=people[0]).status == RegistrationStatus.CANCELLED
    assert Registration.objects.get(user=people[2]).status == RegistrationStatus.REGISTERED
    assert Registration.objects.get(user=people[3]).status == RegistrationStatus.WAITING
    [message] = mail.outbox
    assert message.to == [people[2].email]
    assert message.subject == "Du har fått en plats: Dialogforum hösten"
    assert meeting.mails.filter(kind=MailKind.PROMOTED, notification__user=people[2]).exists()


def test_registering_twice_is_refused_with_a_message(meeting, users):
    registration_create(
        actor=users[R.REPRESENTATIVE], meeting=meeting, attendance="on_site", needs=[]
    )
    with pytest.raises(ValidationError, match="Du är redan anmäld"):
        registration_create(
            actor=users[R.REPRESENTATIVE], meeting=meeting, attendance="digital", needs=[]
        )
    assert Registration.objects.count() == 1


def test_registration_closes_when_the_meeting_starts(meeting, client_for):
    personally_invited(meeting)
    meeting.engagement.starts_at = timezone.now() - timedelta(minutes=5)
    meeting.engagement.save()
    response = register(client_for(R.REPRESENTATIVE), meeting)
    assert response.status_code == 400
    assert "Mötet har redan börjat" in response.content.decode()
    assert not Registration.objects.exists()


def test_the_person_changes_and_erases_their_access_needs(meeting, client_for):
    personally_invited(meeting)
    client = client_for(R.REPRESENTATIVE)
    register(client, meeting, needs=["easy_to_read"], consent="on")
    response = register(
        client, meeting, attendance="digital", needs=["dietary"], details="Glutenfri", consent="on"
    )
    assert response.status_code == 302
    registration = Registration.objects.get()
    assert registration.attendance == "digital"
    assert registration.access_needs.needs == ["dietary"]
    client.post(url("access_needs_erase", meeting))
    assert not AccessNeeds.objects.exists()
    assert Registration.objects.get().status == RegistrationStatus.REGISTERED
    assert (
        "Vi har inga tillgänglighetsbehov sparade"
        in client.get(url("registration", meeting)).content.decode()
    )


def give_needs(meeting, user):
    return registration_create(
        actor=user, meeting=meeting, attendance="on_site", needs=["companion"], consent=True
    )


def move(meeting, days):
    engagement = meeting.engagement
    engagement.starts_at += timedelta(days=days)
    engagement.ends_at += timedelta(days=days)
    engagement.save()


def test_the_scheduled_task_deletes_access_needs_the_set_number_of_days_after_the_meeting(
    meeting, users, settings, run_worker, django_capture_on_commit_callbacks
):
    settings.ACCESS_NEEDS_RETENTION_DAYS = 14
    with django_capture_on_commit_callbacks(execute=True):
        upcoming = give_needs(meeting, users[R.REPRESENTATIVE]).access_needs
    purge_day = timezone.localdate(meeting.engagement.ends_at) + timedelta(days=14)
    assert meeting.access_needs_purge_on == purge_day
    [task] = DBTaskResult.objects.filter(task_path="samverkan.meetings.tasks.purge_access_needs")
    assert timezone.localdate(task.run_after) == purge_day
    run_worker()
    assert AccessNeeds.objects.filter(pk=upcoming.pk).exists()  # not yet its day

    # A meeting that ended 14 days ago: its needs are due today, and the worker deletes them.
    past_meeting = EngagementFactory(
        starts_at=timezone.now() - timedelta(days=14, hours=2),
        ends_at=timezone.now() - timedelta(days=14),
    )
    past_meeting = Meeting.objects.create(
        engagement=past_meeting, topics_deadline=timezone.now() - timedelta(days=30)
    )
    past = Registration.objects.create(
        meeting=past_meeting, user=users[R.ORGANISATION_ADMIN], status="registered"
    )
    with django_capture_on_commit_callbacks(execute=True):
        access_needs_save(registration=past, needs=["dietary"], details="")
    assert past_meeting.access_needs_purge_on == timezone.localdate()
    run_worker()
    assert not AccessNeeds.objects.filter(registration=past).exists()
    assert AccessNeeds.objects.filter(pk=upcoming.pk).exists()  # its day has not come
    assert Registration.objects.filter(pk=past.pk, status="registered").exists()


def test_needs_of_a_meeting_moved_later_are_kept_until_its_new_day(meeting, users, settings):
    settings.ACCESS_NEEDS_RETENTION_DAYS = 14
    give_needs(meeting, users[R.REPRESENTATIVE])
    old_day = meeting.access_needs_purge_on
    move(meeting, days=20)
    new_day = meeting.access_needs_purge_on
    assert new_day == old_day + timedelta(days=20)
    assert access_needs_purge(today=old_day) == 0
    assert access_needs_purge(today=new_day - timedelta(days=1)) == 0
    assert AccessNeeds.objects.exists()
    assert access_needs_purge(today=new_day) == 1
    assert not AccessNeeds.objects.exists()


def test_needs_of_a_meeting_moved_earlier_are_deleted_as_soon_as_due(meeting, users, settings):
    settings.ACCESS_NEEDS_RETENTION_DAYS = 14
    give_needs(meeting, users[R.REPRESENTATIVE])
    old_day = meeting.access_needs_purge_on
    move(meeting, days=-10)
    new_day = meeting.access_needs_purge_on
    assert new_day == old_day - timedelta(days=10)
    assert access_needs_purge(today=new_day - timedelta(days=1)) == 0
    assert access_needs_purge(today=new_day) == 1


def test_the_task_queued_for_the_old_day_waits_for_a_meeting_moved_later(
    meeting, users, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        give_needs(meeting, users[R.REPRESENTATIVE])
    DBTaskResult.objects.all().delete()
    move(meeting, days=20)
    assert purge_access_needs.call(meeting.pk) == 0
    assert AccessNeeds.objects.exists()
    [task] = DBTaskResult.objects.filter(task_path="samverkan.meetings.tasks.purge_access_needs")
    assert timezone.localdate(task.run_after) == meeting.access_needs_purge_on


def test_the_page_shows_the_day_the_needs_are_deleted_as_the_meeting_is_planned_now(
    meeting, users, client_for, settings
):
    settings.ACCESS_NEEDS_RETENTION_DAYS = 14
    give_needs(meeting, users[R.REPRESENTATIVE])
    move(meeting, days=20)
    with translation.override("sv"):
        day = date_format(meeting.access_needs_purge_on, "j F Y")
    page = client_for(R.REPRESENTATIVE).get(url("registration", meeting)).content.decode()
    assert f"De raderas den {day}." in page


def test_the_purge_command_deletes_what_is_due(meeting, users, settings):
    registration = give_needs(meeting, users[R.REPRESENTATIVE])
    settings.ACCESS_NEEDS_RETENTION_DAYS = 0
    call_command("purge_access_needs", stdout=StringIO())
    assert AccessNeeds.objects.filter(registration=registration).exists()  # not yet held
    move(meeting, days=-21)  # held yesterday
    call_command("purge_access_needs", stdout=StringIO())
    assert not AccessNeeds.objects.filter(registration=registration).exists()


def test_the_organisation_appoints_its_representative(
    meeting,
    client_for,
    users,
    organisation,
    representatives,
    run_worker,
    django_capture_on_commit_callbacks,
):
    chosen = representatives[0]  # Sam Lind, of the same organisation
    client = client_for(R.ORGANISATION_ADMIN)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            url("appoint", meeting), {"person": chosen.pk, "attendance": "digital"}
        )
    assert response.status_code == 302
    registration = Registration.objects.get()
    assert registration.user == chosen and registration.organisation == organisation
    run_worker()
    [message] = mail.outbox
    assert message.to == [chosen.email]
    # Someone of another organisation cannot be appointed; nothing is written.
    response = client.post(
        url("appoint", meeting), {"person": representatives[1].pk, "attendance": "digital"}
    )
    assert response.status_code == 400
    assert Registration.objects.count() == 1
    assert client_for(R.REPRESENTATIVE).get(url("appoint", meeting)).status_code == 403


def test_a_representative_cannot_register_themself_when_the_organisation_appoints(
    meeting, client_for, users
):
    client = client_for(R.REPRESENTATIVE)
    assert client.get(url("registration", meeting)).status_code == 403
    assert register(client, meeting).status_code == 403
    assert not Registration.objects.exists()
    page = client.get(url("meeting_detail", meeting)).content.decode()
    assert "Din organisation utser sin företrädare: fråga din organisations administratör." in page
    assert url("registration", meeting) not in page


def test_the_appointed_representative_gives_their_own_access_needs(
    meeting, client_for, users, organisation
):
    representative = users[R.REPRESENTATIVE]
    response = client_for(R.ORGANISATION_ADMIN).post(
        url("appoint", meeting), {"person": representative.pk, "attendance": "on_site"}
    )
    assert response.status_code == 302
    client = client_for(R.REPRESENTATIVE)
    page = client.get(url("meeting_detail", meeting)).content.decode()
    assert "fråga din organisations administratör" not in page
    assert url("registration", meeting) in page  # "Your registration"
    response = register(client, meeting, needs=["sign_language"], consent="on")
    assert response.status_code == 302
    registration = Registration.objects.get()
    assert registration.user == representative and registration.organisation == organisation
    assert registration.access_needs.needs == ["sign_language"]


def test_the_administrator_may_register_themself_when_the_organisation_appoints(
    meeting, client_for, organisation
):
    assert register(client_for(R.ORGANISATION_ADMIN), meeting).status_code == 302
    assert Registration.objects.get().organisation == organisation


def test_nobody_appoints_for_a_personally_invited_meeting(meeting, client_for):
    personally_invited(meeting)
    assert client_for(R.ORGANISATION_ADMIN).get(url("appoint", meeting)).status_code == 403
    register(client_for(R.REPRESENTATIVE), meeting)
    assert Registration.objects.get().organisation is None  # for themself


def test_more_seats_go_to_the_waiting_list_in_order_and_are_mailed(
    meeting, users, organisation, client_for, run_worker, django_capture_on_commit_callbacks
):
    people = [UserFactory(role=R.REPRESENTATIVE, organisation=organisation) for _ in range(4)]
    for person in people:
        registration_create(actor=person, meeting=meeting, attendance="on_site", needs=[])
    assert Registration.objects.filter(status="waiting").count() == 2
    deadline = timezone.localtime(meeting.topics_deadline).strftime("%Y-%m-%dT%H:%M")
    with django_capture_on_commit_callbacks(execute=True):
        response = client_for(R.AGENCY_STAFF).post(
            url("meeting_setup", meeting), {"topics_deadline": deadline, "seats": 3}
        )
    assert response.status_code == 302
    assert Registration.objects.get(user=people[2]).status == "registered"
    assert Registration.objects.get(user=people[3]).status == "waiting"
    run_worker()
    promoted = [m for m in mail.outbox if m.subject.startswith("Du har fått en plats")]
    assert [m.to for m in promoted] == [[people[2].email]]


def test_the_deadline_for_topics_must_come_before_the_meeting(meeting, client_for):
    late = timezone.localtime(meeting.engagement.starts_at + timedelta(hours=1))
    response = client_for(R.AGENCY_STAFF).post(
        url("meeting_setup", meeting), {"topics_deadline": late.strftime("%Y-%m-%dT%H:%M")}
    )
    assert response.status_code == 400
    assert "måste komma före mötet" in response.content.decode()
