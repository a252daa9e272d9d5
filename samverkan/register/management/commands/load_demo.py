from django.core.management.base import BaseCommand

from samverkan.register.demo import load_demo


class Command(BaseCommand):
    help = "Load the demo data (idempotent: running it again refreshes the same rows)."

    def handle(self, *args, **options):
        logins = load_demo(stdout=self.stdout)
        rows = [("email", "password", "role"), *logins]
        widths = [max(len(row[i]) for row in rows) for i in range(3)]
        self.stdout.write(self.style.SUCCESS("Demo logins:"))
        for i, row in enumerate(rows):
            cells = (cell.ljust(width) for cell, width in zip(row, widths, strict=True))
            self.stdout.write(("  " + "   ".join(cells)).rstrip())
            if i == 0:
                self.stdout.write("  " + "   ".join("-" * width for width in widths))
