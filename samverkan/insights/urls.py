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
    path("underlag/<int:pk>/", views.input_item, name="input_item"),
    path("underlag/att-besvara/", views.triage_queue, name="triage_queue"),
    path("underlag/vart/", views.our_input, name="our_input"),
    path(
        "aktiviteter/<int:pk>/vi-fragade-ni-sa-vi-gjorde/",
        views.engagement_feedback,
        name="engagement_feedback",
    ),
]
urlpatterns += [
    path("underlag/analys/", views.needs_analysis, name="needs_analysis"),
    path("underlag/analys/rapport.docx", views.needs_analysis_docx, name="needs_analysis_docx"),
    path("underlag/analys/underlag.xlsx", views.needs_analysis_items, name="needs_analysis_items"),
    path("underlag/analys/gruppera/", views.grouping_start, name="grouping_start"),
    path("underlag/analys/gruppering/<int:pk>/", views.grouping_progress, name="grouping_progress"),
]
