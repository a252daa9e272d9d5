from django.contrib import admin

from .models import AgendaItem, CommitteeMember, Meeting, Proposal, Registration


class CommitteeInline(admin.TabularInline):
    model = CommitteeMember
    extra = 0
    raw_id_fields = ["user"]


class AgendaItemInline(admin.TabularInline):
    model = AgendaItem
    extra = 0
    fields = ["position", "title"]


@admin.register(Meeting)
class MeetingAdmin(admin.ModelAdmin):
    list_display = ["__str__", "topics_deadline", "seats"]
    list_select_related = ["engagement"]
    raw_id_fields = ["engagement"]
    inlines = [CommitteeInline, AgendaItemInline]


@admin.register(Proposal)
class ProposalAdmin(admin.ModelAdmin):
    list_display = ["title", "meeting", "organisation", "status"]
    list_filter = ["status"]
    list_select_related = ["meeting__engagement", "organisation"]
    raw_id_fields = ["meeting", "organisation", "proposed_by", "agenda_item"]


@admin.register(Registration)
class RegistrationAdmin(admin.ModelAdmin):
    """Access needs are left out on purpose: only the meeting's organisers see them."""

    list_display = ["user", "meeting", "status", "attendance"]
    list_filter = ["status"]
    list_select_related = ["user", "meeting__engagement"]
    raw_id_fields = ["meeting", "user", "organisation"]
