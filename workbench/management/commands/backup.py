from pathlib import Path

from django.core.management import call_command
from django.core.management.base import BaseCommand

from workbench.media_files import media_backup, media_folder

# Rebuilt by migrate on the target database, or caches of what is, or the task queue and its
# jobs (a task restored would run a second time; a job's files are not backed up): everything
# else is backed up.
EXCLUDED = [
    "contenttypes",
    "auth.permission",
    "sessions",
    "admin.logentry",
    "workbench.contentversion",
    "django_tasks_database",
    "workbench.job",
]


class Command(BaseCommand):
    help = (
        "Write the whole database, history included, to a file that `restore` reads back, and "
        "the uploaded files (the originals of kept copies of documents) to a folder beside it "
        "(<file>.media/). XML, because the JSON serializer rounds timestamps to "
        "milliseconds and history order lives in the microseconds."
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
        copied = media_backup(media_folder(Path(file)))
        if options["verbosity"]:
            self.stdout.write(f"Backup written to {file}, with {copied} uploaded files.")
