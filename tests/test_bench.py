"""The benchmark's data generator and floor page, on tiny data, so they do not rot.

Timings live in bench/ (`make bench`), never here.
"""

from datetime import date, datetime
from statistics import median
from zoneinfo import ZoneInfo

import pytest
from django.db import transaction
from django.db.models import Count

from bench.floor import floor
from bench.generate import Sizes, generate
from samverkan.engagements.models import (
    Engagement,
    EngagementHost,
    Forum,
    HostRole,
    Invitation,
    Participation,
    Seat,
    Status,
)
from samverkan.insights.models import Addressee, InputItem, text_key
from samverkan.register.models import HOST_KINDS, Organisation, TargetGroup, Topic

SCALE = 0.002
AS_OF = date(2026, 11, 1)


def run(seed=7):
    return generate(scale=SCALE, seed=seed, as_of=AS_OF)


@pytest.fixture
def generated(db):
    return run()


def test_it_makes_the_rows_the_scale_asks_for(generated):
    sizes = Sizes.at(SCALE)
    assert Organisation.objects.filter(kind="agency").count() == 9
    assert Organisation.objects.filter(kind="region").count() == 21
    assert Organisation.objects.filter(kind="municipality").count() == sizes.municipalities
    assert Organisation.objects.civil_society().count() == sizes.organisations
    assert Engagement.objects.count() == sizes.engagements
    assert Invitation.objects.count() == sizes.invitations == generated["invitation"]
    assert TargetGroup.objects.count() == 20
    assert Topic.objects.count() == 20
    assert Forum.objects.exists()
    assert Seat.objects.exists()
    assert Participation.objects.exists()


def test_it_links_engagements_to_hosts_and_civil_society(generated):
    leads = EngagementHost.objects.filter(role=HostRole.LEAD)
    assert leads.count() == Engagement.objects.count()
    assert not leads.exclude(organisation__kind__in=HOST_KINDS).exists()
    assert not Invitation.objects.filter(organisation__kind__in=HOST_KINDS).exists()
    assert not Engagement.objects.filter(target_groups=None).exists()
    assert not Engagement.objects.filter(topics=None).exists()
    # A few organisations are busy: the busiest gets many times the typical number.
    per_organisation = sorted(
        Invitation.objects.values("organisation")
        .annotate(n=Count("id"))
        .values_list("n", flat=True)
    )
    assert per_organisation[-1] > 3 * median(per_organisation)


def test_it_spreads_engagements_over_ten_years_with_status_from_the_as_of_date(generated):
    now = datetime(AS_OF.year, AS_OF.month, AS_OF.day, tzinfo=ZoneInfo("Europe/Stockholm"))
    years = {d.year for d in Engagement.objects.dates("starts_at", "year")}
    assert min(years) >= AS_OF.year - 8 and max(years) <= AS_OF.year + 1
    assert len(years) >= 9
    assert not Engagement.objects.filter(status=Status.COMPLETED, starts_at__gte=now).exists()
    assert not Engagement.objects.filter(status=Status.PLANNED, starts_at__lt=now).exists()


def test_it_builds_search_documents_that_bulk_create_would_skip(generated):
    for engagement in Engagement.objects.order_by("id")[:20]:
        assert engagement.search_document == engagement.build_search_document()
    for organisation in Organisation.objects.order_by("id")[:20]:
        assert organisation.search_document == organisation.build_search_document()
    assert Engagement.objects.search("dialogmöte").exists()


def test_it_makes_the_same_data_from_the_same_seed(db):
    def snapshot():
        engagements = Engagement.objects.order_by("id").values_list(
            "id", "title", "description", "starts_at", "status", "location"
        )
        invitations = Invitation.objects.order_by("engagement", "organisation").values_list(
            "engagement", "organisation", "status"
        )
        names = Organisation.objects.order_by("id").values_list("id", "name")
        return list(engagements), list(invitations), list(names)

    with transaction.atomic():
        run()
        first = snapshot()
        transaction.set_rollback(True)
    run()
    assert snapshot() == first


def test_it_makes_input_items_addressed_to_the_hosts_some_answered(generated):
    sizes = Sizes.at(SCALE)
    assert InputItem.objects.count() == sizes.input_items == generated["inputitem"]
    now = datetime(AS_OF.year, AS_OF.month, AS_OF.day, tzinfo=ZoneInfo("Europe/Stockholm"))
    assert not InputItem.objects.filter(created_at__gte=now).exists()
    assert not InputItem.objects.filter(engagement__starts_at__gte=now).exists()
    assert set(InputItem.objects.values_list("kind", flat=True)) == {
        "need",
        "problem",
        "proposal",
        "knowledge_gap",
        "experience",
    }
    for item in InputItem.objects.order_by("id")[:20]:
        assert item.text_key == text_key(item.text)
        hosts = set(item.engagement.host_links.values_list("organisation_id", flat=True))
        assert set(item.addressees.values_list("host_id", flat=True)) == hosts
    answered = Addressee.objects.exclude(response="")
    assert 0.3 < answered.count() / Addressee.objects.count() < 0.7
    assert not answered.filter(first_response_at=None).exists()
    assert InputItem.objects.filter(target_groups__isnull=False).exists()
    assert InputItem.objects.filter(topics__isnull=False).exists()
    # The sequence continues after the ids the generator gave.
    engagement = InputItem.objects.first().engagement
    assert InputItem.objects.create(engagement=engagement, kind="need", text="Ny").pk > max(
        InputItem.objects.exclude(text="Ny").values_list("pk", flat=True)
    )


def test_the_floor_is_not_served_outside_the_bench(client, db):
    assert client.get("/bench/floor/").status_code == 404


def test_the_floor_renders_a_page_of_organisations(generated, rf, settings):
    settings.TEMPLATES = [
        {**settings.TEMPLATES[0], "DIRS": [settings.BASE_DIR / "bench" / "templates"]}
    ]
    response = floor(rf.get("/bench/floor/"))
    assert response.status_code == 200
    assert response.content.decode().count("<tr>") == settings.PAGE_SIZE
    # As many rows as the page it is compared with; a bad count falls back to a page.
    assert floor(rf.get("/bench/floor/?rows=7")).content.decode().count("<tr>") == 7
    assert (
        floor(rf.get("/bench/floor/?rows=x")).content.decode().count("<tr>") == settings.PAGE_SIZE
    )
