import io
import json

import pytest
from django.core import serializers
from django.core.management import call_command

from claims.choices import ClaimState, RelationKind, Verdict
from claims.models import (
    Claim,
    ClaimRelation,
    ClaimSummary,
    Evidence,
    Figure,
    FigureConflict,
    Review,
    Subject,
)
from exchange.management.commands.load_demo import DEMO
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


def test_the_demos_summaries_say_what_makes_each_claim_contested():
    """Figures are compared as they are loaded, before the relations between claims exist:
    the summaries must still end up as the definition computes them."""
    call_command("load_demo", stdout=io.StringIO())
    flags = ["is_contested", "has_counter_claim", "figure_disagrees"]

    stored = {row["claim"]: row for row in ClaimSummary.objects.values("claim", *flags)}
    computed = {row.pop("pk"): row for row in Claim.objects.with_contested().values("pk", *flags)}

    assert {pk: {flag: row[flag] for flag in flags} for pk, row in stored.items()} == computed
    assert any(row["has_counter_claim"] for row in computed.values())
    assert any(row["figure_disagrees"] for row in computed.values())


def test_load_demo_twice_gives_the_same_database():
    call_command("load_demo", stdout=io.StringIO())
    first = snapshot()
    out = io.StringIO()
    call_command("load_demo", stdout=out)
    assert snapshot() == first
    assert "Imported 0 claims" in out.getvalue() and "134 claims were already" in out.getvalue()
    assert "Imported 0 sources and 0 subjects" in out.getvalue()
    assert "demo-workbench-2026" in out.getvalue()


def test_the_demo_files_are_what_an_export_of_the_demo_writes(tmp_path):
    """The demo is kept in the exchange format: loading it and exporting every claim and the
    registry gives back the very files, byte for byte."""
    call_command("load_demo", stdout=io.StringIO())
    claims, registry = tmp_path / "claims.json", tmp_path / "registry.json"
    call_command("export_claims", "--every-state", "--format=json", f"--output={claims}")
    call_command("export_registry", f"--output={registry}")

    assert claims.read_text() == (DEMO / "claims.json").read_text()
    assert registry.read_text() == (DEMO / "registry.json").read_text()


def test_the_demo_keeps_its_workflow_states_and_dates():
    call_command("load_demo", stdout=io.StringIO())

    in_review = Claim.objects.filter(state=ClaimState.IN_REVIEW)
    assert in_review.count() == 3
    assert not Review.objects.filter(claim__in=in_review, published_at__isnull=False).exists()
    graded = Claim.objects.filter(state=ClaimState.PUBLISHED).values_list("graded_at", flat=True)
    assert len({moment.date() for moment in graded}) == len(graded)  # one a day, not all today
    approved = Review.objects.published().values_list("reviewer__username", "approved_by__username")
    assert set(approved) == {("editor", "second-editor")}


def test_the_tests_copy_of_the_demo_holds_its_history_once(demo_fixture_file):
    """The copy tests load is the demo as load_demo wrote it: loading records no history of
    its own (on PostgreSQL those extra rows also collided with the file's ids)."""
    from tests.demo import load_demo_copy

    with open(demo_fixture_file) as file:
        in_file = [row for row in json.load(file) if row["model"] == "claims.historicalclaim"]

    load_demo_copy(demo_fixture_file)

    assert in_file
    assert Claim.history.count() == len(in_file)
