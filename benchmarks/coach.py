"""The coach dashboard with 300 athletes, and one template assigned to 500 in one request."""

import statistics
import time
from datetime import timedelta

from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from benchmarks.pages import Page, measure
from benchmarks.report import table
from exercises.models import Exercise
from plans.coaching.services import ExerciseLine, TemplateSessionData, template_session_add
from plans.models import PlanTemplate, RunLog, Session, Source, Status
from plans.services import monday_of
from tests.accounts.factories import RaceGoalFactory, RunnerProfileFactory
from tests.factories import CoachFactory, CoachingFactory

DASHBOARD_ATHLETES = 300
DASHBOARD_ATHLETES_MANY = 3000
ASSIGN_ATHLETES = 500
ASSIGN_REPEATS = 5


def _athletes(coach, count: int) -> list:
    users = []
    for _ in range(count):
        profile = RunnerProfileFactory(time_zone="UTC")
        CoachingFactory(coach=coach, athlete=profile.user)
        users.append(profile.user)
    return users


def _two_sessions_a_day(users, first_day, days: int, done_before=None) -> None:
    Session.objects.bulk_create(
        Session(
            runner=user,
            date=first_day + timedelta(days=offset),
            position=position,
            kind="run" if position == 0 else "strength",
            purpose="easy" if position == 0 else "",
            title="Easy run" if position == 0 else "Strength after your run",
            minutes=40 if position == 0 else 15,
            post_run=position == 1,
            status=Status.DONE
            if done_before and first_day + timedelta(days=offset) < done_before
            else Status.PLANNED,
        )
        for user in users
        for offset in range(days)
        for position in (0, 1)
    )


def seed_dashboard(count: int = DASHBOARD_ATHLETES):
    coach = CoachFactory()
    users = _athletes(coach, count)
    today = timezone.localdate()
    for user in users:
        RaceGoalFactory(profile=user.runner_profile)
    _two_sessions_a_day(users, monday_of(today), 7, done_before=today)
    RunLog.objects.bulk_create(
        RunLog(runner=u, date=today, distance_m=6000, duration_seconds=2000, effort=5)
        for u in users[::2]
    )
    return coach


def _template(coach) -> PlanTemplate:
    template = PlanTemplate.objects.create(coach=coach, name="Bench block", weeks=2)
    moves = list(Exercise.objects.filter(kind="strength").values_list("pk", flat=True)[:4])
    for week in (0, 1):
        for weekday in (0, 2, 4):
            run = TemplateSessionData(
                week_index=week, weekday=weekday, kind="run", purpose="easy",
                title="Easy run", minutes=40,
            )  # fmt: skip
            template_session_add(template=template, data=run)
        strength = TemplateSessionData(
            week_index=week, weekday=1, kind="strength", title="Strength", minutes=30,
            exercises=[ExerciseLine(pk, sets=3, rep_min=8, rep_max=12) for pk in moves],
        )  # fmt: skip
        template_session_add(template=template, data=strength)
    return template


def _assign_once(client, template, athlete_ids, start) -> tuple[float, int]:
    with CaptureQueriesContext(connection) as queries:
        started = time.perf_counter()
        response = client.post(
            f"/coach/templates/{template.pk}/assign/",
            {"athletes": athlete_ids, "start": start.isoformat()},
        )
        elapsed = (time.perf_counter() - started) * 1000
    if response.status_code != 302:
        raise RuntimeError(f"assigning answered {response.status_code}")
    return elapsed, len(queries)


def bulk_assignment() -> str:
    coach = CoachFactory.create()
    users = _athletes(coach, ASSIGN_ATHLETES)
    next_monday = monday_of(timezone.localdate()) + timedelta(days=7)
    _two_sessions_a_day(users, next_monday, 14)
    template = _template(coach)
    client = Client()
    client.force_login(coach)
    ids = [user.pk for user in users]
    runs = [_assign_once(client, template, ids, next_monday) for _ in range(ASSIGN_REPEATS)]
    sessions = Session.objects.filter(source=Source.TEMPLATE, assignment__ended_at=None).count()
    timings = [ms for ms, _ in runs]
    return (
        f"One POST of the assign form for {ASSIGN_ATHLETES} athletes, each with two weeks of "
        f"generated sessions to replace (the first run) or the previous assignment's sessions "
        f"(later runs); {sessions} sessions written each time, in-process, "
        f"{ASSIGN_REPEATS} runs.\n\n"
        + table(
            ["request", "first ms", "median ms", "max ms", "queries"],
            [
                [
                    f"assign a 2-week template to {ASSIGN_ATHLETES} athletes",
                    f"{timings[0]:.0f}",
                    f"{statistics.median(timings):.0f}",
                    f"{max(timings):.0f}",
                    str(runs[0][1]),
                ]
            ],
        )
    )


def coach_pages() -> str:
    """The coach dashboard (300 and 3,000 athletes, 50 a page) beside the baseline, and bulk
    assignment (500)."""
    few, many = seed_dashboard(DASHBOARD_ATHLETES), seed_dashboard(DASHBOARD_ATHLETES_MANY)
    pages = measure(
        [
            Page(f"coach dashboard ({DASHBOARD_ATHLETES} athletes)", "/coach/", few),
            Page(f"coach dashboard ({DASHBOARD_ATHLETES_MANY:,} athletes)", "/coach/", many),
        ]
    )
    return f"{pages}\n\n{bulk_assignment()}"
