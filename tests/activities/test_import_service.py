"""Importing one file: dedupe and matching to the plan, through the service."""

from datetime import timedelta

import pytest
from django.core import mail

from activities.models import Activity
from activities.services import activity_import
from plans.models import RunLog, Session, Source, Status
from reminders.models import Reminder
from reminders.services import reminders_send_due
from tests.activities import samples
from tests.activities.conftest import this_morning
from tests.plans.factories import RunLogFactory, SessionFactory

pytestmark = pytest.mark.django_db


def _import(runner, name, data):
    return activity_import(runner=runner, uploaded_by=runner, name=name, data=data)


def test_the_same_file_twice_is_imported_once_and_the_second_points_at_the_first(
    runner, profile, run_files
):
    first = _import(runner, "run.fit", run_files["run.fit"])
    again = _import(runner, "copy of run.fit", run_files["run.fit"])
    assert (first.duplicate, again.duplicate) == (False, True)
    assert again.activity == first.activity
    assert Activity.objects.count() == 1
    assert RunLog.objects.count() == 1


def test_the_same_run_from_two_watches_is_imported_once(runner, profile, run_files):
    first = _import(runner, "run.fit", run_files["run.fit"])
    for name in ("run.gpx", "run.tcx"):
        assert _import(runner, name, run_files[name]).activity == first.activity
    assert Activity.objects.count() == 1


def test_runs_close_in_time_but_not_in_distance_or_sport_are_both_kept(runner, profile):
    start = this_morning()
    _import(runner, "a.fit", samples.fit(samples.track(start, minutes=30)))
    longer = samples.track(start + timedelta(minutes=1), minutes=30, metres_per_second=3.2)
    ride = samples.track(start, minutes=30, metres_per_second=3.0)
    assert not _import(runner, "b.fit", samples.fit(longer)).duplicate  # 6.7 % longer
    assert not _import(runner, "c.fit", samples.fit(ride, sport="ride")).duplicate
    assert Activity.objects.count() == 3


def test_another_runners_copy_of_a_file_is_theirs(runner, other_runner, profile, run_files):
    _import(runner, "run.fit", run_files["run.fit"])
    assert not _import(other_runner, "run.fit", run_files["run.fit"]).duplicate


def test_a_run_marks_the_planned_run_closest_in_minutes_done_and_logs_it(
    runner, profile, today, run_files
):
    long_run = SessionFactory(runner=runner, date=today, minutes=75, title="Long run")
    easy = SessionFactory(runner=runner, date=today, minutes=35, position=1, title="Easy run")
    result = _import(runner, "run.gpx", run_files["run.gpx"])
    easy.refresh_from_db()
    long_run.refresh_from_db()
    assert (easy.status, long_run.status) == (Status.DONE, Status.PLANNED)
    assert result.activity.session == easy
    log = RunLog.objects.get()
    assert (log.session, log.distance_m, log.duration_seconds, log.effort) == (
        easy,
        5400,
        1800,
        None,
    )
    assert result.message == "Matched to Easy run; marked done."


def test_a_run_nobody_planned_becomes_an_extra_run_on_its_day(runner, profile, today, run_files):
    result = _import(runner, "run.tcx", run_files["run.tcx"])
    session = Session.objects.get(kind="run")
    assert (session.date, session.source, session.status, session.minutes) == (
        today,
        Source.RUNNER,
        Status.DONE,
        30,
    )
    assert result.activity.session == session


def test_a_run_lands_on_the_runners_local_date(runner, profile):
    profile.time_zone = "Pacific/Kiritimati"  # UTC+14: 07:00 UTC on Monday is Monday evening
    profile.save()
    start = this_morning()
    _import(runner, "run.fit", samples.fit(samples.track(start, minutes=20)))
    assert Session.objects.get(kind="run").date == (start + timedelta(hours=14)).date()


def test_a_hand_log_and_an_import_of_the_same_run_become_one(runner, profile, today, run_files):
    planned = SessionFactory(runner=runner, date=today)
    hand = RunLogFactory(runner=runner, session=planned, date=today, distance_m=5500, effort=7)
    result = _import(runner, "run.fit", run_files["run.fit"])
    assert RunLog.objects.get() == hand
    assert result.activity.run_log == hand and result.activity.session == planned
    hand.refresh_from_db()
    assert (hand.distance_m, hand.effort) == (5500, 7)  # what the runner typed is kept
    assert Session.objects.filter(kind="run").count() == 1


def test_a_hand_log_of_a_different_run_that_day_stays_apart(runner, profile, today, run_files):
    RunLogFactory(runner=runner, session=SessionFactory(runner=runner, date=today), date=today,
                  distance_m=12000)  # fmt: skip
    _import(runner, "run.fit", run_files["run.fit"])
    assert RunLog.objects.count() == 2


def test_a_ride_ticks_off_that_days_cycling_not_the_swim(runner, profile, today):
    from exercises.models import Exercise

    swim = SessionFactory(
        runner=runner,
        date=today,
        kind="cross_training",
        purpose="",
        title="Swim",
        activity=Exercise.objects.get(slug="swimming"),
    )
    ride = SessionFactory(runner=runner, date=today, kind="cross_training", purpose="",
                          title="Spin", activity=Exercise.objects.get(slug="cycling"))  # fmt: skip
    data = samples.fit(samples.track(this_morning(), minutes=30, metres_per_second=7), sport="ride")
    result = _import(runner, "ride.fit", data)
    swim.refresh_from_db()
    ride.refresh_from_db()
    assert (ride.status, swim.status) == (Status.DONE, Status.PLANNED)
    assert result.activity.session == ride
    assert not RunLog.objects.exists()


def test_a_ride_with_nothing_planned_leaves_the_week_alone(runner, profile):
    data = samples.fit(samples.track(this_morning(), minutes=30, metres_per_second=7), sport="ride")
    result = _import(runner, "ride.fit", data)
    assert result.activity.session is None
    assert not Session.objects.exists()
    assert "week is unchanged" in result.message


def test_a_run_from_today_brings_one_reminder_email(runner, profile, today, run_files):
    profile.reminder_delay_minutes = 0
    profile.save()
    run = SessionFactory(runner=runner, date=today)
    _import(runner, "run.fit", run_files["run.fit"])
    _import(runner, "run.gpx", run_files["run.gpx"])
    assert Reminder.objects.filter(session=run).count() == 1
    assert reminders_send_due(seconds=5) == 1
    assert reminders_send_due(seconds=5) == 0
    assert [message.to for message in mail.outbox] == [[runner.email]]


def test_a_run_from_last_week_is_marked_done_without_a_reminder(runner, profile, today):
    start = this_morning() - timedelta(days=7)
    run = SessionFactory(runner=runner, date=start.date())
    _import(runner, "old.fit", samples.fit(samples.track(start, minutes=30)))
    run.refresh_from_db()
    assert run.status == Status.DONE
    assert reminders_send_due(seconds=5) == 0
