from rest_framework import viewsets

from . import selectors
from .serializers import QuoteSerializer, SnapshotSerializer


class QuoteViewSet(viewsets.ReadOnlyModelViewSet):
    """Quotes of published evidence found in the kept copy they name: the words, the copy's
    date and SHA-256, and whether the newest copy still has them."""

    serializer_class = QuoteSerializer

    def get_queryset(self):
        return selectors.quotes_public()


class SnapshotViewSet(viewsets.ReadOnlyModelViewSet):
    """Kept copies of sources' documents, by date and SHA-256: those that published quotes come
    from, or every copy for editors and curators. Their text is never served here."""

    serializer_class = SnapshotSerializer

    def get_queryset(self):
        return selectors.snapshots_for_reader(self.request.user)
