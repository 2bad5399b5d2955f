"""A claim's summary: the contested flag, evidence counts and search text readers' lists use,
kept current by every write that could change them."""

from collections import defaultdict
from collections.abc import Iterable

from django.db import connection
from django.db.models import Count, Q

from ..choices import STANCES_AGAINST, STANCES_FOR, ClaimState, RelationKind
from ..models import (
    Claim,
    Claimant,
    ClaimantAlias,
    ClaimRelation,
    ClaimSummary,
    Evidence,
    Review,
)
from ..querysets import SEARCH_CONFIG, SEARCH_VECTOR

SUMMARY_FIELDS = [
    "is_contested",
    "evidence_for",
    "evidence_against",
    "statement",
    "claimant",
    "body",
]


def claimant_names(claimant_ids: Iterable[int]) -> dict[int, str]:
    """What search knows of each claimant: its name, then its aliases (other spellings,
    translations, names in other scripts), one a line."""
    names = defaultdict(list)
    for pk, name in Claimant.objects.filter(pk__in=claimant_ids).values_list("pk", "name"):
        names[pk].append(name)
    aliases = ClaimantAlias.objects.filter(claimant_id__in=names).order_by("claimant_id", "id")
    for pk, name in aliases.values_list("claimant_id", "name"):
        names[pk].append(name)
    return {pk: "\n".join(texts) for pk, texts in names.items()}


def claim_summary_refresh(*, claim_ids: Iterable[int], batch_size: int = 2000) -> None:
    """Rebuild the summaries (contested flag, evidence counts, search text and vector) of these
    claims from their current rows. Runs after every write that could change them."""
    ids = sorted(set(claim_ids))
    for start in range(0, len(ids), batch_size):
        batch = ids[start : start + batch_size]
        texts = defaultdict(list)
        evidence = Evidence.objects.filter(claim_id__in=batch).order_by("claim_id", "id")
        for claim_id, excerpt, title in evidence.values_list(
            "claim_id", "excerpt", "source__title"
        ):
            texts[claim_id] += [excerpt, title]
        published = Review.objects.published().filter(claim_id__in=batch).order_by("id")
        for claim_id, rationale in published.values_list("claim_id", "rationale"):
            texts[claim_id].append(rationale)
        claims = list(
            Claim.objects.filter(pk__in=batch)
            .with_contested()
            .annotate(
                n_for=Count("evidence", filter=Q(evidence__stance__in=STANCES_FOR)),
                n_against=Count("evidence", filter=Q(evidence__stance__in=STANCES_AGAINST)),
            )
            .values_list(
                "pk", "is_contested", "n_for", "n_against", "statement", "claimant", "context"
            )
        )
        names = claimant_names({claimant_id for *_, claimant_id, _ in claims})
        ClaimSummary.objects.bulk_create(
            [
                ClaimSummary(
                    claim_id=pk,
                    is_contested=contested,
                    evidence_for=n_for,
                    evidence_against=n_against,
                    statement=statement,
                    claimant=names[claimant],
                    body="\n".join(filter(None, [context, *texts[pk]])),
                )
                for pk, contested, n_for, n_against, statement, claimant, context in claims
            ],
            update_conflicts=True,
            unique_fields=["claim"],
            update_fields=SUMMARY_FIELDS,
        )
        if connection.vendor == "postgresql":
            ClaimSummary.objects.filter(pk__in=batch).update(search_vector=SEARCH_VECTOR)


# claim_summary_refresh() in one statement per range of ids, for claims that have no summary yet
# (bulk loads): the same rules, written in SQL. A test holds the two to the same results.
SUMMARY_SQL = """
INSERT INTO claims_claimsummary
    (claim_id, is_contested, evidence_for, evidence_against, statement, claimant, body,
     search_vector)
SELECT *,
       setweight(to_tsvector(%(config)s::regconfig, statement), 'A')
       || setweight(to_tsvector(%(config)s::regconfig, claimant), 'B')
       || setweight(to_tsvector(%(config)s::regconfig, body), 'C')
FROM (
    SELECT c.id,
           (COALESCE(e.n_for, 0) > 0 AND COALESCE(e.n_against, 0) > 0) OR EXISTS (
               SELECT 1 FROM claims_claimrelation r
               JOIN claims_claim o ON o.id = CASE WHEN r.from_claim_id = c.id
                                                  THEN r.to_claim_id ELSE r.from_claim_id END
               WHERE r.kind = %(counter)s AND o.state = %(published)s
                 AND (r.from_claim_id = c.id OR r.to_claim_id = c.id)),
           COALESCE(e.n_for, 0), COALESCE(e.n_against, 0), c.statement,
           concat_ws(E'\\n', cl.name, al.names),
           concat_ws(E'\\n', NULLIF(c.context, ''), e.body, rv.body)
    FROM claims_claim c
    JOIN claims_claimant cl ON cl.id = c.claimant_id
    LEFT JOIN (
        SELECT claimant_id, string_agg(name, E'\\n' ORDER BY id) AS names
        FROM claims_claimantalias
        WHERE claimant_id IN (
            SELECT claimant_id FROM claims_claim WHERE id BETWEEN %(low)s AND %(high)s)
        GROUP BY claimant_id
    ) al ON al.claimant_id = c.claimant_id
    LEFT JOIN (
        SELECT ev.claim_id,
               count(*) FILTER (WHERE ev.stance = ANY(%(for)s)) AS n_for,
               count(*) FILTER (WHERE ev.stance = ANY(%(against)s)) AS n_against,
               string_agg(concat_ws(E'\\n', NULLIF(ev.excerpt, ''), s.title), E'\\n'
                          ORDER BY ev.id) AS body
        FROM claims_evidence ev JOIN sources_source s ON s.id = ev.source_id
        WHERE ev.claim_id BETWEEN %(low)s AND %(high)s
        GROUP BY ev.claim_id
    ) e ON e.claim_id = c.id
    LEFT JOIN (
        SELECT claim_id, string_agg(rationale, E'\\n' ORDER BY id) AS body
        FROM claims_review
        WHERE published_at IS NOT NULL AND claim_id BETWEEN %(low)s AND %(high)s
        GROUP BY claim_id
    ) rv ON rv.claim_id = c.id
    WHERE c.id BETWEEN %(low)s AND %(high)s
) AS summary (claim_id, is_contested, evidence_for, evidence_against, statement, claimant, body)
ON CONFLICT (claim_id) DO NOTHING
"""


def claim_summaries_build(*, low: int, high: int, step: int = 100_000) -> None:
    """Summaries for the claims with ids from `low` to `high` that have none yet."""
    if connection.vendor != "postgresql":
        ids = Claim.objects.filter(pk__range=(low, high), summary__isnull=True)
        claim_summary_refresh(claim_ids=ids.values_list("pk", flat=True))
        return
    with connection.cursor() as cursor:
        for start in range(low, high + 1, step):
            params = {
                "low": start,
                "high": min(start + step - 1, high),
                "for": [str(stance) for stance in STANCES_FOR],
                "against": [str(stance) for stance in STANCES_AGAINST],
                "counter": RelationKind.COUNTER_CLAIM.value,
                "published": ClaimState.PUBLISHED.value,
                "config": SEARCH_CONFIG,
            }
            cursor.execute(SUMMARY_SQL, params)


def claim_summaries_refresh_for_sources(*, source_ids: list[int], **_) -> None:
    """A source's title is part of the search text of every claim that cites it."""
    cited = Evidence.objects.filter(source_id__in=source_ids).values_list("claim_id", flat=True)
    first = Claim.objects.filter(first_appeared_in_id__in=source_ids).values_list("pk", flat=True)
    claim_summary_refresh(claim_ids=[*cited, *first])


def with_partners(claim: Claim) -> set[int]:
    """The claim and every claim related to it: whether those are contested depends on it."""
    related = ClaimRelation.objects.filter(Q(from_claim=claim) | Q(to_claim=claim))
    ids = {claim.pk}
    for pair in related.values_list("from_claim_id", "to_claim_id"):
        ids.update(pair)
    return ids
