"""Writes for the meeting cycle. Every change is logged in the audit log; mail goes through
`notify` and is recorded as a MeetingMail so the organisers see who was mailed and when."""

from datetime import timedelta

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models import Max, Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from samverkan.accounts.roles import CIVIL_SOCIETY_ROLES, Role
from samverkan.core.audit import log_change, snapshot
from samverkan.core.dates import day_start
from samverkan.core.notifications import notify
from samverkan.engagements.ical import engagement_ics
from samverkan.engagements.models import Representation, Status
from samverkan.engagements.services import _when_and_where

from .models import (
    AccessNeeds,
    AgendaItem,
    CommitteeMember,
    Evaluation,
    MailKind,
    Meeting,
    MeetingMail,
    Proposal,
    ProposalStatus,
    Registration,
    RegistrationStatus,
    Subscription,
    title_key,
)

COMMITTEE_REPRESENTATIVES = (2, 3)


def _footer(user, subscriptions: dict) -> str:
    """Why the person gets the mail, and how to stop it: one click, without logging in."""
    subscription = subscriptions.get(user.pk)
    if subscription is not None:
        return _(
            "You get this because you are on the mailing list for %(list)s. "
            "Leave the list with one click: %(url)s"
        ) % {
            "list": subscription.list,
            "url": settings.SITE_URL + reverse("meetings:unsubscribe", args=[subscription.token]),
        }
    return _("Your mailing lists, and leaving them: %(url)s") % {
        "url": settings.SITE_URL + reverse("meetings:subscriptions")
    }


def _mail(*, meeting: Meeting, kind: str, users, subject: str, intro: str) -> int:
    """Mail `users` about the meeting, with its date, time, place and an .ics attachment.

    Every mail ends with a link to leave the mailing list it came through (or to one's lists).
    """
    engagement = meeting.engagement
    users = list(users)
    subscriptions = {}
    for subscription in (
        Subscription.objects.for_meeting(meeting)
        .filter(user__in=users)
        .select_related("forum", "target_group", "topic")
        .order_by("-forum_id")  # the forum's own list first
    ):
        subscriptions.setdefault(subscription.user_id, subscription)
    text = f"{intro}\n\n{engagement.title}\n{_when_and_where(engagement)}"
    url = settings.SITE_URL + reverse("meetings:meeting_detail", args=[engagement.pk])
    ics = engagement_ics(engagement)
    notifications = []
    for user in users:
        notifications += notify(
            users=[user],
            subject=subject,
            body=f"{text}\n\n{url}\n\n-- \n{_footer(user, subscriptions)}",
            ics=ics,
        )
    MeetingMail.objects.bulk_create(
        MeetingMail(meeting=meeting, notification=n, kind=kind) for n in notifications
    )
    return len(notifications)


@transaction.atomic
def meeting_save(*, actor, form) -> Meeting:
    """Create or update a meeting (call for topics and seats) from a valid MeetingForm."""
    creating = form.instance.pk is None
    if not creating:
        # Lock the meeting: more seats go to the waiting list at once, in order.
        Meeting.objects.select_for_update().get(pk=form.instance.pk)
    before = {} if creating else snapshot(Meeting.objects.get(pk=form.instance.pk))
    meeting = form.save()
    log_change(
        actor=actor,
        instance=meeting,
        action="meetings.meeting." + ("created" if creating else "changed"),
        before=before,
    )
    if not creating:
        _promote_waiting(actor=actor, meeting=meeting)
    return meeting


@transaction.atomic
def committee_set(*, actor, meeting: Meeting, members) -> None:
    """Make `members` the meeting's programme committee.

    The report's composition: exactly one person from a host agency and two or three
    representatives of civil-society organisations. Raises ValidationError otherwise.
    """
    members = list(members)
    hosts = {link.organisation_id for link in meeting.engagement.host_links.all()}
    agency_people = [u for u in members if Role.of(u).is_public_body and u.organisation_id in hosts]
    representatives = [
        u
        for u in members
        if Role.of(u) in CIVIL_SOCIETY_ROLES
        and u.organisation_id
        and not u.organisation.is_host_kind
    ]
    errors = []
    if len(agency_people) + len(representatives) != len(members):
        errors.append(
            _("Everyone on the committee must work for a host or represent an organisation.")
        )
    if len(agency_people) != 1:
        errors.append(_("The committee needs exactly one person from the hosting agency."))
    low, high = COMMITTEE_REPRESENTATIVES
    if not low <= len(representatives) <= high:
        errors.append(
            _("The committee needs two or three user representatives; you chose %(count)d.")
            % {"count": len(representatives)}
        )
    if errors:
        raise ValidationError(errors)
    before = sorted(str(m.user) for m in meeting.committee.select_related("user"))
    meeting.committee.all().delete()
    CommitteeMember.objects.bulk_create(CommitteeMember(meeting=meeting, user=u) for u in members)
    log_change(
        actor=actor,
        instance=meeting,
        action="meetings.committee.set",
        changes={"committee": [", ".join(before), ", ".join(sorted(str(u) for u in members))]},
    )


@transaction.atomic
def proposal_submit(*, actor, meeting: Meeting, title: str, text: str) -> Proposal:
    """An invited organisation proposes a topic; refused after the deadline."""
    if not meeting.takes_proposals:
        raise ValidationError(
            _("The last day to propose topics has passed (%(deadline)s).")
            % {"deadline": timezone.localtime(meeting.topics_deadline).strftime("%Y-%m-%d %H:%M")}
        )
    proposal = Proposal.objects.create(
        meeting=meeting,
        organisation=actor.organisation,
        proposed_by=actor,
        title=title.strip(),
        text=text.strip(),
    )
    log_change(actor=actor, instance=proposal, action="meetings.proposal.submitted", before={})
    return proposal


def _next_position(meeting) -> int:
    return (meeting.agenda_items.aggregate(m=Max("position"))["m"] or 0) + 1


@transaction.atomic
def agenda_item_add(*, actor, meeting: Meeting, title: str, description: str = "") -> AgendaItem:
    """Add an item at the end of the agenda. An item with the same title is refused."""
    if meeting.agenda_items.filter(title_key=title_key(title)).exists():
        raise ValidationError(
            _(
                "The agenda already has an item called “%(title)s”. Take the proposal up under it instead."
            )
            % {"title": title.strip()}
        )
    try:
        with transaction.atomic():
            item = AgendaItem.objects.create(
                meeting=meeting,
                title=title.strip(),
                description=description.strip(),
                position=_next_position(meeting),
            )
    except IntegrityError:  # added by someone else a moment ago
        raise ValidationError(
            _("The agenda already has an item called “%(title)s”.") % {"title": title.strip()}
        ) from None
    log_change(actor=actor, instance=item, action="meetings.agenda_item.added", before={})
    return item


@transaction.atomic
def proposal_answer(
    *, actor, proposal: Proposal, status: str, feedback: str = "", agenda_item=None
) -> Proposal:
    """The committee's answer to a proposal, shown to the organisation that proposed it.

    Taken up: under an existing agenda item (the proposal is merged into it) or, without one,
    as a new item with the proposal's title. Referred or not taken up: the feedback says why.
    """
    if status not in ProposalStatus.values or status == ProposalStatus.SUBMITTED:
        raise ValidationError(_("Choose what happens with the proposal."))
    if status != ProposalStatus.TAKEN_UP and not feedback.strip():
        raise ValidationError(_("Say why, so the organisation hears back."))
    if agenda_item is not None and agenda_item.meeting_id != proposal.meeting_id:
        raise ValidationError(_("That agenda item belongs to another meeting."))
    before = snapshot(proposal)
    if status == ProposalStatus.TAKEN_UP:
        if agenda_item is None:
            agenda_item = agenda_item_add(
                actor=actor,
                meeting=proposal.meeting,
                title=proposal.title,
                description=proposal.text,
            )
        proposal.agenda_item = agenda_item
    else:
        proposal.agenda_item = None
    proposal.status = status
    proposal.feedback = feedback.strip()
    proposal.save()
    log_change(actor=actor, instance=proposal, action="meetings.proposal.answered", before=before)
    return proposal


@transaction.atomic
def agenda_item_move(*, actor, item: AgendaItem, up: bool) -> None:
    """Swap the item with its neighbour above or below; at either end nothing moves."""
    items = list(AgendaItem.objects.select_for_update().filter(meeting_id=item.meeting_id))
    index = next(i for i, other in enumerate(items) if other.pk == item.pk)
    other = index - 1 if up else index + 1
    if not 0 <= other < len(items):
        return
    items[index], items[other] = items[other], items[index]
    for position, each in enumerate(items, start=1):
        if each.position != position:
            AgendaItem.objects.filter(pk=each.pk).update(position=position)
    log_change(
        actor=actor,
        instance=item,
        action="meetings.agenda_item.moved",
        changes={"position": [index + 1, other + 1]},
    )


def _seats_left(meeting: Meeting) -> bool:
    if meeting.seats is None:
        return True
    taken = meeting.registrations.filter(status=RegistrationStatus.REGISTERED).count()
    return taken < meeting.seats


@transaction.atomic
def registration_create(
    *,
    actor,
    meeting: Meeting,
    attendance: str,
    needs: list[str],
    details: str = "",
    consent: bool = False,
    person=None,
) -> Registration:
    """Register the actor, or the `person` their organisation appoints: a seat while there are
    any, else a place on the waiting list.

    Access needs are stored only with consent (the person's own), and deleted a set number of
    days after the meeting. The person gets a confirmation mail with the meeting in an .ics file.
    """
    person = person or actor
    if person.pk != actor.pk and (
        person.organisation_id != actor.organisation_id or not person.is_active
    ):
        raise ValidationError(_("You can only appoint someone from your own organisation."))
    if (needs or details.strip()) and not consent:
        raise ValidationError(
            _(
                "We can only store your access needs if you agree to it. Tick the box, or leave the needs empty."
            )
        )
    # Lock the meeting so two people cannot take the last seat at once.
    meeting = Meeting.objects.select_for_update().select_related("engagement").get(pk=meeting.pk)
    if meeting.engagement.starts_at < timezone.now():
        raise ValidationError(_("The meeting has already started; registration is closed."))
    if meeting.registrations.active().filter(user=person).exists():
        if person.pk != actor.pk:
            raise ValidationError(
                _("%(name)s is already registered for this meeting.")
                % {"name": person.get_full_name() or person.email}
            )
        raise ValidationError(_("You are already registered for this meeting."))
    appointed = meeting.engagement.representation == Representation.APPOINTED
    registration = Registration.objects.create(
        meeting=meeting,
        user=person,
        organisation_id=person.organisation_id if appointed else None,
        attendance=attendance,
        status=RegistrationStatus.REGISTERED
        if _seats_left(meeting)
        else RegistrationStatus.WAITING,
    )
    if needs or details.strip():
        access_needs_save(registration=registration, needs=needs, details=details)
    log_change(
        actor=actor,
        instance=registration,
        action="meetings.registration.created",
        changes={"status": [None, registration.get_status_display()]},
    )
    if registration.status == RegistrationStatus.REGISTERED:
        _mail(
            meeting=meeting,
            kind=MailKind.CONFIRMATION,
            users=[person],
            subject=_("You are registered: %(title)s") % {"title": meeting.engagement.title},
            intro=_("Welcome! You are registered for the meeting."),
        )
    else:
        _mail(
            meeting=meeting,
            kind=MailKind.WAITING,
            users=[person],
            subject=_("You are on the waiting list: %(title)s")
            % {"title": meeting.engagement.title},
            intro=_(
                "The meeting is full. You are on the waiting list and get a mail if a seat becomes free."
            ),
        )
    return registration


def access_needs_save(*, registration: Registration, needs: list[str], details: str) -> AccessNeeds:
    access, _created = AccessNeeds.objects.update_or_create(
        registration=registration,
        defaults={"needs": list(needs), "details": details.strip(), "consented_at": timezone.now()},
    )
    # The deletion is queued for the day it is due now; if the meeting has moved by then, the
    # task queues itself for the new day (and the daily command catches a meeting moved earlier).
    from .tasks import purge_access_needs

    meeting = registration.meeting
    later = purge_access_needs.using(run_after=access_needs_purge_time(meeting))
    transaction.on_commit(lambda: later.enqueue(meeting.pk))
    return access


def access_needs_purge_time(meeting: Meeting):
    """When the meeting's access needs are due for deletion: the start of their purge day."""
    return day_start(meeting.access_needs_purge_on)


@transaction.atomic
def registration_cancel(*, actor, registration: Registration) -> Registration | None:
    """Cancel a registration. A freed seat goes to the first on the waiting list, who is mailed.

    Returns the promoted registration, if any. Access needs go with the cancellation.
    """
    meeting = (
        Meeting.objects.select_for_update()
        .select_related("engagement")
        .get(pk=registration.meeting_id)
    )
    registration = Registration.objects.get(pk=registration.pk)
    if registration.status == RegistrationStatus.CANCELLED:
        return None
    had_seat = registration.status == RegistrationStatus.REGISTERED
    registration.status = RegistrationStatus.CANCELLED
    registration.save(update_fields=["status", "updated_at"])
    AccessNeeds.objects.filter(registration=registration).delete()
    log_change(
        actor=actor,
        instance=registration,
        action="meetings.registration.cancelled",
        changes={"status": [None, registration.get_status_display()]},
    )
    if not had_seat:
        return None
    promoted = _promote_waiting(actor=actor, meeting=meeting)
    return promoted[0] if promoted else None


def _promote_waiting(*, actor, meeting: Meeting) -> list[Registration]:
    """Give free seats to the waiting list in the order people joined it, and mail them.
    The caller holds the meeting's row lock."""
    promoted = []
    waiting = meeting.registrations.filter(status=RegistrationStatus.WAITING).select_related("user")
    for registration in waiting.order_by("queued_at", "id"):
        if not _seats_left(meeting):
            break
        registration.status = RegistrationStatus.REGISTERED
        registration.save(update_fields=["status", "updated_at"])
        log_change(
            actor=actor,
            instance=registration,
            action="meetings.registration.promoted",
            changes={
                "status": [
                    str(RegistrationStatus.WAITING.label),
                    registration.get_status_display(),
                ]
            },
        )
        promoted.append(registration)
    if promoted:
        _mail(
            meeting=meeting,
            kind=MailKind.PROMOTED,
            users=[r.user for r in promoted],
            subject=_("A seat is yours: %(title)s") % {"title": meeting.engagement.title},
            intro=_("A seat became free and it is yours. You are now registered for the meeting."),
        )
    return promoted


@transaction.atomic
def access_needs_erase(*, actor, registration: Registration) -> None:
    """The person erases their own access needs (their right under GDPR)."""
    deleted, _counts = AccessNeeds.objects.filter(registration=registration).delete()
    if deleted:
        log_change(
            actor=actor,
            instance=registration,
            action="meetings.access_needs.erased",
            changes={"access_needs": ["…", None]},
        )


def access_needs_purge(*, today=None) -> int:
    """Delete the access needs of every meeting that ended `ACCESS_NEEDS_RETENTION_DAYS` or more
    days before `today` (default: today), by the meeting's date now: a moved meeting takes its
    needs' deletion day with it. Returns how many were deleted."""
    today = today or timezone.localdate()
    last_day = today - timedelta(days=settings.ACCESS_NEEDS_RETENTION_DAYS)
    # Ended on `last_day` or before: before the start of the day after it.
    cutoff = day_start(last_day + timedelta(days=1))
    prefix = "registration__meeting__engagement__"
    ended = Q(**{f"{prefix}ends_at__lt": cutoff}) | Q(
        **{f"{prefix}ends_at__isnull": True, f"{prefix}starts_at__lt": cutoff}
    )
    deleted, _counts = AccessNeeds.objects.filter(ended).delete()
    return deleted


def _invitees(meeting: Meeting):
    """The invited organisations' people and everyone on a mailing list the meeting is on."""
    from samverkan.accounts.models import User

    invited = Q(
        role__in=[r.value for r in CIVIL_SOCIETY_ROLES],
        organisation__invitations__engagement_id=meeting.engagement_id,
    )
    subscribed = Q(pk__in=Subscription.objects.for_meeting(meeting).values("user_id"))
    return User.objects.filter(invited | subscribed, is_active=True).distinct().order_by("pk")


@transaction.atomic
def meeting_invite(*, actor, meeting: Meeting) -> int:
    """Mail the invitation to everyone of the invited organisations; schedule the reminder."""
    from .tasks import send_reminders

    meeting = Meeting.objects.select_for_update().select_related("engagement").get(pk=meeting.pk)
    engagement = meeting.engagement
    count = _mail(
        meeting=meeting,
        kind=MailKind.INVITATION,
        users=_invitees(meeting),
        subject=_("Invitation: %(title)s") % {"title": engagement.title},
        intro=_(
            "You are invited. Propose topics for the agenda until %(deadline)s, and register on the meeting's page."
        )
        % {"deadline": timezone.localtime(meeting.topics_deadline).strftime("%Y-%m-%d %H:%M")},
    )
    meeting.invitations_sent_at = timezone.now()
    meeting.save(update_fields=["invitations_sent_at", "updated_at"])
    log_change(
        actor=actor,
        instance=meeting,
        action="meetings.meeting.invited",
        changes={"invitations": [None, count]},
    )
    later = send_reminders.using(run_after=reminder_time(meeting))
    transaction.on_commit(lambda: later.enqueue(meeting.pk))
    return count


def reminder_time(meeting: Meeting):
    return meeting.engagement.starts_at - timedelta(days=settings.MEETING_REMINDER_DAYS)


@transaction.atomic
def meeting_remind(*, meeting_id: int) -> int:
    """Mail the reminder to everyone registered, once.

    The whole batch is one transaction with the meeting's row locked: a worker killed halfway
    leaves nothing behind, and the next run sends the whole batch; a run after a finished one
    finds `reminder_sent_at` set and sends nothing.
    """
    meeting = (
        Meeting.objects.select_for_update()
        .select_related("engagement")
        .filter(pk=meeting_id)
        .first()
    )
    if meeting is None or meeting.reminder_sent_at is not None:
        return 0
    if (
        meeting.engagement.status == Status.CANCELLED
        or meeting.engagement.starts_at < timezone.now()
    ):
        return 0
    users = [
        r.user
        for r in meeting.registrations.filter(status=RegistrationStatus.REGISTERED).select_related(
            "user"
        )
    ]
    count = _mail(
        meeting=meeting,
        kind=MailKind.REMINDER,
        users=users,
        subject=_("Reminder: %(title)s") % {"title": meeting.engagement.title},
        intro=_("A reminder: you are registered for the meeting."),
    )
    Meeting.objects.filter(pk=meeting.pk).update(reminder_sent_at=timezone.now())
    return count


@transaction.atomic
def registration_change(
    *, actor, registration: Registration, attendance: str, needs: list[str], details: str = ""
) -> Registration:
    """Change how the person takes part and their access needs (consent checked by the form)."""
    before = {"attendance": registration.get_attendance_display()}
    registration.attendance = attendance
    registration.save(update_fields=["attendance", "updated_at"])
    if needs or details.strip():
        access_needs_save(registration=registration, needs=needs, details=details)
    else:
        AccessNeeds.objects.filter(registration=registration).delete()
    log_change(
        actor=actor,
        instance=registration,
        action="meetings.registration.changed",
        changes={"attendance": [before["attendance"], registration.get_attendance_display()]},
    )
    return registration


@transaction.atomic
def attendance_record(*, actor, meeting: Meeting, listed: list[int], present: list[int]) -> int:
    """Mark who of the `listed` registrations attended (`present`) and who did not."""
    rows = meeting.registrations.filter(pk__in=listed, status=RegistrationStatus.REGISTERED)
    present = set(present)
    changed = 0
    for registration in rows:
        attended = registration.pk in present
        if registration.attended is not attended:
            registration.attended = attended
            registration.save(update_fields=["attended", "updated_at"])
            changed += 1
    log_change(
        actor=actor,
        instance=meeting,
        action="meetings.attendance.recorded",
        changes={"attendance": [None, f"{len(present & set(listed))}/{len(listed)}"]},
    )
    return changed


@transaction.atomic
def evaluation_submit(*, actor, meeting: Meeting, form) -> Evaluation:
    """Save one person's evaluation; a second answer from the same person is refused."""
    if Evaluation.objects.filter(meeting=meeting, user=actor).exists():
        raise ValidationError(_("You have already answered the evaluation. Thank you!"))
    evaluation = form.save(commit=False)
    evaluation.meeting = meeting
    evaluation.user = actor
    evaluation.save()
    return evaluation


@transaction.atomic
def minutes_save(*, actor, meeting: Meeting, minutes: str, publish: bool) -> Meeting:
    """Save the minutes; published ones are shown on the meeting's and the forum's public pages."""
    before = snapshot(meeting)
    meeting.minutes = minutes.strip()
    if publish and not meeting.minutes:
        raise ValidationError(_("Write the minutes before you publish them."))
    first_publication = publish and meeting.minutes_published_at is None
    if first_publication:
        meeting.minutes_published_at = timezone.now()
    if not publish:
        meeting.minutes_published_at = None
    meeting.save(update_fields=["minutes", "minutes_published_at", "updated_at"])
    log_change(actor=actor, instance=meeting, action="meetings.minutes.saved", before=before)
    if first_publication:
        # The organisations hear back: those who took part and those who proposed topics.
        from samverkan.accounts.models import User

        users = User.objects.filter(
            Q(
                meeting_registrations__meeting=meeting,
                meeting_registrations__status=RegistrationStatus.REGISTERED,
            )
            | Q(pk__in=meeting.proposals.values("proposed_by"))
        ).distinct()
        _mail(
            meeting=meeting,
            kind=MailKind.MINUTES,
            users=users,
            subject=_("Minutes and answers: %(title)s") % {"title": meeting.engagement.title},
            intro=_(
                "The minutes of the meeting are published. On the meeting's page you also see "
                "what happened with each topic your organisation proposed."
            ),
        )
    return meeting


@transaction.atomic
def subscription_create(
    *, actor, consent: bool, forum=None, target_group=None, topic=None
) -> Subscription:
    """Put the actor on one mailing list, with their consent. A list they are on is refused."""
    if not consent:
        raise ValidationError(_("We can only send you mail if you agree to it. Tick the box."))
    if sum(x is not None for x in (forum, target_group, topic)) != 1:
        raise ValidationError(_("Choose one list: a forum, a target group or a topic."))
    lists = {"forum": forum, "target_group": target_group, "topic": topic}
    chosen = {name: value for name, value in lists.items() if value is not None}
    if Subscription.objects.filter(user=actor, **chosen).exists():
        raise ValidationError(
            _("You are already on the list for %(list)s.") % {"list": next(iter(chosen.values()))}
        )
    subscription = Subscription.objects.create(user=actor, consented_at=timezone.now(), **chosen)
    log_change(
        actor=actor,
        instance=subscription,
        action="meetings.subscription.created",
        changes={"list": [None, str(subscription)]},
    )
    return subscription


@transaction.atomic
def subscription_end(*, actor, subscription: Subscription) -> None:
    """Take the person off the list (from their page, or by the one-click link in a mail)."""
    log_change(
        actor=actor,
        instance=subscription,
        action="meetings.subscription.ended",
        changes={"list": [str(subscription), None]},
    )
    subscription.delete()
