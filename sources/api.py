from django_filters.rest_framework import DjangoFilterBackend
from rest_framework import viewsets

from . import selectors
from .filtersets import SourceFilterSet
from .serializers import SourceSerializer


class SourceViewSet(viewsets.ReadOnlyModelViewSet):
    """The source registry with curators' reliability ratings, filtered as on /sources/."""

    serializer_class = SourceSerializer
    filter_backends = [DjangoFilterBackend]
    filterset_class = SourceFilterSet
    lookup_field = "slug"

    def get_queryset(self):
        return selectors.source_list_public()
