"""Post-run reminders at volume: 10,000 due at once, real workers, a real SMTP sink on loopback."""

import logging
import os
import subprocess
import sys
import threading
import time
from collections import Counter
from dataclasses import dataclass
from datetime import timedelta

from aiosmtpd.controller import Controller
from django.conf import settings
from django.contrib.auth.hashers import make_password
from django.utils import timezone

from accounts.models import RunnerProfile, User
from benchmarks.http import ROOT, _free_port
from benchmarks.report import table
from config.celery import app
from plans.models import Session, SessionKind, Status
from reminders.models import Reminder, State

RUNS = 10_000
RUNS_PER_RUNNER = 5
TIMEOUT_SECONDS = 900
BEAT_SCHEDULE = settings.VAR_DIR / "bench-beat-schedule"


class Sink:
    """Counts accepted messages per reminder and notes when each arrived."""

    def __init__(self):
        self.ids: Counter[str] = Counter()
        self.first = self.last = 0.0
        self.lock = threading.Lock()

    async def handle_DATA(self, server, session, envelope):
        reminder = _header(envelope.content, b"X-RunStrong-Reminder")
        with self.lock:
            self.ids[reminder] += 1
            self.last = time.monotonic()
            self.first = self.first or self.last
        return "250 Message accepted"

    @property
    def received(self) -> int:
        return sum(self.ids.values())


@dataclass(frozen=True)
class Round:
    label: str
    seconds_to_last: float
    seconds_to_first: float
    per_second: float
    duplicates: int
    sent_rows: int


def _header(content: bytes, name: bytes) -> str:
    for line in content.split(b"\r\n"):
        if line.startswith(name + b":"):
            return line.split(b":", 1)[1].strip().decode()
        if not line:
            break
    return ""


def seed(runs: int = RUNS) -> list[int]:
    """Runners with runs already logged, a reminder row for each run (`make_all_due` makes
    them due)."""
    password = make_password("bench")
    users = User.objects.bulk_create(
        User(email=f"bench-runner-{n}@example.com", display_name=f"Bench {n}", password=password)
        for n in range(runs // RUNS_PER_RUNNER)
    )
    RunnerProfile.objects.bulk_create(
        RunnerProfile(user=user, equipment=["none"], onboarded_at=timezone.now()) for user in users
    )
    today = timezone.localdate()
    sessions = Session.objects.bulk_create(
        Session(
            runner=user,
            date=today - timedelta(days=day),
            kind=SessionKind.RUN,
            title="Easy run",
            minutes=30,
            status=Status.DONE,
        )
        for user in users
        for day in range(RUNS_PER_RUNNER)
    )
    Reminder.objects.bulk_create(Reminder(session=session) for session in sessions)
    return [session.pk for session in sessions]


def make_all_due() -> None:
    Reminder.objects.update(
        state=State.SCHEDULED, due_at=timezone.now(), attempts=0, sent_at=None, last_error=""
    )


def start_worker(
    number: int, smtp_port: int, beat: bool, concurrency: int | None
) -> subprocess.Popen:
    env = dict(
        os.environ,
        DJANGO_SETTINGS_MODULE="config.settings.bench",
        EMAIL_URL=f"smtp://127.0.0.1:{smtp_port}",
    )
    argv = [sys.executable, "-m", "celery", "-A", "config", "worker", "--loglevel", "WARNING"]
    argv += ["-n", f"bench{number}@%h"]
    if concurrency is not None:
        argv += ["--concurrency", str(concurrency)]
    if beat:
        argv += ["--beat", "-s", str(BEAT_SCHEDULE)]
    log = (settings.VAR_DIR / f"bench-worker-{number}.log").open("wb")
    return subprocess.Popen(argv, cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT)


def deliver(label: str, workers: int, concurrency: int | None = None) -> Round:
    logging.getLogger("mail.log").setLevel(logging.WARNING)  # aiosmtpd logs every command
    make_all_due()
    # A clean start: no task left from an earlier run, and beat's first sweep one interval in.
    app.control.purge()
    for path in BEAT_SCHEDULE.parent.glob(f"{BEAT_SCHEDULE.name}*"):
        path.unlink()
    sink = Sink()
    port = _free_port()
    controller = Controller(sink, hostname="127.0.0.1", port=port)
    controller.start()
    started = time.monotonic()
    processes = [start_worker(n, port, n == 0, concurrency) for n in range(workers)]
    try:
        deadline = started + TIMEOUT_SECONDS
        while sink.received < RUNS and time.monotonic() < deadline:
            time.sleep(0.2)
        time.sleep(3)  # anything sent twice would arrive now
    finally:
        for process in processes:
            process.terminate()
        for process in processes:
            process.wait(timeout=60)
        controller.stop()
    spread = max(sink.last - sink.first, 1e-9)
    return Round(
        label=label,
        seconds_to_last=sink.last - started,
        seconds_to_first=sink.first - started,
        per_second=(sink.received - 1) / spread,
        duplicates=sum(count - 1 for count in sink.ids.values()),
        sent_rows=Reminder.objects.filter(state=State.SENT).count(),
    )


def reminder_delivery() -> str:
    """Post-run reminders: 10,000 due at once, delivered by real workers to a real SMTP sink."""
    seed()
    rounds = [
        # one process each: does a second worker add what the first could not use?
        deliver("one worker, one process", workers=1, concurrency=1),
        deliver("two workers, one process each", workers=2, concurrency=1),
        deliver("one worker, default concurrency", workers=1),
        deliver("two workers, default concurrency each", workers=2),
    ]
    intro = (
        f"{RUNS:,} reminder rows due at the same moment; `celery worker` with one process or "
        f"its default concurrency ({os.cpu_count()} processes, one per core), beat sweeping every "
        f"{settings.REMINDER_SWEEP_SECONDS:g} s; aiosmtpd on loopback as the SMTP server; "
        f"{settings.DATABASES['default']['ENGINE'].rsplit('.', 1)[-1]} database, "
        f"{settings.CELERY_BROKER_URL.split(':', 1)[0]} broker. Times from starting the "
        "worker(s); emails/s between the first and the last arrival."
    )
    rows = [
        [
            r.label,
            f"{r.per_second:.0f}",
            f"{r.seconds_to_first:.1f}",
            f"{r.seconds_to_last:.1f}",
            f"{r.sent_rows:,} / {RUNS:,}",
            str(r.duplicates),
        ]
        for r in rounds
    ]
    headers = [
        "setup",
        "emails/s",
        "first arrived (s)",
        "last arrived (s)",
        "rows sent",
        "sent twice",
    ]
    return intro + "\n\n" + table(headers, rows)
