from django.apps import AppConfig


class ExchangeConfig(AppConfig):
    """The exchange format: reading, checking and importing claim files, writing exports and
    ClaimReview markup, and the demo, which is kept as exchange files."""

    name = "exchange"
    verbose_name = "Import and export"
