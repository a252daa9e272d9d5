from django.urls import path

from . import views

app_name = "insights"
urlpatterns = [
    path("aktiviteter/<int:pk>/underlag/", views.input_list, name="input_list"),
    path("aktiviteter/<int:pk>/underlag/ny/", views.input_record, name="input_record"),
    path("aktiviteter/<int:pk>/underlag/import/", views.input_import, name="input_import"),
    path(
        "aktiviteter/<int:pk>/underlag/import/bekrafta/",
        views.input_import_confirm,
        name="input_import_confirm",
    ),
    path(
        "aktiviteter/<int:pk>/underlag/import/mall.xlsx",
        views.input_import_template,
        name="input_import_template",
    ),
]
