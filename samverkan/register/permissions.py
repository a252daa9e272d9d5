"""Who may do what in the register. Each action has one function; views call only these."""

from samverkan.accounts.roles import Role


def _role(user) -> Role:
    return Role.of(user)


def _works_at(user, organisation) -> bool:
    return bool(user.is_authenticated and organisation and user.organisation_id == organisation.pk)


def can_see_people(user) -> bool:
    """Names of people and their roles: logged-in users only."""
    return user.is_authenticated


def can_see_contact_details(user) -> bool:
    """A person's email and phone: logged-in agency-side users only."""
    return _role(user).is_public_body


def can_create_organisation(user) -> bool:
    return _role(user) in {Role.NETWORK_ADMIN, Role.AGENCY_COORDINATOR}


def can_edit_organisation(user, organisation) -> bool:
    role = _role(user)
    if role == Role.NETWORK_ADMIN:
        return True
    return role in {Role.AGENCY_COORDINATOR, Role.ORGANISATION_ADMIN} and _works_at(
        user, organisation
    )


def can_see_audit_log(user, organisation) -> bool:
    return can_edit_organisation(user, organisation)
