"""The site's public address. Every absolute link (ClaimReview, the feed, the sitemap, exports,
the API) is built on WORKBENCH_SITE_URL, never on the request's host or scheme: a cached page
or a file must read the same whoever asked for it and however."""

from urllib.parse import urlsplit

from django.conf import settings
from django.contrib.sitemaps import Sitemap


def absolute(path: str) -> str:
    return settings.WORKBENCH_SITE_URL.rstrip("/") + path


class SiteSitemap(Sitemap):
    """A sitemap whose addresses are on WORKBENCH_SITE_URL."""

    def get_protocol(self, protocol=None) -> str:
        return urlsplit(settings.WORKBENCH_SITE_URL).scheme

    def get_domain(self, site=None) -> str:
        address = urlsplit(settings.WORKBENCH_SITE_URL)
        return address.netloc + address.path.rstrip("/")
