"""Background tasks of the meeting cycle. Each takes ids and calls a service."""

from django.utils import timezone
from django_tasks import task

from . import services
from .models import Meeting


@task()
def send_reminders(meeting_id: int) -> int:
    """Mail the reminder when it is due; if the meeting has moved, wait for the new time."""
    meeting = Meeting.objects.select_related("engagement").filter(pk=meeting_id).first()
    if meeting is None or meeting.reminder_sent_at is not None:
        return 0
    due = services.reminder_time(meeting)
    if due > timezone.now():
        send_reminders.using(run_after=due).enqueue(meeting_id)
        return 0
    return services.meeting_remind(meeting_id=meeting_id)


@task()
def purge_access_needs(meeting_id: int | None = None) -> int:
    """Delete the access needs that are due. Queued for a meeting's purge day when needs are
    given; if the meeting has moved later since, it queues itself for the new day."""
    if meeting_id is not None:
        meeting = Meeting.objects.select_related("engagement").filter(pk=meeting_id).first()
        if meeting is not None:
            due = services.access_needs_purge_time(meeting)
            if due > timezone.now():
                purge_access_needs.using(run_after=due).enqueue(meeting_id)
                return 0
    return services.access_needs_purge()
