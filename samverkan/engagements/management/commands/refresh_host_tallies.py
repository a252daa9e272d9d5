from django.core.management.base import BaseCommand

from samverkan.engagements.services import host_tallies_refresh


class Command(BaseCommand):
    help = "Count again every organisation's hosts (the HostTally rows) from the Involvement rows."

    def handle(self, *args, **options):
        written = host_tallies_refresh()
        self.stdout.write(self.style.SUCCESS(f"Wrote {written} host tallies."))
