from django.core.management.base import BaseCommand

from samverkan.engagements.services import involvements_refresh


class Command(BaseCommand):
    help = "Rebuild who-consults-whom (the Involvement rows) for every engagement, after a data load or an upgrade."

    def handle(self, *args, **options):
        written = involvements_refresh()
        self.stdout.write(self.style.SUCCESS(f"Wrote {written} involvement rows."))
