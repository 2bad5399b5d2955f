from django.apps import AppConfig


class SourcesConfig(AppConfig):
    name = "sources"
    verbose_name = "Source registry"

    def ready(self):
        from workbench.cache import invalidate_on_writes

        invalidate_on_writes(self)
