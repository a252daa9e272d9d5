import secrets

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from samverkan.accounts.roles import Role
from samverkan.core.charts import bar_chart
from samverkan.core.documents import DOCX_TYPE
from samverkan.core.filters import paginate
from samverkan.engagements.models import Engagement
from samverkan.engagements.permissions import can_view_engagement

from . import documents, permissions, report, selectors, services
from .forms import (
    EXTRA_ROWS,
    MAX_ROWS,
    AnalysisFilterForm,
    ImportConfirmForm,
    ImportUploadForm,
    InputRowFormSet,
    TriageFilterForm,
    TriageForm,
    organisation_choices,
    target_group_choices,
    topic_choices,
)
from .imports import ImportFileError, check_rows, read_table
from .models import GroupingRun, text_key
from .report import CountRow
from .services import ItemData
from .template import import_template_response

# The checked rows of an import wait here between the preview and the confirmation.
SESSION_KEY = "insights.import.{pk}"
PREVIEW_ROWS = 50


def _get_engagement(request, pk) -> Engagement:
    """Load an engagement the user may see, or 404 (an unpublished one is not revealed)."""
    engagement = get_object_or_404(
        Engagement.objects.prefetch_related("host_links", "invitations"), pk=pk
    )
    if not can_view_engagement(request.user, engagement):
        raise Http404
    return engagement


def _get_engagement_to_record(request, pk) -> Engagement:
    engagement = _get_engagement(request, pk)
    if not permissions.can_record_input(request.user, engagement):
        raise PermissionDenied
    return engagement


@login_required
def input_list(request, pk):
    engagement = _get_engagement(request, pk)
    if not permissions.can_view_input_list(request.user, engagement):
        raise PermissionDenied
    items = selectors.input_items_visible_to(request.user, engagement)
    page = paginate(request, items)
    for item in page.object_list:
        item.can_respond = any(
            permissions.can_triage(request.user, addressee) for addressee in item.addressees.all()
        )
    context = {
        "engagement": engagement,
        "page": page,
        "can_record": permissions.can_record_input(request.user, engagement),
        "sees_all": Role.of(request.user).is_public_body,
    }
    return render(request, "insights/input_list.html", context)


@login_required
@require_http_methods(["GET", "POST"])
def input_record(request, pk):
    """Record many items at once. "Add more rows" resubmits the form with more empty rows, so it
    works without JavaScript; saving writes every filled-in row or, on any error, none."""
    engagement = _get_engagement_to_record(request, pk)
    form_kwargs = {
        "organisations": organisation_choices(engagement),
        "target_groups": target_group_choices(),
        "topics": topic_choices(),
    }
    if request.method == "POST" and "add_rows" in request.POST:
        bound = InputRowFormSet(request.POST, form_kwargs=form_kwargs)
        if not bound.management_form.is_valid():
            raise PermissionDenied  # a tampered form, not a person's mistake
        initial = [{name: form[name].value() for name in form.fields} for form in bound.forms]
        formset = InputRowFormSet(initial=initial, form_kwargs=form_kwargs)
        formset.extra = min(len(initial) + EXTRA_ROWS, MAX_ROWS)
    elif request.method == "POST":
        formset = InputRowFormSet(request.POST, form_kwargs=form_kwargs)
        if formset.is_valid():
            count = services.input_items_create(
                actor=request.user,
                engagement=engagement,
                items=formset.items(),
                action="insights.input_items.recorded",
            )
            messages.success(request, _("%(count)s items were saved.") % {"count": count})
            return redirect("insights:input_list", pk=engagement.pk)
    else:
        formset = InputRowFormSet(form_kwargs=form_kwargs)
    status = 400 if formset.is_bound and not formset.is_valid() else 200
    return render(
        request,
        "insights/input_record.html",
        {
            "engagement": engagement,
            "formset": formset,
            "can_add_rows": formset.total_form_count() < MAX_ROWS,
        },
        status=status,
    )


@login_required
@require_http_methods(["GET", "POST"])
def input_import(request, pk):
    """Upload a file and see the preview. Nothing is written here: valid rows wait in the
    session until the user confirms."""
    engagement = _get_engagement_to_record(request, pk)
    if request.method == "POST":
        form = ImportUploadForm(request.POST, request.FILES)
    else:
        form = ImportUploadForm()
    context = {"engagement": engagement, "form": form}
    if request.method == "POST" and form.is_valid():
        try:
            checked = check_rows(engagement, read_table(form.cleaned_data["file"]))
        except ImportFileError as error:
            form.add_error("file", str(error))
        else:
            context.update(checked=checked, filename=form.cleaned_data["file"].name)
            if checked.is_valid:
                token = secrets.token_urlsafe(16)
                request.session[SESSION_KEY.format(pk=engagement.pk)] = {
                    "token": token,
                    "filename": form.cleaned_data["file"].name,
                    "rows": [
                        [row.number, bool(row.duplicate_of), row.item.__dict__]
                        for row in checked.rows
                    ],
                }
                context["confirm_form"] = ImportConfirmForm(initial={"token": token})
                context["preview_rows"] = checked.rows[:PREVIEW_ROWS]
                return render(request, "insights/input_import_preview.html", context)
            return render(request, "insights/input_import_preview.html", context, status=400)
    status = 400 if form.is_bound and form.errors else 200
    return render(request, "insights/input_import.html", context, status=status)


@login_required
@require_http_methods(["POST"])
def input_import_confirm(request, pk):
    """Write the previewed rows in one transaction."""
    engagement = _get_engagement_to_record(request, pk)
    key = SESSION_KEY.format(pk=engagement.pk)
    stored = request.session.get(key)
    form = ImportConfirmForm(request.POST)
    if not stored or not form.is_valid() or form.cleaned_data["token"] != stored["token"]:
        messages.error(
            request, _("The preview is no longer available. Upload the file again, please.")
        )
        return redirect("insights:input_import", pk=engagement.pk)
    include_duplicates = form.cleaned_data["include_duplicates"]
    items = [
        ItemData(**data)
        for _number, duplicate, data in stored["rows"]
        if include_duplicates or not duplicate
    ]
    if not include_duplicates:
        # Items recorded since the preview are duplicates too.
        recorded = selectors.recorded_text_keys(engagement, {text_key(item.text) for item in items})
        items = [item for item in items if text_key(item.text) not in recorded]
    count = services.input_items_create(
        actor=request.user,
        engagement=engagement,
        items=items,
        action="insights.input_items.imported",
    )
    del request.session[key]
    messages.success(
        request,
        _("%(count)s items were imported from %(file)s.")
        % {"count": count, "file": stored["filename"]},
    )
    return redirect("insights:input_list", pk=engagement.pk)


@login_required
def input_import_template(request, pk):
    _get_engagement_to_record(request, pk)
    return import_template_response()


def _next_url(request, default: str) -> str:
    """Where to go after a triage step: back to the list it came from, if that is our own page."""
    target = request.POST.get("next") or request.GET.get("next") or ""
    if url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return target
    return default


@login_required
@require_http_methods(["GET", "POST"])
def input_item(request, pk):
    """One item with each host's status and history. The organisation that raised it reads it
    here; an addressed host's staff also get the form to move it on (a plain POST)."""
    item = selectors.item_with_history(pk)
    if item is None or not can_view_engagement(request.user, item.engagement):
        raise Http404
    if not permissions.can_view_input_item(request.user, item):
        raise PermissionDenied
    mine = next((a for a in item.addressees.all() if permissions.can_triage(request.user, a)), None)
    if request.method == "POST" and mine is None:
        raise PermissionDenied
    data = request.POST if request.method == "POST" else None
    form = TriageForm(data, addressee=mine) if mine else None
    if request.method == "POST" and form.is_valid():
        try:
            services.addressee_triage(
                actor=request.user,
                addressee=mine,
                status=form.cleaned_data["status"],
                response=form.cleaned_data["response"],
                referred_to=form.cleaned_data["referred_to"],
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(
                request,
                _("Saved. The organisation that raised the item is told.")
                if item.organisation_id
                else _("Saved."),
            )
            default = reverse("insights:input_item", args=[item.pk])
            return redirect(_next_url(request, default))
    context = {
        "item": item,
        "engagement": item.engagement,
        "mine": mine,
        "form": form,
        "next": _next_url(request, ""),
    }
    status = 400 if form is not None and form.is_bound and form.errors else 200
    return render(request, "insights/input_item.html", context, status=status)


@login_required
def triage_queue(request):
    """The items addressed to the user's agency, region or municipality that wait for it."""
    if not permissions.can_see_triage_queue(request.user):
        raise PermissionDenied
    form = TriageFilterForm(request.GET)
    status = form.filters().get("status")
    rows = selectors.triage_queue(request.user.organisation_id, status)
    context = {"form": form, "page": paginate(request, rows)}
    if request.htmx:
        return render(request, "insights/triage_queue.html#results", context)
    return render(request, "insights/triage_queue.html", context)


@login_required
def our_input(request):
    """Everything the user's organisation raised, with each host's status and response."""
    if not permissions.can_view_our_input(request.user):
        raise PermissionDenied
    items = selectors.our_input(request.user.organisation_id)
    return render(request, "insights/our_input.html", {"page": paginate(request, items)})


def engagement_feedback(request, pk):
    """ "We asked – you said – we did": public, for published engagements; names nobody."""
    engagement = get_object_or_404(
        Engagement.objects.prefetch_related("host_links__organisation", "target_groups"), pk=pk
    )
    if not permissions.can_view_feedback_page(request.user, engagement):
        raise Http404
    items = selectors.feedback_items(engagement)
    return render(
        request,
        "insights/engagement_feedback.html",
        {"engagement": engagement, "page": paginate(request, items, per_page=50)},
    )


# The joint needs analysis ---------------------------------------------------------------------


def _analysis_filters(request):
    """Check access, then read the filters in the query string (bad values left out)."""
    if not permissions.can_see_needs_analysis(request.user):
        raise PermissionDenied
    form = AnalysisFilterForm(request.GET)
    return form, form.analysis_filters()


def _charts(analysis) -> dict:
    def described(count_rows, chart_id, title, what):
        rows = [(row.label, row.count) for row in count_rows]
        busiest = max(rows, key=lambda row: row[1], default=None)
        description = _(
            "Bar chart of input items %(what)s. The most: %(label)s, %(count)s. "
            "The same figures are in the table below the chart."
        ) % {
            "what": what,
            "label": busiest[0] if busiest else "",
            "count": busiest[1] if busiest else 0,
        }
        return bar_chart(chart_id, title, description, rows)

    over = analysis.over_time
    time_rows = [CountRow(report.bucket_label(over, row.bucket), row.total) for row in over.rows]
    return {
        "kinds": described(analysis.kinds, "chart-kinds", _("Input items by kind"), _("by kind")),
        "time": described(
            time_rows,
            "chart-time",
            _("Input items per quarter") if over.per == "quarter" else _("Input items per month"),
            _("per quarter") if over.per == "quarter" else _("per month"),
        ),
        "target_groups": described(
            analysis.target_groups,
            "chart-target-groups",
            _("Input items by target group"),
            _("by target group"),
        ),
        "topics": described(
            analysis.topics, "chart-topics", _("Input items by topic"), _("by topic")
        ),
    }


@login_required
def needs_analysis(request):
    form, filters = _analysis_filters(request)
    analysis = report.needs_analysis(filters)
    context = {
        "form": form,
        "analysis": analysis,
        "filters": documents.describe_filters(filters),
        "figures": documents.key_figures(analysis),
        "summary": documents.summary_text(analysis),
        "grouping_text": documents.grouping_text(analysis),
        "titles": documents.section_titles(),
        "charts": _charts(analysis),
        "run": analysis.run,
        "can_group": permissions.can_start_grouping(request.user),
        "query_string": request.GET.urlencode(),
        "method": documents.method_paragraphs(),
        "time_rows": [
            (report.bucket_label(analysis.over_time, row.bucket), row)
            for row in analysis.over_time.rows
        ],
        "link_sections": [
            ("target-groups", analysis.target_groups, _("Target group")),
            ("topics", analysis.topics, _("Topic")),
        ],
        "host_rows": [(row, documents.percent(row.share)) for row in analysis.hosts],
    }
    return render(request, "insights/analysis.html", context)


@login_required
@require_http_methods(["POST"])
def grouping_start(request):
    """Queue the grouping for the filters in the query string; back to the analysis."""
    if not permissions.can_start_grouping(request.user):
        raise PermissionDenied
    _form, filters = _analysis_filters(request)
    services.grouping_run_start(actor=request.user, filters=filters)
    messages.success(request, _("Similar items are being grouped. This page shows the progress."))
    url = reverse("insights:needs_analysis")
    query = request.GET.urlencode()
    return redirect(f"{url}?{query}" if query else url)


@login_required
def grouping_progress(request, pk):
    """The progress of one run, for htmx polling; when the run has ended the whole page is
    reloaded so it shows the groups."""
    if not permissions.can_see_needs_analysis(request.user):
        raise PermissionDenied
    run = get_object_or_404(GroupingRun, pk=pk)
    response = render(
        request,
        "insights/partials/grouping_progress.html",
        {"run": run, "query_string": request.GET.urlencode()},
    )
    if request.htmx and not run.is_pending:
        response["HX-Refresh"] = "true"
    return response


@login_required
def needs_analysis_docx(request):
    _form, filters = _analysis_filters(request)
    analysis = report.needs_analysis(filters)
    # Translators: the file name of the downloaded analysis, without spaces.
    name = _("needs-analysis")
    return FileResponse(
        documents.analysis_docx(analysis),
        as_attachment=True,
        filename=f"{name}-{timezone.localdate().isoformat()}.docx",
        content_type=DOCX_TYPE,
    )


@login_required
def needs_analysis_items(request):
    _form, filters = _analysis_filters(request)
    return documents.items_xlsx_response(filters)
