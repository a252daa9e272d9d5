"""Notifications by email, sent by the worker: at once, or in a daily digest — and never twice.

`notify` records one Notification per person and queues its delivery after the surrounding
transaction commits: at once for people who chose that, or a digest task at the next digest hour
for those who chose a daily summary. Delivery locks the rows, sends, and marks them sent in one
transaction; a failed send is retried later with a growing pause, up to MAX_ATTEMPTS. Each mail
carries a Message-ID made from the notification's id, so a mail server or client can recognise a
copy should a worker die between sending and committing.
"""

from datetime import datetime, time, timedelta
from functools import partial
from smtplib import SMTPException

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.db import transaction
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from .mail import deliver_now, message_to_data
from .models import Notification

DIGEST_HOUR = 7
MAX_ATTEMPTS = 5


def next_digest_time(now=None) -> datetime:
    now = timezone.localtime(now or timezone.now())
    today = timezone.make_aware(datetime.combine(now.date(), time(DIGEST_HOUR)))
    return today if now < today else today + timedelta(days=1)


def retry_delay(attempts: int) -> timedelta:
    return timedelta(minutes=2**attempts)


def notify(*, users, subject: str, body: str, url: str = "", ics: str = "") -> list[Notification]:
    """Tell each user something by email, as they chose: at once or in tomorrow's digest."""
    from samverkan.accounts.models import Delivery

    from .tasks import send_digest, send_notification

    subject = " ".join(str(subject).split())[:200]  # a mail subject is one line
    if url.startswith("/"):  # a mail is read outside the site: links need its address
        url = settings.SITE_URL + url
    created = []
    for user in users:
        if not user.is_active or not user.email:
            continue
        digest = user.notification_delivery == Delivery.DIGEST
        first_in_digest = (
            digest and not Notification.objects.unsent().filter(user=user, digest=True).exists()
        )
        notification = Notification.objects.create(
            user=user, subject=subject, body=body, url=url, ics=ics, digest=digest
        )
        created.append(notification)
        if not digest:
            transaction.on_commit(partial(send_notification.enqueue, notification.pk))
        elif first_in_digest:
            later = send_digest.using(run_after=next_digest_time())
            transaction.on_commit(partial(later.enqueue, user.pk))
    return created


def _message(user, notifications: list[Notification]) -> EmailMultiAlternatives:
    if len(notifications) == 1:
        subject = notifications[0].subject
    else:
        subject = _("Samverkan: %(count)d new notifications") % {"count": len(notifications)}
    parts = []
    for notification in notifications:
        text = notification.body
        if notification.url:
            text += "\n" + notification.url
        parts.append(f"{notification.subject}\n\n{text}" if len(notifications) > 1 else text)
    message = EmailMultiAlternatives(
        subject=subject,
        body="\n\n----\n\n".join(parts),
        from_email=settings.DEFAULT_FROM_EMAIL,
        to=[user.email],
        headers={"Message-ID": f"<notification-{notifications[0].pk}@samverkan>"},
    )
    for index, notification in enumerate(notifications, start=1):
        if notification.ics:
            name = "aktivitet.ics" if len(notifications) == 1 else f"aktivitet-{index}.ics"
            message.attach(name, notification.ics, "text/calendar")
    return message


def notifications_deliver(*, user_id: int, digest: bool, notification_id: int | None = None) -> int:
    """Send one notification, or a user's whole digest. Returns how many were sent.

    Rows already sent (by an earlier run of the same task) are skipped, so running a delivery
    twice sends nothing the second time.
    """
    from samverkan.accounts.models import User

    from .tasks import send_digest, send_notification

    with transaction.atomic():
        rows = Notification.objects.unsent().select_for_update().filter(user_id=user_id)
        rows = rows.filter(digest=True) if digest else rows.filter(pk=notification_id)
        notifications = list(rows)
        if not notifications:
            return 0
        user = User.objects.get(pk=user_id)
        ids = [n.pk for n in notifications]
        attempts = max(n.attempts for n in notifications) + 1
        with translation.override(settings.LANGUAGE_CODE):
            data = message_to_data(_message(user, notifications))
        try:
            deliver_now(data)
        except (SMTPException, OSError):
            if attempts >= MAX_ATTEMPTS:
                Notification.objects.filter(pk__in=ids).update(
                    attempts=attempts, failed_at=timezone.now()
                )
                return 0
            Notification.objects.filter(pk__in=ids).update(attempts=attempts)
            retry_at = timezone.now() + retry_delay(attempts)
            if digest:
                retry = partial(send_digest.using(run_after=retry_at).enqueue, user_id)
            else:
                retry = partial(
                    send_notification.using(run_after=retry_at).enqueue, notification_id
                )
            transaction.on_commit(retry)
            return 0
        Notification.objects.filter(pk__in=ids).update(attempts=attempts, sent_at=timezone.now())
        return len(ids)


def notifications_requeue(*, older_than: timedelta = timedelta(minutes=10)) -> int:
    """Queue delivery again for notifications that a killed worker left unsent.

    A worker killed in the middle of a task leaves the task claimed ("running") forever and its
    transaction rolled back, so the notification is still unsent and nothing would send it.
    Run at worker start (and from cron). Safe to repeat: delivery locks the rows and sends only
    the unsent ones, so a notification whose task is still alive is not sent twice. Returns how
    many deliveries were queued.
    """
    from .tasks import send_digest, send_notification

    cutoff = timezone.now() - older_than
    rows = Notification.objects.unsent().filter(created_at__lt=cutoff)
    immediate = list(rows.filter(digest=False).values_list("pk", flat=True))
    # A digest is due once its hour has passed since the oldest row in it.
    digest_users = set(
        rows.filter(digest=True, created_at__lt=next_digest_time() - timedelta(days=1))
        .values_list("user_id", flat=True)
        .distinct()
    )
    for pk in immediate:
        send_notification.enqueue(pk)
    for user_id in digest_users:
        send_digest.enqueue(user_id)
    return len(immediate) + len(digest_users)
