import datetime

import pytest
from django.urls import reverse

from accounts.models import Goal, GoalKind
from accounts.services import goal_save
from plans.cache import week_changed
from plans.models import Session
from plans.services import monday_of
from tests.plans.factories import (
    RunLogFactory,
    SessionExerciseFactory,
    SessionFactory,
    StrengthSessionFactory,
)

TODAY = datetime.date.today()


def athlete_week_url(runner):
    return reverse("plans:athlete_week", args=[runner.pk])


def test_anonymous_visitors_are_sent_to_log_in(client, profile):
    for url in (reverse("plans:week"), athlete_week_url(profile.user)):
        response = client.get(url)
        assert response.status_code == 302
        assert response.url.startswith(reverse("accounts:login"))


def test_the_runner_sees_their_own_planned_week(client, profile):
    client.force_login(profile.user)
    response = client.get(reverse("plans:week"))
    body = response.content.decode()
    assert response.status_code == 200
    assert "My week" in body
    assert 'data-testid="phase"' in body
    assert Session.objects.filter(runner=profile.user).exists()
    assert "Today" in body


def test_the_runners_coach_sees_the_athletes_week(client, profile, coach):
    client.force_login(coach)
    response = client.get(athlete_week_url(profile.user))
    assert response.status_code == 200
    assert f"{profile.user}’s week" in response.content.decode()
    assert "Log a run" not in response.content.decode()


@pytest.mark.parametrize("stranger", ["other_runner", "other_coach"])
def test_strangers_get_404_on_a_runners_week(client, profile, stranger, request):
    client.force_login(request.getfixturevalue(stranger))
    assert client.get(athlete_week_url(profile.user)).status_code == 404


def test_another_runner_only_ever_sees_their_own_week(client, profile, other_profile):
    SessionFactory(runner=profile.user, date=TODAY, title="Rita's secret hill reps")
    client.force_login(other_profile.user)
    body = client.get(reverse("plans:week")).content.decode()
    assert "My week" in body
    assert "secret hill reps" not in body


def test_a_logged_run_whose_session_was_deleted_still_shows(client, profile):
    session = SessionFactory(runner=profile.user, date=TODAY)
    RunLogFactory(runner=profile.user, session=session, date=TODAY, distance_m=7300)
    session.delete()  # an admin's doing: the log stays, with no session
    client.force_login(profile.user)
    body = client.get(reverse("plans:week")).content.decode()
    assert 'data-testid="extra-run"' in body
    assert "7.3 km" in body


def test_a_runner_who_has_not_onboarded_is_sent_to_onboarding(client, runner):
    client.force_login(runner)
    response = client.get(reverse("plans:week"))
    assert response.url == reverse("accounts:onboarding")


def test_previous_and_next_weeks_are_one_click_away(client, profile):
    client.force_login(profile.user)
    monday = monday_of(TODAY)
    body = client.get(reverse("plans:week")).content.decode()
    assert reverse("plans:week_of", args=[monday - datetime.timedelta(7)]) in body
    assert reverse("plans:week_of", args=[monday + datetime.timedelta(7)]) in body
    next_week = client.get(reverse("plans:week_of", args=[monday + datetime.timedelta(7)]))
    assert next_week.status_code == 200
    assert 'data-testid="rest-day"' in next_week.content.decode()


def test_an_impossible_date_is_a_404(client, profile):
    client.force_login(profile.user)
    assert client.get("/week/2026-02-30/").status_code == 404


def test_strength_work_shows_sets_reps_and_numbered_cues(client, profile):
    next_monday = monday_of(TODAY) + datetime.timedelta(7)
    block = StrengthSessionFactory(runner=profile.user, date=next_monday, status="done")
    SessionExerciseFactory(session=block, sets=3, rep_min=10, rep_max=12)
    client.force_login(profile.user)
    body = client.get(reverse("plans:week_of", args=[next_monday])).content.decode()
    assert "3 × 10–12 reps" in body
    assert "How to do it" in body
    assert "<li>" in body.split("How to do it")[1]


def _fill_week(runner, sessions: int, exercises_each: int) -> None:
    monday = monday_of(TODAY)
    for index in range(sessions):
        block = StrengthSessionFactory(runner=runner, date=monday + datetime.timedelta(index % 7))
        for _ in range(exercises_each):
            SessionExerciseFactory(session=block)


def test_the_week_page_query_count_does_not_grow_with_sessions_and_exercises(
    client, profile, django_assert_num_queries
):
    client.force_login(profile.user)
    client.get(reverse("plans:week"))  # plans this week and next once
    week_changed(profile.user_id)  # the next GET renders the week again
    # Rendered: user, profile with its week version, profile goals, plan weeks present?,
    # sessions, their exercises, the exercises' cues, runs logged without a session, the plan
    # week, the coach's week note, the runs' reminders (the session is read from the cache).
    with django_assert_num_queries(11):
        client.get(reverse("plans:week"))
    _fill_week(profile.user, sessions=14, exercises_each=6)
    week_changed(profile.user_id)  # the factories write past the services
    with django_assert_num_queries(11):
        response = client.get(reverse("plans:week"))
    assert response.content.decode().count('data-testid="dose"') >= 14 * 6
    # From the cache: the user, and the profile with its week version.
    with django_assert_num_queries(2):
        cached = client.get(reverse("plans:week"))
    assert cached.content.decode().count('data-testid="dose"') >= 14 * 6


def test_the_phase_follows_the_race_date_even_when_the_race_was_added_later(client, profile):
    client.force_login(profile.user)
    assert 'data-testid="phase">Off-season<' in client.get(reverse("plans:week")).content.decode()
    race = {
        "kind": GoalKind.RACE,
        "distance": "10k",
        "race_date": TODAY + datetime.timedelta(weeks=3),
    }
    goal_save(goal=Goal(profile=profile), fields=race)
    body = client.get(reverse("plans:week")).content.decode()
    assert 'data-testid="phase">Off-season<' not in body
    assert 'data-testid="phase">Peak<' in body
