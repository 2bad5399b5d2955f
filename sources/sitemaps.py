from workbench.site import SiteSitemap

from .models import Source


class SourceSitemap(SiteSitemap):
    changefreq = "monthly"

    def items(self):
        return Source.objects.only("slug", "updated_at").order_by("pk")

    def lastmod(self, source: Source):
        return source.updated_at
