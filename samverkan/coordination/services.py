"""Writes to the similarity index. Call `engagement_index` after every save of an engagement."""

from collections.abc import Iterable
from datetime import timedelta

from django.db import connection, transaction
from django.db.models import Count, F
from django.utils import timezone

from samverkan.engagements.models import Engagement, Status

from . import analysis
from .models import DOCUMENTS, OPEN_ENDED, EngagementTerm, Term, chunks

# How long a completed engagement stays a candidate after it ended.
RECENT = timedelta(days=365)


def visible_until(*, status, starts_at, ends_at):
    """The last day an engagement is a candidate, or None when it never is (cancelled)."""
    if status in (Status.PLANNED, Status.ONGOING):
        return OPEN_ENDED
    if status == Status.COMPLETED:
        return timezone.localdate(ends_at or starts_at) + RECENT
    return None


def _rows(engagement_id, until, starts_at, result: analysis.Analysis) -> list[EngagementTerm]:
    starts_on = timezone.localdate(starts_at)
    return [
        EngagementTerm(
            engagement_id=engagement_id,
            term=term,
            weight=weight,
            visible_until=until,
            starts_on=starts_on,
        )
        for term, weight in result.unit_weights().items()
    ]


def _add_to_counts(terms: Iterable[str], step: int) -> None:
    # Sorted, so concurrent saves tend to lock shared Term rows in the same order.
    for chunk in chunks(sorted(terms)):
        if step > 0:
            Term.objects.bulk_create([Term(term=t) for t in chunk], ignore_conflicts=True)
            Term.objects.filter(term__in=chunk).update(document_count=F("document_count") + step)
        elif step < 0:
            Term.objects.filter(term__in=chunk, document_count__gt=0).update(
                document_count=F("document_count") + step
            )


@transaction.atomic
def engagement_index(*, engagement: Engagement) -> None:
    """Bring one engagement's index rows up to date with its title, description, status and dates.

    Call it after every save of an engagement (and `engagement_unindex` before deleting one).
    A cancelled engagement, or one without a word worth indexing, ends up with no rows.
    """
    until = visible_until(
        status=engagement.status, starts_at=engagement.starts_at, ends_at=engagement.ends_at
    )
    rows = []
    if until:
        result = analysis.analyse(
            engagement.title, engagement.description, lookup=Term.objects.known
        )
        rows = _rows(engagement.pk, until, engagement.starts_at, result)
    _replace_rows(engagement.pk, rows)


@transaction.atomic
def engagement_unindex(*, engagement: Engagement) -> None:
    """Take an engagement out of the index and its counts; call before deleting it."""
    _replace_rows(engagement.pk, [])


def _replace_rows(engagement_id, rows: list[EngagementTerm]) -> None:
    existing = EngagementTerm.objects.filter(engagement_id=engagement_id)
    before = set(existing.values_list("term", flat=True))
    existing.delete()
    EngagementTerm.objects.bulk_create(rows)
    after = {row.term for row in rows}
    _add_to_counts(after - before, +1)
    _add_to_counts(before - after, -1)
    _add_to_counts([DOCUMENTS], int(bool(after)) - int(bool(before)))


@transaction.atomic
def engagements_reindex(queryset=None, *, batch_size: int = 2000) -> int:
    """Rebuild the index rows of these engagements (all when None) and recount every term.

    For data loads, the benchmark and upgrades: one pass learns the vocabulary (every term used
    as a whole word, so compounds split the same whatever the order of loading), a second writes
    the rows in batches. Returns the number of engagements indexed.
    """
    queryset = Engagement.objects.all() if queryset is None else queryset
    fields = ("pk", "title", "description", "status", "starts_at", "ends_at")
    vocabulary = set(analysis.BASE_TERMS)
    vocabulary.update(Term.objects.values_list("term", flat=True))
    for title, description in queryset.values_list("title", "description").iterator(
        chunk_size=batch_size
    ):
        vocabulary |= analysis.whole_terms((title, description))

    def lookup(candidates):
        return dict.fromkeys(candidates & vocabulary, 0)

    indexed = 0
    batch = []
    for values in queryset.values_list(*fields).iterator(chunk_size=batch_size):
        batch.append(values)
        if len(batch) >= batch_size:
            indexed += _write_batch(batch, lookup)
            batch = []
    indexed += _write_batch(batch, lookup)
    _recount()
    # Fresh statistics, so the database plans lookups for the index it now has.
    with connection.cursor() as cursor:
        for model in (EngagementTerm, Term):
            cursor.execute(f"ANALYZE {connection.ops.quote_name(model._meta.db_table)}")
    return indexed


def _write_batch(batch, lookup) -> int:
    rows = []
    indexed = 0
    for pk, title, description, status, starts_at, ends_at in batch:
        until = visible_until(status=status, starts_at=starts_at, ends_at=ends_at)
        if until:
            result = analysis.analyse(title, description, lookup=lookup)
            rows += _rows(pk, until, starts_at, result)
            indexed += bool(result)
    for chunk in chunks([values[0] for values in batch]):
        EngagementTerm.objects.filter(engagement_id__in=chunk).delete()
    EngagementTerm.objects.bulk_create(rows, batch_size=5000)
    return indexed


def _recount() -> None:
    """Document counts from the index itself."""
    counts = EngagementTerm.objects.values_list("term").annotate(n=Count("engagement_id"))
    documents = EngagementTerm.objects.values("engagement_id").distinct().count()
    Term.objects.all().delete()
    Term.objects.bulk_create(
        (Term(term=t, document_count=n) for t, n in [*counts.order_by(), (DOCUMENTS, documents)]),
        batch_size=5000,
    )
