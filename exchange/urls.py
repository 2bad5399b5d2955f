from django.conf import settings
from django.contrib import admin
from django.urls import path

from . import views

app_name = "exchange"

urlpatterns = [
    path("claims/export/<str:format>/", views.ClaimExportView.as_view(), name="export"),
    # Inside the admin, beside the claim list they add to and read; before the admin's own URLs.
    path(
        f"{settings.WORKBENCH_ADMIN_PATH}claims/claim/import/",
        admin.site.admin_view(views.claim_import),
        name="import",
    ),
    path(
        f"{settings.WORKBENCH_ADMIN_PATH}claims/claim/export/",
        admin.site.admin_view(views.claim_export),
        name="export-claims",
    ),
]
