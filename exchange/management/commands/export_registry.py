from pathlib import Path

from django.core.management.base import BaseCommand
from django.db.models import Prefetch

from claims.models import Claimant, ClaimantAlias, Subject, Topic
from exchange.registry import registry_export
from sources.models import Outlet, Source


class Command(BaseCommand):
    help = (
        "Export the registry (every source with its outlet, dates, kind, language and "
        "reliability rating; every subject of figures; outlets, topics and claimants with their "
        "other names) as JSON, the file import_registry reads."
    )

    def add_arguments(self, parser):
        parser.add_argument("--output", type=Path, help="A file to write; by default stdout.")

    def handle(self, *args, output: Path | None, **options):
        text = registry_export(
            Source.objects.select_related("outlet").order_by("pk"),
            Subject.objects.order_by("pk"),
            Outlet.objects.order_by("pk"),
            Topic.objects.order_by("pk"),
            # Claimants are made by the claims that name them; the registry gives their aliases.
            Claimant.objects.filter(aliases__isnull=False)
            .distinct()
            .order_by("pk")
            .prefetch_related(Prefetch("aliases", ClaimantAlias.objects.order_by("pk"))),
        )
        if output is None:
            self.stdout.write(text, ending="")
        else:
            output.write_text(text, encoding="utf-8")
