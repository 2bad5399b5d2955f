"""Today's free-text claimants become claimants: one per name as normalised_name() reads it
("US-China", "US–China" and "us-china " are one), named by the spelling most claims use, with
every other spelling kept as an alias, so that no spelling is lost. Spellings found only in the
claims' history become claimants too (without claims), so that every history record still
names its claimant. Backwards, each claim gets its claimant's name back as text."""

from collections import Counter, defaultdict

from django.db import migrations
from django.db.models import Count
from django.utils import timezone

from claims.models.claimant import NAME_MAX_LENGTH, normalised_name, slug_text
from workbench.slugs import unique_slugs

REASON = "Made from the claims' free-text claimants"
# A claim saved with a blank claimant (never through a form) still needs one.
NO_NAME = "Claimant not recorded"


def claimants_from_text(apps, schema_editor):
    Claim = apps.get_model("claims", "Claim")
    HistoricalClaim = apps.get_model("claims", "HistoricalClaim")
    Claimant = apps.get_model("claims", "Claimant")
    ClaimantAlias = apps.get_model("claims", "ClaimantAlias")
    spellings: dict[str, Counter] = defaultdict(Counter)
    used = Claim.objects.values_list("claimant_name").annotate(n=Count("pk")).order_by()
    for spelling, n in used:
        spellings[normalised_name(spelling)][spelling] += n
    for spelling in HistoricalClaim.objects.values_list("claimant_name", flat=True).distinct():
        spellings[normalised_name(spelling)][spelling] += 0  # known, used by no claim now
    keys = sorted(spellings)
    # The spelling most claims use; among equals, the first in code-point order, so that the
    # migration gives the same names on every database.
    names = [
        max(sorted(spellings[key]), key=lambda s: spellings[key][s]).strip() or NO_NAME
        for key in keys
    ]
    slugs = unique_slugs(Claimant, [slug_text(name) for name in names])
    now = timezone.now()
    ids: dict[str, int] = {}
    for key, name, slug in zip(keys, names, slugs, strict=True):
        claimant = Claimant.objects.create(
            name=name, normalised=normalised_name(name), slug=slug, created_at=now
        )
        _recorded(apps, "HistoricalClaimant", claimant, now, ["name", "normalised", "slug"])
        ids[key] = claimant.pk
        for spelling in sorted(set(spellings[key]) - {name}):
            alias = ClaimantAlias.objects.create(
                claimant=claimant, name=spelling, normalised=normalised_name(spelling)
            )
            _recorded(apps, "HistoricalClaimantAlias", alias, now, ["claimant_id", "name"])
        for model in (Claim, HistoricalClaim):
            model.objects.filter(claimant_name__in=list(spellings[key])).update(
                claimant_id=claimant.pk
            )


def _recorded(apps, history_model: str, row, now, fields: list[str]) -> None:
    """A creation record in the row's history, as a save through the services leaves."""
    values = {field: getattr(row, field) for field in fields}
    if history_model == "HistoricalClaimant":
        values.update(created_at=row.created_at, updated_at=row.updated_at)
    else:
        values["normalised"] = row.normalised
    apps.get_model("claims", history_model).objects.create(
        id=row.pk,
        history_date=now,
        history_type="+",
        history_change_reason=REASON,
        **values,
    )


def text_from_claimants(apps, schema_editor):
    Claimant = apps.get_model("claims", "Claimant")
    for model in ("Claim", "HistoricalClaim"):
        rows = apps.get_model("claims", model).objects
        for pk, name in Claimant.objects.values_list("pk", "name"):
            rows.filter(claimant_id=pk).update(claimant_name=name[:NAME_MAX_LENGTH])


class Migration(migrations.Migration):
    dependencies = [("claims", "0011_claimants")]

    operations = [migrations.RunPython(claimants_from_text, text_from_claimants)]
