"""A time zone the file system refuses (10,000 characters, a folder such as "Europe") and
dates far outside this century get a message on the form, and nothing is saved."""

from datetime import date, timedelta

import pytest
from django.urls import reverse

from accounts.models import RunnerProfile
from tests.accounts.factories import RunnerProfileFactory

PROFILE = reverse("accounts:profile")
DATE_MESSAGE = "Pick a date between 2000 and 2100."
BAD_ZONES = ["a" * 10_000, "Europe/" + "x" * 300, "Europe", "../etc/passwd", "Europe/Paris\x00"]


@pytest.mark.parametrize("zone", BAD_ZONES, ids=["10000", "long-city", "folder", "up", "nul"])
def test_onboarding_refuses_a_bad_time_zone_with_a_message(client, runner, profile_post, zone):
    client.force_login(runner)
    response = client.post(reverse("accounts:onboarding"), {**profile_post, "time_zone": zone})
    assert response.status_code == 200
    assert response.context["profile_form"].errors["time_zone"]
    assert not RunnerProfile.objects.filter(user=runner, onboarded_at__isnull=False).exists()


@pytest.mark.parametrize("zone", BAD_ZONES, ids=["10000", "long-city", "folder", "up", "nul"])
def test_the_profile_page_refuses_a_bad_time_zone_and_keeps_the_saved_one(
    client, runner, profile_post, zone
):
    RunnerProfileFactory(user=runner, time_zone="Asia/Tokyo")
    client.force_login(runner)
    response = client.post(reverse("accounts:profile"), {**profile_post, "time_zone": zone})
    assert response.status_code == 200
    assert response.context["profile_form"].errors["time_zone"]
    assert RunnerProfile.objects.get(user=runner).time_zone == "Asia/Tokyo"


def test_a_zone_we_know_is_saved(client, runner, profile_post):
    RunnerProfileFactory(user=runner, time_zone="Asia/Tokyo")
    client.force_login(runner)
    response = client.post(
        reverse("accounts:profile"), {**profile_post, "time_zone": "Europe/Paris"}
    )
    assert response.status_code == 302
    assert RunnerProfile.objects.get(user=runner).time_zone == "Europe/Paris"


def test_onboarding_refuses_a_race_in_year_9999(client, runner, profile_post):
    client.force_login(runner)
    response = client.post(
        reverse("accounts:onboarding"), {**profile_post, "race_date": "9999-12-31"}
    )
    assert response.status_code == 200
    assert response.context["goals_form"].errors["race_date"] == [DATE_MESSAGE]
    assert not RunnerProfile.objects.filter(user=runner, onboarded_at__isnull=False).exists()


def test_a_new_goal_refuses_a_race_in_year_9999_and_takes_one_years_ahead(client, runner):
    profile = RunnerProfileFactory(user=runner, time_zone="UTC")
    client.force_login(runner)
    url = reverse("accounts:goal_new", args=[runner.pk])
    race = {"kind": "race", "distance": "10k"}
    response = client.post(url, {**race, "race_date": "9999-12-31"})
    assert response.status_code == 200
    assert response.context["form"].errors["race_date"] == [DATE_MESSAGE]
    assert not profile.goals.exists()
    later = date.today().replace(day=1) + timedelta(days=5 * 365)
    assert client.post(url, {**race, "race_date": later.isoformat()}).status_code == 302
    assert profile.goals.get().race_date == later


def test_the_profile_refuses_an_injury_since_year_1(client, runner, profile_post):
    RunnerProfileFactory(user=runner, time_zone="UTC")
    client.force_login(runner)
    injury = {"injured": "on", "injury_area": "knee", "injured_since": "0001-01-01"}
    response = client.post(PROFILE, {**profile_post, **injury})
    assert response.status_code == 200
    assert response.context["profile_form"].errors["injured_since"] == [DATE_MESSAGE]
    assert not RunnerProfile.objects.get(user=runner).injured
