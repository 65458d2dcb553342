"""Reminders through the real parts: a Celery worker with beat on Redis, PostgreSQL, and an SMTP
server on loopback. Each run must get exactly one email, whatever breaks on the way."""

import os
import time

import pytest
from django.utils import timezone

from config.celery import app
from exercises.loader import load_library
from plans.services import run_log_create
from reminders.emails import message_id
from reminders.models import Reminder, State
from tests.accounts.factories import RunnerProfileFactory
from tests.conftest import REQUIRE_SERVICES
from tests.reminders.conftest import plan_run
from tests.reminders.real_parts import (
    REDIS_SERVER,
    PrivateRedis,
    SmtpSink,
    Worker,
    point_celery_at,
)

pytestmark = [
    pytest.mark.postgres,
    pytest.mark.redis,
    pytest.mark.celery_worker,
    pytest.mark.django_db(transaction=True),
]
RUNS = 12


@pytest.fixture
def real_parts(tmp_path):
    """`real_parts(**sink_options)`: an SMTP sink on loopback and a worker, not yet started."""
    started = []

    def make(**sink_options) -> tuple[SmtpSink, Worker]:
        sink = SmtpSink(**sink_options)
        sink.controller.start()
        worker = Worker(tmp_path, sink.port)
        started.append((sink, worker))
        return sink, worker

    load_library()  # an earlier transactional test may have flushed the seeded library
    app.control.purge()
    yield make
    for sink, worker in started:
        worker.stop()
        sink.controller.stop()


@pytest.fixture
def private_redis(tmp_path, monkeypatch):
    """A Redis of the test's own for this process and the worker to use, so it can be
    restarted without touching the machine's."""
    if not os.path.exists(REDIS_SERVER):
        message = f"redis-server is not installed at {REDIS_SERVER}"
        if REQUIRE_SERVICES:
            pytest.fail(message)
        pytest.skip(message)
    server = PrivateRedis(tmp_path / "redis")
    server.start()
    original_url = app.conf.broker_url
    point_celery_at(server.url)
    monkeypatch.setenv("CELERY_BROKER_URL", server.url)  # read by the worker's settings
    yield server
    point_celery_at(original_url)
    server.stop()


def log_runs(count: int) -> list[Reminder]:
    """`count` runners log today's run with no delay: each reminder is due at once."""
    today = timezone.localdate()
    reminders = []
    for _ in range(count):
        profile = RunnerProfileFactory.create(reminder_delay_minutes=0)
        run = plan_run(profile.user, day=today)
        run_log_create(
            runner=profile.user, run_date=today, distance_m=5000, duration_seconds=1700, effort=5
        )
        reminders.append(Reminder.objects.get(session=run))
    return reminders


def assert_one_email_each(sink: SmtpSink, reminders: list[Reminder], worker: Worker) -> None:
    arrived = sink.wait_for(len(reminders), seconds=25)
    time.sleep(1.5)  # a sweep or two more: nothing may arrive twice
    expected = {str(reminder.pk): 1 for reminder in reminders}
    assert arrived, worker.output()[-3000:]
    assert dict(sink.reminder_ids) == expected
    states = set(Reminder.objects.filter(pk__in=[r.pk for r in reminders]).values_list("state"))
    assert states == {(State.SENT,)}


def test_a_logged_run_emails_its_routine_through_the_real_worker_and_smtp(real_parts):
    sink, worker = real_parts()
    worker.start()
    [reminder] = log_runs(1)
    assert sink.wait_for(1, seconds=20), worker.output()[-3000:]
    [message] = sink.messages
    assert message["To"] == reminder.session.runner.email
    assert "strength routine" in message["Subject"]
    text, html = (
        part.get_payload(decode=True).decode()
        for part in message.walk()
        if part.get_content_maintype() == "text"
    )
    assert "Calf raise" in text and "Calf raise" in html
    assert "/reminders/unsubscribe/" in message["List-Unsubscribe"]


def test_a_worker_killed_while_reminders_are_due_sends_each_once_after_a_restart(real_parts):
    sink, worker = real_parts(pause=0.3)
    reminders = log_runs(RUNS)
    worker.start()
    assert sink.wait_for(2, seconds=20), worker.output()[-3000:]
    worker.kill()
    assert len(sink.messages) < RUNS
    worker.start()
    assert_one_email_each(sink, reminders, worker)


def test_a_redis_restart_while_reminders_are_queued_loses_none(private_redis, real_parts):
    sink, worker = real_parts(pause=0.5)
    worker.start()
    reminders = log_runs(RUNS)  # each queues an immediate send on Redis
    private_redis.restart()
    assert len(sink.messages) < RUNS
    assert_one_email_each(sink, reminders, worker)


def test_an_smtp_server_refusing_the_first_two_tries_still_gets_one_email_per_run(real_parts):
    sink, worker = real_parts(refuse_each=2)
    reminders = log_runs(4)
    worker.start()
    assert_one_email_each(sink, reminders, worker)
    assert all(tries == 3 for tries in sink.tries.values())
    assert set(Reminder.objects.values_list("attempts", flat=True)) == {3}


def test_send_tasks_lost_in_a_redis_restart_before_the_worker_starts_are_swept_up(
    private_redis, real_parts
):
    sink, worker = real_parts()
    reminders = log_runs(3)
    private_redis.restart()
    worker.start()
    assert_one_email_each(sink, reminders, worker)


MANY = 2_000


def test_a_server_hanging_up_after_keeping_the_message_costs_no_email_and_no_second_version(
    real_parts, tmp_path
):
    """Two workers, 2,000 reminders due at once; the server keeps the first copy of every
    fifth reminder and hangs up before its 250. The sender cannot know the copy arrived, so
    it sends again: the same message under the same Message-ID, which a mail program or a
    server drops as a copy. None is lost, none goes out as two different emails."""
    from benchmarks.reminders import make_all_due, seed

    Reminder.objects.all().delete()  # the queue holds this test's reminders and no others
    sink, first = real_parts(hang_up_on_every=5)
    second = Worker(tmp_path, sink.port, name="second", beat=False)
    ids = seed(runs=MANY)
    make_all_due()
    first.start()
    second.start()
    try:
        arrived = sink.wait_for(MANY + MANY // 5, seconds=120)
        time.sleep(2)  # a sweep or two more
    finally:
        second.stop()
    assert arrived, first.output()[-3000:] + second.output()[-3000:]

    message_ids: dict[str, set[str]] = {}
    for message in sink.messages:
        message_ids.setdefault(message["X-RunStrong-Reminder"], set()).add(message["Message-ID"])
    queued = Reminder.objects.values_list("pk", flat=True)  # `seed` gives the runs' ids
    assert len(ids) == MANY and set(message_ids) == {str(pk) for pk in queued}  # none lost
    assert [pk for pk, found in message_ids.items() if len(found) != 1] == []
    assert all(found == {message_id(int(pk))} for pk, found in message_ids.items())
    assert sink.hung_up == MANY // 5
    assert set(Reminder.objects.values_list("state", flat=True)) == {State.SENT}


def test_a_worker_whose_lease_is_shorter_than_the_slowest_send_does_not_start(real_parts):
    """(Every other test here shows a worker with a long enough lease starting.)"""
    _, worker = real_parts()
    worker.env["REMINDER_LEASE_SECONDS"] = "3"
    worker.start()
    assert worker.process is not None
    assert worker.process.wait(timeout=60) != 0
    assert "REMINDER_LEASE_SECONDS (3) must be longer" in worker.output()
