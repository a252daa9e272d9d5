"""similar_engagements: what it finds, what it leaves out, why it says it matched, bad input."""

from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from samverkan.coordination import analysis, similarity
from samverkan.coordination.models import EngagementTerm
from samverkan.coordination.services import engagement_index, engagements_reindex
from samverkan.coordination.similarity import similar_engagements
from samverkan.engagements.models import Status
from tests.factories import AgencyFactory, EngagementFactory, TargetGroupFactory, TopicFactory

SOON = timedelta(days=30)


def make(title, description="", *, host, starts_in=SOON, status=Status.PLANNED, ends_in=None):
    now = timezone.now()
    engagement = EngagementFactory(
        title=title,
        description=description,
        hosts=host if isinstance(host, list) else [host],
        starts_at=now + starts_in,
        ends_at=now + ends_in if ends_in is not None else None,
        status=status,
    )
    engagement_index(engagement=engagement)
    return engagement


def titles(matches):
    return [m.engagement.title for m in matches]


@pytest.fixture
def third_agency(db):
    return AgencyFactory(name="Tredje myndigheten")


def test_it_finds_a_compound_written_as_separate_words_at_another_host(agency, other_agency):
    make("Användning av läkemedel bland äldre", host=other_agency)
    make("Cykelhjälmar för barn", host=other_agency)

    matches = similar_engagements(title="Läkemedelsanvändning hos äldre", exclude_hosts=[agency])

    assert titles(matches) == ["Användning av läkemedel bland äldre"]


def test_it_says_why_it_matched(agency, other_agency):
    elderly, children = TargetGroupFactory(name="Äldre"), TargetGroupFactory(name="Barn")
    medicines, dental = TopicFactory(name="Läkemedel"), TopicFactory(name="Tandvård")
    other = make(
        "Användning av läkemedel bland äldre",
        "Hur hanterar äldre sina läkemedel hemma?",
        host=other_agency,
        starts_in=timedelta(days=40),
    )
    other.target_groups.set([elderly, children])
    other.topics.set([medicines])

    [match] = similar_engagements(
        title="Läkemedelsanvändning hos äldre",
        description="Dialogmöte 2026 om läkemedelsanvändningen.",
        target_groups=[elderly],
        topics=[medicines.pk, dental.pk],
        starts_at=timezone.now() + timedelta(days=10),
        exclude_hosts=[agency],
    )

    assert match.engagement == other
    assert set(match.shared_terms) == {"äldre", "läkemedel", "användning"}
    assert match.shared_target_groups == (elderly,)
    assert match.shared_topics == (medicines,)
    assert match.days_apart == 30
    assert 0 < match.text_score <= 1
    assert 0 < match.score <= 1
    # The page can name the host without another query per match.
    assert match.engagement.lead_host == other_agency


def test_a_match_without_a_date_has_no_days_apart(agency, other_agency):
    make("Tolk vid vårdbesök", host=other_agency)

    [match] = similar_engagements(title="Tolkar i vården", exclude_hosts=[agency])

    assert match.days_apart is None


def test_it_leaves_out_every_engagement_the_planners_host_leads_or_co_hosts(
    agency, other_agency, third_agency
):
    make("Stöd till anhöriga", host=agency)
    make("Anhörigstöd i kommunerna", host=[other_agency, agency])
    make("Anhöriga som vårdar", host=third_agency)

    matches = similar_engagements(title="Stöd till anhöriga", exclude_hosts=[agency])

    assert titles(matches) == ["Anhöriga som vårdar"]


def test_it_leaves_out_the_engagement_being_edited(agency, other_agency):
    edited = make("Stöd till anhöriga", host=other_agency)
    make("Anhöriga som vårdar", host=other_agency)

    matches = similar_engagements(title="Stöd till anhöriga", exclude_pk=edited.pk)

    assert titles(matches) == ["Anhöriga som vårdar"]


@pytest.mark.parametrize(
    ("title", "starts_in", "ends_in", "status", "suggested"),
    [
        ("completed eleven months ago", -335, None, Status.COMPLETED, True),
        ("completed thirteen months ago", -400, None, Status.COMPLETED, False),
        ("started two years ago, ended last week", -730, -7, Status.COMPLETED, True),
        ("ongoing for years", -900, None, Status.ONGOING, True),
        ("planned, with a date long past", -900, None, Status.PLANNED, True),
        ("planned three years ahead", 1100, None, Status.PLANNED, True),
        ("cancelled", 30, None, Status.CANCELLED, False),
    ],
)
def test_it_looks_back_twelve_months_and_forward_without_limit(
    agency, other_agency, title, starts_in, ends_in, status, suggested
):
    make(
        f"Demens och boende: {title}",
        host=other_agency,
        starts_in=timedelta(days=starts_in),
        ends_in=timedelta(days=ends_in) if ends_in is not None else None,
        status=status,
    )

    matches = similar_engagements(title="Boende vid demens", exclude_hosts=[agency])

    assert bool(matches) is suggested


def test_an_engagement_cancelled_after_indexing_is_no_longer_suggested(agency, other_agency):
    engagement = make("Spelberoende bland unga", host=other_agency)
    assert titles(similar_engagements(title="Spelberoende", exclude_hosts=[agency]))

    engagement.status = Status.CANCELLED
    engagement.save()
    engagement_index(engagement=engagement)

    assert similar_engagements(title="Spelberoende", exclude_hosts=[agency]) == []


def test_shared_target_groups_and_topics_put_one_of_two_equal_texts_first(
    agency, other_agency, third_agency
):
    youth, topic = TargetGroupFactory(name="Unga"), TopicFactory(name="Psykisk hälsa")
    make("Psykisk ohälsa bland unga", host=other_agency)
    sharing = make("Psykisk ohälsa bland unga", host=third_agency)
    sharing.target_groups.set([youth])
    sharing.topics.set([topic])

    matches = similar_engagements(
        title="Ungas psykiska ohälsa",
        target_groups=[youth],
        topics=[topic],
        exclude_hosts=[agency],
    )

    assert [m.engagement for m in matches][0] == sharing
    assert matches[0].score > matches[1].score
    assert matches[0].text_score == matches[1].text_score


def test_closeness_in_time_puts_one_of_two_equal_texts_first(agency, other_agency):
    make("Vaccin till vuxna", host=other_agency, starts_in=timedelta(days=300))
    near = make("Vaccin till vuxna", host=other_agency, starts_in=timedelta(days=20))

    matches = similar_engagements(
        title="Vaccination av vuxna",
        starts_at=timezone.now() + timedelta(days=25),
        exclude_hosts=[agency],
    )

    assert matches[0].engagement == near
    assert [m.days_apart for m in matches] == [5, 275]


def test_a_shared_date_does_not_make_another_subject_similar(agency, other_agency):
    make("Cykelhjälmar för barn", host=other_agency, starts_in=timedelta(days=30))

    matches = similar_engagements(
        title="Tandvård för äldre",
        starts_at=timezone.now() + timedelta(days=30),
        exclude_hosts=[agency],
    )

    assert matches == []


def test_it_returns_at_most_limit_matches_best_first(agency, other_agency):
    for n in range(6):
        make(f"Hemlöshet och missbruk, del {n}", "Om hemlöshet." * n, host=other_agency)

    matches = similar_engagements(title="Hemlöshet och missbruk", limit=4)

    assert len(matches) == 4
    assert [m.score for m in matches] == sorted((m.score for m in matches), reverse=True)


@pytest.mark.parametrize(
    ("title", "description"),
    [
        ("", ""),
        ("   ", None),
        (None, None),
        ("och i att det som", "för med till"),  # stop words only
        ("Dialogmöte 2026", "Workshop och samråd våren 2026."),  # activity words only
        ("?!–%_", ""),
    ],
)
def test_a_text_without_subject_words_has_no_matches(agency, other_agency, title, description):
    make("Dialogmöte 2026 om demens", "Samråd och workshop i våren 2026.", host=other_agency)

    assert similar_engagements(title=title, description=description) == []


def test_an_empty_description_is_fine(agency, other_agency):
    make("Egenvård vid diabetes", "", host=other_agency)

    matches = similar_engagements(title="Diabetes och egenvård", description="")

    assert titles(matches) == ["Egenvård vid diabetes"]


def test_a_100_kb_description_is_read_from_its_start(agency, other_agency):
    make("Undernäring hos äldre", host=other_agency)
    make("Cykelhjälmar för barn", host=other_agency)
    # The subject first, then 100 kB of other words, and cykelhjälmar only at the very end.
    huge = (
        "Undernäring hos äldre på särskilt boende. " + "Trafik och vägar " * 6000 + "cykelhjälmar"
    )
    assert len(huge) > 100_000

    pasted = make("Mat för äldre", huge, host=agency)
    matches = similar_engagements(title="Mat för äldre", description=huge, exclude_hosts=[agency])

    assert titles(matches) == ["Undernäring hos äldre"]
    assert EngagementTerm.objects.filter(engagement=pasted).count() <= analysis.MAX_TERMS
    found = similar_engagements(title="Mat och undernäring för äldre", exclude_hosts=[other_agency])
    assert [m.engagement for m in found] == [pasted]


def test_a_huge_title_is_no_error(agency, other_agency):
    make("Undernäring hos äldre", host=other_agency)

    matches = similar_engagements(title="undernäring " * 20_000)

    assert titles(matches) == ["Undernäring hos äldre"]


def test_common_words_are_not_looked_up_but_still_count(agency, other_agency, monkeypatch):
    """Once the register is large, candidates are found by the rarer words of a text; the common
    ones still add to the text score of what those find."""
    monkeypatch.setattr(similarity, "MIN_DOCUMENTS_FOR_CUT", 1)
    for n in range(10):
        make(f"Stöd till äldre, del {n}", host=other_agency)
    rare = make("Stöd till äldre med afasi", host=other_agency)

    [match] = similar_engagements(title="Afasi hos äldre som behöver stöd", limit=1)

    assert match.engagement == rare
    assert set(match.shared_terms) == {"afasi", "äldre", "stöd"}
    assert similarity._lookup_terms({"afasi": 1.0, "äld": 0.5}, {"afasi": 1, "äld": 11}, 11) == [
        "afasi"
    ]


def test_a_text_of_common_words_only_is_looked_up_by_the_rarest(agency, other_agency, monkeypatch):
    monkeypatch.setattr(similarity, "MIN_DOCUMENTS_FOR_CUT", 1)
    for n in range(10):
        make(f"Stöd till äldre, del {n}", "Om stöd i vardagen.", host=other_agency)

    matches = similar_engagements(title="Stöd till äldre", limit=3)

    assert len(matches) == 3
    assert set(matches[0].shared_terms) == {"stöd", "äldre"}


def test_the_lookup_reads_a_bounded_number_of_documents(monkeypatch):
    monkeypatch.setattr(similarity, "LOOKUP_BUDGET", 100)
    query = {"a": 0.9, "b": 0.8, "c": 0.7, "d": 0.1}
    counts = {"a": 60, "b": 50, "c": 40, "d": 1}

    # a is looked up first (heaviest); b no longer fits, c just does, then the budget is spent
    assert similarity._lookup_terms(query, counts, 100_000) == ["a", "c"]
    # in 1,000 engagements a is in more than 5 % of them, so not looked up at all
    assert similarity._lookup_terms(query, counts, 1_000) == ["b", "c", "d"]


def test_the_number_of_queries_does_not_grow_with_the_register(agency, other_agency):
    def lookup_queries():
        with CaptureQueriesContext(connection) as queries:
            matches = similar_engagements(
                title="Läkemedelsanvändning hos äldre",
                description="Hur äldre tar sina läkemedel, särskilt de som har hemtjänst.",
                target_groups=[1],
                topics=[1],
                starts_at=timezone.now(),
                exclude_hosts=[agency],
            )
        assert matches
        return len(queries)

    for n in range(3):
        make(f"Läkemedel till äldre {n}", "Om läkemedel och hemtjänst.", host=other_agency)
    few = lookup_queries()
    for n in range(30):
        make(f"Äldres läkemedel, del {n}", "Om läkemedel och hemtjänst.", host=other_agency)
    many = lookup_queries()

    assert few == many <= 12


def test_bulk_and_one_by_one_indexing_rank_alike(agency, other_agency):
    texts = [
        ("Läkemedelsanvändning hos äldre", "Äldre och deras mediciner."),
        ("Användning av läkemedel", "Hur läkemedel används i hemtjänsten."),
        ("Hemtjänst för äldre", ""),
        ("Läkemedel vid demens", "Demenssjukdom och läkemedelsbehandling."),
    ]
    for title, description in texts:
        make(title, description, host=other_agency)

    def ranking():
        return [
            (m.engagement.title, m.score, m.shared_terms)
            for m in similar_engagements(title="Äldres användning av läkemedel")
        ]

    one_by_one = ranking()
    engagements_reindex()

    assert ranking() == one_by_one
