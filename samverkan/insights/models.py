import hashlib
from datetime import timedelta

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from samverkan.core.models import TimeStampedModel
from samverkan.engagements.models import Engagement
from samverkan.register.models import Organisation, TargetGroup, Topic

TEXT_MAX_LENGTH = 5000


class InputKind(models.TextChoices):
    NEED = "need", _("Need")
    PROBLEM = "problem", _("Problem")
    PROPOSAL = "proposal", _("Proposal")
    KNOWLEDGE_GAP = "knowledge_gap", _("Knowledge gap")
    EXPERIENCE = "experience", _("Experience")


def normalise_text(text: str) -> str:
    """The form of a text that duplicate checks compare: case, spacing and end punctuation ignored."""
    return " ".join(text.casefold().split()).strip(" .!?…")


def text_key(text: str) -> str:
    """A short fixed-length key of the normalised text, so duplicates are found by an index
    (the text itself is too long for a b-tree index on PostgreSQL)."""
    return hashlib.sha256(normalise_text(text).encode()).hexdigest()


class InputItemQuerySet(models.QuerySet):
    def raised_in(self, engagement):
        return self.filter(engagement=engagement)

    def from_organisation(self, organisation_id):
        return self.filter(organisation_id=organisation_id)


class InputItem(TimeStampedModel):
    """Underlag: a need, problem, proposal, knowledge gap or experience raised in an engagement.

    No person is named: an item comes from an organisation or is anonymous (organisation empty).
    """

    engagement = models.ForeignKey(
        Engagement,
        verbose_name=_("activity"),
        on_delete=models.CASCADE,
        related_name="input_items",
    )
    kind = models.CharField(_("kind"), max_length=20, choices=InputKind.choices)
    text = models.TextField(_("text"), max_length=TEXT_MAX_LENGTH)
    text_key = models.CharField(max_length=64, editable=False)
    organisation = models.ForeignKey(
        Organisation,
        verbose_name=_("organisation"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="input_items",
        help_text=_("Empty when the item is anonymous or the organisation was not stated."),
    )
    target_groups = models.ManyToManyField(
        TargetGroup, verbose_name=_("target groups"), blank=True, related_name="input_items"
    )
    topics = models.ManyToManyField(
        Topic, verbose_name=_("topics"), blank=True, related_name="input_items"
    )
    addressed_to = models.ManyToManyField(
        Organisation,
        through="Addressee",
        through_fields=("item", "host"),
        verbose_name=_("addressed to"),
        blank=True,
        related_name="input_items_addressed",
        help_text=_("The hosts the item is addressed to; by default the activity's hosts."),
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("recorded by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    objects = InputItemQuerySet.as_manager()

    class Meta:
        verbose_name = _("input item")
        verbose_name_plural = _("input items")
        ordering = ["engagement", "id"]
        indexes = [
            models.Index(fields=["engagement", "text_key"], name="input_item_dup_idx"),
            # The needs analysis reads a period of items by when they were recorded. With the
            # kind and id in the index too, its grouped counts and joins read the index alone
            # (an index-only scan) rather than the wide rows with their texts.
            models.Index(fields=["created_at", "kind", "id"], name="input_item_period_idx"),
        ]

    def __str__(self):
        return self.text[:80]

    def save(self, *args, **kwargs):
        self.text_key = text_key(self.text)
        super().save(*args, **kwargs)


class TriageStatus(models.TextChoices):
    """Where one addressed host's handling of an item stands, first to last."""

    RECEIVED = "received", _("Received")
    CONSIDERING = "considering", _("Being considered")
    ACTED_ON = "acted_on", _("Acted on")
    IN_ASSIGNMENT = "in_assignment", _("Part of an assignment")
    NOT_ACTED_ON = "not_acted_on", _("Not acted on")
    REFERRED = "referred", _("Referred to another host")


# The outcomes that close an item for a host; "not acted on" needs a reason, "referred" a host.
CLOSED_STATUSES = (
    TriageStatus.ACTED_ON,
    TriageStatus.IN_ASSIGNMENT,
    TriageStatus.NOT_ACTED_ON,
    TriageStatus.REFERRED,
)


class Addressee(models.Model):
    """One host an input item is addressed to, and where that host's triage of it stands.

    `status`, `response` and `referred_to` are the latest step (kept here so lists and reports
    read one row); every step is also kept in `TriageStep`.
    """

    item = models.ForeignKey(InputItem, on_delete=models.CASCADE, related_name="addressees")
    host = models.ForeignKey(
        Organisation,
        verbose_name=_("host"),
        on_delete=models.PROTECT,
        related_name="input_addressees",
    )
    status = models.CharField(
        _("status"), max_length=20, choices=TriageStatus.choices, default=TriageStatus.RECEIVED
    )
    response = models.TextField(_("response"), blank=True, max_length=TEXT_MAX_LENGTH)
    referred_to = models.ForeignKey(
        Organisation,
        verbose_name=_("referred to"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    status_changed_at = models.DateTimeField(_("status changed"), null=True, blank=True)
    # When the host first answered with a response: "how fast" in the needs analysis.
    first_response_at = models.DateTimeField(_("first response"), null=True, blank=True)

    class Meta:
        verbose_name = _("addressed host")
        verbose_name_plural = _("addressed hosts")
        constraints = [
            models.UniqueConstraint(fields=["item", "host"], name="one_addressee_per_host"),
            models.CheckConstraint(
                condition=~models.Q(status="referred") | models.Q(referred_to__isnull=False),
                name="referred_names_a_host",
            ),
        ]
        indexes = [models.Index(fields=["host", "status"], name="addressee_host_status_idx")]

    def __str__(self):
        return f"{self.host} – {self.item}"


class TriageStep(models.Model):
    """One step in a host's handling of an item, with the response given at that step."""

    addressee = models.ForeignKey(Addressee, on_delete=models.CASCADE, related_name="steps")
    status = models.CharField(_("status"), max_length=20, choices=TriageStatus.choices)
    response = models.TextField(_("response"), blank=True, max_length=TEXT_MAX_LENGTH)
    referred_to = models.ForeignKey(
        Organisation, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(_("when"), auto_now_add=True)

    class Meta:
        verbose_name = _("triage step")
        verbose_name_plural = _("triage steps")
        ordering = ["created_at", "id"]

    def __str__(self):
        return f"{self.addressee}: {self.get_status_display()}"


# A queued or running grouping not heard from for this long is taken to have stopped.
GROUPING_STALE_AFTER = timedelta(minutes=15)


class GroupingStatus(models.TextChoices):
    QUEUED = "queued", _("Queued")
    RUNNING = "running", _("Running")
    DONE = "done", _("Done")
    FAILED = "failed", _("Failed")


class GroupingRun(TimeStampedModel):
    """One grouping of similar input items for the joint needs analysis, run by the worker.

    `filters` are the analysis's filters as plain data (`report.AnalysisFilters.as_data`) and
    `filters_key` their digest, so the analysis page finds the latest run for what it shows.
    `groups` keeps the groups addressed to two or more hosts, largest first: their size, hosts,
    best linked items (the quotes) and shared words, never a person.
    """

    filters = models.JSONField(_("filters"), default=dict)
    filters_key = models.CharField(max_length=64, editable=False)
    status = models.CharField(
        _("status"), max_length=10, choices=GroupingStatus.choices, default=GroupingStatus.QUEUED
    )
    items_total = models.PositiveIntegerField(_("items"), default=0)
    items_done = models.PositiveIntegerField(_("items processed"), default=0)
    started_at = models.DateTimeField(_("started"), null=True, blank=True)
    finished_at = models.DateTimeField(_("finished"), null=True, blank=True)
    group_count = models.PositiveIntegerField(_("groups"), default=0)
    grouped_items = models.PositiveIntegerField(_("items in groups"), default=0)
    cross_host_count = models.PositiveIntegerField(_("groups at two or more hosts"), default=0)
    groups = models.JSONField(_("groups at two or more hosts"), default=list, blank=True)
    error = models.TextField(_("error"), blank=True)
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("requested by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    class Meta:
        verbose_name = _("grouping run")
        verbose_name_plural = _("grouping runs")
        ordering = ["-created_at", "-id"]
        indexes = [
            models.Index(fields=["filters_key", "-created_at"], name="grouping_run_filters_idx")
        ]

    def __str__(self):
        return f"{self._meta.verbose_name} {self.pk}"

    @property
    def is_pending(self) -> bool:
        """Queued or running, and heard from lately: a run whose worker died is not waited for."""
        from django.utils import timezone

        return (
            self.status in (GroupingStatus.QUEUED, GroupingStatus.RUNNING)
            and self.updated_at >= timezone.now() - GROUPING_STALE_AFTER
        )

    @property
    def percent_done(self) -> int:
        if self.status == GroupingStatus.DONE:
            return 100
        return int(100 * self.items_done / self.items_total) if self.items_total else 0
