"""A claim's summary: the contested flag, evidence counts and search text readers' lists use,
kept current by every write that could change them."""

from collections import defaultdict
from collections.abc import Iterable

from django.db import connection
from django.db.models import Count, Q

from workbench.bulk import insert_rows

from ..choices import STANCES_AGAINST, STANCES_FOR
from ..models import (
    Claim,
    Claimant,
    ClaimantAlias,
    ClaimRelation,
    ClaimSummary,
    Evidence,
    Figure,
    FigureConflict,
    Review,
    SearchWord,
)
from ..models.claim import names_in
from ..search.analysis import chunks, terms_of, words_of
from ..search.index import vector_literal

# Claims whose summaries are read and written at a time.
SUMMARY_BATCH_SIZE = 2000
SUMMARY_FIELDS = [
    "is_contested",
    "has_counter_claim",
    "figure_disagrees",
    "evidence_for",
    "evidence_against",
    "statement",
    "claimant",
    "body",
    "terms_statement",
    "terms_names",
    "terms_body",
]


def claimant_names(claimant_ids: Iterable[int]) -> dict[int, list[str]]:
    """What search knows of each claimant: its name, then its aliases (other spellings,
    translations, names in other scripts)."""
    names = defaultdict(list)
    for pk, name in Claimant.objects.filter(pk__in=claimant_ids).values_list("pk", "name"):
        names[pk].append(name)
    aliases = ClaimantAlias.objects.filter(claimant_id__in=names).order_by("claimant_id", "id")
    for pk, name in aliases.values_list("claimant_id", "name"):
        names[pk].append(name)
    return names


def _other_names(batch: list[int]) -> dict[int, list[str]]:
    """The names, with their aliases, of each claim's figure subject (and its developers) and
    topics."""
    names = defaultdict(list)
    subjects = Figure.objects.filter(claim_id__in=batch).order_by("claim_id")
    for claim_id, name, aliases, developers in subjects.values_list(
        "claim_id", "subject__name", "subject__aliases", "subject__developers"
    ):
        names[claim_id] += [name, *names_in(aliases), *filter(None, [developers])]
    topics = Claim.topics.through.objects.filter(claim_id__in=batch).order_by("claim_id", "id")
    for claim_id, name, aliases in topics.values_list("claim_id", "topic__name", "topic__aliases"):
        names[claim_id] += [name, *names_in(aliases)]
    return names


def claim_summary_refresh(
    *, claim_ids: Iterable[int], batch_size: int = SUMMARY_BATCH_SIZE, new: bool = False
) -> None:
    """Rebuild the summaries (contested flag, evidence counts, search text and terms) of these
    claims from their current rows. Runs after every write that could change them. `new`: none
    of these claims has a summary yet (a bulk load), so they are written in bulk (COPY on
    PostgreSQL) rather than one upsert each."""
    ids = sorted(set(claim_ids))
    postgresql = connection.vendor == "postgresql"
    for start in range(0, len(ids), batch_size):
        summaries, words = _summaries(ids[start : start + batch_size], postgresql)
        if new:
            insert_rows(ClaimSummary, summaries)
        else:
            ClaimSummary.objects.bulk_create(
                [ClaimSummary(**summary) for summary in summaries],
                update_conflicts=True,
                unique_fields=["claim"],
                update_fields=[*SUMMARY_FIELDS, *(["search_vector"] if postgresql else [])],
            )
        search_words_add(words)


def _summaries(batch: list[int], postgresql: bool) -> tuple[list[dict], dict[str, str]]:
    """The summaries of these claims, as rows, and the words their search text holds."""
    texts = defaultdict(list)
    evidence = Evidence.objects.filter(claim_id__in=batch).order_by("claim_id", "id")
    for claim_id, *parts in evidence.values_list(
        "claim_id", "excerpt", "quote", "note", "source__title", "source__outlet__name"
    ):
        texts[claim_id] += parts
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
            "pk",
            "is_contested",
            "has_counter_claim",
            "figure_disagrees",
            "n_for",
            "n_against",
            "statement",
            "claimant",
            "context",
        )
    )
    claimants = claimant_names({claimant_id for *_, claimant_id, _ in claims})
    others = _other_names(batch)
    summaries, words = [], {}
    for (
        pk,
        contested,
        countered,
        disagrees,
        n_for,
        n_against,
        statement,
        claimant,
        context,
    ) in claims:
        names = "\n".join(claimants[claimant] + others[pk])
        body = "\n".join(filter(None, [context, *texts[pk]]))
        fields = [chunks(statement), chunks(names), chunks(body)]
        for found in fields:
            words.update(words_of(found))
        terms = [terms_of(found) for found in fields]
        summaries.append(
            {
                "claim_id": pk,
                "is_contested": contested,
                "has_counter_claim": countered,
                "figure_disagrees": disagrees,
                "evidence_for": n_for,
                "evidence_against": n_against,
                "statement": statement,
                "claimant": names,
                "body": body,
                "terms_statement": terms[0],
                "terms_names": terms[1],
                "terms_body": terms[2],
                "search_vector": vector_literal(*terms) if postgresql else None,
            }
        )
    return summaries, words


def search_words_add(words: dict[str, str]) -> None:
    """Keep these words (with their terms) among those "Did you mean …" may offer."""
    SearchWord.objects.bulk_create(
        [SearchWord(word=w[:100], term=t[:100]) for w, t in words.items()],
        ignore_conflicts=True,
        batch_size=5000,
    )


def claim_summaries_build(*, low: int, high: int) -> None:
    """Summaries for the claims with ids from `low` to `high` that have none yet (bulk
    loads), by the same rules as every other write."""
    ids = Claim.objects.filter(pk__range=(low, high), summary__isnull=True).order_by("pk")
    claim_summary_refresh(claim_ids=ids.values_list("pk", flat=True).iterator(), new=True)


def claim_summaries_refresh_for_sources(*, source_ids: list[int], **_) -> None:
    """A source's title is part of the search text of every claim that cites it."""
    cited = Evidence.objects.filter(source_id__in=source_ids).values_list("claim_id", flat=True)
    first = Claim.objects.filter(first_appeared_in_id__in=source_ids).values_list("pk", flat=True)
    claim_summary_refresh(claim_ids=[*cited, *first])


def with_partners(claim: Claim) -> set[int]:
    """The claim and every claim related to it or whose figure disagrees with its figure:
    whether those are contested depends on its state."""
    related = ClaimRelation.objects.filter(Q(from_claim=claim) | Q(to_claim=claim))
    ids = {claim.pk}
    for pair in related.values_list("from_claim_id", "to_claim_id"):
        ids.update(pair)
    return ids | figure_partners([claim.pk])


def figure_partners(claim_ids: list[int]) -> set[int]:
    """The claims whose figures conflict with those of these claims, explained or not."""
    conflicts = FigureConflict.objects.filter(
        Q(figure__claim__in=claim_ids) | Q(other__claim__in=claim_ids)
    )
    ids = set()
    for pair in conflicts.values_list("figure__claim_id", "other__claim_id"):
        ids.update(pair)
    return ids
