"""The relevance test set (relevance.py), run against the demo on SQLite and PostgreSQL: the
public search must put an expected claim in the top three for 95% of what readers type, with a
mean reciprocal rank of at least 0.9. BENCHMARKS.md reports the figures by kind."""

from collections import defaultdict
from dataclasses import dataclass

import pytest

from claims.models import Claim
from claims.search import find

from .relevance import QUERIES, Query

TOP = 3
LOOKED_AT = 10  # the reciprocal rank counts an expected claim down to here


@dataclass
class Outcome:
    query: Query
    shown: list[str]

    @property
    def rank(self) -> int | None:
        return next(
            (at for at, slug in enumerate(self.shown, 1) if slug in self.query.expected), None
        )

    @property
    def hit(self) -> bool:
        return self.rank is not None and self.rank <= TOP


def outcomes() -> list[Outcome]:
    published = Claim.objects.published()
    slugs = dict(Claim.objects.values_list("pk", "slug"))
    return [
        Outcome(query, [slugs[pk] for pk in find(query.text, published).ids[:LOOKED_AT]])
        for query in QUERIES
    ]


def summary(results: list[Outcome]) -> dict[str, tuple[int, int, float]]:
    """By kind, and "all": (hits, queries, mean reciprocal rank)."""
    kinds = defaultdict(list)
    for outcome in results:
        kinds[outcome.query.kind].append(outcome)
        kinds["all"].append(outcome)
    return {
        kind: (
            sum(o.hit for o in found),
            len(found),
            sum(1 / o.rank for o in found if o.rank) / len(found),
        )
        for kind, found in kinds.items()
    }


@pytest.mark.django_db
def test_readers_find_what_they_mean(demo):
    results = outcomes()
    hits, total, mrr = summary(results)["all"]
    misses = [f"{o.query.text!r} ({o.query.kind}): {o.shown[:TOP]}" for o in results if not o.hit]
    assert total >= 40
    assert hits / total >= 0.95 and mrr >= 0.9, "\n".join(
        [f"top {TOP}: {hits}/{total}, MRR {mrr:.3f}", *misses]
    )
