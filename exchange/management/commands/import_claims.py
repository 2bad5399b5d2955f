from pathlib import Path

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError

from exchange.importer import claims_import
from exchange.records import FORMATS


class Command(BaseCommand):
    help = (
        "Import claims with their evidence, sources, relations and gradings from a CSV or JSON "
        "file (format in the README). All or nothing: every row is checked first and any problem "
        "leaves the workbench unchanged. Claims already present are left as they are."
    )

    def add_arguments(self, parser):
        parser.add_argument("file", type=Path)
        parser.add_argument(
            "--format", choices=FORMATS, help="csv or json; by default the file's extension."
        )
        parser.add_argument(
            "--user", required=True, help="Username recorded as the importer and the reviewer."
        )
        parser.add_argument(
            "--approved-by",
            help="Username of a second editor who approves the file's gradings, which are then "
            "published. Without it, graded claims wait in review.",
        )

    def handle(self, *args, file: Path, format: str | None, user: str, **options):
        format = format or file.suffix.lstrip(".").lower()
        if format not in FORMATS:
            raise CommandError(f"Give --format csv or json; “{file.suffix}” is neither.")
        if not file.is_file():
            raise CommandError(f"No file at {file}.")
        users = get_user_model().objects
        by = users.filter(username=user, is_active=True).first()
        approver_name = options["approved_by"]
        approver = users.filter(username=approver_name, is_active=True).first()
        if by is None or (approver_name and approver is None):
            raise CommandError(f"No active user “{approver_name if by else user}”.")
        with file.open("rb") as stream:
            report = claims_import(
                file=stream, format=format, name=file.name, by=by, approver=approver
            )
        if not report.ok:
            for problem in report.problems:
                self.stderr.write(problem)
            raise CommandError(str(report))
        self.stdout.write(str(report))
        if report.relations_skipped and options["verbosity"] > 1:
            self.stdout.write("Skipped relations to: " + ", ".join(report.relations_skipped))
