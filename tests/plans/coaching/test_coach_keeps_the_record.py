"""What the athlete marked or logged is their record: the coach may add a note, not rewrite it."""

import datetime

import pytest
from django.urls import reverse

from plans.models import Session, SessionExercise, Status
from tests.plans.coaching.conftest import TODAY, slug
from tests.plans.factories import (
    RunLogFactory,
    SessionExerciseFactory,
    SessionFactory,
    StrengthSessionFactory,
)

YESTERDAY = TODAY - datetime.timedelta(days=1)
NEXT_WEEK = TODAY + datetime.timedelta(days=7)


def edit_url(session):
    return reverse("plans:session_edit", args=[session.pk])


def run_edit(**changes):
    data = {"day": YESTERDAY.isoformat(), "title": "Easy run", "minutes": 30, "purpose": "easy",
            "coach_note": ""}  # fmt: skip
    return data | changes


@pytest.fixture
def logged_run(profile):
    run = SessionFactory(runner=profile.user, date=YESTERDAY, status=Status.DONE)
    RunLogFactory(runner=profile.user, session=run, date=YESTERDAY)
    return run


def test_a_logged_run_cannot_be_moved_renamed_or_shortened(client, coach, logged_run):
    client.force_login(coach)
    forged = run_edit(day=NEXT_WEEK.isoformat(), minutes=90, title="Tempo", purpose="speed")
    response = client.post(edit_url(logged_run), forged)
    assert response.status_code == 200
    assert "Rita Runner has already marked or logged this session" in response.content.decode()
    logged_run.refresh_from_db()
    assert (logged_run.date, logged_run.minutes, logged_run.title, logged_run.purpose) == (
        YESTERDAY, 30, "Easy run", "easy"
    )  # fmt: skip
    assert logged_run.status == Status.DONE and logged_run.run_log.date == YESTERDAY


def test_the_coach_adds_a_note_to_a_logged_run_and_nothing_else_changes(client, coach, logged_run):
    client.force_login(coach)
    week = client.get(reverse("plans:athlete_week_of", args=[logged_run.runner_id, YESTERDAY]))
    assert 'aria-label="Add a note to Easy run"' in week.content.decode()
    page = client.get(edit_url(logged_run)).content.decode()
    assert 'data-testid="session-locked"' in page and 'name="minutes"' not in page
    response = client.post(edit_url(logged_run), {"coach_note": "Well paced."})
    assert response.status_code == 302
    logged_run.refresh_from_db()
    assert logged_run.coach_note == "Well paced."
    assert (logged_run.date, logged_run.minutes, logged_run.source) == (YESTERDAY, 30, "generated")


@pytest.mark.parametrize("status", [Status.DONE, Status.SKIPPED])
def test_a_marked_strength_session_keeps_its_exercises(client, coach, profile, status):
    session = StrengthSessionFactory(runner=profile.user, date=YESTERDAY, status=status)
    SessionExerciseFactory(session=session)
    client.force_login(coach)
    response = client.post(
        edit_url(session),
        {"day": YESTERDAY.isoformat(), "title": "Strength after your run", "minutes": 15,
         "coach_note": "", "exercise_1": slug("plank"), "sets_1": 3, "counted_in_1": "seconds",
         "low_1": 30, "high_1": 45},
    )  # fmt: skip
    assert "only your note for them can change" in response.content.decode().lower()
    kept = SessionExercise.objects.get(session=session)
    assert (kept.exercise.slug, kept.sets) == ("calf-raise", 2)


def test_an_open_session_stays_fully_editable(client, coach, profile):
    run = SessionFactory(runner=profile.user, date=TODAY + datetime.timedelta(days=2))
    client.force_login(coach)
    response = client.post(
        edit_url(run),
        run_edit(day=NEXT_WEEK.isoformat(), minutes=50, title="Tempo", purpose="speed"),
    )
    assert response.status_code == 302
    run.refresh_from_db()
    assert (run.date, run.minutes, run.title, run.purpose) == (NEXT_WEEK, 50, "Tempo", "speed")


def test_a_stale_form_for_a_run_marked_since_is_refused(client, coach, profile):
    """The coach opened the form while it was open; the athlete marked it done meanwhile."""
    run = SessionFactory(runner=profile.user, date=YESTERDAY)
    Session.objects.filter(pk=run.pk).update(status=Status.DONE)
    client.force_login(coach)
    client.post(edit_url(run), run_edit(minutes=60))
    assert Session.objects.get(pk=run.pk).minutes == 30
    response = client.post(edit_url(run), run_edit(coach_note="Nice one."))
    assert response.status_code == 302
    assert Session.objects.get(pk=run.pk).coach_note == "Nice one."
