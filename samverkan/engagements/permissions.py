"""Who may do what with forums and engagements. A record belongs to its hosts."""

from samverkan.accounts.roles import CIVIL_SOCIETY_ROLES, Role

HOST_ROLES = {Role.AGENCY_COORDINATOR, Role.AGENCY_STAFF}


def _is_host_staff(user, record) -> bool:
    """The user works for one of the record's hosts, in an agency-side role."""
    if Role.of(user) not in HOST_ROLES or not user.organisation_id:
        return False
    return any(link.organisation_id == user.organisation_id for link in record.host_links.all())


def can_view_engagement(user, engagement) -> bool:
    """Published ones for everyone; unpublished ones for the network's agency side and for the
    organisations invited to them."""
    if engagement.is_published or Role.of(user).is_public_body:
        return True
    return bool(
        Role.of(user) in CIVIL_SOCIETY_ROLES
        and user.organisation_id
        and any(i.organisation_id == user.organisation_id for i in engagement.invitations.all())
    )


def can_create_engagement(user) -> bool:
    return Role.of(user) in HOST_ROLES and bool(user.organisation_id)


def can_edit_engagement(user, engagement) -> bool:
    return _is_host_staff(user, engagement)


def can_delete_engagement(user, engagement) -> bool:
    return Role.of(user) == Role.AGENCY_COORDINATOR and _is_host_staff(user, engagement)


def can_view_forum(user, forum) -> bool:
    return forum.is_published or Role.of(user).is_public_body


def can_create_forum(user) -> bool:
    return Role.of(user) == Role.AGENCY_COORDINATOR and bool(user.organisation_id)


def can_edit_forum(user, forum) -> bool:
    return _is_host_staff(user, forum)


def can_see_audit_log(user, record) -> bool:
    """Hosts see the change log of their own records."""
    return _is_host_staff(user, record)


def can_propose_co_host(user, engagement) -> bool:
    """A host's staff may ask another host to host the engagement jointly."""
    return can_edit_engagement(user, engagement)


def can_answer_proposal(user, proposal) -> bool:
    """Only a coordinator of the invited host answers for it."""
    return (
        Role.of(user) == Role.AGENCY_COORDINATOR
        and user.organisation_id == proposal.host_id
        and proposal.status == "pending"
    )


def can_see_tasks(user) -> bool:
    return Role.of(user) in HOST_ROLES and bool(user.organisation_id)
