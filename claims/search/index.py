"""The full-text indexes of the claims' summaries and the look-ups in them: PostgreSQL's
GIN-indexed tsvector and SQLite's FTS5 table (migration 0019). Both hold the terms made by
analysis.py; neither database analyses text itself, so both match the same words."""

from django.db import connection
from django.db.models import QuerySet

from .query import Group

# Field weights: a claim whose statement matches ranks above one whose names or evidence do.
SQLITE_WEIGHTS = "10.0, 4.0, 1.0"
FIELD_WEIGHTS = ("A", "B", "C")
# tsvector positions stop at 16,383; later words are still indexed, at the last position.
LAST_POSITION = 16_383


def _lexeme(term: str) -> str:
    return "'" + term.replace("\\", "\\\\").replace("'", "''") + "'"


def vector_literal(*fields: str) -> str:
    """A tsvector, written out, of the stored terms of (statement, names, body): each term with
    its positions and its field's weight."""
    positions: dict[tuple[str, str], list[int]] = {}
    at = 0
    for weight, text in zip(FIELD_WEIGHTS, fields, strict=True):
        for term in text.split():
            at = min(at + 1, LAST_POSITION)
            positions.setdefault((term, weight), []).append(at)
    return " ".join(
        f"{_lexeme(term)}:{','.join(f'{p}{weight}' for p in places[:256])}"
        for (term, weight), places in positions.items()
    )


def _fts_form(form: tuple[str, ...]) -> str:
    return "(" + " AND ".join('"' + term.replace('"', '""') + '"' for term in form) + ")"


def _ts_form(form: tuple[str, ...], weights: str) -> str:
    return "(" + " & ".join(f"{_lexeme(term)}{weights}" for term in form) + ")"


def matching(
    groups: list[Group], within: QuerySet, *, names_only: bool, every_group: bool, limit: int
) -> list[int]:
    """The ids of up to `limit` claims of `within` holding every group (or, with every_group
    False, any of them) in their statement and names (names_only) or anywhere, best first."""
    if not groups:
        return []
    restrict, params = within.order_by().values("pk").query.sql_with_params()
    if connection.vendor == "postgresql":
        weights = ":AB" if names_only else ""
        joiner = " & " if every_group else " | "
        query = joiner.join(
            "(" + " | ".join(_ts_form(form, weights) for form in group.forms) + ")"
            for group in groups
        )
        # Ranking every match of a common word in a million claims costs more than a reader
        # gains from it: a bounded set of matches is ranked.
        sql = f"""
            SELECT claim_id FROM (
                SELECT claim_id, search_vector FROM claims_claimsummary
                WHERE search_vector @@ %s::tsquery AND claim_id IN ({restrict})
                LIMIT %s
            ) AS found
            ORDER BY ts_rank(search_vector, %s::tsquery) DESC, claim_id DESC
            LIMIT %s"""
        arguments = [query, *params, limit * 4, query, limit]
    else:
        joiner = " AND " if every_group else " OR "
        query = joiner.join(
            "(" + " OR ".join(_fts_form(form) for form in group.forms) + ")" for group in groups
        )
        if names_only:
            query = "{terms_statement terms_names} : (" + query + ")"
        sql = f"""
            SELECT rowid FROM claims_summary_search
            WHERE claims_summary_search MATCH %s AND rowid IN ({restrict})
            ORDER BY bm25(claims_summary_search, {SQLITE_WEIGHTS}), rowid DESC
            LIMIT %s"""
        arguments = [query, *params, limit]
    with connection.cursor() as cursor:
        cursor.execute(sql, arguments)
        return [pk for (pk,) in cursor.fetchall()]
