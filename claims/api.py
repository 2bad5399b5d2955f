from django_filters.rest_framework import DjangoFilterBackend
from rest_framework import viewsets

from sources.api import SourceViewSet

from . import selectors
from .filtersets import ClaimFilterSet, ReviewFilterSet
from .serializers import CitedSourceSerializer, ClaimSerializer, ReviewSerializer


class ClaimViewSet(viewsets.ReadOnlyModelViewSet):
    """Claims with their current verdict, evidence, relations, verdict history and corrections.
    Filters are the public claim list's; anonymous clients see published claims only."""

    serializer_class = ClaimSerializer
    filter_backends = [DjangoFilterBackend]
    filterset_class = ClaimFilterSet
    lookup_field = "slug"

    def get_queryset(self):
        return selectors.claim_for_reader(self.request.user, listed=self.action == "list")


class ReviewViewSet(viewsets.ReadOnlyModelViewSet):
    """Gradings: the published verdict history of every published claim."""

    serializer_class = ReviewSerializer
    filter_backends = [DjangoFilterBackend]
    filterset_class = ReviewFilterSet

    def get_queryset(self):
        return selectors.review_for_reader(self.request.user)


class CitedSourceViewSet(SourceViewSet):
    """The source registry, each source with the number of published claims citing it."""

    serializer_class = CitedSourceSerializer

    def get_queryset(self):
        return selectors.sources_with_claim_counts()
