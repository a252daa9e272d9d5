"""Background tasks. Each takes ids, loads what it needs and calls a service."""

from django_tasks import task

from .mail import deliver_now
from .models import Notification
from .notifications import notifications_deliver


@task()
def deliver_email(data: dict) -> int:
    return deliver_now(data)


@task()
def send_notification(notification_id: int) -> int:
    user_id = (
        Notification.objects.filter(pk=notification_id).values_list("user_id", flat=True).first()
    )
    if user_id is None:
        return 0
    return notifications_deliver(user_id=user_id, digest=False, notification_id=notification_id)


@task()
def send_digest(user_id: int) -> int:
    return notifications_deliver(user_id=user_id, digest=True)
