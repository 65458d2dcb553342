"""The pure due-time rules: time zones, delay, quiet hours, skipped runs, opt-out."""

from datetime import UTC, date, datetime, time
from zoneinfo import ZoneInfo

from accounts.models import RunnerProfile
from reminders.schedule import Run, after_quiet_hours, due_at

MONDAY = date(2026, 11, 23)
EARLY = datetime(2026, 11, 23, 5, 0, tzinfo=UTC)


def profile(zone="Europe/London", delay=15, quiet=(None, None), enabled=True) -> RunnerProfile:
    return RunnerProfile(
        time_zone=zone,
        reminder_delay_minutes=delay,
        quiet_hours_start=quiet[0],
        quiet_hours_end=quiet[1],
        reminders_enabled=enabled,
    )


def planned(minutes=30) -> Run:
    return Run(date=MONDAY, minutes=minutes, status="planned")


def test_a_planned_run_is_due_after_its_usual_time_its_minutes_and_the_delay():
    due = due_at(run=planned(), profile=profile(), usual_run_time=time(7), now=EARLY)
    assert due == datetime(2026, 11, 23, 7, 45, tzinfo=UTC)


def test_the_usual_run_time_is_read_in_the_runners_time_zone():
    new_york = profile(zone="America/New_York")
    due = due_at(run=planned(), profile=new_york, usual_run_time=time(7), now=EARLY)
    assert due == datetime(2026, 11, 23, 12, 45, tzinfo=UTC)


def test_a_planned_run_without_a_usual_time_gets_no_reminder_until_it_is_done():
    assert due_at(run=planned(), profile=profile(), usual_run_time=None, now=EARLY) is None


def test_a_planned_time_already_gone_sends_nothing():
    late = datetime(2026, 11, 23, 8, 0, tzinfo=UTC)
    assert due_at(run=planned(), profile=profile(), usual_run_time=time(7), now=late) is None


def test_a_done_run_is_due_its_delay_after_it_was_done():
    done_at = datetime(2026, 11, 23, 18, 10, tzinfo=UTC)
    run = Run(date=MONDAY, minutes=30, status="done", done_at=done_at)
    due = due_at(run=run, profile=profile(delay=40), usual_run_time=None, now=done_at)
    assert due == datetime(2026, 11, 23, 18, 50, tzinfo=UTC)


def test_with_no_delay_a_done_run_is_due_at_once():
    done_at = datetime(2026, 11, 23, 18, 10, tzinfo=UTC)
    run = Run(date=MONDAY, minutes=30, status="done", done_at=done_at)
    assert due_at(run=run, profile=profile(delay=0), usual_run_time=None, now=done_at) == done_at


def test_a_run_done_early_keeps_the_earlier_of_its_two_times():
    done_at = datetime(2026, 11, 23, 6, 50, tzinfo=UTC)
    run = Run(date=MONDAY, minutes=30, status="done", done_at=done_at)
    due = due_at(run=run, profile=profile(delay=60), usual_run_time=time(7), now=done_at)
    assert due == datetime(2026, 11, 23, 7, 50, tzinfo=UTC)


def test_a_skipped_run_gets_no_reminder():
    run = Run(date=MONDAY, minutes=30, status="skipped")
    assert due_at(run=run, profile=profile(), usual_run_time=time(7), now=EARLY) is None


def test_a_runner_who_turned_reminders_off_gets_none():
    off = profile(enabled=False)
    assert due_at(run=planned(), profile=off, usual_run_time=time(7), now=EARLY) is None


def test_a_reminder_due_in_overnight_quiet_hours_waits_until_the_morning():
    night_owl = profile(quiet=(time(22), time(7)))
    run = Run(date=MONDAY, minutes=60, status="planned")
    due = due_at(run=run, profile=night_owl, usual_run_time=time(21, 30), now=EARLY)
    assert due == datetime(2026, 11, 24, 7, 0, tzinfo=UTC)


def test_a_reminder_due_after_midnight_in_quiet_hours_waits_until_that_morning():
    night_owl = profile(quiet=(time(22), time(7)))
    moment = datetime(2026, 11, 24, 2, 0, tzinfo=UTC)
    assert after_quiet_hours(moment, night_owl) == datetime(2026, 11, 24, 7, 0, tzinfo=UTC)


def test_daytime_quiet_hours_end_the_same_day_in_the_runners_zone():
    tokyo = profile(zone="Asia/Tokyo", quiet=(time(12), time(14)))
    moment = datetime(2026, 11, 23, 12, 30, tzinfo=ZoneInfo("Asia/Tokyo"))
    assert after_quiet_hours(moment, tokyo) == datetime(2026, 11, 23, 5, 0, tzinfo=UTC)


def test_a_reminder_outside_quiet_hours_keeps_its_time():
    night_owl = profile(quiet=(time(22), time(7)))
    moment = datetime(2026, 11, 23, 9, 0, tzinfo=UTC)
    assert after_quiet_hours(moment, night_owl) == moment


def test_a_run_logged_the_next_day_still_gets_its_reminder():
    done = Run(date=MONDAY, minutes=30, status="done", done_at=EARLY)
    next_day = datetime(2026, 11, 24, 9, 0, tzinfo=UTC)
    assert due_at(run=done, profile=profile(delay=0), usual_run_time=None, now=next_day)


def test_a_run_logged_days_later_gets_no_reminder():
    three_days_later = datetime(2026, 11, 26, 9, 0, tzinfo=UTC)
    done = Run(date=MONDAY, minutes=30, status="done", done_at=three_days_later)
    assert due_at(run=done, profile=profile(), usual_run_time=None, now=three_days_later) is None
