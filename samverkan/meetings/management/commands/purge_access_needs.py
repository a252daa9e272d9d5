from django.core.management.base import BaseCommand

from samverkan.meetings.services import access_needs_purge


class Command(BaseCommand):
    help = "Delete access needs whose retention period after the meeting has ended (for cron)."

    def handle(self, *args, **options):
        count = access_needs_purge()
        self.stdout.write(f"Deleted access needs: {count}")
