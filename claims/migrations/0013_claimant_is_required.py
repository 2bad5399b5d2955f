"""Every claim now has its claimant (0012): the free text goes and the claimant is required."""

import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [("claims", "0012_claimants_from_text")]

    operations = [
        migrations.RemoveField(model_name="claim", name="claimant_name"),
        migrations.RemoveField(model_name="historicalclaim", name="claimant_name"),
        migrations.AlterField(
            model_name="claim",
            name="claimant",
            field=models.ForeignKey(
                help_text="Who asserts the claim.",
                on_delete=django.db.models.deletion.PROTECT,
                related_name="claims",
                to="claims.claimant",
            ),
        ),
    ]
