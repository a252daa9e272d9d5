"""Test data. Fixed roles, as in healthchecks' tests: each fixture is one person with one role."""

from datetime import timedelta

import factory
from django.utils import timezone

from samverkan.accounts.models import User
from samverkan.accounts.roles import Role
from samverkan.engagements.models import (
    Engagement,
    EngagementHost,
    Forum,
    ForumHost,
    HostRole,
    Invitation,
    Knowledge,
    Level,
    Method,
    Representation,
    Seat,
    SeatKind,
)
from samverkan.engagements.services import involvements_refresh
from samverkan.register.models import (
    Affiliation,
    Organisation,
    OrganisationKind,
    Person,
    TargetGroup,
    Topic,
)


class TargetGroupFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = TargetGroup
        django_get_or_create = ["name"]

    name = factory.Sequence(lambda n: f"Målgrupp {n}")
    name_en = factory.Sequence(lambda n: f"Target group {n}")


class TopicFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Topic
        django_get_or_create = ["name"]

    name = factory.Sequence(lambda n: f"Sakområde {n}")
    name_en = factory.Sequence(lambda n: f"Topic {n}")


class OrganisationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Organisation

    name = factory.Sequence(lambda n: f"Organisation {n}")
    kind = OrganisationKind.PATIENT


class AgencyFactory(OrganisationFactory):
    name = factory.Sequence(lambda n: f"Myndighet {n}")
    kind = OrganisationKind.AGENCY


class PersonFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Person

    first_name = "Kim"
    last_name = factory.Sequence(lambda n: f"Andersson{n}")
    email = factory.Sequence(lambda n: f"kim{n}@example.se")
    phone = "070-000 00 00"


class AffiliationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Affiliation

    person = factory.SubFactory(PersonFactory)
    organisation = factory.SubFactory(OrganisationFactory)
    role = "Ordförande"


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = User
        skip_postgeneration_save = True

    email = factory.Sequence(lambda n: f"user{n}@example.se")
    password = factory.PostGenerationMethodCall("set_password", "test-password-123")
    role = Role.REPRESENTATIVE

    @factory.post_generation
    def _save(obj, create, extracted, **kwargs):
        if create:
            obj.save()


class EngagementFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Engagement
        skip_postgeneration_save = True

    title = factory.Sequence(lambda n: f"Dialogmöte {n}")
    level = Level.CONSULTATION
    representation = Representation.APPOINTED
    knowledge = Knowledge.COLLECTIVE
    method = Method.DIALOGUE_MEETING
    starts_at = factory.LazyFunction(lambda: timezone.now() + timedelta(days=10))
    is_published = True

    @factory.post_generation
    def hosts(obj, create, extracted, **kwargs):
        """hosts=[lead, co_host, …]; default: one new agency."""
        if not create:
            return
        hosts = extracted if extracted is not None else [AgencyFactory()]
        for index, host in enumerate(hosts):
            EngagementHost.objects.create(
                engagement=obj,
                organisation=host,
                role=HostRole.LEAD if index == 0 else HostRole.CO_HOST,
            )

    @factory.post_generation
    def invited(obj, create, extracted, **kwargs):
        for organisation in extracted or []:
            Invitation.objects.create(engagement=obj, organisation=organisation)
        if create and extracted:  # as the services do after every change
            involvements_refresh(engagement_ids=[obj.pk])


class ForumFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Forum
        skip_postgeneration_save = True

    name = factory.Sequence(lambda n: f"Råd {n}")
    kind = "council"

    @factory.post_generation
    def hosts(obj, create, extracted, **kwargs):
        if not create:
            return
        hosts = extracted if extracted is not None else [AgencyFactory()]
        for index, host in enumerate(hosts):
            ForumHost.objects.create(
                forum=obj, organisation=host, role=HostRole.LEAD if index == 0 else HostRole.CO_HOST
            )

    @factory.post_generation
    def members(obj, create, extracted, **kwargs):
        for organisation in extracted or []:
            Seat.objects.create(forum=obj, kind=SeatKind.ORGANISATION, organisation=organisation)
