"""Reads compiled once give what the same queryset gives, for every value, shape and page."""

from dataclasses import replace
from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
from django.contrib.auth.models import AnonymousUser
from django.db import DatabaseError, connection, transaction
from django.db.models import CharField, Count
from django.test.utils import CaptureQueriesContext

from samverkan.accounts.roles import Role
from samverkan.core.prepared import (
    Param,
    PreparedGet,
    PreparedRead,
    Reading,
    gather,
    in_ids,
    together,
)
from samverkan.engagements.models import Engagement, Forum, Involvement, Visibility
from samverkan.register.models import Organisation
from tests.factories import EngagementFactory, OrganisationFactory, UserFactory

STOCKHOLM = ZoneInfo("Europe/Stockholm")


def by_kind(kind):
    return Organisation.objects.filter(kind=kind).order_by("name").values_list("name", "slug")


NAMES = PreparedRead(
    lambda: (
        Organisation.objects.filter(kind=Param("kind", CharField()))
        .order_by("name")
        .values_list("name", "slug")
    )
)


@pytest.fixture
def organisations(db):
    return [
        OrganisationFactory(name=name, kind=kind)
        for name, kind in [
            ("Cesam", "patient"),
            ("Aros", "patient"),
            ("Bruk", "user"),
            ("D", "patient"),
        ]
    ]


def test_rows_are_the_querysets_for_each_value_and_page(organisations):
    for kind in ("patient", "user", "agency"):
        assert NAMES.rows(kind=kind) == list(by_kind(kind))
    assert NAMES.rows(kind="patient", limit=2) == list(by_kind("patient")[:2])
    assert NAMES.rows(kind="patient", limit=2, offset=2) == list(by_kind("patient")[2:4])
    assert NAMES.count(kind="patient") == 3
    assert NAMES.count(kind="nothing") == 0


def test_values_are_parameters_not_sql(organisations):
    """A value is bound, never written into the SQL: quotes and SQL in it are only text."""
    OrganisationFactory(name="Quoted", kind="x' OR '1'='1")
    assert NAMES.rows(kind="x' OR '1'='1") == [
        ("Quoted", Organisation.objects.get(name="Quoted").slug)
    ]
    assert NAMES.rows(kind="' OR 1=1 --") == []


def test_the_queryset_is_built_once_per_shape(organisations):
    built = []

    def build(kind):
        built.append(kind)
        return by_kind(kind)

    read = PreparedRead(build)
    with CaptureQueriesContext(connection) as queries:
        for _ in range(3):
            assert read.rows("patient") == list(by_kind("patient"))
            assert read.rows("user") == list(by_kind("user"))
    assert built == ["patient", "user"]
    # One query a run, and nothing else (by_kind's own queries above are the other six).
    assert len(queries) == 12


def test_ids_of_any_length_and_columns_converted(db):
    """`rows_for` pads to a power of two without repeating rows; datetimes and booleans come
    back as Python values, as values_list() gives them, on either database."""
    starts = datetime(2026, 3, 1, 9, 30, tzinfo=STOCKHOLM)
    engagements = [EngagementFactory(starts_at=starts, is_published=i % 2 == 0) for i in range(5)]
    read = PreparedRead(
        lambda size: (
            Engagement.objects.filter(in_ids("pk", size))
            .order_by("pk")
            .values_list("pk", "starts_at", "is_published")
        )
    )
    for count in range(1, 6):
        ids = [e.pk for e in engagements[:count]]
        rows = read.rows_for(ids)
        assert rows == list(
            Engagement.objects.filter(pk__in=ids)
            .order_by("pk")
            .values_list("pk", "starts_at", "is_published")
        )
        assert rows[0][1] == starts and rows[0][2] is True
    assert read.rows_for([]) == []
    assert read._compile.cache_info().currsize == 4  # 1, 2, 4 and 8 ids


def test_reads_together_give_what_each_gives_alone(organisations):
    """`together` answers each read in order, converted, as `rows` would, on either database
    (one pipeline on PostgreSQL); a read of no ids is an empty answer and no query. Each read
    is still a query of Django's cursor, so query budgets count it."""
    starts = datetime(2026, 3, 1, 9, 30, tzinfo=STOCKHOLM)
    engagement = EngagementFactory(starts_at=starts)
    when = PreparedRead(
        lambda size: Engagement.objects.filter(in_ids("pk", size)).values_list("pk", "starts_at")
    )
    reads = [
        NAMES.bind(kind="patient"),
        when.bind_for([]),
        NAMES.bind(kind="user", limit=1, offset=0),
        when.bind_for([engagement.pk]),
        NAMES.bind(kind="patient", limit=1, offset=1),
    ]
    with CaptureQueriesContext(connection) as queries:
        answers = together(*reads)
    assert answers == [
        list(by_kind("patient")),
        [],
        list(by_kind("user")[:1]),
        [(engagement.pk, starts)],
        list(by_kind("patient")[1:2]),
    ]
    assert len(queries) == 4
    assert together() == [] and together(None) == [[]]


def test_readings_gathered_make_what_each_makes_alone(organisations):
    """`gather` sends every reading's reads together and gives each its own rows."""
    municipalities = Reading(
        (NAMES.bind(kind="patient", limit=2, offset=1),), lambda rows: [n for n, _ in rows]
    )
    both = Reading(
        (NAMES.bind(kind="user"), NAMES.bind(kind="patient"), None),
        lambda users, patients, nothing: (len(users), len(patients), nothing),
    )
    with CaptureQueriesContext(connection) as queries:
        made = gather(municipalities, both)
    assert made == [
        [n for n, _ in by_kind("patient")[1:3]],
        (by_kind("user").count(), by_kind("patient").count(), []),
    ]
    assert len(queries) == 3
    assert NAMES.count(kind="user") == by_kind("user").count()


def test_an_instance_by_a_unique_field_is_what_get_gives(organisations):
    by_slug = PreparedGet(Organisation, "slug")
    for expected in Organisation.objects.all():
        found = by_slug.get(expected.slug)
        assert found == expected
        assert not found._state.adding
        assert {
            f.attname: getattr(found, f.attname) for f in Organisation._meta.concrete_fields
        } == {f.attname: getattr(expected, f.attname) for f in Organisation._meta.concrete_fields}
        assert isinstance(found.created_at, datetime)
    assert by_slug.get("no-such-organisation") is None
    with CaptureQueriesContext(connection) as queries:
        by_slug.get(expected.slug)
    assert len(queries) == 1


def test_a_failed_read_together_is_a_database_error(db):
    """A read that fails among others is Django's DatabaseError, as on its own, not the
    driver's own error from the end of the pipeline."""
    for sql in (
        "SELECT no_such_column FROM register_organisation WHERE kind = %s",  # the server's
        "SELECT name FROM register_organisation",  # the driver's: a value with no place
    ):
        broken = replace(NAMES.bind(kind="user"), sql=sql)
        with pytest.raises(DatabaseError), transaction.atomic():
            together(NAMES.bind(kind="patient"), broken)
        assert together(NAMES.bind(kind="patient"))[0] == list(by_kind("patient"))


def test_aggregates_and_their_order(db, agency, other_agency, organisation):
    for hosts in ([agency], [agency], [other_agency, agency], [other_agency]):
        EngagementFactory(hosts=hosts, invited=[organisation])
    read = PreparedRead(
        lambda: (
            Involvement.objects.filter(organisation_id=Param("organisation"))
            .values("host_id")
            .annotate(n=Count("*"))
            .order_by("-n", "host_id")
            .values_list("host_id", "n")
        )
    )
    assert read.rows(organisation=organisation.pk) == [(agency.pk, 3), (other_agency.pk, 2)]
    assert read.count(organisation=organisation.pk) == 2


def test_visibility_is_all_that_visible_to_depends_on(db, agency, organisation):
    """Users with the same Visibility get the same SQL from every visible_to, and users with
    another one get other SQL: a read compiled for one of them is right for all of them."""
    other = OrganisationFactory()
    viewers = [AnonymousUser()]
    for role in Role:
        if role == Role.ANONYMOUS:
            continue
        viewers.append(UserFactory(role=role))
        for own in (agency, organisation, other):
            viewers.append(UserFactory(role=role, organisation=own))
    managers = [Engagement.objects, Involvement.objects, Forum.objects]

    def sql(user):
        return tuple(str(manager.visible_to(user).query) for manager in managers)

    seen = {}
    for user in viewers:
        seen.setdefault(Visibility.of(user), set()).add(sql(user))
    assert all(len(texts) == 1 for texts in seen.values())
    assert len({texts.pop() for texts in seen.values()}) == len(seen)
    assert set(seen) == {
        Visibility(public_body=False, invited_organisation_id=None),
        Visibility(public_body=True, invited_organisation_id=None),
        Visibility(public_body=False, invited_organisation_id=organisation.pk),
        Visibility(public_body=False, invited_organisation_id=agency.pk),
        Visibility(public_body=False, invited_organisation_id=other.pk),
    }
