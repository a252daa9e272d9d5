"""Who may do what with input items. Items belong to the engagement's hosts; an organisation
sees the items that came from it."""

from samverkan.accounts.roles import CIVIL_SOCIETY_ROLES, Role
from samverkan.engagements.permissions import (
    HOST_ROLES,
    can_edit_engagement,
    can_view_engagement,
)


def can_record_input(user, engagement) -> bool:
    """Record items in the form or import them from a file: the hosts' staff and coordinators."""
    return can_edit_engagement(user, engagement)


def can_view_input_list(user, engagement) -> bool:
    """The agency side sees every item; an organisation's users see the list with only their
    own organisation's items in it (see `selectors.input_items_visible_to`)."""
    if not can_view_engagement(user, engagement):
        return False
    role = Role.of(user)
    return role.is_public_body or (role in CIVIL_SOCIETY_ROLES and bool(user.organisation_id))


def can_view_input_item(user, item) -> bool:
    role = Role.of(user)
    if role.is_public_body:
        return True
    return bool(
        role in CIVIL_SOCIETY_ROLES
        and user.organisation_id
        and item.organisation_id == user.organisation_id
    )


def can_triage(user, addressee) -> bool:
    """Move an item on for one addressed host: only that host's own staff and coordinators.

    Not the network admin: the answer is the host's to give (least privilege), and nobody
    answers for another host.
    """
    return (
        Role.of(user) in HOST_ROLES
        and bool(user.organisation_id)
        and user.organisation_id == addressee.host_id
    )


def can_see_triage_queue(user) -> bool:
    """The list of items addressed to the user's own agency, region or municipality."""
    return Role.of(user) in HOST_ROLES and bool(user.organisation_id)


def can_view_our_input(user) -> bool:
    """An organisation's users follow what happened with the items their organisation raised."""
    return Role.of(user) in CIVIL_SOCIETY_ROLES and bool(user.organisation_id)


def can_view_feedback_page(user, engagement) -> bool:
    """ "We asked – you said – we did" is public, for published engagements only; it names no
    person and no organisation (see docs/decisions.md)."""
    return engagement.is_published


def can_see_needs_analysis(user) -> bool:
    """The joint needs analysis, its Word report and its list of items: the network's public
    bodies (the network admin, agency coordinators and staff), as for the standing report. It
    reads every host's items, so neither organisations nor the public see it."""
    return Role.of(user).is_public_body


def can_start_grouping(user) -> bool:
    """Ask the worker to group similar items for the analysis shown. Whoever sees the analysis
    may: a run changes no record, and one already queued for the same filters is reused."""
    return can_see_needs_analysis(user)
