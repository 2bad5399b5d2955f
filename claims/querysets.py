from django.db import connection, models
from django.db.models import Case, Exists, F, OuterRef, Q, Subquery, Value, When
from django.db.models.expressions import RawSQL
from django.utils import timezone

from .choices import (
    PUBLIC_STATES,
    STANCES_AGAINST,
    STANCES_FOR,
    VERDICT_SCALE,
    ClaimSort,
    ClaimState,
    DeskQueue,
    RelationKind,
)


class ClaimQuerySet(models.QuerySet):
    def published(self) -> "ClaimQuerySet":
        """Claims in lists, counts and search: published and not withdrawn."""
        return self.filter(state=ClaimState.PUBLISHED)

    # The desk's queues select from the few pending gradings, by key: an EXISTS per claim
    # would read every claim on SQLite.
    def awaiting_approval(self) -> "ClaimQuerySet":
        """Claims with a grading that waits for a second person: new claims in review, and
        re-gradings of published ones, which readers do not see until approved."""
        from .models import Review

        return self.filter(pk__in=Review.objects.awaiting_approval().values("claim_id"))

    def awaiting_approval_by(self, user) -> "ClaimQuerySet":
        """What `user` can approve: gradings awaiting a second person that someone else wrote."""
        from .models import Review

        others = Review.objects.awaiting_approval().exclude(reviewer=user)
        return self.filter(pk__in=others.values("claim_id"))

    def sent_back_to(self, user) -> "ClaimQuerySet":
        """Claims whose grading by `user` a second editor sent back for revision."""
        from .models import Review

        return self.filter(
            pk__in=Review.objects.sent_back().filter(reviewer=user).values("claim_id")
        )

    def with_proposed_verdict(self) -> "ClaimQuerySet":
        """Annotate `proposed_verdict` and `proposed_by`: the verdict of the newest grading
        waiting for approval, and the username of the editor who wrote it."""
        from .models import Review

        newest = (
            Review.objects.awaiting_approval().filter(claim=OuterRef("pk")).order_by("-created_at")
        )
        return self.annotate(
            proposed_verdict=Subquery(newest.values("verdict")[:1]),
            proposed_by=Subquery(newest.values("reviewer__username")[:1]),
        )

    def public(self) -> "ClaimQuerySet":
        """Claims with a public page: published, or withdrawn with the notice shown."""
        return self.filter(state__in=PUBLIC_STATES)

    def with_contested(self) -> "ClaimQuerySet":
        """Annotate `is_contested` and what makes a claim so: `has_counter_claim` (a published
        counter-claim) and `figure_disagrees` (its figure disagrees with a published claim's,
        and no editor has explained why); or else evidence both for and against. The one
        definition; claim_summary_refresh() stores its result for lists to filter on."""
        from .models import ClaimRelation, Evidence, FigureConflict

        evidence = Evidence.objects.filter(claim=OuterRef("pk"))
        counter = ClaimRelation.objects.filter(kind=RelationKind.COUNTER_CLAIM)
        published_counter = Exists(
            counter.filter(from_claim=OuterRef("pk"), to_claim__state=ClaimState.PUBLISHED)
        ) | Exists(counter.filter(to_claim=OuterRef("pk"), from_claim__state=ClaimState.PUBLISHED))
        # An explained conflict is one that is not really a disagreement (a different scope, a
        # different count of tokens): readers see the explanation instead.
        unexplained = FigureConflict.objects.filter(explanation="")
        disagreeing_figure = Exists(
            unexplained.filter(
                figure__claim=OuterRef("pk"), other__claim__state=ClaimState.PUBLISHED
            )
        ) | Exists(
            unexplained.filter(
                other__claim=OuterRef("pk"), figure__claim__state=ClaimState.PUBLISHED
            )
        )
        return self.annotate(
            has_counter_claim=published_counter,
            figure_disagrees=disagreeing_figure,
            is_contested=(
                Exists(evidence.filter(stance__in=STANCES_FOR))
                & Exists(evidence.filter(stance__in=STANCES_AGAINST))
            )
            | published_counter
            | disagreeing_figure,
        )

    def contested(self) -> "ClaimQuerySet":
        """As recorded in the claims' summaries, which with_contested() keeps current."""
        return self.filter(summary__is_contested=True)

    def due_for_recheck(self) -> "ClaimQuerySet":
        return self.filter(recheck_due__lte=timezone.localdate())

    def desk_queue(self, queue: str, user) -> "ClaimQuerySet":
        """The claims in one of `user`'s queues on the desk (DeskQueue)."""
        if queue == DeskQueue.TO_APPROVE:
            return self.awaiting_approval_by(user)
        if queue == DeskQueue.SENT_BACK:
            return self.sent_back_to(user)
        if queue == DeskQueue.ASSIGNED:
            return self.filter(assignee=user).exclude(state=ClaimState.WITHDRAWN)
        if queue == DeskQueue.DRAFTS:
            return self.filter(state=ClaimState.DRAFT, created_by=user)
        if queue == DeskQueue.RECHECK:
            return self.published().due_for_recheck()
        raise ValueError(f"No desk queue {queue!r}")

    def search(self, text: str) -> "ClaimQuerySet":
        """Claims matching a search (claims/search/), best matches first."""
        from .search import find

        return self.in_order(find(text, self).ids)

    def in_order(self, ids: list[int]) -> "ClaimQuerySet":
        """These claims, in this order (a search's), as `search_rank`."""
        if not ids:
            return self.none().annotate(search_rank=Value(0))
        # One expression, not a CASE of a few hundred branches: Django compiles each branch.
        if connection.vendor == "postgresql":
            rank = RawSQL('array_position(%s::integer[], "claims_claim"."id")', (ids,))
        else:
            listed = "," + ",".join(map(str, ids)) + ","
            rank = RawSQL("""instr(%s, ',' || "claims_claim"."id" || ',')""", (listed,))
        return self.filter(pk__in=ids).annotate(search_rank=rank).order_by("search_rank")

    def sorted_by(self, sort: str) -> "ClaimQuerySet":
        """In one of the orders readers may choose (ClaimSort); relevance keeps the order a
        search gave, or the list's own."""
        if sort == ClaimSort.NEWEST:
            return self.order_by(F("graded_at").desc(nulls_last=True), "-pk")
        if sort == ClaimSort.CONTESTED:
            return self.order_by(
                "-summary__is_contested", "-summary__evidence_against", "-graded_at", "-pk"
            )
        if sort == ClaimSort.VERDICT:
            scale = Case(
                *(
                    When(verdict=verdict, then=Value(meaning.rating))
                    for verdict, meaning in VERDICT_SCALE.items()
                ),
                default=Value(99),
            )
            return self.order_by(scale, "verdict", "-graded_at", "-pk")  # one verdict together
        return self

    def citing_source(self, source) -> "ClaimQuerySet":
        """Claims that a source makes, is cited for, or where the claim first appeared. Two
        indexed look-ups rather than an OR over every claim."""
        from .models import Claim, Evidence

        cited = Evidence.objects.filter(source=source).values("claim_id").order_by()
        first = Claim.objects.filter(first_appeared_in=source).values("pk").order_by()
        return self.filter(pk__in=cited.union(first))


class ClaimantQuerySet(models.QuerySet):
    def public(self) -> "ClaimantQuerySet":
        """Claimants with a public page: those with a public claim (published, or withdrawn
        with its page kept, which links to theirs)."""
        from .models import Claim

        return self.filter(Exists(Claim.objects.public().filter(claimant=OuterRef("pk"))))

    def named(self, text: str) -> "ClaimantQuerySet":
        """Claimants whose name or another name contains `text`, as typed or in any spelling
        that differs only in dashes, case or spacing ("us-china" finds "US–China"). A
        subquery, so a claimant known by several matching names comes once."""
        from .models import Claimant, normalised_name

        text, key = text.strip(), normalised_name(text)
        matching = Claimant.objects.filter(
            Q(name__icontains=text)
            | Q(normalised__contains=key)
            | Q(aliases__name__icontains=text)
            | Q(aliases__normalised__contains=key)
        )
        return self.filter(pk__in=matching.values("pk"))


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

    def pending(self) -> "ReviewQuerySet":
        """Gradings not yet published: awaiting approval, or sent back to their author."""
        return self.filter(published_at__isnull=True)

    def awaiting_approval(self) -> "ReviewQuerySet":
        """Gradings a second person can approve now."""
        return self.pending().filter(sent_back_at__isnull=True)

    def sent_back(self) -> "ReviewQuerySet":
        """Gradings a second person sent back; their author revises or takes them back."""
        return self.pending().filter(sent_back_at__isnull=False)

    def public(self) -> "ReviewQuerySet":
        """The verdict history readers see: published reviews of published claims."""
        return self.published().filter(claim__state=ClaimState.PUBLISHED)


class CorrectionQuerySet(models.QuerySet):
    def public(self) -> "CorrectionQuerySet":
        return self.filter(claim__state__in=PUBLIC_STATES)


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
