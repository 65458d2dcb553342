"""Week generation follows the season: last week's result, the race, pauses."""

from datetime import date, timedelta

import pytest

from accounts.models import Commitment
from plans.models import PlanPause, PlanWeek, Session, SessionKind, Source, Status
from plans.services import (
    monday_of,
    plan_pause_add,
    plan_pause_end,
    session_mark,
    week_generate,
    weeks_ensure,
)
from tests.accounts.factories import RaceGoalFactory

# Weeks in the past, so that runs can be marked done (a day ahead can only be skipped).
LAST_WEEK = monday_of(date.today()) - timedelta(weeks=3)
THIS_WEEK = LAST_WEEK + timedelta(weeks=1)


@pytest.fixture
def roomy(profile):
    """Five days of 75 minutes: room for every week the season asks for."""
    Commitment.objects.filter(profile=profile).update(available=False, minutes=0)
    Commitment.objects.filter(profile=profile, weekday__in=(0, 1, 3, 4, 6)).update(
        available=True, minutes=75
    )
    # Neither week is a lighter one (every fourth week counted back from the taper).
    RaceGoalFactory(profile=profile, distance="half", race_date=THIS_WEEK + timedelta(weeks=15))
    return profile


def run_minutes(runner, week_start):
    runs = Session.objects.filter(
        runner=runner, kind=SessionKind.RUN, date__range=(week_start, week_start + timedelta(6))
    )
    return sum(runs.values_list("minutes", flat=True))


def last_week_went(runner, status):
    """Plan last week and (during it) this week, then mark last week's runs."""
    week_generate(runner=runner, week_start=LAST_WEEK, today=LAST_WEEK)
    week_generate(runner=runner, week_start=THIS_WEEK, today=LAST_WEEK)
    for run in Session.objects.filter(runner=runner, kind=SessionKind.RUN, date__lt=THIS_WEEK):
        session_mark(session=run, status=status)
    return run_minutes(runner, LAST_WEEK), run_minutes(runner, THIS_WEEK)


def test_a_week_done_as_planned_lets_the_next_one_grow(roomy):
    runner = roomy.user
    last, planned_ahead = last_week_went(runner, Status.DONE)
    weeks_ensure(runner=runner, today=THIS_WEEK)
    assert last < run_minutes(runner, THIS_WEEK) <= last * 1.1
    assert run_minutes(runner, THIS_WEEK) == planned_ahead  # nothing to change on Monday
    week = PlanWeek.objects.get(runner=runner, week_start=THIS_WEEK)
    assert week.why == ["Building: a little more running than your last full week."]
    assert not any(note.startswith("Re-planned") for note in week.notes)


def test_a_runner_who_skipped_last_weeks_runs_sees_this_week_hold(roomy):
    runner = roomy.user
    last, planned_ahead = last_week_went(runner, Status.SKIPPED)
    assert planned_ahead > last  # planned during last week, as if it went to plan
    planned = weeks_ensure(runner=runner, today=THIS_WEEK)
    assert planned == 2  # this week again, and next week for the first time
    assert run_minutes(runner, THIS_WEEK) == last
    week = PlanWeek.objects.get(runner=runner, week_start=THIS_WEEK)
    assert "Holding steady: last week's running was short." in week.why
    assert (
        f"Re-planned with last week's running: this week now holds {last} minutes of running "
        f"(it was {planned_ahead}). Holding steady: last week's running was short."
    ) in week.notes
    # Once re-planned, the week is not planned again on the next visit.
    assert weeks_ensure(runner=runner, today=THIS_WEEK + timedelta(days=1)) == 0


def test_the_monday_re_plan_keeps_what_the_runner_touched(roomy):
    runner = roomy.user
    last_week_went(runner, Status.SKIPPED)
    kept = Session.objects.filter(runner=runner, kind=SessionKind.RUN, date__gte=THIS_WEEK).last()
    assert kept is not None
    session_mark(session=kept, status=Status.SKIPPED)
    weeks_ensure(runner=runner, today=THIS_WEEK)
    kept.refresh_from_db()
    assert kept.status == Status.SKIPPED


def test_the_season_history_reads_a_fixed_number_of_queries(roomy, django_assert_num_queries):
    from plans.inputs import season_history

    runner = roomy.user
    last_week_went(runner, Status.DONE)
    with django_assert_num_queries(3):
        history = season_history(runner.pk, THIS_WEEK + timedelta(weeks=1), THIS_WEEK)
    assert [w.week_start for w in history.weeks] == [LAST_WEEK, THIS_WEEK]
    assert history.weeks[0].done == history.weeks[0].planned > 0
    assert history.longest_before(THIS_WEEK + timedelta(weeks=1)) is not None


def test_a_logged_run_counts_its_measured_minutes(roomy):
    from plans.inputs import season_history
    from plans.services import run_log_create

    runner = roomy.user
    week_generate(runner=runner, week_start=LAST_WEEK, today=LAST_WEEK)
    run = Session.objects.filter(runner=runner, kind=SessionKind.RUN).first()
    assert run is not None
    run_log_create(
        runner=runner, run_date=run.date, distance_m=9000, duration_seconds=50 * 60, effort=5,
        session=run,
    )  # fmt: skip
    history = season_history(runner.pk, THIS_WEEK, THIS_WEEK)
    assert history.weeks[0].done == 50
    assert history.longest_before(THIS_WEEK) == 50


# Pauses.


def test_a_pause_keeps_its_days_free_and_what_was_touched(roomy):
    runner = roomy.user
    today = monday_of(date.today())
    weeks_ensure(runner=runner, today=today)
    touched = Session.objects.filter(runner=runner, kind=SessionKind.RUN, date__gte=today).last()
    assert touched is not None
    session_mark(session=touched, status=Status.SKIPPED)
    start, end = today, today + timedelta(days=13)
    plan_pause_add(runner=runner, start=start, end=end, today=today, reason="Holiday")
    on_pause = Session.objects.filter(runner=runner, date__range=(start, end))
    assert list(on_pause.exclude(for_run=touched)) == [touched]
    assert PlanPause.objects.get(runner=runner).reason == "Holiday"
    week = PlanWeek.objects.get(runner=runner, week_start=today)
    assert "Every day: your plan is paused, so nothing is planned." in week.notes


def test_ending_a_pause_plans_the_days_again(roomy):
    runner = roomy.user
    today = monday_of(date.today()) + timedelta(days=2)
    weeks_ensure(runner=runner, today=today)
    pause = plan_pause_add(
        runner=runner, start=today - timedelta(days=0), end=today + timedelta(days=10), today=today
    )
    assert not Session.objects.filter(runner=runner, date__range=(today, pause.end)).exists()
    later = today + timedelta(days=1)
    kept = plan_pause_end(pause=pause, today=later)
    assert kept is not None and kept.end == today
    assert Session.objects.filter(
        runner=runner, date__range=(later, monday_of(later) + timedelta(days=13))
    ).exists()


def test_calling_off_a_pause_not_begun_removes_it(roomy):
    runner = roomy.user
    today = monday_of(date.today())
    pause = PlanPause.objects.create(
        runner=runner, start=today + timedelta(days=3), end=today + timedelta(days=5)
    )
    assert plan_pause_end(pause=pause, today=today) is None
    assert not PlanPause.objects.exists()


def test_the_weeks_after_a_pause_restart_from_what_was_run(roomy):
    runner = roomy.user
    week_generate(runner=runner, week_start=LAST_WEEK, today=LAST_WEEK)
    PlanPause.objects.create(runner=runner, start=LAST_WEEK, end=LAST_WEEK + timedelta(days=6))
    Session.objects.filter(runner=runner, date__lt=THIS_WEEK, source=Source.GENERATED).delete()
    week_generate(runner=runner, week_start=LAST_WEEK, today=LAST_WEEK)
    assert run_minutes(runner, LAST_WEEK) == 0
    week = week_generate(runner=runner, week_start=THIS_WEEK, today=THIS_WEEK)
    assert week.why == ["Rebuilding from what you ran last week (0 min), step by step."]
    assert 0 < run_minutes(runner, THIS_WEEK) <= 60
