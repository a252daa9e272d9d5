"""List pages and the organisation page run a fixed number of queries whatever the data size."""

from datetime import timedelta

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from samverkan.accounts.roles import Role
from samverkan.engagements.models import (
    Engagement,
    EngagementHost,
    Forum,
    ForumHost,
    HostRole,
    Invitation,
    Participation,
    Seat,
    SeatKind,
)
from samverkan.engagements.services import involvements_refresh
from samverkan.register.models import Organisation, OrganisationKind, TargetGroup

from .factories import AffiliationFactory


def build(size: int, host: Organisation, busy: Organisation, batch: str):
    """`size` organisations, engagements, forums and seats, all touching `busy`."""
    groups = [
        TargetGroup.objects.create(name=f"Grupp {batch}{i}", name_en=f"Group {batch}{i}")
        for i in range(3)
    ]
    hosts = [host] + [
        Organisation.objects.create(name=f"Region {batch}{i}", kind=OrganisationKind.REGION)
        for i in range(5)
    ]
    orgs = Organisation.objects.bulk_create(
        Organisation(
            name=f"Förening {batch}{i}", slug=f"forening-{batch}{i}", kind=OrganisationKind.USER
        )
        for i in range(size)
    )
    for org in orgs[:50]:
        org.target_groups.set(groups)
    now = timezone.now()
    engagements = Engagement.objects.bulk_create(
        Engagement(
            title=f"Dialogmöte {i}",
            level="dialogue",
            representation="appointed",
            knowledge="collective",
            method="dialogue_meeting",
            # Spread over two months around today, so even 10 reach into this month.
            starts_at=now + timedelta(days=(i * 7) % 60 - 30, hours=i % 7),
            is_published=True,
        )
        for i in range(size)
    )
    EngagementHost.objects.bulk_create(
        EngagementHost(engagement=e, organisation=hosts[i % len(hosts)], role=HostRole.LEAD)
        for i, e in enumerate(engagements)
    )
    Invitation.objects.bulk_create(Invitation(engagement=e, organisation=busy) for e in engagements)
    Participation.objects.bulk_create(
        Participation(engagement=e, organisation=busy) for e in engagements[::2]
    )
    for e in engagements[:30]:
        e.target_groups.set(groups)
    involvements_refresh(engagement_ids=[e.pk for e in engagements])  # as after a data load
    forums = Forum.objects.bulk_create(
        Forum(name=f"Råd {batch}{i}", slug=f"rad-{batch}{i}", kind="council")
        for i in range(min(size, 200))
    )
    ForumHost.objects.bulk_create(
        ForumHost(forum=f, organisation=hosts[i % len(hosts)]) for i, f in enumerate(forums)
    )
    Seat.objects.bulk_create(
        Seat(forum=f, kind=SeatKind.ORGANISATION, organisation=busy) for f in forums
    )
    for i in range(min(size, 100)):
        AffiliationFactory(organisation=busy, person__last_name=f"Person{batch}{i}")
    return engagements[0]


PAGES = {
    "organisation list": lambda ctx: "/organisationer/",
    "organisation list, searched and filtered": lambda ctx: (
        "/organisationer/?q=förening&kind=user&page=2"
    ),
    "host list": lambda ctx: "/myndigheter/",
    "busy organisation page": lambda ctx: f"/organisationer/{ctx['busy'].slug}/",
    "busy organisation's agencies": lambda ctx: f"/organisationer/{ctx['busy'].slug}/myndigheter/",
    "agency page": lambda ctx: f"/organisationer/{ctx['host'].slug}/",
    "engagement list": lambda ctx: "/aktiviteter/",
    "engagement list, filtered": lambda ctx: (
        f"/aktiviteter/?organisation={ctx['busy'].slug}&q=dialogmöte"
    ),
    "forum list": lambda ctx: "/forum/",
    "calendar month": lambda ctx: "/kalender/",
    "calendar list": lambda ctx: "/kalender/?view=list",
    "engagement page": lambda ctx: f"/aktiviteter/{ctx['engagement'].pk}/",
}


def count_queries(client, url) -> int:
    cache.clear()  # count the page as the first request after a change does (core.choices)
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200, url
    return len(queries)


# A representative sees what its own organisation is invited to too: a visibility of its own.
@pytest.mark.parametrize("role", [Role.ANONYMOUS, Role.AGENCY_STAFF, Role.REPRESENTATIVE])
def test_query_count_does_not_grow_with_the_data(client_for, agency, organisation, role):
    client = client_for(role)
    small = {
        "host": agency,
        "busy": organisation,
        "engagement": build(10, agency, organisation, "a"),
    }
    for url in PAGES.values():
        client.get(url(small))  # warm the process-wide content-type cache
    counts_small = {name: count_queries(client, url(small)) for name, url in PAGES.items()}
    build(1000, agency, organisation, "b")
    counts_large = {name: count_queries(client, url(small)) for name, url in PAGES.items()}
    assert counts_large == counts_small
    # And the budget itself stays small.
    for name, count in counts_large.items():
        assert count <= 25, (name, count)
