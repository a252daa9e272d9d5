import hashlib

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
        indexes = [models.Index(fields=["engagement", "text_key"], name="input_item_dup_idx")]

    def __str__(self):
        return self.text[:80]

    def save(self, *args, **kwargs):
        self.text_key = text_key(self.text)
        super().save(*args, **kwargs)
