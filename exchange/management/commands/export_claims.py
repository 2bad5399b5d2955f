from pathlib import Path

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError
from django.http import QueryDict

from claims.selectors import claim_export_filtered
from exchange.export import export_chunks
from exchange.records import EXPORT_FORMATS


class Command(BaseCommand):
    help = (
        "Export the published claims, as the public list shows them, as CSV or JSON (the import "
        "format) or as schema.org ClaimReview JSON-LD."
    )

    def add_arguments(self, parser):
        parser.add_argument("--format", choices=EXPORT_FORMATS, default="csv")
        parser.add_argument(
            "--filter",
            default="",
            help="The public list's filters, as in its address: 'verdict=inaccurate&topic=chips'.",
        )
        parser.add_argument("--output", type=Path, help="A file to write; by default stdout.")

    def handle(self, *args, format: str, filter: str, output: Path | None, **options):
        try:
            claims = claim_export_filtered(QueryDict(filter))
        except ValidationError as error:
            raise CommandError(f"The filter is not valid: {'; '.join(error.messages)}") from error
        if output is None:
            for chunk in export_chunks(claims, format):
                self.stdout.write(chunk, ending="")
            return
        with output.open("w", encoding="utf-8", newline="") as stream:
            stream.writelines(export_chunks(claims, format))
