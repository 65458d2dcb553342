"""Beat sweeps the outbox (and the waiting reset requests, and old limit rows) from the
database; a lost message to the broker never loses an email."""

from datetime import timedelta

import pytest
from django.conf import settings
from django.utils import timezone

from outbox import tasks
from outbox.models import Email
from outbox.services import email_queue

pytestmark = pytest.mark.django_db


@pytest.fixture
def started(monkeypatch):
    calls = []
    monkeypatch.setattr(tasks.send_due, "delay", lambda: calls.append("send_due"))
    return calls


def test_every_sweep_is_on_the_beat_schedule():
    scheduled = {entry["task"] for entry in settings.CELERY_BEAT_SCHEDULE.values()}
    assert {
        "outbox.tasks.sweep",
        "accounts.tasks.password_resets_sweep",
        "limits.tasks.prune",
    } <= scheduled


def test_the_sweep_starts_no_sender_when_nothing_is_due(started):
    assert tasks.sweep() == 0
    assert started == []


def test_an_email_whose_queued_send_was_lost_goes_out_from_the_sweep(
    outbox_worker, started, settings, mailoutbox, django_capture_on_commit_callbacks
):
    settings.OUTBOX_SENDERS = 2
    outbox_worker["paused"] = True  # the on-commit message never reaches a worker
    with django_capture_on_commit_callbacks(execute=True):
        for n in range(3):
            email_queue(template="invitation", to=f"r{n}@example.com", context={})
    assert mailoutbox == []
    assert tasks.sweep() == 3
    assert started == ["send_due", "send_due"]
    assert tasks.send_due() == 3
    assert len(mailoutbox) == 3


def test_an_email_waiting_for_its_retry_is_not_swept_early(started):
    Email.objects.create(
        to="a@example.com", subject="s", text="t", next_try_at=timezone.now() + timedelta(minutes=1)
    )
    assert tasks.sweep() == 0
