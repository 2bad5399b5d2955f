import pytest
from django.db import connection
from django.urls import reverse

from bench.generate_data import generate
from claims.choices import ClaimState
from claims.models import Claim, ClaimRelation, ClaimSummary, Evidence, Review
from claims.services import claim_summary_refresh
from sources.models import Source

pytestmark = pytest.mark.django_db

SUMMARY_FIELDS = [
    "claim_id",
    "is_contested",
    "has_counter_claim",
    "figure_disagrees",
    "evidence_for",
    "evidence_against",
    "statement",
    "claimant",
    "body",
]


def test_bench_data_has_the_promised_shape_and_renders(client):
    generate(claims=300, verbosity=0)

    assert Claim.objects.count() == 300
    assert Source.objects.count() == 60
    assert 600 <= Evidence.objects.count() <= 1200  # three per claim on average
    assert ClaimRelation.objects.count() == 30
    assert set(Claim.objects.values_list("state", flat=True)) == set(ClaimState.values)
    graded = Claim.objects.filter(state__in=[ClaimState.PUBLISHED, ClaimState.WITHDRAWN])
    assert Review.objects.published().count() == graded.count()
    assert len(set(graded.values_list("verdict", flat=True))) >= 5
    assert ClaimSummary.objects.count() == 300
    computed = set(
        Claim.objects.with_contested().filter(is_contested=True).values_list("pk", flat=True)
    )
    assert set(Claim.objects.contested().values_list("pk", flat=True)) == computed
    claim = Claim.objects.published().first()
    for url in [
        reverse("claims:list"),
        reverse("claims:list") + "?q=PanGu",
        claim.get_absolute_url(),
    ]:
        assert client.get(url).status_code == 200


@pytest.mark.skipif(connection.vendor != "postgresql", reason="the SQL path is PostgreSQL's")
def test_bench_summaries_built_in_sql_match_the_service():
    generate(claims=300, verbosity=0)
    from_sql = list(
        ClaimSummary.objects.order_by("pk").values_list(*SUMMARY_FIELDS, "search_vector")
    )

    claim_summary_refresh(claim_ids=Claim.objects.values_list("pk", flat=True))

    assert (
        list(ClaimSummary.objects.order_by("pk").values_list(*SUMMARY_FIELDS, "search_vector"))
        == from_sql
    )
