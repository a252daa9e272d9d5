"""`make bench`: generate national-scale data once, serve it with gunicorn, print the figures.

    python -m bench [--scale 0.01] [--rounds 5] [--requests 50] [--only name,name] [--regenerate]

DATABASE_URL picks the engine (see config/settings/bench.py); the bench never touches the
development database. Figures go to stdout as `name: value unit`; progress goes to stderr.
"""

import argparse
import io
import os
import secrets
import shutil
import statistics
import sys
import tempfile
import time
import traceback
from datetime import date

DEFAULT_ROUNDS = 5
DEFAULT_REQUESTS = 50
WARMUP_REQUESTS = 10
# Management commands that derive data from what was loaded, as the application's own data
# loads do. Each runs once per generated database; add one here and the next run runs it.
AFTER_LOAD = ["reindex_engagements", "refresh_involvements"]


def log(text: str) -> None:
    print(text, file=sys.stderr, flush=True)


def parse_args(argv):
    parser = argparse.ArgumentParser(prog="python -m bench", description=__doc__.split("\n")[0])
    parser.add_argument(
        "--scale",
        type=float,
        default=float(os.environ.get("BENCH_SCALE", "1")),
        help="1 is national scale (200,000 engagements); default $BENCH_SCALE or 1",
    )
    parser.add_argument("--seed", type=int, default=None, help="random seed of the data")
    parser.add_argument(
        "--as-of",
        type=date.fromisoformat,
        default=date.today().replace(day=1),
        help="'today' for the data (YYYY-MM-DD); default the first of this month",
    )
    parser.add_argument("--rounds", type=int, default=DEFAULT_ROUNDS)
    parser.add_argument("--requests", type=int, default=DEFAULT_REQUESTS, help="per page per round")
    parser.add_argument("--only", default="", help="comma-separated figure names to measure")
    parser.add_argument("--regenerate", action="store_true", help="generate the data again")
    parser.add_argument("--generate-only", action="store_true", help="stop after generating")
    return parser.parse_args(argv)


def prepare_data(args) -> dict:
    """Migrate the bench database and generate the data unless it is already there."""
    from django.core.management import call_command

    from . import database
    from .generate import DEFAULT_SEED, GENERATOR_VERSION, generate

    wanted = {
        "generator_version": GENERATOR_VERSION,
        "scale": args.scale,
        "seed": args.seed if args.seed is not None else DEFAULT_SEED,
        "as_of": args.as_of.isoformat(),
    }
    database.ensure_exists()
    marker = database.read_marker()
    if marker and not args.regenerate and all(marker.get(k) == v for k, v in wanted.items()):
        log(f"Reusing the generated data ({marker['seconds']:.0f} s to generate)")
        call_command("migrate", interactive=False, verbosity=0)
        return {**after_load(marker), "reused": True}
    database.recreate()  # also clears what an interrupted run left
    log("Migrating the bench database")
    call_command("migrate", interactive=False, verbosity=0)
    log(f"Generating data at scale {args.scale}")
    started = time.monotonic()
    database.tune_for_loading()
    counts = generate(scale=args.scale, seed=wanted["seed"], as_of=args.as_of, log=log)
    database.finish_loading()
    marker = {**wanted, "counts": counts, "seconds": round(time.monotonic() - started, 1)}
    database.write_marker(marker)
    log(f"Generated in {marker['seconds']:.0f} s")
    return {**after_load(marker), "reused": False}


def after_load(marker: dict) -> dict:
    """Run the AFTER_LOAD commands this database has not had yet; note each in the marker."""
    from django.core.management import call_command

    from . import database

    done = dict(marker.get("after_load", {}))
    ran = False
    for command in AFTER_LOAD:
        if command in done:
            continue
        log(f"Running {command}")
        started = time.monotonic()
        call_command(command, stdout=io.StringIO())
        done[command] = round(time.monotonic() - started, 1)
        marker = {**marker, "after_load": done}
        database.write_marker(marker)
        ran = True
    if ran:  # the derived tables are new: statistics and visibility map as after the load
        database.finish_loading()
    return marker


def row_counts() -> dict[str, int]:
    from samverkan.engagements.models import (
        Engagement,
        Forum,
        Invitation,
        Participation,
        Seat,
    )
    from samverkan.insights.models import InputItem
    from samverkan.register.models import Organisation

    return {
        "hosts": Organisation.objects.hosts().count(),
        "organisations": Organisation.objects.civil_society().count(),
        "engagements": Engagement.objects.count(),
        "invitations": Invitation.objects.count(),
        "participations": Participation.objects.count(),
        "forums": Forum.objects.count(),
        "seats": Seat.objects.count(),
        "input_items": InputItem.objects.count(),
    }


def measure(args, data: dict) -> int:
    from django.core.management import call_command

    from . import database
    from .harness import Bench, Facts, Server, subprocess_env
    from .measurements import MEASUREMENTS

    chosen = [m for m in MEASUREMENTS if not args.only or m.name in args.only.split(",")]
    for floor in dict.fromkeys(m.floor for m in chosen if m.floor):
        if not any(m.name == floor for m in chosen):
            chosen.insert(0, next(m for m in MEASUREMENTS if m.name == floor))

    log("Collecting static files")
    call_command("collectstatic", interactive=False, verbosity=0)
    facts = Facts.from_database(date.fromisoformat(data["as_of"]))
    counts = row_counts()
    env = subprocess_env()
    with Server(env) as server:
        log(f"gunicorn on 127.0.0.1:{server.port}")
        bench = Bench(port=server.port, requests=args.requests, env=env, facts=facts)
        samples, failed = take_samples(bench, chosen, args)

    print(f"database: {database.vendor()}")
    print(f"scale: {data['scale']:g}")
    print("rows: " + " ".join(f"{k}={v}" for k, v in counts.items()))
    after = "".join(f" + {c} {t:.0f} s" for c, t in data.get("after_load", {}).items())
    reused = " (by an earlier run)" if data["reused"] else ""
    print(f"generation: {data['seconds']:.0f} s{reused}{after}")
    print(f"busy_organisation: {facts.busy_organisation}")
    print(f"calendar_rows: {facts.calendar_rows}")
    figures = {name: statistics.median(values) for name, values in samples.items() if values}
    for m in chosen:
        print(
            f"{m.name}: failed" if m.name in failed else f"{m.name}: {figures[m.name]:.1f} {m.unit}"
        )
    for m in chosen:
        if m.floor and m.name in figures and m.floor in figures:
            ratio = figures[m.name] / figures[m.floor]
            print(f"{m.name.removesuffix('_p95')}_vs_floor: {ratio:.1f} x")
    return 1 if failed else 0


def take_samples(bench, chosen, args) -> tuple[dict[str, list[float]], set[str]]:
    """Warm up, then take the repeated measurements round by round and the others once.

    A measurement that fails is reported and left out of later rounds; the rest go on.
    """
    from .harness import BenchError

    samples: dict[str, list[float]] = {m.name: [] for m in chosen}
    failed: set[str] = set()

    def take(m, keep=True):
        if m.name in failed:
            return
        try:
            value = m.measure(bench)
        except BenchError as error:
            failed.add(m.name)
            log(f"{m.name} failed: {error}")
            return
        except Exception:
            failed.add(m.name)
            log(f"{m.name} failed:\n{traceback.format_exc(limit=-8)}")
            return
        if keep:
            samples[m.name].append(value)

    repeated = [m for m in chosen if m.rounds is None]
    log("Warming up")
    bench.requests = WARMUP_REQUESTS
    for m in repeated:
        take(m, keep=False)
    bench.requests = args.requests
    for number in range(1, args.rounds + 1):
        for m in repeated:
            take(m)
        done = [m for m in repeated if m.name not in failed]
        log(
            f"round {number}/{args.rounds}: "
            + ", ".join(f"{m.name} {samples[m.name][-1]:.1f}" for m in done)
        )
    for m in chosen:
        for _ in range(m.rounds or 0):
            take(m)
    for name, text in bench.details.items():
        log(f"{name}: {text}")
    return samples, failed


def main(argv=None) -> int:
    args = parse_args(argv)
    # The bench's own settings and database, whatever the shell says.
    os.environ["DJANGO_SETTINGS_MODULE"] = "config.settings.bench"
    os.environ.setdefault("SECRET_KEY", secrets.token_urlsafe(60))
    static_root = tempfile.mkdtemp(prefix="samverkan-bench-static-")
    os.environ["BENCH_STATIC_ROOT"] = static_root
    try:
        import django

        django.setup()
        data = prepare_data(args)
        if args.generate_only:
            return 0
        return measure(args, data)
    finally:
        shutil.rmtree(static_root, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
