from datetime import date, datetime, timedelta

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from samverkan.accounts.models import User
from samverkan.coordination.panel import before_you_invite as before_you_invite_panel
from samverkan.coordination.panel import for_engagement as panel_for_engagement
from samverkan.core.dates import day_start
from samverkan.core.filters import paginate
from samverkan.insights.selectors import triage_queue
from samverkan.register.services import audit_entries

from . import permissions, selectors, services
from .exports import engagement_export_response
from .forms import (
    CoHostProposalForm,
    EngagementFilterForm,
    EngagementForm,
    ForumForm,
    PlanningForm,
    ProposalAnswerForm,
)
from .ical import calendar_feed
from .models import CoHostProposal, Engagement, Forum, ProposalStatus


def _filtered_engagements(request, user=None):
    """The engagements `user` (the request's user by default) may see, filtered by request.GET."""
    form = EngagementFilterForm(request.GET)
    filters = form.filters()
    engagements = Engagement.objects.visible_to(user or request.user)
    if query := filters.get("q"):
        engagements = engagements.search(query)
    if host := filters.get("host"):
        engagements = engagements.hosted_by(host)
    if target_group := filters.get("target_group"):
        engagements = engagements.filter(target_groups=target_group)
    if topic := filters.get("topic"):
        engagements = engagements.filter(topics=topic)
    if organisation := filters.get("organisation"):
        engagements = engagements.involving(organisation)
    if status := filters.get("status"):
        engagements = engagements.filter(status=status)
    if start := filters.get("date_from"):
        engagements = engagements.filter(starts_at__gte=day_start(start))
    if end := filters.get("date_to"):
        engagements = engagements.filter(starts_at__lt=day_start(end + timedelta(days=1)))
    return form, engagements


def engagement_list(request):
    form, engagements = _filtered_engagements(request)
    page = paginate(request, engagements.order_by("-starts_at", "-pk"), rows=selectors.cards)
    context = {
        "form": form,
        "page": page,
        "can_create": permissions.can_create_engagement(request.user),
        "query_string": request.GET.urlencode(),
    }
    if request.htmx:
        return render(request, "engagements/engagement_list.html#results", context)
    return render(request, "engagements/engagement_list.html", context)


def engagement_export(request, fmt):
    _form, engagements = _filtered_engagements(request)
    return engagement_export_response(engagements, fmt)


def _get_engagement(request, pk) -> Engagement:
    """Load an engagement the user may see, or 404 (an unpublished one is not revealed)."""
    engagement = get_object_or_404(selectors.engagement_detail(Engagement.objects.all()), pk=pk)
    if not permissions.can_view_engagement(request.user, engagement):
        raise Http404
    return engagement


def engagement_detail(request, pk):
    engagement = _get_engagement(request, pk)
    user = request.user
    context = {
        "engagement": engagement,
        "can_edit": permissions.can_edit_engagement(user, engagement),
        "can_delete": permissions.can_delete_engagement(user, engagement),
    }
    if permissions.can_see_audit_log(user, engagement):
        context["audit_entries"] = audit_entries(engagement)[:30]
    if permissions.can_propose_co_host(user, engagement):
        context["proposal_form"] = CoHostProposalForm(engagement=engagement)
        context["proposals"] = engagement.co_host_proposals.select_related("host")
        context["panel"] = panel_for_engagement(engagement)
        context["can_propose"] = True
    return render(request, "engagements/engagement_detail.html", context)


@login_required
@require_http_methods(["POST"])
def before_you_invite(request):
    """The "before you invite" panel for the draft in the engagement form (htmx)."""
    if not permissions.can_create_engagement(request.user):
        raise PermissionDenied
    draft = PlanningForm(request.POST).filters()
    engagement = None
    if (pk := request.POST.get("engagement", "")).isdigit():
        engagement = Engagement.objects.prefetch_related("host_links").filter(pk=pk).first()
        if engagement is not None and not permissions.can_edit_engagement(request.user, engagement):
            raise PermissionDenied
    hosts = (
        [link.organisation_id for link in engagement.host_links.all()]
        if engagement
        else [request.user.organisation_id]
    )
    # A very long description is cut, not refused: the panel is advice, not a save.
    description = request.POST.get("description", "")[:20_000]
    panel = before_you_invite_panel(
        title=draft.get("title", ""),
        description=description,
        target_groups=draft.get("target_groups", []),
        topics=draft.get("topics", []),
        starts_at=draft.get("starts_at"),
        invited=draft.get("invited", []),
        hosts=hosts,
        engagement=engagement,
    )
    return render(
        request,
        "coordination/partials/before_you_invite.html",
        {"panel": panel, "engagement": engagement, "live": True},
    )


@login_required
@require_http_methods(["POST"])
def co_host_propose(request, pk):
    """Ask another agency to host this engagement jointly (from the page or a similar hit)."""
    engagement = _get_engagement(request, pk)
    if not permissions.can_propose_co_host(request.user, engagement):
        raise PermissionDenied
    form = CoHostProposalForm(request.POST, engagement=engagement)
    if form.is_valid():
        try:
            services.co_host_propose(
                actor=request.user,
                engagement=engagement,
                host=form.cleaned_data["host"],
                prompted_by=form.cleaned_data["prompted_by"],
                message=form.cleaned_data["message"],
            )
        except ValidationError as error:
            form.add_error("host", error)
        else:
            messages.success(
                request,
                _("We asked %(host)s. You will hear when they answer.")
                % {"host": form.cleaned_data["host"].name},
            )
            return redirect("engagements:engagement_detail", pk=engagement.pk)
    return render(
        request,
        "engagements/co_host_propose.html",
        {"form": form, "engagement": engagement},
        status=400,
    )


@login_required
def tasks(request):
    """What waits for the user's organisation: proposals to host jointly, and those it sent."""
    if not permissions.can_see_tasks(request.user):
        raise PermissionDenied
    organisation = request.user.organisation
    incoming = (
        CoHostProposal.objects.filter(host=organisation, status=ProposalStatus.PENDING)
        .select_related("engagement", "proposed_by", "prompted_by")
        .prefetch_related("engagement__host_links__organisation")
    )
    sent = (
        CoHostProposal.objects.filter(engagement__host_links__organisation=organisation)
        .select_related("engagement", "host")
        .order_by("-created_at")[:50]
    )
    answered = (
        CoHostProposal.objects.filter(host=organisation)
        .exclude(status=ProposalStatus.PENDING)
        .select_related("engagement")[:20]
    )
    can_answer = request.user.role == "agency_coordinator"
    return render(
        request,
        "engagements/tasks.html",
        {
            "incoming": [(p, ProposalAnswerForm(prefix=f"p{p.pk}")) for p in incoming],
            "sent": sent,
            "answered": answered,
            "can_answer": can_answer,
            "input_waiting": triage_queue(organisation.pk).count(),
        },
    )


@login_required
@require_http_methods(["POST"])
def proposal_answer(request, pk):
    proposal = get_object_or_404(CoHostProposal.objects.select_related("engagement", "host"), pk=pk)
    if not permissions.can_answer_proposal(request.user, proposal):
        raise PermissionDenied
    form = ProposalAnswerForm(request.POST, prefix=f"p{proposal.pk}")
    if form.is_valid():
        accept = form.cleaned_data["decision"] == "accept"
        services.co_host_answer(
            actor=request.user, proposal=proposal, accept=accept, reason=form.cleaned_data["reason"]
        )
        if accept:
            messages.success(request, _("You now host the activity jointly."))
            return redirect("engagements:engagement_detail", pk=proposal.engagement_id)
        messages.success(request, _("You declined. The other agency has been told why."))
        return redirect("engagements:tasks")
    return render(
        request,
        "engagements/tasks.html",
        {"incoming": [(proposal, form)], "sent": [], "answered": [], "can_answer": True},
        status=400,
    )


@login_required
@require_http_methods(["GET", "POST"])
def engagement_edit(request, pk=None):
    """Create an engagement (no pk) for the user's organisation, or edit one it hosts."""
    engagement = _get_engagement(request, pk) if pk else None
    if engagement:
        allowed = permissions.can_edit_engagement(request.user, engagement)
    else:
        allowed = permissions.can_create_engagement(request.user)
    if not allowed:
        raise PermissionDenied
    form = EngagementForm(request.POST or None, instance=engagement, host=request.user.organisation)
    if request.method == "POST" and form.is_valid():
        saved = services.engagement_save(actor=request.user, form=form)
        messages.success(
            request, _("Your changes were saved.") if engagement else _("The activity was created.")
        )
        return redirect("engagements:engagement_detail", pk=saved.pk)
    context = {"form": form, "engagement": engagement}
    if request.method == "GET" and engagement:
        context["panel"] = panel_for_engagement(engagement)
    return render(request, "engagements/engagement_form.html", context)


@login_required
@require_http_methods(["GET", "POST"])
def engagement_delete(request, pk):
    engagement = _get_engagement(request, pk)
    if not permissions.can_delete_engagement(request.user, engagement):
        raise PermissionDenied
    if request.method == "POST":
        services.engagement_delete(actor=request.user, engagement=engagement)
        messages.success(request, _("The activity was deleted."))
        return redirect("engagements:engagement_list")
    return render(request, "engagements/engagement_confirm_delete.html", {"engagement": engagement})


def forum_list(request):
    forums = selectors.forum_cards(Forum.objects.visible_to(request.user).order_by("name"))
    return render(
        request,
        "engagements/forum_list.html",
        {
            "page": paginate(request, forums, per_page=50),
            "can_create": permissions.can_create_forum(request.user),
        },
    )


def _get_forum(request, slug) -> Forum:
    forum = get_object_or_404(selectors.forum_cards(Forum.objects.all()), slug=slug)
    if not permissions.can_view_forum(request.user, forum):
        raise Http404
    return forum


def forum_detail(request, slug):
    forum = _get_forum(request, slug)
    user = request.user
    seats = forum.seats.current().select_related("organisation", "person")
    engagements = paginate(
        request,
        Engagement.objects.visible_to(user).filter(forum=forum).order_by("-starts_at", "-pk"),
        per_page=10,
        rows=selectors.cards,
    )
    context = {
        "forum": forum,
        "seats": seats,
        "can_see_people": user.is_authenticated,
        "engagements": engagements,
        "can_edit": permissions.can_edit_forum(user, forum),
    }
    if permissions.can_see_audit_log(user, forum):
        context["audit_entries"] = audit_entries(forum)[:30]
    return render(request, "engagements/forum_detail.html", context)


@login_required
@require_http_methods(["GET", "POST"])
def forum_edit(request, slug=None):
    """Create a forum (no slug) for the user's organisation, or edit one it hosts."""
    forum = _get_forum(request, slug) if slug else None
    if forum:
        allowed = permissions.can_edit_forum(request.user, forum)
    else:
        allowed = permissions.can_create_forum(request.user)
    if not allowed:
        raise PermissionDenied
    form = ForumForm(request.POST or None, instance=forum, host=request.user.organisation)
    if request.method == "POST" and form.is_valid():
        saved = services.forum_save(actor=request.user, form=form)
        messages.success(
            request, _("Your changes were saved.") if forum else _("The forum was created.")
        )
        return redirect("engagements:forum_detail", slug=saved.slug)
    return render(request, "engagements/forum_form.html", {"form": form, "forum": forum})


def _month(request) -> tuple[date, str | None]:
    """The month asked for in ?month=YYYY-MM, or this month with a message if it is not a month."""
    raw = request.GET.get("month", "")
    today = timezone.localdate()
    if not raw:
        return today.replace(day=1), None
    try:
        chosen = datetime.strptime(raw, "%Y-%m").date()
    except ValueError:
        return today.replace(day=1), _(
            "“%(value)s” is not a month. Showing this month instead."
        ) % {"value": raw[:20]}
    if not 1900 <= chosen.year <= 2200:
        return today.replace(day=1), _("That month is out of range. Showing this month instead.")
    return chosen, None


MAX_PER_DAY = 4


def calendar(request):
    month, month_error = _month(request)
    form, engagements = _filtered_engagements(request)
    next_month = (month + timedelta(days=32)).replace(day=1)
    prev_month = (month - timedelta(days=1)).replace(day=1)
    view = "list" if request.GET.get("view") == "list" else "month"
    params = request.GET.copy()
    params.pop("page", None)
    params.pop("month", None)
    context = {
        "form": form,
        "month": month,
        "month_error": month_error,
        "prev_month": prev_month,
        "next_month": next_month,
        "view": view,
        "filter_query": params.urlencode(),
        "hidden": [("month", month.strftime("%Y-%m")), ("view", view)],
    }
    if request.user.is_authenticated:
        context["personal_feed"] = reverse(
            "engagements:calendar_ics_personal", args=[request.user.get_feed_token()]
        )
    if view == "list":
        in_month = engagements.between(day_start(month), day_start(next_month))
        context["page"] = paginate(
            request, in_month.order_by("starts_at", "pk"), per_page=50, rows=selectors.cards
        )
    else:
        context["weeks"] = selectors.month_grid(engagements, month, per_day=MAX_PER_DAY)
        context["weekday_heads"] = selectors.WEEKDAY_HEADS
    return render(request, "engagements/calendar.html", context)


@login_required
def our_calendar(request):
    """The user's organisation's invitations and activities with every agency, in the calendar."""
    if not request.user.organisation_id:
        raise Http404
    organisation = request.user.organisation
    parameter = "host" if organisation.is_host_kind else "organisation"
    return redirect(reverse("engagements:calendar") + f"?view=list&{parameter}={organisation.slug}")


def calendar_ics(request, token=None):
    """The calendar feed for any filter: public, or a person's own through the secret in its address."""
    user = get_object_or_404(User, feed_token=token, is_active=True) if token else None
    _form, engagements = _filtered_engagements(request, user=user)
    today = timezone.localdate()
    window = engagements.between(
        day_start(today - timedelta(days=365)), day_start(today + timedelta(days=2 * 365))
    )
    body = calendar_feed(window, request=request)
    response = HttpResponse(body, content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = 'inline; filename="samverkan.ics"'
    return response
