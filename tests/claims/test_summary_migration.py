"""What makes a claim contested is stored in its summary (claims/migrations/0021): a database
whose summaries predate it comes through with every flag as the services would now set it."""

import pytest

from claims.choices import RelationKind, Stance
from claims.models import ClaimSummary, FigureConflict
from claims.services import conflict_explain
from tests.factories import (
    EvidenceFactory,
    FigureFactory,
    PublishedClaimFactory,
    RelationFactory,
    SubjectFactory,
)
from tests.migrating import migrate, newest

BEFORE = [("claims", "0020_search_word_terms")]
FLAGS = ["is_contested", "has_counter_claim", "figure_disagrees"]


def flags() -> dict[int, tuple]:
    return {row[0]: row[1:] for row in ClaimSummary.objects.values_list("claim", *FLAGS)}


@pytest.mark.django_db(transaction=True)
def test_summaries_stored_before_learn_what_makes_each_claim_contested(editor):
    both_sides = PublishedClaimFactory()
    EvidenceFactory(claim=both_sides, stance=Stance.REFUTES)
    countered = RelationFactory(kind=RelationKind.COUNTER_CLAIM).to_claim
    subject = SubjectFactory()
    disagreeing = FigureFactory(subject=subject, value=100).claim
    FigureFactory(subject=subject, value=1000)
    explained = SubjectFactory()
    FigureFactory(subject=explained, value=100)
    FigureFactory(subject=explained, value=1000)
    conflict_explain(
        conflict=FigureConflict.objects.get(figure__subject=explained),
        explanation="Two sizes of the same family.",
        by=editor,
    )
    expected = flags()
    assert expected[both_sides.pk] == (True, False, False)
    assert expected[countered.pk] == (True, True, False)
    assert expected[disagreeing.pk] == (True, False, True)

    old = migrate(BEFORE)
    # As summaries were then: a disagreeing figure alone did not make a claim contested.
    contested = old.get_model("claims", "ClaimSummary").objects.filter(is_contested=True)
    assert disagreeing.pk not in set(contested.values_list("claim", flat=True))
    assert both_sides.pk in set(contested.values_list("claim", flat=True))

    migrate(newest())

    assert flags() == expected
