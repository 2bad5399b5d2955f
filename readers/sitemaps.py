from django.urls import reverse

from claims.models import Claim, Claimant
from sources.models import Source
from workbench.site import SiteSitemap


class ClaimSitemap(SiteSitemap):
    changefreq = "weekly"

    def items(self):
        # Withdrawn claims keep their page (with the notice), so search engines keep it too.
        return Claim.objects.public().only("slug", "updated_at").order_by("pk")

    def lastmod(self, claim: Claim):
        return claim.updated_at


class PublicPageSitemap(SiteSitemap):
    changefreq = "daily"

    def items(self) -> list[str]:
        return [
            "home",
            "claims:list",
            "figures:contested",
            "figures:chart",
            "sources:list",
            "claimants:list",
            "corrections",
            "methodology",
        ]

    def location(self, name: str) -> str:
        return reverse(name)


class SourceSitemap(SiteSitemap):
    changefreq = "monthly"

    def items(self):
        return Source.objects.only("slug", "updated_at").order_by("pk")

    def lastmod(self, source: Source):
        return source.updated_at


class ClaimantSitemap(SiteSitemap):
    changefreq = "weekly"

    def items(self):
        return Claimant.objects.public().only("slug", "updated_at").order_by("pk")

    def lastmod(self, claimant: Claimant):
        return claimant.updated_at
