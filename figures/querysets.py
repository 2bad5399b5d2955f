from django.db import models
from django.db.models import Q

from claims.choices import ClaimState


class FigureQuerySet(models.QuerySet):
    def published(self) -> "FigureQuerySet":
        """Figures readers see: those of published claims."""
        return self.filter(claim__state=ClaimState.PUBLISHED)


class FigureConflictQuerySet(models.QuerySet):
    def published(self) -> "FigureConflictQuerySet":
        """Conflicts readers see: between two figures of published claims."""
        return self.filter(
            figure__claim__state=ClaimState.PUBLISHED, other__claim__state=ClaimState.PUBLISHED
        )

    def involving(self, figure_ids) -> "FigureConflictQuerySet":
        return self.filter(Q(figure__in=figure_ids) | Q(other__in=figure_ids))
