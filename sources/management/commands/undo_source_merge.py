from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError

from sources.services import source_merge_undo


class Command(BaseCommand):
    help = (
        "Undo a source merge: restore the merged-away source from its history, move back every "
        "row the merge moved, and put the kept source's fields back as they were."
    )

    def add_arguments(self, parser):
        parser.add_argument("source_id", type=int, help="the id of the source that was merged away")
        parser.add_argument("--by", required=True, help="username recorded as doing the undo")

    def handle(self, *args, source_id, by, **options):
        user = get_user_model().objects.filter(username=by).first()
        if user is None:
            raise CommandError(f"No user named “{by}”.")
        try:
            restored = source_merge_undo(duplicate_id=source_id, by=user)
        except ValidationError as error:
            raise CommandError(" ".join(error.messages)) from error
        self.stdout.write(f"Restored “{restored}” (#{restored.pk}) and moved its rows back.")
