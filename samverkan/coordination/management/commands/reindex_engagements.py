from django.core.management.base import BaseCommand

from samverkan.coordination.services import engagements_reindex


class Command(BaseCommand):
    help = "Rebuild the similar-engagements index for every engagement (after a data load or an upgrade)."

    def handle(self, *args, **options):
        indexed = engagements_reindex()
        self.stdout.write(self.style.SUCCESS(f"Indexed {indexed} engagements."))
