"""Which claims a search finds, best first.

The index finds candidates: claims holding every word in their statement and names, then
anywhere, then (when that finds little) any of the words; and the claims whose figure is a
figure the search gives. The candidates are then ordered here, the same on both databases:
all the words before some, a figure asked for, the words as a phrase in the statement, the
words in the statement before words only in names or evidence, then contested before not and
recent before old."""

import math
from dataclasses import dataclass

from django.db import connection
from django.db.models import Case, F, Q, QuerySet, TextField, Value, When

from ..models import ClaimSummary, Figure
from .index import matching
from .query import Group, Search

CANDIDATES = 200
# Fewer results than this and the search widens to claims holding some of the words.
FEW = 5
FIGURE_TOLERANCE = 0.01


@dataclass
class Found:
    claim_id: int
    score: float
    where: str  # "statement", "names" or "evidence": where the words mostly matched


def _has(group: Group, terms: set[str]) -> bool:
    return any(all(term in terms for term in form) for form in group.forms)


def _phrase(groups: list[Group], statement: list[str]) -> bool:
    """The groups, in the order typed, one after another in the statement (in any of their
    forms)."""
    if sum(len(group.forms[0]) for group in groups) < 2:
        return False  # one word is no phrase
    for start in range(len(statement)):
        at = start
        for group in groups:
            form = next((f for f in group.forms if statement[at : at + len(f)] == list(f)), None)
            if form is None:
                break
            at += len(form)
        else:
            return True
    return False


def figure_matches(search: Search, within: QuerySet) -> set[int]:
    """Claims of `within` whose figure is one the search gives, within the tolerance."""
    wanted = Q()
    for sought in search.figures:
        wanted |= Q(
            quantity__in=sought.quantities,
            normalised__gte=sought.value * (1 - FIGURE_TOLERANCE),
            normalised__lte=sought.value * (1 + FIGURE_TOLERANCE),
        )
    if not search.figures:
        return set()
    figures = Figure.objects.filter(wanted, claim__in=within.order_by().values("pk"))
    return set(figures.values_list("claim_id", flat=True)[:CANDIDATES])


def ranked(search: Search, within: QuerySet) -> tuple[list[Found], bool]:
    """The claims found, best first, and whether there may be more matches than are ranked
    (the index gave as many candidates as are ranked)."""
    groups = search.groups
    figured = figure_matches(search, within)
    candidates: dict[int, None] = {}
    # First the claims holding the words in their statement and names, then anywhere. Not on
    # PostgreSQL: a query restricted to weights cannot use the index's estimates and reads
    # row after row (110 ms for a common word at a million claims); ts_rank's weights put the
    # statement first among the matches instead.
    # Both, whatever the first finds, so that a page runs the same queries at any size.
    for names_only in (False,) if connection.vendor == "postgresql" else (True, False):
        found = matching(groups, within, names_only=names_only, every_group=True, limit=CANDIDATES)
        for pk in found:
            if len(candidates) >= CANDIDATES:
                break
            candidates.setdefault(pk)
    # Claims found holding every word: the rest of their text need not be read.
    whole = set(candidates)
    more = len(whole) >= CANDIDATES or len(figured) >= CANDIDATES
    candidates.update(dict.fromkeys(sorted(figured)))
    if len(candidates) < FEW and len(groups) > 1:
        found = matching(groups, within, names_only=False, every_group=False, limit=CANDIDATES)
        candidates.update(dict.fromkeys(found))
    if not candidates:
        return [], False
    rows = list(
        ClaimSummary.objects.filter(claim_id__in=list(candidates))
        .annotate(
            body_terms=Case(
                When(claim_id__in=whole, then=Value("")),
                default=F("terms_body"),
                output_field=TextField(),
            )
        )
        .values_list(
            "claim_id",
            "terms_statement",
            "terms_names",
            "body_terms",
            "is_contested",
            "claim__language",
            "claim__graded_at",
            "claim__created_at",
        )
    )
    moments = [(graded or created).timestamp() for *_, graded, created in rows]
    oldest, newest = min(moments), max(moments)
    floor = math.ceil(len(groups) / 2)
    found = []
    chinese = search.in_chinese
    for (pk, statement, names, body, contested, language, *_), moment in zip(
        rows, moments, strict=True
    ):
        in_statement = statement.split()
        statement_terms, name_terms = set(in_statement), set(names.split())
        figure = pk in figured
        if pk in whole:
            anywhere = len(groups)
        else:
            everywhere = statement_terms | name_terms | set(body.split())
            anywhere = sum(_has(g, everywhere) or (figure and g.in_figure) for g in groups)
        said = sum(_has(g, statement_terms) for g in groups)
        named = sum(_has(g, name_terms) for g in groups)
        if anywhere < floor and not figure:
            continue  # a claim holding fewer than half the words is noise, not a result
        share = 1 / len(groups) if groups else 0
        score = (
            100 * anywhere * share
            + 60 * figure
            + 30 * _phrase(groups, in_statement)
            + 40 * said * share
            + 10 * named * share
            + 3 * contested
            # Between equals, a claim written in the reader's script first.
            + 2 * (language.startswith("zh") == chinese)
            + (moment - oldest) / (newest - oldest or 1)
        )
        where = "statement" if said == len(groups) else "names" if named else "evidence"
        found.append(Found(pk, score, where))
    found.sort(key=lambda item: (-item.score, -item.claim_id))
    return found, more
