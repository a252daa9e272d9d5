"""Pairs of similar activities at different hosts, for the network's standing report."""

from datetime import datetime
from zoneinfo import ZoneInfo

from samverkan.coordination.services import engagements_reindex
from samverkan.coordination.similarity import similar_pairs
from samverkan.engagements.models import Engagement
from tests.factories import EngagementFactory

STOCKHOLM = ZoneInfo("Europe/Stockholm")


def test_pairs_at_different_hosts_that_share_rare_words(
    agency, other_agency, django_assert_max_num_queries
):
    when = datetime(2026, 12, 1, 10, tzinfo=STOCKHOLM)
    a = EngagementFactory(
        title="Samråd om läkemedelsanvändning hos äldre", hosts=[agency], starts_at=when
    )
    b = EngagementFactory(
        title="Dialog om användning av läkemedel bland äldre", hosts=[other_agency], starts_at=when
    )
    EngagementFactory(
        title="Referensgrupp om läkemedel för äldre", hosts=[agency], starts_at=when
    )  # same host as a
    EngagementFactory(title="Workshop om tandvårdsstöd", hosts=[other_agency], starts_at=when)
    for i in range(6):
        EngagementFactory(title=f"Möte om skuldsanering del {i}", hosts=[agency], starts_at=when)
    engagements_reindex()
    with django_assert_max_num_queries(4):
        pairs = similar_pairs(engagements=Engagement.objects.all(), limit=5)
    found = {frozenset((p.first, p.second)) for p in pairs}
    assert frozenset((a.pk, b.pk)) in found
    # Never two activities of the same host, never the unrelated one.
    titles = dict(Engagement.objects.values_list("pk", "title"))
    for pair in pairs:
        assert pair.first != pair.second
        assert "tandvårdsstöd" not in titles[pair.first] + titles[pair.second]
    best = pairs[0]
    assert best.score == 1.0 and best.shared_terms


def test_no_pairs_in_an_empty_register(db):
    assert similar_pairs(engagements=Engagement.objects.all()) == []
