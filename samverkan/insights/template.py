"""The XLSX template for importing input items: the header row, and a sheet of allowed values."""

from io import BytesIO

from django.http import HttpResponse
from django.utils.translation import gettext as _
from openpyxl import Workbook

from samverkan.register.models import TargetGroup, Topic

from .models import InputKind

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def import_template_response() -> HttpResponse:
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = _("Input items")[:31]
    sheet.append([_("Kind"), _("Text"), _("Organisation"), _("Target groups"), _("Topics")])
    sheet.column_dimensions["B"].width = 80
    sheet.column_dimensions["C"].width = 30
    sheet.column_dimensions["D"].width = 30
    sheet.column_dimensions["E"].width = 30
    help_sheet = workbook.create_sheet(_("Allowed values")[:31])
    help_sheet.append([_("Kind"), _("Target groups"), _("Topics")])
    kinds = [str(label) for label in InputKind.labels]
    groups = [group.label for group in TargetGroup.objects.all()]
    topics = [topic.label for topic in Topic.objects.all()]
    columns = (kinds, groups, topics)
    for index in range(max(map(len, columns))):
        help_sheet.append([values[index] if index < len(values) else None for values in columns])
    buffer = BytesIO()
    workbook.save(buffer)
    response = HttpResponse(buffer.getvalue(), content_type=XLSX)
    response["Content-Disposition"] = f'attachment; filename="{_("input-items-template")}.xlsx"'
    return response
