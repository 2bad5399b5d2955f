import datetime

import pytest
from django.utils import timezone

from claims.choices import ClaimState, RelationKind, Stance
from claims.models import Claim, ClaimSummary, FigureConflict
from claims.services import claim_publish, claim_withdraw, conflict_explain, figure_delete
from tests.factories import (
    ClaimFactory,
    EvidenceFactory,
    FigureFactory,
    PublishedClaimFactory,
    RelationFactory,
    SubjectFactory,
)

pytestmark = pytest.mark.django_db


def contested_ids():
    return set(Claim.objects.contested().values_list("pk", flat=True))


def test_claim_with_evidence_for_and_against_is_contested():
    claim = PublishedClaimFactory()
    EvidenceFactory(claim=claim, stance=Stance.ASSERTS)
    EvidenceFactory(claim=claim, stance=Stance.REFUTES)
    one_sided = PublishedClaimFactory()
    EvidenceFactory(claim=one_sided, stance=Stance.SUPPORTS)
    EvidenceFactory(claim=one_sided, stance=Stance.CONTEXT)

    assert contested_ids() == {claim.pk}


def test_a_published_counter_claim_makes_both_ends_contested():
    relation = RelationFactory(kind=RelationKind.COUNTER_CLAIM)
    RelationFactory(kind=RelationKind.SUPPORTS)

    assert contested_ids() == {relation.from_claim_id, relation.to_claim_id}


def test_a_draft_counter_claim_does_not_count():
    published = PublishedClaimFactory()
    RelationFactory(from_claim=ClaimFactory(state=ClaimState.DRAFT), to_claim=published)

    assert published.pk not in contested_ids()


def why(claim) -> tuple[bool, bool, bool]:
    """What the claim's summary says: contested, by a counter-claim, by a disagreeing figure."""
    summary = ClaimSummary.objects.get(claim=claim)
    return summary.is_contested, summary.has_counter_claim, summary.figure_disagrees


def test_the_summary_says_what_makes_a_claim_contested():
    both_sides = PublishedClaimFactory()
    EvidenceFactory(claim=both_sides, stance=Stance.REFUTES)
    countered = RelationFactory(kind=RelationKind.COUNTER_CLAIM).to_claim

    assert why(both_sides) == (True, False, False)
    assert why(countered) == (True, True, False)


def test_a_figure_that_disagrees_with_a_published_figure_makes_both_claims_contested():
    subject = SubjectFactory()
    small = FigureFactory(subject=subject, value=100)
    large = FigureFactory(subject=subject, value=1000)
    FigureFactory(subject=SubjectFactory(), value=5)  # alone: nothing to disagree with

    assert contested_ids() == {small.claim_id, large.claim_id}
    assert why(small.claim) == (True, False, True)


def test_an_explained_conflict_no_longer_makes_claims_contested(editor):
    subject = SubjectFactory()
    small = FigureFactory(subject=subject, value=100)
    large = FigureFactory(subject=subject, value=1000)

    conflict_explain(conflict=FigureConflict.objects.get(), explanation="Two models.", by=editor)
    assert contested_ids() == set()

    conflict_explain(conflict=FigureConflict.objects.get(), explanation="", by=editor)
    assert contested_ids() == {small.claim_id, large.claim_id}


def test_a_figure_disagrees_only_once_the_other_claim_is_published_and_while_it_stays(
    second_editor,
):
    subject = SubjectFactory()
    published = FigureFactory(subject=subject, value=100)
    pending = FigureFactory(
        subject=subject, value=1000, claim=ClaimFactory(state=ClaimState.IN_REVIEW)
    )
    assert published.claim_id not in contested_ids()

    claim_publish(claim=pending.claim, approver=second_editor)
    assert contested_ids() == {published.claim_id, pending.claim_id}

    claim_withdraw(claim=pending.claim, by=second_editor, reason="The source was retracted.")
    assert published.claim_id not in contested_ids()


def test_deleting_a_figure_leaves_the_claim_it_disagreed_with_uncontested(editor):
    subject = SubjectFactory()
    kept = FigureFactory(subject=subject, value=100)
    removed = FigureFactory(subject=subject, value=1000)
    assert contested_ids() == {kept.claim_id, removed.claim_id}

    figure_delete(figure=removed, by=editor, correction_note="No figure in the source.")

    assert contested_ids() == set()
    assert why(kept.claim) == (False, False, False)


def test_due_for_recheck_is_a_past_or_present_recheck_date():
    today = timezone.localdate()
    due = PublishedClaimFactory(recheck_due=today)
    PublishedClaimFactory(recheck_due=today + datetime.timedelta(days=1))
    PublishedClaimFactory(recheck_due=None)

    assert list(Claim.objects.due_for_recheck()) == [due]
    assert due.is_due_for_recheck
