"""The coach's feed: their current athletes' long, speed and hill runs and their races."""

from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from django.utils import timezone

from accounts.models import Coaching
from feeds.services import calendar_feed_renew
from tests.accounts.factories import RaceGoalFactory, RunnerProfileFactory
from tests.factories import CoachingFactory, UserFactory
from tests.feeds.helpers import events, uid
from tests.plans.factories import SessionFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def squad_token(coach):
    return calendar_feed_renew(owner=coach, kind="squad")


def test_it_holds_the_key_sessions_of_the_coachs_athletes_only(
    client, runner, profile, coach, other_runner, other_coach, squad_token, today
):
    RunnerProfileFactory(user=other_runner, time_zone="UTC")
    CoachingFactory(coach=other_coach, athlete=other_runner)
    long_run = SessionFactory(runner=runner, date=today, purpose="long", title="Long run")
    speed = SessionFactory(runner=runner, date=today + timedelta(days=2), purpose="speed")
    hill = SessionFactory(runner=runner, date=today + timedelta(days=4), purpose="hill")
    SessionFactory(runner=runner, date=today, purpose="easy")
    SessionFactory(runner=runner, date=today, kind="strength", purpose="")
    SessionFactory(runner=other_runner, date=today, purpose="long")
    race = RaceGoalFactory(profile=profile, race_date=today + timedelta(days=20))
    RaceGoalFactory(profile=other_runner.runner_profile, race_date=today + timedelta(days=20))
    RaceGoalFactory(profile=profile, race_date=today + timedelta(days=90))  # after the window

    found = events(client, squad_token)

    race_uid = f"race-{race.pk}-{race.race_date:%Y%m%d}@127.0.0.1"
    assert set(found) == {uid(long_run), uid(speed), uid(hill), race_uid}
    assert str(found[uid(long_run)]["SUMMARY"]) == "Rita Runner: Long run, 30 min"
    # At the athlete's usual run time, in the athlete's zone.
    start = found[uid(long_run)].decoded("DTSTART")
    assert start == datetime(2026, 12, 2, 7, 0, tzinfo=ZoneInfo("America/New_York"))
    assert f"/athletes/{runner.pk}/week/2026-11-30/" in str(found[uid(long_run)]["DESCRIPTION"])
    assert str(found[race_uid]["SUMMARY"]) == "Rita Runner: 10 km race"
    assert found[race_uid].decoded("DTEND") == race.race_date + timedelta(days=1)


def test_a_former_athlete_leaves_the_feed(client, runner, profile, coach, squad_token, today):
    SessionFactory(runner=runner, date=today, purpose="long")
    assert len(events(client, squad_token)) == 1

    Coaching.objects.filter(coach=coach).update(ended_at=timezone.now())

    assert events(client, squad_token) == {}


def test_query_count_is_flat_in_athletes_and_sessions(
    client, runner, profile, coach, squad_token, today, django_assert_num_queries
):
    SessionFactory(runner=runner, date=today, purpose="long")
    # Feed, coachings with athletes and profiles, run times, sessions, races.
    with django_assert_num_queries(5):
        client.get(f"/calendar/{squad_token}.ics")
    for _ in range(4):
        athlete = UserFactory()
        athlete_profile = RunnerProfileFactory(user=athlete)
        CoachingFactory(coach=coach, athlete=athlete)
        RaceGoalFactory(profile=athlete_profile, race_date=today + timedelta(days=10))
        SessionFactory.create_batch(3, runner=athlete, date=today, purpose="speed")
    with django_assert_num_queries(5):
        assert len(events(client, squad_token)) == 1 + 4 * 4
