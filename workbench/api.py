"""The read API: one router for every app's viewsets, paginated by cursor and throttled."""

from django.urls import include, path
from drf_spectacular.views import SpectacularAPIView
from rest_framework.routers import DefaultRouter

from claims.api import CitedSourceViewSet, ClaimViewSet, ReviewViewSet

router = DefaultRouter()
router.register("claims", ClaimViewSet, basename="claim")
router.register("sources", CitedSourceViewSet, basename="source")
router.register("reviews", ReviewViewSet, basename="review")

urlpatterns = [
    path("schema/", SpectacularAPIView.as_view(), name="schema"),
    path("", include(router.urls)),
]
