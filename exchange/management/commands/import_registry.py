from pathlib import Path

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError

from exchange.registry import registry_import


class Command(BaseCommand):
    help = (
        "Add the sources and subjects of a registry file (export_registry writes one), all or "
        "nothing; those already there are left as they are. Ratings need a curator's --user."
    )

    def add_arguments(self, parser):
        parser.add_argument("file", type=Path)
        parser.add_argument("--user", required=True, help="The curator recorded as adding them.")

    def handle(self, *args, file: Path, user: str, **options):
        if not file.is_file():
            raise CommandError(f"No file at {file}.")
        by = get_user_model().objects.filter(username=user, is_active=True).first()
        if by is None:
            raise CommandError(f"No active user “{user}”.")
        with file.open("rb") as stream:
            report = registry_import(file=stream, by=by)
        if not report.ok:
            for problem in report.problems:
                self.stderr.write(problem)
            raise CommandError(str(report))
        self.stdout.write(str(report))
