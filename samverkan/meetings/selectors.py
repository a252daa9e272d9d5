"""Reads for the meeting pages."""

from .models import Meeting, Registration, RegistrationStatus


def meeting_for(engagement_pk: int) -> Meeting | None:
    return (
        Meeting.objects.select_related("engagement", "engagement__forum")
        .prefetch_related(
            "engagement__host_links__organisation", "engagement__invitations", "committee__user"
        )
        .filter(engagement_id=engagement_pk)
        .first()
    )


def agenda(meeting: Meeting):
    return meeting.agenda_items.prefetch_related("proposals__organisation")


def proposals_for_review(meeting: Meeting):
    return meeting.proposals.select_related("organisation", "agenda_item")


def proposals_of(organisation_id: int, meeting: Meeting):
    """An organisation's own proposals, with the committee's feedback."""
    return meeting.proposals.filter(organisation_id=organisation_id).select_related("agenda_item")


def registration_of(user, meeting: Meeting) -> Registration | None:
    if not user.is_authenticated:
        return None
    return (
        meeting.registrations.active()
        .filter(user=user)
        .select_related("access_needs", "organisation")
        .first()
    )


def registrations(meeting: Meeting):
    """Everyone registered or waiting, with their access needs: for the organisers only."""
    return (
        meeting.registrations.active()
        .select_related("user", "organisation", "access_needs")
        .order_by("status", "queued_at", "id")
    )


def counts(meeting: Meeting) -> dict:
    statuses = list(meeting.registrations.values_list("status", flat=True))
    return {
        "registered": statuses.count(RegistrationStatus.REGISTERED),
        "waiting": statuses.count(RegistrationStatus.WAITING),
    }


def mails(meeting: Meeting):
    return meeting.mails.select_related("notification__user")
