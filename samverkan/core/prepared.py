"""Reads built and compiled once per process, then run many times with new values.

Building a queryset and compiling it to SQL costs Django 0.2–0.5 ms; an indexed read of a few
rows costs the database a tenth of that. A page made of a dozen such reads (an organisation's
page) spends most of its time writing the same SQL again. A `PreparedRead` builds its queryset
the first time for each *shape* (whatever changes the SQL's text: who is looking, how many ids),
keeps the SQL, its parameters and the converters of its columns, and afterwards only puts in
the values (`Param`) and runs it. What comes back is what `values_list()` gives.

The queryset is still the ORM's, so its joins, lookups and quoting stay Django's. Only a value
that is a `Param` changes between runs: anything else the build reads (the viewer, a list's
length) must be in the shape, and the date of today must be a `Param`, not a literal.
"""

from collections.abc import Callable
from contextlib import nullcontext
from dataclasses import dataclass
from functools import lru_cache

from django.db import connections
from django.db.models import Expression, F, IntegerField, Model, QuerySet
from django.db.models.lookups import In

# Shapes kept per read: enough for every role and page size; a civil-society viewer's own
# organisation is part of some shapes, so the rarest of those are compiled again when needed.
SHAPES_KEPT = 256


class Param(Expression):
    """A value given when the read runs: `.filter(organisation_id=Param("organisation"))`."""

    def __init__(self, name: str, output_field=None):
        super().__init__(output_field=output_field or IntegerField())
        self.name = name

    def as_sql(self, compiler, connection):
        return "%s", [self]


def in_ids(field: str, size: int) -> In:
    """`field IN (the ids of PreparedRead.rows_for)`: `.filter(in_ids("pk", size))`. A lookup
    of its own, as Django's `__in` on a foreign key wants numbers, not expressions."""
    return In(F(field), [Param(f"id{i}") for i in range(size)])


@dataclass(frozen=True, slots=True)
class _Compiled:
    alias: str
    sql: str
    params: tuple
    converters: dict  # column position -> (converters, expression), as the compiler gives them


class PreparedRead:
    """`build(*shape)` returns the queryset (a `values_list()`, ordered as it should come);
    `rows(*shape, **values)` runs it. `limit` and `offset` page it without a new shape."""

    def __init__(self, build: Callable[..., QuerySet]):
        self.build = build
        self._compile = lru_cache(maxsize=SHAPES_KEPT)(self._compile_shape)

    def _compile_shape(self, *shape) -> _Compiled:
        queryset = self.build(*shape)
        compiler = queryset.query.get_compiler(using=queryset.db)
        sql, params = compiler.as_sql()
        columns = [selected[0] for selected in compiler.select[: compiler.col_count]]
        return _Compiled(queryset.db, sql, tuple(params), compiler.get_converters(columns))

    def bind(self, *shape, limit: int | None = None, offset: int = 0, **values) -> "Bound":
        """The read with its values, to run now (`rows`) or with others (`together`)."""
        compiled = self._compile(*shape)
        sql, params = compiled.sql, self._params(compiled, values)
        if limit is not None:
            # Not part of the shape: every page of a list runs the same SQL.
            sql, params = f"{sql} LIMIT %s OFFSET %s", [*params, limit, offset]
        return Bound(compiled.alias, sql, params, compiled.converters)

    def bind_for(self, ids, *shape, **values) -> "Bound | None":
        """`bind` for a list of ids, given to the build as its first argument's number of
        `in_ids` (a power of two, the list padded with its last id), so that each length
        does not need a shape of its own. None for no ids: there is nothing to read."""
        ids = list(ids)
        if not ids:
            return None
        size = 1 << (len(ids) - 1).bit_length()
        padded = ids + ids[-1:] * (size - len(ids))
        return self.bind(size, *shape, **values, **{f"id{i}": pk for i, pk in enumerate(padded)})

    def rows(self, *shape, limit: int | None = None, offset: int = 0, **values) -> list[tuple]:
        return together(self.bind(*shape, limit=limit, offset=offset, **values))[0]

    def rows_for(self, ids, *shape, **values) -> list[tuple]:
        """`rows` for a list of ids (see `bind_for`)."""
        return together(self.bind_for(ids, *shape, **values))[0]

    def count(self, *shape, **values) -> int:
        """How many rows `rows` gives without a limit."""
        return together(self.bind_count(*shape, **values))[0][0][0]

    def bind_count(self, *shape, **values) -> "Bound":
        """`count`'s read, to run with others."""
        compiled = self._compile(*shape)
        return Bound(
            compiled.alias,
            f"SELECT COUNT(*) FROM ({compiled.sql}) counted",  # noqa: S608 - the ORM's SQL
            self._params(compiled, values),
            {},
        )

    @staticmethod
    def _params(compiled: _Compiled, values: dict) -> list:
        connection = connections[compiled.alias]
        return [
            p.output_field.get_db_prep_value(values[p.name], connection)
            if isinstance(p, Param)
            else p
            for p in compiled.params
        ]


@dataclass(frozen=True, slots=True)
class Bound:
    """A compiled read with its values, ready to run."""

    alias: str
    sql: str
    params: list
    converters: dict  # as in _Compiled

    def converted(self, rows: list[tuple]) -> list[tuple]:
        if not self.converters:
            return rows
        connection = connections[self.alias]
        return [_converted(row, self.converters, connection) for row in rows]


@dataclass(frozen=True, slots=True)
class Reading:
    """Reads to send with others (`gather`), and what to make of their rows: `make` is called
    with each read's rows, in order."""

    reads: tuple[Bound | None, ...]
    make: Callable[..., object]


def gather(*readings: Reading) -> list:
    """What each reading makes, all their reads sent in one round trip (`together`): a page
    made by several selectors waits for the database once rather than once for each."""
    rows = together(*(read for reading in readings for read in reading.reads))
    made, start = [], 0
    for reading in readings:
        made.append(reading.make(*rows[start : start + len(reading.reads)]))
        start += len(reading.reads)
    return made


class PreparedGet:
    """A model instance by the value of one of its unique fields, as `Model.objects.get()` gives
    it, with the SQL compiled once: on a page of small reads, building and compiling `get()` costs
    several times the indexed read itself. None when there is no such row."""

    def __init__(self, model: type[Model], field: str):
        self.model = model
        self.names = tuple(f.attname for f in model._meta.concrete_fields)
        lookup = {field: Param("value", model._meta.get_field(field).__class__())}
        self.read = PreparedRead(
            lambda: model._default_manager.filter(**lookup).values_list(*self.names)
        )

    def get(self, value) -> Model | None:
        bound = self.read.bind(value=value)
        rows = together(bound)[0]
        return self.model.from_db(bound.alias, self.names, rows[0]) if rows else None


def together(*reads: Bound | None) -> list[list[tuple]]:
    """The rows of each read, in order ([] for None). Reads that do not depend on each other's
    rows go to PostgreSQL in one round trip (psycopg's pipeline mode): on a page of small
    indexed reads the wait for each answer costs more than the database's work. Each is still
    a query of Django's cursor, logged and counted as any other."""
    results = [[] for _ in reads]
    pending = [(i, read) for i, read in enumerate(reads) if read is not None]
    if not pending:
        return results
    connection = connections[pending[0][1].alias]
    assert all(read.alias == connection.alias for _, read in pending)
    cursors = [connection.cursor() for _ in pending]
    try:
        with _round_trip(connection, len(cursors)) as pipeline:
            for cursor, (_, read) in zip(cursors, pending, strict=True):
                cursor.execute(read.sql, read.params)
            if pipeline is not None:
                # Every result in one exchange; fetching each one in turn would wait for each.
                # A read the server refuses fails here, as Django's error like any other.
                with connection.wrap_database_errors:
                    pipeline.sync()
            fetched = [cursor.fetchall() for cursor in cursors]
    finally:
        for cursor in cursors:
            cursor.close()
    for (i, read), rows in zip(pending, fetched, strict=True):
        results[i] = read.converted(rows)
    return results


def _round_trip(connection, reads: int):
    """psycopg's pipeline for more than one read on PostgreSQL; elsewhere each read runs as
    it is executed (SQLite has no round trips to save)."""
    if reads > 1 and connection.vendor == "postgresql":
        return connection.connection.pipeline()
    return nullcontext()


def _converted(row, converters, connection) -> tuple:
    row = list(row)
    for position, (functions, expression) in converters.items():
        value = row[position]
        for function in functions:
            value = function(value, expression, connection)
        row[position] = value
    return tuple(row)
