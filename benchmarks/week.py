"""The week page with a year of history, and the builder on its own."""

import statistics
import time
from datetime import timedelta

from django.urls import reverse
from django.utils import timezone

from benchmarks.pages import Page, measure
from benchmarks.report import table
from plans.builder import build_week
from plans.cache import week_changed
from plans.inputs import library_for, runner_input
from plans.models import Session, Status
from plans.services import monday_of, week_generate
from tests.accounts.factories import RaceGoalFactory, RunnerProfileFactory
from tests.factories import CoachFactory, CoachingFactory

HISTORY_WEEKS = 52
BUILDER_REPEATS = 200


def seed_runner_with_a_year_of_history():
    profile = RunnerProfileFactory.create(time_zone="UTC", week=(0, 1, 2, 3, 4, 5, 6))
    RaceGoalFactory(profile=profile, race_date=timezone.localdate() + timedelta(weeks=10))
    this_monday = monday_of(profile.today())
    for weeks_ago in range(HISTORY_WEEKS, -2, -1):
        week_start = this_monday - timedelta(weeks=weeks_ago)
        week_generate(runner=profile.user, week_start=week_start, today=week_start)
    Session.objects.filter(runner=profile.user, date__lt=this_monday).update(status=Status.DONE)
    return profile


def _builder_seconds(profile, week_starts) -> float:
    library = library_for(profile.user)
    inputs = [
        runner_input(profile, week_start=start, recent_activities=frozenset())
        for start in week_starts
    ]
    started = time.perf_counter()
    for runner in inputs:
        build_week(runner, library)
    return time.perf_counter() - started


def week_page_and_builder() -> str:
    """The runner's week page beside the baseline, and the plan builder's speed."""
    profile = seed_runner_with_a_year_of_history()
    coach = CoachFactory.create()
    CoachingFactory(coach=coach, athlete=profile.user)
    sessions = Session.objects.filter(runner=profile.user).count()

    def changed() -> None:
        week_changed(profile.user_id)

    athlete_week = reverse("plans:athlete_week", args=[profile.user_id])
    pages = measure(
        [
            Page("week page (a year of history)", "/week/", profile.user, changed),
            Page("the coach's view of that athlete's week", athlete_week, coach, changed),
        ]
    )
    monday = monday_of(profile.today())
    one_week = [_builder_seconds(profile, [monday]) * 1000 for _ in range(BUILDER_REPEATS)]
    year = [monday + timedelta(weeks=offset) for offset in range(52)]
    year_ms = statistics.median(_builder_seconds(profile, year) * 1000 for _ in range(5))
    builder = table(
        ["builder", "median ms"],
        [
            [f"one week (median of {BUILDER_REPEATS})", f"{statistics.median(one_week):.2f}"],
            ["52 weeks for one runner (median of 5)", f"{year_ms:.1f}"],
        ],
    )
    return (
        f"Seeded runner: {HISTORY_WEEKS + 2} planned weeks, {sessions} sessions; trains daily.\n\n"
        f"{pages}\n\nThe builder alone (pure Python, library of "
        f"{len(library_for(profile.user))} entries, no database):\n\n{builder}"
    )
