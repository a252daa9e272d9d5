"""The joint needs analysis as a Word report for the agencies' planning, and its items as a
streamed workbook. The report is built from a `NeedsAnalysis` already read (a fixed number of
queries) in the active language; the texts are shared with the page."""

from django.utils import formats, timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from samverkan.core.documents import docx_table, new_document, save_to_tempfile
from samverkan.core.exports import export_response

from . import grouping
from .models import CLOSED_STATUSES, GroupingStatus
from .report import AnalysisFilters, NeedsAnalysis, analysis_items, bucket_label


def analysis_title() -> str:
    return _("Joint needs analysis")


def section_titles() -> dict[str, str]:
    return {
        "summary": _("Summary"),
        "target_groups": _("By target group"),
        "topics": _("By topic"),
        "kinds": _("By kind and over time"),
        "hosts": _("By agency"),
        "needs": _("Needs raised to two or more agencies"),
        "method": _("Appendix: method and filters"),
    }


def period_text(filters: AnalysisFilters) -> str:
    period = filters.period
    start = formats.date_format(period.start, "j F Y")
    if period.end is None:
        return _("From %(start)s to today") % {"start": start}
    return f"{start} – {formats.date_format(period.end, 'j F Y')}"


def describe_filters(filters: AnalysisFilters) -> list[tuple[str, str]]:
    """The filters as (label, text), for the page, the report and its method appendix."""
    return [
        (_("Period (when the items were recorded)"), period_text(filters)),
        (_("Agencies"), ", ".join(h.name for h in filters.hosts) or _("All agencies")),
        (
            _("Target groups"),
            ", ".join(g.label for g in filters.target_groups) or _("All target groups"),
        ),
        (_("Topics"), ", ".join(t.label for t in filters.topics) or _("All topics")),
    ]


def percent(share: float | None) -> str:
    return "–" if share is None else f"{round(100 * share)} %"


def days_text(days: float | None) -> str:
    if days is None:
        return "–"
    value = formats.number_format(days, decimal_pos=0 if days == int(days) else 1)
    return ngettext("%(days)s day", "%(days)s days", int(days) if days == int(days) else 2) % {
        "days": value
    }


def key_figures(analysis: NeedsAnalysis) -> list[tuple[str, str]]:
    """The summary's figures as (label, value), for the page and the report."""
    run = analysis.run
    needs = str(run.cross_host_count) if run and run.status == GroupingStatus.DONE else "–"
    return [
        (_("Input items"), str(analysis.total)),
        (_("Share of addressed agencies that responded"), percent(analysis.response_share)),
        (_("Median time to a first response"), days_text(analysis.median_days)),
        (_("Needs raised to two or more agencies"), needs),
    ]


def summary_text(analysis: NeedsAnalysis) -> str:
    if not analysis.total:
        return _("No input items were recorded in this period with these filters.")
    return _(
        "%(items)s input items were recorded in the period. They were addressed to agencies "
        "%(pairs)s times; %(share)s of these got a response or were closed by the agency."
    ) % {
        "items": analysis.total,
        "pairs": analysis.addressed,
        "share": percent(analysis.response_share),
    }


def grouping_text(analysis: NeedsAnalysis) -> str:
    run = analysis.run
    if run is None:
        return _("Similar items have not been grouped for these filters yet.")
    if run.status == GroupingStatus.FAILED:
        return _("The last grouping of similar items failed.")
    if run.status != GroupingStatus.DONE:
        if not run.is_pending:
            return _("The last grouping of similar items stopped before it was done.")
        return _("The grouping of similar items is not finished yet.")
    made = formats.date_format(timezone.localtime(run.finished_at), "j F Y H:i")
    return ngettext(
        "Grouped on %(when)s: %(groups)s group of similar items among %(items)s items; "
        "%(cross)s of them addressed to two or more agencies.",
        "Grouped on %(when)s: %(groups)s groups of similar items among %(items)s items; "
        "%(cross)s of them addressed to two or more agencies.",
        run.group_count,
    ) % {
        "when": made,
        "groups": run.group_count,
        "items": run.items_total,
        "cross": run.cross_host_count,
    }


def method_paragraphs() -> list[str]:
    return [
        _(
            "Input items are what organisations raised in the agencies' activities: needs, "
            "problems, proposals, knowledge gaps and experiences. An item is counted in the period "
            "when it was recorded. An item may have several target groups and topics and be "
            "addressed to several agencies, so those tables add up to more than the items."
        ),
        _(
            "Responded: the agency wrote a response, or closed the item (acted on it, made it part "
            "of an assignment, did not act on it, or referred it). Time to a first response: the "
            "days from the item's recording to the agency's first response; the median is shown."
        ),
        _(
            "Needs raised to two or more agencies are groups of similar items addressed, together, "
            "to at least two agencies. Texts are compared word by word in Swedish: words are "
            "reduced to their stems, compound words are split into their parts, words that most "
            "items use weigh little, and words that every item says (need, lack, better) are left "
            "out. Two items are joined when they share two or more words and are similar enough "
            "(cosine at least %(threshold)s), or share one word and say little else (at least "
            "%(one)s); joined items form a group. The quotes are the items with the most "
            "similar items in their group, as written, without the name of who recorded them."
        )
        % {"threshold": grouping.THRESHOLD, "one": grouping.ONE_TERM_THRESHOLD},
    ]


# Word -----------------------------------------------------------------------------------------


def analysis_docx(analysis: NeedsAnalysis):
    """The analysis as a DOCX, in an open temporary file at its start."""
    titles = section_titles()
    document = new_document(analysis_title())
    document.add_heading(analysis_title(), level=0)
    for label, text in describe_filters(analysis.filters):
        paragraph = document.add_paragraph()
        paragraph.add_run(f"{label}: ").bold = True
        paragraph.add_run(text)
    made = formats.date_format(timezone.localdate(), "j F Y")
    document.add_paragraph(
        _("Made on %(date)s from the shared register Samverkan.") % {"date": made}
    )

    document.add_heading(titles["summary"], level=1)
    document.add_paragraph(summary_text(analysis))
    docx_table(document, [_("Figure"), _("Value")], [list(row) for row in key_figures(analysis)])
    document.add_paragraph(grouping_text(analysis))

    for key, rows, header in (
        ("target_groups", analysis.target_groups, _("Target group")),
        ("topics", analysis.topics, _("Topic")),
    ):
        document.add_heading(titles[key], level=1)
        if rows:
            docx_table(document, [header, _("Items")], [[row.label, row.count] for row in rows])
        else:
            document.add_paragraph(_("No items in this period."))

    document.add_heading(titles["kinds"], level=1)
    kinds = analysis.kinds
    docx_table(
        document,
        [_("Kind"), _("Items")],
        [[row.label, row.count] for row in kinds],
        footer=[_("Total"), analysis.total],
    )
    document.add_paragraph()
    over = analysis.over_time
    docx_table(
        document,
        [_("Quarter") if over.per == "quarter" else _("Month")]
        + [row.label for row in kinds]
        + [_("Total")],
        [[bucket_label(over, row.bucket), *row.counts, row.total] for row in over.rows],
    )

    document.add_heading(titles["hosts"], level=1)
    if analysis.hosts:
        docx_table(
            document,
            host_headers(),
            [[row.name, row.items, row.responded, percent(row.share)] for row in analysis.hosts],
        )
    else:
        document.add_paragraph(_("No items in this period."))

    document.add_heading(titles["needs"], level=1)
    document.add_paragraph(grouping_text(analysis))
    for number, need in enumerate(analysis.needs, start=1):
        document.add_heading(f"{number}. {need_title(need)}", level=2)
        document.add_paragraph(need_facts(need))
        for quote in need.quotes:
            document.add_paragraph(quote, style="Quote")

    document.add_heading(titles["method"], level=1)
    for text in method_paragraphs():
        document.add_paragraph(text)
    docx_table(
        document,
        [_("Filter"), _("Value")],
        [list(row) for row in describe_filters(analysis.filters)],
    )
    return save_to_tempfile(document)


def host_headers() -> list[str]:
    return [_("Agency"), _("Items"), _("With a response"), _("Share")]


def need_title(need) -> str:
    return ", ".join(need.terms) or _("Similar items")


def need_facts(need) -> str:
    return ngettext(
        "%(count)s item, addressed to %(hosts)s.",
        "%(count)s items, addressed to %(hosts)s.",
        need.size,
    ) % {"count": need.size, "hosts": ", ".join(need.hosts)}


# Excel ----------------------------------------------------------------------------------------


def _labels(objects) -> str:
    return ", ".join(sorted(o.label for o in objects))


def _responded_by(item) -> str:
    return ", ".join(
        sorted(
            a.host.name for a in item.addressees.all() if a.response or a.status in CLOSED_STATUSES
        )
    )


def items_xlsx_response(filters: AnalysisFilters):
    """The analysis's items as a streamed XLSX (write-only workbook, read in chunks): what was
    raised, never who recorded it."""
    from django.db.models import Prefetch

    from .models import Addressee

    items = (
        analysis_items(filters)
        .select_related("engagement", "organisation")
        .prefetch_related(
            "target_groups",
            "topics",
            Prefetch("addressees", queryset=Addressee.objects.select_related("host")),
        )
        .order_by("created_at", "pk")
    )
    columns = [
        (_("Recorded"), lambda i: i.created_at),
        (_("Activity"), lambda i: i.engagement.title),
        (_("Kind"), lambda i: i.get_kind_display()),
        (_("Text"), lambda i: i.text),
        (_("Organisation"), lambda i: i.organisation.name if i.organisation else ""),
        (_("Target groups"), lambda i: _labels(i.target_groups.all())),
        (_("Topics"), lambda i: _labels(i.topics.all())),
        (_("Addressed to"), lambda i: ", ".join(sorted(a.host.name for a in i.addressees.all()))),
        (_("Responded"), _responded_by),
    ]
    return export_response(
        queryset=items,
        columns=columns,
        # Translators: the file name of the downloaded items, without spaces.
        filename=_("input-items"),
        fmt="xlsx",
        sheet_title=_("Input items"),
    )
