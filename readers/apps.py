from django.apps import AppConfig


class ReadersConfig(AppConfig):
    """The public pages: what readers browse, built on the claims and the registry."""

    name = "readers"
    verbose_name = "Reader pages"
