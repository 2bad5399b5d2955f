"""The summaries written in bulk for loads (COPY on PostgreSQL) hold what the per-claim refresh
writes, whatever makes a claim contested, and search finds the claims by them."""

import pytest

from claims.choices import ClaimState, RelationKind, Stance
from claims.models import Claim, ClaimSummary, FigureConflict
from claims.services import claim_summaries_build, claim_summary_refresh, conflict_explain
from tests.factories import (
    ClaimFactory,
    EvidenceFactory,
    FigureFactory,
    PublishedClaimFactory,
    RelationFactory,
    SubjectFactory,
)

pytestmark = pytest.mark.django_db

FIELDS = [
    "claim_id",
    "is_contested",
    "has_counter_claim",
    "figure_disagrees",
    "evidence_for",
    "evidence_against",
    "statement",
    "claimant",
    "body",
    "terms_statement",
    "terms_names",
    "terms_body",
    "search_vector",
]


def test_summaries_written_in_bulk_say_what_makes_claims_contested_as_the_service_does(
    editor, client
):
    both_sides = PublishedClaimFactory(statement="Zhurong-7 was trained on 900 billion tokens.")
    EvidenceFactory(claim=both_sides, stance=Stance.REFUTES)
    RelationFactory(kind=RelationKind.COUNTER_CLAIM)
    RelationFactory(
        kind=RelationKind.COUNTER_CLAIM, from_claim=ClaimFactory(state=ClaimState.DRAFT)
    )
    subject = SubjectFactory()
    FigureFactory(subject=subject, value=100)
    FigureFactory(subject=subject, value=1000)
    FigureFactory(subject=subject, value=10, claim=ClaimFactory(state=ClaimState.DRAFT))
    explained = SubjectFactory()
    FigureFactory(subject=explained, value=100)
    FigureFactory(subject=explained, value=1000)
    conflict_explain(
        conflict=FigureConflict.objects.get(figure__subject=explained),
        explanation="Two sizes of the same family.",
        by=editor,
    )
    ids = list(Claim.objects.values_list("pk", flat=True))
    from_service = list(ClaimSummary.objects.order_by("pk").values_list(*FIELDS))
    assert {row[1:4] for row in from_service} >= {
        (True, False, False),
        (True, True, False),
        (True, False, True),
        (False, False, False),
    }

    ClaimSummary.objects.all().delete()
    claim_summaries_build(low=min(ids), high=max(ids))

    assert list(ClaimSummary.objects.order_by("pk").values_list(*FIELDS)) == from_service
    found = client.get("/claims/?q=zhurong 7").context["object_list"]
    assert [claim.pk for claim in found] == [both_sides.pk]
    claim_summary_refresh(claim_ids=ids)  # and back: nothing changes
    assert list(ClaimSummary.objects.order_by("pk").values_list(*FIELDS)) == from_service
