from django.apps import AppConfig


class ClaimsConfig(AppConfig):
    name = "claims"
    verbose_name = "Claims"

    def ready(self):
        from sources.signals import sources_changed
        from workbench.cache import invalidate_on_writes

        from .services import claim_summaries_refresh_for_sources

        sources_changed.connect(claim_summaries_refresh_for_sources, dispatch_uid="claims-search")
        invalidate_on_writes(self)
