from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django.test.utils import override_settings

from claims.models import Claim
from sources.models import Source


class Command(BaseCommand):
    help = (
        "Load a file written by `backup` into a freshly migrated, empty database: all or "
        "nothing. History is restored from the file as it was, not recorded anew."
    )

    def add_arguments(self, parser):
        parser.add_argument("file")

    def handle(self, *args, file, **options):
        if Claim.objects.exists() or Source.objects.exists():
            raise CommandError(
                "The database already holds claims or sources; restore into an empty one."
            )
        # Loading sets many-to-many fields, which would otherwise record history a second time.
        with override_settings(SIMPLE_HISTORY_ENABLED=False), transaction.atomic():
            call_command("loaddata", file, verbosity=0)
        if options["verbosity"]:
            self.stdout.write(f"Restored {file}.")
