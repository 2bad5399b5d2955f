from django.core.management.base import BaseCommand

from claims.models import Claim
from claims.services import claim_summary_refresh

BATCH = 2000


class Command(BaseCommand):
    help = (
        "Rebuild every claim's summary (contested flag, evidence counts, search text, terms and "
        "index) from its rows, in batches: after a change to how search reads text, or to make "
        "sure. Readers keep searching meanwhile; each batch is its own transaction."
    )

    def handle(self, *args, **options):
        ids = Claim.objects.order_by("pk").values_list("pk", flat=True)
        done, last = 0, 0
        while batch := list(ids.filter(pk__gt=last)[:BATCH]):
            claim_summary_refresh(claim_ids=batch)
            done += len(batch)
            last = batch[-1]
            if options["verbosity"] > 1:
                self.stdout.write(f"{done} claims")
        if options["verbosity"]:
            self.stdout.write(f"Rebuilt the summaries of {done} claims.")
