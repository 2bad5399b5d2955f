"""Page-shaped reads of figures, each a fixed number of queries."""

from dataclasses import dataclass, field

from django.db.models import Q, QuerySet

from claims.models import Claim

from .choices import Quantity
from .models import Figure, FigureConflict

CHART_QUANTITIES = (Quantity.PARAMETERS, Quantity.TRAINING_COMPUTE)


@dataclass
class ClaimFigures:
    """What a claim page shows of its figure: the figure, every published figure for the same
    subject and quantity (this one included), and the conflicts this one is in."""

    figure: Figure | None = None
    alongside: list[Figure] = field(default_factory=list)
    conflicts: list[FigureConflict] = field(default_factory=list)


def _published_figures() -> QuerySet[Figure]:
    return Figure.objects.published().select_related("subject", "claim")


def conflicts_public() -> QuerySet[FigureConflict]:
    return FigureConflict.objects.published().select_related(
        "figure__subject", "figure__claim", "other__claim"
    )


def figures_of_claim(claim: Claim) -> ClaimFigures:
    """Two queries when the claim has a figure, none when it has none: the claim comes with
    its figure and subject (claims.selectors)."""
    figure = getattr(claim, "figure", None)  # a missing one-to-one raises AttributeError
    if figure is None:
        return ClaimFigures()
    alongside = _published_figures().filter(subject=figure.subject, quantity=figure.quantity)
    conflicts = conflicts_public().filter(Q(figure=figure) | Q(other=figure))
    return ClaimFigures(figure, list(alongside.order_by("normalised")), list(conflicts))


def chart_figures(quantity: str) -> QuerySet[Figure]:
    """Published figures of one quantity for subjects with a release date, oldest first."""
    return (
        _published_figures()
        .filter(quantity=quantity, subject__released_on__isnull=False)
        .order_by("subject__released_on", "subject__name", "normalised")
    )


def conflict_pairs(quantity: str) -> QuerySet[FigureConflict]:
    return FigureConflict.objects.published().filter(figure__quantity=quantity)


def contested_claims(limit: int) -> QuerySet[Claim]:
    """The published claims contested by evidence or counter-claims, most recently graded
    first (the stored flag, so one query)."""
    return (
        Claim.objects.published()
        .filter(summary__is_contested=True)
        .select_related("summary")
        .order_by("-graded_at", "-pk")[:limit]
    )
