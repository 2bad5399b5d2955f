from django.apps import AppConfig
from django.db import connections
from django.db.models.signals import post_migrate


def search_index_ensure(using: str, **_) -> None:
    """After every migrate: SQLite's search index and its triggers are there (a migration that
    alters the summaries' table on SQLite copies it and drops them)."""
    from .search.index import sqlite_index_ensure

    sqlite_index_ensure(connections[using])


class ClaimsConfig(AppConfig):
    name = "claims"
    verbose_name = "Claims"

    def ready(self):
        from sources.signals import sources_changed
        from workbench.cache import invalidate_on_writes

        from .services import claim_summaries_refresh_for_sources

        sources_changed.connect(claim_summaries_refresh_for_sources, dispatch_uid="claims-search")
        post_migrate.connect(search_index_ensure, sender=self, dispatch_uid="claims-search-index")
        invalidate_on_writes(self)
