"""A standing council's annual report (verksamhetsberättelse) as DOCX, from the year's meetings."""

import io
from datetime import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone
from docx import Document

from samverkan.accounts.roles import Role
from samverkan.meetings.annual_report import annual_report_data
from samverkan.meetings.models import AgendaItem, Evaluation, Meeting, Proposal, Registration
from tests.factories import EngagementFactory, UserFactory

R = Role


def council_meeting(forum, agency, organisation, day, title, people=2):
    starts = timezone.make_aware(datetime(day.year, day.month, day.day, 10))
    engagement = EngagementFactory(
        title=title,
        hosts=[agency],
        invited=[organisation],
        forum=forum,
        starts_at=starts,
        location="Stockholm",
    )
    meeting = Meeting.objects.create(engagement=engagement, topics_deadline=starts, seats=None)
    item = AgendaItem.objects.create(meeting=meeting, title=f"Dagordningspunkt {title}", position=1)
    for i in range(people):
        user = UserFactory(role=R.REPRESENTATIVE, organisation=organisation)
        Registration.objects.create(
            meeting=meeting, user=user, status="registered", attended=i == 0
        )
        Evaluation.objects.create(meeting=meeting, user=user, useful=4, heard=5, accessible=3)
    Proposal.objects.create(
        meeting=meeting,
        organisation=organisation,
        title=f"Förslag {title}",
        text="…",
        status="taken_up",
        agenda_item=item,
    )
    Proposal.objects.create(
        meeting=meeting,
        organisation=organisation,
        title=f"Avböjt {title}",
        text="…",
        status="not_taken_up",
        feedback="Ligger utanför rådets uppdrag.",
    )
    return meeting


@pytest.fixture
def year(forum, agency, organisation):
    council_meeting(forum, agency, organisation, datetime(2025, 12, 1), "Decembermötet 2025")
    council_meeting(forum, agency, organisation, datetime(2026, 3, 10), "Vårmötet")
    council_meeting(forum, agency, organisation, datetime(2026, 10, 6), "Höstmötet")


def text_of(response) -> str:
    document = Document(io.BytesIO(b"".join(response.streaming_content)))
    paragraphs = [p.text for p in document.paragraphs]
    cells = [c.text for t in document.tables for row in t.rows for c in row.cells]
    return "\n".join(paragraphs + cells)


def test_the_hosts_download_the_years_report_as_docx(forum, year, client_for):
    url = reverse("meetings:annual_report", args=[forum.slug]) + "?year=2026"
    response = client_for(R.AGENCY_STAFF).get(url)
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/vnd.openxmlformats")
    assert "verksamhetsberattelse-" in response["Content-Disposition"]
    text = text_of(response)
    assert "Verksamhetsberättelse 2026: Dialogforum läkemedel" in text
    assert "2 möten, 2 deltaganden, 4 föreslagna ämnen varav 2 togs upp." in text
    assert "Vårmötet" in text and "Höstmötet" in text and "Decembermötet 2025" not in text
    assert "Dagordningspunkt Vårmötet" in text
    assert "Anmälda: 2. Närvarande: 1." in text
    assert "Ligger utanför rådets uppdrag." in text
    assert "värt tiden 4,0" in text


@pytest.mark.parametrize("role", list(Role))
def test_only_the_hosts_make_the_report(forum, year, client_for, role):
    url = reverse("meetings:annual_report", args=[forum.slug]) + "?year=2026"
    status = client_for(role).get(url).status_code
    expected = (
        200
        if role in {R.AGENCY_COORDINATOR, R.AGENCY_STAFF}
        else (302 if role == R.ANONYMOUS else 403)
    )
    assert status == expected


def test_a_bad_year_gives_a_message(forum, client_for):
    client = client_for(R.AGENCY_STAFF)
    url = reverse("meetings:annual_report", args=[forum.slug])
    response = client.get(url + "?year=tjugo", follow=True)
    assert "Ange året med fyra siffror" in response.content.decode()


def test_the_report_is_read_in_a_fixed_number_of_queries(forum, agency, organisation):
    council_meeting(forum, agency, organisation, datetime(2026, 2, 1), "Ett")
    with CaptureQueriesContext(connection) as few:
        annual_report_data(forum, 2026).meetings[0].agenda_items.all()
    for month in range(3, 9):
        council_meeting(forum, agency, organisation, datetime(2026, month, 1), f"M{month}", 4)
    with CaptureQueriesContext(connection) as many:
        report = annual_report_data(forum, 2026)
        [list(m.agenda_items.all()) for m in report.meetings]
    assert len(many) == len(few)
