from django.urls import path

from . import views

app_name = "figures"

urlpatterns = [
    path("figures/", views.FigureChartView.as_view(), name="chart"),
    path("contested/", views.ContestedView.as_view(), name="contested"),
]
