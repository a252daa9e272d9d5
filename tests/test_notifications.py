"""Notifications: sent by the worker, at once or as a daily digest, retried on failure, never twice."""

import socket
from smtplib import SMTPException

import pytest
from aiosmtpd.controller import Controller
from django.core import mail
from django.core.mail.backends.locmem import EmailBackend as LocmemBackend
from django.utils import timezone
from django_tasks_db.models import DBTaskResult
from icalendar import Calendar

from samverkan.accounts.models import Delivery
from samverkan.accounts.roles import Role
from samverkan.core.models import Notification
from samverkan.core.notifications import next_digest_time, notify
from samverkan.core.tasks import send_notification

ICS = (
    "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//test//\r\nBEGIN:VEVENT\r\nUID:1@test\r\n"
    "DTSTAMP:20261201T090000Z\r\nDTSTART:20261203T090000Z\r\nSUMMARY:Samråd\r\n"
    "LOCATION:Stockholm\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n"
)


def make_due():
    """Pretend the clock has reached every queued task's time."""
    DBTaskResult.objects.update(run_after=timezone.now())


@pytest.fixture
def person(users):
    return users[Role.AGENCY_COORDINATOR]


def send(person, django_capture_on_commit_callbacks, **kwargs):
    with django_capture_on_commit_callbacks(execute=True):
        return notify(
            users=[person],
            subject=kwargs.get("subject", "Förslag om gemensam aktivitet"),
            body="Samråd om läkemedel, 3 december 2026 kl. 10:00, Stockholm",
            url="https://samverkan.example/aktiviteter/1/",
            ics=ICS,
        )


def test_an_immediate_notification_is_sent_by_the_worker_once(
    person, run_worker, django_capture_on_commit_callbacks
):
    [notification] = send(person, django_capture_on_commit_callbacks)
    assert mail.outbox == []
    run_worker()
    run_worker()
    send_notification.call(notification.pk)  # a duplicated task finds it already sent
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == [person.email]
    assert "3 december 2026 kl. 10:00, Stockholm" in message.body
    assert message.extra_headers["Message-ID"] == f"<notification-{notification.pk}@samverkan>"
    name, content, mimetype = message.attachments[0]
    event = Calendar.from_ical(content).walk("VEVENT")[0]
    assert str(event["location"]) == "Stockholm"
    notification.refresh_from_db()
    assert notification.sent_at is not None and notification.attempts == 1


def test_a_digest_waits_for_the_digest_hour_and_sends_one_mail(
    person, run_worker, django_capture_on_commit_callbacks
):
    person.notification_delivery = Delivery.DIGEST
    person.save()
    for subject in ("Första", "Andra", "Tredje"):
        send(person, django_capture_on_commit_callbacks, subject=subject)
    assert DBTaskResult.objects.count() == 1  # one digest task for the three
    assert DBTaskResult.objects.get().run_after == next_digest_time()
    run_worker()
    assert mail.outbox == []  # not yet time
    make_due()
    run_worker()
    assert len(mail.outbox) == 1
    body = mail.outbox[0].body
    assert all(subject in body for subject in ("Första", "Andra", "Tredje"))
    assert len(mail.outbox[0].attachments) == 3
    assert not Notification.objects.unsent().exists()


class FailingOnce(LocmemBackend):
    failures = 1

    def send_messages(self, messages):
        if FailingOnce.failures:
            FailingOnce.failures -= 1
            raise SMTPException("451 try again later")
        return super().send_messages(messages)


def test_a_failed_delivery_is_retried_later_and_sent_once(
    person, run_worker, settings, django_capture_on_commit_callbacks
):
    settings.MAIL_DELIVERY_BACKEND = f"{__name__}.FailingOnce"
    FailingOnce.failures = 1
    [notification] = send(person, django_capture_on_commit_callbacks)
    with django_capture_on_commit_callbacks(execute=True):
        run_worker()
    assert mail.outbox == []
    notification.refresh_from_db()
    assert notification.attempts == 1 and notification.sent_at is None
    make_due()
    run_worker()
    run_worker()
    assert len(mail.outbox) == 1


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class Inbox:
    def __init__(self):
        self.messages = []

    async def handle_DATA(self, server, session, envelope):  # noqa: N802 - aiosmtpd's name
        self.messages.append(envelope)
        return "250 OK"


def test_a_real_smtp_server_gets_the_mail_once_after_being_down(
    person, run_worker, settings, django_capture_on_commit_callbacks
):
    port = free_port()
    settings.MAIL_DELIVERY_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT = "127.0.0.1", port
    settings.EMAIL_TIMEOUT = 5
    [notification] = send(person, django_capture_on_commit_callbacks)
    with django_capture_on_commit_callbacks(execute=True):
        run_worker()  # nobody listens: connection refused
    notification.refresh_from_db()
    assert notification.attempts == 1 and notification.sent_at is None

    inbox = Inbox()
    server = Controller(inbox, hostname="127.0.0.1", port=port)
    server.start()
    try:
        make_due()
        run_worker()
        run_worker()
    finally:
        server.stop()
    assert len(inbox.messages) == 1
    envelope = inbox.messages[0]
    assert envelope.rcpt_tos == [person.email]
    raw = envelope.content.decode()
    assert f"Message-ID: <notification-{notification.pk}@samverkan>" in raw
    assert "BEGIN:VCALENDAR" in raw or "text/calendar" in raw


def test_a_notification_that_keeps_failing_is_given_up(
    person, settings, django_capture_on_commit_callbacks, run_worker
):
    settings.MAIL_DELIVERY_BACKEND = f"{__name__}.FailingOnce"
    FailingOnce.failures = 100
    [notification] = send(person, django_capture_on_commit_callbacks)
    for _ in range(6):
        make_due()
        with django_capture_on_commit_callbacks(execute=True):
            run_worker()
    notification.refresh_from_db()
    assert notification.failed_at is not None and notification.sent_at is None
    assert notification.attempts == 5
    assert mail.outbox == []
