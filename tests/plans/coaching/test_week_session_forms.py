"""The coach adds and changes sessions of an athlete's week, strength with its exercises."""

import datetime
import re

import pytest
from django.urls import reverse

from plans.models import Session, SessionExercise
from tests.plans.coaching.conftest import NEXT_MONDAY, slug
from tests.plans.factories import SessionExerciseFactory, SessionFactory, StrengthSessionFactory

WEDNESDAY = NEXT_MONDAY + datetime.timedelta(days=2)
CORE = {"day": WEDNESDAY.isoformat(), "kind": "strength", "minutes": 20, "title": "Core",
        "coach_note": ""}  # fmt: skip


def add_url(runner):
    return reverse("plans:week_session_add", args=[runner.pk, NEXT_MONDAY])


def core(**changes):
    data = {**CORE, "exercise_1": slug("plank"), "exercise_2": slug("side-plank")}
    return data | changes


def athletes_week(client, runner) -> str:
    """The athlete's own week as they read it: text only."""
    client.force_login(runner)
    body = client.get(reverse("plans:week_of", args=[NEXT_MONDAY])).content.decode()
    return " ".join(re.sub(r"<[^>]+>", " ", body).split())


def test_the_coach_adds_a_strength_session_and_the_athlete_reads_its_holds_in_seconds(
    client, profile, coach
):
    client.force_login(coach)
    response = client.post(add_url(profile.user), core(low_1=30, high_1=45, counted_in_1="seconds"))
    assert response.url == reverse("plans:athlete_week_of", args=[profile.user.pk, NEXT_MONDAY])
    added = Session.objects.get(runner=profile.user, title="Core")
    assert added.exercises.count() == 2
    week = athletes_week(client, profile.user)
    assert "Plank 3 × 30–45 s" in week
    assert "Side plank 2 × 15–30 s per side" in week


def test_a_session_that_does_not_add_up_shows_its_problems_on_its_own_page(client, profile, coach):
    client.force_login(coach)
    response = client.post(add_url(profile.user), core(low_1=45, high_1=30, counted_in_1="seconds"))
    assert response.status_code == 200
    page = response.content.decode()
    assert "The session was not added" in page
    assert "The top of the range is below its bottom." in page
    assert 'value="45"' in page  # what the coach typed is still there to correct
    assert not Session.objects.filter(runner=profile.user, title="Core").exists()


def test_the_add_page_is_the_coachs_alone(client, profile, coach, other_coach, other_runner):
    url = add_url(profile.user)
    assert client.get(url).url.startswith(reverse("accounts:login"))
    client.force_login(coach)
    page = client.get(url).content.decode()
    assert "Add a session for Rita Runner" in page
    assert page.count('data-testid="exercise-line"') == 8
    for stranger in (other_coach, profile.user, other_runner):
        client.force_login(stranger)
        assert client.get(url).status_code == 404
        assert client.post(url, core()).status_code == 404
    assert not Session.objects.filter(runner=profile.user, title="Core").exists()


@pytest.fixture
def strength(profile):
    session = StrengthSessionFactory(runner=profile.user, date=WEDNESDAY, source="coach")
    SessionExerciseFactory(session=session)
    return session


def edit(strength, **changes):
    data = {"day": WEDNESDAY.isoformat(), "title": "Strength after your run", "minutes": 15,
            "coach_note": "", "exercise_1": slug("calf-raise"), "sets_1": 2, "low_1": 12,
            "high_1": 15, "counted_in_1": "reps"}  # fmt: skip
    return data | changes


def test_the_edit_page_shows_only_what_the_sessions_kind_needs(client, coach, strength, profile):
    client.force_login(coach)
    page = client.get(reverse("plans:session_edit", args=[strength.pk])).content.decode()
    assert 'data-testid="fields-strength"' in page
    assert 'name="purpose"' not in page and 'name="activity"' not in page
    run = SessionFactory(runner=profile.user, date=WEDNESDAY, source="coach")
    page = client.get(reverse("plans:session_edit", args=[run.pk])).content.decode()
    assert 'name="purpose"' in page and 'name="exercise_1"' not in page


def test_the_coach_changes_the_exercises_of_an_athletes_session(client, coach, strength):
    client.force_login(coach)
    response = client.post(
        reverse("plans:session_edit", args=[strength.pk]),
        edit(strength, exercise_2=slug("side-plank"), counted_in_2="seconds_per_side", low_2=20,
             high_2=40, sets_2=2),
    )  # fmt: skip
    assert response.status_code == 302
    week = athletes_week(client, strength.runner)
    assert "Calf raise 2 × 12–15 reps" in week
    assert "Side plank 2 × 20–40 s per side" in week


def test_a_bad_change_keeps_the_exercises_as_they_were(client, coach, strength):
    client.force_login(coach)
    response = client.post(
        reverse("plans:session_edit", args=[strength.pk]),
        edit(strength, counted_in_1="seconds", low_1=1000),
    )
    assert response.status_code == 200
    assert "less than or equal to 600" in response.content.decode()
    kept = SessionExercise.objects.get(session=strength)
    assert (kept.rep_min, kept.rep_max, kept.duration_min) == (12, 15, None)


def test_the_coach_changes_the_activity_of_cross_training(client, coach, profile):
    swim = SessionFactory(
        runner=profile.user, date=WEDNESDAY, kind="cross_training", purpose="", title="Swim",
        activity_id=slug("swimming"), source="coach",
    )  # fmt: skip
    client.force_login(coach)
    client.post(
        reverse("plans:session_edit", args=[swim.pk]),
        {"day": WEDNESDAY.isoformat(), "title": "Ride", "minutes": 40, "coach_note": "",
         "activity": slug("cycling")},
    )  # fmt: skip
    swim.refresh_from_db()
    assert (swim.title, swim.activity.slug) == ("Ride", "cycling")
