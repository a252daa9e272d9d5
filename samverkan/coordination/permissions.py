"""Who may see the network's coordination pages."""

from samverkan.accounts.roles import Role


def can_see_network_report(user) -> bool:
    """The standing report is for the network's public bodies: its admin, agency coordinators and
    staff. It names every organisation each agency consults, unpublished activities included."""
    return Role.of(user).is_public_body
