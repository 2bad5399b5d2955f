from django.apps import AppConfig


class FiguresConfig(AppConfig):
    """Only the migrations that first created the figures' tables. Figures are a claim's
    (claims/models/figure.py), with the same tables; claims/migrations/0006 took them over.
    Kept installed so that databases old and new migrate the same way."""

    name = "figures"
    verbose_name = "Figures (migrations only)"
