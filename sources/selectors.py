"""Public reads of the registry. Counts of claims only ever count published ones."""

from django.db.models import Count, Q, QuerySet

from claims.choices import ClaimState

from .models import Source


def source_list_public() -> QuerySet[Source]:
    return (
        Source.objects.select_related("outlet")
        .annotate(
            claim_count=Count(
                "evidence__claim",
                filter=Q(evidence__claim__state=ClaimState.PUBLISHED),
                distinct=True,
            )
        )
        .order_by("title")
    )


def source_detail_public() -> QuerySet[Source]:
    return Source.objects.select_related("outlet")
