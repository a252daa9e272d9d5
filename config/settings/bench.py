"""Benchmarks (`make bench`): production settings, served over plain HTTP on 127.0.0.1, on the
bench's own database — never the development one.

DATABASE_URL picks the engine: a PostgreSQL URL means that server with the database
`samverkan_bench`; anything else means SQLite in bench/out/. `python -m bench` sets SECRET_KEY
and BENCH_STATIC_ROOT for the processes it starts.
"""

from .base import BASE_DIR, DATABASES, TEMPLATES
from .env import env_str
from .production import *  # noqa: F403

DEBUG = False
ALLOWED_HOSTS = ["127.0.0.1"]
# Plain HTTP on the loopback; everything else about transport security stays as in production.
SECURE_SSL_REDIRECT = False

BENCH_DATABASE_NAME = "samverkan_bench"
BENCH_SQLITE_PATH = BASE_DIR / "bench" / "out" / "bench.sqlite3"
if DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
    DATABASES = {"default": {**DATABASES["default"], "NAME": BENCH_DATABASE_NAME}}
else:
    BENCH_SQLITE_PATH.parent.mkdir(parents=True, exist_ok=True)
    DATABASES = {
        "default": {
            "ENGINE": "django.db.backends.sqlite3",
            "NAME": str(BENCH_SQLITE_PATH),
            # As in base.py.
            "CONN_MAX_AGE": 60,
            "OPTIONS": {
                "transaction_mode": "IMMEDIATE",
                "timeout": 20,
                "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
            },
        }
    }

STATIC_ROOT = env_str("BENCH_STATIC_ROOT", str(BASE_DIR / "bench" / "out" / "static"))

# The floor: a bare view at /bench/floor/ (bench/floor.py), only when this is set.
BENCH_FLOOR = True
TEMPLATES = [{**TEMPLATES[0], "DIRS": [*TEMPLATES[0]["DIRS"], BASE_DIR / "bench" / "templates"]}]
