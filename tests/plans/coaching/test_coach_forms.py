import pytest

from plans.builder.strength import SESSION_MOVES
from plans.coaching.forms import CoachSessionEditForm, TemplateSessionForm
from plans.coaching.services import ExerciseLine
from tests.plans.coaching.conftest import NEXT_MONDAY, slug
from tests.plans.factories import SessionFactory, StrengthSessionFactory

pytestmark = pytest.mark.django_db


def laid_out(form) -> list[str]:
    names = [field.name for field in form.session_details]
    for group in form.kind_groups:
        names += [field.name for field in group.fields]
        names += [field.name for line in group.lines for field in line.fields]
    return names


def test_the_template_session_form_lays_out_every_field_once_by_kind(template):
    form = TemplateSessionForm(template=template)
    assert sorted(laid_out(form)) == sorted(field.name for field in form.visible_fields())
    groups = {group.kind: [field.name for field in group.fields] for group in form.kind_groups}
    assert groups == {"run": ["purpose"], "cross_training": ["activity"], "strength": ["post_run"]}
    strength = form.kind_groups[-1]
    assert len(strength.lines) == SESSION_MOVES == 8
    assert [field.name for field in strength.lines[0].fields] == [
        "exercise_1", "sets_1", "low_1", "high_1", "counted_in_1",
    ]  # fmt: skip


def test_a_template_session_form_for_a_session_starts_filled_in_with_it(template):
    strength = template.sessions.get(kind="strength")
    form = TemplateSessionForm(template=template, session=strength)
    assert form["weekday"].value() == 1
    assert [form[f"{name}_1"].value() for name in ("sets", "low", "high", "counted_in")] == [
        3, 10, 12, "reps",
    ]  # fmt: skip


def test_the_session_edit_form_starts_filled_in_with_its_session(runner, coach):
    session = SessionFactory(runner=runner, date=NEXT_MONDAY, purpose="speed", coach_note="Go")
    form = CoachSessionEditForm(session=session, coach=coach)
    assert [form[name].value() for name in ("day", "purpose", "minutes", "coach_note")] == [
        NEXT_MONDAY,
        "speed",
        30,
        "Go",
    ]


def test_the_changes_of_a_strength_session_have_no_purpose_but_its_exercises(runner, coach):
    session = StrengthSessionFactory(runner=runner, date=NEXT_MONDAY)
    form = CoachSessionEditForm(
        {"day": NEXT_MONDAY.isoformat(), "title": "Core", "minutes": 20, "coach_note": "",
         "exercise_1": slug("plank")},
        session=session,
        coach=coach,
    )  # fmt: skip
    assert form.is_valid(), form.errors
    assert "purpose" not in form.fields
    assert form.changes == {
        "day": NEXT_MONDAY,
        "title": "Core",
        "minutes": 20,
        "purpose": "",
        "activity_id": None,
        "coach_note": "",
        "exercises": [ExerciseLine(slug("plank"), sets=3, duration_min=20, duration_max=45)],
    }
