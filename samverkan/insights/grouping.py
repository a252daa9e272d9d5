"""Groups of similar input items, for the joint analysis's "needs raised to two or more hosts".

Pure functions, no database: the grouping task hands in (id, text) pairs and stores the groups.
The text machinery is the similar-engagement index's (`samverkan.coordination.analysis`), so an
item and an engagement are read the same way:

1. **Terms.** Each text is analysed by `analysis.analyse`: Snowball Swedish stems ironed out,
   stop words and the vocabulary of participation left out, compound words split against the
   items' own vocabulary (words they use on their own) and `analysis.BASE_VOCABULARY`, so
   "läkemedelsgenomgångar" meets "genomgång av läkemedel". Left out as well are `NEED_WORDS`,
   what almost every input item says whatever its subject ("behöver", "saknas", "bättre").
2. **Weights.** Term weight (1 + ln tf) times `analysis.idf` over the items being grouped, scaled
   to unit length: a word many items use weighs little, so "äldre" alone joins nothing. Once
   there are `MIN_DOCUMENTS_FOR_CUT` items, terms in more than `MAX_DOCUMENT_FRACTION` of them
   are left out altogether, as boilerplate ("det gäller särskilt …").
3. **Pairs, without comparing all pairs.** The items are read in order into an inverted index
   (term → the items with it). Each item is scored against the earlier items that share a term
   with it, but only the last `WINDOW` items of each term's list: a rare word's list is short
   and read whole, a common word's is read only near the item. Summing weight × weight over the
   shared terms gives the cosine (a little less for a far-back item that shares a common word
   only; such a pair is joined through a nearer member of its group). The work grows with
   items × terms × `WINDOW`, not with items²; 50,000 items take well under a minute. Each item
   keeps its `LINKS_PER_ITEM` closest pairs above the thresholds: enough to join it to its group.
4. **Groups.** A pair is joined (union-find) when it shares two or more terms and its cosine is
   at least `THRESHOLD`, or when it shares one term and its cosine is at least
   `ONE_TERM_THRESHOLD`: in texts of a sentence or two, one shared word, however rare, is weak
   evidence unless the texts say little else. Every set of two or more joined items is a group;
   a set larger than `MAX_GROUP_SHARE` of the items is split again at a higher threshold, since
   joining pair by pair can chain subjects together through items worded alike. An item's links inside its group say how central it
   is: the best linked are the group's representative quotes.
"""

import heapq
from array import array
from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from samverkan.coordination import analysis

THRESHOLD = 0.25
# Terms in more than this share of the items are left out once there are enough items (as the
# similar-engagement lookup does): boilerplate ("det gäller särskilt …") joins nothing.
MAX_DOCUMENT_FRACTION = 0.05
MIN_DOCUMENTS_FOR_CUT = 500
# A group larger than this share of the items (and than MIN_SPLIT_SIZE) is split again at a
# threshold SPLIT_STEP higher, up to MAX_SPLIT_THRESHOLD: joining pairs one by one can chain
# unrelated subjects through items worded alike ("samla information om … på ett ställe").
MAX_GROUP_SHARE = 0.01
MIN_SPLIT_SIZE = 50
SPLIT_STEP = 0.1
MAX_SPLIT_THRESHOLD = 0.95
ONE_TERM_THRESHOLD = 0.5
WINDOW = 40
LINKS_PER_ITEM = 5
REPRESENTATIVES = 3
LABEL_TERMS = 5
PROGRESS_EVERY = 1000

# What input items say whatever they are about (module docstring, step 1). Written as words.
NEED_WORDS = analysis._word_list(
    "behov behoven behöver behövs önskar önskemål önskan vill saknar saknas brist brister "
    "mer mera bättre fler större mindre problem problemet problemen förslag föreslår tycker "
    "anser upplever upplevelse viktigt viktig svårt svår ofta aldrig finnas finns många få "
    "ges ge göra gör görs borde skulle måste bra dåligt dålig idag fungerar fungerade "
    "tar ta tid lång långa länge medan mår sämre person personer människor vet veta fram "
    "låt låta följa följer"
)
IGNORED_NEED_TERMS = frozenset(analysis.normalise(w) for w in NEED_WORDS)


@dataclass
class Group:
    """Similar items: their ids (in order), the best linked first few, and words they share."""

    item_ids: list[int]
    representatives: list[int] = field(default_factory=list)
    terms: list[str] = field(default_factory=list)


class _UnionFind:
    def __init__(self):
        self.parent: dict[int, int] = {}

    def find(self, x: int) -> int:
        parent = self.parent
        root = x
        while parent.get(root, root) != root:
            root = parent[root]
        while parent.get(x, x) != root:  # path compression
            parent[x], x = root, parent[x]
        return root

    def union(self, a: int, b: int) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            self.parent[max(ra, rb)] = min(ra, rb)


def vectors(
    texts: list[str], progress: Callable[[int], None] | None = None
) -> list[tuple[dict[str, float], dict[str, str]]]:
    """(unit tf-idf weights, readable word per term) for each text (steps 1 and 2);
    `progress(done)` is called every `PROGRESS_EVERY` texts."""
    vocabulary = analysis.whole_terms(texts)

    def lookup(candidates):
        return dict.fromkeys(candidates & vocabulary, 1)

    analysed = []
    document_counts: dict[str, int] = defaultdict(int)
    for index, text in enumerate(texts):
        if progress and index % PROGRESS_EVERY == PROGRESS_EVERY - 1:
            progress(index + 1)
        result = analysis.analyse("", text, lookup=lookup)
        for term in IGNORED_NEED_TERMS.intersection(result.weights):
            del result.weights[term]
        analysed.append(result)
        for term in result.weights:
            document_counts[term] += 1
    documents = len(texts)
    if documents >= MIN_DOCUMENTS_FOR_CUT:
        common = {t for t, n in document_counts.items() if n > MAX_DOCUMENT_FRACTION * documents}
        for result in analysed:
            for term in common.intersection(result.weights):
                del result.weights[term]
    return [
        (
            result.unit_weights(
                {t: analysis.idf(document_counts[t], documents) for t in result.weights}
            ),
            result.labels,
        )
        for result in analysed
    ]


def group_texts(
    items: Iterable[tuple[int, str]],
    *,
    progress: Callable[[int, int], None] | None = None,
) -> list[Group]:
    """Groups of two or more similar items among `items` ((id, text) pairs), largest first.

    `progress(done, total)` is called every `PROGRESS_EVERY` items and at the end; the analysis
    of the texts is the first half of the work, the comparison the second.
    """
    items = list(items)
    total = len(items)
    ids = [pk for pk, _ in items]
    texts = [text for _, text in items]
    del items
    report = progress or (lambda done, total: None)

    vocabulary = vectors(texts, lambda done: report(done // 2, total))
    report(total // 2, total)

    # The pairs above the thresholds (step 3), kept compactly for step 4.
    first, second, similarity = array("i"), array("i"), array("f")
    postings: dict[str, list[tuple[int, float]]] = defaultdict(list)
    for index, (weights, _labels) in enumerate(vocabulary):
        scores: dict[int, float] = defaultdict(float)
        shared: dict[int, int] = defaultdict(int)
        for term, weight in weights.items():
            posting = postings[term]
            for other, other_weight in posting[-WINDOW:]:
                scores[other] += weight * other_weight
                shared[other] += 1
            posting.append((index, weight))
        linked = [
            (score, other)
            for other, score in scores.items()
            if score >= (THRESHOLD if shared[other] > 1 else ONE_TERM_THRESHOLD)
        ]
        # The closest few are enough to join an item to its group, and keep the pairs few.
        for score, other in heapq.nlargest(LINKS_PER_ITEM, linked):
            first.append(other)
            second.append(index)
            similarity.append(score)
        if index % PROGRESS_EVERY == PROGRESS_EVERY - 1:
            report(total // 2 + (index + 1) // 2, total)
    del postings
    max_size = max(MIN_SPLIT_SIZE, int(MAX_GROUP_SHARE * total))
    found = _components(range(len(first)), first, second, similarity, THRESHOLD, max_size)
    report(total, total)

    groups = []
    for indexes, degree in found:
        central = sorted(indexes, key=lambda i: (-degree[i], ids[i]))[:REPRESENTATIVES]
        groups.append(
            Group(
                item_ids=sorted(ids[i] for i in indexes),
                representatives=[ids[i] for i in central],
                terms=_shared_words([vocabulary[i] for i in indexes]),
            )
        )
    groups.sort(key=lambda group: (-len(group.item_ids), group.item_ids[0]))
    return groups


def _components(edges, first, second, similarity, threshold, max_size):
    """(item indexes, links per item) of each set of two or more items joined by the `edges`
    (positions in the three arrays) at `threshold` or above. A set larger than `max_size` is
    split again at a higher threshold (module docstring, step 4)."""
    links = _UnionFind()
    kept = [e for e in edges if similarity[e] >= threshold]
    for e in kept:
        links.union(first[e], second[e])
    by_root: dict[int, list[int]] = defaultdict(list)
    for e in kept:
        by_root[links.find(first[e])].append(e)
    for group_edges in by_root.values():
        members = {first[e] for e in group_edges} | {second[e] for e in group_edges}
        if len(members) > max_size and threshold + SPLIT_STEP <= MAX_SPLIT_THRESHOLD:
            yield from _components(
                group_edges, first, second, similarity, threshold + SPLIT_STEP, max_size
            )
            continue
        degree: dict[int, int] = defaultdict(int)
        for e in group_edges:
            degree[first[e]] += 1
            degree[second[e]] += 1
        yield sorted(members), degree


def _shared_words(members) -> list[str]:
    """The readable words of the terms that weigh most in the group as a whole."""
    totals: dict[str, float] = defaultdict(float)
    counts: dict[str, int] = defaultdict(int)
    labels: dict[str, str] = {}
    for weights, words in members:
        for term, weight in weights.items():
            totals[term] += weight
            counts[term] += 1
            labels.setdefault(term, words.get(term, term))
    # A term in one member only says nothing the group shares.
    shared = [t for t in totals if counts[t] > 1]
    best = sorted(shared, key=lambda t: -totals[t])[:LABEL_TERMS]
    return [labels[t].rstrip("-") for t in best]
