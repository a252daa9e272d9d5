"""Streamed CSV and XLSX exports: rows are written as they are read, never held whole in memory.

A CSV streams straight to the client. An XLSX is written row by row by
openpyxl's write-only workbook into a temporary file, which is then streamed.
"""

import csv
from collections.abc import Callable, Iterable, Sequence

from django.http import FileResponse, Http404, StreamingHttpResponse
from django.utils import timezone
from openpyxl import Workbook

from .documents import XLSX_TYPE, cell, save_to_tempfile
from .filters import CHUNK_SIZE

FORMATS = {"csv", "xlsx"}


class _Echo:
    def write(self, value):
        return value


def _clean(value):
    """Neutralise text a spreadsheet would run as a formula (CSV injection); local times."""
    if isinstance(value, timezone.datetime) and timezone.is_aware(value):
        return timezone.localtime(value).replace(tzinfo=None)
    return cell(value)


def export_response(
    *,
    queryset,
    columns: Sequence[tuple[str, Callable]],
    filename: str,
    fmt: str,
    sheet_title: str = "Export",
):
    """Stream `queryset` as CSV or XLSX; `columns` are (header, function of a row)."""
    if fmt not in FORMATS:
        raise Http404
    headers = [str(header) for header, _ in columns]

    def rows() -> Iterable[list]:
        for obj in queryset.iterator(chunk_size=CHUNK_SIZE):
            yield [_clean(get(obj)) for _, get in columns]

    stamp = timezone.localdate().isoformat()
    if fmt == "csv":
        writer = csv.writer(_Echo())

        def stream():
            yield "\ufeff"  # so Excel reads UTF-8
            yield writer.writerow(headers)
            for row in rows():
                yield writer.writerow(row)

        response = StreamingHttpResponse(stream(), content_type="text/csv; charset=utf-8")
        response["Content-Disposition"] = f'attachment; filename="{filename}-{stamp}.csv"'
        return response

    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet(title=sheet_title[:31])
    sheet.append(headers)
    for row in rows():
        sheet.append(row)
    return FileResponse(
        save_to_tempfile(workbook, suffix=".xlsx"),
        as_attachment=True,
        filename=f"{filename}-{stamp}.xlsx",
        content_type=XLSX_TYPE,
    )
