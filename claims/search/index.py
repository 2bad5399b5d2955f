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


# SQLite's full-text index of the summaries' terms, kept in step by triggers. A migration that
# rebuilds claims_claimsummary (SQLite alters a table by copying it) drops the triggers:
# sqlite_index_ensure() runs after every migrate and puts back what is missing.
SQLITE_INDEX = "claims_summary_search"
SQLITE_TABLE = f"""CREATE VIRTUAL TABLE IF NOT EXISTS {SQLITE_INDEX} USING fts5(
    terms_statement, terms_names, terms_body,
    content='claims_claimsummary', content_rowid='claim_id',
    tokenize="unicode61 remove_diacritics 0")"""
_ADD = f"""INSERT INTO {SQLITE_INDEX}(rowid, terms_statement, terms_names, terms_body)
    VALUES (new.claim_id, new.terms_statement, new.terms_names, new.terms_body);"""
_REMOVE = f"""INSERT INTO {SQLITE_INDEX}({SQLITE_INDEX}, rowid, terms_statement, terms_names,
    terms_body) VALUES ('delete', old.claim_id, old.terms_statement, old.terms_names,
    old.terms_body);"""
SQLITE_TRIGGERS = {
    f"{SQLITE_INDEX}_insert": f"AFTER INSERT ON claims_claimsummary BEGIN {_ADD} END",
    f"{SQLITE_INDEX}_delete": f"AFTER DELETE ON claims_claimsummary BEGIN {_REMOVE} END",
    f"{SQLITE_INDEX}_update": f"AFTER UPDATE ON claims_claimsummary BEGIN {_REMOVE} {_ADD} END",
}


def sqlite_index_ensure(connection) -> bool:
    """SQLite: the full-text index and its triggers, made or put back, and the index rebuilt
    from the summaries when anything was missing. True when something was."""
    if connection.vendor != "sqlite":
        return False
    with connection.cursor() as cursor:
        cursor.execute("SELECT name FROM sqlite_master WHERE type IN ('table', 'trigger')")
        present = {name for (name,) in cursor.fetchall()}
        cursor.execute("SELECT name FROM pragma_table_info('claims_claimsummary')")
        if "terms_statement" not in {name for (name,) in cursor.fetchall()}:
            return False  # migrated back to before the summaries held search terms
        missing = [name for name in [SQLITE_INDEX, *SQLITE_TRIGGERS] if name not in present]
        if not missing:
            return False
        cursor.execute(SQLITE_TABLE)
        for name, body in SQLITE_TRIGGERS.items():
            cursor.execute(f"CREATE TRIGGER IF NOT EXISTS {name} {body}")
        cursor.execute(f"INSERT INTO {SQLITE_INDEX}({SQLITE_INDEX}) VALUES ('rebuild')")
    return True


def sqlite_index_drop(connection) -> None:
    if connection.vendor == "sqlite":
        with connection.cursor() as cursor:
            for name in SQLITE_TRIGGERS:
                cursor.execute(f"DROP TRIGGER IF EXISTS {name}")
            cursor.execute(f"DROP TABLE IF EXISTS {SQLITE_INDEX}")


def _lexeme(term: str) -> str:
    return "'" + term.replace("\\", "\\\\").replace("'", "''") + "'"


def vector_literal(*fields: str) -> str:
    """A tsvector, written out, of the stored terms of (statement, names, body): each term with
    its positions and their fields' weights. PostgreSQL keeps a term's first 256 positions."""
    places: dict[str, list[str]] = {}
    at = 0
    for weight, text in zip(FIELD_WEIGHTS, fields, strict=True):
        for term in text.split():
            at = min(at + 1, LAST_POSITION)
            found = places.get(term)
            if found is None:
                places[term] = [f"{at}{weight}"]
            elif len(found) < 256:
                found.append(f"{at}{weight}")
    return " ".join(f"{_lexeme(term)}:{','.join(found)}" for term, found in places.items())


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
        arguments = [query, *params, limit, query, limit]
    else:
        joiner = " AND " if every_group else " OR "
        query = joiner.join(
            "(" + " OR ".join(_fts_form(form) for form in group.forms) + ")" for group in groups
        )
        if names_only:
            query = "{terms_statement terms_names} : (" + query + ")"
        # The match first, once, then the claims it may show: with the restriction beside the
        # MATCH, SQLite runs the match once per claim the restriction allows (a second at 10k).
        sql = f"""
            WITH hits AS MATERIALIZED (
                SELECT rowid AS id, bm25({SQLITE_INDEX}, {SQLITE_WEIGHTS}) AS rank
                FROM {SQLITE_INDEX} WHERE {SQLITE_INDEX} MATCH %s
            )
            SELECT id FROM hits WHERE id IN ({restrict})
            ORDER BY rank, id DESC
            LIMIT %s"""
        arguments = [query, *params, limit]
    with connection.cursor() as cursor:
        cursor.execute(sql, arguments)
        return [pk for (pk,) in cursor.fetchall()]
