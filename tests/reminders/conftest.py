from datetime import UTC, date, datetime, time, timedelta

import pytest
from django.utils import timezone

from plans.models import Session
from plans.signals import run_changed
from tests.accounts.factories import RunnerProfileFactory
from tests.plans.factories import SessionFactory

MONDAY = date(2026, 11, 23)


class Clock:
    """A frozen `timezone.now()` that a test moves forward by hand."""

    def __init__(self, moment: datetime):
        self.moment = moment

    def __call__(self) -> datetime:
        return self.moment

    def set(self, hour: int, minute: int = 0, day: date = MONDAY) -> None:
        self.moment = datetime.combine(day, time(hour, minute), tzinfo=UTC)

    def advance(self, **delta) -> None:
        self.moment += timedelta(**delta)


@pytest.fixture
def clock(monkeypatch):
    clock = Clock(datetime(2026, 11, 23, 6, 0, tzinfo=UTC))
    monkeypatch.setattr(timezone, "now", clock)
    return clock


@pytest.fixture
def profile(runner):
    """London (UTC in November), runs at 07:00 on Mon, Wed, Fri and Sun, 15 minutes' delay."""
    return RunnerProfileFactory(user=runner, reminder_delay_minutes=15)


@pytest.fixture
def sent_now(monkeypatch):
    """Immediate sends run in-process instead of through a broker; returns the ids queued."""
    from reminders import services, tasks

    queued = []

    def delay(reminder_id):
        queued.append(reminder_id)
        services.reminder_send(reminder_id=reminder_id)

    monkeypatch.setattr(tasks.send_reminder, "delay", delay)
    return queued


def plan_run(runner, day: date = MONDAY, minutes: int = 30) -> Session:
    """A planned run, announced as a single change (a coach adding it, say); runs created in
    bulk go through `runs_created` instead (test_bulk_created.py)."""
    run = SessionFactory.create(runner=runner, date=day, minutes=minutes)
    run_changed.send(sender=Session, session=run)
    return run


@pytest.fixture
def other_profile(other_runner):
    return RunnerProfileFactory(user=other_runner, reminder_delay_minutes=15)
