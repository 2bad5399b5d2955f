from rest_framework import serializers

from .models import QuoteCheck, Snapshot


class SnapshotSerializer(serializers.ModelSerializer):
    """A kept copy, by its date and SHA-256: never its text, which only editors read."""

    source = serializers.SlugRelatedField(slug_field="slug", read_only=True)

    class Meta:
        model = Snapshot
        fields = ["id", "source", "taken_at", "sha256", "kind", "pages"]


class QuoteSerializer(serializers.ModelSerializer):
    """A published evidence item's quote, with the copy it is from and what became of it."""

    evidence = serializers.IntegerField(source="evidence_id")
    claim = serializers.SlugRelatedField(source="evidence.claim", slug_field="slug", read_only=True)
    quote = serializers.CharField(source="evidence.quote")
    prefix = serializers.CharField(source="evidence.quote_prefix")
    suffix = serializers.CharField(source="evidence.quote_suffix")
    copy = SnapshotSerializer(source="quoted_copy")
    in_newest_copy = serializers.CharField(source="get_status_display")

    class Meta:
        model = QuoteCheck
        fields = [
            "evidence",
            "claim",
            "quote",
            "prefix",
            "suffix",
            "copy",
            "in_newest_copy",
            "checked_at",
        ]
