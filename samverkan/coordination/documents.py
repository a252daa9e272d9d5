"""The standing report as a Word document (for the network meeting's papers) and as a workbook.

Both are built from a `StandingReport` already read (a fixed number of queries, a bounded number
of rows) in the active language, written to a temporary file and streamed from there.
"""

from django.utils import formats, timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext, pgettext
from openpyxl import Workbook

from samverkan.core.documents import (
    DOCX_TYPE,  # noqa: F401 - the views name the types through this module
    XLSX_TYPE,  # noqa: F401
    cell,
    docx_table,
    new_document,
    save_to_tempfile,
    sheet_title,
)
from samverkan.engagements.models import Level, Status

from .report import ReportFilters, StandingReport

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


def report_docx(report: StandingReport):
    """The report as a DOCX, in an open temporary file at its start."""
    titles = _section_titles()
    document = new_document(report_title(), landscape=True)

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
        docx_table(
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
        docx_table(
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
        docx_table(document, pair_headers(), [_pair_row(pair) for pair in report.pairs])

    document.add_heading(titles["load"], level=1)
    load = report.load
    if load.rows:
        document.add_paragraph(load_summary(report))
        for start in range(0, len(load.buckets), DOCX_MONTHS_PER_TABLE):
            buckets = load.buckets[start : start + DOCX_MONTHS_PER_TABLE]
            docx_table(
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

    return save_to_tempfile(document)


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


def report_xlsx(report: StandingReport):
    """The report as an XLSX with one sheet per section (write-only), in an open temporary file."""
    workbook = Workbook(write_only=True)

    about = workbook.create_sheet(sheet_title(pgettext("spreadsheet tab", "Report")))
    about.append([report_title()])
    for label, text in describe_filters(report.filters):
        about.append([label, cell(text)])
    about.append([_("Made on"), timezone.localdate()])

    hosts = workbook.create_sheet(sheet_title(pgettext("spreadsheet tab", "Per agency")))
    hosts.append(host_headers())
    for row in report.hosts:
        hosts.append([cell(row.name), row.total, *row.levels, *row.statuses])
    totals = report.totals
    hosts.append([_totals_label(), totals.total, *totals.levels, *totals.statuses])

    joint = workbook.create_sheet(sheet_title(pgettext("spreadsheet tab", "Joint work")))
    joint.append(joint_headers())
    for row in report.joint.rows:
        joint.append([cell(row.name), row.host_count, cell(_hosts_text(row)), row.engagement_count])

    pairs = workbook.create_sheet(sheet_title(pgettext("spreadsheet tab", "Similar activities")))
    if report.pairs is None:
        pairs.append([pairs_unavailable()])
    else:
        pairs.append(pair_headers())
        for pair in report.pairs:
            pairs.append([cell(value) for value in _pair_row(pair)])

    load = workbook.create_sheet(sheet_title(pgettext("spreadsheet tab", "Load per organisation")))
    header_format = "%Y" if report.load.per == "year" else "%Y-%m"
    load.append(
        [_("Organisation")]
        + [bucket.strftime(header_format) for bucket in report.load.buckets]
        + [_("Total")]
    )
    for row in report.load.rows:
        load.append([cell(row.name), *row.counts, row.total])

    return save_to_tempfile(workbook, suffix=".xlsx")
