"""The index behind "similar engagements": an inverted index of Swedish terms kept in the database.

Written only by `services.engagement_index` and `services.engagements_reindex`; read by
`similarity.similar_engagements`. See `analysis` for how text becomes terms.
"""

from datetime import date

from django.db import models

from samverkan.engagements.models import Engagement

from . import analysis

# Planned and ongoing engagements are candidates however old their date.
OPEN_ENDED = date(9999, 12, 31)
# The Term row that counts indexed engagements (the N of IDF). "#" is never part of a term.
DOCUMENTS = "#documents"


# Parameters per IN (...) list: well under SQLite's limit on any build.
IN_LIST_SIZE = 900


def chunks(items, size: int = IN_LIST_SIZE):
    items = list(items)
    for start in range(0, len(items), size):
        yield items[start : start + size]


class TermQuerySet(models.QuerySet):
    def known(self, candidates: set[str]) -> dict[str, int]:
        """The candidates that are known words, with their document counts: those the index has
        seen, and those of the base vocabulary (count 0 if the index has not seen them)."""
        found = dict.fromkeys(candidates & analysis.BASE_TERMS, 0)
        for chunk in chunks(candidates):
            found.update(self.filter(term__in=chunk).values_list("term", "document_count"))
        return found


class Term(models.Model):
    """How many indexed engagements have a term; a term seen once is also a known word for
    splitting compounds."""

    term = models.CharField(max_length=64, primary_key=True)
    document_count = models.PositiveIntegerField(default=0)

    objects = TermQuerySet.as_manager()

    def __str__(self):
        return f"{self.term} ({self.document_count})"


class EngagementTerm(models.Model):
    """One term of one engagement, with its weight (the engagement's terms have unit length).

    `visible_until` is the last day the engagement is a candidate for "similar engagements":
    `OPEN_ENDED` while planned or ongoing, a year after it ended once completed. Cancelled
    engagements have no rows. `starts_on` is the engagement's start date, for closeness in
    time. Both are copied onto every row so that a lookup reads only these two indexes, never
    the engagement table: candidates by (term, visible_until, engagement, weight), their scores
    and dates by (engagement, term, weight, starts_on).

    Rows are derived data, written only by the services; one row per engagement and term by
    construction (`engagements_reindex` rebuilds them).
    """

    engagement = models.ForeignKey(
        Engagement, on_delete=models.CASCADE, related_name="+", db_index=False
    )
    term = models.CharField(max_length=64)
    weight = models.FloatField()
    visible_until = models.DateField()
    starts_on = models.DateField()

    class Meta:
        indexes = [
            models.Index(
                fields=["term", "visible_until", "engagement", "weight"],
                name="coordination_term_lookup",
            ),
            models.Index(
                fields=["engagement", "term", "weight", "starts_on"],
                name="coordination_engagement_terms",
            ),
        ]

    def __str__(self):
        return f"{self.engagement_id}: {self.term} {self.weight:.3f}"
