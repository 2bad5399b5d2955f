from django.apps import AppConfig


class WorkbenchConfig(AppConfig):
    name = "workbench"
    verbose_name = "Workbench"

    def ready(self):
        from . import cache

        cache.connect_invalidation()
