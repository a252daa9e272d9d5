"""Search understands Swedish word forms and parts of compound words, on SQLite and PostgreSQL alike."""

import pytest

from samverkan.core import search
from samverkan.engagements.models import Engagement
from samverkan.register.models import Organisation

from .factories import EngagementFactory, OrganisationFactory


@pytest.fixture
def register(db):
    for name, description in [
        ("Riksorganisationen för äldre", "En organisation för pensionärer."),
        ("Diabetesförbundet", "Förbund för personer med diabetes."),
        ("Astma- och allergiförbundet", "Arbetar för personer med astma och allergi."),
        ("Nationell Samverkan för Psykisk Hälsa", "Brukarrörelsen inom psykiatrin."),
        ("Sveriges Dövas Riksförbund", "Teckenspråkiga döva."),
    ]:
        OrganisationFactory(name=name, description=description)
    EngagementFactory(title="Workshop om läkemedelsanvändning hos äldre")
    EngagementFactory(title="Dialogmöte om barns delaktighet")
    EngagementFactory(title="Samråd om tillsyn av hemtjänst")


def names(query):
    return set(Organisation.objects.search(query).values_list("name", flat=True))


def titles(query):
    return set(Engagement.objects.search(query).values_list("title", flat=True))


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("organisationerna", {"Riksorganisationen för äldre"}),  # inflected form
        ("organisation", {"Riksorganisationen för äldre"}),  # part of a compound
        ("diabetes", {"Diabetesförbundet"}),  # compound part
        (
            "förbunden",
            {"Diabetesförbundet", "Astma- och allergiförbundet", "Sveriges Dövas Riksförbund"},
        ),
        ("ALLERGI", {"Astma- och allergiförbundet"}),  # case
        ("psykiska hälsan", {"Nationell Samverkan för Psykisk Hälsa"}),  # several inflected words
        ("döva", {"Sveriges Dövas Riksförbund"}),
        ("pensionär", {"Riksorganisationen för äldre"}),  # found in the description
        ("cancer", set()),
    ],
)
def test_organisations_are_found_by_swedish_word_forms(register, query, expected):
    assert names(query) == expected


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("läkemedel", {"Workshop om läkemedelsanvändning hos äldre"}),
        ("användningen", {"Workshop om läkemedelsanvändning hos äldre"}),
        ("dialogmötena", {"Dialogmöte om barns delaktighet"}),
        ("barnen", {"Dialogmöte om barns delaktighet"}),
        ("tillsynen hemtjänsten", {"Samråd om tillsyn av hemtjänst"}),
    ],
)
def test_engagements_are_found_by_swedish_word_forms(register, query, expected):
    assert titles(query) == expected


@pytest.mark.parametrize("query", ["", "   ", "och i att", "?!", "a"])
def test_a_query_without_searchable_words_does_not_filter(register, query):
    assert search.matches(query) is None
    assert Organisation.objects.search(query).count() == Organisation.objects.count()


def test_the_search_page_shows_the_hits(client, register):
    body = client.get("/organisationer/?q=organisationerna").content.decode()
    assert "Riksorganisationen för äldre" in body
    assert "Diabetesförbundet" not in body


def test_wildcards_in_the_query_are_plain_text(register):
    assert names("%") == set(Organisation.objects.values_list("name", flat=True))
    assert names("diab_tes") == set()
