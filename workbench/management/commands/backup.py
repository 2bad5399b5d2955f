from django.core.management import call_command
from django.core.management.base import BaseCommand

# Rebuilt by migrate on the target database, or caches of what is: everything else is backed up.
EXCLUDED = ["contenttypes", "auth.permission", "sessions", "admin.logentry", "workbench"]


class Command(BaseCommand):
    help = (
        "Write the whole database, history included, to a file that `restore` reads back. XML, "
        "because the JSON serializer rounds timestamps to milliseconds and history order lives "
        "in the microseconds."
    )

    def add_arguments(self, parser):
        parser.add_argument("file", help="where to write the backup (.xml)")

    def handle(self, *args, file, **options):
        call_command(
            "dumpdata",
            "--natural-foreign",
            "--natural-primary",
            format="xml",
            exclude=EXCLUDED,
            output=file,
            verbosity=0,
        )
        if options["verbosity"]:
            self.stdout.write(f"Backup written to {file}.")
