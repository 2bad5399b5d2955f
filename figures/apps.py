from django.apps import AppConfig


class FiguresConfig(AppConfig):
    name = "figures"
    verbose_name = "Figures"

    def ready(self):
        from workbench.cache import invalidate_on_writes

        invalidate_on_writes(self)
