from django.db import models
from django.db.models import Exists, OuterRef, Q
from django.utils import timezone

from .choices import STANCES_AGAINST, STANCES_FOR, ClaimState, RelationKind

PUBLIC_STATES = (ClaimState.PUBLISHED, ClaimState.WITHDRAWN)


class ClaimQuerySet(models.QuerySet):
    def published(self) -> "ClaimQuerySet":
        """Claims in lists, counts and search: published and not withdrawn."""
        return self.filter(state=ClaimState.PUBLISHED)

    def public(self) -> "ClaimQuerySet":
        """Claims with a public page: published, or withdrawn with the notice shown."""
        return self.filter(state__in=PUBLIC_STATES)

    def with_contested(self) -> "ClaimQuerySet":
        """Annotate `is_contested`: evidence both for and against, or a published counter-claim."""
        from .models import ClaimRelation, Evidence

        evidence = Evidence.objects.filter(claim=OuterRef("pk"))
        counter = ClaimRelation.objects.filter(kind=RelationKind.COUNTER_CLAIM)
        published_counter = Exists(
            counter.filter(from_claim=OuterRef("pk"), to_claim__state=ClaimState.PUBLISHED)
        ) | Exists(counter.filter(to_claim=OuterRef("pk"), from_claim__state=ClaimState.PUBLISHED))
        return self.annotate(
            is_contested=(
                Exists(evidence.filter(stance__in=STANCES_FOR))
                & Exists(evidence.filter(stance__in=STANCES_AGAINST))
            )
            | published_counter
        )

    def contested(self) -> "ClaimQuerySet":
        return self.with_contested().filter(is_contested=True)

    def due_for_recheck(self) -> "ClaimQuerySet":
        return self.filter(recheck_due__lte=timezone.localdate())

    def search(self, text: str) -> "ClaimQuerySet":
        return self.filter(
            Q(statement__icontains=text) | Q(claimant__icontains=text) | Q(context__icontains=text)
        )

    def citing_source(self, source) -> "ClaimQuerySet":
        """Claims that a source makes, is cited for, or where the claim first appeared."""
        from .models import Evidence

        return self.filter(
            Q(first_appeared_in=source)
            | Exists(Evidence.objects.filter(claim=OuterRef("pk"), source=source))
        )


class EvidenceQuerySet(models.QuerySet):
    def public(self) -> "EvidenceQuerySet":
        return self.filter(claim__state=ClaimState.PUBLISHED)


class RelationQuerySet(models.QuerySet):
    def between_published(self) -> "RelationQuerySet":
        return self.filter(
            from_claim__state=ClaimState.PUBLISHED, to_claim__state=ClaimState.PUBLISHED
        )


class ReviewQuerySet(models.QuerySet):
    def published(self) -> "ReviewQuerySet":
        return self.filter(published_at__isnull=False)


class CorrectionQuerySet(models.QuerySet):
    def public(self) -> "CorrectionQuerySet":
        return self.filter(claim__state__in=PUBLIC_STATES)
