from pathlib import Path

from django.core.management.base import BaseCommand

from claims.models import Subject
from exchange.registry import registry_export
from sources.models import Source


class Command(BaseCommand):
    help = (
        "Export the registry (every source with its outlet, dates, kind, language and "
        "reliability rating; every subject of figures) as JSON, the file import_registry reads."
    )

    def add_arguments(self, parser):
        parser.add_argument("--output", type=Path, help="A file to write; by default stdout.")

    def handle(self, *args, output: Path | None, **options):
        text = registry_export(
            Source.objects.select_related("outlet").order_by("pk"), Subject.objects.order_by("pk")
        )
        if output is None:
            self.stdout.write(text, ending="")
        else:
            output.write_text(text, encoding="utf-8")
