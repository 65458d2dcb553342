"""The hourly planning in chunks: the same weeks as planning runner by runner, in a number of
queries that does not grow with the chunk, one query when nobody needs a week, and never a
week twice."""

import contextlib
import re
from datetime import UTC, date, datetime, timedelta

import pytest
from django.db import connection, transaction
from django.test.utils import CaptureQueriesContext

from accounts.models import Injury
from exercises.snapshot import shared_library
from plans import services, tasks
from plans.models import PlanPause, PlanWeek, Session, SessionKind, Source, Status
from plans.selectors import runners_needing_weeks
from plans.services import week_generate, weeks_ensure, weeks_ensure_for
from reminders.models import Reminder
from tests.accounts.factories import PersonalBestGoalFactory, RaceGoalFactory, RunnerProfileFactory
from tests.exercises.factories import ExerciseFactory
from tests.plans.factories import RunLogFactory, SessionFactory

pytestmark = pytest.mark.django_db

WEDNESDAY = datetime(2026, 11, 25, 9, 0, tzinfo=UTC)
MONDAY = date(2026, 11, 23)


class Rollback(Exception):
    pass


def weeks_ensure_at(profile, moment, frozen_now) -> None:
    """Plan the runner's weeks as their visit at `moment` would have."""
    frozen_now(moment)
    weeks_ensure(runner=profile.user, today=profile.today())


@pytest.fixture
def runners(frozen_now, runner, coach):
    """Runners unlike each other: recreational and competitive, a race or none, a personal best
    (lifted by logs) or none, a pause, an injury, a coach's own exercise, a session the coach
    placed this week, a run already done, weeks done and missed before, far time zones, a
    week planned before the week before it ended (re-planned), and a runner with this week
    but not next."""
    profiles = [
        RunnerProfileFactory(user=runner),  # coached by `coach`
        RunnerProfileFactory(user__email="kiritimati@example.com", time_zone="Pacific/Kiritimati"),
        RunnerProfileFactory(
            user__email="five-days@example.com", runner_type="competitive", week=(0, 1, 2, 4, 5)
        ),
        RunnerProfileFactory(
            user__email="injured@example.com",
            injured=True,
            injury_area="knee",
            liked_activities=["swimming"],
            equipment=["stability_ball"],
        ),
        RunnerProfileFactory(
            user__email="best-effort@example.com",
            runner_type="competitive",
            time_zone="America/Los_Angeles",
        ),
        RunnerProfileFactory(user__email="paused@example.com"),
        RunnerProfileFactory(user__email="seasoned@example.com", runner_type="competitive"),
        RunnerProfileFactory(user__email="replanned@example.com"),
        RunnerProfileFactory(user__email="this-week-only@example.com"),
    ]
    plain, _, five_days, injured, best, paused, seasoned, replanned, this_week_only = profiles
    Injury.objects.create(profile=injured, area="knee", started_on=MONDAY)
    RaceGoalFactory(profile=five_days, race_date=MONDAY + timedelta(weeks=6))
    RaceGoalFactory(profile=seasoned, race_date=MONDAY + timedelta(weeks=3), distance="half")
    PersonalBestGoalFactory(profile=best)
    for days_ago, minutes in ((3, 40), (10, 41)):
        RunLogFactory(
            runner=best.user,
            date=MONDAY - timedelta(days=days_ago),
            distance_m=10_000,
            duration_seconds=minutes * 60,
        )
    PlanPause.objects.create(
        runner=paused.user, start=MONDAY + timedelta(days=3), end=MONDAY + timedelta(days=8)
    )
    assert coach.coachings_given.filter(athlete=plain.user).exists()
    ExerciseFactory(owner=coach, name="Cora's hip hike", slug="coras-hip-hike")
    SessionFactory(runner=plain.user, date=MONDAY + timedelta(days=4), source=Source.COACH)
    SessionFactory(runner=five_days.user, date=MONDAY, status=Status.DONE)

    # Three weeks planned before: runs done (one logged longer), skipped and missed.
    weeks_ensure_at(seasoned, datetime(2026, 11, 2, 8, 0, tzinfo=UTC), frozen_now)
    weeks_ensure_at(seasoned, datetime(2026, 11, 9, 8, 0, tzinfo=UTC), frozen_now)
    runs = list(Session.objects.filter(runner=seasoned.user, kind=SessionKind.RUN, date__lt=MONDAY))
    for n, run in enumerate(runs):
        if n % 3 == 0:
            run.status = Status.DONE
        elif n % 3 == 1:
            run.status = Status.SKIPPED
        run.save(update_fields=["status"])
    RunLogFactory(
        runner=seasoned.user, session=runs[0], date=runs[0].date, duration_seconds=70 * 60
    )
    # Planned on the Friday before: this week is planned again once that week ended.
    weeks_ensure_at(replanned, datetime(2026, 11, 20, 8, 0, tzinfo=UTC), frozen_now)
    frozen_now(datetime(2026, 11, 23, 8, 0, tzinfo=UTC))
    week_generate(runner=this_week_only.user, week_start=MONDAY, today=MONDAY)
    frozen_now(WEDNESDAY)
    return profiles


def snapshot() -> dict:
    """Every planned week, session, move and reminder, by runner email and day."""
    sessions = Session.objects.select_related("runner", "activity", "for_run")
    return {
        "weeks": sorted(
            PlanWeek.objects.values_list(
                "runner__email",
                "week_start",
                "phase",
                "notes",
                "planned_from",
                "generated_on",
                "run_target",
                "lighter",
                "why",
            )
        ),
        "sessions": sorted(
            (
                s.runner.email,
                s.date,
                s.position,
                s.kind,
                s.post_run,
                s.purpose,
                s.title,
                s.minutes,
                s.status,
                s.source,
                s.is_new_activity,
                repr(s.structure),
                s.distance_km,
                s.activity.slug if s.activity else "",
                s.for_run.position if s.for_run else -1,
                tuple(
                    s.exercises.values_list(
                        "position",
                        "exercise__slug",
                        "sets",
                        "rep_min",
                        "rep_max",
                        "per_side",
                        "duration_min",
                        "duration_max",
                    )
                ),
            )
            for s in sessions
        ),
        "reminders": sorted(
            Reminder.objects.values_list(
                "session__runner__email", "session__date", "session__position", "state", "due_at"
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

    before = snapshot()
    expected = planned_by(one_by_one)
    assert snapshot() == before
    new_weeks = {week[:2] for week in expected["weeks"]} - {week[:2] for week in before["weeks"]}
    assert len(new_weeks) == 2 * len(runners) - 2  # two runners had this week already
    assert len(expected["sessions"]) > 100
    replanned = {w[1]: w[5] for w in expected["weeks"] if w[0] == "replanned@example.com"}
    assert replanned[MONDAY] == WEDNESDAY.date()  # planned again, on the runner's today
    assert planned_by(lambda: weeks_ensure_for(runner_ids=ids)) == expected
    assert planned_by(lambda: [weeks_ensure_for(runner_ids=[pk]) for pk in ids]) == expected
    assert planned_by(lambda: weeks_ensure_for(runner_ids=ids[::-1])) == expected


def fresh_runners(count: int) -> list[int]:
    return [RunnerProfileFactory.create().user_id for _ in range(count)]


def chunk_queries(runner_ids: list[int]) -> list[str]:
    with CaptureQueriesContext(connection) as queries:
        assert weeks_ensure_for(runner_ids=runner_ids) == 2 * len(runner_ids)
    return [query["sql"] for query in queries.captured_queries]


def shape(queries: list[str]) -> list[list[str]]:
    """Each statement's verb and first name (savepoint names count up, so not those; a
    statement run many times is logged as "N times: ..."). SQLite takes at most 999 values a
    statement, so Django splits a long bulk INSERT or UPDATE: on SQLite those are left out."""
    queries = [re.sub(r"^\d+ times: ", "", q) for q in queries]
    shapes = [["SAVEPOINT"] if q.startswith("SAVEPOINT") else q.split(" ", 2)[:2] for q in queries]
    if connection.vendor == "sqlite":
        return [shape for shape in shapes if shape[0] not in {"INSERT", "UPDATE"}]
    return shapes


CHUNK_QUERIES = 70  # two weeks of about 33 each, a long INSERT split in two on SQLite


def test_a_chunks_queries_do_not_grow_with_its_size(frozen_now, django_assert_max_num_queries):
    frozen_now(WEDNESDAY)
    shared_library()  # this process reads the library once, whatever plans first
    ten = chunk_queries(fresh_runners(10))
    hundred = chunk_queries(fresh_runners(100))
    assert shape(hundred) == shape(ten)
    assert len(ten) <= CHUNK_QUERIES
    if connection.vendor == "postgresql":
        assert len(hundred) == len(ten)
    more = fresh_runners(10)
    with django_assert_max_num_queries(CHUNK_QUERIES):
        weeks_ensure_for(runner_ids=more)


def test_a_week_planned_meanwhile_by_someone_else_is_never_planned_twice(runners, monkeypatch):
    """Another chunk (or the runner's first visit) plans a runner's weeks after this chunk
    read what was missing: the chunk leaves that runner out and plans the others."""
    ids = [profile.user_id for profile in runners]
    expected = planned_by(lambda: weeks_ensure_for(runner_ids=ids))
    build = services.weeks_build
    raced = {"done": False}

    def build_then_race(jobs):
        built = build(jobs)
        if not raced["done"]:
            raced["done"] = True
            weeks_ensure(runner=runners[0].user, today=runners[0].today())  # the other writer
        return built

    monkeypatch.setattr(services, "weeks_build", build_then_race)
    # every runner's missing weeks and the re-planned one, but those of the runner taken
    assert weeks_ensure_for(runner_ids=ids) == (2 * len(runners) - 2) + 1 - 2
    assert snapshot() == expected
    runs = Session.objects.filter(kind=SessionKind.RUN)
    assert runs.count() == len({(s.runner_id, s.date, s.position) for s in runs})


def test_a_write_the_unique_week_refuses_is_undone_whole_and_the_chunk_starts_again(
    runners, monkeypatch
):
    """On PostgreSQL two writers can both find a week missing: the second one's PlanWeek
    breaks the unique constraint, and none of its sessions or reminders stay."""
    ids = [profile.user_id for profile in runners]
    expected = planned_by(lambda: weeks_ensure_for(runner_ids=ids))
    build, weeks_of = services.weeks_build, services._weeks_of
    raced = {"done": False}

    def build_then_race(jobs):
        built = build(jobs)
        if not raced["done"]:
            raced["done"] = True
            weeks_ensure(runner=runners[0].user, today=runners[0].today())
            monkeypatch.setattr(services, "_weeks_of", lambda starts: {})  # the check misses
        return built

    def restored_on_retry(runner_ids):
        monkeypatch.setattr(services, "_weeks_of", weeks_of)
        return chunk(runner_ids)

    chunk = services._weeks_ensure_chunk
    monkeypatch.setattr(services, "weeks_build", build_then_race)
    monkeypatch.setattr(services, "_weeks_ensure_chunk", restored_on_retry)
    weeks_ensure_for(runner_ids=ids)
    assert snapshot() == expected


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
