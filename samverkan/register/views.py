from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from samverkan.core.filters import paginate, requested_rows
from samverkan.core.prepared import PreparedGet, gather
from samverkan.engagements.models import Engagement, Forum
from samverkan.engagements.selectors import cards, cards_by_id

from . import permissions, selectors, services
from .exports import organisation_export_response
from .forms import OrganisationFilterForm, OrganisationForm
from .models import Organisation


def _filtered_organisations(request):
    form = OrganisationFilterForm(request.GET)
    filters = form.filters()
    organisations = Organisation.objects.all()
    if query := filters.get("q"):
        organisations = organisations.search(query)
    if kind := filters.get("kind"):
        organisations = organisations.filter(kind=kind)
    if target_group := filters.get("target_group"):
        organisations = organisations.filter(target_groups=target_group)
    if topic := filters.get("topic"):
        organisations = organisations.filter(topics=topic)
    if host := filters.get("consulted_by"):
        organisations = organisations.consulted_by(host)
    return form, organisations.order_by("name")


def organisation_list(request):
    form, organisations = _filtered_organisations(request)
    page = paginate(request, organisations, rows=selectors.organisation_rows)
    context = {
        "form": form,
        "page": page,
        "can_create": permissions.can_create_organisation(request.user),
        "query_string": request.GET.urlencode(),
    }
    if request.htmx:
        return render(request, "register/organisation_list.html#results", context)
    return render(request, "register/organisation_list.html", context)


def organisation_export(request, fmt):
    _form, organisations = _filtered_organisations(request)
    return organisation_export_response(organisations, fmt)


def host_list(request):
    hosts = Organisation.objects.hosts().order_by("kind", "name")
    page = paginate(request, hosts, per_page=50, rows=selectors.organisation_rows)
    return render(request, "register/host_list.html", {"page": page})


# The organisation page names the hosts that engage it most; the rest are a click away.
TOP_HOSTS = 15
ACTIVITIES_PER_PAGE = 10


# The organisation page's first read, compiled once (core.prepared).
_BY_SLUG = PreparedGet(Organisation, "slug")


def organisation_detail(request, slug):
    organisation = _BY_SLUG.get(slug)
    if organisation is None:
        raise Http404
    user = request.user
    context = {
        "organisation": organisation,
        "can_edit": permissions.can_edit_organisation(user, organisation),
        "can_see_people": permissions.can_see_people(user),
        "can_see_contact_details": permissions.can_see_contact_details(user),
    }
    if context["can_see_people"]:
        context["affiliations"] = selectors.current_affiliations(organisation)
    if permissions.can_see_audit_log(user, organisation):
        context["audit_entries"] = services.audit_entries(organisation)[:20]
    if organisation.is_host_kind:
        profile = selectors.profile(organisation)
        context["forums"] = (
            Forum.objects.visible_to(user).hosted_by(organisation).only("name", "slug", "kind")
        )
        visible_engagements = Engagement.objects.visible_to(user)
        context["engagements"] = paginate(
            request,
            visible_engagements.hosted_by(organisation).order_by("-starts_at", "-pk"),
            per_page=10,
            rows=cards,
        )
        context["consulted"] = selectors.consulted_by(organisation, visible_engagements)
        template = "register/host_detail.html"
    else:
        # Everything but the cards' details waits only for the organisation: one round trip.
        profile, context["relations"], context["seats"], activities = gather(
            selectors.profile_reading(organisation),
            selectors.HostRelations(organisation, viewer=user).reading(slice(0, TOP_HOSTS)),
            selectors.seats_reading(organisation, viewer=user),
            selectors.Activities(organisation, viewer=user).page_reading(
                requested_rows(request, ACTIVITIES_PER_PAGE)
            ),
        )
        context["top_hosts"] = TOP_HOSTS
        context["engagements"] = paginate(
            request, activities, per_page=ACTIVITIES_PER_PAGE, rows=cards_by_id
        )
        template = "register/organisation_detail.html"
    context.update(
        members=profile.members,
        umbrellas=profile.umbrellas,
        target_groups=profile.target_groups,
        topics=profile.topics,
    )
    return render(request, template, context)


def organisation_hosts(request, slug):
    """Every host that engages a civil-society organisation, most engagements first."""
    organisation = get_object_or_404(Organisation.objects.civil_society(), slug=slug)
    relations = selectors.HostRelations(organisation, viewer=request.user)
    return render(
        request,
        "register/organisation_hosts.html",
        {"organisation": organisation, "page": paginate(request, relations, per_page=50)},
    )


@login_required
@require_http_methods(["GET", "POST"])
def organisation_edit(request, slug=None):
    """Add an organisation (no slug) or edit one the user may edit."""
    organisation = get_object_or_404(Organisation, slug=slug) if slug else None
    if organisation:
        allowed = permissions.can_edit_organisation(request.user, organisation)
    else:
        allowed = permissions.can_create_organisation(request.user)
    if not allowed:
        raise PermissionDenied
    form = OrganisationForm(request.POST or None, instance=organisation)
    if request.method == "POST" and form.is_valid():
        saved = services.organisation_save(actor=request.user, form=form)
        messages.success(
            request,
            _("Your changes were saved.") if organisation else _("The organisation was added."),
        )
        return redirect("register:organisation_detail", slug=saved.slug)
    return render(
        request, "register/organisation_form.html", {"form": form, "organisation": organisation}
    )
