"""A standing council's annual report (verksamhetsberättelse) as a Word document, built from the
year's meetings: dates and agendas, attendance, the evaluation, and the answer to every proposal.

The data is read in a fixed number of queries (`annual_report_data`); the document is written to
a temporary file and streamed from there.
"""

from dataclasses import dataclass, field
from datetime import date

from django.db.models import Avg, Count, Prefetch, Q
from django.utils import formats, timezone
from django.utils.translation import gettext as _

from samverkan.core.dates import day_start
from samverkan.core.documents import docx_table, new_document, save_to_tempfile
from samverkan.engagements.models import Status

from .models import (
    AgendaItem,
    Evaluation,
    Meeting,
    Proposal,
    ProposalStatus,
    RegistrationStatus,
)


@dataclass
class AnnualReport:
    forum: object
    year: int
    meetings: list = field(default_factory=list)
    proposals: list = field(default_factory=list)

    @property
    def attended(self) -> int:
        return sum(m.attended_count for m in self.meetings)


def annual_report_data(forum, year: int) -> AnnualReport:
    """The forum's meetings that started in `year` (not cancelled), with what the report needs."""
    start = day_start(date(year, 1, 1))
    end = day_start(date(year + 1, 1, 1))
    meetings = list(
        Meeting.objects.filter(
            engagement__forum=forum,
            engagement__starts_at__gte=start,
            engagement__starts_at__lt=end,
        )
        .exclude(engagement__status=Status.CANCELLED)
        .select_related("engagement")
        .annotate(
            registered_count=Count(
                "registrations",
                filter=Q(registrations__status=RegistrationStatus.REGISTERED),
                distinct=True,
            ),
            attended_count=Count(
                "registrations", filter=Q(registrations__attended=True), distinct=True
            ),
        )
        .prefetch_related(
            Prefetch("agenda_items", queryset=AgendaItem.objects.order_by("position", "id")),
        )
        .order_by("engagement__starts_at", "id")
    )
    averages = {
        row["meeting"]: row
        for row in Evaluation.objects.filter(meeting__in=meetings)
        .values("meeting")
        .annotate(
            answers=Count("id"),
            useful=Avg("useful"),
            heard=Avg("heard"),
            accessible=Avg("accessible"),
        )
    }
    for meeting in meetings:
        meeting.evaluation = averages.get(meeting.pk)
    proposals = list(
        Proposal.objects.filter(meeting__in=meetings)
        .select_related("organisation", "agenda_item", "meeting__engagement")
        .order_by("meeting__engagement__starts_at", "created_at", "id")
    )
    return AnnualReport(forum=forum, year=year, meetings=meetings, proposals=proposals)


def _number(value) -> str:
    return "–" if value is None else formats.number_format(value, 1)


def annual_report_docx(report: AnnualReport):
    """The annual report as a DOCX, in an open temporary file at its start."""
    forum = report.forum
    title = _("Annual report %(year)s: %(forum)s") % {"year": report.year, "forum": forum.name}
    document = new_document(title)
    document.add_heading(title, level=0)
    if forum.description:
        document.add_paragraph(forum.description)
    hosts = ", ".join(link.organisation.name for link in forum.host_links.all())
    document.add_paragraph(_("Hosted by %(hosts)s.") % {"hosts": hosts})
    if forum.governing_document:
        document.add_paragraph(
            _("Governing document: %(text)s") % {"text": forum.governing_document}
        )
    made = formats.date_format(timezone.localdate(), "j F Y")
    document.add_paragraph(
        _("Made on %(date)s from the shared register Samverkan.") % {"date": made}
    )

    document.add_heading(_("The year in brief"), level=1)
    taken_up = sum(p.status == ProposalStatus.TAKEN_UP for p in report.proposals)
    document.add_paragraph(
        _(
            "%(meetings)d meetings, %(attended)d attendances, %(proposals)d proposed topics "
            "of which %(taken_up)d were taken up."
        )
        % {
            "meetings": len(report.meetings),
            "attended": report.attended,
            "proposals": len(report.proposals),
            "taken_up": taken_up,
        }
    )

    document.add_heading(_("Meetings"), level=1)
    if not report.meetings:
        document.add_paragraph(_("The forum did not meet this year."))
    for meeting in report.meetings:
        engagement = meeting.engagement
        when = formats.date_format(timezone.localtime(engagement.starts_at), "j F Y")
        document.add_heading(f"{when}: {engagement.title}", level=2)
        place = engagement.get_venue_display()
        if engagement.location:
            place += f", {engagement.location}"
        document.add_paragraph(
            _("%(place)s. Registered: %(registered)d. Attended: %(attended)d.")
            % {
                "place": place,
                "registered": meeting.registered_count,
                "attended": meeting.attended_count,
            }
        )
        items = list(meeting.agenda_items.all())
        if items:
            document.add_paragraph(_("Agenda:"))
            for item in items:
                document.add_paragraph(item.title, style="List Number")
        if meeting.evaluation:
            e = meeting.evaluation
            document.add_paragraph(
                _(
                    "Evaluation (%(answers)d answers, 1–5): worth the time %(useful)s, "
                    "could say what they wanted %(heard)s, accessible %(accessible)s."
                )
                % {
                    "answers": e["answers"],
                    "useful": _number(e["useful"]),
                    "heard": _number(e["heard"]),
                    "accessible": _number(e["accessible"]),
                }
            )
        if meeting.minutes_published_at:
            document.add_paragraph(_("Minutes published."))

    document.add_heading(_("Proposed topics and the answers to them"), level=1)
    if report.proposals:
        docx_table(
            document,
            [_("Meeting"), _("Organisation"), _("Topic"), _("Answer"), _("Feedback")],
            [
                [
                    formats.date_format(
                        timezone.localtime(p.meeting.engagement.starts_at), "j F Y"
                    ),
                    p.organisation.name,
                    p.title,
                    p.get_status_display() + (f": {p.agenda_item.title}" if p.agenda_item else ""),
                    p.feedback,
                ]
                for p in report.proposals
            ],
        )
    else:
        document.add_paragraph(_("No topics were proposed this year."))

    return save_to_tempfile(document)
