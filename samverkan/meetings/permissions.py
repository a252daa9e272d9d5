"""Who may do what in a meeting's cycle. The meeting belongs to its activity's hosts; the
programme committee works on the proposals and the agenda; access needs are seen only by the
organisers and by the person who gave them."""

from django.utils import timezone

from samverkan.accounts.roles import CIVIL_SOCIETY_ROLES, Role
from samverkan.engagements.models import Representation
from samverkan.engagements.permissions import can_edit_engagement, can_view_engagement

from .models import RegistrationStatus


def _user_id(user) -> int | None:
    return user.pk if user is not None and user.is_authenticated else None


def _is_organiser(user, meeting) -> bool:
    return can_edit_engagement(user, meeting.engagement)


def _is_invited(user, meeting) -> bool:
    """A user of a civil-society organisation on the meeting's invitation list, or on a mailing
    list (the forum's, or one of its target groups or topics) that the meeting was sent to."""
    if Role.of(user) not in CIVIL_SOCIETY_ROLES or not user.organisation_id:
        return False
    if any(i.organisation_id == user.organisation_id for i in meeting.engagement.invitations.all()):
        return True
    from .models import Subscription

    return Subscription.objects.for_meeting(meeting).filter(user=user).exists()


def _on_committee(user, meeting) -> bool:
    uid = _user_id(user)
    return uid is not None and any(m.user_id == uid for m in meeting.committee.all())


def can_set_up_meeting(user, engagement) -> bool:
    return can_edit_engagement(user, engagement)


def can_view_meeting(user, meeting) -> bool:
    return can_view_engagement(user, meeting.engagement)


def can_set_committee(user, meeting) -> bool:
    return _is_organiser(user, meeting)


def can_propose_topic(user, meeting) -> bool:
    """Every invited organisation may propose topics (the deadline is checked when saving)."""
    return _is_invited(user, meeting)


def can_review_proposals(user, meeting) -> bool:
    """The programme committee and the organisers see every proposal and build the agenda."""
    return _is_organiser(user, meeting) or _on_committee(user, meeting)


def can_edit_agenda(user, meeting) -> bool:
    return can_review_proposals(user, meeting)


def can_register(user, meeting) -> bool:
    """Register oneself. At a personally invited meeting everyone invited does; when the
    organisation appoints its representative, only its administrator registers anyone
    (themself here, or the person it appoints: `can_appoint_representative`)."""
    if meeting.engagement.representation == Representation.APPOINTED:
        return can_appoint_representative(user, meeting)
    return _is_invited(user, meeting)


def waits_to_be_appointed(user, meeting) -> bool:
    """Invited, but the organisation appoints its representative: the person asks their
    organisation's administrator instead of registering."""
    return (
        meeting.engagement.representation == Representation.APPOINTED
        and _is_invited(user, meeting)
        and not can_appoint_representative(user, meeting)
    )


def can_change_registration(user, registration) -> bool:
    """The person registered changes how they take part and their own access needs, also when
    their organisation appointed them."""
    return registration.user_id == _user_id(user)


def can_send_invitations(user, meeting) -> bool:
    return _is_organiser(user, meeting)


def can_view_registrations(user, meeting) -> bool:
    """The participant list, with access needs and the mail sent: organisers only."""
    return _is_organiser(user, meeting)


def can_view_access_needs(user, registration) -> bool:
    return registration.user_id == _user_id(user) or _is_organiser(user, registration.meeting)


def can_erase_access_needs(user, registration) -> bool:
    return registration.user_id == _user_id(user)


def can_cancel_registration(user, registration) -> bool:
    return registration.user_id == _user_id(user) or _is_organiser(user, registration.meeting)


def can_take_attendance(user, meeting) -> bool:
    return _is_organiser(user, meeting)


def can_evaluate(user, meeting) -> bool:
    """Once the meeting has begun, those registered answer the joint evaluation, and the
    committee."""
    uid = _user_id(user)
    if uid is None or meeting.engagement.starts_at > timezone.now():
        return False
    return (
        _on_committee(user, meeting)
        or meeting.registrations.filter(user_id=uid, status=RegistrationStatus.REGISTERED).exists()
    )


def can_view_evaluation_results(user, meeting) -> bool:
    """The aggregate: the organisers and the programme committee."""
    return can_review_proposals(user, meeting)


def can_edit_minutes(user, meeting) -> bool:
    return _is_organiser(user, meeting)


def can_subscribe(user) -> bool:
    """Anyone logged in may put themself on a mailing list."""
    return _user_id(user) is not None


def can_export_annual_report(user, forum) -> bool:
    """The forum's hosts make its annual report."""
    from samverkan.engagements.permissions import can_edit_forum

    return can_edit_forum(user, forum)


def can_appoint_representative(user, meeting) -> bool:
    """When the organisation appoints its representative (report table 1), its administrator
    registers the person it chose."""
    return (
        Role.of(user) == Role.ORGANISATION_ADMIN
        and meeting.engagement.representation == Representation.APPOINTED
        and _is_invited(user, meeting)
    )
