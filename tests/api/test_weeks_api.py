"""`/api/v1/weeks/<monday>/` and the coach's `/api/v1/athletes/<id>/weeks/<monday>/`: the week
as the page shows it, with an ETag; a bad date is a JSON 400 or 404."""

from datetime import date, timedelta

import pytest
from django.urls import reverse

from plans.models import Session, Status
from plans.services import monday_of
from tests.plans.factories import RunLogFactory, SessionExerciseFactory, SessionFactory

pytestmark = pytest.mark.django_db
TODAY = date.today()
MONDAY = monday_of(TODAY)


def week_url(monday=MONDAY) -> str:
    return reverse("api:week", args=[str(monday)])


def athlete_week_url(athlete, monday=MONDAY) -> str:
    return reverse("api:athlete_week", args=[athlete.pk, str(monday)])


def test_the_week_holds_seven_days_with_sessions_and_exercises(client, runner, profile):
    block = SessionExerciseFactory(session__runner=runner, session__date=MONDAY).session
    client.force_login(runner)
    response = client.get(week_url())
    assert response.status_code == 200
    week = response.json()
    assert week["week_start"] == str(MONDAY)
    assert [day["date"] for day in week["days"]] == [
        str(MONDAY + timedelta(days=n)) for n in range(7)
    ]
    monday_sessions = {s["id"]: s for s in week["days"][0]["sessions"]}
    exercise = monday_sessions[block.pk]["exercises"][0]
    assert exercise["slug"] == "calf-raise" and exercise["sets"] == 2
    assert week["phase"] is not None  # the week was planned on the way
    assert client.get(reverse("api:week_current")).json() == week


@pytest.mark.parametrize(
    ("text", "status"),
    [
        (str(MONDAY + timedelta(days=1)), 400),
        ("2026-02-30", 400),
        ("20261123", 400),
        ("next", 400),
        ("0001-01-01", 404),
        ("9999-12-27", 404),
    ],
)
def test_a_bad_week_date_is_a_json_400_or_404(client, runner, profile, text, status):
    client.force_login(runner)
    response = client.get(reverse("api:week", args=[text]))
    assert response.status_code == status
    assert response["Content-Type"] == "application/json"
    assert response.json()["errors"]


def test_an_unchanged_week_is_a_304_and_a_change_gives_a_new_etag(client, runner, profile):
    session = SessionFactory(runner=runner, date=MONDAY)
    client.force_login(runner)
    first = client.get(week_url())
    etag = first["ETag"]
    again = client.get(week_url(), HTTP_IF_NONE_MATCH=etag)
    assert again.status_code == 304 and again["ETag"] == etag and not again.content
    Session.objects.filter(pk=session.pk).update(status=Status.SKIPPED)
    changed = client.get(week_url(), HTTP_IF_NONE_MATCH=etag)
    assert changed.status_code == 200 and changed["ETag"] != etag


def test_the_week_answers_in_the_same_queries_however_full(
    client, runner, profile, django_assert_num_queries
):
    client.force_login(runner)
    client.get(week_url())  # plans the weeks ahead once

    def count() -> int:
        from django.db import connection
        from django.test.utils import CaptureQueriesContext

        with CaptureQueriesContext(connection) as queries:
            assert client.get(week_url()).status_code == 200
        return len(queries)

    empty = count()
    for n in range(6):
        SessionExerciseFactory(session__runner=runner, session__date=MONDAY + timedelta(days=n))
        RunLogFactory(runner=runner, date=MONDAY)
    assert count() == empty
    # session, user, profile, weeks ensured (2), sessions, exercises, cues, loose runs, plan,
    # week note, throttle-free: pinned so that a new query is noticed
    with django_assert_num_queries(empty):
        client.get(week_url())


@pytest.mark.parametrize(
    ("who", "status"),
    [
        ("anonymous", 401),
        ("runner", 200),
        ("other_runner", 404),
        ("coach", 200),
        ("other_coach", 404),
    ],
)
def test_an_athletes_week_is_for_their_coach_only(
    client, request, runner, profile, coach, other_runner, other_coach, who, status
):
    if who != "anonymous":
        client.force_login(request.getfixturevalue(who))
    response = client.get(athlete_week_url(runner))
    assert response.status_code == status
    if status == 200:
        assert response.json()["week_start"] == str(MONDAY)


def test_another_runners_week_is_never_reached_through_your_own_url(
    client, runner, profile, other_runner, other_profile
):
    theirs = SessionFactory(runner=other_runner, date=MONDAY)
    client.force_login(runner)
    ids = [s["id"] for d in client.get(week_url()).json()["days"] for s in d["sessions"]]
    assert theirs.pk not in ids


def test_a_coach_without_a_profile_has_no_week_of_their_own(client, coach):
    client.force_login(coach)
    response = client.get(week_url())
    assert response.status_code == 404
    assert "No runner profile yet" in response.json()["errors"]["__all__"][0]
