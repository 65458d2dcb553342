"""The season: building 30 weeks for one runner and the weekly builder over 52 weeks, in
process, beside the baseline request answered in process."""

import statistics
import time
from dataclasses import replace
from datetime import timedelta

from django.test import Client

from benchmarks.report import table
from benchmarks.week import seed_runner_with_a_year_of_history
from plans.builder import History, build_season, build_week
from plans.inputs import library_for, runner_input
from plans.services import monday_of

REPEATS = 15
BASELINE_REQUESTS = 200
SEASON_WEEKS = 30


def _median_ms(run, repeats: int = REPEATS) -> float:
    times = []
    for _ in range(repeats):
        started = time.perf_counter()
        run()
        times.append((time.perf_counter() - started) * 1000)
    return statistics.median(times)


def baseline_request_ms() -> float:
    """The baseline view answered in-process (Django test client, no server)."""
    client = Client()
    return _median_ms(lambda: client.get("/bench/baseline/"), BASELINE_REQUESTS)


def season_and_builder() -> str:
    """Season builder and the weekly builder, in process."""
    profile = seed_runner_with_a_year_of_history()
    monday = monday_of(profile.today())
    library = library_for(profile.user)
    first = runner_input(profile, week_start=monday, recent_activities=frozenset())
    runner = replace(first, race_date=monday + timedelta(weeks=SEASON_WEEKS - 1, days=6))
    weeks = [replace(first, week_start=monday + timedelta(weeks=k)) for k in range(52)]
    season_ms = _median_ms(lambda: build_season(runner, library, History(), SEASON_WEEKS))
    year_ms = _median_ms(lambda: [build_week(week, library) for week in weeks])
    baseline_ms = baseline_request_ms()
    builder = table(
        ["in-process", f"median ms (of {REPEATS})", "× baseline request"],
        [
            [f"baseline request (median of {BASELINE_REQUESTS})", f"{baseline_ms:.2f}", "1.00"],
            [
                f"a {SEASON_WEEKS}-week season for one runner",
                f"{season_ms:.1f}",
                f"{season_ms / baseline_ms:.1f}",
            ],
            ["the weekly builder, 52 weeks", f"{year_ms:.1f}", f"{year_ms / baseline_ms:.1f}"],
        ],
    )
    return (
        f"Library of {len(library)} entries; the runner trains daily. Targets: the season "
        f"and the 52 weeks under 20 ms each (median).\n\n{builder}"
    )
