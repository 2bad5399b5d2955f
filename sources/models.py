from functools import lru_cache
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

from django.core.exceptions import ValidationError
from django.db import models
from django.urls import reverse
from django.utils.html import format_html
from simple_history.models import HistoricalRecords

from workbench.fields import acting_user, language
from workbench.slugs import slug_url

from .choices import RELIABILITY_MARKERS, DatePrecision, Reliability, SourceKind
from .querysets import SourceQuerySet

TRACKING_PARAMETERS = ("utm_", "fbclid", "gclid", "mc_cid", "mc_eid")


@lru_cache(maxsize=16_384)  # imports ask for the same few addresses again and again
def normalize_url(url: str) -> str:
    """The form of a URL under which duplicates are recognised.

    Scheme and host are case-insensitive, "www." and default ports are noise, fragments and
    tracking parameters don't change the document, and a trailing slash is a matter of taste.
    """
    if not url:
        return ""
    parts = urlsplit(url.strip())
    host = (parts.hostname or "").lower().removeprefix("www.")
    if parts.port and parts.port not in (80, 443):
        host = f"{host}:{parts.port}"
    query = urlencode(
        sorted(
            (key, value)
            for key, value in parse_qsl(parts.query, keep_blank_values=True)
            if not key.lower().startswith(TRACKING_PARAMETERS)
        )
    )
    path = parts.path.rstrip("/")
    # http and https copies of a page are the same source.
    return urlunsplit(("https", host, path, query, ""))


class Outlet(models.Model):
    name = models.CharField(max_length=200, unique=True)
    slug = models.SlugField(max_length=100, unique=True)
    homepage = models.URLField(blank=True)
    aliases = models.TextField(
        blank=True,
        help_text="Other names, one a line: abbreviations, translations, the name in Chinese.",
    )

    history = HistoricalRecords()

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class Source(models.Model):
    title = models.CharField(max_length=300)
    slug = models.SlugField(max_length=100, unique=True)
    outlet = models.ForeignKey(
        Outlet, on_delete=models.PROTECT, null=True, blank=True, related_name="sources"
    )
    authors = models.CharField(max_length=300, blank=True)
    url = models.URLField(
        "URL", max_length=500, blank=True, help_text="Leave empty for offline documents."
    )
    url_normalized = models.CharField(max_length=500, blank=True, editable=False)
    published_on = models.DateField("publication date", null=True, blank=True)
    date_precision = models.CharField(
        max_length=5,
        choices=DatePrecision.choices,
        default=DatePrecision.DAY,
        help_text="How much of the publication date is known.",
    )
    kind = models.CharField(max_length=20, choices=SourceKind.choices, default=SourceKind.OTHER)
    language = language()
    reliability = models.CharField(
        max_length=20, choices=Reliability.choices, default=Reliability.UNRATED
    )
    reliability_note = models.TextField(blank=True, help_text="Why the source has this rating.")
    reliability_rated_by = acting_user()
    reliability_rated_at = models.DateTimeField(null=True, blank=True, editable=False)
    archive_url = models.URLField("archive URL", max_length=500, blank=True)
    notes = models.TextField(blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    version = models.PositiveIntegerField(default=1, editable=False)
    created_by = acting_user()

    objects = SourceQuerySet.as_manager()
    history = HistoricalRecords()

    class Meta:
        ordering = ["title"]
        permissions = [
            ("rate_source", "Can rate a source's reliability"),
            ("merge_source", "Can merge duplicate sources"),
        ]
        constraints = [
            models.UniqueConstraint(
                fields=["url_normalized"],
                condition=~models.Q(url_normalized=""),
                name="source_url_unique_after_normalisation",
            )
        ]
        indexes = [
            models.Index(fields=["kind"]),
            models.Index(fields=["reliability"]),
            # The registry in its order, and its language filter's list of languages.
            models.Index(fields=["title", "-id"], name="source_title"),
            models.Index(fields=["language"], name="source_language"),
        ]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return slug_url("sources:detail", self.slug)

    @property
    def reliability_marker(self) -> str:
        return RELIABILITY_MARKERS[Reliability(self.reliability)]

    @property
    def published_display(self) -> str:
        if not self.published_on:
            return "date not given"
        formats = {DatePrecision.YEAR: "%Y", DatePrecision.MONTH: "%B %Y"}
        return self.published_on.strftime(formats.get(self.date_precision, "%-d %B %Y"))

    def clean(self) -> None:
        self.url_normalized = normalize_url(self.url)
        if not self.url_normalized:
            return
        existing = (
            Source.objects.filter(url_normalized=self.url_normalized).exclude(pk=self.pk).first()
        )
        if existing:
            raise ValidationError(
                {
                    "url": format_html(
                        'This URL is already in the registry as <a href="{}">{}</a>.',
                        reverse("admin:sources_source_change", args=[existing.pk]),
                        existing.title,
                    )
                }
            )
