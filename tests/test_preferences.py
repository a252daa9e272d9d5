"""A person chooses how notifications reach them."""

import pytest

from samverkan.accounts.models import Delivery
from samverkan.accounts.roles import USER_ROLES, Role


@pytest.mark.parametrize("role", USER_ROLES)
def test_every_logged_in_role_can_choose_a_daily_digest(client_for, users, role):
    client = client_for(role)
    response = client.post(
        "/konto/installningar/",
        {"first_name": "Ada", "last_name": "Lind", "notification_delivery": "digest"},
    )
    assert response.status_code == 302
    users[role].refresh_from_db()
    assert users[role].notification_delivery == Delivery.DIGEST
    assert users[role].role == role  # the form cannot change one's role


def test_anonymous_is_asked_to_log_in(client_for):
    response = client_for(Role.ANONYMOUS).get("/konto/installningar/")
    assert response.status_code == 302 and "/konto/login/" in response["Location"]


def test_an_unknown_choice_is_refused(client_for, users):
    client = client_for(Role.REPRESENTATIVE)
    response = client.post(
        "/en/konto/installningar/", {"notification_delivery": "hourly", "role": "network_admin"}
    )
    assert response.status_code == 200
    assert "Select a valid choice" in response.content.decode()
    users[Role.REPRESENTATIVE].refresh_from_db()
    assert users[Role.REPRESENTATIVE].role == Role.REPRESENTATIVE
