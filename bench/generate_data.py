"""Synthetic data at scale for benchmarks: N claims, about 3N evidence items, N/5 sources,
N/10 relations, a review for every graded claim, and a mix of verdicts and states.

Rows are written in bulk (COPY on PostgreSQL) and carry no history: they are load, not
editorial work. Summaries are built in SQL on PostgreSQL (a test checks they match what
claim_summary_refresh() computes) and by claim_summary_refresh() elsewhere.

    DATABASE_URL=… .venv/bin/python bench/generate_data.py --claims 1000000
"""

import argparse
import datetime
import os
import random
import sys
import time
from pathlib import Path

import django

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "workbench.settings")
os.environ.setdefault("DJANGO_DEBUG", "1")
django.setup()

from django.contrib.auth import get_user_model  # noqa: E402
from django.db import connection, models, transaction  # noqa: E402
from django.utils import timezone  # noqa: E402

from claims.choices import ClaimKind, ClaimState, Confidence, RelationKind, Stance, Verdict  # noqa: E402
from claims.models import (  # noqa: E402
    Claim,
    Claimant,
    ClaimantAlias,
    ClaimRelation,
    Evidence,
    Review,
    normalised_name,
)
from claims.services import claim_summaries_build, topic_get_or_create  # noqa: E402
from sources.choices import Reliability, SourceKind  # noqa: E402
from sources.models import Outlet, Source  # noqa: E402
from workbench.bulk import insert_rows, sync_sequence  # noqa: E402

MODELS = [
    "WuDao 2.0",
    "PanGu-α",
    "Yuan 1.0",
    "ERNIE 3.0",
    "ERNIE 3.0 Titan",
    "GLM-130B",
    "M6-10T",
    "BaGuaLu",
    "CogView",
    "CogVideo",
    "Qwen",
    "DeepSeek-R1",
    "Doubao",
    "Aquila",
    "PLUG",
    "NÜWA",
    "Taiyi",
    "AltDiffusion",
    "Zidong Taichu",
    "Step-1",
    "Kimi",
    "MiniMax",
    "Baichuan",
    "InternLM",
]
ORGS = [
    "BAAI",
    "Huawei",
    "Inspur",
    "Baidu",
    "Tsinghua University",
    "Alibaba",
    "Zhipu",
    "DeepSeek",
    "ByteDance",
    "Stepfun",
    "Peng Cheng Lab",
    "Zhejiang Lab",
    "Moonshot",
    "Tencent",
]
CHIPS = ["V100", "A100", "A800", "H800", "Ascend 910", "Sunway"]
BENCHMARKS = ["CLUE", "SuperGLUE", "CUGE", "MMLU", "C-Eval", "OpenCompass", "Chatbot Arena"]
TEMPLATES = [
    "{model} has {n} billion parameters.",
    "{model} was trained on {n} {chip} GPUs for {d} days.",
    "{org} trained {model} with {n} trillion tokens of text.",
    "{model} outperforms {model2} on {bench}.",
    "{org} will release a {n}-trillion-parameter model by {year}.",
    "{org} can no longer buy {chip} chips for {model}.",
    "{model} used more training compute than {model2}.",
    "{model} is open to the public through an API since {year}.",
    "{org} spent {n} million dollars training {model}.",
    "{model} is a family of {d} models rather than one model.",
]
STATE_WEIGHTS = {
    ClaimState.PUBLISHED: 70,
    ClaimState.IN_REVIEW: 10,
    ClaimState.DRAFT: 15,
    ClaimState.WITHDRAWN: 5,
}
STANCE_WEIGHTS = {Stance.ASSERTS: 30, Stance.SUPPORTS: 30, Stance.REFUTES: 25, Stance.CONTEXT: 15}


def weighted(rng: random.Random, weights: dict):
    return rng.choices(list(weights), weights=list(weights.values()))[0]


class BenchData:
    """Writes the synthetic data; `generate()` runs it."""

    def __init__(self, *, verbosity: int = 1, stdout=sys.stdout):
        self.verbosity, self.stdout = verbosity, stdout

    def write_all(self, *, claims: int, seed: int) -> None:
        started = time.monotonic()
        self.rng = random.Random(seed)
        self.now = timezone.now()
        self.postgres = connection.vendor == "postgresql"
        user, _ = get_user_model().objects.get_or_create(
            username="bench", defaults={"is_active": False}
        )
        self.user_id = user.pk
        with transaction.atomic():
            topics = [topic_get_or_create(name=f"Bench topic {i}").pk for i in range(20)]
            source_ids = self.write_sources(max(1, claims // 5))
            self.claimants = self.write_claimants()
            claim_ids = self.write_claims(claims, source_ids)
            self.write_topics(claim_ids, topics)
            self.write_evidence(claim_ids, source_ids)
            self.write_relations(claim_ids)
            self.write_reviews(claim_ids)
        self.log(started, f"rows written for {claims} claims")
        self.write_summaries(claim_ids)
        if self.postgres:
            with connection.cursor() as cursor:
                cursor.execute("ANALYZE")
        self.log(started, "done")

    def log(self, started: float, what: str) -> None:
        if self.verbosity:
            print(f"{time.monotonic() - started:7.1f}s  {what}", file=self.stdout)

    # --- writing ---------------------------------------------------------------------------

    def next_ids(self, model: type[models.Model], n: int) -> range:
        start = (model.objects.aggregate(m=models.Max("pk"))["m"] or 0) + 1
        return range(start, start + n)

    def write(self, model: type[models.Model], rows) -> None:
        """Insert rows (dicts keyed by attname; missing fields take their defaults) in bulk."""
        insert_rows(model, rows)
        sync_sequence(model)  # the ids were numbered here, not drawn from the sequence

    def write_sources(self, n: int) -> list[int]:
        outlets = [
            Outlet.objects.get_or_create(
                name=f"Bench outlet {i}", defaults={"slug": f"bench-outlet-{i}"}
            )[0].pk
            for i in range(200)
        ]
        ids = self.next_ids(Source, n)
        rng = self.rng
        kinds, ratings = list(SourceKind.values), list(Reliability.values)
        self.write(
            Source,
            (
                {
                    "id": pk,
                    "title": f"{rng.choice(ORGS)} on {rng.choice(MODELS)}: report {pk}",
                    "slug": f"bench-source-{pk}",
                    "outlet_id": rng.choice(outlets),
                    "url": f"https://bench.example.org/reports/{pk}",
                    "url_normalized": f"https://bench.example.org/reports/{pk}",
                    "published_on": datetime.date(2020, 1, 1)
                    + datetime.timedelta(days=rng.randrange(2000)),
                    "kind": rng.choice(kinds),
                    "reliability": rng.choice(ratings),
                    "created_at": self.now,
                    "updated_at": self.now,
                }
                for pk in ids
            ),
        )
        return list(ids)

    def write_claimants(self) -> dict[str, int]:
        """A spokesperson of each organisation, 300 each, every tenth with another name too;
        their ids by name."""
        names = [f"{org} spokesperson {i}" for org in ORGS for i in range(300)]
        known = set(Claimant.objects.filter(name__in=names).values_list("name", flat=True))
        missing = [name for name in names if name not in known]
        ids = self.next_ids(Claimant, len(missing))
        self.write(
            Claimant,
            (
                {
                    "id": pk,
                    "name": name,
                    "normalised": normalised_name(name),
                    "slug": f"bench-claimant-{pk}",
                    "created_at": self.now,
                    "updated_at": self.now,
                }
                for pk, name in zip(ids, missing, strict=True)
            ),
        )
        aliases = [
            (pk, name.replace("spokesperson", "press office"))
            for pk, name in zip(ids, missing, strict=True)
            if name.endswith("0")
        ]
        self.write(
            ClaimantAlias,
            (
                {
                    "id": alias_pk,
                    "claimant_id": pk,
                    "name": name,
                    "normalised": normalised_name(name),
                }
                for alias_pk, (pk, name) in zip(
                    self.next_ids(ClaimantAlias, len(aliases)), aliases, strict=True
                )
            ),
        )
        return dict(Claimant.objects.filter(name__in=names).values_list("name", "pk"))

    def statement(self) -> str:
        rng = self.rng
        model, model2 = rng.sample(MODELS, 2)
        return rng.choice(TEMPLATES).format(
            model=model,
            model2=model2,
            org=rng.choice(ORGS),
            chip=rng.choice(CHIPS),
            bench=rng.choice(BENCHMARKS),
            n=rng.randrange(1, 2000),
            d=rng.randrange(2, 120),
            year=rng.randrange(2021, 2031),
        )

    def write_claims(self, n: int, source_ids: list[int]) -> list[int]:
        rng, verdicts = self.rng, list(Verdict.values)
        ids = self.next_ids(Claim, n)
        self.graded = {}

        def row(pk):
            state = weighted(rng, STATE_WEIGHTS)
            graded = state in (ClaimState.PUBLISHED, ClaimState.WITHDRAWN)
            graded_at = self.now - datetime.timedelta(minutes=rng.randrange(5 * 365 * 24 * 60))
            if graded:
                self.graded[pk] = (rng.choice(verdicts), graded_at)
            return {
                "id": pk,
                "statement": self.statement(),
                "slug": f"bench-claim-{pk}",
                "kind": rng.choice(ClaimKind.values),
                "claimant_id": self.claimants[
                    f"{rng.choice(ORGS)} spokesperson {rng.randrange(300)}"
                ],
                "first_appeared_in_id": rng.choice(source_ids),
                "first_appeared_locator": f"p. {rng.randrange(1, 300)}",
                "context": "",
                "state": state,
                "verdict": self.graded[pk][0] if graded else "",
                "confidence": rng.choice(Confidence.values) if graded else "",
                "graded_at": graded_at if graded else None,
                "published_at": graded_at if graded else None,
                "withdrawn_at": self.now if state == ClaimState.WITHDRAWN else None,
                "withdrawn_reason": "Duplicate (synthetic)."
                if state == ClaimState.WITHDRAWN
                else "",
                "recheck_due": datetime.date(2025, 1, 1)
                + datetime.timedelta(days=rng.randrange(1500))
                if rng.random() < 0.2
                else None,
                "created_at": graded_at,
                "updated_at": graded_at,
                "created_by_id": self.user_id,
            }

        self.write(Claim, (row(pk) for pk in ids))
        return list(ids)

    def write_topics(self, claim_ids: list[int], topics: list[int]) -> None:
        through = Claim.topics.through
        rng = self.rng
        self.write(
            through,
            self.with_ids(
                through, ({"claim_id": pk, "topic_id": rng.choice(topics)} for pk in claim_ids)
            ),
        )

    def write_evidence(self, claim_ids: list[int], source_ids: list[int]) -> None:
        rng = self.rng

        def rows():
            for claim_id in claim_ids:
                for _ in range(rng.randrange(1, 6)):  # 3 on average
                    yield {
                        "claim_id": claim_id,
                        "source_id": rng.choice(source_ids),
                        "stance": weighted(rng, STANCE_WEIGHTS),
                        "excerpt": f"The source puts the figure at {rng.randrange(1, 2000)} and "
                        f"mentions {rng.choice(MODELS)}.",
                        "locator": f"section {rng.randrange(1, 12)}, p. {rng.randrange(1, 300)}",
                        "note": "",
                        "added_by_id": self.user_id,
                        "added_at": self.now,
                    }

        self.write(Evidence, self.with_ids(Evidence, rows()))

    def with_ids(self, model: type[models.Model], rows):
        """Rows numbered after the table's highest id, so COPY can give them explicitly. The
        start is read now: no query may run on the connection while a COPY is open."""
        start = self.next_ids(model, 0).start
        return ({"id": start + offset, **row} for offset, row in enumerate(rows))

    def write_relations(self, claim_ids: list[int]) -> None:
        rng, kinds = self.rng, list(RelationKind.values)
        pairs = set()
        while len(pairs) < len(claim_ids) // 10:
            a, b = rng.sample(claim_ids, 2) if len(claim_ids) > 1 else (None, None)
            if a is None:
                break
            pairs.add((a, b, rng.choice(kinds)))
        self.write(
            ClaimRelation,
            self.with_ids(
                ClaimRelation,
                (
                    {
                        "from_claim_id": a,
                        "to_claim_id": b,
                        "kind": k,
                        "note": "",
                        "created_at": self.now,
                        "created_by_id": self.user_id,
                    }
                    for a, b, k in pairs
                ),
            ),
        )

    def write_reviews(self, claim_ids: list[int]) -> None:
        rng = self.rng
        self.write(
            Review,
            self.with_ids(
                Review,
                (
                    {
                        "claim_id": pk,
                        "verdict": verdict,
                        "confidence": Confidence.MEDIUM,
                        "rationale": f"Checked against {rng.choice(MODELS)} papers and "
                        f"{rng.choice(ORGS)} statements.",
                        "reviewer_id": self.user_id,
                        "created_at": graded_at,
                        "published_at": graded_at,
                        "approved_by_id": self.user_id,
                        "correction_note": "",
                    }
                    for pk, (verdict, graded_at) in self.graded.items()
                ),
            ),
        )

    def write_summaries(self, claim_ids: list[int]) -> None:
        if claim_ids:
            claim_summaries_build(low=min(claim_ids), high=max(claim_ids))


def generate(*, claims: int, seed: int = 2026, verbosity: int = 1) -> None:
    BenchData(verbosity=verbosity).write_all(claims=claims, seed=seed)


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--claims", type=int, required=True)
    parser.add_argument("--seed", type=int, default=2026)
    arguments = parser.parse_args()
    generate(claims=arguments.claims, seed=arguments.seed)
