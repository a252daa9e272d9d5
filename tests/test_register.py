"""The organisation page answers "who consults whom"; the register's changes are logged."""

import re
from datetime import date, datetime
from importlib import import_module
from zoneinfo import ZoneInfo

import pytest
from django.apps import apps as django_apps
from django.contrib.auth.models import AnonymousUser
from django.core.exceptions import ImproperlyConfigured
from django.db import connection
from django.test.utils import CaptureQueriesContext

from config.settings.env import env_bool, env_int
from samverkan.accounts.roles import Role
from samverkan.core.models import AuditEntry
from samverkan.engagements.models import Engagement, HostTally, Invitation, Seat, SeatKind
from samverkan.engagements.services import host_tallies_refresh, involvements_refresh
from samverkan.register import selectors

from .factories import (
    AgencyFactory,
    EngagementFactory,
    ForumFactory,
    OrganisationFactory,
    TargetGroupFactory,
    UserFactory,
)

STOCKHOLM = ZoneInfo("Europe/Stockholm")


def when(year, month=5):
    return datetime(year, month, 1, 10, tzinfo=STOCKHOLM)


def test_who_consults_an_organisation(agency, other_agency, organisation):
    for year in (2023, 2024, 2024):
        EngagementFactory(hosts=[agency], invited=[organisation], starts_at=when(year))
    EngagementFactory(hosts=[other_agency, agency], invited=[organisation], starts_at=when(2025, 3))
    EngagementFactory(
        hosts=[other_agency], invited=[organisation], starts_at=when(2025, 9), is_published=False
    )
    EngagementFactory(hosts=[other_agency])  # does not involve the organisation
    forum = ForumFactory(name="Patientrådet", hosts=[other_agency], members=[organisation])
    Seat.objects.create(
        forum=forum,
        kind=SeatKind.ORGANISATION,
        organisation=organisation,
        term_end=date(2000, 1, 1),
    )

    public = selectors.who_consults(organisation, viewer=AnonymousUser())
    by_host = {relation.name: relation for relation in public}
    assert by_host[agency.name].engagements == 4
    assert by_host[agency.name].per_year == {2025: 1, 2024: 2, 2023: 1}
    assert by_host[agency.name].last_contact == when(2025, 3)
    # The unpublished one is not counted for the public.
    assert by_host[other_agency.name].engagements == 1
    assert [h.name for h in public] == [agency.name, other_agency.name]  # most engagements first
    # The forum seat is listed on its own, once; the ended seat not at all.
    seats = selectors.forum_seats(organisation, viewer=AnonymousUser())
    assert [(seat.name, seat.url, seat.hosts) for seat in seats] == [
        ("Patientrådet", f"/forum/{forum.slug}/", other_agency.name)
    ]

    staff = UserFactory(role=Role.AGENCY_STAFF, organisation=agency)
    hidden = ForumFactory(name="Arbetsgrupp", hosts=[agency], is_published=False)
    Seat.objects.create(forum=hidden, kind=SeatKind.ORGANISATION, organisation=organisation)
    assert [seat.name for seat in selectors.forum_seats(organisation, viewer=AnonymousUser())] == [
        "Patientrådet"
    ]
    assert [seat.name for seat in selectors.forum_seats(organisation, viewer=staff)] == [
        "Arbetsgrupp",
        "Patientrådet",
    ]
    everything = selectors.who_consults(organisation, viewer=staff)
    assert {r.name: r.engagements for r in everything}[other_agency.name] == 2
    assert selectors.who_consults(organisation, viewer=staff, count=1) == everything[:1]
    assert selectors.HostRelations(organisation, viewer=staff).count() == 2


def test_who_consults_follows_changes_made_through_the_services(agency, organisation):
    """The derived rows follow an engagement's invitations, start and publication."""
    engagement = EngagementFactory(hosts=[agency], invited=[organisation], starts_at=when(2024))
    other = OrganisationFactory()
    engagement.starts_at = when(2022)
    engagement.is_published = False
    engagement.save()
    Invitation.objects.create(engagement=engagement, organisation=other)
    involvements_refresh(engagement_ids=[engagement.pk])
    staff = UserFactory(role=Role.AGENCY_STAFF, organisation=agency)
    [relation] = selectors.who_consults(other, viewer=staff)
    assert relation.per_year == {2022: 1}
    assert selectors.who_consults(organisation, viewer=AnonymousUser()) == []
    engagement.delete()
    assert selectors.who_consults(organisation, viewer=staff) == []


def counted(organisation, viewer) -> list:
    """Who consults `organisation`, counted from its `Involvement` rows rather than tallied."""
    relations = selectors.HostRelations(organisation, viewer=viewer)
    relations.tallied, relations.read = False, selectors._RANKED
    return relations[:]


def test_the_hosts_tallies_are_what_counting_the_involvements_gives(agency, other_agency, db):
    """The tallies of each host and the organisation's totals follow every change that rewrites
    the derived rows, and deletes however they happen; rebuilding them all gives the same rows."""
    organisation, other = OrganisationFactory(), OrganisationFactory()
    third = AgencyFactory()
    staff = UserFactory(role=Role.AGENCY_STAFF, organisation=agency)
    viewers = [AnonymousUser(), staff]

    def check(*whom):
        for who in whom or (organisation, other):
            for viewer in viewers:
                tallied = selectors.HostRelations(who, viewer=viewer)
                assert tallied.tallied
                assert tallied[:] == counted(who, viewer), (who, viewer)
                assert tallied.count() == len(counted(who, viewer))
                activities = selectors.Activities(who, viewer=viewer)
                counting = selectors.Activities(who, viewer=viewer)
                counting.published_only = None  # count the involvement rows
                assert activities.count() == counting.count() == len(counting[:])

    for year, hosts, published in [
        (2021, [agency], True),
        (2022, [agency, other_agency], True),
        (2022, [other_agency], False),
        (2024, [third, agency], True),
        (2024, [third], False),
    ]:
        EngagementFactory(
            hosts=hosts, invited=[organisation, other], starts_at=when(year), is_published=published
        )
    check()
    public = selectors.who_consults(organisation, viewer=AnonymousUser())
    assert [(r.name, r.engagements, r.per_year) for r in public] == [
        (agency.name, 3, {2024: 1, 2022: 1, 2021: 1}),
        (other_agency.name, 1, {2022: 1}),
        (third.name, 1, {2024: 1}),
    ]
    assert selectors.Activities(organisation, viewer=AnonymousUser()).count() == 3
    assert selectors.Activities(organisation, viewer=staff).count() == 5
    assert {r.name: r.engagements for r in selectors.who_consults(organisation, viewer=staff)} == {
        agency.name: 3,
        other_agency.name: 2,
        third.name: 2,
    }

    moved = EngagementFactory(hosts=[third], invited=[organisation], starts_at=when(2020))
    moved.starts_at, moved.is_published = when(2025), False
    moved.save()
    Invitation.objects.filter(engagement=moved).delete()
    Invitation.objects.create(engagement=moved, organisation=other)
    involvements_refresh(engagement_ids=[moved.pk])
    check()
    Engagement.objects.filter(starts_at=when(2022)).delete()  # a queryset's delete
    check()
    moved.delete()
    check()
    before = tallies()
    assert host_tallies_refresh(batch_size=1) == len(before)
    assert tallies() == before
    # The migration that added the tallies counts an existing database's the same way.
    HostTally.objects.all().delete()
    import_module("samverkan.engagements.migrations.0007_host_tally").tally(django_apps, None)
    assert tallies() == before
    other.delete()  # an invited organisation deleted: its tallies go with it
    check(organisation)
    assert tallies() == [row for row in before if row[0] == organisation.pk]


def tallies() -> list[tuple]:
    return list(
        HostTally.objects.order_by("organisation", "host", "published_only").values_list(
            "organisation", "host", "published_only", "engagements", "last_starts_at", "per_year"
        )
    )


def test_a_refresh_locks_the_organisations_whose_tallies_it_rewrites(agency, organisation):
    """Two saves touching one organisation's tallies wait for each other (where the database
    has row locks), so the second counts what the first wrote."""
    engagement = EngagementFactory(hosts=[agency], invited=[organisation])
    with CaptureQueriesContext(connection) as queries:
        involvements_refresh(engagement_ids=[engagement.pk])
    locks = [q["sql"] for q in queries if "FOR NO KEY UPDATE" in q["sql"]]
    if connection.features.has_select_for_update:  # PostgreSQL, not SQLite
        assert len(locks) == 1
        assert '"register_organisation"' in locks[0]
    else:
        assert locks == []


def test_a_representative_counts_what_its_own_organisation_is_invited_to(agency, organisation):
    """No tally counts the unpublished engagements a civil-society viewer's own organisation is
    invited to: its view of another organisation counts the derived rows."""
    other = OrganisationFactory()
    EngagementFactory(hosts=[agency], invited=[organisation, other], is_published=False)
    representative = UserFactory(role=Role.REPRESENTATIVE, organisation=other)
    relations = selectors.HostRelations(organisation, viewer=representative)
    assert not relations.tallied
    assert [(r.name, r.engagements) for r in relations[:]] == [(agency.name, 1)]
    assert selectors.who_consults(organisation, viewer=AnonymousUser()) == []


@pytest.mark.parametrize("role", [Role.ANONYMOUS, Role.AGENCY_STAFF, Role.REPRESENTATIVE])
def test_each_page_of_an_organisations_activities_is_read_ahead(client_for, agency, role, db):
    """The page reads its activities' count and the page asked for with its other reads: every
    page, the last one (shorter) and one past the end show what the paginator says, and a page
    that exists costs no more queries than the first."""
    organisation = OrganisationFactory()
    for day in range(1, 24):  # 23 activities: pages of 10, 10 and 3
        EngagementFactory(
            title=f"Samråd {day:02d}",
            hosts=[agency],
            invited=[organisation],
            starts_at=datetime(2024, 3, day, 10, tzinfo=STOCKHOLM),
        )
    client = client_for(role)
    url = f"/organisationer/{organisation.slug}/"

    def shown(page):
        with CaptureQueriesContext(connection) as queries:
            response = client.get(url, {"page": page})
        titles = re.findall(r"Samråd (\d\d)", response.content.decode())
        return [int(t) for t in titles], len(queries)

    first, queries = shown(1)
    assert first == list(range(23, 13, -1))
    assert shown(2) == (list(range(13, 3, -1)), queries)
    assert shown(3) == ([3, 2, 1], queries)
    assert shown(4)[0] == [3, 2, 1]  # past the end: the last page, read again
    assert shown("x")[0] == first


def test_the_organisation_page_lists_the_agencies(client, agency, organisation):
    EngagementFactory(hosts=[agency], invited=[organisation], starts_at=when(2024))
    body = client.get(f"/en/organisationer/{organisation.slug}/").content.decode()
    assert "Agencies that work with this organisation" in body
    assert agency.name in body and "2024: 1" in body
    assert '<time datetime="2024-05-01T10:00:00+02:00">1 May 2024</time>' in body
    body = client.get(f"/organisationer/{organisation.slug}/").content.decode()
    assert (
        '<time datetime="2024-05-01T10:00:00+02:00">1 Maj 2024</time>' in body
    )  # as |date:"j M Y"


def test_the_agency_page_lists_the_organisations_it_consults(client, agency, organisation):
    EngagementFactory(hosts=[agency], invited=[organisation], starts_at=when(2024))
    ForumFactory(name="Brukarrådet", hosts=[agency])
    body = client.get(f"/organisationer/{agency.slug}/").content.decode()
    assert organisation.name in body and "Brukarrådet" in body


def test_the_organisation_list_shows_each_row_escaped(client, db):
    group = TargetGroupFactory(name="Barn & unga", name_en="Children & young people")
    named = OrganisationFactory(
        name='Förening <b>"Ett"</b>', kind="patient", municipality="Åre & Östersund"
    )
    named.target_groups.add(group)
    body = client.get("/organisationer/").content.decode()
    assert (
        f'<tr><td><a class="ds-link" href="/organisationer/{named.slug}/">'
        "Förening &lt;b&gt;&quot;Ett&quot;&lt;/b&gt;</a></td><td>Patientorganisation</td>"
        "<td>Barn &amp; unga</td><td>Åre &amp; Östersund</td></tr>"
    ) in body
    assert "<td>Patient organisation</td><td>Children &amp; young people</td>" in (
        client.get("/en/organisationer/").content.decode()
    )


def test_the_organisation_page_writes_its_rows_and_cards_escaped(client_for, organisation):
    """The agencies' rows and the activities' cards are written in Python: every value in
    them is escaped, and the words are the page's language."""
    host = OrganisationFactory(name='Myndighet <i>"A"</i> & B', short_name="", kind="agency")
    group = TargetGroupFactory(name="Barn & unga", name_en="Children & young people")
    engagement = EngagementFactory(
        title="Samråd <script>alert(1)</script> & mer",
        hosts=[host],
        invited=[organisation],
        starts_at=when(2024),
        is_published=False,
    )
    engagement.target_groups.add(group)
    forum = ForumFactory(name="Råd <för> & med", hosts=[host])
    Seat.objects.create(
        forum=forum,
        kind=SeatKind.ORGANISATION,
        organisation=organisation,
        term_end=date(2099, 5, 31),
    )
    staff = client_for(Role.AGENCY_STAFF)
    body = staff.get(f"/organisationer/{organisation.slug}/").content.decode()
    assert (
        f'<tr><th scope="row"><a class="ds-link" href="/organisationer/{host.slug}/">'
        "Myndighet &lt;i&gt;&quot;A&quot;&lt;/i&gt; &amp; B</a></th><td>1</td>"
        '<td><time datetime="2024-05-01T10:00:00+02:00">1 Maj 2024</time></td>'
        "<td>2024: 1</td></tr>"
    ) in body
    assert (
        f'<a class="ds-link" href="/aktiviteter/{engagement.pk}/">'
        "Samråd &lt;script&gt;alert(1)&lt;/script&gt; &amp; mer</a></h3>"
    ) in body
    assert (
        "Myndighet &lt;i&gt;&quot;A&quot;&lt;/i&gt; &amp; B · Samråd · Planerad · "
        "<strong>Inte publicerad</strong></p>"
    ) in body
    assert '<p class="ds-paragraph" data-size="sm">Målgrupper: Barn &amp; unga</p>' in body
    assert (
        f'<li><a class="ds-link" href="/forum/{forum.slug}/">Råd &lt;för&gt; &amp; med</a> '
        '<span class="meta">(Myndighet &lt;i&gt;&quot;A&quot;&lt;/i&gt; &amp; B; '
        "till och med 31 Maj 2099)</span></li>"
    ) in body
    english = staff.get(f"/en/organisationer/{organisation.slug}/").content.decode()
    assert "&amp; B; until 31 May 2099)</span></li>" in english
    assert "<strong>Not published</strong>" in english
    assert "Target groups: Children &amp; young people</p>" in english
    assert "<script>" not in body + english


def test_the_filter_consulted_by_agency(client, agency, other_agency, organisation):
    other = OrganisationFactory(name="Annan förening")
    EngagementFactory(hosts=[agency], invited=[organisation])
    EngagementFactory(hosts=[other_agency], invited=[other])
    body = client.get(f"/organisationer/?consulted_by={agency.slug}").content.decode()
    assert organisation.name in body and "Annan förening" not in body


def test_an_organisation_admin_edit_is_logged_and_shown(client_for, organisation):
    client = client_for(Role.ORGANISATION_ADMIN)
    response = client.post(
        f"/organisationer/{organisation.slug}/andra/",
        {
            "name": organisation.name,
            "kind": "patient",
            "description": "Ny beskrivning",
            "municipality": "Umeå",
        },
    )
    assert response.status_code == 302
    entry = AuditEntry.objects.get()
    assert entry.action == "register.organisation.changed"
    assert entry.changes["municipality"] == ["", "Umeå"]
    assert entry.actor.role == Role.ORGANISATION_ADMIN
    assert "Umeå" in client.get(f"/organisationer/{organisation.slug}/").content.decode()


def test_admin_changes_are_logged_too(admin_client, organisation):
    response = admin_client.post(
        f"/admin/register/organisation/{organisation.pk}/change/",
        {
            "name": "Riksförbundet Test",
            "slug": organisation.slug,
            "kind": "relatives",
            "affiliations-TOTAL_FORMS": "0",
            "affiliations-INITIAL_FORMS": "0",
        },
    )
    assert response.status_code == 302, response.content.decode()[:3000]
    entry = AuditEntry.objects.get()
    assert entry.action == "register.organisation.changed"
    assert entry.changes["kind"][1] == "Relatives' organisation" or entry.changes["kind"][1]


@pytest.mark.parametrize("value", ["maybe", "2", "ja"])
def test_settings_fail_loudly_on_a_bad_boolean(monkeypatch, value):
    monkeypatch.setenv("SOME_FLAG", value)
    with pytest.raises(ImproperlyConfigured):
        env_bool("SOME_FLAG")


def test_settings_fail_loudly_on_a_bad_number(monkeypatch):
    monkeypatch.setenv("SOME_NUMBER", "sixty")
    with pytest.raises(ImproperlyConfigured):
        env_int("SOME_NUMBER", 1)


def test_who_consults_follows_the_activity_form(client_for, agency, organisation):
    """Saving the activity form keeps the derived rows: invite, then cancel, then uninvite."""
    from samverkan.coordination.load import organisation_load

    from .test_permissions import engagement_data

    client = client_for(Role.AGENCY_STAFF)
    data = {**engagement_data(), "invited": [organisation.pk], "is_published": "on"}
    response = client.post("/aktiviteter/ny/", data)
    assert response.status_code == 302
    [relation] = selectors.who_consults(organisation, viewer=AnonymousUser())
    assert (relation.name, relation.engagements) == (agency.name, 1)
    [load] = organisation_load(organisations=[organisation])
    assert load.after == 1

    edit = response["Location"] + "andra/"
    assert client.post(edit, {**data, "status": "cancelled"}).status_code == 302
    [load] = organisation_load(organisations=[organisation])
    assert load.after == 0  # a cancelled activity takes nobody's time

    assert client.post(edit, {**data, "invited": []}).status_code == 302
    assert selectors.who_consults(organisation, viewer=AnonymousUser()) == []


def test_the_agencies_page_takes_bad_pages_and_is_for_organisations_only(
    client, agency, organisation
):
    EngagementFactory(hosts=[agency], invited=[organisation], starts_at=when(2024))
    url = f"/organisationer/{organisation.slug}/myndigheter/"
    for page in ("abc", "-1", "99999999999999999999"):
        response = client.get(url, {"page": page})
        assert response.status_code == 200, page
        assert agency.name in response.content.decode()
    assert client.get(f"/organisationer/{agency.slug}/myndigheter/").status_code == 404


def test_the_organisation_page_shows_both_sides_of_a_membership(client, db):
    umbrella = OrganisationFactory(name="Funktionsrätt Sverige", kind="interest")
    member = OrganisationFactory(name="Neuroförbundet")
    other_member = OrganisationFactory(name="Astma- och Allergiförbundet")
    umbrella.member_organisations.add(member, other_member)
    page = " ".join(client.get(f"/en/organisationer/{umbrella.slug}/").content.decode().split())
    assert "Member organisations" in page and "Member of" not in page
    assert (
        f'<a class="ds-link" href="/en/organisationer/{other_member.slug}/">{other_member.name}</a>, '
        f'<a class="ds-link" href="/en/organisationer/{member.slug}/">{member.name}</a>'
    ) in page
    page = client.get(f"/en/organisationer/{member.slug}/").content.decode()
    assert "Member of" in page and "Member organisations" not in page
    assert (
        f'<a class="ds-link" href="/en/organisationer/{umbrella.slug}/">{umbrella.name}</a>' in page
    )
