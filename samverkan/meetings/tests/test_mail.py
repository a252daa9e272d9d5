"""Mail about a meeting: invitation, reminder; date, time, place and an .ics; sent once."""

import io
from datetime import timedelta

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import timezone
from django_tasks_db.models import DBTaskResult
from icalendar import Calendar

from samverkan.accounts.roles import Role
from samverkan.core.models import Notification
from samverkan.meetings import services
from samverkan.meetings.models import Registration
from samverkan.meetings.tasks import send_reminders
from tests.factories import UserFactory

R = Role


def make_due():
    DBTaskResult.objects.update(run_after=timezone.now())


def event_of(message):
    [(name, content, mimetype)] = message.attachments
    assert mimetype == "text/calendar"
    return Calendar.from_ical(content).walk("VEVENT")[0]


def test_the_invitation_goes_to_the_invited_organisations_with_an_ics(
    meeting, users, client_for, run_worker, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = client_for(R.AGENCY_STAFF).post(
            reverse("meetings:invite", args=[meeting.engagement.pk])
        )
    assert response.status_code == 302
    run_worker()
    recipients = sorted(m.to[0] for m in mail.outbox)
    assert recipients == sorted([users[R.ORGANISATION_ADMIN].email, users[R.REPRESENTATIVE].email])
    message = mail.outbox[0]
    assert message.subject == "Inbjudan: Dialogforum hösten"
    start = timezone.localtime(meeting.engagement.starts_at)
    assert f"kl. {start:%H:%M}" in message.body or f"{start:%H:%M}" in message.body
    assert "Storgatan 1, Stockholm" in message.body
    event = event_of(message)
    assert event["dtstart"].dt == meeting.engagement.starts_at
    assert str(event["location"]) == "Storgatan 1, Stockholm"
    # The organisers see who was mailed and when.
    page = client_for(R.AGENCY_STAFF).get(
        reverse("meetings:participants", args=[meeting.engagement.pk])
    )
    body = page.content.decode()
    assert body.count("Inbjudan</td>") == 2
    assert "Väntar på att skickas" not in body


def test_the_reminder_is_queued_for_its_day_and_sent_to_the_registered_once(
    meeting, users, settings, run_worker, django_capture_on_commit_callbacks
):
    settings.MEETING_REMINDER_DAYS = 3
    services.registration_create(
        actor=users[R.REPRESENTATIVE], meeting=meeting, attendance="digital", needs=[]
    )
    with django_capture_on_commit_callbacks(execute=True):
        services.meeting_invite(actor=users[R.AGENCY_STAFF], meeting=meeting)
    task = DBTaskResult.objects.get(task_path="samverkan.meetings.tasks.send_reminders")
    assert task.run_after == meeting.engagement.starts_at - timedelta(days=3)
    run_worker()
    mail.outbox.clear()
    # Run before its day (as after a restart), the task queues itself again and sends nothing.
    make_due()
    with django_capture_on_commit_callbacks(execute=True):
        run_worker()
    assert mail.outbox == []
    assert DBTaskResult.objects.filter(
        task_path="samverkan.meetings.tasks.send_reminders", status="READY"
    ).get().run_after == meeting.engagement.starts_at - timedelta(days=3)
    # The meeting is moved to the day after tomorrow: the reminder is due now and goes once.
    meeting.engagement.starts_at = timezone.now() + timedelta(days=2)
    meeting.engagement.ends_at = meeting.engagement.starts_at + timedelta(hours=2)
    meeting.engagement.save()
    make_due()
    with django_capture_on_commit_callbacks(execute=True):
        run_worker()  # the reminder task: notifications written, their delivery queued
    run_worker()
    send_reminders.call(meeting.pk)  # a repeated task finds the reminder already sent
    run_worker()
    [message] = mail.outbox
    assert message.to == [users[R.REPRESENTATIVE].email]
    assert message.subject == "Påminnelse: Dialogforum hösten"
    assert "Storgatan 1, Stockholm" in message.body
    assert str(event_of(message)["location"]) == "Storgatan 1, Stockholm"


class WorkerKilled(BaseException):
    """Stands for the worker process dying (not an Exception: nothing catches it)."""


def test_a_reminder_batch_is_sent_once_when_the_worker_is_killed_midway_and_restarted(
    meeting, users, organisation, monkeypatch, run_worker, django_capture_on_commit_callbacks
):
    meeting.seats = None
    meeting.save()
    people = [UserFactory(role=R.REPRESENTATIVE, organisation=organisation) for _ in range(5)]
    for person in people:
        Registration.objects.create(meeting=meeting, user=person, status="registered")
    # The worker dies after writing the third notification of the batch.
    real_create = Notification.objects.create
    calls = {"n": 0}

    def dying_create(**kwargs):
        calls["n"] += 1
        if calls["n"] == 3:
            raise WorkerKilled
        return real_create(**kwargs)

    monkeypatch.setattr(Notification.objects, "create", dying_create)
    with pytest.raises(WorkerKilled), django_capture_on_commit_callbacks(execute=True):
        services.meeting_remind(meeting_id=meeting.pk)
    # Nothing of the half-done batch is left: no rows, no queued sends.
    assert not Notification.objects.exists()
    assert not DBTaskResult.objects.exists()
    monkeypatch.setattr(Notification.objects, "create", real_create)

    # Restarted, the worker runs the task again; then the delivery tasks run, twice over.
    with django_capture_on_commit_callbacks(execute=True):
        services.meeting_remind(meeting_id=meeting.pk)
    run_worker()
    run_worker()
    with django_capture_on_commit_callbacks(execute=True):
        services.meeting_remind(meeting_id=meeting.pk)
    run_worker()
    assert sorted(m.to[0] for m in mail.outbox) == sorted(p.email for p in people)


def test_a_person_who_chose_the_daily_summary_gets_the_invitation_in_it(
    meeting, users, client_for, run_worker, django_capture_on_commit_callbacks
):
    from samverkan.accounts.models import Delivery

    representative = users[R.REPRESENTATIVE]
    representative.notification_delivery = Delivery.DIGEST
    representative.save()
    with django_capture_on_commit_callbacks(execute=True):
        services.meeting_invite(actor=users[R.AGENCY_STAFF], meeting=meeting)
    run_worker()
    assert representative.email not in [m.to[0] for m in mail.outbox]
    page = client_for(R.AGENCY_STAFF).get(
        reverse("meetings:participants", args=[meeting.engagement.pk])
    )
    assert "I nästa dagliga sammanfattning" in page.content.decode()
    make_due()
    run_worker()
    [digest] = [m for m in mail.outbox if m.to == [representative.email]]
    assert "Du är inbjuden" in digest.body and "Storgatan 1, Stockholm" in digest.body
    assert event_of(digest)["location"] == "Storgatan 1, Stockholm"


def test_mail_is_sent_once_when_the_worker_is_killed_mid_batch_and_restarted(
    meeting, organisation, monkeypatch, run_worker, django_capture_on_commit_callbacks
):
    from django.core.management import call_command
    from django_tasks_db.management.commands import db_worker

    meeting.seats = None
    meeting.save()
    meeting.engagement.starts_at = timezone.now() + timedelta(days=2)
    meeting.engagement.save()
    people = [UserFactory(role=R.REPRESENTATIVE, organisation=organisation) for _ in range(5)]
    for person in people:
        Registration.objects.create(meeting=meeting, user=person, status="registered")
    with django_capture_on_commit_callbacks(execute=True):
        send_reminders.enqueue(meeting.pk)

    # The worker runs the reminder task, then two deliveries, and stops between tasks.
    monkeypatch.setattr(db_worker, "close_old_connections", lambda: None)

    def worker(max_tasks):
        call_command(
            "db_worker",
            batch=True,
            no_startup_delay=True,
            interval=0,
            verbosity=0,
            max_tasks=max_tasks,
        )

    with django_capture_on_commit_callbacks(execute=True):
        worker(1)
    assert Notification.objects.unsent().count() == 5
    worker(2)
    assert len(mail.outbox) == 2
    # A worker takes the next delivery and is killed in it (SIGKILL): the task stays claimed
    # ("running") for ever and the delivery's transaction is rolled back, so nothing is marked
    # sent. That is the database as such a kill leaves it.
    stuck = DBTaskResult.objects.ready().filter(task_path__endswith="send_notification").first()
    stuck.claim("killed-worker")
    run_worker()  # the rest of the batch
    assert len(mail.outbox) == 4

    # Restarted: the unsent notification is queued again; every person has exactly one mail,
    # however often the worker and the requeue run.
    for _ in range(2):
        call_command("requeue_unsent_mail", older_than_minutes=0, stdout=io.StringIO())
        run_worker()
        with django_capture_on_commit_callbacks(execute=True):
            call_command("send_due_reminders", stdout=io.StringIO())
        run_worker()
    assert sorted(m.to[0] for m in mail.outbox) == sorted(p.email for p in people)
    assert not Notification.objects.unsent().exists()


def test_a_reminder_task_lost_with_a_killed_worker_is_sent_by_the_cron_command(
    meeting, users, run_worker, django_capture_on_commit_callbacks
):
    from django.core.management import call_command

    meeting.engagement.starts_at = timezone.now() + timedelta(days=1)
    meeting.engagement.save()
    Registration.objects.create(meeting=meeting, user=users[R.REPRESENTATIVE], status="registered")
    meeting.invitations_sent_at = timezone.now()
    meeting.save()
    # No reminder task in the queue (it died claimed); the cron command sends the reminder.
    with django_capture_on_commit_callbacks(execute=True):
        call_command("send_due_reminders", stdout=io.StringIO())
    run_worker()
    [message] = mail.outbox
    assert message.to == [users[R.REPRESENTATIVE].email]
