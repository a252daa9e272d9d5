"""Swedish-aware search that works the same on SQLite and PostgreSQL.

Each searchable record keeps a `search_document`: its text lower-cased and
reduced to Snowball Swedish stems ("organisationerna" → "organisation"). A
query is stemmed the same way and every query stem must occur in the document
as a substring, so a part of a compound word matches too ("läkemedel" and
"användning" both find "läkemedelsanvändning"). On PostgreSQL a trigram GIN
index makes that substring test fast; on SQLite it is a scan of one column.
"""

import re
from functools import lru_cache

import Stemmer
from django.db.models import Q

_WORD = re.compile(r"\w+", re.UNICODE)
# Words too common to narrow a search; they are dropped from queries.
STOP_WORDS = frozenset(
    [
        "och",
        "i",
        "att",
        "det",
        "som",
        "en",
        "på",
        "är",
        "av",
        "för",
        "med",
        "till",
        "den",
        "har",
        "de",
        "inte",
        "om",
        "ett",
        "han",
        "men",
        "var",
        "jag",
        "sig",
        "från",
        "vi",
        "så",
        "kan",
        "man",
        "när",
        "år",
        "säga",
        "hon",
        "under",
        "också",
        "efter",
        "eller",
        "nu",
        "sin",
        "där",
        "vid",
        "mot",
        "ska",
        "skulle",
        "kommer",
        "ut",
        "får",
        "finns",
        "vara",
        "hade",
        "alla",
        "andra",
        "mycket",
        "än",
        "här",
        "då",
        "sedan",
        "över",
        "bara",
        "in",
        "blir",
        "upp",
        "även",
        "vad",
        "få",
        "två",
        "vill",
        "ha",
        "många",
        "hur",
        "mer",
        "går",
        "sverige",
        "kunna",
        "ni",
        "bli",
        "deras",
        "dess",
        "denna",
        "detta",
        "dessa",
        "vår",
        "våra",
        "ert",
        "era",
        "the",
        "and",
        "of",
        "to",
        "in",
        "for",
        "on",
        "with",
        "by",
    ]
)


@lru_cache(maxsize=1)
def _stemmer():
    return Stemmer.Stemmer("swedish")


def words(text: str) -> list[str]:
    return _WORD.findall((text or "").lower())


def stems(text: str) -> list[str]:
    return _stemmer().stemWords(words(text))


def document(*parts: str) -> str:
    """The search document for a record made of these texts."""
    seen = dict.fromkeys(stems(" ".join(p for p in parts if p)))
    return " " + " ".join(seen) + " "


# Definite and plural endings the light Snowball stemmer leaves on ("hälsan", "dialogmötena").
_ENDINGS = ("arna", "erna", "orna", "ena", "na", "an", "en", "et")


def query_stem(word: str) -> str:
    """A query word reduced a little further than the document's stems.

    Because a query stem only has to occur inside the document's text, a
    shorter query stem finds more forms: "hälsan" → "häls" finds "hälsa".
    """
    stem = _stemmer().stemWord(word)
    for ending in _ENDINGS:
        if stem.endswith(ending) and len(stem) - len(ending) >= 4:
            return _stemmer().stemWord(stem[: -len(ending)])
    return stem


def query_stems(query: str, max_terms: int = 8) -> list[str]:
    """Stems to look for: stop words and one-letter words dropped, at most `max_terms`."""
    kept = [w for w in words(query) if len(w) > 1 and w not in STOP_WORDS]
    return list(dict.fromkeys(query_stem(w) for w in kept))[:max_terms]


def matches(query: str, field: str = "search_document") -> Q | None:
    """A filter every query stem must satisfy, or None if the query has no searchable word."""
    terms = query_stems(query)
    if not terms:
        return None
    condition = Q()
    for term in terms:
        condition &= Q(**{f"{field}__contains": term})
    return condition
