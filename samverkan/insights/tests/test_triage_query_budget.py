"""The triage pages run the same number of queries for 10 items as for 300, answered or not."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from samverkan.accounts.roles import Role
from samverkan.insights.models import Addressee, InputItem, TriageStatus
from samverkan.insights.services import ItemData, addressee_triage, input_items_create
from tests.factories import EngagementFactory

S = TriageStatus


def fill(engagement, staff, organisation, groups, size):
    """`size` items from the organisation, every other one answered in two steps."""
    before = set(InputItem.objects.values_list("pk", flat=True))
    input_items_create(
        actor=staff,
        engagement=engagement,
        items=[
            ItemData(
                kind="need",
                text=f"Behov nummer {i} {engagement.pk}",
                organisation_id=organisation.pk,
                target_group_ids=[g.pk for g in groups],
            )
            for i in range(size)
        ],
        action="test",
    )
    new = Addressee.objects.exclude(item_id__in=before).filter(host=staff.organisation)
    for addressee in new.order_by("pk")[::2]:
        addressee_triage(actor=staff, addressee=addressee, status=S.CONSIDERING, response="Vi ser")
        addressee_triage(actor=staff, addressee=addressee, status=S.ACTED_ON, response="Gjort")


def count(client, url):
    client.get(url)  # warm the session and caches
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return len(queries)


@pytest.mark.parametrize(
    "role, page",
    [
        (Role.AGENCY_STAFF, "queue"),
        (Role.AGENCY_STAFF, "done"),
        (Role.AGENCY_STAFF, "list"),
        (Role.REPRESENTATIVE, "ours"),
        (Role.ANONYMOUS, "public"),
    ],
)
def test_the_pages_have_a_fixed_query_budget(
    client_for, users, agency, other_agency, organisation, older, children, role, page
):
    # Two hosts, so each item has two statuses to show.
    engagement = EngagementFactory(hosts=[agency, other_agency], invited=[organisation])
    url = {
        "queue": "/underlag/att-besvara/",
        "done": "/underlag/att-besvara/?status=acted_on",
        "list": f"/aktiviteter/{engagement.pk}/underlag/",
        "ours": "/underlag/vart/",
        "public": f"/aktiviteter/{engagement.pk}/vi-fragade-ni-sa-vi-gjorde/",
    }[page]
    client = client_for(role)
    counts = []
    for size in (10, 290):
        fill(engagement, users[Role.AGENCY_STAFF], organisation, [older, children], size)
        counts.append(count(client, url))
    assert counts[0] == counts[1], counts
    assert counts[1] <= 15, counts


def test_the_item_page_does_not_grow_with_its_history(client_for, users, engagement, organisation):
    fill(engagement, users[Role.AGENCY_STAFF], organisation, [], 1)
    item = InputItem.objects.get()
    addressee = Addressee.objects.get()
    client = client_for(Role.AGENCY_STAFF)
    url = f"/underlag/{item.pk}/"
    counts = [count(client, url)]
    for i in range(20):
        addressee_triage(
            actor=users[Role.AGENCY_STAFF],
            addressee=addressee,
            status=S.CONSIDERING,
            response=f"Steg {i}",
        )
    counts.append(count(client, url))
    assert counts[0] == counts[1], counts
