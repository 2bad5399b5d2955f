from rest_framework import serializers

from workbench.site import absolute

from .models import Source


class SourceBriefSerializer(serializers.ModelSerializer):
    """A source as a claim cites it."""

    outlet = serializers.StringRelatedField()
    # Plain text in the schema: an empty address (offline documents) is not a URI, and a
    # "URI or empty" alternative is ambiguous to validators that do not check formats.
    url = serializers.CharField(help_text="The web address; empty for offline documents.")
    api_url = serializers.HyperlinkedIdentityField(
        view_name="api:source-detail", lookup_field="slug"
    )

    class Meta:
        model = Source
        fields = ["api_url", "slug", "title", "outlet", "url", "published_on", "reliability"]


class SourceSerializer(SourceBriefSerializer):
    page = serializers.SerializerMethodField()

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
        ]

    archive_url = serializers.CharField(help_text="An archived copy's address, or empty.")

    def get_page(self, source: Source) -> str:
        return absolute(source.get_absolute_url())
