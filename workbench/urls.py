from django.conf import settings
from django.contrib import admin
from django.contrib.sitemaps.views import sitemap
from django.http import HttpResponse
from django.urls import include, path

from claims.feeds import VerdictFeed
from claims.sitemaps import ClaimSitemap, PublicPageSitemap
from claims.views import CorrectionListView, HomeView, MethodologyView
from sources.sitemaps import SourceSitemap
from workbench.cache import page_cache_reads

admin.site.site_header = "Claim workbench"
admin.site.site_title = "Claim workbench"
admin.site.index_title = "Editorial desk"

SITEMAPS = {"pages": PublicPageSitemap, "claims": ClaimSitemap, "sources": SourceSitemap}

urlpatterns = [
    path("", HomeView.as_view(), name="home"),
    path("claims/", include("claims.urls")),
    path("sources/", include("sources.urls")),
    path("", include("figures.urls")),
    path("methodology/", MethodologyView.as_view(), name="methodology"),
    path("corrections/", CorrectionListView.as_view(), name="corrections"),
    path("feeds/verdicts/", VerdictFeed(), name="verdict-feed"),
    path(
        "sitemap.xml",
        page_cache_reads(sitemap, "p"),
        {"sitemaps": SITEMAPS},
        name="sitemap",
    ),
    path("api/", include(("workbench.api", "api"))),
    path(settings.WORKBENCH_ADMIN_PATH, admin.site.urls),
]

if settings.WORKBENCH_BENCH_VIEWS:
    urlpatterns.append(path("bench/bare/", lambda request: HttpResponse("ok"), name="bench-bare"))
