"""A cache of public pages for anonymous readers, invalidated exactly: any write to a claim or
source model bumps ContentVersion, and pages are cached under the version they show."""

import functools
import hashlib

from django.apps import AppConfig
from django.conf import settings
from django.core.cache import caches
from django.db.models import F
from django.db.models.signals import m2m_changed, post_delete, post_save
from django.http import QueryDict
from django.urls import Resolver404, resolve

from .models import ContentVersion

# A cache of its own, so that pages never push out the throttle's counters, and bounded.
PAGE_CACHE = "pages"


def current_version() -> int:
    return ContentVersion.objects.values_list("value", flat=True).filter(pk=1).first() or 0


def version_read_by(request) -> int:
    """The content version a request shows, read once per request (the page cache may have
    read it already): fragments of a page cached under it never outlive a write."""
    if not hasattr(request, "content_version"):
        request.content_version = current_version()
    return request.content_version


def bump_version(**_) -> None:
    if not ContentVersion.objects.filter(pk=1).update(value=F("value") + 1):
        ContentVersion.objects.get_or_create(pk=1, defaults={"value": 1})


def invalidate_on_writes(app_config: AppConfig) -> None:
    """Called by each app whose rows public pages show, from its AppConfig.ready(): any write
    to one of its models moves the content version on, so no cached page outlives it."""
    for model in app_config.get_models():
        if model._meta.model_name.startswith("historical"):
            continue  # written alongside the rows they record
        uid = f"content-version-{model._meta.label_lower}"
        post_save.connect(bump_version, sender=model, dispatch_uid=uid + "-save")
        post_delete.connect(bump_version, sender=model, dispatch_uid=uid + "-delete")
        for field in model._meta.local_many_to_many:
            m2m_changed.connect(
                bump_version, sender=field.remote_field.through, dispatch_uid=uid + field.name
            )


def filterset_params(filterset_class) -> tuple[str, ...]:
    """The query parameters a FilterSet's form reads, range filters' suffixed halves included."""
    names = []
    for name, field in filterset_class().form.fields.items():
        suffixes = getattr(field.widget, "suffixes", None)
        names += [f"{name}_{suffix}" if suffix else name for suffix in suffixes or [""]]
    return tuple(names)


def page_cache_reads(view, *params: str):
    """Declare that a function view's page may be cached and which query parameters it reads."""

    @functools.wraps(view)
    def wrapped(request, *args, **kwargs):
        return view(request, *args, **kwargs)

    wrapped.page_cache_params = params
    return wrapped


class PublicPageCacheMiddleware:
    """Serve anonymous GETs of public pages from the cache. Anyone with a session (editors)
    and the admin, static files and non-200 answers are never cached.

    Only views that declare `page_cache_params` (the query parameters their page reads) are
    cached. Before such a view runs, every other parameter is dropped from the request and the
    rest put in a fixed order; the key is built from that query alone. So a page depends on
    nothing it is not keyed by (tracking parameters make no new entries), and absolute links
    come from WORKBENCH_SITE_URL, never from the request's host or scheme."""

    def __init__(self, get_response):
        self.get_response = get_response
        self.skip_prefixes = (
            "/" + settings.WORKBENCH_ADMIN_PATH,
            "/" + settings.STATIC_URL.lstrip("/"),
            # The API answers by content negotiation and is throttled per client.
            "/api/",
        )

    def __call__(self, request):
        params = self.cached_params(request)
        if params is None:
            return self.get_response(request)
        request.get_host()  # a host not in ALLOWED_HOSTS gets its 400, cached page or not
        query = QueryDict(mutable=True)
        for name in sorted(params):
            if name in request.GET:
                query.setlist(name, request.GET.getlist(name))
        request.GET = query
        request.META["QUERY_STRING"] = query.urlencode()
        digest = hashlib.sha256(request.get_full_path().encode()).hexdigest()
        key = f"page:{version_read_by(request)}:{request.method}:{digest}"
        pages = caches[PAGE_CACHE]
        response = pages.get(key)
        if response is None:
            response = self.get_response(request)  # template responses arrive rendered
            if (
                response.status_code == 200
                and not response.streaming
                and len(response.content) <= settings.WORKBENCH_PAGE_CACHE_MAX_BYTES
            ):
                pages.set(key, response)
        return response

    def cached_params(self, request) -> tuple[str, ...] | None:
        """The parameters the requested page reads, or None when it is not to be cached."""
        if not (
            settings.WORKBENCH_PAGE_CACHE
            and request.method in ("GET", "HEAD")
            and settings.SESSION_COOKIE_NAME not in request.COOKIES
            and not request.path.startswith(self.skip_prefixes)
        ):
            return None
        try:
            match = resolve(request.path_info)
        except Resolver404:
            return None
        view = getattr(match.func, "view_class", match.func)
        return getattr(view, "page_cache_params", None)
