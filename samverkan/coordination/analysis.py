"""Swedish text → weighted index terms, for finding similar engagements.

Pure functions, no database: the index service and the similarity selector share them, so an
engagement and a planner's half-typed title are read the same way.

1. **Words.** Lower-cased runs of letters and digits. Left out: one-letter words, numbers
   ("2026", dates: closeness in time is scored from the dates themselves), words over 40
   characters (addresses, links) and stop words.
2. **Terms.** `normalise()` reduces a word to its Snowball Swedish stem and irons out what the
   light stemmer leaves: it stems again until nothing changes ("insatser" → "insats" → …, so
   every form of "insats" ends on the same term), drops the definite endings it keeps
   ("hälsan", "barnet"), the e that -el/-er words lose when inflected ("läkemedel" and
   "läkemedlet" both → "läkemedl", "förälder" and "föräldrar" both → "föräld") and a doubled
   last consonant ("ensamma" → "ensam"). Terms are never shown: each keeps a readable word.
3. **Words every engagement has.** Left out as well: `ACTIVITY_WORDS`, the form and time of an
   activity (dialogmöte, workshop, samråd, våren …), which the method and date fields record,
   and `PROCESS_WORDS`, the vocabulary of participation itself (organisationer, synpunkter,
   föreskrifter, nationell …). Two engagements are not alike because both are dialogue meetings
   where organisations give their views. In a large register their IDF would be low anyway;
   listing them lets a young register with a few dozen engagements rank well too, and keeps
   them out of the reasons a page shows.
4. **Compound words** (see `split`): a long term is split once into a known modifier and a known
   head, so "läkemedelsanvändning" also yields "läkemedl" and "användning" and meets
   "användning av läkemedel". When the head is one of `GENERIC_HEADS` the compound says no more
   than its modifier: "pensionärsorganisationer" becomes "pensionär", "planeringsmöte"
   "planering". Such a modifier mostly says whom the agency invites ("patient- och
   brukarorganisationer"), which target groups and invitations record, so it weighs
   `GENERIC_HEAD_MODIFIER_WEIGHT`.
5. **Weights.** Per field, a term's weight is 1 + ln(tf) (`_damped`); a title counts `TITLE_WEIGHT` times a
   description; a compound part counts `PART_WEIGHT` of the whole word. Only the
   `MAX_TERMS` heaviest terms are kept, and only the first `MAX_DESCRIPTION_CHARS` of a
   description are read (its subject is stated at the start; a 100 kB paste costs no more).
"""

import math
import re
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from functools import lru_cache

import Stemmer

from samverkan.core.search import STOP_WORDS

TITLE_WEIGHT = 2.0
PART_WEIGHT = 0.6
GENERIC_HEAD_MODIFIER_WEIGHT = 0.3
MAX_TERMS = 64
MAX_DESCRIPTION_CHARS = 5000
MAX_TITLE_CHARS = 500
# Longer "words" are addresses and links; terms must fit the index's 64-character column.
MAX_WORD_LENGTH = 40
MIN_STEM = 3

_WORD = re.compile(r"\w+", re.UNICODE)
_VOWELS = frozenset("aeiouyåäö")
# Definite and plural endings Snowball leaves on: "hälsan", "barnet", "dialogmöten(a)".
_DEFINITE_ENDINGS = ("an", "et", "en")


def _word_list(text: str) -> list[str]:
    return text.split()


MORE_STOP_WORDS = frozenset(
    _word_list(
        "oss dem hos inom genom utan samt både mellan kring bland vilka vilket vilken vem vars "
        "sina sitt mitt min mina din dina hans hennes dig mig något några någon inga ingen "
        "inget alltid redan samma olika flera fler bl bla ex osv etc via per kl ca mm "
        "inför ännu än ofta sedan senare tidigare även också enligt både hur vad när där"
    )
)

# The form and time of an activity (module docstring, step 3). Written as words; normalised.
ACTIVITY_WORDS = _word_list(
    "dialogmöte dialogmöten möte mötet möten träff träffar samråd samrådsmöte workshop "
    "workshoppar seminarium seminarier webbinarium webbinarier konferens konferenser "
    "rundabordssamtal fokusgrupp fokusgrupper referensgrupp referensgrupper referensgruppsmöte "
    "enkät enkäter intervju intervjuer gruppintervju gruppintervjuer rådsmöte rådsmöten "
    "nätverksträff nätverksmöte informationsmöte uppstartsmöte utbildningsdag temadag "
    "hearing inbjudan inbjudna anmälan fysiskt hybrid "
    "vår våren vårens höst hösten höstens sommar sommaren vinter vintern "
    "januari februari mars april maj juni juli augusti september oktober november december "
    "måndag tisdag onsdag torsdag fredag vecka veckor dag dagar datum tid tider klockan"
)

# The vocabulary of participation and of the agencies' instruments (module docstring, step 3).
PROCESS_WORDS = _word_list(
    "organisation organisationer förening föreningar förbund riksförbund myndighet myndigheter "
    "representant representanter deltagare synpunkt synpunkter erfarenhet erfarenheter inspel "
    "underlag föreskrift föreskrifter vägledning riktlinje riktlinjer kunskapsstöd strategi "
    "rapport uppdrag regeringsuppdrag tillsyn granskning nationell nationellt nationella "
    "ny nya lämna lämnar samla samlar berätta berättar höra diskutera diskuterar bjuda bjuder "
    "delta deltar medverka publicerad publicerat publicerade planerad planerat planerade "
    "genomförd genomfört genomförde"
)

# Heads that make a compound mean no more than its modifier (module docstring, step 4).
GENERIC_HEAD_WORDS = _word_list(
    "organisation förening förbund myndighet möte träff konferens seminarium webbinarium workshop"
)

# Common words of health and social care, so compound parts are known even before the
# register has used them on their own. Written as words; normalised below.
BASE_VOCABULARY = _word_list(
    "läkemedel användning förskrivning recept apotek vaccin vaccination smitta skydd "
    "vård hälsa sjukvård hälsovård omsorg stöd insats insatser tjänst hem boende bostad "
    "barn unga ungdom äldre förälder föräldrar familj anhörig närstående kvinna man flicka pojke "
    "patient brukare elev skola förskola arbete arbetsgivare arbetsförmåga sjukskrivning "
    "sjuk sjukdom sjukpenning försäkring ersättning kostnad avgift bidrag "
    "psykisk psykiatri ohälsa beroende missbruk spel alkohol narkotika våld relation "
    "demens cancer diabetes hjärta lunga reuma astma allergi epilepsi autism smärta "
    "tand syn hörsel funktion nedsättning hinder rörelse skada skadad "
    "säkerhet kvalitet kunskap utbildning kompetens försörjning prevention rehabilitering "
    "habilitering hjälpmedel tillgänglighet språk tolk information digitalisering "
    "plan planering uppföljning utvärdering "
    "råd grupp region kommun central centrum pensionär "
    "mottagning akut kris beredskap kö väntetid garanti assistans personlig person "
    "delaktighet inflytande rättighet rätt diskriminering jämlikhet jämställdhet "
    "nutrition mat kost fysisk aktivitet sömn suicid självmord trygghet ensamhet "
    "behandling diagnos screening test provtagning journal intyg samordning"
)


@lru_cache(maxsize=1)
def _stemmer():
    return Stemmer.Stemmer("swedish")


@lru_cache(maxsize=200_000)
def normalise(word: str) -> str:
    """The index term for a lower-cased word (see the module docstring, step 2)."""
    term = word
    for attempt in range(3):
        stem = _stemmer().stemWord(term)
        for ending in _DEFINITE_ENDINGS:
            if stem.endswith(ending) and len(stem) - len(ending) >= 3:
                stem = stem[: -len(ending)]
                break
        # Stemming a stem again can shorten it a lot ("hälsa" → "häls" → "häl"); that is fine as
        # long as every form of a word ends the same way, but a term keeps three letters.
        if stem == term or (attempt and len(stem) < MIN_STEM):
            break
        term = stem
    # läkemedel → läkemedl (as in läkemedlet), enkel → enkl (as in enkla)
    if len(term) >= 5 and term[-2:] in ("el", "er") and term[-3] not in _VOWELS:
        term = term[:-2] + term[-1]
    # föräldr (föräldrar) → föräld (förälder), säkr (säkra) → säk (säker)
    if len(term) >= 4 and term[-1] == "r" and term[-2] not in _VOWELS and term[-2] != "r":
        term = term[:-1]
    # ensamm (ensamma) → ensam (ensam); Snowball undoubles only some consonants
    if len(term) >= 4 and term[-1] == term[-2] and term[-1] not in _VOWELS:
        term = term[:-1]
    return term


IGNORED_TERMS = frozenset(normalise(w) for w in ACTIVITY_WORDS + PROCESS_WORDS)
GENERIC_HEADS = frozenset(normalise(w) for w in GENERIC_HEAD_WORDS)
BASE_TERMS = frozenset(normalise(w) for w in BASE_VOCABULARY)


def words(text: str) -> list[str]:
    """The words of `text` that can carry its subject (module docstring, step 1)."""
    return [
        w
        for w in _WORD.findall((text or "").lower())
        if 1 < len(w) <= MAX_WORD_LENGTH
        and not w.isdigit()
        and w not in STOP_WORDS
        and w not in MORE_STOP_WORDS
    ]


def truncate(text: str, limit: int = MAX_DESCRIPTION_CHARS) -> str:
    """`text` cut to at most `limit` characters, at a space when there is one near the end."""
    text = text or ""
    if len(text) <= limit:
        return text
    cut = text[:limit]
    space = cut.rfind(" ", limit - limit // 10)
    return cut[:space] if space > 0 else cut


def text_terms(text: str) -> list[tuple[str, str]]:
    """(term, word) for each word of `text` that becomes an index term, in order."""
    pairs = []
    for word in words(text):
        term = normalise(word)
        if len(term) > 1 and term not in IGNORED_TERMS:
            pairs.append((term, word))
    return pairs


# --- Compound words -----------------------------------------------------------------------

MIN_PART = 3
# Letters that join the parts of a compound: läkemedel-s-användning, häls-o-vård, gat-u-lykta,
# barn-e-… (rare), and the -a of the first part's base form (skol-a → skolgård is already "skol").
LINKS = frozenset("seoua")


def _modifier_forms(fragment: str) -> list[str]:
    forms = [fragment, normalise(fragment)]
    if fragment[-1] in LINKS and len(fragment) > MIN_PART:
        forms += [fragment[:-1], normalise(fragment[:-1])]
    return list(dict.fromkeys(f for f in forms if len(f) >= MIN_PART))


def splittable(term: str) -> bool:
    return len(term) >= 2 * MIN_PART + 1


@lru_cache(maxsize=100_000)
def split_candidates(term: str) -> frozenset[str]:
    """Every string `split` may ask about, so a caller can look them all up at once."""
    if not splittable(term):
        return frozenset()
    found = set()
    for i in range(MIN_PART, len(term) - MIN_PART + 1):
        found.add(term[i:])
        found.update(_modifier_forms(term[:i]))
    return frozenset(found)


def split(term: str, known: Callable[[str], bool] | set[str] | frozenset[str]):
    """Split a compound term into (modifier, head, position) when both parts are known words.

    Swedish compounds put the meaning-bearing head last, so the longest known head wins: the
    first position, from the left, where the rest of the term is a known term and the start,
    as it is, without a linking letter (s, e, o, u, a) or normalised, is one too. Both parts
    have at least `MIN_PART` letters, and a term is split once (into two parts): enough for
    "läkemedels|användning", "funktions|nedsättning", "anhörig|stöd", "cancer|vård".

    "Known" is the caller's vocabulary: terms the index has seen (and so were written on
    their own somewhere, or are parts of such words), the words of the same text,
    `BASE_VOCABULARY` and `GENERIC_HEADS`. A split into unknown pieces ("organ|isation") never
    happens, and a rare wrong split costs little: the whole term is kept too, and parts weigh
    less. A head that is a left-out word (other than a generic head) is not a head: "måltid"
    is not "mål" + "tid".
    """
    is_known = known.__contains__ if isinstance(known, set | frozenset) else known
    if not splittable(term):
        return None
    for i in range(MIN_PART, len(term) - MIN_PART + 1):
        head = term[i:]
        if head in IGNORED_TERMS and head not in GENERIC_HEADS:
            continue
        if not (is_known(head) or head in GENERIC_HEADS):
            continue
        for form in _modifier_forms(term[:i]):
            if is_known(form) or form in IGNORED_TERMS:
                return form, head, i
    return None


# --- Analysis ------------------------------------------------------------------------------


@dataclass
class Analysis:
    """An analysed text: raw weight and a readable word for each term.

    `known` is what the vocabulary lookup answered (term → number of indexed engagements that
    have it; 0 for a word known only from `BASE_VOCABULARY`).
    """

    weights: dict[str, float] = field(default_factory=dict)
    labels: dict[str, str] = field(default_factory=dict)
    # Terms that occurred as a whole word: their label is a real word of the text.
    whole: set[str] = field(default_factory=set)
    # Compound part → the compounds of the text it came from.
    part_of: dict[str, set[str]] = field(default_factory=dict)
    known: Mapping[str, int] = field(default_factory=dict)

    def __bool__(self):
        return bool(self.weights)

    def unit_weights(self, scale: Mapping[str, float] | None = None) -> dict[str, float]:
        """Weights (times `scale` per term, if given) divided by their Euclidean length."""
        scaled = {t: w * (scale[t] if scale else 1.0) for t, w in self.weights.items()}
        length = math.sqrt(sum(w * w for w in scaled.values()))
        return {t: w / length for t, w in scaled.items()} if length else {}


def analyse(
    title: str,
    description: str = "",
    *,
    lookup: Callable[[set[str]], Mapping[str, int]],
) -> Analysis:
    """Terms and weights of an engagement's (or a planner's) title and description.

    `lookup(candidates)` tells which of the candidate strings are known terms; it is called
    once, with the text's own terms and every possible compound part of them.
    """
    fields = [
        (text_terms(truncate(title, MAX_TITLE_CHARS)), TITLE_WEIGHT),
        (text_terms(truncate(description)), 1.0),
    ]
    labels: dict[str, str] = {}
    counts: list[dict[str, float]] = []
    for pairs, _ in fields:
        tf: dict[str, float] = {}
        for term, word in pairs:
            tf[term] = tf.get(term, 0.0) + 1.0
            labels.setdefault(term, word)
        counts.append(tf)
    whole = set(labels)
    # Only the heaviest whole terms are worth splitting (a 5,000-character text has hundreds).
    heaviest = _top(_weights(counts, fields), MAX_TERMS)
    candidates = set(heaviest)
    for term in heaviest:
        candidates |= split_candidates(term)
    known = lookup(candidates)

    def is_known(term):
        return term in known or term in whole or term in BASE_TERMS

    parts = {t: found for t in heaviest if (found := split(t, is_known))}
    for tf in counts:
        for term, n in list(tf.items()):
            if term not in parts:
                continue
            modifier, head, _ = parts[term]
            if head in GENERIC_HEADS:
                # "pensionärsorganisationer" says "pensionär", and mostly whom an agency invites
                del tf[term]
                new_parts = [(modifier, GENERIC_HEAD_MODIFIER_WEIGHT)]
            else:
                new_parts = [(modifier, PART_WEIGHT), (head, PART_WEIGHT)]
            for part, share in new_parts:
                if part not in IGNORED_TERMS:
                    tf[part] = tf.get(part, 0.0) + share * n
    for term, (modifier, head, i) in parts.items():
        word = labels[term]
        start, rest = (word[:i], word[i:]) if word.startswith(term[:i]) else (modifier, head)
        if head in GENERIC_HEADS:
            # "pensionärs|organisationer" → "pensionär"
            labels.setdefault(modifier, start[:-1] if start.endswith("s") else start)
        else:
            # "läkemedels|användningen" → "läkemedels-", "användningen"
            labels.setdefault(modifier, start + "-")
            labels.setdefault(head, rest)
    whole -= {t for t, (_, head, _) in parts.items() if head in GENERIC_HEADS}
    part_of: dict[str, set[str]] = {}
    for term, (modifier, head, _) in parts.items():
        if head not in GENERIC_HEADS:
            part_of.setdefault(modifier, set()).add(term)
            part_of.setdefault(head, set()).add(term)
    weights = _top(_weights(counts, fields), MAX_TERMS)
    return Analysis(
        weights=weights,
        labels={t: labels[t] for t in weights},
        whole=whole & set(weights),
        part_of=part_of,
        known=known,
    )


def _weights(counts: list[dict[str, float]], fields) -> dict[str, float]:
    weights: dict[str, float] = {}
    for tf, (_, field_weight) in zip(counts, fields, strict=True):
        for term, n in tf.items():
            weights[term] = weights.get(term, 0.0) + field_weight * _damped(n)
    return weights


def _damped(tf: float) -> float:
    """1 + ln(tf), so the tenth mention adds little; linear below one mention (compound parts
    count fractions of one), where the logarithm would turn negative."""
    return 1.0 + math.log(tf) if tf >= 1 else tf


def _top(weights: dict[str, float], n: int) -> dict[str, float]:
    """The `n` heaviest terms; among equals, the first in the text (sorted() is stable)."""
    if len(weights) <= n:
        return weights
    return dict(sorted(weights.items(), key=lambda item: -item[1])[:n])


def idf(document_count: int, documents: int) -> float:
    """Inverse document frequency, ln(1 + N / df): a word in every text still weighs a little.
    Shared by the similar-engagement lookup and the grouping of input items."""
    return math.log(1 + max(documents, 1) / max(document_count, 1))


def whole_terms(texts: Iterable[str]) -> set[str]:
    """The terms the texts contain as whole words (a vocabulary for bulk indexing)."""
    found = set()
    for text in texts:
        found.update(term for term, _ in text_terms(truncate(text)))
    return found
