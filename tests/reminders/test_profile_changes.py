"""A change of reminder settings reaches the runs still to be reminded about."""

from datetime import UTC, datetime, timedelta

import pytest

from accounts.services import profile_save
from reminders.models import Reminder, State
from reminders.services import reminders_resync, reminders_turn_off
from tests.reminders.conftest import MONDAY, plan_run

pytestmark = pytest.mark.django_db


def reminder_of(run) -> Reminder:
    return Reminder.objects.get(session=run)


def save(profile, **fields):
    profile_save(user=profile.user, profile_fields=fields, commitments=[], goals=[])


def test_a_runner_who_opts_back_in_gets_reminders_for_the_runs_ahead(clock, profile):
    run = plan_run(profile.user)
    reminders_turn_off(profile=profile)
    save(profile, reminders_enabled=False)
    assert reminder_of(run).state == State.CANCELLED
    save(profile, reminders_enabled=True)
    assert reminder_of(run).state == State.SCHEDULED


def test_a_new_delay_moves_a_scheduled_reminder(clock, profile):
    run = plan_run(profile.user)
    assert reminder_of(run).due_at == datetime(2026, 11, 23, 7, 45, tzinfo=UTC)
    save(profile, reminder_delay_minutes=45)
    assert reminder_of(run).due_at == datetime(2026, 11, 23, 8, 15, tzinfo=UTC)


def test_a_sent_reminder_is_left_as_it_was(clock, profile):
    run = plan_run(profile.user)
    Reminder.objects.filter(session=run).update(state=State.SENT)
    save(profile, reminder_delay_minutes=45)
    assert reminder_of(run).state == State.SENT


def test_a_profile_save_that_changes_no_reminder_writes_none(
    clock, profile, django_assert_num_queries
):
    for day in range(7):
        plan_run(profile.user, day=MONDAY + timedelta(days=day))
    # the runs with their reminders, the usual run times: nothing to write
    with django_assert_num_queries(2):
        reminders_resync(profile=profile)
