"""CSV and XLSX exports and the iCalendar feed: real files, read back."""

import csv
import io
from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
from icalendar import Calendar
from openpyxl import load_workbook

from .factories import EngagementFactory, OrganisationFactory, TargetGroupFactory

STOCKHOLM = ZoneInfo("Europe/Stockholm")


def body(response) -> bytes:
    return b"".join(response.streaming_content)


@pytest.fixture
def data(agency, other_agency, organisation):
    group = TargetGroupFactory(name="Äldre", name_en="Older people")
    organisation.target_groups.add(group)
    OrganisationFactory(name='=HYPERLINK("http://evil")', kind="interest")
    first = EngagementFactory(
        title="Samråd om läkemedel",
        hosts=[agency, other_agency],
        invited=[organisation],
        starts_at=datetime(2026, 12, 3, 10, 0, tzinfo=STOCKHOLM),
        ends_at=datetime(2026, 12, 3, 12, 0, tzinfo=STOCKHOLM),
        location="Göteborg",
    )
    first.target_groups.add(group)
    first.steps = ["agenda", "monitoring"]
    first.save()
    EngagementFactory(
        title="Annan myndighets möte",
        hosts=[other_agency],
        starts_at=datetime(2026, 12, 5, 9, tzinfo=STOCKHOLM),
    )
    return first


def test_the_organisation_csv_has_a_row_per_organisation(client, data, organisation):
    response = client.get("/organisationer/export.csv")
    assert response["Content-Type"].startswith("text/csv")
    assert "attachment" in response["Content-Disposition"]
    rows = list(csv.reader(io.StringIO(body(response).decode("utf-8-sig"))))
    assert rows[0][:3] == ["Namn", "Kortnamn", "Typ"] or rows[0][:3] == [
        "Name",
        "Short name",
        "Kind",
    ]
    by_name = {row[0]: row for row in rows[1:]}
    assert "Äldre" in by_name["Riksförbundet Test"]
    # A cell a spreadsheet would run as a formula is neutralised.
    assert '\'=HYPERLINK("http://evil")' in by_name


def test_the_engagement_xlsx_opens_and_follows_the_filter(client, data, agency):
    response = client.get(f"/en/aktiviteter/export.xlsx?host={agency.slug}")
    workbook = load_workbook(io.BytesIO(b"".join(response.streaming_content)), read_only=True)
    rows = list(workbook.active.iter_rows(values_only=True))
    assert rows[0][:3] == ("Title", "Lead host", "Co-hosts")
    assert [row[0] for row in rows[1:]] == ["Samråd om läkemedel"]
    row = rows[1]
    assert row[1] == agency.name and row[2] == "Andra myndigheten"
    assert row[3] == datetime(2026, 12, 3, 10, 0)  # local time in the sheet
    assert row[7] == "Agenda setting; Monitoring"


def test_the_calendar_feed_parses_and_carries_time_and_place(client, data, organisation):
    response = client.get(f"/kalender.ics?organisation={organisation.slug}")
    assert response["Content-Type"].startswith("text/calendar")
    calendar = Calendar.from_ical(response.content)
    events = list(calendar.walk("VEVENT"))
    assert [str(e["summary"]) for e in events] == ["Samråd om läkemedel"]
    event = events[0]
    assert event.decoded("dtstart") == datetime(2026, 12, 3, 10, 0, tzinfo=STOCKHOLM)
    assert event.decoded("dtend") == datetime(2026, 12, 3, 12, 0, tzinfo=STOCKHOLM)
    assert str(event["location"]) == "Göteborg"
    assert f"/aktiviteter/{data.pk}/" in str(event["url"])


def test_the_month_view_shows_the_days_activities(client, data):
    page = client.get("/kalender/?month=2026-12").content.decode()
    assert "Samråd om läkemedel" in page and "Annan myndighets möte" in page
    assert client.get("/kalender/?month=2027-01").content.decode().count("Samråd om läkemedel") == 0


@pytest.mark.parametrize(
    ("month", "late", "early"),
    [
        # The nights summer time begins and ends: local midnight is 23:00 and 22:00 UTC.
        ("2026-03", datetime(2026, 3, 28, 23, 30), datetime(2026, 3, 29, 0, 30)),
        ("2026-10", datetime(2026, 10, 24, 23, 30), datetime(2026, 10, 25, 0, 30)),
    ],
)
def test_the_month_view_puts_activities_on_their_local_day(client, agency, month, late, early):
    EngagementFactory(
        title="Sent på kvällen", hosts=[agency], starts_at=late.replace(tzinfo=STOCKHOLM)
    )
    EngagementFactory(
        title="Tidigt på natten", hosts=[agency], starts_at=early.replace(tzinfo=STOCKHOLM)
    )
    EngagementFactory(
        title="Opublicerat",
        hosts=[agency],
        starts_at=early.replace(tzinfo=STOCKHOLM),
        is_published=False,
    )
    page = client.get(f"/kalender/?month={month}").content.decode()
    cells = page.split("<td")

    def day(number):
        return next(c for c in cells if f"<span>{number}<span" in c and "other-month" not in c)

    assert "23:30 Sent på kvällen" in day(late.day) and "Tidigt" not in day(late.day)
    assert "00:30 Tidigt på natten" in day(early.day) and "Sent" not in day(early.day)
    assert "Opublicerat" not in page


@pytest.mark.parametrize(
    ("title", "shown"),
    [
        (
            "Dialogmöte om läkemedelsanvändning hos äldre i särskilt boende och i hemtjänsten",
            "Dialogmöte om läkemedelsanvändning hos äldre i särskilt boe…",
        ),
        # Letters typed as a letter and a combining ring (as some keyboards do) count as one.
        ("a\u030a" * 70, "å" * 59 + "…"),
    ],
)
def test_the_month_view_cuts_long_titles(client, agency, title, shown):
    engagement = EngagementFactory(
        title=title, hosts=[agency], starts_at=datetime(2026, 12, 9, 13, 15, tzinfo=STOCKHOLM)
    )
    page = client.get("/kalender/?month=2026-12").content.decode()
    assert f'<a class="ds-link" href="/aktiviteter/{engagement.pk}/">13:15 {shown}</a>' in page


def test_the_month_view_escapes_titles(client, agency):
    EngagementFactory(
        title='Möte <b>om</b> "vård" & omsorg',
        hosts=[agency],
        starts_at=datetime(2026, 12, 9, 13, 15, tzinfo=STOCKHOLM),
    )
    page = client.get("/kalender/?month=2026-12").content.decode()
    assert "13:15 Möte &lt;b&gt;om&lt;/b&gt; &quot;vård&quot; &amp; omsorg</a>" in page
    assert "<b>om</b>" not in page


def test_a_busy_day_links_to_the_rest(client, agency):
    for i in range(6):
        EngagementFactory(
            title=f"Möte {i}",
            hosts=[agency],
            starts_at=datetime(2026, 12, 10, 8 + i, tzinfo=STOCKHOLM),
        )
    page = client.get("/en/kalender/?month=2026-12").content.decode()
    assert "2 more" in page
    assert "date_from=2026-12-10&amp;date_to=2026-12-10" in page


def test_cards_name_the_lead_host_first(client, data):
    # "MFT" leads; "AM" co-hosts and would come first in the alphabet and by role name.
    page = client.get("/aktiviteter/").content.decode()
    assert "· MFT, AM ·" in " ".join(page.split())
