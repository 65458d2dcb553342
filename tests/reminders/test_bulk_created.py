"""Runs created in bulk (a planned week, an assigned template) get their rows in one go."""

from datetime import UTC, datetime, timedelta

import pytest

from plans.services import announce_new_runs
from reminders.models import Reminder, State
from tests.plans.factories import SessionFactory, StrengthSessionFactory
from tests.reminders.conftest import MONDAY

pytestmark = pytest.mark.django_db


def test_each_new_run_gets_its_due_time_and_other_sessions_get_none(clock, profile):
    monday = SessionFactory(runner=profile.user, date=MONDAY, minutes=30)
    tuesday = SessionFactory(runner=profile.user, date=MONDAY + timedelta(days=1))  # no usual time
    block = StrengthSessionFactory(runner=profile.user, date=MONDAY)
    announce_new_runs([monday, tuesday, block])
    assert Reminder.objects.get(session=monday).due_at == datetime(2026, 11, 23, 7, 45, tzinfo=UTC)
    assert Reminder.objects.get(session=tuesday).state == State.CANCELLED
    assert not Reminder.objects.filter(session=block).exists()


def test_many_runners_runs_take_the_same_queries_as_one(
    clock, profile, other_profile, django_assert_num_queries
):
    one = [SessionFactory(runner=profile.user, date=MONDAY)]
    many = [
        SessionFactory(runner=runner, date=MONDAY + timedelta(days=day))
        for runner in (profile.user, other_profile.user)
        for day in range(7)
    ]
    with django_assert_num_queries(3):  # profiles, their usual run times, insert
        announce_new_runs(one)
    with django_assert_num_queries(3):
        announce_new_runs(many)
    assert Reminder.objects.count() == 15
