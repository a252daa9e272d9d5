"""Text analysis: Swedish word forms, compound words and the words every engagement has."""

import pytest

from samverkan.coordination import analysis
from samverkan.coordination.analysis import analyse, normalise, split, truncate


def nothing_known(candidates):
    return {}


@pytest.mark.parametrize(
    "forms",
    [
        ["läkemedel", "läkemedlet", "läkemedlen", "läkemedlens", "läkemedels"],
        ["hälsa", "hälsan", "hälsans"],
        ["förälder", "föräldern", "föräldrar", "föräldrarna", "föräldrarnas"],
        ["insats", "insatsen", "insatser", "insatserna"],
        ["barn", "barnet", "barnen", "barnens", "barns"],
        ["kostnad", "kostnaden", "kostnader"],
        ["demens", "demensen"],
        ["ensam", "ensamma"],
        ["säker", "säkra"],
        ["regel", "regler", "reglerna"],
        ["dialogmöte", "dialogmötet", "dialogmöten", "dialogmötena"],
        ["funktionsnedsättning", "funktionsnedsättningar", "funktionsnedsättningen"],
    ],
)
def test_the_forms_of_a_word_become_one_term(forms):
    assert len({normalise(form) for form in forms}) == 1


@pytest.mark.parametrize(
    ("word", "parts"),
    [
        ("läkemedelsanvändning", ("läkemedel", "användning")),
        ("funktionsnedsättning", ("funktion", "nedsättning")),
        ("anhörigstöd", ("anhörig", "stöd")),
        ("cancervården", ("cancer", "vård")),
        ("hjälpmedelsförskrivning", ("hjälpmedel", "förskrivning")),
        ("tandvård", ("tand", "vård")),
        ("pensionärsorganisationer", ("pensionär", "organisation")),
    ],
)
def test_compound_words_split_into_known_parts(word, parts):
    known = analysis.BASE_TERMS

    modifier, head, _ = split(normalise(word), known)

    assert (modifier, head) == tuple(normalise(part) for part in parts)


@pytest.mark.parametrize("word", ["organisation", "information", "rehabilitering", "måltider"])
def test_words_that_only_look_like_compounds_stay_whole(word):
    assert split(normalise(word), analysis.BASE_TERMS) is None


def test_the_corpus_teaches_new_compound_parts():
    term = normalise("blodsockermätning")
    assert split(term, analysis.BASE_TERMS) is None

    known = analysis.BASE_TERMS | {normalise("blodsocker"), normalise("mätning")}

    assert split(term, known)[:2] == (normalise("blodsocker"), normalise("mätning"))


def test_numbers_stop_words_activity_and_process_words_are_left_out():
    result = analyse(
        "Dialogmöte 2026-03-12 kl. 10 om demens",
        "Workshop och samråd i våren; vi samlar synpunkter från patientorganisationer.",
        lookup=nothing_known,
    )

    assert set(result.weights) == {normalise("demens"), normalise("patient")}


def test_a_compound_gets_its_parts_and_readable_labels():
    result = analyse("Läkemedelsanvändningen", "", lookup=nothing_known)

    assert result.labels == {
        "läkemedelsanvändning": "läkemedelsanvändningen",
        "läkemedl": "läkemedels-",
        "användning": "användningen",
    }
    assert result.weights["läkemedl"] == pytest.approx(
        analysis.PART_WEIGHT * analysis.TITLE_WEIGHT * (1 + 0), rel=0.3
    )
    assert result.whole == {"läkemedelsanvändning"}


def test_the_title_weighs_more_than_the_description():
    result = analyse("Epilepsi", "Körkort", lookup=nothing_known)

    assert result.weights[normalise("epilepsi")] > result.weights[normalise("körkort")]


def test_at_most_max_terms_are_kept():
    text = " ".join(f"ord{n}x" for n in range(500))

    assert len(analyse("", text, lookup=nothing_known).weights) == analysis.MAX_TERMS


def test_the_vocabulary_is_looked_up_once():
    calls = []

    def lookup(candidates):
        calls.append(candidates)
        return {}

    analyse("Läkemedelsanvändning och funktionsnedsättning", "Hörselskadade barn.", lookup=lookup)

    assert len(calls) == 1
    assert {"läkemedl", "användning"} <= calls[0]


@pytest.mark.parametrize(
    ("text", "limit", "expected"),
    [
        ("kort text", 100, "kort text"),
        ("vård " * 300, 1000, ("vård " * 200).strip()),
        ("x" * 50, 10, "x" * 10),
        (None, 10, ""),
    ],
)
def test_truncate_cuts_at_a_space_near_the_limit(text, limit, expected):
    assert truncate(text, limit) == expected


def test_every_weight_is_positive():
    result = analyse(
        "Patient- och brukarorganisationernas syn på astma",
        "Med pensionärsorganisationer och anhörigföreningar.",
        lookup=nothing_known,
    )

    assert result.weights
    assert all(weight > 0 for weight in result.weights.values())
