"""The reader pages' addresses. Claims, sources, claimants and figures keep their own
URL namespaces ("claims:detail", "sources:list", "claimants:detail", "figures:chart"), which
models and templates name."""

from django.contrib.sitemaps.views import sitemap
from django.urls import include, path

from workbench.cache import page_cache_reads

from . import views
from .feeds import VerdictFeed
from .sitemaps import ClaimantSitemap, ClaimSitemap, PublicPageSitemap, SourceSitemap

SITEMAPS = {
    "pages": PublicPageSitemap,
    "claims": ClaimSitemap,
    "sources": SourceSitemap,
    "claimants": ClaimantSitemap,
}

claim_pages = [
    path("", views.ClaimListView.as_view(), name="list"),
    path("<slug:slug>/", views.ClaimDetailView.as_view(), name="detail"),
]
source_pages = [
    path("", views.SourceListView.as_view(), name="list"),
    path("<slug:slug>/", views.SourceDetailView.as_view(), name="detail"),
]
claimant_pages = [
    path("", views.ClaimantListView.as_view(), name="list"),
    path("<slug:slug>/", views.ClaimantDetailView.as_view(), name="detail"),
]
figure_pages = [
    path("figures/", views.FigureChartView.as_view(), name="chart"),
    path("contested/", views.ContestedView.as_view(), name="contested"),
]

urlpatterns = [
    path("", views.HomeView.as_view(), name="home"),
    path("claims/", include((claim_pages, "claims"))),
    path("sources/", include((source_pages, "sources"))),
    path("claimants/", include((claimant_pages, "claimants"))),
    path("", include((figure_pages, "figures"))),
    path("methodology/", views.MethodologyView.as_view(), name="methodology"),
    path("corrections/", views.CorrectionListView.as_view(), name="corrections"),
    path("feeds/verdicts/", VerdictFeed(), name="verdict-feed"),
    path(
        "sitemap.xml",
        page_cache_reads(sitemap, "p"),
        {"sitemaps": SITEMAPS},
        name="sitemap",
    ),
]
