"""The joint needs analysis: who may see it, its figures, bad filters, the grouping run through
the real worker, the Word report, the items workbook and the query budget."""

import io
from datetime import datetime, timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone, translation
from docx import Document
from openpyxl import load_workbook

from samverkan.accounts.roles import Role
from samverkan.core.models import AuditEntry
from samverkan.insights.models import Addressee, GroupingRun, GroupingStatus, InputItem
from samverkan.insights.report import AnalysisFilters, Period, bucket_label, needs_analysis
from samverkan.insights.services import ItemData, grouping_run_start, input_items_create
from tests.factories import EngagementFactory, TargetGroupFactory, TopicFactory

PAGE = "/underlag/analys/"
YEAR = "date_from=2025-01-01&date_to=2025-12-31"
PUBLIC_BODIES = [Role.NETWORK_ADMIN, Role.AGENCY_COORDINATOR, Role.AGENCY_STAFF]


def local(*args) -> datetime:
    return timezone.make_aware(datetime(*args))


def record(engagement, actor, texts, *, when, kind="need", organisation=None, groups=(), topics=()):
    """Record `texts` at `engagement` and date them `when`; returns the items."""
    before = set(InputItem.objects.values_list("pk", flat=True))
    input_items_create(
        actor=actor,
        engagement=engagement,
        items=[
            ItemData(
                kind=kind,
                text=text,
                organisation_id=organisation.pk if organisation else None,
                target_group_ids=[g.pk for g in groups],
                topic_ids=[t.pk for t in topics],
            )
            for text in texts
        ],
        action="test",
    )
    items = InputItem.objects.exclude(pk__in=before)
    items.update(created_at=when)
    return list(items.order_by("pk"))


def respond(item, host, *, after_days, status="acted_on"):
    Addressee.objects.filter(item=item, host=host).update(
        status=status,
        response="Vi tar med det i planeringen.",
        first_response_at=item.created_at + timedelta(days=after_days),
    )


@pytest.fixture
def world(agency, other_agency, organisation, users):
    """2025 at two agencies: three items on transport (both agencies), two on hearing loops (the
    other agency only), one unrelated; three responses (2, 4 and 10 days); one item from 2024."""
    staff = users[Role.AGENCY_STAFF]
    older = TargetGroupFactory(name="Äldre", name_en="Older people")
    children = TargetGroupFactory(name="Barn", name_en="Children")
    mobility = TopicFactory(name="Resor", name_en="Travel")
    ours = EngagementFactory(title="Dialog om resor", hosts=[agency], invited=[organisation])
    theirs = EngagementFactory(title="Samråd om vård", hosts=[other_agency])
    transport_ours = record(
        ours,
        staff,
        [
            "Färdtjänsten kommer ofta för sent till vårdbesöken.",
            "Tandvården är för dyr för pensionärer.",
        ],
        when=local(2025, 3, 10, 12),
        organisation=organisation,
        groups=[older],
        topics=[mobility],
    )
    theirs_items = record(
        theirs,
        staff,
        [
            "Resorna med färdtjänst till vården kommer för sent.",
            "Färdtjänstresor till vården blir sena.",
            "Hörslingan i väntrummet fungerar inte.",
        ],
        when=local(2025, 5, 20, 12),
        kind="problem",
        groups=[older, children],
    )
    record(theirs, staff, ["Hörslingor saknas i väntrummen."], when=local(2025, 6, 2, 9))
    old = record(ours, staff, ["Färdtjänst i fjol."], when=local(2024, 6, 1, 9))
    respond(transport_ours[0], agency, after_days=2)
    respond(theirs_items[0], other_agency, after_days=4)
    respond(theirs_items[1], other_agency, after_days=10, status="considering")
    return {
        "older": older,
        "children": children,
        "mobility": mobility,
        "transport": [transport_ours[0], theirs_items[0], theirs_items[1]],
        "unrelated": transport_ours[1],
        "old": old[0],
    }


def year_filters(**kwargs):
    return AnalysisFilters(
        period=Period(start=local(2025, 1, 1).date(), end=local(2025, 12, 31).date()), **kwargs
    )


# action → (what the client does, what an allowed role gets)
ACTIONS = {
    "see the analysis": (lambda c, run: c.get(f"{PAGE}?{YEAR}"), 200),
    "download the report": (lambda c, run: c.get(f"{PAGE}rapport.docx?{YEAR}"), 200),
    "download the items": (lambda c, run: c.get(f"{PAGE}underlag.xlsx?{YEAR}"), 200),
    "see the grouping's progress": (lambda c, run: c.get(f"{PAGE}gruppering/{run.pk}/"), 200),
    "start a grouping": (lambda c, run: c.post(f"{PAGE}gruppera/?date_from=2024-01-01"), 302),
}
ALLOWED = set(PUBLIC_BODIES)


@pytest.mark.parametrize("action", list(ACTIONS))
@pytest.mark.parametrize("role", list(Role))
def test_the_permission_matrix(client_for, world, users, role, action):
    """Only the network's public bodies see the analysis or start a grouping; organisations are
    refused, the public is sent to log in, and neither leaves a grouping run behind."""
    run = GroupingRun.objects.create(filters={}, filters_key="x")
    perform, allowed_status = ACTIONS[action]
    response = perform(client_for(role), run)
    if role in ALLOWED:
        assert response.status_code == allowed_status
    elif role == Role.ANONYMOUS:
        assert response.status_code == 302
        assert response.url.startswith(reverse("account_login"))
    else:
        assert response.status_code == 403
    assert GroupingRun.objects.count() == (
        2 if role in ALLOWED and action == "start a grouping" else 1
    )


def test_the_public_sees_no_link_and_no_item(client_for, world):
    client = client_for(Role.ANONYMOUS)
    for path in ("/", "/en/"):
        page = client.get(path).content.decode()
        assert PAGE not in page and world["transport"][0].text not in page
    assert PAGE not in client_for(Role.REPRESENTATIVE).get("/").content.decode()
    assert PAGE in client_for(Role.AGENCY_STAFF).get("/").content.decode()


def test_it_counts_by_kind_target_group_topic_host_and_month(world, agency, other_agency):
    with translation.override("en"):
        analysis = needs_analysis(year_filters())
    assert analysis.total == 6
    assert {row.label: row.count for row in analysis.kinds} == {
        "Need": 3,
        "Problem": 3,
        "Proposal": 0,
        "Knowledge gap": 0,
        "Experience": 0,
    }
    assert [(row.label, row.count) for row in analysis.target_groups] == [
        ("Older people", 5),
        ("Children", 3),
    ]
    assert [(row.label, row.count) for row in analysis.topics] == [("Travel", 2)]
    hosts = {row.name: (row.items, row.responded) for row in analysis.hosts}
    # Responded: a response written or a closed status; "considering" with a response counts.
    assert hosts == {agency.name: (2, 1), other_agency.name: (4, 2)}
    assert (analysis.addressed, analysis.responded) == (6, 3)
    assert analysis.median_days == 4
    months = {row.bucket.month: row.total for row in analysis.over_time.rows if row.total}
    assert months == {3: 2, 5: 3, 6: 1}
    assert analysis.over_time.per == "month" and len(analysis.over_time.rows) == 12


def test_a_long_period_is_shown_per_quarter(world):
    filters = AnalysisFilters(
        period=Period(start=local(2023, 2, 1).date(), end=local(2025, 12, 31).date())
    )
    analysis = needs_analysis(filters)
    over = analysis.over_time
    assert over.per == "quarter"
    assert over.rows[0].bucket == local(2023, 1, 1).date() and len(over.rows) == 12
    assert sum(row.total for row in over.rows) == analysis.total == 7
    with translation.override("sv"):
        assert bucket_label(over, over.rows[-1].bucket) == "kv. 4 2025"


def test_hosts_and_days_to_response_follow_the_filters_and_local_dates(world, agency, other_agency):
    """Only the chosen host is listed; the days are between local dates (a response just after
    midnight is a day later, though the same day in UTC) and never below zero."""
    _ours, late, early = world["transport"]
    InputItem.objects.filter(pk=late.pk).update(created_at=local(2025, 5, 20, 23, 30))
    Addressee.objects.filter(item=late).update(first_response_at=local(2025, 5, 21, 0, 30))
    Addressee.objects.filter(item=early).update(first_response_at=local(2025, 5, 19, 9))
    assert needs_analysis(year_filters()).median_days == 1  # 2, 1 and 0 days
    analysis = needs_analysis(year_filters(hosts=(other_agency,)))
    assert [(row.name, row.items, row.responded) for row in analysis.hosts] == [
        (other_agency.name, 4, 2)
    ]
    assert (analysis.addressed, analysis.responded, analysis.median_days) == (4, 2, 0.5)
    analysis = needs_analysis(year_filters(hosts=(agency,)))
    assert [(row.name, row.items, row.responded) for row in analysis.hosts] == [(agency.name, 2, 1)]
    assert (analysis.addressed, analysis.responded, analysis.median_days) == (2, 1, 2)


def test_the_filters_narrow_the_items(world, agency):
    assert needs_analysis(year_filters(hosts=(agency,))).total == 2
    assert needs_analysis(year_filters(target_groups=(world["children"],))).total == 3
    assert needs_analysis(year_filters(topics=(world["mobility"],))).total == 2
    assert needs_analysis(AnalysisFilters(period=Period(start=local(2024, 1, 1).date()))).total == 7


def test_bad_filters_are_left_out_with_a_message(client_for, world):
    client = client_for(Role.AGENCY_STAFF)
    bad = f"{PAGE}?date_from=2025-02-30&date_to=igår&topics=finns-inte&target_groups=nej&hosts=x"
    response = client.get(bad)
    assert response.status_code == 200
    form = response.context["form"]
    assert {"date_from", "date_to", "topics", "target_groups", "hosts"} <= set(form.errors)
    reversed_period = client.get(f"{PAGE}?date_from=2025-12-31&date_to=2025-01-01")
    assert reversed_period.status_code == 200
    assert "date_to" in reversed_period.context["form"].errors
    for path in (
        bad.replace(PAGE, PAGE + "rapport.docx"),
        bad.replace(PAGE, PAGE + "underlag.xlsx"),
    ):
        assert client.get(path).status_code == 200


def test_the_grouping_runs_in_the_worker_and_finds_the_need_raised_to_two_agencies(
    client_for, world, run_worker, agency, other_agency, users, django_capture_on_commit_callbacks
):
    client = client_for(Role.AGENCY_COORDINATOR)  # the items were recorded by staff
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(f"{PAGE}gruppera/?{YEAR}")
    assert response.status_code == 302 and response.url == f"{PAGE}?{YEAR}"
    run = GroupingRun.objects.get()
    assert run.status == GroupingStatus.QUEUED
    assert run.filters == year_filters().as_data()
    assert AuditEntry.objects.filter(action="insights.grouping_run.queued").exists()
    # A second request while it waits reuses the queued run.
    client.post(f"{PAGE}gruppera/?{YEAR}")
    assert GroupingRun.objects.count() == 1

    page = client.get(f"{PAGE}?{YEAR}").content.decode()
    assert 'hx-get="/underlag/analys/gruppering/' in page  # polls while it waits
    assert "Uppdatera sidan" in page or "Refresh the page" in page  # and without JavaScript

    run_worker()
    run.refresh_from_db()
    assert run.status == GroupingStatus.DONE
    assert (run.items_done, run.items_total) == (6, 6)
    assert run.cross_host_count == 1
    transport = {item.pk for item in world["transport"]}
    assert run.groups[0]["size"] == 3
    assert set(run.groups[0]["hosts"]) == {agency.pk, other_agency.pk}
    assert set(run.groups[0]["representatives"]) <= transport

    response = client.get(f"{PAGE}?{YEAR}")
    needs = response.context["analysis"].needs
    assert len(needs) == 1
    assert needs[0].hosts == sorted([agency.name, other_agency.name])
    assert set(needs[0].quotes) == {item.text for item in world["transport"]}
    assert "färdtjänst" in needs[0].terms[0]
    page = response.content.decode()
    assert "hx-get" not in page
    assert users[Role.AGENCY_STAFF].email not in page  # quotes carry no recorder

    progress = client.get(f"{PAGE}gruppering/{run.pk}/", HTTP_HX_REQUEST="true")
    assert progress.status_code == 200 and progress["HX-Refresh"] == "true"


def test_a_run_not_heard_from_for_a_while_is_not_waited_for(world, users):
    staff = users[Role.AGENCY_STAFF]
    run = grouping_run_start(actor=staff, filters=year_filters())
    assert grouping_run_start(actor=staff, filters=year_filters()) == run
    GroupingRun.objects.filter(pk=run.pk).update(updated_at=timezone.now() - timedelta(hours=1))
    run.refresh_from_db()
    assert not run.is_pending
    assert grouping_run_start(actor=staff, filters=year_filters()) != run


def test_a_failed_grouping_is_kept_on_the_run(
    world, users, client_for, run_worker, monkeypatch, django_capture_on_commit_callbacks
):
    from samverkan.insights import services

    def broken(*args, **kwargs):
        raise RuntimeError("boom")

    monkeypatch.setattr(services, "group_texts", broken)
    with django_capture_on_commit_callbacks(execute=True):
        run = grouping_run_start(actor=users[Role.AGENCY_STAFF], filters=year_filters())
    run_worker()
    run.refresh_from_db()
    assert run.status == GroupingStatus.FAILED
    assert "boom" in run.error
    page = client_for(Role.AGENCY_STAFF).get(f"/en{PAGE}?{YEAR}").content.decode()
    assert "The last grouping of similar items failed." in page
    assert "Group similar items again" in page


def test_the_word_report_has_the_sections_and_figures(
    client_for, world, users, run_worker, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        grouping_run_start(actor=users[Role.AGENCY_STAFF], filters=year_filters())
    run_worker()
    with translation.override("en"):
        response = client_for(Role.AGENCY_COORDINATOR).get(f"/en{PAGE}rapport.docx?{YEAR}")
    assert response.status_code == 200
    assert response["Content-Disposition"].startswith('attachment; filename="needs-analysis-')
    document = Document(io.BytesIO(b"".join(response.streaming_content)))
    headings = [
        p.text for p in document.paragraphs if p.style.name.startswith(("Heading", "Title"))
    ]
    assert headings[0] == "Joint needs analysis"
    for title in (
        "Summary",
        "By target group",
        "By topic",
        "Needs raised to two or more agencies",
        "Appendix: method and filters",
    ):
        assert title in headings
    cells = [[c.text for c in row.cells] for table in document.tables for row in table.rows]
    assert ["Input items", "6"] in cells
    assert ["Share of addressed agencies that responded", "50 %"] in cells
    assert ["Median time to a first response", "4 days"] in cells
    assert ["Older people", "5"] in cells
    assert ["Topics", "All topics"] in cells
    quotes = [p.text for p in document.paragraphs if p.style.name == "Quote"]
    assert set(quotes) == {item.text for item in world["transport"]}


def test_the_items_workbook_lists_the_filtered_items_without_who_recorded_them(
    client_for, world, users
):
    response = client_for(Role.AGENCY_STAFF).get(f"{PAGE}underlag.xlsx?{YEAR}")
    assert response.status_code == 200
    workbook = load_workbook(io.BytesIO(b"".join(response.streaming_content)))
    rows = list(workbook.active.values)
    assert len(rows) == 7
    texts = [row[3] for row in rows[1:]]
    assert world["old"].text not in texts and world["unrelated"].text in texts
    assert all(users[Role.AGENCY_STAFF].email not in str(value) for row in rows for value in row)


def test_the_page_has_a_fixed_query_budget(client_for, world, users, agency, other_agency):
    client = client_for(Role.AGENCY_STAFF)
    grouping_run_start(actor=users[Role.AGENCY_STAFF], filters=year_filters())
    counts = []
    engagement = EngagementFactory(hosts=[agency, other_agency])
    for size in (10, 200):
        record(
            engagement,
            users[Role.AGENCY_STAFF],
            [f"Behov nummer {i} av {size}" for i in range(size)],
            when=local(2025, 8, 1),
            groups=[world["older"]],
            topics=[world["mobility"]],
        )
        client.get(f"{PAGE}?{YEAR}")
        with CaptureQueriesContext(connection) as queries:
            response = client.get(f"{PAGE}?{YEAR}")
        assert response.status_code == 200
        counts.append(len(queries))
    assert counts[0] == counts[1], counts
    assert counts[1] <= 20, counts
