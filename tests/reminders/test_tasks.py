"""The beat sweep starts senders only when reminders are due; the tasks only call services."""

from datetime import timedelta

import pytest

from reminders import services, tasks
from tests.reminders.conftest import MONDAY, plan_run

pytestmark = pytest.mark.django_db


@pytest.fixture
def started(monkeypatch):
    calls = []
    monkeypatch.setattr(tasks.send_due, "delay", lambda *slot: calls.append("send_due"))
    return calls


def test_the_sweep_starts_no_sender_when_nothing_is_due(clock, profile, started):
    plan_run(profile.user)
    assert tasks.sweep() == 0
    assert started == []


def test_the_sweep_starts_one_sender_per_due_reminder_up_to_the_limit(
    clock, profile, started, settings
):
    settings.REMINDER_SENDERS = 2
    for day in (0, 2, 4):
        plan_run(profile.user, day=MONDAY + timedelta(days=day))
    clock.set(12, 0, day=MONDAY + timedelta(days=6))
    assert tasks.sweep() == 3
    assert started == ["send_due", "send_due"]


def test_a_sender_sends_what_is_due(clock, profile, mailoutbox):
    plan_run(profile.user)
    clock.set(8, 0)
    [(slot, token)] = services.sender_slots_book(wanted=1)
    assert tasks.send_due(slot, token) == 1
    assert len(mailoutbox) == 1
