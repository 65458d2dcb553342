"""The exercise lines of a template session, as the coach fills them in and sees them."""

import re

import pytest
from django.urls import reverse

from plans.coaching.services import ExerciseLine, template_session_add
from plans.coaching.services import TemplateSessionData as Data
from plans.models import TemplateExercise
from tests.exercises.factories import ExerciseFactory
from tests.plans.coaching.conftest import slug


def detail_url(template):
    return reverse("plans:template_detail", args=[template.pk])


def grid(client, template) -> str:
    """Week 1 of the template as the coach reads it: text only, spaces collapsed."""
    body = client.get(detail_url(template)).content.decode()
    week = body.split('data-testid="template-week-1"')[1].split('data-testid="template-week-2"')[0]
    return " ".join(re.sub(r"<[^>]+>", " ", week).split())


def strength(*lines: dict, **fields) -> dict:
    """A Thursday strength session of week 1 holding `lines`, numbered from 1."""
    data = {"week": 0, "weekday": 3, "kind": "strength", "minutes": 30, "title": "Core"}
    for n, line in enumerate(lines, start=1):
        data |= {f"{name}_{n}": value for name, value in line.items()}
    return data | fields


def line(name: str, sets="", low="", high="", counted_in="") -> dict:
    return {
        "exercise": slug(name),
        "sets": sets,
        "low": low,
        "high": high,
        "counted_in": counted_in,
    }


@pytest.fixture
def logged_in(client, template):
    client.force_login(template.coach)
    return client


def test_a_plank_in_a_template_reads_in_seconds(logged_in, template):
    response = logged_in.post(detail_url(template), strength(line("plank", 3, 30, 45, "seconds")))
    assert response.status_code == 302
    assert "Plank 3 × 30–45 s" in grid(logged_in, template)
    item = TemplateExercise.objects.get(exercise_id=slug("plank"))
    assert (item.rep_min, item.duration_min, item.duration_max) == (None, 30, 45)


def test_numbers_without_a_unit_are_counted_as_the_library_counts_them(logged_in, template):
    logged_in.post(
        detail_url(template),
        strength(line("plank", 3, 30, 45), line("side-plank", 2, 20, 30), line("lunge", 3, 8)),
    )
    shown = grid(logged_in, template)
    assert "Plank 3 × 30–45 s" in shown
    assert "Side plank 2 × 20–30 s per side" in shown
    assert "Lunge 3 × 8 per leg" in shown


def test_an_exercise_picked_without_numbers_takes_the_librarys_dose(logged_in, template):
    logged_in.post(detail_url(template), strength(line("plank"), line("side-plank")))
    shown = grid(logged_in, template)
    assert "Plank 3 × 20–45 s" in shown
    assert "Side plank 2 × 15–30 s per side" in shown


def test_the_coach_chooses_reps_or_seconds_and_per_side(logged_in, template):
    logged_in.post(
        detail_url(template),
        strength(line("calf-raise", 2, 30, 40, "seconds"), line("lunge", 3, 16, "", "reps"),
                 line("squat", 3, 5, 8, "reps_per_side")),
    )  # fmt: skip
    shown = grid(logged_in, template)
    assert "Calf raise 2 × 30–40 s" in shown
    assert "Lunge 3 × 16 reps" in shown
    assert "Squat 3 × 5–8 per leg" in shown


def test_a_strength_session_holds_as_many_moves_as_the_builders_longest(logged_in, template):
    names = ["plank", "side-plank", "lunge", "squat", "calf-raise", "glute-bridge",
             "back-extension", "stability-ball-leg-curl"]  # fmt: skip
    form = logged_in.get(detail_url(template)).content.decode()
    assert form.count('data-testid="exercise-line"') == 8
    response = logged_in.post(detail_url(template), strength(*(line(name) for name in names)))
    assert response.status_code == 302
    added = template.sessions.get(title="Core")
    assert [item.exercise.slug for item in added.exercises.all()] == names


def test_the_lines_of_a_run_are_ignored_as_the_page_hides_them(logged_in, template):
    response = logged_in.post(
        detail_url(template),
        strength(line("plank", 3, 30, 45, "reps"), kind="run", purpose="easy", title=""),
    )
    assert response.status_code == 302
    run = template.sessions.get(week_index=0, weekday=3)
    assert (run.kind, run.title, run.exercises.count()) == ("run", "Easy run", 0)


def test_each_library_move_tells_the_page_its_dose(logged_in, template):
    form = logged_in.get(detail_url(template)).content.decode()
    plank = form.split(f'value="{slug("side-plank")}"')[1].split(">")[0]
    assert 'data-counted-in="seconds_per_side"' in plank
    assert 'data-low="15"' in plank and 'data-high="30"' in plank and 'data-sets="2"' in plank


def test_a_move_the_library_gives_no_dose_needs_one_from_the_coach(logged_in, template):
    drill = ExerciseFactory(owner=template.coach, name="Dead bug", rep_min=None, rep_max=None)
    response = logged_in.post(detail_url(template), strength({"exercise": drill.pk, "sets": 2}))
    assert "Say whether Dead bug is counted in reps or seconds." in response.content.decode()
    assert not template.sessions.filter(title="Core").exists()
    logged_in.post(detail_url(template), strength({"exercise": drill.pk, "sets": 2, "low": 10,
                                                   "counted_in": "reps"}))  # fmt: skip
    assert "Dead bug 2 × 10 reps" in grid(logged_in, template)


def test_a_hold_saved_from_an_athletes_weeks_keeps_its_seconds_when_edited(logged_in, template):
    core = template_session_add(
        template=template,
        data=Data(
            week_index=0, weekday=3, kind="strength", title="Core", minutes=30,
            exercises=[ExerciseLine(slug("side-plank"), sets=2, per_side=True, duration_min=15,
                                    duration_max=30)],
        ),
    )  # fmt: skip
    url = reverse("plans:template_session_edit", args=[template.pk, core.pk])
    form = logged_in.get(url).content.decode()
    assert '<option value="seconds_per_side" selected>' in form
    response = logged_in.post(
        url, strength(line("side-plank", 2, 15, 30, "seconds_per_side"), title="Core block")
    )
    assert response.status_code == 302
    assert "Side plank 2 × 15–30 s per side" in grid(logged_in, template)
