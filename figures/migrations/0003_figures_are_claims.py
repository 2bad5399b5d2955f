"""The figures' models now live in claims (claims/migrations/0006), on the same tables: this app
forgets them without touching the database."""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [
        ("figures", "0002_editor_permissions"),
        ("claims", "0006_figures_are_claims"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.DeleteModel("HistoricalFigureConflict"),
                migrations.DeleteModel("HistoricalFigure"),
                migrations.DeleteModel("HistoricalSubject"),
                migrations.DeleteModel("FigureConflict"),
                migrations.DeleteModel("Figure"),
                migrations.DeleteModel("Subject"),
            ],
        ),
    ]
