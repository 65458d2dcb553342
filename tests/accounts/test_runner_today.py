"""Dates on the profile forms and the coach's athlete pages are the runner's: past and future
are by their own today. Late in the UTC evening a runner in Auckland (UTC+13 in December) is
already on the next day; early in the UTC morning one in Honolulu (UTC−10) is still on the
day before."""

from datetime import UTC, date, datetime

import pytest
from django.urls import reverse

from accounts.models import Goal, RunnerProfile
from tests.accounts.factories import RaceGoalFactory, RunnerProfileFactory
from tests.factories import CoachingFactory

LATE_UTC = datetime(2026, 12, 4, 23, 30, tzinfo=UTC)  # Auckland: Saturday 5 December, 12:30
EARLY_UTC = datetime(2026, 12, 5, 0, 30, tzinfo=UTC)  # Honolulu: Friday 4 December, 14:30
AUCKLAND, HONOLULU = "Pacific/Auckland", "Pacific/Honolulu"

pytestmark = pytest.mark.django_db


def test_today_is_the_date_where_the_runner_lives(frozen_now, coach):
    auckland = RunnerProfileFactory(time_zone=AUCKLAND)
    honolulu = RunnerProfileFactory(time_zone=HONOLULU)
    frozen_now(LATE_UTC)
    assert (auckland.today(), honolulu.today()) == (date(2026, 12, 5), date(2026, 12, 4))
    assert auckland.user.today() == date(2026, 12, 5)
    assert coach.today() == date(2026, 12, 4)  # no profile: UTC, as a new profile starts
    frozen_now(EARLY_UTC)
    assert (auckland.today(), honolulu.today()) == (date(2026, 12, 5), date(2026, 12, 4))
    assert coach.today() == date(2026, 12, 5)


@pytest.mark.parametrize(
    "moment, zone, today, yesterday",
    [
        (LATE_UTC, AUCKLAND, date(2026, 12, 5), date(2026, 12, 4)),
        (EARLY_UTC, HONOLULU, date(2026, 12, 4), date(2026, 12, 3)),
    ],
)
def test_a_race_today_is_taken_and_one_yesterday_refused_by_the_runners_date(
    client, runner, profile_post, frozen_now, moment, zone, today, yesterday
):
    RunnerProfileFactory(user=runner, time_zone=zone)
    frozen_now(moment)
    client.force_login(runner)
    url = reverse("accounts:goal_new", args=[runner.pk])
    race = {"kind": "race", "distance": "10k"}
    refused = client.post(url, {**race, "race_date": yesterday})
    assert "That date has passed." in refused.content.decode()
    assert not Goal.objects.filter(race_date=yesterday).exists()
    taken = client.post(url, {**race, "race_date": today})
    assert taken.url == reverse("accounts:profile")
    assert Goal.objects.filter(profile__user=runner, kind="race").get().race_date == today


def test_a_new_runner_is_judged_by_the_time_zone_they_give(
    client, runner, profile_post, frozen_now
):
    frozen_now(LATE_UTC)
    client.force_login(runner)
    url = reverse("accounts:onboarding")
    post = {**profile_post, "time_zone": AUCKLAND}
    refused = client.post(url, {**post, "race_date": date(2026, 12, 4)})
    assert "That date has passed." in refused.content.decode()
    assert not RunnerProfile.objects.filter(user=runner).exists()
    assert client.post(url, {**post, "race_date": date(2026, 12, 5)}).url == reverse("plans:week")


def test_an_injury_since_the_runners_today_is_taken_and_since_tomorrow_refused(
    client, runner, profile_post, frozen_now
):
    RunnerProfileFactory(user=runner, time_zone=AUCKLAND)
    frozen_now(LATE_UTC)
    client.force_login(runner)
    url = reverse("accounts:profile")
    injured = {**profile_post, "time_zone": AUCKLAND, "injured": "on", "injury_area": "knee"}
    refused = client.post(url, {**injured, "injured_since": date(2026, 12, 6)})
    assert "The injury cannot start in the future." in refused.content.decode()
    assert client.post(url, {**injured, "injured_since": date(2026, 12, 5)}).url == url
    assert RunnerProfile.objects.get(user=runner).injured_since == date(2026, 12, 5)


def test_the_athletes_list_shows_a_race_only_while_it_is_ahead_for_that_athlete(
    client, coach, runner, other_runner, frozen_now
):
    """The same race date, Friday 4 December: over in Auckland, today in Honolulu."""
    for user, zone, distance in [(runner, AUCKLAND, "half"), (other_runner, HONOLULU, "marathon")]:
        profile = RunnerProfileFactory(user=user, time_zone=zone)
        RaceGoalFactory(profile=profile, race_date=date(2026, 12, 4), distance=distance)
    CoachingFactory(coach=coach, athlete=other_runner)
    frozen_now(LATE_UTC)
    client.force_login(coach)
    body = client.get(reverse("accounts:athletes")).content.decode()
    assert "Half marathon" not in body
    assert "Marathon, 4 Dec (0 wk)" in body
    athlete_page = client.get(reverse("accounts:athlete", args=[runner.pk])).content.decode()
    assert '<p class="lead">' not in athlete_page  # the next race, said at the top
    other_page = client.get(reverse("accounts:athlete", args=[other_runner.pk])).content.decode()
    assert '<p class="lead">Marathon race on 4 Dec 2026.</p>' in other_page
