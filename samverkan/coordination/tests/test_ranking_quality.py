"""Ranking quality on hand-written Swedish engagements (issue 3, "Done when").

Every engagement of a pair is at its own host, amid the other pairs and the distractors, spread
over six agencies. Related pairs must find each other in the top 3; unrelated pairs, which
share only the common words of the field, must not. The register is indexed both ways the
app does it: one engagement at a time after each save, and in bulk after a data load.
"""

import random
from datetime import timedelta

import pytest
from django.utils import timezone

from samverkan.coordination.services import engagement_index, engagements_reindex
from samverkan.coordination.similarity import similar_to_engagement
from tests.factories import AgencyFactory, EngagementFactory

from .corpus import DISTRACTORS, RELATED, UNRELATED


def _build(indexing):
    agencies = [AgencyFactory() for _ in range(6)]
    start = timezone.now() + timedelta(days=14)
    # Interleave everything so neither the order of ids nor of indexing favours the pairs.
    entries = []
    for i, (first, second) in enumerate(RELATED + UNRELATED):
        host = i % 6
        entries.append((("pair", i, 0), first, host, start + timedelta(days=(i * 11) % 200)))
        entries.append(
            (("pair", i, 1), second, (host + 1 + i % 5) % 6, start + timedelta(days=(i * 13) % 200))
        )
    for j, text in enumerate(DISTRACTORS):
        entries.append((("distractor", j), text, j % 6, start + timedelta(days=(j * 7) % 200)))
    random.Random(3).shuffle(entries)

    made = {}
    for key, (title, description), host, starts_at in entries:
        engagement = EngagementFactory(
            title=title, description=description, starts_at=starts_at, hosts=[agencies[host]]
        )
        if indexing == "one by one":
            engagement_index(engagement=engagement)
        made[key] = engagement
    if indexing == "in bulk":
        engagements_reindex()
    return made


@pytest.fixture(params=["one by one", "in bulk"])
def register(request, db):
    return _build(request.param)


def _top3(engagement):
    return [match.engagement.pk for match in similar_to_engagement(engagement=engagement, limit=3)]


def _describe(engagement):
    top = similar_to_engagement(engagement=engagement, limit=3)
    return f"{engagement.title!r} → " + (
        ", ".join(f"{m.engagement.title!r} ({m.score:.2f})" for m in top) or "nothing"
    )


def test_it_has_enough_hand_written_pairs():
    assert len(RELATED) + len(UNRELATED) >= 30
    assert len(DISTRACTORS) >= 50
    titles = [t for pair in RELATED + UNRELATED for t, _ in pair] + [t for t, _ in DISTRACTORS]
    assert len(titles) == len(set(titles))


def test_related_engagements_find_each_other_in_the_top_3(register):
    failures = []
    for i in range(len(RELATED)):
        first, second = register[("pair", i, 0)], register[("pair", i, 1)]
        for one, other in ((first, second), (second, first)):
            if other.pk not in _top3(one):
                failures.append(_describe(one))
    assert not failures, "\n".join(failures)


def test_unrelated_engagements_that_share_common_words_are_not_in_the_top_3(register):
    failures = []
    offset = len(RELATED)
    for i in range(offset, offset + len(UNRELATED)):
        first, second = register[("pair", i, 0)], register[("pair", i, 1)]
        for one, other in ((first, second), (second, first)):
            if other.pk in _top3(one):
                failures.append(_describe(one))
    assert not failures, "\n".join(failures)
