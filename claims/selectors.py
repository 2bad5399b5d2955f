"""Page-shaped reads: each public page's queryset, with the prefetches that fix its query count."""

import copy
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field

from django.contrib.postgres.search import TrigramSimilarity
from django.core.exceptions import ValidationError
from django.db import connection
from django.db.models import (
    Count,
    IntegerField,
    OuterRef,
    Prefetch,
    Q,
    QuerySet,
    Subquery,
)
from django.http import QueryDict
from rapidfuzz import fuzz, process

from sources.models import Source
from workbench.pagination import CappedPaginator, capped_count

from .choices import (
    STANCES_AGAINST,
    STANCES_FOR,
    ClaimState,
    DeskQueue,
    Quantity,
    Stance,
    Verdict,
)
from .models import (
    Claim,
    Claimant,
    ClaimantAlias,
    ClaimRelation,
    Correction,
    Evidence,
    Figure,
    FigureConflict,
    Review,
    ReviewComment,
    Topic,
)

CHART_QUANTITIES = (Quantity.PARAMETERS, Quantity.TRAINING_COMPUTE)


def claim_list_public() -> QuerySet[Claim]:
    """Newest verdicts first; counts and the contested flag come from the claims' summaries."""
    return (
        Claim.objects.published()
        .select_related("summary", "claimant")
        .prefetch_related(Prefetch("topics", queryset=Topic.objects.order_by("name")))
        .order_by("-graded_at", "-pk")
    )


def _with_everything_shown(
    claims: QuerySet[Claim], *, relations: QuerySet[ClaimRelation], reviews: QuerySet[Review]
) -> QuerySet[Claim]:
    """A claim with its source, topics, evidence, relations, verdict history, corrections and
    figure: what its page, the API and the exports show, in a fixed number of queries."""
    relations = relations.select_related("from_claim", "to_claim")
    return claims.select_related(
        "first_appeared_in__outlet", "summary", "figure__subject", "claimant"
    ).prefetch_related(
        Prefetch("topics", queryset=Topic.objects.order_by("name")),
        Prefetch(
            "evidence",
            queryset=Evidence.objects.select_related("source__outlet").order_by(
                "source__title", "id"
            ),
        ),
        Prefetch("relations_out", queryset=relations),
        Prefetch("relations_in", queryset=relations),
        Prefetch(
            "reviews",
            queryset=reviews.order_by("-published_at", "-pk"),
            to_attr="verdict_history",
        ),
        Prefetch("corrections", queryset=Correction.objects.order_by("-created_at", "-pk")),
    )


def claim_detail_public() -> QuerySet[Claim]:
    """Public claims (published, or withdrawn with the notice) with everything their page
    shows; relations only to published claims."""
    return _with_everything_shown(
        Claim.objects.public(),
        relations=ClaimRelation.objects.between_published(),
        reviews=Review.objects.published(),
    )


def claim_export() -> QuerySet[Claim]:
    """Published claims, as the public list shows them, with everything an export carries."""
    return (
        _with_everything_shown(
            Claim.objects.published(),
            relations=ClaimRelation.objects.between_published(),
            reviews=Review.objects.published(),
        )
        .prefetch_related(_explained_conflicts(FigureConflict.objects.published()))
        .order_by("pk")
    )


def claim_export_every_state() -> QuerySet[Claim]:
    """Every claim, drafts and claims in review included, with everything it carries: for
    moving a workbench's work (and the demo) from one database to another, never for readers."""
    return (
        _with_everything_shown(
            Claim.objects.all(), relations=ClaimRelation.objects.all(), reviews=Review.objects.all()
        )
        .prefetch_related(_explained_conflicts(FigureConflict.objects.all()))
        .order_by("pk")
    )


def desk_counts(user) -> dict[str, int]:
    """How many claims wait in each of an editor's queues: five indexed counts of keys, up to
    the lists' cap (past it, the desk says "more than", as the queue's list does)."""
    return {
        queue: capped_count(Claim.objects.desk_queue(queue, user), CappedPaginator.cap)
        for queue in DeskQueue
    }


def claim_review_screen() -> QuerySet[Claim]:
    """A claim as a second editor reads it before approving: everything readers would see
    (relations to claims in any state), every grading with who wrote and approved it, and the
    editors' thread, in a fixed number of queries."""
    return _with_everything_shown(
        Claim.objects.select_related("assignee"),
        relations=ClaimRelation.objects.all(),
        reviews=Review.objects.select_related("reviewer", "approved_by", "sent_back_by"),
    ).prefetch_related(
        Prefetch(
            "review_comments",
            queryset=ReviewComment.objects.select_related("author").order_by("created_at", "pk"),
        )
    )


def _explained_conflicts(conflicts: QuerySet[FigureConflict]) -> Prefetch:
    return Prefetch("figure__conflicts_as_first", queryset=conflicts.select_related("other__claim"))


EXPORT_TOO_LARGE = (
    "These filters match more than {limit:,} claims, more than a download from the site holds. "
    "Narrow the filters, or ask an editor for the whole set: `python manage.py export_claims` "
    "writes any number of claims to a file."
)


def claim_export_filtered(params: QueryDict, *, at_most: int | None = None) -> Iterator[Claim]:
    """The export of the public list as filtered by `params` (the list's query string), in a
    stream of chunks. Raises ValidationError, with a message per invalid filter, or when more
    than `at_most` claims would be exported."""
    from .filtersets import ClaimFilterSet  # the filters build on the querysets, not on this

    filterset = ClaimFilterSet(params, queryset=claim_export())
    if not filterset.is_valid():
        raise ValidationError(
            [f"{name}: {' '.join(errors)}" for name, errors in filterset.errors.items()]
        )
    claims = filterset.qs.order_by("pk")
    if at_most is not None and claims[: at_most + 1].count() > at_most:
        raise ValidationError(EXPORT_TOO_LARGE.format(limit=at_most), code="too_large")
    return claims.iterator(chunk_size=500)


def claim_for_reader(user, *, listed: bool) -> QuerySet[Claim]:
    """What the API shows `user`: the public record, or every claim, draft and pending review
    to those allowed to see the editorial desk. `listed` leaves withdrawn claims out of lists."""
    if user.has_perm("claims.view_claim"):
        return _with_everything_shown(
            Claim.objects.all(), relations=ClaimRelation.objects.all(), reviews=Review.objects.all()
        )
    return claim_export() if listed else claim_detail_public()


def review_list_public() -> QuerySet[Review]:
    """Published gradings of published claims, newest first: the feed and the API."""
    return Review.objects.public().select_related("claim").order_by("-published_at", "-pk")


def review_for_reader(user) -> QuerySet[Review]:
    if user.has_perm("claims.view_review"):
        return Review.objects.select_related("claim").order_by("-published_at", "-pk")
    return review_list_public()


def correction_list_public() -> QuerySet[Correction]:
    return Correction.objects.public().select_related("claim").order_by("-created_at", "-pk")


def claim_most_contested(*, limit: int = 6) -> QuerySet[Claim]:
    """Published contested claims with the most evidence against them first."""
    return (
        claim_list_public()
        .filter(summary__is_contested=True)
        .order_by("-summary__evidence_against", "-graded_at", "-pk")[:limit]
    )


def verdict_counts() -> list[dict]:
    """How many published claims carry each verdict, in the order of the scale."""
    counts = dict(
        Claim.objects.published()
        .exclude(verdict="")
        .values_list("verdict")
        .annotate(n=Count("pk"))
        .order_by()
    )
    return _by_verdict(counts)


def _by_verdict(counts: dict[str, int]) -> list[dict]:
    """Each verdict with its count; templates show the verdict through its label tag."""
    return [{"verdict": verdict, "count": counts.get(verdict.value, 0)} for verdict in Verdict]


# -- claimants -------------------------------------------------------------------------------


def claimant_list_public() -> QuerySet[Claimant]:
    """Claimants with published claims, those with most first, each with `claim_count`."""
    return (
        Claimant.objects.annotate(
            claim_count=Count("claims", filter=Q(claims__state=ClaimState.PUBLISHED))
        )
        .filter(claim_count__gt=0)
        .order_by("-claim_count", "name", "pk")
    )


def claimant_detail_public() -> QuerySet[Claimant]:
    """Claimants with a public page, with their other names."""
    return Claimant.objects.public().prefetch_related(
        Prefetch("aliases", queryset=ClaimantAlias.objects.order_by("name", "pk"))
    )


def claimant_records(claimant_ids: list[int]) -> dict[int, list[dict]]:
    """Each claimant's record, as fact-checkers' report cards give it: how many of their
    published claims carry each verdict, in the order of the scale. One query for any number
    of claimants."""
    counts: dict[int, dict[str, int]] = {pk: {} for pk in claimant_ids}
    rows = (
        Claim.objects.published()
        .filter(claimant__in=claimant_ids)
        .exclude(verdict="")
        .values_list("claimant", "verdict")
        .annotate(n=Count("pk"))
        .order_by()
    )
    for claimant_id, verdict, n in rows:
        counts[claimant_id][verdict] = n
    return {pk: _by_verdict(found) for pk, found in counts.items()}


def claims_for_source_public(source, *, limit: int = 50) -> QuerySet[Claim]:
    """The newest published claims a source makes, is cited for or first made, with its
    stances on each and whether each is contested; the claim list, filtered by the source, has
    the rest."""
    return (
        Claim.objects.published()
        .citing_source(source)
        .select_related("summary")
        .prefetch_related(
            Prefetch(
                "evidence",
                queryset=Evidence.objects.filter(source=source).order_by("stance", "id"),
                to_attr="evidence_from_source",
            )
        )
        .order_by("-graded_at", "-pk")[:limit]
    )


def evidence_by_side(claim: Claim) -> dict[str, list[Evidence]]:
    """Split a claim's prefetched evidence into the columns its page shows."""
    sides: dict[str, list[Evidence]] = {"for": [], "against": [], "context": [], "asserted": []}
    for item in claim.evidence.all():
        if item.stance in STANCES_FOR:
            sides["for"].append(item)
        elif item.stance in STANCES_AGAINST:
            sides["against"].append(item)
        else:
            sides["context"].append(item)
        # "Where else it was asserted": the first appearance is shown on its own.
        if item.stance == Stance.ASSERTS and item.source_id != claim.first_appeared_in_id:
            sides["asserted"].append(item)
    return sides


def relations_of(claim: Claim) -> list[dict]:
    """The claim's prefetched relations, each read from this claim's end."""
    return [
        {
            "label": relation.label_from(claim),
            "claim": relation.other_end(claim),
            "note": relation.note,
        }
        for relation in [*claim.relations_out.all(), *claim.relations_in.all()]
    ]


def similar_claims(statement: str, *, exclude_pk: int | None = None, limit: int = 5) -> list[Claim]:
    """Existing claims worded like `statement`, most alike first, each with a `similarity`
    from 0 to 1: trigram similarity on PostgreSQL (GIN-indexed), rapidfuzz on SQLite."""
    return similar_claims_for_each([statement], exclude_pk=exclude_pk, limit=limit)[0]


def similar_claims_for_each(
    texts: list[str], *, exclude_pk: int | None = None, limit: int = 5
) -> list[list[Claim]]:
    """similar_claims() for many texts at once (a document's sentences): SQLite reads the
    statements once for all of them."""
    claims = Claim.objects.exclude(pk=exclude_pk).only(
        "pk", "slug", "statement", "state", "verdict"
    )
    # PostgreSQL refuses a null character in a query; it is no part of any wording.
    texts = [text.replace("\x00", "").strip() for text in texts]
    if connection.vendor == "postgresql":
        return [
            list(
                claims.filter(statement__trigram_similar=text)
                .annotate(similarity=TrigramSimilarity("statement", text))
                .order_by("-similarity", "-pk")[:limit]
            )
            if len(text) >= 8
            else []
            for text in texts
        ]
    if not any(len(text) >= 8 for text in texts):
        return [[] for _ in texts]
    statements = dict(claims.values_list("pk", "statement"))
    found = []
    for text in texts:
        best = (
            process.extract(
                text, statements, scorer=fuzz.token_set_ratio, score_cutoff=60, limit=limit
            )
            if len(text) >= 8
            else []
        )
        found.append([(pk, score / 100) for _, score, pk in best])
    rows = claims.in_bulk({pk for matches in found for pk, _ in matches})
    result = []
    for matches in found:
        alike = []
        for pk, similarity in matches:
            claim = copy.copy(rows[pk])
            claim.similarity = similarity
            alike.append(claim)
        result.append(alike)
    return result


# Alike enough that saving one more such claim is asked about first (on either database's
# measure: token-set ratio on SQLite, trigram similarity on PostgreSQL).
NEAR_DUPLICATE_SIMILARITY = 0.9


def near_duplicates(statement: str, *, exclude_pks: Iterable[int | None] = ()) -> list[Claim]:
    """The claims so alike `statement` that it may be one of them again: the similar-claims
    hint's own measure, above `NEAR_DUPLICATE_SIMILARITY`. `exclude_pks`: the claim itself and
    the claims it is already linked to."""
    exclude = {pk for pk in exclude_pks if pk is not None}
    return [
        claim
        for claim in similar_claims(statement, limit=5 + len(exclude))
        if claim.pk not in exclude
        and claim.similarity >= NEAR_DUPLICATE_SIMILARITY
        # The hint's measure finds a statement inside a longer one ("over three years" in
        # "over the next three years"): a near-duplicate must also read alike word for word.
        and fuzz.token_sort_ratio(statement.casefold(), claim.statement.casefold()) / 100
        >= NEAR_DUPLICATE_SIMILARITY
    ]


def sources_with_claim_counts() -> QuerySet[Source]:
    """The registry as readers list it, each source with the number of published claims that
    cite it as evidence."""
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


# -- figures ---------------------------------------------------------------------------------


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
        "figure__subject", "figure__claim__claimant", "other__claim__claimant"
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
    """Published figures of one quantity, oldest release first; those whose subject has no
    release date too, which the chart lists as left out."""
    return (
        _published_figures()
        .filter(quantity=quantity)
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
