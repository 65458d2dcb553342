"""The data migration that turns holds stored as reps by the coach's old form into seconds."""

import importlib

import pytest
from django.apps import apps

from exercises.models import Exercise
from plans.models import PlanTemplate, SessionExercise, TemplateExercise, TemplateSession
from tests.plans.coaching.conftest import slug
from tests.plans.factories import SessionExerciseFactory

pytestmark = pytest.mark.django_db
migration = importlib.import_module("plans.migrations.0006_holds_counted_in_seconds")


@pytest.fixture
def core(coach):
    template = PlanTemplate.objects.create(coach=coach, name="Block", weeks=1)
    return TemplateSession.objects.create(
        template=template, week_index=0, weekday=3, kind="strength", title="Core", minutes=20
    )


def line(session, name, **dose):
    return TemplateExercise.objects.create(
        template_session=session, exercise=Exercise.objects.get(slug=name), sets=3, **dose
    )


def dose(item):
    item.refresh_from_db()
    fields = ("rep_min", "rep_max", "duration_min", "duration_max", "per_side")
    return tuple(getattr(item, field) for field in fields)


def test_holds_typed_as_reps_become_seconds_with_the_librarys_side(core, runner):
    plank = line(core, "plank", rep_min=30, rep_max=45)
    side_plank = line(core, "side-plank", rep_min=20, rep_max=None)
    assigned = SessionExerciseFactory(
        session__runner=runner, exercise=Exercise.objects.get(slug="plank"), rep_min=40,
        rep_max=None,
    )  # fmt: skip
    migration.holds_in_seconds(apps, None)
    assert dose(plank) == (None, None, 30, 45, False)
    assert dose(side_plank) == (None, None, 20, None, True)
    assert dose(assigned) == (None, None, 40, None, False)
    assert plank.dose_text == "3 × 30–45 s" and side_plank.dose_text == "3 × 20 s per side"


def test_lines_that_were_right_are_left_alone(core, runner):
    hold = line(core, "side-plank", duration_min=15, duration_max=30, per_side=True)
    reps = line(core, "lunge", rep_min=8, rep_max=10)
    generated = SessionExerciseFactory(
        session__runner=runner, exercise_id=slug("plank"), rep_min=None, rep_max=None,
        duration_min=20, duration_max=45,
    )  # fmt: skip
    migration.holds_in_seconds(apps, None)
    assert dose(hold) == (None, None, 15, 30, True)
    assert dose(reps) == (8, 10, None, None, False)
    assert dose(generated) == (None, None, 20, 45, False)
    assert SessionExercise.objects.count() == 1
