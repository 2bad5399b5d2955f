"""The site's addresses: the apps' URLs composed, the API and the admin."""

from django.conf import settings
from django.contrib import admin
from django.http import HttpResponse
from django.urls import include, path

from .views import notification_preferences

admin.site.site_header = "Claim workbench"
admin.site.site_title = "Claim workbench"
admin.site.index_title = "Editorial desk"

urlpatterns = [
    # Before the admin's own URLs: the import page sits among the claims' admin pages.
    path("", include("exchange.urls")),
    path("", include("readers.urls")),
    path("api/", include(("workbench.api", "api"))),
    path(
        f"{settings.WORKBENCH_ADMIN_PATH}notifications/",
        admin.site.admin_view(notification_preferences),
        name="notification-preferences",
    ),
    path(settings.WORKBENCH_ADMIN_PATH, admin.site.urls),
]

if settings.WORKBENCH_BENCH_VIEWS:
    urlpatterns.append(path("bench/bare/", lambda request: HttpResponse("ok"), name="bench-bare"))
