"""Reminders follow the run through every change, and each run gets one email at most."""

from datetime import UTC, datetime, time

import pytest
from django.core import mail

from plans.models import Status
from plans.services import run_log_create, run_log_delete, session_mark
from reminders.models import Reminder, State
from reminders.services import reminders_send_due
from tests.reminders.conftest import MONDAY, plan_run

pytestmark = pytest.mark.django_db


def log_run(runner):
    return run_log_create(
        runner=runner, run_date=MONDAY, distance_m=6000, duration_seconds=2100, effort=5
    )


def sweep() -> int:
    return reminders_send_due(seconds=5)


def reminder_of(run) -> Reminder:
    return Reminder.objects.get(session=run)


def test_a_planned_run_gets_its_reminder_row_when_it_is_created(clock, profile):
    run = plan_run(profile.user)
    reminder = reminder_of(run)
    assert reminder.state == State.SCHEDULED
    assert reminder.due_at == datetime(2026, 11, 23, 7, 45, tzinfo=UTC)


def test_nothing_is_sent_before_the_reminder_is_due(clock, profile):
    plan_run(profile.user)
    clock.set(7, 44)
    assert sweep() == 0
    assert mail.outbox == []


def test_an_unlogged_planned_run_is_emailed_after_its_usual_time(clock, profile):
    plan_run(profile.user)
    clock.set(7, 45)
    assert sweep() == 1
    assert mail.outbox[0].to == [profile.user.email]


def test_logging_a_run_moves_the_reminder_to_the_delay_after_the_log(clock, profile):
    profile.commitments.update(usual_run_time=time(18))
    run = plan_run(profile.user)
    clock.set(7, 10)
    log_run(profile.user)
    assert reminder_of(run).due_at == datetime(2026, 11, 23, 7, 25, tzinfo=UTC)
    clock.set(7, 25)
    assert sweep() == 1


def test_logging_with_no_delay_sends_as_soon_as_the_log_is_saved(
    clock, profile, sent_now, django_capture_on_commit_callbacks
):
    profile.reminder_delay_minutes = 0
    profile.save()
    run = plan_run(profile.user)
    with django_capture_on_commit_callbacks(execute=True):
        log_run(profile.user)
    assert sent_now == [reminder_of(run).pk]
    assert len(mail.outbox) == 1
    assert reminder_of(run).state == State.SENT


def test_a_run_logged_after_its_planned_reminder_went_out_sends_nothing_more(clock, profile):
    run = plan_run(profile.user)
    clock.set(7, 45)
    sweep()
    clock.set(9, 0)
    log_run(profile.user)
    clock.set(10, 0)
    sweep()
    assert len(mail.outbox) == 1
    assert reminder_of(run).state == State.SENT


def test_a_logged_run_is_not_emailed_again_at_its_planned_time(clock, profile):
    run = plan_run(profile.user)
    clock.set(6, 30)
    log_run(profile.user)
    clock.set(6, 45)
    sweep()
    clock.set(8, 0)
    sweep()
    assert len(mail.outbox) == 1
    assert reminder_of(run).state == State.SENT


def test_marking_done_then_logging_then_undoing_and_relogging_sends_one_email(clock, profile):
    run = plan_run(profile.user)
    clock.set(6, 30)
    session_mark(session=run, status=Status.DONE)
    log = log_run(profile.user)
    run_log_delete(run_log=log)
    log_run(profile.user)
    clock.set(12, 0)
    sweep()
    sweep()
    assert len(mail.outbox) == 1


def test_undoing_a_sent_run_keeps_its_reminder_sent_and_sends_nothing_more(clock, profile):
    run = plan_run(profile.user)
    clock.set(6, 30)
    log = log_run(profile.user)
    clock.set(6, 45)
    sweep()
    run_log_delete(run_log=log)
    log_run(profile.user)
    clock.set(12, 0)
    sweep()
    assert len(mail.outbox) == 1
    assert reminder_of(run).state == State.SENT


def test_a_skipped_run_is_never_emailed(clock, profile):
    run = plan_run(profile.user)
    session_mark(session=run, status=Status.SKIPPED, note="Sore calf")
    clock.set(12, 0)
    assert sweep() == 0
    assert reminder_of(run).state == State.CANCELLED
    assert mail.outbox == []


def test_a_skip_that_is_undone_brings_the_reminder_back(clock, profile):
    run = plan_run(profile.user)
    session_mark(session=run, status=Status.SKIPPED)
    session_mark(session=run, status=Status.PLANNED)
    clock.set(7, 45)
    assert sweep() == 1


def test_turning_reminders_off_after_scheduling_stops_the_email(clock, profile):
    run = plan_run(profile.user)
    profile.reminders_enabled = False
    profile.save()
    clock.set(8, 0)
    assert sweep() == 0
    assert mail.outbox == []
    assert reminder_of(run).state == State.CANCELLED


def test_a_runner_who_has_reminders_off_gets_no_row_scheduled(clock, profile):
    profile.reminders_enabled = False
    profile.save()
    run = plan_run(profile.user)
    assert reminder_of(run).state == State.CANCELLED


def test_quiet_hours_chosen_after_scheduling_hold_the_email_until_they_end(clock, profile):
    run = plan_run(profile.user)
    profile.quiet_hours_start, profile.quiet_hours_end = time(7, 30), time(9, 0)
    profile.save()
    clock.set(7, 45)
    assert sweep() == 0
    assert reminder_of(run).due_at == datetime(2026, 11, 23, 9, 0, tzinfo=UTC)
    clock.set(9, 0)
    assert sweep() == 1


def test_two_senders_racing_for_the_same_reminder_send_it_once(clock, profile):
    from reminders.services import reminder_send

    run = plan_run(profile.user)
    clock.set(8, 0)
    pk = reminder_of(run).pk
    assert [reminder_send(reminder_id=pk), reminder_send(reminder_id=pk), sweep()] == [
        True,
        False,
        0,
    ]
    assert len(mail.outbox) == 1


def test_a_sender_that_died_mid_send_is_replaced_once_its_lease_runs_out(clock, profile, settings):
    from reminders.services import reminders_claim

    plan_run(profile.user)
    clock.set(8, 0)
    assert reminders_claim(limit=10).reminders  # claimed, then the worker died
    assert sweep() == 0
    clock.advance(seconds=settings.REMINDER_LEASE_SECONDS + 1)
    assert sweep() == 1
    assert len(mail.outbox) == 1


def test_each_run_of_the_week_gets_its_own_reminder(clock, profile):
    from datetime import timedelta

    runs = [plan_run(profile.user, day=MONDAY + timedelta(days=d)) for d in (0, 2, 4)]
    clock.set(8, 0, day=MONDAY + timedelta(days=5))
    assert sweep() == 3
    assert {m.extra_headers["X-RunStrong-Reminder"] for m in mail.outbox} == {
        str(reminder_of(run).pk) for run in runs
    }
