from typing import NamedTuple

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _

from samverkan.core import search
from samverkan.core.models import TimeStampedModel, ends_after_start
from samverkan.register.models import Organisation, Person, TargetGroup, Topic


class Level(models.TextChoices):
    """The European code's four levels of participation, lowest first."""

    INFORMATION = "information", _("Information")
    CONSULTATION = "consultation", _("Consultation (samråd)")
    DIALOGUE = "dialogue", _("Dialogue")
    PARTNERSHIP = "partnership", _("Partnership")


class Step(models.TextChoices):
    """The six steps of the decision-making process, in order."""

    AGENDA = "agenda", _("Agenda setting")
    DRAFTING = "drafting", _("Drafting")
    DECISION = "decision", _("Decision")
    IMPLEMENTATION = "implementation", _("Implementation")
    MONITORING = "monitoring", _("Monitoring")
    REFORMULATION = "reformulation", _("Reformulation")


class Representation(models.TextChoices):
    """Report table 1: who chose the representative."""

    APPOINTED = "appointed", _("Appointed by the organisation")
    INVITED = "invited", _("Personally invited")


class Knowledge(models.TextChoices):
    """Report table 1: what the agency wants from the representative."""

    COLLECTIVE = "collective", _("The organisation's collective knowledge")
    PERSONAL = "personal", _("Personal experience")
    EXPERTISE = "expertise", _("Expertise with own experience")


class Method(models.TextChoices):
    DIALOGUE_MEETING = "dialogue_meeting", _("Dialogue meeting")
    COUNCIL_MEETING = "council_meeting", _("Council meeting")
    CONSULTATION = "consultation", _("Consultation on a proposal")
    WORKSHOP = "workshop", _("Workshop")
    REFERENCE_GROUP = "reference_group", _("Reference group")
    FOCUS_GROUP = "focus_group", _("Focus group")
    INTERVIEWS = "interviews", _("Interviews")
    SURVEY = "survey", _("Survey")
    USER_TESTING = "user_testing", _("User testing or service design")
    PRIORITY_SETTING = "priority_setting", _("Priority setting")
    REVIEW = "review", _("Review of applications or documents")
    TRAINING = "training", _("Training")
    OTHER = "other", _("Other")


class Venue(models.TextChoices):
    ON_SITE = "on_site", _("On site")
    DIGITAL = "digital", _("Digital")
    HYBRID = "hybrid", _("Hybrid")


class Status(models.TextChoices):
    PLANNED = "planned", _("Planned")
    ONGOING = "ongoing", _("Ongoing")
    COMPLETED = "completed", _("Completed")
    CANCELLED = "cancelled", _("Cancelled")


class ForumKind(models.TextChoices):
    COUNCIL = "council", _("Council")
    BOARD = "board", _("Board or committee")
    REFERENCE_GROUP = "reference_group", _("Reference group")
    DIALOGUE_FORUM = "dialogue_forum", _("Dialogue forum")
    STAKEHOLDER_GROUP = "stakeholder_group", _("Stakeholder group")
    WORKING_GROUP = "working_group", _("Working group")
    NETWORK = "network", _("Network")


class HostRole(models.TextChoices):
    LEAD = "lead", _("Lead host")
    CO_HOST = "co_host", _("Co-host")


# Hosts are listed lead first, then by name ("lead" sorts after "co_host", hence descending).
HOST_ORDERING = ["-role", "organisation__name"]


class Visibility(NamedTuple):
    """Everything a user's view of forums, engagements and their derived rows depends on: users
    with the same visibility see the same records (so it can key a query compiled once,
    `core.prepared`)."""

    public_body: bool  # sees unpublished records too
    invited_organisation_id: int | None  # also sees the unpublished ones it is invited to

    @classmethod
    def of(cls, user) -> "Visibility":
        from samverkan.accounts.roles import CIVIL_SOCIETY_ROLES, Role

        role = Role.of(user)
        organisation_id = user.organisation_id if role in CIVIL_SOCIETY_ROLES else None
        return cls(role.is_public_body, organisation_id or None)


class VisibilityQuerySet(models.QuerySet):
    def published(self):
        # "IN (true)", not "= true": Django writes the latter as the bare column on SQLite,
        # which SQLite cannot look up in an index.
        return self.filter(is_published__in=[True])

    def hosted_by(self, organisation):
        return self.filter(hosts=organisation)

    def visible_to(self, user):
        return self.visible_with(Visibility.of(user))

    def visible_with(self, visibility: Visibility):
        """Published records for everyone; unpublished ones only to the network's public bodies."""
        return self.filter(self.visible_q(visibility))

    @staticmethod
    def visible_q(visibility: Visibility, through: str = "") -> Q:
        """`visible_with`'s condition, on this model or on one reached `through` a relation
        ("forum__"), so that a read of another model can keep it without a subquery."""
        if visibility.public_body:
            return Q()
        return Q(**{f"{through}is_published__in": [True]})


class EngagementVisibilityQuerySet(VisibilityQuerySet):
    def visible_with(self, visibility: Visibility):
        """As for forums, and an organisation also sees the unpublished activities it is invited to."""
        if visibility.invited_organisation_id:
            invited = Invitation.objects.filter(
                engagement=models.OuterRef("pk"),
                organisation_id=visibility.invited_organisation_id,
            )
            return self.filter(Q(is_published=True) | Q(models.Exists(invited)))
        return super().visible_with(visibility)


class HostedMixin:
    @property
    def lead_host(self):
        """The lead host, from the prefetched host links when they are there."""
        for link in self.host_links.all():
            if link.role == HostRole.LEAD:
                return link.organisation
        return None


class Forum(HostedMixin, TimeStampedModel):
    """A standing body: council, board, reference group, dialogue forum series, network."""

    name = models.CharField(_("name"), max_length=200)
    slug = models.SlugField(_("slug"), max_length=200, unique=True)
    kind = models.CharField(_("kind"), max_length=30, choices=ForumKind.choices)
    description = models.TextField(_("description"), blank=True, max_length=10000)
    hosts = models.ManyToManyField(
        Organisation, through="ForumHost", verbose_name=_("hosts"), related_name="hosted_forums"
    )
    governing_document = models.TextField(
        _("governing document"),
        blank=True,
        max_length=10000,
        help_text=_(
            "The forum's rules of procedure (handläggningsordning), or where to find them."
        ),
    )
    meeting_cadence = models.CharField(
        _("meeting cadence"), max_length=150, blank=True, help_text=_("For example: twice a year.")
    )
    established_on = models.DateField(_("established"), null=True, blank=True)
    ended_on = models.DateField(_("ended"), null=True, blank=True)
    target_groups = models.ManyToManyField(
        TargetGroup, verbose_name=_("target groups"), blank=True, related_name="forums"
    )
    topics = models.ManyToManyField(
        Topic, verbose_name=_("topics"), blank=True, related_name="forums"
    )
    is_published = models.BooleanField(_("published"), default=True)

    objects = VisibilityQuerySet.as_manager()

    class Meta:
        verbose_name = _("forum")
        verbose_name_plural = _("forums")
        ordering = ["name"]
        constraints = [ends_after_start("established_on", "ended_on", "forum_ends_after_start")]

    def __str__(self):
        return self.name

    def save(self, *args, **kwargs):
        if not self.slug:
            self.slug = slugify(self.name)[:200]
        super().save(*args, **kwargs)


class ForumHost(models.Model):
    forum = models.ForeignKey(Forum, on_delete=models.CASCADE, related_name="host_links")
    organisation = models.ForeignKey(
        Organisation, on_delete=models.PROTECT, related_name="forum_host_links"
    )
    role = models.CharField(
        _("role"), max_length=10, choices=HostRole.choices, default=HostRole.LEAD
    )

    class Meta:
        verbose_name = _("forum host")
        verbose_name_plural = _("forum hosts")
        ordering = HOST_ORDERING
        constraints = [
            models.UniqueConstraint(
                fields=["forum", "organisation"], name="one_host_link_per_forum"
            )
        ]

    def __str__(self):
        return f"{self.organisation} – {self.forum}"


class SeatKind(models.TextChoices):
    ORGANISATION = "organisation", _("Organisation seat")
    PERSONAL = "personal", _("Personal seat")


class SeatRole(models.TextChoices):
    MEMBER = "member", _("Member")
    CHAIR = "chair", _("Chair")
    DEPUTY = "deputy", _("Deputy member")
    OBSERVER = "observer", _("Observer")


class SeatQuerySet(models.QuerySet):
    def current(self, on=None):
        day = on or timezone.localdate()
        return self.filter(Q(term_start__isnull=True) | Q(term_start__lte=day)).filter(
            Q(term_end__isnull=True) | Q(term_end__gte=day)
        )


class Seat(TimeStampedModel):
    """A seat in a forum for one term: held by an organisation or by a person."""

    forum = models.ForeignKey(
        Forum, verbose_name=_("forum"), on_delete=models.CASCADE, related_name="seats"
    )
    kind = models.CharField(_("kind of seat"), max_length=20, choices=SeatKind.choices)
    organisation = models.ForeignKey(
        Organisation,
        verbose_name=_("organisation"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="seats",
    )
    person = models.ForeignKey(
        Person,
        verbose_name=_("person"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="seats",
    )
    role = models.CharField(
        _("role"), max_length=20, choices=SeatRole.choices, default=SeatRole.MEMBER
    )
    term_start = models.DateField(_("term starts"), null=True, blank=True)
    term_end = models.DateField(_("term ends"), null=True, blank=True)

    objects = SeatQuerySet.as_manager()

    class Meta:
        verbose_name = _("seat")
        verbose_name_plural = _("seats")
        ordering = ["forum", "organisation__name"]
        constraints = [
            models.CheckConstraint(
                condition=Q(kind="organisation", organisation__isnull=False)
                | Q(kind="personal", person__isnull=False),
                name="seat_has_holder",
            ),
            ends_after_start("term_start", "term_end", "seat_term_ends_after_start"),
        ]

    def __str__(self):
        holder = self.organisation if self.kind == SeatKind.ORGANISATION else self.person
        return f"{self.forum}: {holder}"

    def clean(self):
        if self.kind == SeatKind.ORGANISATION and not self.organisation_id:
            raise ValidationError(
                {"organisation": _("An organisation seat needs an organisation.")}
            )
        if self.kind == SeatKind.PERSONAL and not self.person_id:
            raise ValidationError({"person": _("A personal seat needs a person.")})
        if self.term_start and self.term_end and self.term_end < self.term_start:
            raise ValidationError({"term_end": _("The term cannot end before it starts.")})


class EngagementQuerySet(EngagementVisibilityQuerySet):
    def upcoming(self):
        return self.filter(starts_at__gte=timezone.now()).exclude(status=Status.CANCELLED)

    def between(self, start, end):
        """Engagements that overlap the period [start, end): those that start in it and those
        that started before it and end in or after it. Each half has an index to read (the
        start; the end with the start), which a single "starts before the end and ends after
        the start" condition does not."""
        return self.filter(
            Q(starts_at__gte=start, starts_at__lt=end) | Q(starts_at__lt=start, ends_at__gte=start)
        )

    def involving(self, organisation):
        """Engagements the organisation was invited to or took part in.

        Two id subqueries rather than joins: joining both tables and taking DISTINCT read every
        invitation of a busy organisation's engagements and took seconds at national scale.
        """
        return self.filter(
            Q(pk__in=Invitation.objects.filter(organisation=organisation).values("engagement_id"))
            | Q(
                pk__in=Participation.objects.filter(organisation=organisation).values(
                    "engagement_id"
                )
            )
        )

    def search(self, query: str):
        condition = search.matches(query)
        return self if condition is None else self.filter(condition)


class Engagement(HostedMixin, TimeStampedModel):
    """One collaboration activity (samverkansaktivitet) of one or more hosts."""

    title = models.CharField(_("title"), max_length=200)
    description = models.TextField(_("description"), blank=True, max_length=20000)
    hosts = models.ManyToManyField(
        Organisation,
        through="EngagementHost",
        verbose_name=_("hosts"),
        related_name="hosted_engagements",
    )
    forum = models.ForeignKey(
        Forum,
        verbose_name=_("forum"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="engagements",
    )
    assignment = models.CharField(
        _("assignment"),
        max_length=300,
        blank=True,
        help_text=_(
            "The assignment (uppdrag) the activity belongs to, e.g. a government assignment."
        ),
    )
    level = models.CharField(_("level of participation"), max_length=20, choices=Level.choices)
    steps = models.JSONField(_("steps in the decision process"), default=list, blank=True)
    representation = models.CharField(
        _("how representatives are chosen"), max_length=20, choices=Representation.choices
    )
    knowledge = models.CharField(
        _("what the agency wants to learn"), max_length=20, choices=Knowledge.choices
    )
    method = models.CharField(_("method"), max_length=30, choices=Method.choices)
    target_groups = models.ManyToManyField(
        TargetGroup, verbose_name=_("target groups"), blank=True, related_name="engagements"
    )
    topics = models.ManyToManyField(
        Topic, verbose_name=_("topics"), blank=True, related_name="engagements"
    )
    starts_at = models.DateTimeField(_("starts"))
    ends_at = models.DateTimeField(_("ends"), null=True, blank=True)
    venue = models.CharField(
        _("where"), max_length=10, choices=Venue.choices, default=Venue.ON_SITE
    )
    location = models.CharField(_("place or address"), max_length=300, blank=True)
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.PLANNED, db_index=True
    )
    outcome = models.TextField(_("outcome"), blank=True, max_length=20000)
    feedback = models.TextField(_("feedback given to participants"), blank=True, max_length=20000)
    feedback_given_on = models.DateField(_("feedback given on"), null=True, blank=True)
    is_published = models.BooleanField(
        _("published"),
        default=False,
        help_text=_(
            "Published activities are shown to everyone, also to people who are not logged in."
        ),
    )
    invited_organisations = models.ManyToManyField(
        Organisation,
        through="Invitation",
        verbose_name=_("invited organisations"),
        related_name="invited_to",
        blank=True,
    )
    search_document = models.TextField(editable=False, default="")

    objects = EngagementQuerySet.as_manager()

    class Meta:
        verbose_name = _("engagement")
        verbose_name_plural = _("engagements")
        ordering = ["-starts_at", "-id"]
        indexes = [
            # Period reports group by status and level: the index covers them.
            models.Index(fields=["starts_at", "status", "level"], name="engagement_period_idx"),
            models.Index(fields=["is_published", "starts_at"]),
            models.Index(fields=["ends_at", "starts_at"], name="engagement_ends_idx"),
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(ends_at__isnull=True) | Q(ends_at__gte=models.F("starts_at")),
                name="engagement_ends_after_start",
            )
        ]

    def __str__(self):
        return self.title

    def build_search_document(self) -> str:
        return search.document(self.title, self.description, self.assignment, self.location)

    def save(self, *args, **kwargs):
        self.search_document = self.build_search_document()
        super().save(*args, **kwargs)

    def get_steps_display(self) -> list[str]:
        labels = dict(Step.choices)
        return [labels[s] for s in Step.values if s in self.steps]


class EngagementHost(models.Model):
    engagement = models.ForeignKey(Engagement, on_delete=models.CASCADE, related_name="host_links")
    organisation = models.ForeignKey(
        Organisation, on_delete=models.PROTECT, related_name="engagement_host_links"
    )
    role = models.CharField(
        _("role"), max_length=10, choices=HostRole.choices, default=HostRole.LEAD
    )

    class Meta:
        verbose_name = _("engagement host")
        verbose_name_plural = _("engagement hosts")
        ordering = HOST_ORDERING
        constraints = [
            models.UniqueConstraint(
                fields=["engagement", "organisation"], name="one_host_link_per_engagement"
            ),
            models.UniqueConstraint(
                fields=["engagement"], condition=Q(role="lead"), name="one_lead_host_per_engagement"
            ),
        ]

    def __str__(self):
        return f"{self.organisation} – {self.engagement}"


class InvitationStatus(models.TextChoices):
    INVITED = "invited", _("Invited")
    ACCEPTED = "accepted", _("Accepted")
    DECLINED = "declined", _("Declined")


class Invitation(TimeStampedModel):
    engagement = models.ForeignKey(Engagement, on_delete=models.CASCADE, related_name="invitations")
    organisation = models.ForeignKey(
        Organisation,
        verbose_name=_("organisation"),
        on_delete=models.CASCADE,
        related_name="invitations",
    )
    status = models.CharField(
        _("answer"),
        max_length=10,
        choices=InvitationStatus.choices,
        default=InvitationStatus.INVITED,
    )

    class Meta:
        verbose_name = _("invitation")
        verbose_name_plural = _("invitations")
        constraints = [
            models.UniqueConstraint(
                fields=["engagement", "organisation"], name="one_invitation_per_org"
            )
        ]

    def __str__(self):
        return f"{self.organisation} → {self.engagement}"


class Participation(TimeStampedModel):
    """Who took part: an organisation, a person, or a person on behalf of an organisation."""

    engagement = models.ForeignKey(
        Engagement, on_delete=models.CASCADE, related_name="participations"
    )
    organisation = models.ForeignKey(
        Organisation,
        verbose_name=_("organisation"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="participations",
    )
    person = models.ForeignKey(
        Person,
        verbose_name=_("person"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="participations",
    )
    role = models.CharField(_("role"), max_length=150, blank=True)

    class Meta:
        verbose_name = _("participant")
        verbose_name_plural = _("participants")
        constraints = [
            models.CheckConstraint(
                condition=Q(organisation__isnull=False) | Q(person__isnull=False),
                name="participation_has_someone",
            )
        ]

    def __str__(self):
        return str(self.person or self.organisation)


class ProposalStatus(models.TextChoices):
    PENDING = "pending", _("Waiting for an answer")
    ACCEPTED = "accepted", _("Accepted")
    DECLINED = "declined", _("Declined")


class CoHostProposal(TimeStampedModel):
    """A host asks another host's coordinator to host an engagement jointly."""

    engagement = models.ForeignKey(
        Engagement, on_delete=models.CASCADE, related_name="co_host_proposals"
    )
    host = models.ForeignKey(
        Organisation,
        verbose_name=_("invited host"),
        on_delete=models.CASCADE,
        related_name="co_host_proposals",
    )
    # The other host's similar engagement that led to the proposal, if any.
    prompted_by = models.ForeignKey(
        Engagement, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    proposed_by = models.ForeignKey(
        "accounts.User", null=True, on_delete=models.SET_NULL, related_name="+"
    )
    message = models.TextField(_("message"), blank=True, max_length=2000)
    status = models.CharField(
        _("answer"), max_length=10, choices=ProposalStatus.choices, default=ProposalStatus.PENDING
    )
    reason = models.TextField(_("reason"), blank=True, max_length=2000)
    answered_by = models.ForeignKey(
        "accounts.User", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    answered_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("proposal to host jointly")
        verbose_name_plural = _("proposals to host jointly")
        ordering = ["-created_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["engagement", "host"],
                condition=Q(status="pending"),
                name="one_open_proposal_per_host",
            )
        ]

    def __str__(self):
        return f"{self.host} → {self.engagement}"


class InvolvementQuerySet(VisibilityQuerySet):
    def visible_with(self, visibility: Visibility):
        """The rows of the engagements that `Engagement.objects.visible_with` gives."""
        if visibility.invited_organisation_id:
            invited = Invitation.objects.filter(organisation_id=visibility.invited_organisation_id)
            return self.filter(
                Q(is_published=True) | Q(engagement_id__in=invited.values("engagement_id"))
            )
        return super().visible_with(visibility)

    def leads(self):
        """One row per engagement and organisation: its lead host's (same index note)."""
        return self.filter(is_lead__in=[True])


class Involvement(models.Model):
    """Derived, for "who consults whom" at national scale: one row per organisation that was
    invited to or took part in an engagement, per host of that engagement, with what the
    organisation page sorts and counts by.

    Never edited by hand: `services.involvements_refresh` rewrites an engagement's rows after
    every change to its hosts, invitations (and their answers), participants, start, status or
    publication. Reading the engagements themselves meant visiting every one a busy
    organisation was ever asked to.
    """

    organisation = models.ForeignKey(
        Organisation, on_delete=models.CASCADE, related_name="+", db_index=False
    )
    engagement = models.ForeignKey(Engagement, on_delete=models.CASCADE, related_name="+")
    host = models.ForeignKey(Organisation, on_delete=models.CASCADE, related_name="+")
    is_lead = models.BooleanField()
    starts_at = models.DateTimeField()
    year = models.PositiveSmallIntegerField()  # of starts_at, in local time
    is_published = models.BooleanField()
    engagement_status = models.CharField(max_length=20, choices=Status.choices)
    # The organisation's answer to its invitation; empty when it took part without one.
    invitation_status = models.CharField(
        max_length=10, choices=InvitationStatus.choices, blank=True
    )

    objects = InvolvementQuerySet.as_manager()

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["organisation", "engagement", "host"], name="one_involvement_per_host"
            )
        ]
        indexes = [
            # The organisation's activities by date, one row per engagement (its lead's): its
            # page lists them newest first, the load panel counts a window of them.
            models.Index(
                fields=[
                    "organisation",
                    "is_lead",
                    "starts_at",
                    "engagement",
                    "is_published",
                    "engagement_status",
                    "invitation_status",
                ],
                name="involvement_timeline_idx",
            ),
            # Its hosts with counts per year, read from the index alone.
            models.Index(
                fields=["organisation", "is_published", "host", "year", "starts_at"],
                name="involvement_hosts_idx",
            ),
        ]

    def __str__(self):
        return f"{self.organisation_id} – {self.engagement_id} ({self.host_id})"


class HostTally(models.Model):
    """Derived from `Involvement`, for the organisation page's hosts: per organisation, host and
    what a viewer sees, how many of the organisation's engagements the host had, the last one's
    start and the count per year. The busiest organisation's 2,400 involvement rows become its
    few hundred hosts, and its page reads the fifteen busiest from an index.

    Two tallies per pair: `published_only` for viewers who see published records only, and one
    of every engagement for the network's public bodies; and the same two of the organisation's
    engagements at every host together (no host), which its list of activities counts. A civil-society viewer also sees the
    unpublished engagements its own organisation is invited to, so its page counts `Involvement`
    itself. Never edited by hand: `services.host_tallies_refresh` rewrites a pair's tallies
    whenever `involvements_refresh` rewrites an engagement's rows, and when an engagement is
    deleted.
    """

    organisation = models.ForeignKey(
        Organisation, on_delete=models.CASCADE, related_name="+", db_index=False
    )
    # Empty for the organisation's total: every engagement once (its lead host's row), which
    # its page's list of activities counts.
    host = models.ForeignKey(
        Organisation, on_delete=models.CASCADE, related_name="+", null=True, blank=True
    )
    published_only = models.BooleanField()
    engagements = models.PositiveIntegerField()
    last_starts_at = models.DateTimeField()
    per_year = models.JSONField()  # {"2025": 3, …}, the years of starts_at in local time

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["organisation", "published_only", "host"], name="one_tally_per_host"
            ),
            # A unique constraint takes no two empty hosts for the same: the totals have one of
            # their own.
            models.UniqueConstraint(
                fields=["organisation", "published_only"],
                condition=Q(host__isnull=True),
                name="one_total_tally",
            ),
        ]
        indexes = [
            # The organisation's hosts, most engagements first, ties in the hosts' order.
            models.Index(
                "organisation",
                "published_only",
                models.F("engagements").desc(),
                "host",
                name="host_tally_ranking_idx",
            )
        ]

    def __str__(self):
        return f"{self.organisation_id} – {self.host_id}: {self.engagements}"
