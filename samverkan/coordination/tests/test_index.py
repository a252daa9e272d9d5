"""The index services: rows per engagement, document counts, and keeping both in sync."""

from datetime import date, timedelta

import pytest
from django.core.management import call_command
from django.utils import timezone

from samverkan.coordination.models import DOCUMENTS, OPEN_ENDED, EngagementTerm, Term
from samverkan.coordination.services import (
    engagement_index,
    engagement_unindex,
    engagements_reindex,
    visible_until,
)
from samverkan.engagements.models import Engagement, Status
from tests.factories import EngagementFactory


def terms(engagement):
    return set(EngagementTerm.objects.filter(engagement=engagement).values_list("term", flat=True))


def counts():
    return dict(Term.objects.filter(document_count__gt=0).values_list("term", "document_count"))


def indexed(title, description="", **fields):
    engagement = EngagementFactory(title=title, description=description, **fields)
    engagement_index(engagement=engagement)
    return engagement


def test_it_indexes_stems_and_the_parts_of_compound_words(db):
    engagement = indexed(
        "Läkemedelsanvändningen hos äldre", "Dialogmöte 2026 med pensionärsorganisationer."
    )

    assert terms(engagement) == {
        "läkemedelsanvändning",  # the whole word, inflection removed
        "läkemedl",  # its parts
        "användning",
        "äld",
        "pensionär",  # what a -organisationer compound says
    }


def test_weights_have_unit_length_and_the_title_weighs_more(db):
    engagement = indexed("Demens", "Om boende.")

    weights = dict(
        EngagementTerm.objects.filter(engagement=engagement).values_list("term", "weight")
    )

    assert sum(w * w for w in weights.values()) == pytest.approx(1.0)
    assert weights["dem"] > weights["boend"]


def test_an_edit_replaces_the_rows_and_the_counts(db):
    engagement = indexed("Tandvård för äldre")
    indexed("Tandvård för barn")
    assert counts() == {DOCUMENTS: 2, "tandvård": 2, "tand": 2, "vård": 2, "äld": 1, "barn": 1}

    engagement.title = "Tandvård för unga"
    engagement.save()
    engagement_index(engagement=engagement)

    assert terms(engagement) == {"tandvård", "tand", "vård", "ung"}
    assert counts() == {DOCUMENTS: 2, "tandvård": 2, "tand": 2, "vård": 2, "barn": 1, "ung": 1}


def test_indexing_twice_changes_nothing(db):
    engagement = indexed("Epilepsi och körkort")
    before = (terms(engagement), counts())

    engagement_index(engagement=engagement)

    assert (terms(engagement), counts()) == before


def test_incremental_counts_equal_a_full_recount(db):
    for title in ["Hemlöshet och missbruk", "Missbruk bland unga", "Unga hemlösa", "Och i att"]:
        indexed(title)
    Engagement.objects.filter(title="Unga hemlösa").update(status=Status.CANCELLED)
    engagement_index(engagement=Engagement.objects.get(title="Unga hemlösa"))
    incremental = counts()

    engagements_reindex()

    assert counts() == incremental
    assert incremental[DOCUMENTS] == 2


def test_unindex_before_delete_keeps_the_counts_right(db):
    engagement = indexed("Suicidprevention")
    indexed("Suicidprevention bland äldre")

    engagement_unindex(engagement=engagement)
    engagement.delete()

    assert counts() == {DOCUMENTS: 1, "suicidprevention": 1, "suicid": 1, "prevention": 1, "äld": 1}


@pytest.mark.parametrize(
    ("title", "description"),
    [("Och i att", ""), ("Workshop 2026", "Dialogmöte våren 2026."), ("", "")],
)
def test_an_engagement_without_subject_words_has_no_rows(db, title, description):
    engagement = indexed(title or "–", description)

    assert terms(engagement) == set()
    assert counts() == {}


def test_a_cancelled_engagement_has_no_rows(db):
    engagement = indexed("Vaccin till vuxna", status=Status.CANCELLED)

    assert terms(engagement) == set()


def test_a_100_kb_description_gives_a_bounded_number_of_rows(db):
    huge = " ".join(f"ord{n}x" for n in range(20_000))  # 20,000 different words, ~140 kB
    engagement = indexed("Hörselskadade barn", huge)

    rows = terms(engagement)

    assert len(rows) <= 64
    assert {"hörselsk", "barn"} <= rows  # the title always counts


def test_visible_until():
    start = timezone.make_aware(timezone.datetime(2026, 3, 1, 10, 0))
    end = start + timedelta(days=2)

    assert visible_until(status=Status.PLANNED, starts_at=start, ends_at=None) == OPEN_ENDED
    assert visible_until(status=Status.ONGOING, starts_at=start, ends_at=end) == OPEN_ENDED
    assert visible_until(status=Status.COMPLETED, starts_at=start, ends_at=None) == date(2027, 3, 1)
    assert visible_until(status=Status.COMPLETED, starts_at=start, ends_at=end) == date(2027, 3, 3)
    assert visible_until(status=Status.CANCELLED, starts_at=start, ends_at=end) is None


def test_the_reindex_command_indexes_everything(db):
    EngagementFactory(title="Cannabisbruk bland unga")
    EngagementFactory(title="Unga som använder cannabis")

    call_command("reindex_engagements", stdout=open("/dev/null", "w"))  # noqa: SIM115

    assert counts()[DOCUMENTS] == 2
    assert counts()["cannabis"] == 2
