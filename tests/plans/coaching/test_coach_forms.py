import pytest

from plans.coaching.forms import CoachSessionEditForm, TemplateSessionForm
from tests.plans.coaching.conftest import NEXT_MONDAY
from tests.plans.factories import SessionFactory, StrengthSessionFactory

pytestmark = pytest.mark.django_db


def test_the_template_session_form_lays_out_every_field_in_a_named_group(template):
    form = TemplateSessionForm(template=template)
    in_lines = [field.name for line in form.exercise_lines for field in line]
    laid_out = [field.name for field in form.session_details] + in_lines
    assert laid_out == [field.name for field in form.visible_fields()]
    assert laid_out[:2] == ["week", "weekday"] and in_lines[:2] == ["exercise_1", "sets_1"]


def test_a_template_session_form_for_a_session_starts_filled_in_with_it(template):
    strength = template.sessions.get(kind="strength")
    form = TemplateSessionForm(template=template, session=strength)
    assert form["weekday"].value() == 1
    assert (form["sets_1"].value(), form["rep_max_1"].value()) == (3, 12)


def test_the_session_edit_form_starts_filled_in_with_its_session(runner):
    session = SessionFactory(runner=runner, date=NEXT_MONDAY, purpose="speed", coach_note="Go")
    form = CoachSessionEditForm(session=session)
    assert [form[name].value() for name in ("day", "purpose", "minutes", "coach_note")] == [
        NEXT_MONDAY,
        "speed",
        30,
        "Go",
    ]


def test_the_changes_of_a_session_that_is_no_run_have_no_purpose(runner):
    session = StrengthSessionFactory(runner=runner, date=NEXT_MONDAY)
    form = CoachSessionEditForm(
        {"day": NEXT_MONDAY.isoformat(), "title": "Core", "minutes": 20, "coach_note": ""},
        session=session,
    )
    assert form.is_valid(), form.errors
    assert form.changes == {
        "day": NEXT_MONDAY,
        "title": "Core",
        "minutes": 20,
        "purpose": "",
        "coach_note": "",
    }
