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


def evaluation_summary(meeting: Meeting) -> dict:
    """Per question: how many gave each rating, and the average; the comments without names."""
    from django.db.models import Avg, Count

    from .models import Evaluation, Rating

    evaluations = Evaluation.objects.filter(meeting=meeting)
    questions = []
    for name in Evaluation.QUESTIONS:
        field = Evaluation._meta.get_field(name)
        counts = dict(evaluations.values_list(name).annotate(n=Count("id")).values_list(name, "n"))
        average = evaluations.aggregate(a=Avg(name))["a"]
        questions.append(
            {
                "label": field.verbose_name,
                "average": average,
                "counts": [(rating.value, counts.get(rating.value, 0)) for rating in Rating],
            }
        )
    return {
        "count": evaluations.count(),
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
