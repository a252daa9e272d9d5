from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from samverkan.core.documents import DOCX_TYPE
from samverkan.core.filters import paginate
from samverkan.core.models import AuditEntry
from samverkan.engagements.models import Engagement
from samverkan.engagements.permissions import can_view_engagement

from . import permissions, selectors, services
from .annual_report import annual_report_data, annual_report_docx
from .forms import (
    AgendaItemForm,
    AppointForm,
    CommitteeForm,
    EvaluationForm,
    MeetingForm,
    MinutesForm,
    ProposalAnswerForm,
    ProposalForm,
    RegistrationForm,
    SubscriptionForm,
)
from .models import Meeting, ProposalStatus, RegistrationStatus, Subscription


def _get_meeting(request, pk) -> Meeting:
    """Load the meeting of an activity the user may see, or 404."""
    meeting = selectors.meeting_for(pk)
    if meeting is None or not permissions.can_view_meeting(request.user, meeting):
        raise Http404
    return meeting


def _check(allowed: bool) -> None:
    if not allowed:
        raise PermissionDenied


def _errors(error: ValidationError) -> list[str]:
    return list(error.messages)


def meeting_detail(request, pk):
    meeting = selectors.meeting_for(pk)
    if meeting is None:
        engagement = get_object_or_404(Engagement.objects.prefetch_related("host_links"), pk=pk)
        if permissions.can_set_up_meeting(request.user, engagement):
            return redirect("meetings:meeting_setup", pk=pk)
        raise Http404
    if not permissions.can_view_meeting(request.user, meeting):
        raise Http404
    user = request.user
    context = {
        "meeting": meeting,
        "engagement": meeting.engagement,
        "agenda": selectors.agenda(meeting),
        "counts": selectors.counts(meeting),
        "can_edit": permissions.can_set_up_meeting(user, meeting.engagement),
        "can_review": permissions.can_review_proposals(user, meeting),
        "can_propose": permissions.can_propose_topic(user, meeting),
        "can_register": permissions.can_register(user, meeting),
        "can_appoint": permissions.can_appoint_representative(user, meeting),
        "waits_to_be_appointed": permissions.waits_to_be_appointed(user, meeting),
        "registration": selectors.registration_of(user, meeting),
        "can_evaluate": permissions.can_evaluate(user, meeting),
        "can_see_results": permissions.can_view_evaluation_results(user, meeting),
    }
    if context["can_propose"]:
        context["own_proposals"] = selectors.proposals_of(user.organisation_id, meeting)
    if context["can_edit"]:
        context["audit_entries"] = AuditEntry.objects.for_object(meeting)[:30]
    return render(request, "meetings/meeting_detail.html", context)


@login_required
@require_http_methods(["GET", "POST"])
def meeting_setup(request, pk):
    engagement = get_object_or_404(
        Engagement.objects.prefetch_related("host_links", "invitations"), pk=pk
    )
    if not can_view_engagement(request.user, engagement):
        raise Http404
    _check(permissions.can_set_up_meeting(request.user, engagement))
    instance = Meeting.objects.filter(engagement=engagement).first() or Meeting(
        engagement=engagement
    )
    form = MeetingForm(request.POST or None, instance=instance)
    if request.method == "POST" and form.is_valid():
        services.meeting_save(actor=request.user, form=form)
        messages.success(request, _("The meeting was saved."))
        return redirect("meetings:meeting_detail", pk=pk)
    status = 400 if form.is_bound and form.errors else 200
    return render(
        request,
        "meetings/meeting_form.html",
        {"form": form, "engagement": engagement},
        status=status,
    )


@login_required
@require_http_methods(["GET", "POST"])
def committee_edit(request, pk):
    meeting = _get_meeting(request, pk)
    _check(permissions.can_set_committee(request.user, meeting))
    form = CommitteeForm(request.POST or None, meeting=meeting)
    if request.method == "POST" and form.is_valid():
        try:
            services.committee_set(
                actor=request.user, meeting=meeting, members=form.cleaned_data["members"]
            )
        except ValidationError as error:
            for message in _errors(error):
                form.add_error("members", message)
        else:
            messages.success(request, _("The programme committee was saved."))
            return redirect("meetings:meeting_detail", pk=pk)
    status = 400 if form.is_bound and form.errors else 200
    return render(
        request, "meetings/committee_form.html", {"form": form, "meeting": meeting}, status=status
    )


@login_required
@require_http_methods(["GET", "POST"])
def proposal_create(request, pk):
    meeting = _get_meeting(request, pk)
    _check(permissions.can_propose_topic(request.user, meeting))
    form = ProposalForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.proposal_submit(
                actor=request.user,
                meeting=meeting,
                title=form.cleaned_data["title"],
                text=form.cleaned_data["text"],
            )
        except ValidationError as error:
            for message in _errors(error):
                form.add_error(None, message)
        else:
            messages.success(
                request, _("Thank you. Your proposal was sent to the programme committee.")
            )
            return redirect("meetings:meeting_detail", pk=pk)
    status = 400 if form.is_bound and form.errors else 200
    return render(
        request, "meetings/proposal_form.html", {"form": form, "meeting": meeting}, status=status
    )


def _answer(proposal) -> dict:
    if proposal.status == ProposalStatus.SUBMITTED:
        return {}
    return {
        "status": proposal.status,
        "agenda_item": proposal.agenda_item_id,
        "feedback": proposal.feedback,
    }


def _programme(request, meeting, *, item_form=None, answer_forms=None, status=200):
    agenda = list(selectors.agenda(meeting))
    page = paginate(request, selectors.proposals_for_review(meeting))
    answer_forms = answer_forms or {}
    rows = [
        (
            p,
            answer_forms.get(p.pk)
            or ProposalAnswerForm(proposal=p, agenda=agenda, initial=_answer(p)),
        )
        for p in page.object_list
    ]
    context = {
        "meeting": meeting,
        "engagement": meeting.engagement,
        "agenda": agenda,
        "rows": rows,
        "page": page,
        "item_form": item_form or AgendaItemForm(),
    }
    return render(request, "meetings/programme.html", context, status=status)


@login_required
def programme(request, pk):
    """The committee's page: every proposal, the answer to each, and the agenda."""
    meeting = _get_meeting(request, pk)
    _check(permissions.can_review_proposals(request.user, meeting))
    return _programme(request, meeting)


@login_required
@require_http_methods(["POST"])
def agenda_item_add(request, pk):
    meeting = _get_meeting(request, pk)
    _check(permissions.can_edit_agenda(request.user, meeting))
    form = AgendaItemForm(request.POST)
    if form.is_valid():
        try:
            services.agenda_item_add(
                actor=request.user,
                meeting=meeting,
                title=form.cleaned_data["title"],
                description=form.cleaned_data["description"],
            )
        except ValidationError as error:
            for message in _errors(error):
                form.add_error("title", message)
        else:
            messages.success(request, _("The item was added to the agenda."))
            return redirect("meetings:programme", pk=pk)
    return _programme(request, meeting, item_form=form, status=400)


@login_required
@require_http_methods(["POST"])
def proposal_answer(request, pk, proposal):
    meeting = _get_meeting(request, pk)
    _check(permissions.can_review_proposals(request.user, meeting))
    proposal = get_object_or_404(meeting.proposals, pk=proposal)
    form = ProposalAnswerForm(
        request.POST, proposal=proposal, agenda=list(meeting.agenda_items.all())
    )
    if form.is_valid():
        try:
            services.proposal_answer(
                actor=request.user,
                proposal=proposal,
                status=form.cleaned_data["status"],
                feedback=form.cleaned_data["feedback"],
                agenda_item=form.cleaned_data["agenda_item"],
            )
        except ValidationError as error:
            for message in _errors(error):
                form.add_error(None, message)
        else:
            messages.success(
                request, _("The answer to “%(title)s” was saved.") % {"title": proposal.title}
            )
            return redirect("meetings:programme", pk=pk)
    return _programme(request, meeting, answer_forms={proposal.pk: form}, status=400)


@login_required
@require_http_methods(["POST"])
def agenda_item_move(request, pk, item):
    """Move up / Move down: plain buttons, so the order is set by keyboard, without JavaScript."""
    meeting = _get_meeting(request, pk)
    _check(permissions.can_edit_agenda(request.user, meeting))
    item = get_object_or_404(meeting.agenda_items, pk=item)
    services.agenda_item_move(
        actor=request.user, item=item, up=request.POST.get("direction") == "up"
    )
    messages.success(request, _("“%(title)s” was moved.") % {"title": item.title})
    return redirect(reverse("meetings:programme", args=[pk]) + f"#agenda-item-{item.pk}")


@login_required
@require_http_methods(["GET", "POST"])
def registration(request, pk):
    meeting = _get_meeting(request, pk)
    current = selectors.registration_of(request.user, meeting)
    if current:
        _check(permissions.can_change_registration(request.user, current))
    else:
        _check(permissions.can_register(request.user, meeting))
    initial = {}
    needs = getattr(current, "access_needs", None) if current else None
    if current:
        initial = {"attendance": current.attendance}
        if needs:
            initial.update(needs=needs.needs, details=needs.details, consent=True)
    form = RegistrationForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            if current:
                services.registration_change(
                    actor=request.user,
                    registration=current,
                    attendance=data["attendance"],
                    needs=data["needs"],
                    details=data["details"],
                )
                messages.success(request, _("Your registration was changed."))
            else:
                created = services.registration_create(
                    actor=request.user,
                    meeting=meeting,
                    attendance=data["attendance"],
                    needs=data["needs"],
                    details=data["details"],
                    consent=data["consent"],
                )
                if created.status == RegistrationStatus.WAITING:
                    messages.warning(
                        request,
                        _(
                            "The meeting is full. You are on the waiting list and get a mail if a seat becomes free."
                        ),
                    )
                else:
                    messages.success(
                        request, _("You are registered. A confirmation is on its way by mail.")
                    )
        except ValidationError as error:
            for message in _errors(error):
                form.add_error(None, message)
        else:
            return redirect("meetings:registration", pk=pk)
    status = 400 if form.is_bound and form.errors else 200
    context = {"form": form, "meeting": meeting, "registration": current, "needs": needs}
    return render(request, "meetings/registration.html", context, status=status)


@login_required
@require_http_methods(["POST"])
def registration_cancel(request, pk):
    meeting = _get_meeting(request, pk)
    current = selectors.registration_of(request.user, meeting)
    if current is None:
        messages.info(request, _("You were not registered."))
        return redirect("meetings:meeting_detail", pk=pk)
    _check(permissions.can_cancel_registration(request.user, current))
    services.registration_cancel(actor=request.user, registration=current)
    messages.success(request, _("Your registration was cancelled."))
    return redirect("meetings:meeting_detail", pk=pk)


@login_required
@require_http_methods(["POST"])
def access_needs_erase(request, pk):
    meeting = _get_meeting(request, pk)
    current = selectors.registration_of(request.user, meeting)
    if current is None:
        raise Http404
    _check(permissions.can_erase_access_needs(request.user, current))
    services.access_needs_erase(actor=request.user, registration=current)
    messages.success(request, _("Your access needs were erased."))
    return redirect("meetings:registration", pk=pk)


@login_required
def participants(request, pk):
    """The organisers' list: who is registered or waiting, their access needs, the mail sent."""
    meeting = _get_meeting(request, pk)
    _check(permissions.can_view_registrations(request.user, meeting))
    context = {
        "meeting": meeting,
        "engagement": meeting.engagement,
        "page": paginate(request, selectors.registrations(meeting)),
        "mails": Paginator(selectors.mails(meeting), 25).get_page(request.GET.get("mail_page")),
        "counts": selectors.counts(meeting),
    }
    return render(request, "meetings/participants.html", context)


@login_required
@require_http_methods(["POST"])
def participant_cancel(request, pk, registration):
    meeting = _get_meeting(request, pk)
    registration = get_object_or_404(meeting.registrations.active(), pk=registration)
    _check(permissions.can_cancel_registration(request.user, registration))
    services.registration_cancel(actor=request.user, registration=registration)
    messages.success(request, _("The registration was cancelled."))
    return redirect("meetings:participants", pk=pk)


@login_required
@require_http_methods(["POST"])
def invite(request, pk):
    meeting = _get_meeting(request, pk)
    _check(permissions.can_send_invitations(request.user, meeting))
    count = services.meeting_invite(actor=request.user, meeting=meeting)
    messages.success(request, _("The invitation was sent to %(count)d people.") % {"count": count})
    return redirect("meetings:participants", pk=pk)


@login_required
@require_http_methods(["GET", "POST"])
def attendance(request, pk):
    """The attendance list: one checkbox per registered person, a page at a time."""
    meeting = _get_meeting(request, pk)
    _check(permissions.can_take_attendance(request.user, meeting))
    page = paginate(request, selectors.attendance_rows(meeting))
    if request.method == "POST":
        try:
            listed = [int(v) for v in request.POST.getlist("listed")]
            present = [int(v) for v in request.POST.getlist("present")]
        except ValueError:
            raise PermissionDenied from None  # a tampered form, not a person's mistake
        services.attendance_record(
            actor=request.user, meeting=meeting, listed=listed, present=present
        )
        messages.success(request, _("The attendance was saved."))
        return redirect(request.get_full_path())
    context = {"meeting": meeting, "engagement": meeting.engagement, "page": page}
    return render(request, "meetings/attendance.html", context)


@login_required
@require_http_methods(["GET", "POST"])
def evaluation(request, pk):
    meeting = _get_meeting(request, pk)
    _check(permissions.can_evaluate(request.user, meeting))
    answered = meeting.evaluations.filter(user=request.user).exists()
    form = EvaluationForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.evaluation_submit(actor=request.user, meeting=meeting, form=form)
        except ValidationError as error:
            for message in _errors(error):
                form.add_error(None, message)
        else:
            messages.success(request, _("Thank you for your answers."))
            return redirect("meetings:meeting_detail", pk=pk)
    status = 400 if form.is_bound and form.errors else 200
    context = {"meeting": meeting, "engagement": meeting.engagement, "form": form}
    context["answered"] = answered
    return render(request, "meetings/evaluation.html", context, status=status)


@login_required
def evaluation_results(request, pk):
    meeting = _get_meeting(request, pk)
    _check(permissions.can_view_evaluation_results(request.user, meeting))
    summary = selectors.evaluation_summary(meeting)
    context = {
        "meeting": meeting,
        "engagement": meeting.engagement,
        "summary": summary,
        "comments": paginate(request, summary["comments"]),
    }
    return render(request, "meetings/evaluation_results.html", context)


@login_required
@require_http_methods(["GET", "POST"])
def minutes(request, pk):
    meeting = _get_meeting(request, pk)
    _check(permissions.can_edit_minutes(request.user, meeting))
    initial = {"minutes": meeting.minutes, "publish": meeting.minutes_published_at is not None}
    form = MinutesForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            services.minutes_save(
                actor=request.user,
                meeting=meeting,
                minutes=form.cleaned_data["minutes"],
                publish=form.cleaned_data["publish"],
            )
        except ValidationError as error:
            for message in _errors(error):
                form.add_error("minutes", message)
        else:
            messages.success(request, _("The minutes were saved."))
            return redirect("meetings:meeting_detail", pk=pk)
    status = 400 if form.is_bound and form.errors else 200
    return render(
        request,
        "meetings/minutes_form.html",
        {"meeting": meeting, "engagement": meeting.engagement, "form": form},
        status=status,
    )


@login_required
@require_http_methods(["GET", "POST"])
def subscriptions(request):
    """The person's mailing lists: join one (with consent), see and leave the ones they are on."""
    _check(permissions.can_subscribe(request.user))
    initial = {"forum": request.GET.get("forum")} if request.GET.get("forum", "").isdigit() else {}
    form = SubscriptionForm(request.POST or None, user=request.user, initial=initial)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            services.subscription_create(
                actor=request.user,
                consent=data["consent"],
                forum=data["forum"],
                target_group=data["target_group"],
                topic=data["topic"],
            )
        except ValidationError as error:
            for message in _errors(error):
                form.add_error(None, message)
        else:
            messages.success(request, _("You are on the list."))
            return redirect("meetings:subscriptions")
    own = request.user.subscriptions.select_related("forum", "target_group", "topic")
    context = {"form": form, "page": paginate(request, own)}
    status = 400 if form.is_bound and form.errors else 200
    return render(request, "meetings/subscriptions.html", context, status=status)


@login_required
@require_http_methods(["POST"])
def subscription_end(request, subscription):
    subscription = get_object_or_404(request.user.subscriptions, pk=subscription)
    services.subscription_end(actor=request.user, subscription=subscription)
    messages.success(request, _("You have left the list for %(list)s.") % {"list": subscription})
    return redirect("meetings:subscriptions")


@require_http_methods(["GET", "POST"])
def unsubscribe(request, token):
    """The link in every mail: one button, no login. GET only shows it, so that a mail program
    that opens links in advance does not take anyone off a list."""
    subscription = (
        Subscription.objects.select_related("forum", "target_group", "topic")
        .filter(token=token)
        .first()
    )
    if request.method == "POST" and subscription is not None:
        services.subscription_end(actor=request.user, subscription=subscription)
        return render(request, "meetings/unsubscribe.html", {"done": True, "list": subscription})
    return render(request, "meetings/unsubscribe.html", {"subscription": subscription})


@login_required
def annual_report(request, slug):
    """The forum's annual report for ?year= as a Word document."""
    from samverkan.engagements.models import Forum

    forum = get_object_or_404(Forum.objects.prefetch_related("host_links__organisation"), slug=slug)
    _check(permissions.can_export_annual_report(request.user, forum))
    year = request.GET.get("year", "")
    if not (year.isdigit() and 2000 <= int(year) <= 2100):
        messages.error(request, _("Give the year as four digits, for example 2026."))
        return redirect("engagements:forum_detail", slug=slug)
    report = annual_report_data(forum, int(year))
    # Translators: the file name of the downloaded annual report, without spaces.
    name = _("annual-report")
    return FileResponse(
        annual_report_docx(report),
        as_attachment=True,
        filename=f"{name}-{forum.slug}-{year}.docx",
        content_type=DOCX_TYPE,
    )


@login_required
@require_http_methods(["GET", "POST"])
def appoint(request, pk):
    """The organisation's administrator registers the representative it appoints."""
    meeting = _get_meeting(request, pk)
    _check(permissions.can_appoint_representative(request.user, meeting))
    form = AppointForm(request.POST or None, organisation_id=request.user.organisation_id)
    if request.method == "POST" and form.is_valid():
        person = form.cleaned_data["person"]
        try:
            created = services.registration_create(
                actor=request.user,
                meeting=meeting,
                person=person,
                attendance=form.cleaned_data["attendance"],
                needs=[],
            )
        except ValidationError as error:
            for message in _errors(error):
                form.add_error(None, message)
        else:
            name = person.get_full_name() or person.email
            if created.status == RegistrationStatus.WAITING:
                messages.warning(
                    request,
                    _("The meeting is full: %(name)s is on the waiting list.") % {"name": name},
                )
            else:
                messages.success(request, _("%(name)s is registered.") % {"name": name})
            return redirect("meetings:meeting_detail", pk=pk)
    status = 400 if form.is_bound and form.errors else 200
    return render(
        request,
        "meetings/appoint_form.html",
        {"form": form, "meeting": meeting, "engagement": meeting.engagement},
        status=status,
    )
