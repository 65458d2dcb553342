"""The progress page for a runner with two years of history, in-process and under load."""

import statistics
import time
from datetime import timedelta
from decimal import Decimal

from django.db import connection
from django.db.models import F
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from benchmarks.pages import Page, measure
from benchmarks.report import table
from plans.models import RunLog, Session, SessionKind, Status
from plans.services import monday_of, week_generate
from tests.accounts.factories import RaceGoalFactory, RunnerProfileFactory

HISTORY_WEEKS = 104
REPEATS = 200
TARGET_MS = 30


def seed_runner_with_two_years_of_history():
    """Two years of generated weeks, every past session done, a log (6 min/km) for every past
    run, the routine ticked after every other run, and an estimated distance on every run."""
    profile = RunnerProfileFactory.create(time_zone="UTC", week=(0, 1, 2, 3, 4, 5, 6))
    RaceGoalFactory(profile=profile, race_date=timezone.localdate() + timedelta(weeks=10))
    runner = profile.user
    this_monday = monday_of(profile.today())
    for weeks_ago in range(HISTORY_WEEKS, -2, -1):
        week_start = this_monday - timedelta(weeks=weeks_ago)
        week_generate(runner=runner, week_start=week_start, today=week_start)
    today = profile.today()
    Session.objects.filter(runner=runner, kind=SessionKind.RUN).update(
        distance_km=F("minutes") / Decimal(6)
    )
    Session.objects.filter(runner=runner, date__lt=today).update(status=Status.DONE)
    runs = list(Session.objects.filter(runner=runner, kind=SessionKind.RUN, date__lt=today))
    RunLog.objects.bulk_create(
        RunLog(
            runner=runner, session=run, date=run.date, distance_m=run.minutes * 1000 // 6,
            duration_seconds=run.minutes * 60, effort=5,
        )
        for run in runs
    )  # fmt: skip
    Session.objects.filter(pk__in=[run.pk for run in runs[::2]]).update(
        routine_done_at=timezone.now()
    )
    return profile


def _timings_ms(client: Client, url: str) -> list[float]:
    client.get(url)  # warm
    timings = []
    for _ in range(REPEATS):
        began = time.perf_counter()
        response = client.get(url)
        timings.append((time.perf_counter() - began) * 1000)
        assert response.status_code == 200, url
    return sorted(timings)


def _queries(client: Client, url: str) -> int:
    with CaptureQueriesContext(connection) as captured:
        client.get(url)
    return len(captured)


def progress_page() -> str:
    """The progress page for a runner with two years of history, beside the baseline."""
    profile = seed_runner_with_two_years_of_history()
    runner = profile.user
    sessions = Session.objects.filter(runner=runner).count()
    logs = RunLog.objects.filter(runner=runner).count()
    client = Client()
    client.force_login(runner)
    baseline = _timings_ms(client, reverse("bench-baseline"))
    base_ms = statistics.median(baseline)
    rows = []
    for label, url in [
        ("baseline (tiny template)", reverse("bench-baseline")),
        ("progress, 12 weeks", reverse("plans:progress")),
        ("progress, 52 weeks", reverse("plans:progress") + "?weeks=52"),
        ("week page (for scale)", reverse("plans:week")),
    ]:
        timings = baseline if url == reverse("bench-baseline") else _timings_ms(client, url)
        median = statistics.median(timings)
        rows.append(
            [
                label,
                f"{median:.1f}",
                f"{timings[int(len(timings) * 0.95)]:.1f}",
                f"{median / base_ms:.1f}",
                str(_queries(client, url)),
                f"< {TARGET_MS}" if "progress" in label else "",
            ]
        )
    year_ago = monday_of(profile.today()) - timedelta(weeks=52)
    one_year = _count_with_history_from(client, runner, year_ago)
    in_process = table(["page", "median ms", "p95 ms", "× baseline", "queries", "target ms"], rows)
    load = measure([Page("progress, 12 weeks (two years of history)", "/progress/", runner)])
    return (
        f"Seeded runner: {HISTORY_WEEKS + 2} planned weeks, {sessions} sessions, {logs} run "
        f"logs; trains daily.\n\nIn-process (Django test client, {REPEATS} requests each after "
        f"a warm-up, the baseline view in the same run):\n\n{in_process}\n\n"
        f"Queries with only the last year of that history: {one_year} (12 weeks and 52 weeks "
        f"alike): flat in weeks and sessions.\n\n{load}"
    )


def _count_with_history_from(client: Client, runner, first_day) -> str:
    """The query counts of both views with the history before `first_day` deleted."""
    Session.objects.filter(runner=runner, date__lt=first_day).delete()
    RunLog.objects.filter(runner=runner, date__lt=first_day).delete()
    counts = {_queries(client, "/progress/"), _queries(client, "/progress/?weeks=52")}
    return ", ".join(str(count) for count in sorted(counts))
