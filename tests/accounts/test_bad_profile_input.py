"""A time zone the file system refuses (10,000 characters, a folder such as "Europe") and
dates far outside this century get a message on the form, and nothing is saved."""

import pytest
from django.urls import reverse

from accounts.models import RunnerProfile
from tests.accounts.factories import RunnerProfileFactory

PROFILE = reverse("accounts:profile")
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


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"race_date": "9999-12-31"}, "race_date"),
        ({"injured": "on", "injury_area": "knee", "injured_since": "0001-01-01"}, "injured_since"),
    ],
)
def test_dates_far_outside_this_century_get_a_message(client, runner, profile_post, changes, field):
    RunnerProfileFactory(user=runner, time_zone="UTC")
    client.force_login(runner)
    response = client.post(reverse("accounts:profile"), {**profile_post, **changes})
    assert response.status_code == 200
    forms = [response.context["profile_form"], response.context["goals_form"]]
    messages = [str(m) for form in forms for m in form.errors.get(field, [])]
    assert messages == ["Pick a date between 2000 and 2100."]
    profile = RunnerProfile.objects.get(user=runner)
    assert not profile.injured and not profile.goals.exists()


def test_a_race_years_ahead_is_still_taken(client, runner, profile_post):
    RunnerProfileFactory(user=runner, time_zone="UTC")
    client.force_login(runner)
    race_date = profile_post["race_date"]
    later = race_date.replace(race_date[:4], str(int(race_date[:4]) + 5))
    response = client.post(reverse("accounts:profile"), {**profile_post, "race_date": later})
    assert response.status_code == 302
    assert (
        RunnerProfile.objects.get(user=runner).goals.get(kind="race").race_date.isoformat() == later
    )
