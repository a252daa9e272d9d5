from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.utils import translation
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _

from samverkan.core import search
from samverkan.core.models import TimeStampedModel, ends_after_start


class BilingualTerm(models.Model):
    """A small managed taxonomy term with a Swedish and an English name."""

    name = models.CharField(_("name (Swedish)"), max_length=120, unique=True)
    name_en = models.CharField(_("name (English)"), max_length=120, blank=True)
    slug = models.SlugField(_("slug"), max_length=120, unique=True)
    description = models.TextField(_("description"), blank=True, max_length=2000)

    class Meta:
        abstract = True
        ordering = ["name"]

    def __str__(self):
        return self.label

    def save(self, *args, **kwargs):
        if not self.slug:
            self.slug = slugify(self.name)[:120]
        super().save(*args, **kwargs)

    @property
    def label(self) -> str:
        return self.label_of(self.name, self.name_en)

    @staticmethod
    def label_of(name: str, name_en: str) -> str:
        """The name in the active language (for rows read as plain values)."""
        return name_en if name_en and translation.get_language() == "en" else name


class TargetGroup(BilingualTerm):
    """Målgrupp: who the work is about (older people, children in foster care, people with ADHD …)."""

    class Meta(BilingualTerm.Meta):
        verbose_name = _("target group")
        verbose_name_plural = _("target groups")


class Topic(BilingualTerm):
    """Sakområde: what the work is about (pharmaceuticals, mental health, supervision …)."""

    class Meta(BilingualTerm.Meta):
        verbose_name = _("topic")
        verbose_name_plural = _("topics")


class OrganisationKind(models.TextChoices):
    AGENCY = "agency", _("Agency")
    REGION = "region", _("Region")
    MUNICIPALITY = "municipality", _("Municipality")
    PATIENT = "patient", _("Patient organisation")
    USER = "user", _("User organisation")
    RELATIVES = "relatives", _("Relatives' organisation")
    INTEREST = "interest", _("Interest organisation")
    OTHER = "other", _("Other")


HOST_KINDS = (OrganisationKind.AGENCY, OrganisationKind.REGION, OrganisationKind.MUNICIPALITY)


class OrganisationQuerySet(models.QuerySet):
    def hosts(self):
        """Public bodies that can host forums and engagements."""
        return self.filter(kind__in=HOST_KINDS)

    def civil_society(self):
        return self.exclude(kind__in=HOST_KINDS)

    def search(self, query: str):
        condition = search.matches(query)
        return self if condition is None else self.filter(condition)

    def consulted_by(self, host):
        """Organisations a host has engaged: invited to or taking part in its engagements, or seated in its forums."""
        return self.filter(
            Q(invitations__engagement__hosts=host)
            | Q(participations__engagement__hosts=host)
            | Q(seats__forum__hosts=host)
        ).distinct()


class Channel(models.TextChoices):
    EMAIL = "email", _("Email")
    PHONE = "phone", _("Phone")
    LETTER = "letter", _("Letter")
    MEETING = "meeting", _("Meeting in person")


class Organisation(TimeStampedModel):
    name = models.CharField(_("name"), max_length=200, unique=True)
    short_name = models.CharField(_("short name"), max_length=40, blank=True)
    slug = models.SlugField(_("slug"), max_length=200, unique=True)
    kind = models.CharField(_("kind"), max_length=20, choices=OrganisationKind.choices)
    description = models.TextField(_("description"), blank=True, max_length=5000)
    former_names = models.CharField(
        _("former names"), max_length=300, blank=True, help_text=_("Separate names with commas.")
    )
    website = models.URLField(_("website"), blank=True)
    email = models.EmailField(_("organisation's email"), blank=True)
    phone = models.CharField(_("organisation's phone"), max_length=40, blank=True)
    municipality = models.CharField(_("municipality or city"), max_length=100, blank=True)
    member_organisations = models.ManyToManyField(
        "self",
        verbose_name=_("member organisations"),
        symmetrical=False,
        blank=True,
        related_name="umbrellas",
        help_text=_("For an umbrella organisation: the organisations that are its members."),
    )
    target_groups = models.ManyToManyField(
        TargetGroup, verbose_name=_("target groups"), blank=True, related_name="organisations"
    )
    topics = models.ManyToManyField(
        Topic, verbose_name=_("topics"), blank=True, related_name="organisations"
    )
    # What the organisation itself says it can take on; agencies see it before they invite.
    max_engagements_per_quarter = models.PositiveSmallIntegerField(
        _("activities we can take part in per quarter"),
        null=True,
        blank=True,
        help_text=_("Leave empty if you do not want to state a limit."),
    )
    notice_weeks = models.PositiveSmallIntegerField(
        _("notice we need, in weeks"), null=True, blank=True
    )
    preferred_channel = models.CharField(
        _("how we prefer to be contacted"), max_length=20, choices=Channel.choices, blank=True
    )
    search_document = models.TextField(editable=False, default="")

    objects = OrganisationQuerySet.as_manager()

    class Meta:
        verbose_name = _("organisation")
        verbose_name_plural = _("organisations")
        ordering = ["name"]
        indexes = [models.Index(fields=["kind", "name"])]

    def __str__(self):
        return self.name

    @property
    def display_name(self) -> str:
        return self.display_name_of(self.name, self.short_name)

    @staticmethod
    def display_name_of(name: str, short_name: str) -> str:
        return f"{name} ({short_name})" if short_name else name

    @property
    def is_host_kind(self) -> bool:
        return self.kind in HOST_KINDS

    def build_search_document(self) -> str:
        return search.document(
            self.name, self.short_name, self.former_names, self.description, self.municipality
        )

    def save(self, *args, **kwargs):
        if not self.slug:
            self.slug = slugify(self.short_name or self.name)[:200] or "organisation"
        self.search_document = self.build_search_document()
        super().save(*args, **kwargs)


class Person(TimeStampedModel):
    """A person in the register. Contact details are shown only to logged-in agency staff."""

    first_name = models.CharField(_("first name"), max_length=100)
    last_name = models.CharField(_("last name"), max_length=100)
    title = models.CharField(_("title"), max_length=150, blank=True)
    email = models.EmailField(_("email"), blank=True)
    phone = models.CharField(_("phone"), max_length=40, blank=True)

    class Meta:
        verbose_name = _("person")
        verbose_name_plural = _("people")
        ordering = ["last_name", "first_name"]

    def __str__(self):
        return f"{self.first_name} {self.last_name}"


class AffiliationQuerySet(models.QuerySet):
    def current(self, on=None):
        from django.utils import timezone

        day = on or timezone.localdate()
        return self.filter(Q(start_date__isnull=True) | Q(start_date__lte=day)).filter(
            Q(end_date__isnull=True) | Q(end_date__gte=day)
        )


class Affiliation(TimeStampedModel):
    """A person's role at an organisation, for a period."""

    person = models.ForeignKey(
        Person, verbose_name=_("person"), on_delete=models.CASCADE, related_name="affiliations"
    )
    organisation = models.ForeignKey(
        Organisation,
        verbose_name=_("organisation"),
        on_delete=models.CASCADE,
        related_name="affiliations",
    )
    role = models.CharField(_("role"), max_length=150)
    start_date = models.DateField(_("from"), null=True, blank=True)
    end_date = models.DateField(_("until"), null=True, blank=True)

    objects = AffiliationQuerySet.as_manager()

    class Meta:
        verbose_name = _("affiliation")
        verbose_name_plural = _("affiliations")
        ordering = ["organisation__name", "person__last_name"]
        constraints = [ends_after_start("start_date", "end_date", "affiliation_ends_after_start")]

    def __str__(self):
        return f"{self.person} – {self.role}, {self.organisation}"

    def clean(self):
        if self.start_date and self.end_date and self.end_date < self.start_date:
            raise ValidationError({"end_date": _("The end date cannot be before the start date.")})
