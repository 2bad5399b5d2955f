import datetime

import pytest
from django.utils import timezone

from claims.choices import ClaimState, RelationKind, Stance
from claims.models import Claim
from tests.factories import ClaimFactory, EvidenceFactory, PublishedClaimFactory, RelationFactory

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


def test_due_for_recheck_is_a_past_or_present_recheck_date():
    today = timezone.localdate()
    due = PublishedClaimFactory(recheck_due=today)
    PublishedClaimFactory(recheck_due=today + datetime.timedelta(days=1))
    PublishedClaimFactory(recheck_due=None)

    assert list(Claim.objects.due_for_recheck()) == [due]
    assert due.is_due_for_recheck
