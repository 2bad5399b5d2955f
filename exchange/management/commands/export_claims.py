from pathlib import Path

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError
from django.http import QueryDict

from claims.selectors import claim_export_every_state, claim_export_filtered
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
        parser.add_argument(
            "--every-state",
            action="store_true",
            help="Every claim, drafts and claims in review too, with the state each has reached: "
            "to move the work to another workbench (the demo is kept this way). Not for readers.",
        )

    def handle(self, *args, format: str, filter: str, output: Path | None, **options):
        if options["every_state"]:
            if filter:
                raise CommandError("--every-state exports every claim; it takes no --filter.")
            claims = claim_export_every_state().iterator(chunk_size=1000)
        else:
            try:
                claims = claim_export_filtered(QueryDict(filter))
            except ValidationError as error:
                message = "; ".join(error.messages)
                raise CommandError(f"The filter is not valid: {message}") from error
        if output is None:
            for chunk in export_chunks(claims, format):
                self.stdout.write(chunk, ending="")
            return
        with output.open("w", encoding="utf-8", newline="") as stream:
            stream.writelines(export_chunks(claims, format))
