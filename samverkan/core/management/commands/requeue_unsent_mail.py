from datetime import timedelta

from django.core.management.base import BaseCommand

from samverkan.core.notifications import notifications_requeue


class Command(BaseCommand):
    help = (
        "Queue delivery again for notifications a killed worker left unsent "
        "(run before starting the worker, and from cron)."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--older-than-minutes",
            type=int,
            default=10,
            help="Only notifications at least this old (default 10).",
        )

    def handle(self, *args, older_than_minutes, **options):
        count = notifications_requeue(older_than=timedelta(minutes=older_than_minutes))
        self.stdout.write(f"Deliveries queued again: {count}")
