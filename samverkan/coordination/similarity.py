"""Similar engagements at other hosts: the read behind "before you invite".

How a lookup runs (a fixed number of queries, whatever the size of the register):

1. The planner's title and description are analysed like an indexed engagement (`analysis`);
   one query fetches the document counts of the terms and of their possible compound parts.
2. Query weights are the analysis weights times IDF, ln(1 + N / df), scaled to unit length.
   Candidates are looked up by the heaviest terms (rare words, title words) that are in at most
   `MAX_DOCUMENT_FRACTION` of the engagements (once there are `MIN_DOCUMENTS_FOR_CUT`), while
   their document counts add up to at most `LOOKUP_BUDGET`, at most `MAX_QUERY_TERMS` of
   them; when every term is more common than that, by the rarest one alone. This bounds the
   rows a lookup reads whatever the planner types: common words say little and would read
   many rows.
3. One grouped query over the index, reading only the index (term, visible_until, engagement,
   weight), sums query weight × engagement weight per candidate engagement – planned or
   ongoing, or completed within the last year, at none of `exclude_hosts` – and keeps the best
   `CANDIDATES`.
4. Those are re-ranked in Python:

       score = TEXT_WEIGHT × text + TARGET_GROUP_WEIGHT × groups + TOPIC_WEIGHT × topics
               + TIME_WEIGHT × time

   text    cosine of the two term vectors, 0–1 (every shared term counts here, also the common
           ones left out of step 3); engagements under `MIN_TEXT_SCORE` are dropped, so a
           match always shares some subject;
   groups  shared target groups / √(planner's × candidate's), 0–1 (0 when either has none);
   topics  the same for topics;
   time    1 / (1 + days apart / `TIME_SCALE_DAYS`): 1 on the same day, ½ three months
           apart; 0 without a date.

   Text dominates: target groups, topics and dates reorder engagements about the same subject
   but cannot make an engagement on another subject similar.
"""

import math
from dataclasses import dataclass
from datetime import datetime

from django.db import connection
from django.db.models import Case, F, FloatField, Sum, Value, When
from django.utils import timezone

from samverkan.engagements.models import Engagement, EngagementHost
from samverkan.engagements.selectors import engagement_cards
from samverkan.register.models import TargetGroup, Topic

from . import analysis
from .models import DOCUMENTS, EngagementTerm, Term

CANDIDATES = 50
MAX_QUERY_TERMS = 24
MAX_DOCUMENT_FRACTION = 0.05
MIN_DOCUMENTS_FOR_CUT = 500
LOOKUP_BUDGET = 25_000

TEXT_WEIGHT = 0.65
TARGET_GROUP_WEIGHT = 0.15
TOPIC_WEIGHT = 0.10
TIME_WEIGHT = 0.10
MIN_TEXT_SCORE = 0.15
TIME_SCALE_DAYS = 90
# Shared terms named in a match's reason, strongest first: at most this many, each adding at
# least this share of what the strongest one adds.
MAX_REASON_TERMS = 8
MIN_REASON_SHARE = 0.2


@dataclass(frozen=True)
class Match:
    """One similar engagement and why it matched."""

    engagement: Engagement
    score: float
    text_score: float
    # Readable words both texts share ("läkemedel", "äldre"), strongest first.
    shared_terms: tuple[str, ...]
    shared_target_groups: tuple[TargetGroup, ...]
    shared_topics: tuple[Topic, ...]
    # Days between the two start dates; None when the planner gave no date.
    days_apart: int | None


def similar_engagements(
    *,
    title: str,
    description: str = "",
    target_groups=(),
    topics=(),
    starts_at: datetime | None = None,
    exclude_hosts=(),
    exclude_pk: int | None = None,
    limit: int = 10,
) -> list[Match]:
    """Engagements at other hosts like the one described, best first (see the module docstring).

    `target_groups`, `topics` and `exclude_hosts` take objects or primary keys. A text without a
    word worth comparing (empty, only stop words) has no matches.
    """
    result = analysis.analyse(
        title or "", description or "", lookup=lambda c: Term.objects.known(c | {DOCUMENTS})
    )
    if not result or limit <= 0:
        return []
    counts = result.known
    documents = counts.get(DOCUMENTS, 0)
    query = result.unit_weights(
        {t: analysis.idf(counts.get(t, 0), documents) for t in result.weights}
    )
    looked_up = _lookup_terms(query, counts, documents)
    if not looked_up:
        return []

    candidates = _candidates(query, looked_up, _pks(exclude_hosts), exclude_pk)
    text_scores, shared, starts = _text_scores(candidates, query)
    candidates = [pk for pk in candidates if text_scores[pk] >= MIN_TEXT_SCORE]
    if not candidates:
        return []

    wanted_groups, wanted_topics = set(_pks(target_groups)), set(_pks(topics))
    groups = _links(Engagement.target_groups.through, "targetgroup_id", candidates, wanted_groups)
    topic_links = _links(Engagement.topics.through, "topic_id", candidates, wanted_topics)
    planned_on = timezone.localdate(starts_at) if starts_at else None
    scored = []
    for pk in candidates:
        days = abs((starts[pk] - planned_on).days) if planned_on else None
        score = (
            TEXT_WEIGHT * text_scores[pk]
            + TARGET_GROUP_WEIGHT * _overlap(wanted_groups, groups.get(pk, set()))
            + TOPIC_WEIGHT * _overlap(wanted_topics, topic_links.get(pk, set()))
            + TIME_WEIGHT * (0.0 if days is None else 1 / (1 + days / TIME_SCALE_DAYS))
        )
        scored.append((score, pk, days))
    scored.sort(key=lambda item: (-item[0], item[2] if item[2] is not None else 0, -item[1]))
    scored = scored[:limit]

    chosen = [pk for _, pk, _ in scored]
    engagements = engagement_cards(Engagement.objects.filter(pk__in=chosen))
    if wanted_topics:
        engagements = engagements.prefetch_related("topics")
    engagements = {e.pk: e for e in engagements}
    labels = _labels(result, {pk: shared[pk] for pk in chosen})
    return [
        Match(
            engagement=engagements[pk],
            score=round(score, 4),
            text_score=round(text_scores[pk], 4),
            shared_terms=labels[pk],
            shared_target_groups=_among(engagements[pk].target_groups.all(), wanted_groups),
            # Topics are prefetched only when the planner gave some.
            shared_topics=_among(engagements[pk].topics.all(), wanted_topics)
            if wanted_topics
            else (),
            days_apart=days,
        )
        for score, pk, days in scored
    ]


def similar_to_engagement(*, engagement: Engagement, limit: int = 10) -> list[Match]:
    """Engagements at other hosts like this saved one (for its page and the standing report)."""
    return similar_engagements(
        title=engagement.title,
        description=engagement.description,
        target_groups=engagement.target_groups.values_list("pk", flat=True),
        topics=engagement.topics.values_list("pk", flat=True),
        starts_at=engagement.starts_at,
        exclude_hosts=engagement.host_links.values_list("organisation_id", flat=True),
        exclude_pk=engagement.pk,
        limit=limit,
    )


def _pks(items) -> list:
    return [getattr(item, "pk", item) for item in items]


def _lookup_terms(query, counts, documents) -> list[str]:
    """The query terms to find candidates by (module docstring, step 2): the heaviest known
    terms in at most `MAX_DOCUMENT_FRACTION` of the engagements, while their document counts
    add up to at most `LOOKUP_BUDGET`; if none is that rare, the rarest one."""
    known = [t for t in sorted(query, key=query.get, reverse=True) if counts.get(t, 0) > 0]
    cap = MAX_DOCUMENT_FRACTION * documents if documents >= MIN_DOCUMENTS_FOR_CUT else documents
    chosen, budget = [], LOOKUP_BUDGET
    for term in known:
        if counts[term] <= min(cap, budget) and len(chosen) < MAX_QUERY_TERMS:
            chosen.append(term)
            budget -= counts[term]
    if not chosen and known:
        chosen = [min(known, key=counts.get)]
    return chosen


def _candidates(query, terms, exclude_hosts, exclude_pk) -> list[int]:
    """The best `CANDIDATES` engagements by the looked-up terms alone: one grouped query."""
    rows = EngagementTerm.objects.filter(term__in=terms, visible_until__gte=timezone.localdate())
    if exclude_hosts:
        rows = rows.exclude(
            engagement_id__in=EngagementHost.objects.filter(
                organisation_id__in=exclude_hosts
            ).values("engagement_id")
        )
    if exclude_pk is not None:
        rows = rows.exclude(engagement_id=exclude_pk)
    query_weight = Case(
        *[When(term=term, then=Value(query[term])) for term in terms],
        output_field=FloatField(),
    )
    best = (
        rows.values("engagement_id")
        .annotate(score=Sum(F("weight") * query_weight))
        .order_by("-score", "-engagement_id")[:CANDIDATES]
    )
    return [row["engagement_id"] for row in best]


def _text_scores(candidates, query):
    """Cosine of each candidate with the query over every query term, the shared terms with
    what each contributed, and each candidate's start date."""
    scores: dict[int, float] = dict.fromkeys(candidates, 0.0)
    shared: dict[int, dict[str, float]] = {pk: {} for pk in candidates}
    starts = {}
    # All rows of the candidates (at most MAX_TERMS each), from the (engagement, term, weight,
    # starts_on) index; asking for the query's terms too tempts planners to the term index.
    rows = EngagementTerm.objects.filter(engagement_id__in=candidates).values_list(
        "engagement_id", "term", "weight", "starts_on"
    )
    for pk, term, weight, starts_on in rows:
        starts[pk] = starts_on
        if term in query:
            contribution = query[term] * weight
            scores[pk] += contribution
            shared[pk][term] = contribution
    return scores, shared, starts


def _links(through, field, candidates, wanted) -> dict[int, set[int]]:
    """Each candidate's target groups (or topics); none needed when the planner gave none."""
    found: dict[int, set[int]] = {}
    if not wanted:
        return found
    rows = through.objects.filter(engagement_id__in=candidates).values_list("engagement_id", field)
    for pk, other in rows:
        found.setdefault(pk, set()).add(other)
    return found


def _among(items, wanted: set) -> tuple:
    return tuple(item for item in items if item.pk in wanted)


def _overlap(wanted: set, found: set) -> float:
    if not wanted or not found:
        return 0.0
    return len(wanted & found) / math.sqrt(len(wanted) * len(found))


def _labels(result: analysis.Analysis, shared: dict[int, dict[str, float]]):
    """Readable shared words per engagement: the planner's own word when the term was a whole
    word in the planner's text, else the engagement's word, else the planner's part of a
    compound ("läkemedels-")."""
    ordered = {}
    for pk, terms in shared.items():
        # A shared compound ("cancervård") says all that its shared parts would, and a common
        # word that adds little ("syftet") is no reason worth showing.
        strongest = max(terms.values(), default=0.0)
        kept = [
            t
            for t in terms
            if terms[t] >= MIN_REASON_SHARE * strongest
            and not result.part_of.get(t, set()) & terms.keys()
        ]
        ordered[pk] = sorted(kept, key=terms.get, reverse=True)[:MAX_REASON_TERMS]
    missing = {pk: {t for t in terms if t not in result.whole} for pk, terms in ordered.items()}
    theirs: dict[int, dict[str, str]] = {pk: {} for pk in ordered}
    needed = [pk for pk, terms in missing.items() if terms]
    if needed:
        texts = Engagement.objects.filter(pk__in=needed).values_list("pk", "title", "description")
        for pk, title, description in texts:
            for text in (title, analysis.truncate(description)):
                for term, word in analysis.text_terms(text):
                    if term in missing[pk]:
                        theirs[pk].setdefault(term, word)
    return {
        pk: tuple(
            dict.fromkeys(
                result.labels[t] if t in result.whole else theirs[pk].get(t, result.labels[t])
                for t in terms
            )
        )
        for pk, terms in ordered.items()
    }


# Pairs for the standing report: only words this rare pair engagements up, which bounds the
# self-join (a word in d engagements makes at most d·(d−1)/2 pairs) and keeps to specific subjects.
PAIR_MAX_DOCUMENT_COUNT = 40


@dataclass(frozen=True)
class Pair:
    first: int
    second: int
    score: float
    shared_terms: tuple[str, ...]


def similar_pairs(*, engagements, limit: int = 20) -> list[Pair]:
    """Pairs of engagements among `engagements` at different hosts that share rare words, most
    similar first. Two queries: the grouped self-join over the index, then the shared words of
    the chosen pairs."""
    if limit <= 0:
        return []
    subquery, params = engagements.values("pk").query.sql_with_params()
    documents = Term.objects.filter(term=DOCUMENTS).values_list("document_count", flat=True).first()
    if not documents:
        return []
    term_table = EngagementTerm._meta.db_table
    host_table = Engagement.hosts.through._meta.db_table
    sql = f"""
        SELECT a.engagement_id, b.engagement_id,
               SUM(a.weight * b.weight * (1.0 + {documents:d}.0 / t.document_count)) AS score
        FROM {term_table} a
        JOIN {term_table} b ON b.term = a.term AND b.engagement_id > a.engagement_id
        JOIN {Term._meta.db_table} t ON t.term = a.term
        WHERE t.document_count BETWEEN 2 AND %s
          AND a.engagement_id IN ({subquery})
          AND b.engagement_id IN ({subquery})
          AND NOT EXISTS (
              SELECT 1 FROM {host_table} ha JOIN {host_table} hb
                ON hb.organisation_id = ha.organisation_id
              WHERE ha.engagement_id = a.engagement_id AND hb.engagement_id = b.engagement_id)
        GROUP BY a.engagement_id, b.engagement_id
        ORDER BY score DESC, a.engagement_id, b.engagement_id
        LIMIT %s
    """  # noqa: S608 - table names come from the models, values are parameters
    with connection.cursor() as cursor:
        cursor.execute(sql, [PAIR_MAX_DOCUMENT_COUNT, *params, *params, limit])
        rows = cursor.fetchall()
    if not rows:
        return []
    ids = {pk for first, second, _ in rows for pk in (first, second)}
    terms: dict[int, set[str]] = {}
    for engagement_id, term in EngagementTerm.objects.filter(engagement_id__in=ids).values_list(
        "engagement_id", "term"
    ):
        terms.setdefault(engagement_id, set()).add(term)
    best = max(score for _, _, score in rows)
    return [
        Pair(
            first=first,
            second=second,
            score=round(score / best, 2),
            shared_terms=tuple(sorted(terms.get(first, set()) & terms.get(second, set())))[
                :MAX_REASON_TERMS
            ],
        )
        for first, second, score in rows
    ]
