import datetime

import pytest

from plans.models import RunLog, Session, Status
from plans.services import run_log_create, run_log_delete, session_mark
from plans.signals import run_changed
from tests.plans.factories import SessionFactory, StrengthSessionFactory

TODAY = datetime.date(2026, 11, 23)


@pytest.fixture
def announced():
    seen = []

    def listener(sender, session, **kwargs):
        seen.append((session.pk, session.status))

    run_changed.connect(listener)
    yield seen
    run_changed.disconnect(listener)


def test_logging_a_run_marks_that_days_planned_run_done(runner, announced):
    run = SessionFactory(runner=runner, date=TODAY)
    log = run_log_create(
        runner=runner, run_date=TODAY, distance_m=8000, duration_seconds=2700, effort=6
    )
    run.refresh_from_db()
    assert log.session == run
    assert run.status == Status.DONE
    assert announced == [(run.pk, Status.DONE)]


def test_a_run_nobody_planned_becomes_a_done_session_of_its_own(runner, announced):
    log = run_log_create(
        runner=runner, run_date=TODAY, distance_m=5000, duration_seconds=1800, effort=4
    )
    assert (log.session.kind, log.session.source, log.session.minutes) == ("run", "runner", 30)
    assert log.session.status == Status.DONE
    assert announced == [(log.session.pk, Status.DONE)]


def test_undoing_an_added_run_removes_its_session_too(runner):
    log = run_log_create(
        runner=runner, run_date=TODAY, distance_m=5000, duration_seconds=1800, effort=4
    )
    run_log_delete(run_log=log)
    assert not RunLog.objects.exists()
    assert not Session.objects.filter(runner=runner).exists()


def test_undoing_a_logged_run_plans_the_session_again(runner, announced):
    run = SessionFactory(runner=runner, date=TODAY)
    log = run_log_create(
        runner=runner, run_date=TODAY, distance_m=8000, duration_seconds=2700, effort=6
    )
    run_log_delete(run_log=log)
    run.refresh_from_db()
    assert run.status == Status.PLANNED
    assert not RunLog.objects.exists()
    assert announced[-1] == (run.pk, Status.PLANNED)


def test_another_runners_planned_run_is_never_marked(runner, other_runner):
    theirs = SessionFactory(runner=other_runner, date=TODAY)
    run_log_create(runner=runner, run_date=TODAY, distance_m=5000, duration_seconds=1800, effort=4)
    theirs.refresh_from_db()
    assert theirs.status == Status.PLANNED


def test_marking_a_strength_session_done_keeps_the_note_and_is_not_a_run_change(runner, announced):
    strength = StrengthSessionFactory(runner=runner, date=TODAY)
    session_mark(session=strength, status=Status.DONE, note="Legs felt heavy")
    strength.refresh_from_db()
    assert strength.status_note == "Legs felt heavy"
    assert strength.status_changed_at is not None
    assert announced == []


def test_a_run_ticked_done_earlier_gets_the_log_instead_of_a_second_run(runner):
    run = SessionFactory(runner=runner, date=TODAY)
    session_mark(session=run, status=Status.DONE)
    log = run_log_create(
        runner=runner, run_date=TODAY, distance_m=8000, duration_seconds=2700, effort=6
    )
    assert log.session == run
    assert Session.objects.filter(runner=runner).count() == 1
