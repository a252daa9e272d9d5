"""The items list runs the same number of queries for 10 items as for 500."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from samverkan.accounts.roles import Role
from samverkan.insights.services import ItemData, input_items_create


def fill(engagement, actor, organisation, groups, size):
    items = [
        ItemData(
            kind="need",
            text=f"Behov nummer {i}",
            organisation_id=organisation.pk if i % 2 else None,
            target_group_ids=[g.pk for g in groups],
        )
        for i in range(size)
    ]
    input_items_create(actor=actor, engagement=engagement, items=items, action="test")


@pytest.mark.parametrize("role", [Role.AGENCY_STAFF, Role.REPRESENTATIVE])
def test_the_list_has_a_fixed_query_budget(
    client_for, users, engagement, organisation, older, children, role
):
    client = client_for(role)
    url = f"/aktiviteter/{engagement.pk}/underlag/"
    counts = []
    for size in (10, 490):
        fill(engagement, users[Role.AGENCY_STAFF], organisation, [older, children], size)
        client.get(url)  # warm the session and caches
        with CaptureQueriesContext(connection) as queries:
            response = client.get(url)
        assert response.status_code == 200
        counts.append(len(queries))
    assert counts[0] == counts[1], counts
    assert counts[1] <= 15, counts
