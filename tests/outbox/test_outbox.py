"""Every email but the reminders is stored first, sent on commit, retried, and never lost."""

import smtplib
from datetime import timedelta

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import timezone

from outbox.models import Email, State
from outbox.services import email_queue, email_retry, email_send, emails_send_due
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def clock(monkeypatch):
    moments = [timezone.now()]
    monkeypatch.setattr(timezone, "now", lambda: moments[0])
    return moments


@pytest.fixture
def mail_server(monkeypatch):
    """A mail server that is down until `up` is set."""
    from config import emails

    real_deliver = emails.deliver
    state = {"up": False, "tries": 0}

    def deliver(*args, **kwargs):
        state["tries"] += 1
        if not state["up"]:
            raise smtplib.SMTPServerDisconnected("Connection unexpectedly closed")
        real_deliver(*args, **kwargs)

    monkeypatch.setattr(emails, "deliver", deliver)
    return state


def _queue(django_capture_on_commit_callbacks) -> Email:
    with django_capture_on_commit_callbacks(execute=True):
        return email_queue(
            template="invitation",
            to="ana@example.com",
            context={"coach_name": "Cora", "path": "/x/", "days": 7, "invitation": {"email": "a"}},
            headers={"X-RunStrong-Test": "1"},
        )


def test_a_queued_email_goes_out_once_the_transaction_commits(
    mailoutbox, django_capture_on_commit_callbacks
):
    email = _queue(django_capture_on_commit_callbacks)
    (message,) = mailoutbox
    assert message.to == ["ana@example.com"]
    assert message.subject == "Cora invites you to train together on RunStrong"
    assert message.extra_headers == {"X-RunStrong-Test": "1"}
    assert message.alternatives[0][1] == "text/html"
    email.refresh_from_db()
    assert (email.state, email.attempts, email.kind) == (State.SENT, 1, "invitation")


def test_nothing_is_sent_when_the_transaction_rolls_back(mailoutbox):
    from django.db import transaction

    with pytest.raises(RuntimeError), transaction.atomic():
        email_queue(template="invitation", to="a@example.com", context={})
        raise RuntimeError
    assert mailoutbox == []
    assert not Email.objects.exists()


def test_a_mail_server_that_is_down_delays_the_email_with_a_growing_wait(
    clock, mail_server, settings, django_capture_on_commit_callbacks
):
    email = _queue(django_capture_on_commit_callbacks)
    email.refresh_from_db()
    assert email.state == State.QUEUED
    assert "Connection unexpectedly closed" in email.last_error
    assert email.is_failing
    first_wait = email.next_try_at - clock[0]
    assert first_wait == timedelta(seconds=settings.OUTBOX_RETRY_SECONDS)

    assert emails_send_due(seconds=5) == 0  # not due yet: nothing tried
    assert mail_server["tries"] == 1
    clock[0] = email.next_try_at
    emails_send_due(seconds=5)
    email.refresh_from_db()
    assert email.next_try_at - clock[0] == 2 * first_wait


def test_once_the_server_is_back_the_sweep_delivers_exactly_one_email(
    clock, mail_server, django_capture_on_commit_callbacks
):
    email = _queue(django_capture_on_commit_callbacks)
    mail_server["up"] = True
    clock[0] += timedelta(hours=1)
    assert emails_send_due(seconds=5) == 1
    assert emails_send_due(seconds=5) == 0
    assert len(mail.outbox) == 1
    email.refresh_from_db()
    assert (email.state, email.last_error, email.is_failing) == (State.SENT, "", False)


def test_an_email_that_keeps_failing_is_marked_failed_and_left_alone(
    clock, mail_server, settings, django_capture_on_commit_callbacks
):
    email = _queue(django_capture_on_commit_callbacks)
    for _ in range(settings.OUTBOX_MAX_ATTEMPTS + 2):
        clock[0] += timedelta(days=1)
        emails_send_due(seconds=5)
    email.refresh_from_db()
    assert email.state == State.FAILED
    assert email.attempts == settings.OUTBOX_MAX_ATTEMPTS == mail_server["tries"]


def test_a_failed_email_can_be_tried_again_by_hand(
    clock, mail_server, settings, django_capture_on_commit_callbacks
):
    settings.OUTBOX_MAX_ATTEMPTS = 1
    email = _queue(django_capture_on_commit_callbacks)
    email.refresh_from_db()
    assert email.state == State.FAILED
    mail_server["up"] = True
    with django_capture_on_commit_callbacks(execute=True):
        assert email_retry(email=email)
    email.refresh_from_db()
    assert email.state == State.SENT
    assert not email_retry(email=email)  # a sent email is not sent twice


def test_only_one_worker_sends_a_row(outbox_worker, mailoutbox, django_capture_on_commit_callbacks):
    outbox_worker["paused"] = True
    email = _queue(django_capture_on_commit_callbacks)
    assert email_send(email_id=email.pk) is True
    assert email_send(email_id=email.pk) is False
    assert len(mailoutbox) == 1


def test_a_worker_that_died_mid_send_leaves_the_row_to_the_next_one_after_the_lease(
    clock, outbox_worker, mailoutbox, settings, django_capture_on_commit_callbacks
):
    outbox_worker["paused"] = True
    email = _queue(django_capture_on_commit_callbacks)
    Email.objects.filter(pk=email.pk).update(
        state=State.SENDING, claimed_until=clock[0] + timedelta(seconds=30)
    )
    assert emails_send_due(seconds=5) == 0
    clock[0] += timedelta(seconds=31)
    assert emails_send_due(seconds=5) == 1
    assert len(mailoutbox) == 1


def test_a_secret_email_keeps_no_body_once_sent(mailoutbox, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        email = email_queue(
            template="invitation",
            to="ana@example.com",
            context={"coach_name": "Cora", "path": "/one-time/", "days": 7},
            secret=True,
        )
    assert "/one-time/" in mailoutbox[0].body
    email.refresh_from_db()
    assert (email.state, email.text, email.html) == (State.SENT, "", "")


def test_a_secret_email_keeps_its_body_while_it_waits_to_be_retried(
    mail_server, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        email = email_queue(
            template="invitation", to="a@example.com", context={"path": "/one-time/"}, secret=True
        )
    email.refresh_from_db()
    assert "/one-time/" in email.text


def test_the_admin_tries_failed_emails_again_and_leaves_sent_ones_alone(
    client, clock, mail_server, settings, django_capture_on_commit_callbacks
):
    settings.OUTBOX_MAX_ATTEMPTS = 1
    failed = _queue(django_capture_on_commit_callbacks)
    mail_server["up"] = True
    sent = _queue(django_capture_on_commit_callbacks)
    failed.refresh_from_db()
    sent.refresh_from_db()
    assert (failed.state, sent.state) == (State.FAILED, State.SENT)
    client.force_login(UserFactory(is_staff=True, is_superuser=True))
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            reverse("admin:outbox_email_changelist"),
            {"action": "retry_now", "_selected_action": [failed.pk, sent.pk]},
            follow=True,
        )
    assert "1 queued again." in response.content.decode()
    failed.refresh_from_db()
    assert failed.state == State.SENT
    assert mail_server["tries"] >= 2
