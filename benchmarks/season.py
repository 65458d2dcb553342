"""The season: building 30 weeks for one runner and the weekly builder over 52 weeks, in
process, beside the baseline request answered in process."""

import statistics
import time
from collections.abc import Callable
from dataclasses import replace
from datetime import timedelta

from django.test import Client

from benchmarks.report import table
from benchmarks.week import seed_runner_with_a_year_of_history
from plans.builder import History, build_season, build_week
from plans.inputs import library_for, runner_input
from plans.services import monday_of

REPEATS = 15
BASELINE_CALLS = 20  # baseline requests a round
SEASON_WEEKS = 30


def _timed(run: Callable[[], object]) -> tuple[float, float]:
    """Wall and CPU milliseconds of one call."""
    wall, cpu = time.perf_counter(), time.process_time()
    run()
    return (time.perf_counter() - wall) * 1000, (time.process_time() - cpu) * 1000


def _medians(runs: dict[str, Callable[[], object]]) -> dict[str, tuple[float, float]]:
    """Median wall and CPU ms of each run, the runs taking turns (REPEATS rounds), so that a
    busy machine slows them all alike."""
    times: dict[str, list[tuple[float, float]]] = {name: [] for name in runs}
    for _ in range(REPEATS):
        for name, run in runs.items():
            times[name].append(_timed(run))
    return {
        name: (
            statistics.median(wall for wall, _ in pairs),
            statistics.median(cpu for _, cpu in pairs),
        )
        for name, pairs in times.items()
    }


def season_and_builder() -> str:
    """Season builder and the weekly builder, in process."""
    profile = seed_runner_with_a_year_of_history()
    monday = monday_of(profile.today())
    library = library_for(profile.user)
    first = runner_input(profile, week_start=monday, recent_activities=frozenset())
    runner = replace(first, race_date=monday + timedelta(weeks=SEASON_WEEKS - 1, days=6))
    weeks = [replace(first, week_start=monday + timedelta(weeks=k)) for k in range(52)]
    client = Client()

    def baseline() -> None:
        for _ in range(BASELINE_CALLS):
            client.get("/bench/baseline/")

    medians = _medians(
        {
            "baseline": baseline,
            "season": lambda: build_season(runner, library, History(), SEASON_WEEKS),
            "year": lambda: [build_week(week, library) for week in weeks],
        }
    )
    base_wall, base_cpu = (ms / BASELINE_CALLS for ms in medians["baseline"])
    rows = [["baseline request (each)", f"{base_wall:.2f}", f"{base_cpu:.2f}", "1"]]
    for name, label in (
        ("season", f"a {SEASON_WEEKS}-week season for one runner"),
        ("year", "the weekly builder, 52 weeks"),
    ):
        wall, cpu = medians[name]
        rows.append([label, f"{wall:.1f}", f"{cpu:.1f}", f"{wall / base_wall:.0f}"])
    builder = table(
        [f"in-process (median of {REPEATS} rounds)", "wall ms", "CPU ms", "× baseline request"],
        rows,
    )
    return (
        f"Library of {len(library)} entries; the runner trains daily. Targets: the season and "
        "the 52 weeks under 20 ms each (median). The runs take turns round by round, so a busy "
        "machine (2 cores shared) slows them alike; CPU ms is this process's own time."
        f"\n\n{builder}"
    )
