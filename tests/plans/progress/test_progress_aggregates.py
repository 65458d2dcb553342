"""The progress numbers against the hand-counted history in `history`."""

from datetime import date
from decimal import Decimal

import pytest

from plans.models import RunLog, Session, Status
from plans.progress.selectors import runner_progress
from tests.plans.progress import history

pytestmark = pytest.mark.django_db


@pytest.fixture
def weeks(runner):
    history.build(runner)
    progress = runner_progress(runner, today=history.TODAY, weeks=12, unit="km")
    return {week.monday: week for week in progress.weeks}


def test_twelve_weeks_end_with_this_week_and_those_before_the_plan_are_not_started(runner):
    history.build(runner)
    progress = runner_progress(runner, today=history.TODAY, weeks=12, unit="km")
    assert [w.monday for w in progress.weeks][0] == date(2026, 9, 7)
    assert progress.weeks[-1].monday == date(2026, 11, 23) and progress.weeks[-1].current
    assert progress.first_day == history.FIRST_DAY
    assert [w.monday for w in progress.shown] == [
        date(2026, 11, 2), date(2026, 11, 9), date(2026, 11, 16), date(2026, 11, 23)
    ]  # fmt: skip
    not_started = [w for w in progress.weeks if not w.started]
    assert len(not_started) == 8
    assert all(w.band == "none" and w.compliance.due == 0 for w in not_started)


def test_the_week_the_runner_joined_counts_from_their_first_planned_day(weeks):
    week = weeks[date(2026, 11, 2)]
    assert (week.run_minutes_planned, week.run_minutes_done) == (90, 31)
    assert (week.distance_planned, week.distance_done) == (15.0, 5.2)  # not Monday's 3 km
    assert (week.long_minutes_planned, week.long_minutes_done) == (60, 0)
    assert (week.strength_done, week.runs_done, week.routines_done) == (1, 1, 1)
    assert (week.compliance.done, week.compliance.due) == (75, 135)
    assert (week.compliance.percent, week.band) == (56, "amber")


def test_a_week_with_nothing_is_zeros_and_nothing_due(weeks):
    week = weeks[date(2026, 11, 9)]
    assert week.started
    assert (week.run_minutes_planned, week.run_minutes_done, week.distance_done) == (0, 0, 0)
    assert (week.strength_done, week.routines_done, week.compliance.due) == (0, 0, 0)
    assert week.band == "none"


def test_extra_runs_count_as_done_never_as_planned(weeks):
    week = weeks[date(2026, 11, 16)]
    assert (week.run_minutes_planned, week.run_minutes_done) == (120, 147)
    assert (week.distance_planned, week.runs_without_estimate, week.distance_done) == (
        13.5,
        1,
        17.0,
    )
    assert (week.long_minutes_planned, week.long_minutes_done) == (80, 82)
    assert (week.runs_done, week.routines_done) == (3, 1)
    assert (week.compliance.done, week.compliance.due, week.band) == (145, 135, "green")


def test_this_week_counts_only_what_was_due_by_today(weeks):
    week = weeks[date(2026, 11, 23)]
    assert (week.run_minutes_planned, week.run_minutes_done, week.distance_done) == (180, 60, 5.0)
    assert (week.long_minutes_planned, week.long_minutes_done) == (90, 0)
    assert (week.compliance.done, week.compliance.due, week.compliance.percent) == (60, 90, 67)


def test_the_routine_streak_is_not_broken_by_todays_run(runner):
    history.build(runner)
    assert runner_progress(runner, today=history.TODAY, weeks=12, unit="km").streak == 1
    Session.objects.filter(runner=runner, date=history.TODAY).update(routine_done_at=history.NOW)
    assert runner_progress(runner, today=history.TODAY, weeks=12, unit="km").streak == 2
    # ticking the Saturday block joins the runs up to the Thursday extra run before it
    Session.objects.filter(runner=runner, date=date(2026, 11, 21), post_run=True).update(
        status=Status.DONE
    )
    assert runner_progress(runner, today=history.TODAY, weeks=12, unit="km").streak == 3


def test_fifty_two_weeks_hold_the_same_weeks(runner):
    history.build(runner)
    twelve = runner_progress(runner, today=history.TODAY, weeks=12, unit="km")
    year = runner_progress(runner, today=history.TODAY, weeks=52, unit="km")
    assert len(year.weeks) == 52 and year.weeks[0].monday == date(2025, 12, 1)
    assert year.shown == twelve.shown


def test_miles_for_a_runner_who_counts_in_miles(runner):
    Session.objects.create(
        runner=runner, date=date(2026, 11, 23), kind="run", purpose="easy", title="Easy run",
        minutes=90, distance_km=Decimal("16.09"), status=Status.DONE,
    )  # fmt: skip
    RunLog.objects.create(
        runner=runner, date=date(2026, 11, 23), distance_m=16093, duration_seconds=5400
    )
    progress = runner_progress(runner, today=history.TODAY, weeks=12, unit="mi")
    week = progress.weeks[-1]
    assert (week.distance_planned, week.distance_done) == (10.0, 10.0)
    assert progress.unit == "mi"


def test_a_run_log_whose_session_is_gone_still_counts_as_done(runner):
    history.build(runner)
    RunLog.objects.create(
        runner=runner, date=date(2026, 11, 24), distance_m=2500, duration_seconds=900
    )
    week = runner_progress(runner, today=history.TODAY, weeks=12, unit="km").weeks[-1]
    assert (week.run_minutes_done, week.distance_done) == (75, 7.5)


def test_a_week_whose_runs_have_no_estimate_has_no_planned_distance(runner):
    Session.objects.create(
        runner=runner, date=date(2026, 11, 23), kind="run", purpose="easy", title="Easy run",
        minutes=30,
    )  # fmt: skip
    week = runner_progress(runner, today=history.TODAY, weeks=12, unit="km").weeks[-1]
    assert (week.distance_planned, week.runs_without_estimate) == (None, 1)


def test_a_runner_with_nothing_planned_has_no_week_started(runner):
    progress = runner_progress(runner, today=history.TODAY, weeks=12, unit="km")
    assert progress.first_day is None and progress.shown == [] and progress.streak == 0
