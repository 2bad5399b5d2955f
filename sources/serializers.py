from rest_framework import serializers

from .models import Source


class SourceBriefSerializer(serializers.ModelSerializer):
    """A source as a claim cites it."""

    outlet = serializers.StringRelatedField()
    api_url = serializers.HyperlinkedIdentityField(
        view_name="api:source-detail", lookup_field="slug"
    )

    class Meta:
        model = Source
        fields = ["api_url", "slug", "title", "outlet", "url", "published_on", "reliability"]


class SourceSerializer(SourceBriefSerializer):
    page = serializers.SerializerMethodField()
    claim_count = serializers.IntegerField(
        help_text="Published claims that cite the source as evidence."
    )

    class Meta(SourceBriefSerializer.Meta):
        fields = [
            *SourceBriefSerializer.Meta.fields,
            "page",
            "authors",
            "date_precision",
            "kind",
            "language",
            "reliability_note",
            "archive_url",
            "claim_count",
        ]

    def get_page(self, source: Source) -> str:
        return self.context["request"].build_absolute_uri(source.get_absolute_url())
