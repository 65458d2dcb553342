"""A refused send is retried with backoff up to a limit, then shown to the runner as failed."""

import smtplib

import pytest
from django.core import mail
from django.urls import reverse

from reminders.models import Reminder, State
from reminders.services import reminders_send_due
from tests.reminders.conftest import plan_run

pytestmark = pytest.mark.django_db


@pytest.fixture
def refusing(monkeypatch):
    """The SMTP server refuses the first `times` sends; `times = -1` refuses them all."""
    from django.core.mail.backends.locmem import EmailBackend

    real_send = EmailBackend.send_messages
    state = {"times": 2, "tries": 0}

    def send_messages(self, messages):
        state["tries"] += 1
        if state["times"] < 0 or state["tries"] <= state["times"]:
            raise smtplib.SMTPServerDisconnected("Connection unexpectedly closed")
        return real_send(self, messages)

    monkeypatch.setattr(EmailBackend, "send_messages", send_messages)
    return state


def test_a_refused_send_is_tried_again_later_with_a_growing_wait(
    clock, profile, refusing, settings
):
    run = plan_run(profile.user)
    clock.set(8, 0)
    assert reminders_send_due(seconds=5) == 0
    first_retry = Reminder.objects.get(session=run)
    assert first_retry.state == State.SCHEDULED
    assert first_retry.attempts == 1
    assert "Connection unexpectedly closed" in first_retry.last_error
    wait = (first_retry.due_at - clock()).total_seconds()
    assert wait == settings.REMINDER_RETRY_SECONDS

    clock.moment = first_retry.due_at
    reminders_send_due(seconds=5)
    second_retry = Reminder.objects.get(session=run)
    assert (second_retry.due_at - clock()).total_seconds() == 2 * wait


def test_after_two_refusals_the_third_try_delivers_one_email(clock, profile, refusing):
    run = plan_run(profile.user)
    clock.set(8, 0)
    for _ in range(3):
        reminders_send_due(seconds=5)
        clock.advance(hours=1)
    reminders_send_due(seconds=5)
    reminder = Reminder.objects.get(session=run)
    assert (reminder.state, reminder.attempts, reminder.last_error) == (State.SENT, 3, "")
    assert len(mail.outbox) == 1


def test_a_reminder_that_keeps_failing_is_marked_failed_and_left_alone(
    clock, profile, refusing, settings
):
    refusing["times"] = -1
    run = plan_run(profile.user)
    clock.set(8, 0)
    for _ in range(settings.REMINDER_MAX_ATTEMPTS + 3):
        reminders_send_due(seconds=5)
        clock.advance(hours=2)
    reminder = Reminder.objects.get(session=run)
    assert reminder.state == State.FAILED
    assert reminder.attempts == settings.REMINDER_MAX_ATTEMPTS
    assert refusing["tries"] == settings.REMINDER_MAX_ATTEMPTS


def test_the_runner_sees_a_failed_reminder_in_their_profile_settings(
    clock, profile, refusing, settings, client
):
    refusing["times"] = -1
    plan_run(profile.user)
    clock.set(8, 0)
    for _ in range(settings.REMINDER_MAX_ATTEMPTS):
        reminders_send_due(seconds=5)
        clock.advance(hours=2)
    client.force_login(profile.user)
    page = client.get(reverse("accounts:profile")).content.decode()
    assert 'data-testid="failed-reminders"' in page
    assert "after the run on Mon 23 Nov" in page
    assert "Connection unexpectedly closed" in page


def test_the_profile_page_says_nothing_when_every_reminder_went_out(clock, profile, client):
    plan_run(profile.user)
    clock.set(8, 0)
    reminders_send_due(seconds=5)
    client.force_login(profile.user)
    assert b"failed-reminders" not in client.get(reverse("accounts:profile")).content
