"""Public reads of the registry. Counts of claims only ever count published ones."""

from django.db.models import Count, IntegerField, OuterRef, Q, QuerySet, Subquery

from claims.choices import ClaimState

from .models import Source


def source_list_public() -> QuerySet[Source]:
    # A correlated subquery, so only the sources on the page are counted, not all of them.
    published_claims = (
        Source.objects.filter(pk=OuterRef("pk"))
        .annotate(
            n=Count(
                "evidence__claim",
                filter=Q(evidence__claim__state=ClaimState.PUBLISHED),
                distinct=True,
            )
        )
        .values("n")
    )
    return (
        Source.objects.select_related("outlet")
        .annotate(claim_count=Subquery(published_claims, output_field=IntegerField()))
        .order_by("title", "pk")
    )


def source_detail_public() -> QuerySet[Source]:
    return Source.objects.select_related("outlet")
