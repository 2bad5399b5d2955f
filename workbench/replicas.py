"""Read replicas: with DATABASE_REPLICA_URL set, public reads go to a PostgreSQL replica and
everything else to the primary.

A request reads from the replica only when it is a public read: a safe method, outside the
admin, from a client that has not written in the last WORKBENCH_REPLICA_LAG seconds (a signed
cookie on the answer to every unsafe request says when it last did), so nobody misses their own
change while the replica catches up. The middleware decides for its request alone; outside a
request (the task worker, commands, the shell) every read goes to the primary.

The page cache (workbench/cache.py) reads its content version through the router too, so a
public page is cached under the version of the database it was read from: a lagging replica
means a page a moment old, never an old page kept under a new version."""

import contextvars

from django.conf import settings

PRIMARY = "default"
REPLICA = "replica"
SAFE_METHODS = ("GET", "HEAD", "OPTIONS", "TRACE")
# Its value is only the time it was signed at; its name is all a browser shows.
RECENT_WRITE_COOKIE = "wrote_recently"

_reads_from = contextvars.ContextVar("reads_from", default=PRIMARY)


class ReplicaRouter:
    """Reads where the current request's middleware said (the primary outside requests);
    writes and migrations on the primary."""

    def db_for_read(self, model, **hints) -> str:
        return _reads_from.get()

    def db_for_write(self, model, **hints) -> str:
        return PRIMARY

    def allow_relation(self, obj1, obj2, **hints) -> bool | None:
        # Both aliases are one database, a moment apart: a row read from one may point to a
        # row read from the other.
        return {obj1._state.db, obj2._state.db} <= {PRIMARY, REPLICA} or None

    def allow_migrate(self, db: str, app_label: str, model_name=None, **hints) -> bool:
        return db == PRIMARY


class PublicReadsMiddleware:
    """Sends a public read's queries to the replica and marks every client that writes, so that
    it reads from the primary until the replica has its change. Placed before the page cache."""

    def __init__(self, get_response):
        self.get_response = get_response
        self.admin_prefix = "/" + settings.WORKBENCH_ADMIN_PATH

    def __call__(self, request):
        token = _reads_from.set(REPLICA if self.is_public_read(request) else PRIMARY)
        try:
            response = self.get_response(request)
        finally:
            # A streamed answer (the downloads) reads as it is sent, after this: from the
            # primary, which is never wrong.
            _reads_from.reset(token)
        if request.method not in SAFE_METHODS:
            response.set_signed_cookie(
                RECENT_WRITE_COOKIE,
                "",
                salt=RECENT_WRITE_COOKIE,
                max_age=settings.WORKBENCH_REPLICA_LAG,
                secure=settings.SESSION_COOKIE_SECURE,
                httponly=True,
                samesite="Lax",
            )
        return response

    def is_public_read(self, request) -> bool:
        return (
            request.method in SAFE_METHODS
            and not request.path.startswith(self.admin_prefix)
            # The cookie's own signature dates it: one kept past its age counts for nothing.
            and request.get_signed_cookie(
                RECENT_WRITE_COOKIE,
                default=None,
                salt=RECENT_WRITE_COOKIE,
                max_age=settings.WORKBENCH_REPLICA_LAG,
            )
            is None
        )
