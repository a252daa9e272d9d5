"""The bench's own database: create it, wipe it, tune it for loading, and remember what is in it.

What was generated is kept in a one-row table, `bench_marker`, inside the bench database itself,
so the marker cannot drift from the data it describes (a marker file would survive a dropped
PostgreSQL database).
"""

import json
from pathlib import Path

from django.conf import settings
from django.db import connection

MARKER_TABLE = "bench_marker"


def vendor() -> str:
    return connection.vendor  # "sqlite" or "postgresql"


def _check_bench_database() -> None:
    """Refuse to touch anything but the bench database (a guard against wrong settings)."""
    name = str(settings.DATABASES["default"]["NAME"])
    if name != settings.BENCH_DATABASE_NAME and Path(name) != settings.BENCH_SQLITE_PATH:
        raise RuntimeError(f"Not the bench database: {name}")


def _server_connection():
    """A connection to the PostgreSQL server's maintenance database, for CREATE/DROP DATABASE."""
    import psycopg

    db = settings.DATABASES["default"]
    params = {
        "dbname": "postgres",
        "host": db.get("HOST") or None,
        "port": db.get("PORT") or None,
        "user": db.get("USER") or None,
        "password": db.get("PASSWORD") or None,
    }
    return psycopg.connect(**{k: v for k, v in params.items() if v}, autocommit=True)


def ensure_exists() -> None:
    _check_bench_database()
    if vendor() != "postgresql":
        return  # SQLite creates the file on first connect
    name = settings.DATABASES["default"]["NAME"]
    with _server_connection() as server:
        found = server.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name]).fetchone()
        if not found:
            server.execute(f'CREATE DATABASE "{name}"')


def recreate() -> None:
    """Start from an empty database."""
    _check_bench_database()
    connection.close()
    if vendor() == "postgresql":
        name = settings.DATABASES["default"]["NAME"]
        with _server_connection() as server:
            server.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
            server.execute(f'CREATE DATABASE "{name}"')
    else:
        path = Path(settings.DATABASES["default"]["NAME"])
        for suffix in ("", "-wal", "-shm"):
            Path(f"{path}{suffix}").unlink(missing_ok=True)


def read_marker() -> dict | None:
    if MARKER_TABLE not in connection.introspection.table_names():
        return None
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT data FROM {MARKER_TABLE} WHERE id = 1")  # noqa: S608 - a constant
        row = cursor.fetchone()
    return json.loads(row[0]) if row else None


def write_marker(data: dict) -> None:
    with connection.cursor() as cursor:
        cursor.execute(
            f"CREATE TABLE IF NOT EXISTS {MARKER_TABLE} (id integer PRIMARY KEY, data text NOT NULL)"
        )
        cursor.execute(f"DELETE FROM {MARKER_TABLE}")  # noqa: S608 - a constant
        cursor.execute(
            f"INSERT INTO {MARKER_TABLE} (id, data) VALUES (1, %s)",  # noqa: S608 - a constant
            [json.dumps(data)],
        )


def tune_for_loading() -> None:
    """Faster bulk loading on this connection; a crash mid-load only loses the bench data."""
    with connection.cursor() as cursor:
        if vendor() == "sqlite":
            cursor.execute("PRAGMA synchronous=OFF")
            cursor.execute("PRAGMA cache_size=-262144")  # 256 MB
            cursor.execute("PRAGMA temp_store=MEMORY")
        else:
            cursor.execute("SET synchronous_commit TO off")
            cursor.execute("SET maintenance_work_mem TO '512MB'")


def finish_loading() -> None:
    """Leave the database as a running system would have it some minutes after the load.

    PostgreSQL: VACUUM ANALYZE, which autovacuum would do on its own soon after a bulk load
    (statistics for the planner, the visibility map for index-only scans). SQLite: fold the
    write-ahead log back into the file; no ANALYZE, because the application never runs one.
    """
    connection.close()
    with connection.cursor() as cursor:
        if vendor() == "sqlite":
            cursor.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        else:
            cursor.execute("VACUUM ANALYZE")
