from django.urls import path

from . import views

app_name = "engagements"
urlpatterns = [
    path("aktiviteter/", views.engagement_list, name="engagement_list"),
    path("aktiviteter/ny/", views.engagement_edit, name="engagement_create"),
    path("aktiviteter/export.<str:fmt>", views.engagement_export, name="engagement_export"),
    path("aktiviteter/fore-inbjudan/", views.before_you_invite, name="before_you_invite"),
    path("aktiviteter/<int:pk>/", views.engagement_detail, name="engagement_detail"),
    path("aktiviteter/<int:pk>/andra/", views.engagement_edit, name="engagement_edit"),
    path("aktiviteter/<int:pk>/ta-bort/", views.engagement_delete, name="engagement_delete"),
    path("aktiviteter/<int:pk>/gemensam/", views.co_host_propose, name="co_host_propose"),
    path("uppgifter/", views.tasks, name="tasks"),
    path("uppgifter/forslag/<int:pk>/", views.proposal_answer, name="proposal_answer"),
    path("forum/", views.forum_list, name="forum_list"),
    path("forum/nytt/", views.forum_edit, name="forum_create"),
    path("forum/<slug:slug>/", views.forum_detail, name="forum_detail"),
    path("forum/<slug:slug>/andra/", views.forum_edit, name="forum_edit"),
    path("kalender/", views.calendar, name="calendar"),
    path("kalender/var/", views.our_calendar, name="our_calendar"),
    path("kalender.ics", views.calendar_ics, name="calendar_ics"),
    path("kalender/<str:token>.ics", views.calendar_ics, name="calendar_ics_personal"),
]
