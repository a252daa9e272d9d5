"""Migration operations that only apply on PostgreSQL."""

from django.db import migrations


def trigram_index(table: str, column: str = "search_document") -> migrations.RunPython:
    """A pg_trgm GIN index so `LIKE '%stem%'` search stays fast on large tables (PostgreSQL only)."""
    name = f"{table}_{column}_trgm"

    def forwards(apps, schema_editor):
        if schema_editor.connection.vendor != "postgresql":
            return
        schema_editor.execute("CREATE EXTENSION IF NOT EXISTS pg_trgm")
        schema_editor.execute(
            f"CREATE INDEX IF NOT EXISTS {name} ON {table} USING gin ({column} gin_trgm_ops)"
        )

    def backwards(apps, schema_editor):
        if schema_editor.connection.vendor == "postgresql":
            schema_editor.execute(f"DROP INDEX IF EXISTS {name}")

    return migrations.RunPython(forwards, backwards, elidable=False)
