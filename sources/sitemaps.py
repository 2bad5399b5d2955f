from django.contrib.sitemaps import Sitemap

from .models import Source


class SourceSitemap(Sitemap):
    changefreq = "monthly"

    def items(self):
        return Source.objects.only("slug", "updated_at").order_by("pk")

    def lastmod(self, source: Source):
        return source.updated_at
