"""Senders claim due reminders a batch at a time; a sender that lost its claim changes nothing;
a reminder's email is the same message, Message-ID and links, however often it is sent."""

import smtplib
import threading
from datetime import timedelta

import pytest
from django.core import mail
from django.core.exceptions import ImproperlyConfigured
from django.core.mail.backends.locmem import EmailBackend
from django.db import connection, transaction
from django.utils import timezone

from plans.services import run_log_create
from reminders import links, tasks
from reminders.checks import lease_errors, refuse_a_short_lease
from reminders.emails import message_id
from reminders.models import Reminder, State
from reminders.routine import routine_for
from reminders.services import (
    SmtpConnection,
    _send_one,
    claim_deliver,
    reminders_claim,
    reminders_send_due,
)
from tests.accounts.factories import RunnerProfileFactory
from tests.reminders.conftest import MONDAY, plan_run

pytestmark = pytest.mark.django_db


def due_reminders(count: int) -> list[int]:
    """`count` runners who logged Monday's run with no delay: each reminder is due at once."""
    ids = []
    for _ in range(count):
        profile = RunnerProfileFactory.create(reminder_delay_minutes=0)
        run = plan_run(profile.user)
        run_log_create(
            runner=profile.user, run_date=MONDAY, distance_m=5000, duration_seconds=1700, effort=5
        )
        ids.append(Reminder.objects.get(session=run).pk)
    return ids


@pytest.fixture
def five_due(clock):
    clock.set(8, 0)
    return due_reminders(5)


def test_a_batch_claim_takes_three_due_rows_and_a_second_takes_the_rest(five_due):
    first, second = reminders_claim(limit=3), reminders_claim(limit=3)
    taken = [r.pk for r in first.reminders]
    assert len(taken) == 3  # all five are due at the same moment: any three are the first
    assert sorted(taken + [r.pk for r in second.reminders]) == sorted(five_due)
    assert first.token != second.token
    assert reminders_claim(limit=3).reminders == []


def test_a_claim_counts_the_try_and_holds_the_rows_until_its_lease_runs_out(
    five_due, clock, settings
):
    claim = reminders_claim(limit=5)
    rows = Reminder.objects.filter(pk__in=five_due)
    assert set(rows.values_list("state", "attempts", "claim_token")) == {
        (State.SENDING, 1, claim.token)
    }
    assert claim.until == clock() + timedelta(seconds=settings.REMINDER_LEASE_SECONDS)
    clock.advance(seconds=settings.REMINDER_LEASE_SECONDS + 1)
    assert sorted(r.pk for r in reminders_claim(limit=5).reminders) == five_due


def test_the_due_rows_are_read_from_their_own_index(five_due):
    """SQLite's plan names the index and sorts nothing; PostgreSQL, told to avoid a full scan
    (five rows would not be worth an index), names the partial index it can use."""
    from reminders.services import _due_rows, _lease_ran_out_rows

    for rows, index in (
        (_due_rows, "reminder_scheduled_due"),
        (_lease_ran_out_rows, "reminder_sending_lease"),
    ):
        sql, params = rows(timezone.now()).values("pk")[:50].query.sql_with_params()
        with connection.cursor() as cursor:
            if connection.vendor == "sqlite":
                cursor.execute(f"EXPLAIN QUERY PLAN {sql}", params)
            else:
                cursor.execute("SET LOCAL enable_seqscan = off")
                cursor.execute(f"EXPLAIN {sql}", params)
            plan = " ".join(str(row) for row in cursor.fetchall())
        assert index in plan and "TEMP B-TREE" not in plan, plan


def test_a_late_sender_that_lost_its_claim_changes_nothing(five_due, clock, settings):
    """The first sender stalled past its lease; a second took the rows over and sent them.
    What the first writes when it wakes up (sent or failed) must not touch the new holder's
    rows."""
    late = reminders_claim(limit=1)
    clock.advance(seconds=settings.REMINDER_LEASE_SECONDS + 1)
    holder = reminders_claim(limit=1)
    [reminder] = late.reminders
    assert [r.pk for r in holder.reminders] == [reminder.pk]

    with SmtpConnection() as smtp:
        assert _send_one(late, smtp, reminder, routine_for(reminder.session)) == 1
    row = Reminder.objects.get(pk=reminder.pk)
    assert (row.state, row.claim_token, row.sent_at) == (State.SENDING, holder.token, None)

    from reminders.services import _attempt_failed

    _attempt_failed(late, reminder, smtplib.SMTPServerDisconnected("gone"))
    row = Reminder.objects.get(pk=reminder.pk)
    assert (row.state, row.claim_token, row.last_error) == (State.SENDING, holder.token, "")

    assert claim_deliver(claim=holder) == 1  # the holder's own writes go through
    assert Reminder.objects.get(pk=reminder.pk).state == State.SENT


def site_host(settings) -> str:
    from urllib.parse import urlsplit

    return urlsplit(settings.SITE_URL).hostname


@pytest.fixture
def hangs_up_after_accepting(monkeypatch):
    """The server keeps the first message it is sent, then drops the connection before it
    answers: the sender cannot know it was accepted."""
    real_send = EmailBackend.send_messages
    calls = {"count": 0}

    def send_messages(self, messages):
        calls["count"] += 1
        sent = real_send(self, messages)
        if calls["count"] == 1:
            raise smtplib.SMTPServerDisconnected("Connection unexpectedly closed")
        return sent

    monkeypatch.setattr(EmailBackend, "send_messages", send_messages)


def test_an_email_whose_fate_is_unknown_is_sent_again_as_the_same_message(
    clock, profile, hangs_up_after_accepting, settings
):
    run = plan_run(profile.user)
    clock.set(8, 0)
    assert reminders_send_due(seconds=5) == 0
    reminder = Reminder.objects.get(session=run)
    assert reminder.state == State.SCHEDULED and "unexpectedly closed" in reminder.last_error
    clock.advance(minutes=30)
    assert reminders_send_due(seconds=5) == 1
    first, again = mail.outbox
    assert first.extra_headers["Message-ID"] == again.extra_headers["Message-ID"]
    assert first.extra_headers["Message-ID"] == message_id(reminder.pk)
    assert message_id(reminder.pk) == f"<reminder-{reminder.pk}@{site_host(settings)}>"
    assert first.message()["Message-ID"] == message_id(reminder.pk)
    assert first.body == again.body  # the same done and unsubscribe links
    assert links.done_path(reminder.pk, reminder.first_try_at) in first.body


def test_a_done_link_lives_its_lifetime_from_the_first_try_whenever_it_was_resent(profile, client):
    reminder = Reminder.objects.get(session=plan_run(profile.user))
    lifetime = links.DONE_LINK_LIFETIME
    still_valid = links.done_path(reminder.pk, timezone.now() - lifetime + timedelta(hours=1))
    too_old = links.done_path(reminder.pk, timezone.now() - lifetime - timedelta(hours=1))
    assert client.get(still_valid).status_code == 200
    assert client.get(too_old).status_code == 400


def test_a_sweep_does_not_pile_up_senders_while_enough_are_booked_or_running(
    five_due, monkeypatch, settings, clock
):
    settings.REMINDER_SENDERS = 2
    started = []
    monkeypatch.setattr(tasks.send_due, "delay", lambda *slot: started.append(slot))
    assert tasks.sweep() == 5
    assert len(started) == 2
    tasks.sweep()
    tasks.sweep()
    assert len(started) == 2  # both slots are booked for senders about to start

    slot, token = started[0]
    assert tasks.send_due(slot, token) == 5  # a sender takes its slot, sends, frees it
    assert tasks.send_due(slot, token) == 0  # the same booking cannot start a second sender


def test_a_booking_whose_sender_never_started_lapses(five_due, monkeypatch, settings, clock):
    settings.REMINDER_SENDERS = 1
    started = []
    monkeypatch.setattr(tasks.send_due, "delay", lambda *slot: started.append(slot))
    tasks.sweep()
    clock.advance(seconds=settings.REMINDER_SENDER_BOOKING_SECONDS + 1)
    tasks.sweep()
    assert len(started) == 2
    assert tasks.send_due(*started[0]) == 0  # its message came late: the slot went on
    assert tasks.send_due(*started[1]) == 5


def test_the_next_routine_carries_an_edit_to_the_library(clock, profile):
    from exercises.models import Exercise

    run = plan_run(profile.user)
    before = routine_for(run)
    name = before.moves[0].name
    exercise = Exercise.objects.get(name=name)
    exercise.name = f"{name} (slowly)"
    exercise.save()
    assert routine_for(run).moves[0].name == f"{name} (slowly)"


def test_a_sender_renews_its_lease_and_sends_only_the_rows_it_still_holds(
    five_due, clock, settings
):
    """A slow sender: its lease can no longer cover a send. It renews the lease for what it
    still holds; a row another sender took meanwhile is that sender's to send."""
    slow = reminders_claim(limit=2)
    clock.advance(seconds=settings.REMINDER_LEASE_SECONDS + 1)
    taken = reminders_claim(limit=1)
    [taken_row] = taken.reminders
    assert claim_deliver(claim=slow) == 1
    [message] = mail.outbox
    kept = next(r for r in slow.reminders if r.pk != taken_row.pk)
    assert message.extra_headers["X-RunStrong-Reminder"] == str(kept.pk)
    assert Reminder.objects.get(pk=taken_row.pk).claim_token == taken.token


@pytest.fixture
def smtp_with_tls_and_login(settings):
    """Connect, EHLO, STARTTLS, EHLO, AUTH, then MAIL, RCPT, DATA and the message's reply:
    nine exchanges of up to EMAIL_TIMEOUT each."""
    settings.EMAIL_USE_TLS, settings.EMAIL_HOST_USER = True, "runstrong"
    settings.EMAIL_TIMEOUT = 20
    return settings


def test_a_lease_longer_than_the_slowest_send_is_allowed(smtp_with_tls_and_login):
    smtp_with_tls_and_login.REMINDER_LEASE_SECONDS = 181
    assert lease_errors() == []
    refuse_a_short_lease()


def test_a_lease_shorter_than_the_slowest_send_is_refused_at_start_up(smtp_with_tls_and_login):
    smtp_with_tls_and_login.REMINDER_LEASE_SECONDS = 180
    [error] = lease_errors()
    assert error.id == "reminders.E001" and "180 s" in error.msg
    with pytest.raises(ImproperlyConfigured, match="REMINDER_LEASE_SECONDS"):
        refuse_a_short_lease()


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
def test_two_senders_claiming_at_once_on_postgresql_never_get_the_same_row(clock):
    """Two connections: the first holds its claim's transaction open while the second claims;
    the second skips the rows the first locked rather than waiting for them or taking them."""
    ids = due_reminders(6)
    first_claimed, second_done = threading.Event(), threading.Event()
    claims = {}

    def claim(name: str, wait_for: threading.Event | None, then: threading.Event) -> None:
        try:
            with transaction.atomic():
                if wait_for is not None:
                    assert wait_for.wait(20)
                claims[name] = reminders_claim(limit=4)
                then.set()
                if name == "first":
                    assert second_done.wait(20)  # hold the locks until the second has claimed
        finally:
            connection.close()

    threads = [
        threading.Thread(target=claim, args=("first", None, first_claimed)),
        threading.Thread(target=claim, args=("second", first_claimed, second_done)),
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(30)
    first = {r.pk for r in claims["first"].reminders}
    second = {r.pk for r in claims["second"].reminders}
    assert len(first) == 4 and len(second) == 2
    assert first.isdisjoint(second) and first | second == set(ids)
