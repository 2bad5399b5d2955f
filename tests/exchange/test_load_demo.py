import io

import pytest
from django.core import serializers
from django.core.management import call_command

from claims.choices import ClaimState, RelationKind, Verdict
from claims.models import Claim, ClaimRelation, Evidence, Figure, FigureConflict, Review, Subject
from sources.models import Source

pytestmark = pytest.mark.django_db


def snapshot() -> str:
    """Everything load_demo writes, minus timestamps that differ by run."""
    objects = [
        *Source.objects.all(),
        *Claim.objects.all(),
        *Evidence.objects.all(),
        *ClaimRelation.objects.all(),
        *Review.objects.all(),
        *Subject.objects.all(),
        *Figure.objects.all(),
        *FigureConflict.objects.all(),
    ]
    return serializers.serialize("json", objects, fields=None).replace("\n", "")


def test_load_demo_meets_the_demo_targets():
    call_command("load_demo", stdout=io.StringIO())

    claims = Claim.objects.all()
    published = claims.filter(state=ClaimState.PUBLISHED)
    assert claims.count() >= 40
    assert ClaimRelation.objects.filter(kind=RelationKind.COUNTER_CLAIM).count() >= 10
    assert published.contested().count() >= 8
    assert claims.filter(state=ClaimState.DRAFT).count() >= 2
    assert not claims.filter(evidence__isnull=True).exists()
    assert not Evidence.objects.filter(locator="").exists()
    assert set(published.values_list("verdict", flat=True)) == set(Verdict.values)
    assert not Review.objects.published().filter(rationale="").exists()
    for slug in (
        "wudao-2-0-is-one-model-with-1-75-trillion-parameters",
        "no-agi-race-between-china-and-the-us",
        "china-can-no-longer-buy-data-centre-gpus",
        "bagualu-has-174-trillion-parameters",
    ):
        assert published.contested().filter(slug=slug).exists(), slug
    assert Source.objects.filter(
        slug="aggregator-trillion-parameter-race", reliability="unreliable"
    ).exists()


def test_load_demo_twice_gives_the_same_database():
    call_command("load_demo", stdout=io.StringIO())
    first = snapshot()
    out = io.StringIO()
    call_command("load_demo", stdout=out)
    assert snapshot() == first
    assert "0 claims and 0 relations added" in out.getvalue()
    assert "demo-workbench-2026" in out.getvalue()
