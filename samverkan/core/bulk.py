"""Writing many rows fast."""

from django.db import connection


def insert_rows(model, fields: list[str], rows: list[tuple]) -> None:
    """Write plain tuples (values ready for the database) into `model`'s table.

    For tables of millions of rows Django's per-value work in bulk_create is most of the time;
    COPY on PostgreSQL and executemany on SQLite skip it. Datetimes must already be adapted
    (`connection.ops.adapt_datetimefield_value`).
    """
    if not rows:
        return
    quote = connection.ops.quote_name
    table = quote(model._meta.db_table)
    columns = ", ".join(quote(model._meta.get_field(name).column) for name in fields)
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            with cursor.cursor.copy(f"COPY {table} ({columns}) FROM STDIN") as copy:
                for row in rows:
                    copy.write_row(row)
        else:
            placeholders = ", ".join(["%s"] * len(fields))
            cursor.executemany(
                f"INSERT INTO {table} ({columns}) VALUES ({placeholders})",  # noqa: S608 - names from the models
                rows,
            )
