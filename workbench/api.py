"""The read API: one router for every app's viewsets, paginated by cursor and throttled."""

from django.urls import include, path
from drf_spectacular.views import SpectacularAPIView
from rest_framework.routers import DefaultRouter

from claims.api import CitedSourceViewSet, ClaimViewSet, ReviewViewSet
from documents.api import QuoteViewSet, SnapshotViewSet

router = DefaultRouter()
router.register("claims", ClaimViewSet, basename="claim")
router.register("sources", CitedSourceViewSet, basename="source")
router.register("reviews", ReviewViewSet, basename="review")
router.register("quotes", QuoteViewSet, basename="quote")
router.register("snapshots", SnapshotViewSet, basename="snapshot")

urlpatterns = [
    path("schema/", SpectacularAPIView.as_view(), name="schema"),
    path("", include(router.urls)),
]
