"""The read API: published data for anonymous clients, the public pages' filters, cursor
pages, a schema that describes what the endpoints really return, and a throttle."""

import jsonschema
import pytest
from django.conf import settings
from django.db import connection
from django.test.utils import CaptureQueriesContext
from drf_spectacular.generators import SchemaGenerator
from drf_spectacular.validation import validate_schema
from rest_framework.throttling import AnonRateThrottle

from claims.choices import Bound, ClaimState, Quantity, RelationKind, Stance, Verdict
from claims.services import claim_withdraw
from tests.factories import (
    ClaimFactory,
    EvidenceFactory,
    FigureFactory,
    PublishedClaimFactory,
    RelationFactory,
    SourceFactory,
    SubjectFactory,
    TopicFactory,
)

pytestmark = pytest.mark.django_db


def slugs(response) -> list[str]:
    assert response.status_code == 200, response.content
    return [item["slug"] for item in response.json()["results"]]


@pytest.fixture
def claims_in_every_state(editor):
    """Published claims of several verdicts and topics, a draft, one in review, one withdrawn."""
    chips = TopicFactory(name="Chips", slug="chips")
    source = SourceFactory(title="Export control report", slug="export-report")
    claims = {
        "accurate": PublishedClaimFactory(slug="accurate", verdict=Verdict.ACCURATE),
        "inaccurate": PublishedClaimFactory(
            slug="inaccurate", verdict=Verdict.INACCURATE, statement="China has no GPUs at all."
        ),
        "mixed": PublishedClaimFactory(slug="mixed", verdict=Verdict.MIXED, claimant="Ministry"),
        "draft": ClaimFactory(slug="draft"),
        "in-review": ClaimFactory(
            slug="in-review", state=ClaimState.IN_REVIEW, verdict=Verdict.INACCURATE
        ),
        "withdrawn": PublishedClaimFactory(slug="withdrawn"),
    }
    claims["inaccurate"].topics.add(chips)
    EvidenceFactory(claim=claims["mixed"], source=source, stance=Stance.SUPPORTS)
    EvidenceFactory(claim=claims["mixed"], stance=Stance.REFUTES)
    RelationFactory(
        from_claim=claims["accurate"], to_claim=claims["inaccurate"], kind=RelationKind.SUPPORTS
    )
    claim_withdraw(claim=claims["withdrawn"], by=editor, reason="Retracted.")
    FigureFactory(
        claim=claims["mixed"],
        subject=SubjectFactory(name="Yuan 1.0"),
        quantity=Quantity.TRAINING_COMPUTE,
        value=4095,
        unit="petaFLOP/s-days",
        bound=Bound.AT_LEAST,
    )
    return claims


def test_a_claim_carries_its_figure_as_stated_and_normalised(client, claims_in_every_state):
    figure = client.get("/api/claims/mixed/").json()["figure"]

    assert figure["subject"] == "Yuan 1.0"
    assert (figure["value"], figure["unit"], figure["bound"]) == (
        4095,
        "petaFLOP/s-days",
        "at_least",
    )
    assert figure["normalised"] == pytest.approx(4095 * 8.64e19)
    assert (figure["normalised_unit"], figure["normalised_upper"]) == ("FLOP", None)
    assert client.get("/api/claims/accurate/").json()["figure"] is None


def test_anonymous_clients_see_published_claims_only(client, claims_in_every_state):
    assert sorted(slugs(client.get("/api/claims/"))) == ["accurate", "inaccurate", "mixed"]
    assert client.get("/api/claims/draft/").status_code == 404
    assert client.get("/api/claims/in-review/").status_code == 404
    withdrawn = client.get("/api/claims/withdrawn/").json()
    assert withdrawn["state"] == "withdrawn" and withdrawn["withdrawn_reason"] == "Retracted."
    # Only published gradings of published claims: not the pending one, not the withdrawn's.
    graded = [r["claim"] for r in client.get("/api/reviews/").json()["results"]]
    assert sorted(graded) == ["accurate", "inaccurate", "mixed"]


def test_editors_see_the_whole_desk(client, editor, claims_in_every_state):
    client.force_login(editor)
    listed = slugs(client.get("/api/claims/"))
    assert {"draft", "in-review", "withdrawn"} <= set(listed)
    assert client.get("/api/claims/draft/").json()["verdict"] is None
    pending = client.get("/api/reviews/", {"claim": "in-review"}).json()["results"]
    assert [(r["claim"], r["verdict"]["code"]) for r in pending] == [("in-review", "inaccurate")]


def test_a_claim_carries_its_verdict_evidence_and_relations(client, claims_in_every_state):
    mixed = client.get("/api/claims/mixed/").json()
    assert mixed["verdict"] == {"code": "mixed", "label": "Mixed", "rating": 3}
    assert mixed["is_contested"] is True
    assert sorted(e["stance"] for e in mixed["evidence"]) == ["asserts", "refutes", "supports"]
    assert mixed["page"] == settings.WORKBENCH_SITE_URL + "/claims/mixed/"  # never the host asked
    accurate = client.get("/api/claims/accurate/").json()
    assert accurate["relations"] == [
        {
            "kind": "supports",
            "label": "Supports",
            "claim": "inaccurate",
            "statement": "China has no GPUs at all.",
            "note": "",
        }
    ]
    inaccurate = client.get("/api/claims/inaccurate/").json()
    assert inaccurate["relations"][0]["label"] == "Supported by"


@pytest.mark.parametrize(
    "query",
    [
        "verdict=mixed",
        "verdict=mixed&verdict=inaccurate",
        "topic=chips",
        "claimant=ministry",
        "contested=true",
        "source=export-report",
        "q=GPUs",
    ],
)
def test_the_api_filters_exactly_as_the_public_list_does(client, claims_in_every_state, query):
    page = client.get(f"/claims/?{query.replace('contested=true', 'contested=on')}")
    on_page = sorted(claim.slug for claim in page.context["object_list"])
    assert on_page, "the query should match something"
    assert sorted(slugs(client.get(f"/api/claims/?{query}"))) == on_page


def test_an_invalid_filter_is_a_clear_400(client, claims_in_every_state):
    response = client.get("/api/claims/?verdict=plausible")
    assert response.status_code == 400
    assert "plausible is not one of the available choices" in response.json()["verdict"][0]


def test_cursor_pages_walk_every_claim_once(client):
    PublishedClaimFactory.create_batch(7)
    seen, url = [], "/api/claims/?page_size=3"
    while url:
        body = client.get(url).json()
        seen += [item["slug"] for item in body["results"]]
        url = body["next"]
    assert len(seen) == len(set(seen)) == 7


def test_sources_are_listed_with_their_ratings_and_filters(client):
    SourceFactory(title="A wire story", kind="news_article", slug="wire")
    SourceFactory(title="A lab report", kind="report", slug="lab")
    assert slugs(client.get("/api/sources/?kind=news_article")) == ["wire"]
    lab = client.get("/api/sources/lab/").json()
    assert lab["reliability"] == "generally_reliable" and lab["claim_count"] == 0


def test_the_api_is_read_only(client, editor, claims_in_every_state):
    client.force_login(editor)
    assert client.post("/api/claims/", {"statement": "x"}).status_code == 405
    assert client.delete("/api/claims/accurate/").status_code == 405


def test_anonymous_clients_are_throttled(client, monkeypatch):
    monkeypatch.setattr(AnonRateThrottle, "THROTTLE_RATES", {"anon": "3/minute"})
    statuses = [client.get("/api/sources/").status_code for _ in range(4)]
    assert statuses == [200, 200, 200, 429]


def test_the_schema_is_valid_openapi(client):
    response = client.get("/api/schema/?format=json")
    assert response.status_code == 200
    validate_schema(response.json())  # raises on an invalid document


def strict(node):
    """The schema with no room for undocumented fields, so a response that returns more than
    the schema says fails validation."""
    if isinstance(node, dict):
        node = {key: strict(value) for key, value in node.items()}
        if "properties" in node:
            node.setdefault("additionalProperties", False)
        return node
    if isinstance(node, list):
        return [strict(value) for value in node]
    return node


@pytest.mark.parametrize(
    "url, path",
    [
        ("/api/claims/", "/api/claims/"),
        ("/api/claims/mixed/", "/api/claims/{slug}/"),
        ("/api/claims/accurate/", "/api/claims/{slug}/"),
        ("/api/claims/withdrawn/", "/api/claims/{slug}/"),
        ("/api/sources/", "/api/sources/"),
        ("/api/sources/export-report/", "/api/sources/{slug}/"),
        ("/api/reviews/", "/api/reviews/"),
    ],
)
@pytest.mark.parametrize("role", ["anonymous", "editor"])
def test_responses_match_the_schema(client, claims_in_every_state, url, path, role, request):
    if role == "editor":  # editors also see drafts: ungraded, with no confidence
        client.force_login(request.getfixturevalue("editor"))
    assert_matches_schema(client.get(url), path)


def assert_matches_schema(response, path: str) -> None:
    schema = strict(SchemaGenerator().get_schema(request=None, public=True))
    operation = schema["paths"][path]["get"]
    documented = operation["responses"][str(response.status_code)]
    response_schema = documented["content"]["application/json"]["schema"]
    jsonschema.validate(
        response.json(),
        {**response_schema, "components": schema["components"]},
        cls=jsonschema.Draft202012Validator,
    )


def test_a_drafts_confidence_is_null_and_documented(client, editor, claims_in_every_state):
    draft = ClaimFactory(statement="An ungraded draft.")
    client.force_login(editor)
    response = client.get(f"/api/claims/{draft.slug}/")
    assert response.json()["confidence"] is None
    assert_matches_schema(response, "/api/claims/{slug}/")


@pytest.mark.parametrize(
    "url, path, status",
    [
        ("/api/claims/?verdict=plausible", "/api/claims/", 400),
        ("/api/reviews/?verdict=x", "/api/reviews/", 400),
        ("/api/claims/no-such-claim/", "/api/claims/{slug}/", 404),
        ("/api/sources/no-such-source/", "/api/sources/{slug}/", 404),
        ("/api/claims/?cursor=cD1hYmM%3D", "/api/claims/", 404),  # p=abc
        ("/api/reviews/?cursor=cD05OTk5OTk5OTk5OTk5OTk5OTk5OTk5OQ%3D%3D", "/api/reviews/", 404),
        ("/api/claims/a%00/", "/api/claims/{slug}/", 400),
        ("/api/sources/?q=%00", "/api/sources/", 400),
    ],
)
def test_error_answers_are_documented_and_match_the_schema(
    client, claims_in_every_state, url, path, status
):
    response = client.get(url)
    assert response.status_code == status
    assert_matches_schema(response, path)


def test_a_throttled_answer_is_documented(client, monkeypatch):
    monkeypatch.setattr(AnonRateThrottle, "THROTTLE_RATES", {"anon": "1/minute"})
    client.get("/api/sources/")
    response = client.get("/api/sources/")
    assert response.status_code == 429
    assert_matches_schema(response, "/api/sources/")


def api_list_queries(client, url) -> int:
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries)


@pytest.mark.parametrize("url", ["/api/claims/", "/api/sources/", "/api/reviews/"])
def test_api_lists_run_a_fixed_number_of_queries(client, url):
    def grow(n):
        source = SourceFactory()
        for _ in range(n):
            claim = PublishedClaimFactory(first_appeared_in=source)
            claim.topics.add(TopicFactory())
            EvidenceFactory(claim=claim, stance=Stance.REFUTES)
            RelationFactory(from_claim=claim)

    grow(2)
    few = api_list_queries(client, url)
    grow(10)
    assert api_list_queries(client, url) == few
