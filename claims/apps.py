from django.apps import AppConfig
from django.db import connections
from django.db.models.signals import m2m_changed, post_delete, post_migrate, pre_delete


def topics_changed(instance, action: str, reverse: bool, pk_set, **_) -> None:
    """A claim's topics are part of its search text: however they are set (the admin's form,
    a restore from history, a topic's own page), its summary follows."""
    from .services import claim_summary_refresh

    if action in ("post_add", "post_remove", "post_clear"):
        # From the topic's side, the claims added or removed (a clear names none: all of its).
        ids = ([instance.pk] if not reverse else pk_set) or []
        claim_summary_refresh(claim_ids=ids)


def topic_deleting(instance, **_) -> None:
    instance.claims_before_deletion = list(instance.claims.values_list("pk", flat=True))


def topic_deleted(instance, **_) -> None:
    """A deleted topic's name leaves its claims' search text."""
    from .services import claim_summary_refresh

    claim_summary_refresh(claim_ids=getattr(instance, "claims_before_deletion", []))


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
        topic = self.get_model("Topic")
        pre_delete.connect(topic_deleting, sender=topic, dispatch_uid="claims-topic-deleting")
        post_delete.connect(topic_deleted, sender=topic, dispatch_uid="claims-topic-deleted")
        m2m_changed.connect(
            topics_changed,
            sender=self.get_model("Claim").topics.through,
            dispatch_uid="claims-topics-search",
        )
        invalidate_on_writes(self)
