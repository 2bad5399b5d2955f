from rest_framework import serializers

from .models import Figure


class FigureSerializer(serializers.ModelSerializer):
    """A claim's figure: as stated, normalised, qualified and ranked."""

    subject = serializers.CharField(source="subject.name")
    normalised_upper = serializers.FloatField(
        allow_null=True, help_text="None when the figure has no upper limit (“at least”)."
    )

    class Meta:
        model = Figure
        fields = [
            "subject",
            "quantity",
            "value",
            "lower",
            "upper",
            "unit",
            "bound",
            "scope",
            "method",
            "refers_to",
            "rank",
            "rank_reason",
            "usd_rate",
            "usd_rate_on",
            "normalised",
            "normalised_lower",
            "normalised_upper",
            "normalised_unit",
        ]
