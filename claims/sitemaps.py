from django.urls import reverse

from workbench.site import SiteSitemap

from .models import Claim


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
            "corrections",
            "methodology",
        ]

    def location(self, name: str) -> str:
        return reverse(name)
