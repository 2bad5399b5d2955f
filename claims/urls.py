from django.urls import path

from . import views

app_name = "claims"

urlpatterns = [
    path("", views.ClaimListView.as_view(), name="list"),
    path("export/<str:format>/", views.ClaimExportView.as_view(), name="export"),
    path("<slug:slug>/", views.ClaimDetailView.as_view(), name="detail"),
]
