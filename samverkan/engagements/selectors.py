"""Reads for engagement and forum pages, with the prefetches that keep their query count fixed."""

from django.db.models import Prefetch

from samverkan.register.models import Organisation, TargetGroup

from .models import EngagementHost, ForumHost

CARD_FIELDS = (
    "id",
    "title",
    "starts_at",
    "ends_at",
    "status",
    "level",
    "method",
    "venue",
    "location",
    "is_published",
)


def engagement_cards(queryset):
    """Engagements for lists and calendars: hosts and target groups in two extra queries."""
    return queryset.only(*CARD_FIELDS).prefetch_related(
        Prefetch(
            "host_links",
            queryset=EngagementHost.objects.select_related("organisation").only(
                "engagement_id",
                "role",
                "organisation__name",
                "organisation__short_name",
                "organisation__slug",
            ),
        ),
        Prefetch("target_groups", queryset=TargetGroup.objects.only("id", "name", "name_en")),
    )


def engagement_detail(queryset):
    return queryset.select_related("forum").prefetch_related(
        Prefetch("host_links", queryset=EngagementHost.objects.select_related("organisation")),
        "target_groups",
        "topics",
        Prefetch("invitations__organisation", queryset=Organisation.objects.only("name", "slug")),
        "participations__organisation",
        "participations__person",
    )


def forum_cards(queryset):
    return queryset.prefetch_related(
        Prefetch("host_links", queryset=ForumHost.objects.select_related("organisation"))
    )
