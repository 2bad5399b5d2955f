from pathlib import Path

from django.apps import apps
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django.test.utils import override_settings

from workbench.media_files import media_folder, media_restore


class Command(BaseCommand):
    help = (
        "Load a file written by `backup` into a freshly migrated, empty database: all or "
        "nothing. History is restored from the file as it was, not recorded anew. The uploaded "
        "files in the folder beside it (<file>.media/) are put back."
    )

    def add_arguments(self, parser):
        parser.add_argument("file")

    def handle(self, *args, file, **options):
        # The workbench's records are the models with a history, whichever app holds them.
        records = [model for model in apps.get_models() if hasattr(model, "history")]
        held = [
            str(model._meta.verbose_name_plural)
            for model in [*records, get_user_model()]
            if model._default_manager.exists()
        ]
        if held:
            raise CommandError(
                f"The database already holds {', '.join(held)}; restore into an empty one."
            )
        # Loading sets many-to-many fields, which would otherwise record history a second time.
        with override_settings(SIMPLE_HISTORY_ENABLED=False), transaction.atomic():
            call_command("loaddata", file, verbosity=0)
        # After the database: a failed load leaves no files behind that nothing refers to.
        restored = media_restore(media_folder(Path(file)))
        if options["verbosity"]:
            self.stdout.write(f"Restored {file}, and {restored} uploaded files.")
