"""The standing report as a Word document (for the network meeting's papers) and as a workbook.

Both are built from a `StandingReport` already read (a fixed number of queries, a bounded number
of rows) in the active language, written to a temporary file and streamed from there.
"""

import tempfile

from django.utils import formats, timezone, translation
from django.utils.translation import gettext as _
from django.utils.translation import ngettext, pgettext
from docx import Document
from docx.enum.section import WD_ORIENT
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm, Pt
from openpyxl import Workbook

from samverkan.engagements.models import Level, Status

from .report import ReportFilters, StandingReport

DOCX_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
# Month columns per table in the Word document: a year fits across a landscape A4 page.
DOCX_MONTHS_PER_TABLE = 12


def report_title() -> str:
    return _("The network's standing report")


def period_text(filters: ReportFilters) -> str:
    period = filters.period
    start = formats.date_format(period.start, "j F Y")
    if period.end is None:
        return _("From %(start)s, with everything planned ahead") % {"start": start}
    return f"{start} – {formats.date_format(period.end, 'j F Y')}"


def describe_filters(filters: ReportFilters) -> list[tuple[str, str]]:
    """The report's filters as (label, text), for the page and both documents."""
    return [
        (_("Period"), period_text(filters)),
        (
            _("Target groups"),
            ", ".join(group.label for group in filters.target_groups) or _("All target groups"),
        ),
        (_("Agencies"), ", ".join(host.name for host in filters.hosts) or _("All agencies")),
    ]


def host_headers() -> list[str]:
    return (
        [_("Agency"), _("Activities")]
        + [str(label) for label in Level.labels]
        + [str(label) for label in Status.labels]
    )


def joint_headers() -> list[str]:
    return [_("Organisation"), _("Number of agencies"), _("Agencies"), _("Activities")]


def pair_headers() -> list[str]:
    return [
        _("Activity"),
        _("Agency"),
        _("Starts"),
        _("Similar activity"),
        _("Agency"),
        _("Starts"),
        _("Shared words"),
    ]


def bucket_label(report: StandingReport, bucket) -> str:
    if report.load.per == "year":
        return str(bucket.year)
    # The month's name cut to three letters abbreviates it in both languages ("maj", "May").
    return f"{formats.date_format(bucket, 'F')[:3]} {bucket.year}"


def _hosts_text(candidate) -> str:
    return ", ".join(f"{share.name} ({share.engagements})" for share in candidate.hosts)


def _lead_name(engagement) -> str:
    host = engagement.lead_host
    return host.name if host else ""


def _day(value) -> str:
    return formats.date_format(timezone.localtime(value), "j M Y") if value else ""


def _pair_row(pair) -> list[str]:
    return [
        pair.first.title,
        _lead_name(pair.first),
        _day(pair.first.starts_at),
        pair.second.title,
        _lead_name(pair.second),
        _day(pair.second.starts_at),
        ", ".join(pair.shared_terms),
    ]


def _totals_label() -> str:
    return _("All agencies (each activity once)")


def _section_titles() -> dict[str, str]:
    return {
        "hosts": _("Activities per agency"),
        "joint": _("Organisations engaged by two or more agencies"),
        "pairs": _("Similar activities at different agencies"),
        "load": _("Load per organisation"),
    }


# Word -----------------------------------------------------------------------------------------


def _repeat_header(row) -> None:
    """Repeat the table's header row on every page it runs over."""
    properties = row._tr.get_or_add_trPr()
    header = OxmlElement("w:tblHeader")
    header.set(qn("w:val"), "true")
    properties.append(header)


def _docx_table(document, headers: list[str], rows: list[list], footer: list | None = None):
    """A table with a bold header row (repeated on every page) and an optional bold footer.

    All rows are made at once: python-docx's add_row() takes twice as long per row.
    """
    values = [headers, *rows, *([footer] if footer else [])]
    table = document.add_table(rows=len(values), cols=len(headers))
    table.style = "Table Grid"
    _repeat_header(table.rows[0])
    last = len(values) - 1
    for index, (row, texts) in enumerate(zip(table.rows, values, strict=True)):
        bold = index == 0 or (footer is not None and index == last)
        for cell, text in zip(row.cells, texts, strict=True):
            run = cell.paragraphs[0].add_run(str(text))
            if bold:
                run.bold = True
    return table


def report_docx(report: StandingReport):
    """The report as a DOCX, in an open temporary file at its start."""
    titles = _section_titles()
    document = Document()
    section = document.sections[0]
    section.orientation = WD_ORIENT.LANDSCAPE
    section.page_width, section.page_height = Mm(297), Mm(210)
    for side in ("left_margin", "right_margin", "top_margin", "bottom_margin"):
        setattr(section, side, Mm(15))
    document.styles["Normal"].font.size = Pt(9)
    document.core_properties.title = report_title()
    document.core_properties.language = translation.get_language() or "sv"

    document.add_heading(report_title(), level=0)
    for label, text in describe_filters(report.filters):
        paragraph = document.add_paragraph()
        paragraph.add_run(f"{label}: ").bold = True
        paragraph.add_run(text)
    made = formats.date_format(timezone.localdate(), "j F Y")
    document.add_paragraph(
        _("Made on %(date)s from the shared register Samverkan.") % {"date": made}
    )

    document.add_heading(titles["hosts"], level=1)
    if report.hosts:
        document.add_paragraph(
            _("An activity with several hosts counts once for each of them, and once in the total.")
        )
        _docx_table(
            document,
            host_headers(),
            [[row.name, row.total, *row.levels, *row.statuses] for row in report.hosts],
            footer=[
                _totals_label(),
                report.totals.total,
                *report.totals.levels,
                *report.totals.statuses,
            ],
        )
    else:
        document.add_paragraph(_("No activities in this period."))

    document.add_heading(titles["joint"], level=1)
    document.add_paragraph(joint_summary(report))
    if report.joint.rows:
        _docx_table(
            document,
            joint_headers(),
            [
                [row.name, row.host_count, _hosts_text(row), row.engagement_count]
                for row in report.joint.rows
            ],
        )

    document.add_heading(titles["pairs"], level=1)
    if report.pairs is None:
        document.add_paragraph(pairs_unavailable())
    elif not report.pairs:
        document.add_paragraph(_("No similar activities at different agencies in this period."))
    else:
        _docx_table(document, pair_headers(), [_pair_row(pair) for pair in report.pairs])

    document.add_heading(titles["load"], level=1)
    load = report.load
    if load.rows:
        document.add_paragraph(load_summary(report))
        for start in range(0, len(load.buckets), DOCX_MONTHS_PER_TABLE):
            buckets = load.buckets[start : start + DOCX_MONTHS_PER_TABLE]
            _docx_table(
                document,
                [_("Organisation")] + [bucket_label(report, b) for b in buckets] + [_("Total")],
                [
                    [row.name, *row.counts[start : start + len(buckets)], row.total]
                    for row in load.rows
                ],
            )
            document.add_paragraph()
    else:
        document.add_paragraph(_("No organisation was engaged in this period."))

    handle = tempfile.TemporaryFile(suffix=".docx")  # noqa: SIM115 - FileResponse closes it
    document.save(handle)
    handle.seek(0)
    return handle


def joint_summary(report: StandingReport) -> str:
    total, shown = report.joint.total, len(report.joint.rows)
    if not total:
        return _("No organisation was engaged by two or more agencies in this period.")
    text = ngettext(
        "%(count)s organisation was engaged by two or more agencies in the period.",
        "%(count)s organisations were engaged by two or more agencies in the period.",
        total,
    ) % {"count": total}
    if shown < total:
        text += " " + _("The %(shown)s with the most agencies are shown.") % {"shown": shown}
    return text


def pairs_unavailable() -> str:
    return _("The comparison of similar activities is not available yet.")


def load_summary(report: StandingReport) -> str:
    load = report.load
    if load.per == "year":
        text = _(
            "Activities per year for the %(count)s organisations engaged in the most activities in the period."
        )
    else:
        text = _(
            "Activities per month for the %(count)s organisations engaged in the most activities in the period."
        )
    return text % {"count": len(load.rows)}


# Excel ----------------------------------------------------------------------------------------


def _cell(value):
    """Text a spreadsheet would run as a formula is written as text (as core.exports does)."""
    if isinstance(value, str) and value[:1] in ("=", "+", "-", "@", "\t", "\r"):
        return "'" + value
    return value


def _sheet_title(text: str) -> str:
    for character in "[]:*?/\\":
        text = text.replace(character, " ")
    return text[:31]


def report_xlsx(report: StandingReport):
    """The report as an XLSX with one sheet per section (write-only), in an open temporary file."""
    workbook = Workbook(write_only=True)

    about = workbook.create_sheet(_sheet_title(pgettext("spreadsheet tab", "Report")))
    about.append([report_title()])
    for label, text in describe_filters(report.filters):
        about.append([label, _cell(text)])
    about.append([_("Made on"), timezone.localdate()])

    hosts = workbook.create_sheet(_sheet_title(pgettext("spreadsheet tab", "Per agency")))
    hosts.append(host_headers())
    for row in report.hosts:
        hosts.append([_cell(row.name), row.total, *row.levels, *row.statuses])
    totals = report.totals
    hosts.append([_totals_label(), totals.total, *totals.levels, *totals.statuses])

    joint = workbook.create_sheet(_sheet_title(pgettext("spreadsheet tab", "Joint work")))
    joint.append(joint_headers())
    for row in report.joint.rows:
        joint.append(
            [_cell(row.name), row.host_count, _cell(_hosts_text(row)), row.engagement_count]
        )

    pairs = workbook.create_sheet(_sheet_title(pgettext("spreadsheet tab", "Similar activities")))
    if report.pairs is None:
        pairs.append([pairs_unavailable()])
    else:
        pairs.append(pair_headers())
        for pair in report.pairs:
            pairs.append([_cell(value) for value in _pair_row(pair)])

    load = workbook.create_sheet(_sheet_title(pgettext("spreadsheet tab", "Load per organisation")))
    header_format = "%Y" if report.load.per == "year" else "%Y-%m"
    load.append(
        [_("Organisation")]
        + [bucket.strftime(header_format) for bucket in report.load.buckets]
        + [_("Total")]
    )
    for row in report.load.rows:
        load.append([_cell(row.name), *row.counts, row.total])

    handle = tempfile.TemporaryFile(suffix=".xlsx")  # noqa: SIM115 - FileResponse closes it
    workbook.save(handle)
    handle.seek(0)
    return handle
