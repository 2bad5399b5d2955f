"""The read API's view of claims: the same fields a claim page shows, under the same rules."""

from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from sources.serializers import SourceBriefSerializer, SourceSerializer
from workbench.site import absolute

from .choices import VERDICT_SCALE, Confidence, RelationKind
from .models import Claim, ClaimRelation, Correction, Evidence, Figure, Review


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


class VerdictField(serializers.Serializer):
    """A verdict as readers see it: code, label and its place on the 1–5 scale."""

    code = serializers.CharField(source="verdict")
    label = serializers.CharField(source="get_verdict_display")
    rating = serializers.SerializerMethodField()

    def get_rating(self, obj) -> int:
        return VERDICT_SCALE[obj.verdict].rating


class EvidenceSerializer(serializers.ModelSerializer):
    source = SourceBriefSerializer()

    class Meta:
        model = Evidence
        fields = ["source", "stance", "excerpt", "locator", "note"]


class RelationSerializer(serializers.Serializer):
    """A relation read from the end of the claim being shown."""

    kind = serializers.ChoiceField(choices=RelationKind.choices)
    label = serializers.CharField()
    claim = serializers.SlugField()
    statement = serializers.CharField()
    note = serializers.CharField()


class ReviewSerializer(serializers.ModelSerializer):
    claim = serializers.SlugRelatedField(slug_field="slug", read_only=True)
    verdict = VerdictField(source="*")

    class Meta:
        model = Review
        fields = ["id", "claim", "verdict", "confidence", "rationale", "correction_note"]
        fields += ["published_at"]


class CorrectionSerializer(serializers.ModelSerializer):
    class Meta:
        model = Correction
        fields = ["note", "created_at"]


class GradeField(serializers.ChoiceField):
    """A choice a claim has only once graded (its confidence): null before, never ""."""

    def __init__(self, **kwargs):
        super().__init__(allow_null=True, read_only=True, **kwargs)

    def to_representation(self, value):
        return value or None


class ClaimSerializer(serializers.ModelSerializer):
    url = serializers.HyperlinkedIdentityField(view_name="api:claim-detail", lookup_field="slug")
    page = serializers.SerializerMethodField()
    verdict = serializers.SerializerMethodField()
    confidence = GradeField(choices=Confidence.choices)
    topics = serializers.SlugRelatedField(slug_field="slug", many=True, read_only=True)
    first_appeared_in = SourceBriefSerializer(allow_null=True)
    claimant = serializers.CharField(source="claimant.name", read_only=True)
    claimant_slug = serializers.SlugField(source="claimant.slug", read_only=True)
    is_contested = serializers.BooleanField(source="summary.is_contested", default=False)
    evidence = EvidenceSerializer(many=True)
    relations = serializers.SerializerMethodField()
    verdict_history = ReviewSerializer(many=True)
    corrections = CorrectionSerializer(many=True)
    figure = serializers.SerializerMethodField()

    class Meta:
        model = Claim
        fields = [
            "url",
            "page",
            "slug",
            "statement",
            "kind",
            "claimant",
            "claimant_slug",
            "state",
            "verdict",
            "confidence",
            "graded_at",
            "published_at",
            "first_appeared_in",
            "first_appeared_locator",
            "first_appeared_on",
            "topics",
            "context",
            "recheck_due",
            "withdrawn_at",
            "withdrawn_reason",
            "is_contested",
            "evidence",
            "relations",
            "verdict_history",
            "corrections",
            "figure",
        ]

    def get_page(self, claim: Claim) -> str | None:
        """The public page, for claims that have one."""
        if not claim.is_public:
            return None
        return absolute(claim.get_absolute_url())

    @extend_schema_field(FigureSerializer(allow_null=True))
    def get_figure(self, claim: Claim) -> dict | None:
        figure = getattr(claim, "figure", None)  # a missing one-to-one raises AttributeError
        return FigureSerializer(figure).data if figure else None

    @extend_schema_field(VerdictField(allow_null=True))
    def get_verdict(self, claim: Claim) -> dict | None:
        return VerdictField(claim).data if claim.verdict else None

    @extend_schema_field(RelationSerializer(many=True))
    def get_relations(self, claim: Claim) -> list[dict]:
        relations: list[ClaimRelation] = [*claim.relations_out.all(), *claim.relations_in.all()]
        return RelationSerializer(
            [
                {
                    "kind": relation.kind,
                    "label": relation.label_from(claim),
                    "claim": relation.other_end(claim).slug,
                    "statement": relation.other_end(claim).statement,
                    "note": relation.note,
                }
                for relation in relations
            ],
            many=True,
        ).data


class CitedSourceSerializer(SourceSerializer):
    """A source in the registry with the number of published claims citing it."""

    claim_count = serializers.IntegerField(
        help_text="Published claims that cite the source as evidence."
    )

    class Meta(SourceSerializer.Meta):
        fields = [*SourceSerializer.Meta.fields, "claim_count"]
