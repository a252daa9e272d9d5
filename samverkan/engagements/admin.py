from django.contrib import admin

from samverkan.core.admin import AuditedAdmin

from .models import Engagement, EngagementHost, Forum, ForumHost, Invitation, Participation, Seat
from .services import involvements_refresh


class EngagementHostInline(admin.TabularInline):
    model = EngagementHost
    extra = 0
    autocomplete_fields = ["organisation"]


class InvitationInline(admin.TabularInline):
    model = Invitation
    extra = 0
    autocomplete_fields = ["organisation"]


class ParticipationInline(admin.TabularInline):
    model = Participation
    extra = 0
    autocomplete_fields = ["organisation", "person"]


@admin.register(Engagement)
class EngagementAdmin(AuditedAdmin):
    list_display = ["title", "starts_at", "status", "level", "is_published"]
    list_filter = ["status", "level", "method", "is_published"]
    search_fields = ["title"]
    date_hierarchy = "starts_at"
    filter_horizontal = ["target_groups", "topics"]
    autocomplete_fields = ["forum"]
    inlines = [EngagementHostInline, InvitationInline, ParticipationInline]

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        involvements_refresh(engagement_ids=[form.instance.pk])


class ForumHostInline(admin.TabularInline):
    model = ForumHost
    extra = 0
    autocomplete_fields = ["organisation"]


class SeatInline(admin.TabularInline):
    model = Seat
    extra = 0
    autocomplete_fields = ["organisation", "person"]


@admin.register(Forum)
class ForumAdmin(AuditedAdmin):
    list_display = ["name", "kind", "meeting_cadence", "is_published"]
    list_filter = ["kind", "is_published"]
    search_fields = ["name"]
    prepopulated_fields = {"slug": ["name"]}
    filter_horizontal = ["target_groups", "topics"]
    inlines = [ForumHostInline, SeatInline]
