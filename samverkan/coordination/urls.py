from django.urls import path

from . import views

app_name = "coordination"
urlpatterns = [
    path("natverket/rapport/", views.report, name="report"),
    path("natverket/rapport/export.<str:fmt>", views.report_export, name="report_export"),
]
