"""The hourly planning in chunks: the same weeks as planning runner by runner, in a number of
queries that does not grow with the chunk, one query when nobody needs a week, and never a
week twice."""

import contextlib
from datetime import UTC, date, datetime, timedelta

import pytest
from django.db import connection, transaction
from django.test.utils import CaptureQueriesContext

from accounts.models import Injury
from plans import tasks
from plans.models import PlanWeek, Session, Source, Status
from plans.selectors import runners_needing_weeks
from plans.services import weeks_ensure, weeks_ensure_for
from reminders.models import Reminder
from tests.accounts.factories import RaceGoalFactory, RunnerProfileFactory
from tests.exercises.factories import ExerciseFactory
from tests.plans.factories import SessionFactory

pytestmark = pytest.mark.django_db

WEDNESDAY = datetime(2026, 11, 25, 9, 0, tzinfo=UTC)
MONDAY = date(2026, 11, 23)


class Rollback(Exception):
    pass


@pytest.fixture
def runners(frozen_now, coach):
    """Runners unlike each other: days, a race, an injury, a coach's own exercise, a session
    the coach placed this week, a run already done, a far time zone."""
    frozen_now(WEDNESDAY)
    profiles = [
        RunnerProfileFactory(user__email="plain@example.com"),
        RunnerProfileFactory(user__email="kiritimati@example.com", time_zone="Pacific/Kiritimati"),
        RunnerProfileFactory(user__email="five-days@example.com", week=(0, 1, 2, 4, 5)),
        RunnerProfileFactory(
            user__email="injured@example.com",
            injured=True,
            injury_area="knee",
            liked_activities=["swimming"],
            equipment=["stability_ball"],
        ),
    ]
    Injury.objects.create(profile=profiles[3], area="knee", started_on=MONDAY)
    RaceGoalFactory(profile=profiles[2], race_date=MONDAY + timedelta(weeks=6))
    coached = profiles[0].user
    coach.coachings_given.filter(athlete=coached)  # the standing coach coaches `runner`
    ExerciseFactory(owner=coach, name="Cora's hip hike", slug="coras-hip-hike")
    SessionFactory(runner=coached, date=MONDAY + timedelta(days=4), source=Source.COACH)
    SessionFactory(runner=profiles[2].user, date=MONDAY, status=Status.DONE)
    return profiles


def snapshot() -> dict:
    """Every planned week, session, move and reminder, by runner email and day."""
    sessions = Session.objects.select_related("runner", "activity", "for_run")
    return {
        "weeks": sorted(
            PlanWeek.objects.values_list(
                "runner__email", "week_start", "phase", "notes", "planned_from"
            )
        ),
        "sessions": sorted(
            (
                s.runner.email,
                s.date,
                s.position,
                s.kind,
                s.purpose,
                s.title,
                s.minutes,
                s.activity.slug if s.activity else "",
                s.for_run.position if s.for_run else -1,
                tuple(s.exercises.values_list("exercise__slug", "sets", "rep_min", "rep_max")),
            )
            for s in sessions
        ),
        "reminders": sorted(
            Reminder.objects.values_list(
                "session__runner__email", "session__date", "state", "due_at"
            )
        ),
    }


def planned_by(plan) -> dict:
    """What `plan()` leaves in the database, undone afterwards."""
    with contextlib.suppress(Rollback), transaction.atomic():
        plan()
        found = snapshot()
        raise Rollback
    return found


def test_one_chunk_many_chunks_and_runner_by_runner_plan_the_same_weeks(runners):
    ids = [profile.user_id for profile in runners]

    def one_by_one():
        for profile in runners:
            weeks_ensure(runner=profile.user, today=profile.today())

    expected = planned_by(one_by_one)
    assert len(expected["weeks"]) == 8 and len(expected["sessions"]) > 40
    assert planned_by(lambda: weeks_ensure_for(runner_ids=ids)) == expected
    assert planned_by(lambda: [weeks_ensure_for(runner_ids=[pk]) for pk in ids]) == expected


def fresh_runners(count: int) -> list[int]:
    return [RunnerProfileFactory.create().user_id for _ in range(count)]


def chunk_queries(runner_ids: list[int]) -> list[str]:
    with CaptureQueriesContext(connection) as queries:
        assert weeks_ensure_for(runner_ids=runner_ids) == 2 * len(runner_ids)
    return [query["sql"] for query in queries.captured_queries]


def test_with_nothing_to_plan_the_hourly_task_costs_one_query(
    runners, django_assert_num_queries, monkeypatch
):
    monkeypatch.setattr(
        tasks.plan_weeks_for_runners, "delay", lambda ids: weeks_ensure_for(runner_ids=ids)
    )
    assert tasks.plan_upcoming_weeks_for_everyone() == len(runners)
    with django_assert_num_queries(1):
        assert tasks.plan_upcoming_weeks_for_everyone() == 0


def test_at_the_monday_rollover_each_runner_is_asked_about_their_own_weeks(frozen_now):
    """Sunday 20:00 UTC: Monday already in Kiritimati (UTC+14), still Sunday in London."""
    frozen_now(datetime(2026, 11, 29, 20, 0, tzinfo=UTC))
    london = RunnerProfileFactory(time_zone="Europe/London")
    kiritimati = RunnerProfileFactory(time_zone="Pacific/Kiritimati")
    for profile in (london, kiritimati):
        for week_start in (MONDAY, MONDAY + timedelta(days=7)):
            PlanWeek.objects.create(
                runner=profile.user, week_start=week_start, phase="base", planned_from=week_start
            )
    from django.utils import timezone

    assert runners_needing_weeks(now=timezone.now()) == [kiritimati.user_id]
    assert weeks_ensure_for(runner_ids=[london.user_id, kiritimati.user_id]) == 1
    assert PlanWeek.objects.filter(week_start=MONDAY + timedelta(days=14)).count() == 1
    assert runners_needing_weeks(now=timezone.now()) == []
