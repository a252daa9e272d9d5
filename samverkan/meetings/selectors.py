"""Reads for the meeting pages."""

from django.db.models import Avg, Count, Q

from .models import Evaluation, Meeting, Rating, Registration, RegistrationStatus


def meeting_for(engagement_pk: int) -> Meeting | None:
    return (
        Meeting.objects.select_related("engagement", "engagement__forum")
        .prefetch_related(
            "engagement__host_links__organisation",
            "engagement__invitations",
            "committee__user__organisation",
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
    return meeting.registrations.aggregate(
        registered=Count("pk", filter=Q(status=RegistrationStatus.REGISTERED)),
        waiting=Count("pk", filter=Q(status=RegistrationStatus.WAITING)),
    )


def mails(meeting: Meeting):
    return meeting.mails.select_related("notification__user")


def evaluation_summary(meeting: Meeting) -> dict:
    """Per question: how many gave each rating, and the average; the comments without names."""
    evaluations = Evaluation.objects.filter(meeting=meeting)
    totals = evaluations.aggregate(
        count=Count("pk"),
        **{
            f"{name}__{rating.value}": Count("pk", filter=Q(**{name: rating.value}))
            for name in Evaluation.QUESTIONS
            for rating in Rating
        },
        **{f"{name}__average": Avg(name) for name in Evaluation.QUESTIONS},
    )
    questions = [
        {
            "label": Evaluation._meta.get_field(name).verbose_name,
            "average": totals[f"{name}__average"],
            "counts": [(rating.value, totals[f"{name}__{rating.value}"]) for rating in Rating],
        }
        for name in Evaluation.QUESTIONS
    ]
    return {
        "count": totals["count"],
        "questions": questions,
        "comments": evaluations.exclude(comment="").values_list("comment", flat=True),
    }


def published_minutes(forum):
    return (
        Meeting.objects.filter(engagement__forum=forum, minutes_published_at__isnull=False)
        .select_related("engagement")
        .order_by("-engagement__starts_at", "-id")
    )


def attendance_rows(meeting: Meeting):
    return (
        meeting.registrations.filter(status=RegistrationStatus.REGISTERED)
        .select_related("user", "organisation")
        .order_by("queued_at", "id")
    )
