"""A forum meeting is an Engagement of a forum; this app adds the cycle around it: the call for
topics and its proposals, the programme committee, the agenda, registration with access needs,
and the mail sent for it."""

import secrets
from datetime import date, timedelta

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from samverkan.core.models import TimeStampedModel
from samverkan.engagements.models import Engagement
from samverkan.register.models import Organisation, TargetGroup, Topic


class Meeting(TimeStampedModel):
    """The meeting-specific part of an engagement: call for topics, seats, minutes."""

    engagement = models.OneToOneField(
        Engagement, verbose_name=_("activity"), on_delete=models.CASCADE, related_name="meeting"
    )
    topics_deadline = models.DateTimeField(
        _("last day to propose topics"),
        help_text=_("Organisations can propose topics for the agenda until then."),
    )
    seats = models.PositiveIntegerField(
        _("seats"),
        null=True,
        blank=True,
        help_text=_(
            "Leave empty for no limit. When the seats are taken, others join a waiting list."
        ),
    )
    invitations_sent_at = models.DateTimeField(null=True, blank=True, editable=False)
    reminder_sent_at = models.DateTimeField(null=True, blank=True, editable=False)
    minutes = models.TextField(_("minutes"), blank=True, max_length=50000)
    minutes_published_at = models.DateTimeField(null=True, blank=True, editable=False)

    class Meta:
        verbose_name = _("meeting")
        verbose_name_plural = _("meetings")

    def __str__(self):
        return str(self.engagement)

    @property
    def takes_proposals(self) -> bool:
        return timezone.now() <= self.topics_deadline

    @property
    def access_needs_purge_on(self) -> date:
        """The day the access needs given for this meeting are deleted: a set number of days
        after the meeting ends (or starts, if it has no end), as the meeting is planned now."""
        meeting_day = timezone.localdate(self.engagement.ends_at or self.engagement.starts_at)
        return meeting_day + timedelta(days=settings.ACCESS_NEEDS_RETENTION_DAYS)


class CommitteeMember(models.Model):
    """A member of the meeting's programme committee (new for each meeting)."""

    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="committee")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="committee_seats"
    )

    class Meta:
        verbose_name = _("programme committee member")
        verbose_name_plural = _("programme committee")
        constraints = [
            models.UniqueConstraint(fields=["meeting", "user"], name="one_committee_seat_per_user")
        ]

    def __str__(self):
        return str(self.user)


class AgendaItem(TimeStampedModel):
    """One item of the agenda: the agency's own, or made from one or more proposals."""

    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="agenda_items")
    title = models.CharField(_("title"), max_length=200)
    description = models.TextField(_("description"), blank=True, max_length=5000)
    position = models.PositiveIntegerField(default=0)
    # Normalised title: two items with the same one on one agenda are duplicates.
    title_key = models.CharField(max_length=200, editable=False)

    class Meta:
        verbose_name = _("agenda item")
        verbose_name_plural = _("agenda items")
        ordering = ["meeting", "position", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["meeting", "title_key"], name="no_duplicate_agenda_item"
            )
        ]

    def __str__(self):
        return self.title

    def save(self, *args, **kwargs):
        self.title_key = title_key(self.title)
        super().save(*args, **kwargs)


def title_key(text: str) -> str:
    """Case, spacing and a final full stop do not make two titles different."""
    return " ".join(text.casefold().split()).rstrip(".")[:200]


class ProposalStatus(models.TextChoices):
    SUBMITTED = "submitted", _("Submitted")
    TAKEN_UP = "taken_up", _("Taken up at this meeting")
    REFERRED = "referred", _("Referred elsewhere")
    NOT_TAKEN_UP = "not_taken_up", _("Not taken up")


class Proposal(TimeStampedModel):
    """A topic an organisation proposes for the agenda, and the committee's answer to it."""

    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="proposals")
    organisation = models.ForeignKey(
        Organisation,
        verbose_name=_("organisation"),
        on_delete=models.CASCADE,
        related_name="meeting_proposals",
    )
    proposed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    title = models.CharField(_("topic"), max_length=200)
    text = models.TextField(_("what you want to raise"), max_length=5000)
    status = models.CharField(
        _("status"), max_length=20, choices=ProposalStatus.choices, default=ProposalStatus.SUBMITTED
    )
    # The agenda item that took the proposal up (several proposals may merge into one).
    agenda_item = models.ForeignKey(
        AgendaItem,
        verbose_name=_("agenda item"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="proposals",
    )
    feedback = models.TextField(_("feedback"), blank=True, max_length=5000)

    class Meta:
        verbose_name = _("proposed topic")
        verbose_name_plural = _("proposed topics")
        ordering = ["created_at", "id"]

    def __str__(self):
        return self.title


class AttendanceMode(models.TextChoices):
    ON_SITE = "on_site", _("On site")
    DIGITAL = "digital", _("Digitally")


class RegistrationStatus(models.TextChoices):
    REGISTERED = "registered", _("Registered")
    WAITING = "waiting", _("On the waiting list")
    CANCELLED = "cancelled", _("Cancelled")


class RegistrationQuerySet(models.QuerySet):
    def active(self):
        return self.exclude(status=RegistrationStatus.CANCELLED)


class Registration(TimeStampedModel):
    """A person's registration for a meeting, for their organisation or personally."""

    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="registrations")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="meeting_registrations"
    )
    organisation = models.ForeignKey(
        Organisation,
        verbose_name=_("on behalf of"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    attendance = models.CharField(
        _("how you take part"),
        max_length=10,
        choices=AttendanceMode.choices,
        default=AttendanceMode.ON_SITE,
    )
    status = models.CharField(
        _("status"), max_length=12, choices=RegistrationStatus.choices, db_index=True
    )
    # The waiting list is served in the order people joined it.
    queued_at = models.DateTimeField(default=timezone.now)
    attended = models.BooleanField(_("attended"), null=True, blank=True)

    objects = RegistrationQuerySet.as_manager()

    class Meta:
        verbose_name = _("registration")
        verbose_name_plural = _("registrations")
        ordering = ["queued_at", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["meeting", "user"],
                condition=~Q(status="cancelled"),
                name="one_active_registration_per_person",
            )
        ]

    def __str__(self):
        return f"{self.user} → {self.meeting}"


class AccessNeed(models.TextChoices):
    SIGN_LANGUAGE = "sign_language", _("Sign language interpreter")
    SPEECH_TO_TEXT = "speech_to_text", _("Speech-to-text interpreter")
    HEARING_LOOP = "hearing_loop", _("Hearing loop")
    COMPANION = "companion", _("Companion")
    EASY_TO_READ = "easy_to_read", _("Easy-to-read papers")
    DIETARY = "dietary", _("Dietary needs")


class AccessNeeds(models.Model):
    """A registrant's access needs: special-category data (GDPR art. 9).

    Kept apart from the registration so that erasing them is deleting one row. Stored only with
    consent, shown only to the person and the organisers, deleted by the scheduled task a set
    number of days after the meeting (`Meeting.access_needs_purge_on`). The day is not stored:
    it follows the meeting when the meeting is moved.
    """

    registration = models.OneToOneField(
        Registration, on_delete=models.CASCADE, related_name="access_needs"
    )
    needs = models.JSONField(_("access needs"), default=list)
    details = models.TextField(_("more about your needs"), blank=True, max_length=1000)
    consented_at = models.DateTimeField()

    class Meta:
        verbose_name = _("access needs")
        verbose_name_plural = _("access needs")

    def __str__(self):
        return ", ".join(str(label) for label in self.get_needs_display())

    def get_needs_display(self) -> list[str]:
        labels = dict(AccessNeed.choices)
        return [labels[n] for n in AccessNeed.values if n in self.needs]


class MailKind(models.TextChoices):
    INVITATION = "invitation", _("Invitation")
    CONFIRMATION = "confirmation", _("Confirmation")
    WAITING = "waiting", _("Waiting list")
    PROMOTED = "promoted", _("Seat from the waiting list")
    REMINDER = "reminder", _("Reminder")
    MINUTES = "minutes", _("Minutes and answers")


class MeetingMail(models.Model):
    """Which notification was sent about a meeting, so the organisers see who was mailed and when."""

    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="mails")
    notification = models.OneToOneField(
        "core.Notification", on_delete=models.CASCADE, related_name="meeting_mail"
    )
    kind = models.CharField(_("kind"), max_length=20, choices=MailKind.choices)

    class Meta:
        ordering = ["-notification__created_at", "-id"]

    def __str__(self):
        return f"{self.get_kind_display()}: {self.notification.user}"


class Rating(models.IntegerChoices):
    VERY_POOR = 1, _("1 – Not at all")
    POOR = 2, "2"
    FAIR = 3, "3"
    GOOD = 4, "4"
    VERY_GOOD = 5, _("5 – Fully")


class Evaluation(TimeStampedModel):
    """One participant's answer to the meeting's joint evaluation. Shown only in aggregate."""

    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="evaluations")
    # Only so that each person answers once; never shown next to the answer.
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    useful = models.PositiveSmallIntegerField(
        _("The meeting was worth my time"), choices=Rating.choices
    )
    heard = models.PositiveSmallIntegerField(
        _("I could say what I wanted to say"), choices=Rating.choices
    )
    accessible = models.PositiveSmallIntegerField(
        _("The meeting was accessible to me"), choices=Rating.choices
    )
    comment = models.TextField(
        _("What should we do differently next time?"), blank=True, max_length=3000
    )

    QUESTIONS = ["useful", "heard", "accessible"]

    class Meta:
        verbose_name = _("evaluation")
        verbose_name_plural = _("evaluations")
        ordering = ["created_at", "id"]
        constraints = [
            models.UniqueConstraint(fields=["meeting", "user"], name="one_evaluation_per_person")
        ]

    def __str__(self):
        return f"{self.meeting}"


def new_token() -> str:
    return secrets.token_urlsafe(24)


class SubscriptionQuerySet(models.QuerySet):
    def for_meeting(self, meeting):
        """Subscriptions that make a meeting's mail relevant: its forum, target groups, topics."""
        engagement = meeting.engagement
        condition = Q(target_group__in=engagement.target_groups.all()) | Q(
            topic__in=engagement.topics.all()
        )
        if engagement.forum_id:
            condition |= Q(forum_id=engagement.forum_id)
        return self.filter(condition)


class Subscription(TimeStampedModel):
    """A person on a mailing list: a forum's, or one for a target group or a topic.

    Made only with consent (when is recorded); every mail it causes carries a link with the
    token that ends it in one click, without logging in.
    """

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="subscriptions"
    )
    forum = models.ForeignKey(
        "engagements.Forum",
        verbose_name=_("forum"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="subscriptions",
    )
    target_group = models.ForeignKey(
        TargetGroup,
        verbose_name=_("target group"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="subscriptions",
    )
    topic = models.ForeignKey(
        Topic,
        verbose_name=_("topic"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="subscriptions",
    )
    consented_at = models.DateTimeField()
    token = models.CharField(max_length=40, unique=True, default=new_token, editable=False)

    objects = SubscriptionQuerySet.as_manager()

    class Meta:
        verbose_name = _("subscription")
        verbose_name_plural = _("subscriptions")
        ordering = ["created_at", "id"]
        constraints = [
            models.CheckConstraint(
                condition=Q(forum__isnull=False, target_group__isnull=True, topic__isnull=True)
                | Q(forum__isnull=True, target_group__isnull=False, topic__isnull=True)
                | Q(forum__isnull=True, target_group__isnull=True, topic__isnull=False),
                name="subscription_to_one_list",
            ),
            models.UniqueConstraint(
                fields=["user", "forum"], condition=Q(forum__isnull=False), name="one_forum_sub"
            ),
            models.UniqueConstraint(
                fields=["user", "target_group"],
                condition=Q(target_group__isnull=False),
                name="one_target_group_sub",
            ),
            models.UniqueConstraint(
                fields=["user", "topic"], condition=Q(topic__isnull=False), name="one_topic_sub"
            ),
        ]

    def __str__(self):
        return str(self.list)

    @property
    def list(self):
        return self.forum or self.target_group or self.topic
