"""Public pages for anonymous readers, cached here and by browsers and CDNs, invalidated
exactly: any write to a claim or source model bumps ContentVersion; pages are cached under the
version they show, and their ETag and Last-Modified name it, so a reader's conditional request
is answered 304 without rendering anything."""

import functools
import hashlib
import time
from datetime import UTC, datetime
from pathlib import Path
from typing import NamedTuple

from django.apps import AppConfig, apps
from django.conf import settings
from django.core.cache import caches
from django.db import connections, router
from django.db.models import F
from django.db.models.functions import Now
from django.db.models.signals import m2m_changed, post_delete, post_save
from django.http import HttpRequest, HttpResponse, QueryDict
from django.urls import Resolver404, resolve
from django.utils import timezone
from django.utils.cache import (
    add_never_cache_headers,
    get_conditional_response,
    patch_cache_control,
    patch_vary_headers,
)
from django.utils.http import http_date

from .models import ContentVersion

# A cache of its own, so that pages never push out the throttle's counters, and bounded.
PAGE_CACHE = "pages"


class Version(NamedTuple):
    number: int
    changed_at: datetime | None  # None until the first write


def current_version() -> Version:
    """Read with SQL of our own, from the database the ORM would read it from: building this
    query through the ORM takes about 0.2 ms, more than a whole 304 answer should."""
    connection = connections[router.db_for_read(ContentVersion)]
    quote = connection.ops.quote_name
    with connection.cursor() as cursor:
        cursor.execute(
            f"SELECT {quote('value')}, {quote('changed_at')} "
            f"FROM {quote(ContentVersion._meta.db_table)} WHERE {quote('id')} = 1"
        )
        row = cursor.fetchone()
    if row is None:
        return Version(0, None)
    number, changed_at = row
    if timezone.is_naive(changed_at):  # SQLite's, in UTC as Django stores it there
        changed_at = changed_at.replace(tzinfo=UTC)
    return Version(number, changed_at)


def version_read_by(request) -> Version:
    """The content version a request shows, read once per request (the middleware has read
    it already for a public page)."""
    if not hasattr(request, "content_version"):
        request.content_version = current_version()
    return request.content_version


def fragment_version(request) -> str:
    """What a fragment of a page ({% cache %}) is kept under, beside its own key: the content
    version and the release, so that it outlives neither a write nor a deploy."""
    version = version_read_by(request)
    return f"{version.number}:{version.changed_at}:{release().digest}"


def bump_version(**_) -> None:
    if not ContentVersion.objects.filter(pk=1).update(value=F("value") + 1, changed_at=Now()):
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


class Release(NamedTuple):
    digest: str
    written: int  # when its newest file was written, in seconds since the epoch


@functools.cache
def release() -> Release:
    """What pages are built from besides the data: the project's code and templates, its
    pinned dependencies and the static files' hashed names. A deploy that changes any of them
    gives every page a new ETag and cache key, so that no browser, CDN or shared cache goes on
    calling the old page current. Read once per process, from the files themselves, so every
    machine running the same release agrees."""
    base = Path(settings.BASE_DIR)
    files = [base / "pyproject.toml", Path(settings.STATIC_ROOT) / "staticfiles.json"]
    for app in apps.get_app_configs():
        if Path(app.path).parent == base:  # the project's own apps, not installed packages
            files += [*Path(app.path).rglob("*.py"), *Path(app.path).rglob("*.html")]
    for engine in settings.TEMPLATES:
        for folder in engine["DIRS"]:
            files += Path(folder).rglob("*")
    digest = hashlib.sha256()
    written = 0.0
    for file in sorted(file for file in files if file.is_file()):
        digest.update(f"{file.relative_to(base)}\0".encode() + file.read_bytes())
        written = max(written, file.stat().st_mtime)
    # A clock ahead on the machine that wrote them must not date pages in the future.
    return Release(digest.hexdigest(), int(min(written, time.time())))


def validators(version: Version, full_path: str) -> tuple[str, int]:
    """A public page's ETag and Last-Modified time (in seconds), from the content version, the
    release and the page's path and query. The version's time is in the ETag as well as its
    number, so a database restored afresh, counting from 1 again, repeats no earlier ETag; and
    the ETag is a digest, so readers do not learn how many writes (drafts included) there were.

    The ETag is weak: it promises the same content, not the same bytes, so it stays true when
    a proxy or CDN compresses the page (nginx and CDNs weaken or drop a strong one when they
    do). Last-Modified counts whole seconds: two changes within one second share it, so a
    client that sends the ETag back is answered by the ETag alone (RFC 9110, 13.2.2).

    The day is in both: a claim falls due for re-check at midnight with no write, and its page
    (and the lists that say so) changes then."""
    code = release()
    today = timezone.localdate()
    changed = version.changed_at.isoformat() if version.changed_at else ""
    what = f"{version.number}\0{changed}\0{code.digest}\0{today}\0{full_path}"
    last_modified = int(version.changed_at.timestamp()) if version.changed_at else 0
    midnight = datetime.combine(today, datetime.min.time(), timezone.get_current_timezone())
    etag = f'W/"{hashlib.sha256(what.encode()).hexdigest()[:32]}"'
    return etag, max(last_modified, code.written, int(midnight.timestamp()))


class PublicPageCacheMiddleware:
    """Anonymous GETs of public pages: answered 304 when the reader's copy is current, else
    from the cache, and marked for browsers and CDNs to keep (public, a short max-age, an ETag).
    Anyone with a session (editors) is answered `private, no-cache`, whatever the page; an
    answer other than 200 is never kept; anonymous requests for anything else (the admin,
    static files, the API, downloads) are left as their views answer them.

    Only views that declare `page_cache_params` (the query parameters their page reads) are
    public. Before such a view runs, every other parameter is dropped from the request and the
    rest put in a fixed order; the key and the ETag are built from that query alone. So a page
    depends on nothing it is not keyed by (tracking parameters make no new entries), and
    absolute links come from WORKBENCH_SITE_URL, never from the request's host or scheme."""

    def __init__(self, get_response):
        self.get_response = get_response
        self.skip_prefixes = (
            "/" + settings.WORKBENCH_ADMIN_PATH,
            "/" + settings.STATIC_URL.lstrip("/"),
            # The API answers by content negotiation and is throttled per client.
            "/api/",
        )

    def __call__(self, request):
        params = self.public_params(request)
        if params is None:
            response = self.get_response(request)
            if settings.SESSION_COOKIE_NAME in request.COOKIES:
                # Someone's own view of the site: no shared cache keeps it, and their browser
                # asks again each time, since their next write changes it.
                patch_cache_control(response, private=True, no_cache=True)
            return response
        request.get_host()  # a host not in ALLOWED_HOSTS gets its 400, cached page or not
        query = QueryDict(mutable=True)
        for name in sorted(params):
            if name in request.GET:
                query.setlist(name, request.GET.getlist(name))
        request.GET = query
        request.META["QUERY_STRING"] = query.urlencode()
        etag, last_modified = validators(version_read_by(request), request.get_full_path())
        response = None
        if names_a_copy(request):
            # Before any view, template or cache look-up: a reader whose copy is current costs
            # one query, the content version's. Only a 200 is given an ETag, so one that
            # matches proves the page is there, as it was.
            response = get_conditional_response(request, etag=etag, last_modified=last_modified)
        if response is None:
            # The page cache holds this very representation: its key is the ETag.
            response = self.page(request, f"page:{request.method}:{etag}")
            if response.status_code == 200:
                # A date or "*" proves no copy: answered once the page is known to be there.
                response = get_conditional_response(
                    request, etag=etag, last_modified=last_modified, response=response
                )
        if response.status_code in (200, 304) and not response.cookies:
            mark_public(response, etag, last_modified)
        else:
            # A missing page may be published a moment later, and a 412 is this client's own.
            add_never_cache_headers(response)
        return response

    def page(self, request: HttpRequest, key: str) -> HttpResponse:
        if not settings.WORKBENCH_PAGE_CACHE:
            return self.get_response(request)
        pages = caches[PAGE_CACHE]
        response = pages.get(key)
        if response is None:
            response = self.get_response(request)  # template responses arrive rendered
            if (
                response.status_code == 200
                and not response.streaming
                and not response.cookies
                and len(response.content) <= settings.WORKBENCH_PAGE_CACHE_MAX_BYTES
            ):
                pages.set(key, response)
        return response

    def public_params(self, request) -> tuple[str, ...] | None:
        """The parameters the requested page reads, or None when it is not a public page."""
        if not (
            request.method in ("GET", "HEAD")
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


def names_a_copy(request: HttpRequest) -> bool:
    """Whether the request names the copy it holds by an ETag (not "*", which names none)."""
    sent = request.META.get("HTTP_IF_NONE_MATCH", "").strip()
    return bool(sent) and sent != "*"


def mark_public(response: HttpResponse, etag: str, last_modified: int) -> None:
    """The same for every anonymous reader: a browser or CDN keeps it for a short while, may
    show it a little longer while it asks again, and asks with the ETag. Vary: Cookie keeps
    a shared cache from giving this copy to someone signed in."""
    response.headers["ETag"] = etag
    response.headers["Last-Modified"] = http_date(last_modified)
    freshness = {"max_age": settings.WORKBENCH_HTTP_MAX_AGE}
    if settings.WORKBENCH_HTTP_STALE_WHILE_REVALIDATE:
        freshness["stale_while_revalidate"] = settings.WORKBENCH_HTTP_STALE_WHILE_REVALIDATE
    patch_cache_control(response, public=True, **freshness)
    patch_vary_headers(response, ["Cookie"])
