"""A session added to a day, by the coach, a template or a logged run, goes after those on it."""

import datetime

import pytest

from plans.coaching.services import TemplateSessionData as Data
from plans.coaching.services import (
    coach_session_add,
    coach_session_update,
    template_session_add,
    template_session_update,
)
from plans.models import PlanTemplate
from plans.services import run_log_create
from tests.plans.factories import SessionFactory

DAY = datetime.date(2026, 11, 25)
pytestmark = pytest.mark.django_db


def easy_run(**place) -> Data:
    return Data(kind="run", purpose="easy", title="Easy run", minutes=30, **place)


def test_a_session_the_coach_adds_goes_after_the_last_one_of_its_day(runner):
    SessionFactory(runner=runner, date=DAY, position=0)
    SessionFactory(runner=runner, date=DAY, position=3)
    SessionFactory(runner=runner, date=DAY + datetime.timedelta(days=1), position=7)
    added = coach_session_add(runner=runner, day=DAY, kind="strength", title="S", minutes=20)
    assert added.position == 4


def test_on_an_empty_day_it_comes_first(runner):
    added = coach_session_add(runner=runner, day=DAY, kind="strength", title="S", minutes=20)
    assert added.position == 0


def test_a_session_moved_by_the_coach_goes_after_those_of_its_new_day(runner):
    SessionFactory(runner=runner, date=DAY, position=2)
    moved = SessionFactory(runner=runner, date=DAY + datetime.timedelta(days=1), position=0)
    coach_session_update(
        session=moved, day=DAY, title="Easy run", minutes=30, purpose="easy", coach_note=""
    )
    assert moved.position == 3


def test_a_run_nobody_planned_goes_after_the_days_sessions(runner):
    SessionFactory(runner=runner, date=DAY, kind="strength", purpose="", position=5)
    log = run_log_create(
        runner=runner, run_date=DAY, distance_m=5000, duration_seconds=1800, effort=4
    )
    assert log.session.position == 6


def test_a_template_session_goes_after_those_of_its_template_day(coach):
    template = PlanTemplate.objects.create(
        coach=coach, name="T", runner_type="recreational", weeks=2
    )
    first = template_session_add(template=template, data=easy_run(week_index=0, weekday=2))
    second = template_session_add(template=template, data=easy_run(week_index=0, weekday=2))
    elsewhere = template_session_add(template=template, data=easy_run(week_index=1, weekday=2))
    assert (first.position, second.position, elsewhere.position) == (0, 1, 0)
    template_session_update(session=elsewhere, data=easy_run(week_index=0, weekday=2))
    assert elsewhere.position == 2
