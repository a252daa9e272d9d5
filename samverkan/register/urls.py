from django.urls import path

from . import views

app_name = "register"
urlpatterns = [
    path("organisationer/", views.organisation_list, name="organisation_list"),
    path("organisationer/ny/", views.organisation_edit, name="organisation_create"),
    path(
        "organisationer/export.<str:fmt>",
        views.organisation_export,
        name="organisation_export",
    ),
    path("organisationer/<slug:slug>/", views.organisation_detail, name="organisation_detail"),
    path(
        "organisationer/<slug:slug>/myndigheter/",
        views.organisation_hosts,
        name="organisation_hosts",
    ),
    path("organisationer/<slug:slug>/andra/", views.organisation_edit, name="organisation_edit"),
    path("myndigheter/", views.host_list, name="host_list"),
]
