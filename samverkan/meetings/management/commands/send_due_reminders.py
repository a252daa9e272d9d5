from django.core.management.base import BaseCommand
from django.utils import timezone

from samverkan.meetings.models import Meeting
from samverkan.meetings.services import meeting_remind, reminder_time


class Command(BaseCommand):
    help = (
        "Send the reminders that are due and not yet sent (for cron: the reminder task queued "
        "with the invitation may have died with a killed worker)."
    )

    def handle(self, *args, **options):
        now = timezone.now()
        count = 0
        for meeting in Meeting.objects.filter(
            reminder_sent_at__isnull=True,
            invitations_sent_at__isnull=False,
            engagement__starts_at__gt=now,
        ).select_related("engagement"):
            if reminder_time(meeting) <= now:
                count += meeting_remind(meeting_id=meeting.pk)
        self.stdout.write(f"Reminders sent: {count}")
