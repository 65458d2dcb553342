"""The hourly planning at volume: 10,000 onboarded runners with no week planned, real workers."""

import os
import subprocess
import sys
import time
from dataclasses import dataclass
from datetime import time as time_of_day

from django.conf import settings
from django.contrib.auth.hashers import make_password
from django.db.models import Max, Min
from django.utils import timezone

from accounts.models import Commitment, RunnerProfile, User
from benchmarks.http import ROOT
from benchmarks.report import table
from config.celery import app, ensure_broker_folders
from plans.models import PlanWeek, Session, SessionExercise
from plans.tasks import plan_upcoming_weeks_for_everyone
from reminders.models import Reminder

RUNNERS = int(os.environ.get("BENCH_PLANNING_RUNNERS", 10_000))
TIMEOUT_SECONDS = 900
WORKER_COUNTS = (1, 2)


@dataclass(frozen=True)
class Round:
    workers: int
    seconds_to_last: float
    seconds_writing: float
    weeks: int
    sessions: int


def seed() -> None:
    """Onboarded runners of every type and a few day patterns, nothing planned yet."""
    password = make_password("bench")
    users = User.objects.bulk_create(
        User(email=f"planning-{n}@example.com", display_name=f"Plan {n}", password=password)
        for n in range(RUNNERS)
    )
    types = ["recreational", "competitive"]
    profiles = RunnerProfile.objects.bulk_create(
        RunnerProfile(
            user=user,
            runner_type=types[n % 2],
            equipment=["none", "resistance_band"] if n % 2 else ["none"],
            long_run_day=6,
            onboarded_at=timezone.now(),
        )
        for n, user in enumerate(users)
    )
    patterns = [(0, 2, 4, 6), (1, 3, 5, 6), (0, 1, 3, 4, 6)]
    Commitment.objects.bulk_create(
        Commitment(
            profile=profile,
            weekday=day,
            available=day in patterns[n % 3],
            minutes=(45 + 15 * (n % 3)) if day in patterns[n % 3] else 0,
            usual_run_time=time_of_day(7, 0) if day in patterns[n % 3] else None,
        )
        for n, profile in enumerate(profiles)
        for day in range(7)
    )


def unplan() -> None:
    """Back to no week planned, fast: raw deletes, children first."""
    for model in (Reminder, SessionExercise, Session, PlanWeek):
        model.objects.all()._raw_delete(model.objects.db)


def start_worker(number: int) -> subprocess.Popen:
    env = dict(os.environ, DJANGO_SETTINGS_MODULE="config.settings.bench")
    argv = [sys.executable, "-m", "celery", "-A", "config", "worker", "--loglevel", "WARNING"]
    argv += ["-n", f"planning{number}@%h"]
    log = (settings.VAR_DIR / f"bench-planning-worker-{number}.log").open("wb")
    return subprocess.Popen(argv, cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT)


def plan_everyone(workers: int) -> Round:
    unplan()
    ensure_broker_folders()
    app.control.purge()
    plan_upcoming_weeks_for_everyone()  # queues the chunks, as beat's hourly run does
    started = time.monotonic()
    processes = [start_worker(n) for n in range(workers)]
    try:
        deadline = started + TIMEOUT_SECONDS
        while PlanWeek.objects.count() < 2 * RUNNERS and time.monotonic() < deadline:
            time.sleep(0.5)
        finished = time.monotonic()
    finally:
        for process in processes:
            process.terminate()
        for process in processes:
            process.wait(timeout=60)
    span = PlanWeek.objects.aggregate(first=Min("generated_at"), last=Max("generated_at"))
    return Round(
        workers=workers,
        seconds_to_last=finished - started,
        seconds_writing=(span["last"] - span["first"]).total_seconds() if span["last"] else 0,
        weeks=PlanWeek.objects.count(),
        sessions=Session.objects.count(),
    )


def planning_for_everyone() -> str:
    """The hourly planning: 10,000 runners' two weeks, chunks fanned out over real workers."""
    seed()
    rounds = [plan_everyone(workers) for workers in WORKER_COUNTS]
    one = rounds[0].seconds_to_last
    intro = (
        f"{RUNNERS:,} onboarded runners with nothing planned; `plan_upcoming_weeks_for_everyone` "
        f"queues chunks of {settings.PLANNING_CHUNK_SIZE} runners; `celery worker` with its "
        f"default concurrency ({os.cpu_count()} processes) each; "
        f"{settings.DATABASES['default']['ENGINE'].rsplit('.', 1)[-1]} database, "
        f"{settings.CELERY_BROKER_URL.split(':', 1)[0]} broker. Seconds from starting the "
        "worker(s) (about 3 s of it their start-up) to the last week written; the writing span "
        "is from the first chunk's weeks to the last's."
    )
    rows = [
        [
            f"{r.workers} worker{'s' if r.workers > 1 else ''}",
            f"{r.seconds_to_last:.1f}",
            f"{r.seconds_writing:.1f}",
            f"{one / r.seconds_to_last:.2f}",
            f"{r.weeks:,} / {2 * RUNNERS:,}",
            f"{r.sessions:,}",
        ]
        for r in rounds
    ]
    headers = ["setup", "seconds", "writing span (s)", "× one worker", "weeks", "sessions"]
    return intro + "\n\n" + table(headers, rows)
