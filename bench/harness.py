"""What a measurement is, and what it is handed: the running server, facts about the data, and
helpers that time HTTP requests, in-process calls and the memory of a separate process."""

import http.client
import json
import math
import os
import socket
import subprocess
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from django.conf import settings

OUT = Path(settings.BASE_DIR) / "bench" / "out"


class BenchError(RuntimeError):
    pass


@dataclass(frozen=True)
class Measurement:
    """One figure `make bench` prints as `name: value unit`.

    `measure(bench)` returns one sample. A measurement with `rounds=None` is taken in every
    round and the median of the samples is printed; `rounds=1` takes it once (slow or cold
    measurements, such as a process's peak memory). `floor` names the floor figure to divide a
    page's figure by (the floor rendering as many rows as the page shows): the ratio is printed.
    """

    name: str
    unit: str
    measure: Callable[["Bench"], float]
    rounds: int | None = None
    floor: str = ""


@dataclass(frozen=True)
class Facts:
    """What measurements need to know about the generated data."""

    as_of: date  # "today" for the data
    busy_organisation: str  # slug of the civil-society organisation with the most invitations
    calendar_month: str  # YYYY-MM, the data's current month
    export_year: int  # the last complete year
    calendar_rows: int  # how many activities the calendar month shows

    @classmethod
    def from_database(cls, as_of: date) -> "Facts":
        from django.db.models import Count

        from samverkan.engagements.models import Invitation
        from samverkan.register.models import HOST_KINDS, Organisation

        busiest = (
            Invitation.objects.exclude(organisation__kind__in=HOST_KINDS)
            .values("organisation_id")
            .annotate(n=Count("id"))
            .order_by("-n", "organisation_id")
            .first()
        )
        if busiest is None:
            raise BenchError("The bench database has no invitations; generate it again")
        from samverkan.engagements.models import Engagement
        from samverkan.engagements.selectors import month_grid
        from samverkan.engagements.views import MAX_PER_DAY

        month = month_grid(
            Engagement.objects.published(), as_of.replace(day=1), per_day=MAX_PER_DAY
        )
        return cls(
            calendar_rows=sum(len(day.items) for week in month for day in week),
            as_of=as_of,
            busy_organisation=Organisation.objects.get(pk=busiest["organisation_id"]).slug,
            calendar_month=f"{as_of:%Y-%m}",
            export_year=as_of.year - 1,
        )


def p95(samples: list[float]) -> float:
    """The 95th percentile by nearest rank: of 50 samples, the 48th smallest."""
    ordered = sorted(samples)
    return ordered[max(0, math.ceil(0.95 * len(ordered)) - 1)]


class Bench:
    """Handed to every measurement. Django is set up in this process with the bench settings,
    so a measurement may also use the ORM against the bench database."""

    def __init__(self, *, port: int, requests: int, env: dict[str, str], facts: Facts):
        self.port = port
        self.requests = requests
        self.env = env
        self.facts = facts
        self.details: dict[str, str] = {}  # extra lines for the log, e.g. what an export held

    # --- HTTP against gunicorn -----------------------------------------------------------------

    def get(self, path: str, *, cookie: str | None = None) -> float:
        """One GET on the loopback; milliseconds from sending the request to the last byte."""
        conn = http.client.HTTPConnection("127.0.0.1", self.port, timeout=300)
        conn.connect()
        headers = {"Cookie": cookie} if cookie else {}
        started = time.perf_counter()
        conn.request("GET", path, headers=headers)
        response = conn.getresponse()
        response.read()
        elapsed = (time.perf_counter() - started) * 1000
        conn.close()
        if response.status != 200:
            raise BenchError(f"GET {path} answered {response.status}; see {OUT / 'gunicorn.log'}")
        return elapsed

    def http_p95(self, path: str, *, cookie: str | None = None, requests: int | None = None):
        """p95 in ms of `requests` sequential GETs of `path`."""
        return p95([self.get(path, cookie=cookie) for _ in range(requests or self.requests)])

    def login_cookie(self, email: str, *, organisation, role: str) -> str:
        """A session cookie for a bench user with `role` at `organisation` (made if missing)."""
        from django.test import Client

        from samverkan.accounts.models import User

        user, _ = User.objects.get_or_create(
            email=email, defaults={"role": role, "organisation": organisation}
        )
        client = Client()
        client.force_login(user)
        return (
            f"{settings.SESSION_COOKIE_NAME}={client.cookies[settings.SESSION_COOKIE_NAME].value}"
        )

    # --- in this process ------------------------------------------------------------------------

    def call_p95(self, function: Callable[[], object], *, requests: int | None = None) -> float:
        """p95 in ms of calling `function` `requests` times in this process."""
        samples = []
        for _ in range(requests or self.requests):
            started = time.perf_counter()
            function()
            samples.append((time.perf_counter() - started) * 1000)
        return p95(samples)

    @staticmethod
    def seconds(function: Callable[[], object]) -> float:
        started = time.perf_counter()
        function()
        return time.perf_counter() - started

    # --- in a process of its own -----------------------------------------------------------------

    def run_module(self, module: str, *args: str) -> dict:
        """Run `python -m module args…` with the bench settings; it prints one JSON object."""
        result = subprocess.run(  # noqa: S603 - our own module, no shell
            [sys.executable, "-m", module, *args],
            env=self.env,
            cwd=settings.BASE_DIR,
            capture_output=True,
            text=True,
            check=False,
        )
        if result.returncode != 0:
            last_lines = "\n".join(result.stderr.strip().splitlines()[-6:])
            raise BenchError(f"{module} failed:\n{last_lines}")
        return json.loads(result.stdout.strip().splitlines()[-1])


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class Server:
    """gunicorn serving the project with the bench settings, as in production."""

    def __init__(self, env: dict[str, str], workers: int = 2):
        self.env = env
        self.workers = workers
        self.port = free_port()
        self.process: subprocess.Popen | None = None
        self.log_path = OUT / "gunicorn.log"

    def __enter__(self) -> "Server":
        gunicorn = Path(sys.executable).with_name("gunicorn")
        command = [str(gunicorn)] if gunicorn.exists() else [sys.executable, "-m", "gunicorn"]
        command += [
            "config.wsgi",
            "--no-control-socket",
            "--workers",
            str(self.workers),
            "--bind",
            f"127.0.0.1:{self.port}",
            "--timeout",
            "300",
        ]
        OUT.mkdir(parents=True, exist_ok=True)
        self.log = self.log_path.open("w")
        self.process = subprocess.Popen(  # noqa: S603 - fixed command, no shell
            command, env=self.env, cwd=settings.BASE_DIR, stdout=self.log, stderr=self.log
        )
        self._wait_until_ready()
        return self

    def _wait_until_ready(self, timeout: float = 60) -> None:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise BenchError(f"gunicorn stopped; see {self.log_path}")
            try:
                conn = http.client.HTTPConnection("127.0.0.1", self.port, timeout=5)
                conn.request("GET", "/healthz")
                if conn.getresponse().status == 200:
                    return
            except OSError:
                pass
            time.sleep(0.2)
        raise BenchError(f"gunicorn did not answer within {timeout:.0f} s; see {self.log_path}")

    def __exit__(self, *exc) -> None:
        if self.process and self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
        self.log.close()


def subprocess_env(**extra: str) -> dict[str, str]:
    return {**os.environ, "DJANGO_SETTINGS_MODULE": "config.settings.bench", **extra}
