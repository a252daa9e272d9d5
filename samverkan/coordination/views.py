from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import FileResponse, Http404
from django.shortcuts import render
from django.utils import timezone
from django.utils.translation import gettext as _

from samverkan.engagements.models import Level, Status

from . import documents
from .forms import ReportFilterForm
from .permissions import can_see_network_report
from .report import load_chart, standing_report

EXPORTS = {"docx": documents.DOCX_TYPE, "xlsx": documents.XLSX_TYPE}


def _report(request):
    """Check access, then read the report for the filters in the query string."""
    if not can_see_network_report(request.user):
        raise PermissionDenied
    form = ReportFilterForm(request.GET)
    return form, standing_report(form.report_filters())


@login_required
def report(request):
    form, report = _report(request)
    context = {
        "form": form,
        "report": report,
        "filters": documents.describe_filters(report.filters),
        "joint_summary": documents.joint_summary(report),
        "load_summary": documents.load_summary(report),
        "chart": load_chart(report.load),
        "busiest": report.load.busiest,
        "query_string": request.GET.urlencode(),
        "level_labels": Level.labels,
        "status_labels": Status.labels,
    }
    return render(request, "coordination/report.html", context)


@login_required
def report_export(request, fmt):
    if fmt not in EXPORTS:
        raise Http404
    _form, report = _report(request)
    build = documents.report_docx if fmt == "docx" else documents.report_xlsx
    # Translators: the file name of the downloaded report, without spaces.
    name = _("network-report")
    return FileResponse(
        build(report),
        as_attachment=True,
        filename=f"{name}-{timezone.localdate().isoformat()}.{fmt}",
        content_type=EXPORTS[fmt],
    )
