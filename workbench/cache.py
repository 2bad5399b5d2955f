"""A cache of public pages for anonymous readers, invalidated exactly: any write to a claim or
source model bumps ContentVersion, and pages are cached under the version they show."""

import hashlib

from django.apps import apps
from django.conf import settings
from django.core.cache import cache
from django.db.models import F
from django.db.models.signals import m2m_changed, post_delete, post_save

from .models import ContentVersion

CACHED_APPS = ("claims", "sources", "figures")


def current_version() -> int:
    return ContentVersion.objects.values_list("value", flat=True).filter(pk=1).first() or 0


def bump_version(**_) -> None:
    if not ContentVersion.objects.filter(pk=1).update(value=F("value") + 1):
        ContentVersion.objects.get_or_create(pk=1, defaults={"value": 1})


def connect_invalidation() -> None:
    for app_label in CACHED_APPS:
        for model in apps.get_app_config(app_label).get_models():
            if model._meta.model_name.startswith("historical"):
                continue  # written alongside the rows they record
            uid = f"content-version-{model._meta.label_lower}"
            post_save.connect(bump_version, sender=model, dispatch_uid=uid + "-save")
            post_delete.connect(bump_version, sender=model, dispatch_uid=uid + "-delete")
            for field in model._meta.local_many_to_many:
                m2m_changed.connect(
                    bump_version, sender=field.remote_field.through, dispatch_uid=uid + field.name
                )


class PublicPageCacheMiddleware:
    """Serve anonymous GETs of public pages from the cache. Anyone with a session (editors)
    and the admin, static files and non-200 answers are never cached."""

    def __init__(self, get_response):
        self.get_response = get_response
        self.skip_prefixes = (
            "/" + settings.WORKBENCH_ADMIN_PATH,
            "/" + settings.STATIC_URL.lstrip("/"),
            # The API answers by content negotiation and is throttled per client.
            "/api/",
        )

    def __call__(self, request):
        if not self.cacheable(request):
            return self.get_response(request)
        path = hashlib.sha256(request.get_full_path().encode()).hexdigest()
        key = f"page:{current_version()}:{path}"
        response = cache.get(key)
        if response is None:
            response = self.get_response(request)  # template responses arrive rendered
            if response.status_code == 200 and not response.streaming:
                cache.set(key, response)
        return response

    def cacheable(self, request) -> bool:
        return (
            settings.WORKBENCH_PAGE_CACHE
            and request.method in ("GET", "HEAD")
            and settings.SESSION_COOKIE_NAME not in request.COOKIES
            and not request.path.startswith(self.skip_prefixes)
        )
