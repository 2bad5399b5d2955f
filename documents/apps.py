from django.apps import AppConfig


class DocumentsConfig(AppConfig):
    name = "documents"
    verbose_name = "Documents"

    def ready(self):
        from workbench.cache import invalidate_on_writes

        from . import signals

        invalidate_on_writes(self)
        signals.connect()
