from datetime import UTC, date, datetime, timedelta

import pytest

from accounts.models import RunnerProfile
from accounts.selectors import next_race, next_races
from tests.accounts.factories import RaceGoalFactory, RunnerProfileFactory

pytestmark = pytest.mark.django_db


def test_the_next_race_is_the_nearest_one_still_ahead():
    profile = RunnerProfileFactory()
    today = date(2026, 11, 21)
    RaceGoalFactory(profile=profile, race_date=today - timedelta(days=1))
    RaceGoalFactory(profile=profile, race_date=today + timedelta(weeks=20))
    nearest = RaceGoalFactory(profile=profile, race_date=today + timedelta(weeks=6, days=3))
    race = next_race(profile, today)
    assert (race.goal, race.days, race.weeks) == (nearest, 45, 6)


def test_on_race_day_the_race_is_still_ahead_with_no_day_to_go():
    profile = RunnerProfileFactory()
    RaceGoalFactory(profile=profile, race_date=date(2026, 11, 21))
    assert next_race(profile, date(2026, 11, 21)).days == 0
    assert next_race(profile, date(2026, 11, 22)) is None


def test_many_runners_races_in_one_query_each_from_their_own_today(
    frozen_now, django_assert_num_queries
):
    frozen_now(datetime(2026, 12, 4, 23, 30, tzinfo=UTC))  # Auckland is on 5 December
    zones = ["Pacific/Auckland", "Pacific/Honolulu", "UTC", "Europe/London"]
    profiles = [RunnerProfileFactory(time_zone=zone) for zone in zones]
    for profile in profiles[:3]:
        RaceGoalFactory(profile=profile, race_date=date(2026, 12, 4))
        RaceGoalFactory(profile=profile, race_date=date(2027, 3, 7), distance="marathon")
    with django_assert_num_queries(1):
        races = next_races(profiles)
    assert {user_id: race.goal.distance for user_id, race in races.items()} == {
        profiles[0].user_id: "marathon",
        profiles[1].user_id: "10k",
        profiles[2].user_id: "10k",
    }
    fresh = RunnerProfile.objects.prefetch_related("goals").filter(pk__in=[p.pk for p in profiles])
    assert {p.user_id: next_race(p) for p in fresh if next_race(p)} == races
