from django_tasks import task

from .mail import deliver_now


@task()
def deliver_email(data: dict) -> int:
    return deliver_now(data)
