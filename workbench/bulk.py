"""Writing many rows fast, with their history: COPY on PostgreSQL, executemany on SQLite.

For the few jobs that write tens of thousands of rows at once (imports, benchmark data), where
saving model instances one by one, or even bulk_create(), costs minutes. Rows are dicts keyed
by field attname; a field left out takes its default, so timestamps must be given. Nothing here
sends signals: callers refresh what depends on the rows (summaries, the page cache version).
"""

from collections.abc import Iterable, Iterator

from django.db import connection, models
from django.utils import timezone

SQLITE_BATCH = 5000


def allocate_ids(model: type[models.Model], n: int) -> list[int]:
    """n primary keys for new rows, so that rows written in bulk can refer to each other. On
    PostgreSQL they come from the table's sequence, so concurrent writers never collide; on
    SQLite the caller's write transaction holds the database lock."""
    if n == 0:
        return []
    table, pk = model._meta.db_table, model._meta.pk.column
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute(
                "SELECT nextval(pg_get_serial_sequence(%s, %s)) FROM generate_series(1, %s)",
                [table, pk, n],
            )
            return [row[0] for row in cursor.fetchall()]
        cursor.execute(f"SELECT COALESCE(MAX({pk}), 0) FROM {table}")  # noqa: S608
        start = cursor.fetchone()[0] + 1
    return list(range(start, start + n))


def insert_rows(model: type[models.Model], rows: Iterable[dict]) -> None:
    """Insert rows as they are: no validation, no signals, no history (see create_tracked)."""
    fields = model._meta.concrete_fields
    columns = ", ".join(connection.ops.quote_name(f.column) for f in fields)
    table = connection.ops.quote_name(model._meta.db_table)
    defaults = {f.attname: f.get_default() for f in fields}
    values = (tuple(row.get(name, default) for name, default in defaults.items()) for row in rows)
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            # No other query may run on the connection while the COPY is open.
            with cursor.cursor.copy(f"COPY {table} ({columns}) FROM STDIN") as copy:
                for value in values:
                    copy.write_row(value)
            return
        sql = f"INSERT INTO {table} ({columns}) VALUES ({', '.join(['%s'] * len(fields))})"
        # SQLite keeps dates and times as text in Django's own format.
        prepared = (
            tuple(f.get_db_prep_save(v, connection) for f, v in zip(fields, value, strict=True))
            for value in values
        )
        for batch in batches(prepared, SQLITE_BATCH):
            cursor.executemany(sql, batch)


def sync_sequence(model: type[models.Model]) -> None:
    """After rows were written with ids not taken from the sequence (PostgreSQL only)."""
    if connection.vendor != "postgresql":
        return
    table, pk = model._meta.db_table, model._meta.pk.column
    with connection.cursor() as cursor:
        cursor.execute(
            f"SELECT setval(pg_get_serial_sequence(%s, %s), (SELECT max({pk}) FROM {table}))",  # noqa: S608
            [table, pk],
        )


def sizes_recount(*models: type[models.Model]) -> None:
    """Tell PostgreSQL how large these tables are now, after rows written in bulk (PostgreSQL
    only; ANALYZE counts the rows of its own transaction). The planner goes by the sizes it
    last counted: after a large load that was rolled back (a worker killed halfway) and the
    autovacuum that follows, it takes the tables for empty, and the same load run again reads
    them in nested loops that take hours instead of minutes."""
    if connection.vendor != "postgresql":
        return
    tables = ", ".join(connection.ops.quote_name(model._meta.db_table) for model in models)
    with connection.cursor() as cursor:
        cursor.execute(f"ANALYZE {tables}")


def create_tracked(
    model: type[models.Model], rows: list[dict], *, user_id: int | None, reason: str
) -> list[dict]:
    """Create rows of a model tracked by django-simple-history, each with its "created"
    history record, as a save would leave. Returns the rows with their ids and, under
    "history_id", the id of their history record."""
    ids = allocate_ids(model, len(rows))
    history_ids = allocate_ids(model.history.model, len(rows))
    rows = [
        {**row, "id": pk, "history_id": hid}
        for row, pk, hid in zip(rows, ids, history_ids, strict=True)
    ]
    insert_rows(model, rows)
    now = timezone.now()
    insert_rows(
        model.history.model,
        (
            {
                **row,
                "history_date": now,
                "history_change_reason": reason,
                "history_type": "+",
                "history_user_id": user_id,
            }
            for row in rows
        ),
    )
    return rows


def batches(items: Iterable, size: int) -> Iterator[list]:
    """Lists of up to `size` items from any iterable, a stream included."""
    batch = []
    for item in items:
        batch.append(item)
        if len(batch) == size:
            yield batch
            batch = []
    if batch:
        yield batch
