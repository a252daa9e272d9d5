from django.urls import path

from . import views

app_name = "meetings"
M = "aktiviteter/<int:pk>/mote/"
urlpatterns = [
    path(M, views.meeting_detail, name="meeting_detail"),
    path(M + "installningar/", views.meeting_setup, name="meeting_setup"),
    path(M + "programkommitte/", views.committee_edit, name="committee_edit"),
    path(M + "forslag/ny/", views.proposal_create, name="proposal_create"),
    path(M + "program/", views.programme, name="programme"),
    path(M + "program/punkt/", views.agenda_item_add, name="agenda_item_add"),
    path(M + "program/punkt/<int:item>/flytta/", views.agenda_item_move, name="agenda_item_move"),
    path(M + "program/forslag/<int:proposal>/", views.proposal_answer, name="proposal_answer"),
    path(M + "anmalan/", views.registration, name="registration"),
    path(M + "utse/", views.appoint, name="appoint"),
    path(M + "anmalan/avboka/", views.registration_cancel, name="registration_cancel"),
    path(M + "anmalan/radera-behov/", views.access_needs_erase, name="access_needs_erase"),
    path(M + "deltagare/", views.participants, name="participants"),
    path(
        M + "deltagare/<int:registration>/avboka/",
        views.participant_cancel,
        name="participant_cancel",
    ),
    path(M + "bjud-in/", views.invite, name="invite"),
    path(M + "narvaro/", views.attendance, name="attendance"),
    path(M + "utvardering/", views.evaluation, name="evaluation"),
    path(M + "utvardering/resultat/", views.evaluation_results, name="evaluation_results"),
    path(M + "minnesanteckningar/", views.minutes, name="minutes"),
    path(
        "forum/<slug:slug>/verksamhetsberattelse.docx",
        views.annual_report,
        name="annual_report",
    ),
    path("utskick/", views.subscriptions, name="subscriptions"),
    path("utskick/<int:subscription>/lamna/", views.subscription_end, name="subscription_end"),
    path("utskick/lamna/<str:token>/", views.unsubscribe, name="unsubscribe"),
]
