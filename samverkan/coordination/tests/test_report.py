"""The network's standing report: who may see it, bad filters, its figures, its query budget and
its Word and Excel documents."""

import io
from dataclasses import dataclass
from datetime import datetime, timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone, translation
from docx import Document
from openpyxl import load_workbook

from samverkan.accounts.roles import Role
from samverkan.coordination import similarity
from samverkan.coordination.forms import ReportFilterForm
from samverkan.coordination.permissions import can_see_network_report
from samverkan.coordination.report import (
    Period,
    ReportFilters,
    activities_per_host,
    default_start,
    joint_candidates,
    load_chart,
    organisation_load,
    standing_report,
)
from samverkan.engagements.models import (
    Engagement,
    EngagementHost,
    HostRole,
    Invitation,
    InvitationStatus,
    Level,
    Status,
)
from samverkan.register.models import Organisation, OrganisationKind, TargetGroup
from tests.factories import (
    AgencyFactory,
    EngagementFactory,
    OrganisationFactory,
    TargetGroupFactory,
)

REPORT = "/natverket/rapport/"
YEAR_2025 = "date_from=2025-01-01&date_to=2025-12-31"
PUBLIC_BODIES = [Role.NETWORK_ADMIN, Role.AGENCY_COORDINATOR, Role.AGENCY_STAFF]
CIVIL_SOCIETY = [Role.ORGANISATION_ADMIN, Role.REPRESENTATIVE]


def local(*args) -> datetime:
    return timezone.make_aware(datetime(*args))


def engagement(title, hosts, starts_at, *, level, status, invited=(), declined=(), groups=()):
    created = EngagementFactory(
        title=title,
        hosts=hosts,
        starts_at=starts_at,
        level=level,
        status=status,
        invited=invited,
        is_published=False,
    )
    for organisation in declined:
        Invitation.objects.create(
            engagement=created, organisation=organisation, status=InvitationStatus.DECLINED
        )
    created.target_groups.set(groups)
    return created


@pytest.fixture
def world(agency, other_agency, organisation):
    """A hand-counted year, 2025, at three hosts with three organisations.

    Engaging invitations (not declined, activity not cancelled):
      Riksförbundet Test: e1 (agency), e2 (agency + other agency)        -> 2 hosts, 2 activities
      Förbundet Två:      e1 (agency), e3 (other agency)                 -> 2 hosts, 2 activities
      Förbundet Tre:      e5 (region), 00:30 on 1 October Swedish time   -> 1 host
    """
    region = AgencyFactory(name="Region Test", kind=OrganisationKind.REGION)
    second = OrganisationFactory(name="Förbundet Två")
    third = OrganisationFactory(name="Förbundet Tre")
    older = TargetGroupFactory(name="Äldre", name_en="Older people")
    children = TargetGroupFactory(name="Barn", name_en="Children")
    e1 = engagement(
        "Samråd om läkemedel",
        [agency],
        local(2025, 3, 10, 10),
        level=Level.CONSULTATION,
        status=Status.COMPLETED,
        invited=[organisation, second],
        groups=[older],
    )
    e2 = engagement(
        "Dialog om vård",
        [agency, other_agency],
        local(2025, 3, 20, 10),
        level=Level.DIALOGUE,
        status=Status.COMPLETED,
        invited=[organisation],
        groups=[older, children],
    )
    e3 = engagement(
        "Information om skola",
        [other_agency],
        local(2025, 6, 5, 10),
        level=Level.INFORMATION,
        status=Status.PLANNED,
        invited=[second],
        declined=[organisation],
        groups=[children],
    )
    engagement(
        "Partnerskap som ställdes in",
        [region],
        local(2025, 6, 6, 10),
        level=Level.PARTNERSHIP,
        status=Status.CANCELLED,
        invited=[organisation, third],
    )
    engagement(
        "Pågående samråd",
        [region],
        local(2025, 10, 1, 0, 30),
        level=Level.CONSULTATION,
        status=Status.ONGOING,
        invited=[third],
    )
    engagement(
        "Nyårsinformation",
        [agency],
        local(2025, 1, 1, 0, 15),
        level=Level.INFORMATION,
        status=Status.COMPLETED,
    )
    # Just outside the year, in Swedish time.
    engagement(
        "Före",
        [agency],
        local(2024, 12, 31, 23, 30),
        level=Level.DIALOGUE,
        status=Status.COMPLETED,
        invited=[organisation, second],
    )
    engagement(
        "Efter",
        [agency],
        local(2026, 1, 1, 0, 0),
        level=Level.DIALOGUE,
        status=Status.PLANNED,
        invited=[organisation, second],
    )
    return {
        "region": region,
        "second": second,
        "third": third,
        "older": older,
        "children": children,
        "e1": e1,
        "e2": e2,
        "e3": e3,
    }


def year(**kwargs) -> ReportFilters:
    return ReportFilters(
        period=Period(datetime(2025, 1, 1).date(), datetime(2025, 12, 31).date()), **kwargs
    )


# Who may see it -------------------------------------------------------------------------------


@pytest.mark.parametrize("role", list(Role), ids=[role.value for role in Role])
def test_it_is_for_the_networks_public_bodies_only(client_for, role):
    client = client_for(role)
    for url in (REPORT, REPORT + "export.docx", REPORT + "export.xlsx", "/en" + REPORT):
        response = client.get(url)
        if role == Role.ANONYMOUS:
            assert response.status_code == 302, url
            assert response["Location"].startswith(reverse("account_login"))
        elif role in CIVIL_SOCIETY:
            assert response.status_code == 403, url
        else:
            assert response.status_code == 200, url


@pytest.mark.parametrize("role", list(Role), ids=[role.value for role in Role])
def test_the_permission_matches_the_role(users, role):
    assert can_see_network_report(users[role]) is (role in PUBLIC_BODIES)


def test_an_unknown_format_is_not_found(client_for):
    assert client_for(Role.AGENCY_STAFF).get(REPORT + "export.pdf").status_code == 404


# Bad input ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "query, field",
    [
        ("date_from=2025-02-30", "date_from"),
        ("date_from=abc&date_to=2025-13-01", "date_from"),
        ("date_from=0001-01-01", "date_from"),
        ("date_to=9999-12-31", "date_to"),
        ("date_from=2025-06-01&date_to=2025-01-01", "date_to"),
        ("target_groups=finns-inte", "target_groups"),
        ("target_groups=%00", "target_groups"),
        ("hosts=finns-inte&hosts=", "hosts"),
        ("hosts=99999", "hosts"),
    ],
)
def test_bad_filters_become_messages_on_the_form(client_for, world, query, field):
    response = client_for(Role.AGENCY_STAFF).get(f"{REPORT}?{query}")
    assert response.status_code == 200
    form = response.context["form"]
    assert field in form.errors
    assert 'class="ds-alert" data-color="warning" role="alert"' in response.content.decode()


def test_a_civil_society_organisation_is_not_a_host_to_filter_by(client_for, organisation):
    response = client_for(Role.AGENCY_STAFF).get(f"{REPORT}?hosts={organisation.slug}")
    assert "hosts" in response.context["form"].errors


def test_junk_in_the_query_string_is_ignored(client_for, world):
    client = client_for(Role.AGENCY_STAFF)
    for query in ("page=abc", "page=-1&x=%FF", "date_from=&date_to=", "q=" + "x" * 5000):
        response = client.get(f"{REPORT}?{query}")
        assert response.status_code == 200, query
        assert not response.context["form"].errors, query


def test_an_end_before_the_start_keeps_the_start_and_drops_the_end():
    form = ReportFilterForm({"date_from": "2025-06-01", "date_to": "2025-01-01"})
    filters = form.report_filters()
    assert filters.period == Period(datetime(2025, 6, 1).date(), None)


def test_the_default_period_is_this_month_and_the_eleven_before_with_everything_planned():
    filters = ReportFilterForm({}).report_filters()
    today = timezone.localdate()
    assert filters.period.end is None
    assert filters.period.start.day == 1
    months = (
        (today.year - filters.period.start.year) * 12 + today.month - filters.period.start.month
    )
    assert months == 11
    # Only an end: the twelve months up to it.
    only_end = ReportFilterForm({"date_to": "2025-06-15"}).report_filters()
    assert only_end.period == Period(datetime(2024, 7, 1).date(), datetime(2025, 6, 15).date())
    assert default_start(datetime(2025, 1, 31).date()) == datetime(2024, 2, 1).date()


def test_the_default_period_takes_the_past_year_and_what_is_planned(client_for, agency):
    now = timezone.now()
    for days, title in [(-400, "Förra året"), (-30, "Förra månaden"), (700, "Om två år")]:
        EngagementFactory(title=title, hosts=[agency], starts_at=now + timedelta(days=days))
    response = client_for(Role.AGENCY_STAFF).get(REPORT)
    row = response.context["report"].hosts[0]
    assert row.name == agency.name
    assert row.total == 2


# The figures ----------------------------------------------------------------------------------


def test_activities_per_host_by_level_and_status(world, agency, other_agency):
    hosts, totals = activities_per_host(year())
    # Levels: information, consultation, dialogue, partnership; statuses: planned, ongoing,
    # completed, cancelled.
    assert [(row.name, row.total, row.levels, row.statuses) for row in hosts] == [
        (agency.name, 3, [1, 1, 1, 0], [0, 0, 3, 0]),
        (other_agency.name, 2, [1, 0, 1, 0], [1, 0, 1, 0]),
        ("Region Test", 2, [0, 1, 0, 1], [0, 1, 0, 1]),
    ]
    # The co-hosted activity counts once in the totals.
    assert (totals.total, totals.levels, totals.statuses) == (6, [2, 2, 1, 1], [1, 1, 3, 1])


def test_organisations_engaged_by_two_or_more_hosts(world, agency, other_agency, organisation):
    joint = joint_candidates(year())
    assert joint.total == 2
    assert [(row.name, row.host_count, row.engagement_count) for row in joint.rows] == [
        ("Förbundet Två", 2, 2),
        (organisation.name, 2, 2),
    ]
    shares = {row.name: [(s.name, s.engagements) for s in row.hosts] for row in joint.rows}
    assert shares[organisation.name] == [(agency.name, 2), (other_agency.name, 1)]
    assert sorted(shares["Förbundet Två"]) == sorted([(agency.name, 1), (other_agency.name, 1)])
    # The first one only, but the total says how many there were.
    limited = joint_candidates(year(), limit=1)
    assert (limited.total, len(limited.rows)) == (2, 1)


def test_only_the_chosen_hosts_count_towards_joint_work(world, agency, other_agency):
    assert joint_candidates(year(hosts=(agency,))).total == 0
    assert joint_candidates(year(hosts=(agency, other_agency))).total == 2


def test_target_groups_choose_activities_once_each(world, agency, other_agency, organisation):
    both = year(target_groups=(world["older"], world["children"]))
    hosts, totals = activities_per_host(both)
    assert totals.total == 3  # e1, e2 (in both groups, counted once), e3
    assert {row.name: row.total for row in hosts} == {agency.name: 2, other_agency.name: 2}
    children = joint_candidates(year(target_groups=(world["children"],)))
    assert [(row.name, row.host_count, row.engagement_count) for row in children.rows] == [
        (organisation.name, 2, 1)
    ]


def test_the_hosts_filter_keeps_their_activities_and_rows(world, agency):
    hosts, totals = activities_per_host(year(hosts=(agency,)))
    assert [row.name for row in hosts] == [agency.name]
    assert totals.total == 3


def test_load_per_organisation_and_month(world, organisation):
    load = organisation_load(year())
    assert load.per == "month"
    assert [bucket.month for bucket in load.buckets] == list(range(1, 13))
    counts = {row.name: row.counts for row in load.rows}
    assert list(counts) == ["Förbundet Två", organisation.name, "Förbundet Tre"]
    assert counts[organisation.name] == [0, 0, 2] + [0] * 9
    assert counts["Förbundet Två"] == [0, 0, 1, 0, 0, 1] + [0] * 6
    # 00:30 on 1 October in Sweden is still 30 September in UTC: October it is.
    assert counts["Förbundet Tre"] == [0] * 9 + [1, 0, 0]
    assert load.busiest[0].name == organisation.name and load.busiest[2] == 2
    # A tie at the cut goes to the organisation registered first.
    assert [row.name for row in organisation_load(year(), limit=1).rows] == [organisation.name]


def test_a_long_period_is_charted_per_year(world):
    filters = ReportFilters(
        period=Period(datetime(2020, 1, 1).date(), datetime(2026, 12, 31).date())
    )
    load = organisation_load(filters)
    assert load.per == "year"
    assert [bucket.year for bucket in load.buckets] == list(range(2020, 2027))
    counts = {row.name: row.counts for row in load.rows}
    assert counts["Förbundet Två"] == [0, 0, 0, 0, 1, 2, 1]


def test_an_open_period_runs_to_the_last_planned_month(agency, organisation):
    now = timezone.now()
    EngagementFactory(hosts=[agency], invited=[organisation], starts_at=now + timedelta(days=500))
    filters = ReportFilters(period=Period(default_start(), None))
    load = organisation_load(filters)
    last = timezone.localtime(now + timedelta(days=500)).date()
    assert (load.buckets[-1].year, load.buckets[-1].month) == (last.year, last.month)
    assert load.rows[0].counts[-1] == 1


def test_the_chart_draws_one_bar_per_month_with_activities(world):
    load = organisation_load(year())
    chart = load_chart(load)
    assert chart.maximum == 2
    assert [len(row.bars) for row in chart.rows] == [2, 1, 1]
    tallest = max(bar.height for row in chart.rows for bar in row.bars)
    assert all(bar.height <= tallest for row in chart.rows for bar in row.bars)
    assert (
        load_chart(
            organisation_load(
                ReportFilters(
                    period=Period(datetime(1990, 1, 1).date(), datetime(1990, 2, 1).date())
                )
            )
        )
        is None
    )


def test_the_page_shows_the_figures_and_an_accessible_chart(client_for, world, organisation):
    response = client_for(Role.AGENCY_STAFF).get(f"{REPORT}?{YEAR_2025}")
    page = response.content.decode()
    assert "Förbundet Två" in page
    assert 'role="img"' in page and '<title id="load-chart-title">' in page
    assert '<desc id="load-chart-desc">' in page
    # Coordinates are not written with a decimal comma in Swedish.
    chart = page[page.index("<svg") : page.index("</svg>")]
    assert "," not in chart.split("<desc")[0].split("viewBox=")[1].split('"')[1]
    assert 'width="' in chart and not any(
        f'{attribute}="{digit},' in chart
        for attribute in ("x", "y", "width", "height")
        for digit in "0123456789"
    )
    assert "maj 2025" in page  # the data table's month heading in Swedish


def test_the_page_reads_in_english(client_for, world):
    response = client_for(Role.AGENCY_STAFF).get(f"/en{REPORT}?{YEAR_2025}")
    page = response.content.decode()
    assert "The network's standing report" in page or "The network&#x27;s standing report" in page
    assert "Activities per agency" in page
    assert "May 2025" in page
    assert "Older people" in page


# Similar activities (the similarity engine's hook) -------------------------------------------


@dataclass
class FakePair:
    first: object
    second: object
    score: float
    shared_terms: tuple


def test_without_the_similarity_engine_the_section_says_so(client_for, world, monkeypatch):
    monkeypatch.delattr(similarity, "similar_pairs", raising=False)
    response = client_for(Role.AGENCY_STAFF).get(f"/en{REPORT}?{YEAR_2025}")
    assert response.context["report"].pairs is None
    assert "not available yet" in response.content.decode()


def test_pairs_from_the_similarity_engine_are_listed(client_for, world, monkeypatch):
    calls = []

    def similar_pairs(*, engagements, limit):
        calls.append((set(engagements.values_list("pk", flat=True)), limit))
        return [FakePair(world["e1"].pk, world["e3"], 0.8123, ("läkemedel", "äldre"))]

    monkeypatch.setattr(similarity, "similar_pairs", similar_pairs, raising=False)
    response = client_for(Role.AGENCY_STAFF).get(f"{REPORT}?{YEAR_2025}")
    pairs = response.context["report"].pairs
    assert [(p.first.title, p.second.title, p.score) for p in pairs] == [
        ("Samråd om läkemedel", "Information om skola", 0.81)
    ]
    assert world["e1"].pk in calls[0][0] and calls[0][1] == 20
    assert "läkemedel, äldre" in response.content.decode()


# The query budget -----------------------------------------------------------------------------


def build(size: int, batch: str) -> None:
    """`size` activities at 8 hosts in the past year, each with two target groups and three
    invitations among 40 organisations."""
    hosts = Organisation.objects.bulk_create(
        Organisation(name=f"Värd {batch}{i}", slug=f"vard-{batch}{i}", kind=OrganisationKind.AGENCY)
        for i in range(8)
    )
    organisations = Organisation.objects.bulk_create(
        Organisation(
            name=f"Förening {batch}{i}", slug=f"forening-{batch}{i}", kind=OrganisationKind.USER
        )
        for i in range(40)
    )
    groups = list(TargetGroup.objects.all()[:2]) or [
        TargetGroupFactory(name=f"Grupp {batch}{i}") for i in range(2)
    ]
    now = timezone.now()
    levels, statuses = list(Level), list(Status)
    engagements = Engagement.objects.bulk_create(
        Engagement(
            title=f"Dialogmöte {batch}{i}",
            level=levels[i % 4],
            status=statuses[i % 4],
            representation="appointed",
            knowledge="collective",
            method="dialogue_meeting",
            starts_at=now - timedelta(days=i % 300),
        )
        for i in range(size)
    )
    EngagementHost.objects.bulk_create(
        EngagementHost(engagement=e, organisation=hosts[i % 8], role=HostRole.LEAD)
        for i, e in enumerate(engagements)
    )
    EngagementHost.objects.bulk_create(
        EngagementHost(engagement=e, organisation=hosts[(i + 1) % 8], role=HostRole.CO_HOST)
        for i, e in enumerate(engagements[::5])
    )
    Invitation.objects.bulk_create(
        Invitation(engagement=e, organisation=organisations[(i + k) % 40])
        for i, e in enumerate(engagements)
        for k in range(3)
    )
    through = Engagement.target_groups.through
    through.objects.bulk_create(
        through(engagement_id=e.pk, targetgroup_id=g.pk) for e in engagements for g in groups
    )


def count_queries(client, url) -> int:
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200, url
    if hasattr(response, "streaming_content"):
        b"".join(response.streaming_content)
    return len(queries)


def test_the_query_count_does_not_grow_with_the_data(client_for, agency, monkeypatch):
    monkeypatch.delattr(similarity, "similar_pairs", raising=False)
    client = client_for(Role.AGENCY_STAFF)
    build(10, "a")
    group = TargetGroup.objects.first()
    hosts = "&".join(f"hosts=vard-a{i}" for i in range(3))
    urls = [
        REPORT,
        f"{REPORT}?target_groups={group.slug}&{hosts}",
        REPORT + "export.docx",
        REPORT + "export.xlsx?" + hosts,
    ]
    for url in urls:
        client.get(url)  # warm the process-wide caches
    small = [count_queries(client, url) for url in urls]
    build(500, "b")
    assert Engagement.objects.count() == 510
    large = [count_queries(client, url) for url in urls]
    assert large == small
    assert max(large) <= 14, large
    report = client.get(REPORT).context["report"]
    assert report.joint.total > 25 and len(report.joint.rows) == 25
    assert len(report.load.rows) == 12


def test_the_query_count_stays_fixed_with_similar_pairs(client_for, agency, monkeypatch):
    """The report's own share of section 3: one query and two prefetches, whatever the pairs."""

    def similar_pairs(*, engagements, limit):
        first, second, third = engagements.order_by("pk").values_list("pk", flat=True)[:3]
        return [FakePair(first, second, 0.5, ("ord",)), FakePair(second, third, 0.4, ())]

    monkeypatch.setattr(similarity, "similar_pairs", similar_pairs, raising=False)
    client = client_for(Role.AGENCY_STAFF)
    build(10, "a")
    client.get(REPORT)
    small = count_queries(client, REPORT)
    build(500, "b")
    assert count_queries(client, REPORT) == small
    assert len(client.get(REPORT).context["report"].pairs) == 2


# The documents --------------------------------------------------------------------------------


def read(response) -> bytes:
    return b"".join(response.streaming_content)


def test_the_word_document_has_the_sections_and_figures(client_for, world, agency, organisation):
    response = client_for(Role.AGENCY_STAFF).get(f"/en{REPORT}export.docx?{YEAR_2025}")
    assert response["Content-Type"].startswith(
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
    )
    assert 'filename="network-report-' in response["Content-Disposition"]
    document = Document(io.BytesIO(read(response)))
    headings = [
        p.text for p in document.paragraphs if p.style.name.startswith(("Heading", "Title"))
    ]
    assert headings == [
        "The network's standing report",
        "Activities per agency",
        "Organisations engaged by two or more agencies",
        "Similar activities at different agencies",
        "Load per organisation",
    ]
    text = "\n".join(p.text for p in document.paragraphs)
    assert "Period: 1 January 2025 – 31 December 2025" in text
    assert "2 organisations were engaged by two or more agencies in the period." in text
    hosts, joint, load = ([[c.text for c in row.cells] for row in t.rows] for t in document.tables)
    assert hosts[0] == [
        "Agency",
        "Activities",
        "Information",
        "Consultation (samråd)",
        "Dialogue",
        "Partnership",
        "Planned",
        "Ongoing",
        "Completed",
        "Cancelled",
    ]
    assert hosts[1] == [agency.name, "3", "1", "1", "1", "0", "0", "0", "3", "0"]
    assert hosts[-1] == [
        "All agencies (each activity once)",
        "6",
        "2",
        "2",
        "1",
        "1",
        "1",
        "1",
        "3",
        "1",
    ]
    assert joint[2][:2] == [organisation.name, "2"]
    assert load[0][:4] == ["Organisation", "Jan 2025", "Feb 2025", "Mar 2025"]
    assert load[0][-1] == "Total"
    assert load[2] == [organisation.name, "0", "0", "2"] + ["0"] * 9 + ["2"]


def test_the_word_document_is_in_swedish_from_the_swedish_page(client_for, world):
    response = client_for(Role.AGENCY_STAFF).get(f"{REPORT}export.docx?{YEAR_2025}")
    document = Document(io.BytesIO(read(response)))
    with translation.override("sv"):
        from samverkan.coordination.documents import report_title

        assert document.paragraphs[0].text == report_title()


def test_the_workbook_has_a_sheet_per_section(client_for, world, agency, organisation):
    response = client_for(Role.AGENCY_STAFF).get(f"/en{REPORT}export.xlsx?{YEAR_2025}")
    workbook = load_workbook(io.BytesIO(read(response)), read_only=True)
    assert workbook.sheetnames == [
        "Report",
        "Per agency",
        "Joint work",
        "Similar activities",
        "Load per organisation",
    ]
    hosts = list(workbook["Per agency"].values)
    assert hosts[1] == (agency.name, 3, 1, 1, 1, 0, 0, 0, 3, 0)
    assert hosts[-1][1] == 6
    joint = list(workbook["Joint work"].values)
    assert joint[0] == ("Organisation", "Number of agencies", "Agencies", "Activities")
    assert joint[2][0] == organisation.name and joint[2][1:4:2] == (2, 2)
    load = list(workbook["Load per organisation"].values)
    assert load[0][:3] == ("Organisation", "2025-01", "2025-02")
    assert load[2] == (organisation.name, 0, 0, 2, *([0] * 9), 2)


def test_the_whole_report_reads_at_once(world):
    report = standing_report(year())
    assert report.totals.total == 6 and report.joint.total == 2 and len(report.load.rows) == 3
