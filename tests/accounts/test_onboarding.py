from datetime import time, timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from accounts.models import Commitment, Goal, RunnerProfile
from accounts.selectors import next_race
from tests.accounts.factories import RunnerProfileFactory

URL = reverse("accounts:onboarding")
pytestmark = pytest.mark.django_db


def nothing_saved(user) -> bool:
    return not RunnerProfile.objects.filter(user=user).exists() and not Commitment.objects.exists()


def test_anonymous_is_sent_to_log_in(client):
    response = client.get(URL)
    assert response.status_code == 302
    assert response.url.startswith(reverse("accounts:login"))


def test_new_runner_sees_the_sections_and_the_runner_type_explanations(client, runner):
    client.force_login(runner)
    body = client.get(URL).content.decode()
    for heading in ("You as a runner", "Your week", "Your goals", "Injury", "Settings"):
        assert heading in body
    assert "3–4 runs and 2–3 other workouts a week" in body
    assert "4–6 runs and 1–2 other workouts a week" in body
    assert 'value="UTC"' in body  # the server default when the browser cannot tell


def test_runner_completes_onboarding_and_lands_on_the_week(client, runner, profile_post):
    client.force_login(runner)
    response = client.post(URL, profile_post)
    assert response.status_code == 302
    assert response.url == reverse("plans:week")
    profile = RunnerProfile.objects.get(user=runner)
    assert profile.is_onboarded
    assert profile.runner_type == "recreational"
    assert profile.time_zone == "Europe/Madrid"
    assert profile.long_run_day == 6
    assert profile.liked_activities == ["swimming", "cycling"]
    assert profile.quiet_hours_start == time(22, 0)
    days = {c.weekday: (c.available, c.minutes) for c in profile.commitments.all()}
    assert days == {
        0: (True, 40),
        1: (False, 0),
        2: (True, 45),
        3: (False, 0),
        4: (True, 40),
        5: (False, 0),
        6: (True, 75),
    }
    race = next_race(profile)
    assert (race.goal.distance, race.weeks) == ("10k", 10)
    assert race.goal.target_time == timedelta(minutes=58)
    assert list(profile.goals.filter(kind="process").values_list("process_focus", flat=True)) == [
        "sleep"
    ]


def test_an_onboarded_runner_is_sent_to_the_profile_page(client):
    profile = RunnerProfileFactory()
    client.force_login(profile.user)
    assert client.get(URL).url == reverse("accounts:profile")


def test_coach_can_fill_a_runner_profile_of_their_own(client, coach, profile_post):
    client.force_login(coach)
    client.post(URL, profile_post)
    assert RunnerProfile.objects.get(user=coach).is_onboarded


def test_the_injured_flag_needs_an_area(client, runner, profile_post):
    client.force_login(runner)
    response = client.post(URL, {**profile_post, "injured": "on", "injury_area": ""})
    assert "Tell us where the injury is." in response.content.decode()
    assert nothing_saved(runner)


def test_an_injury_is_stored_with_its_area_and_start(client, runner, profile_post):
    client.force_login(runner)
    since = timezone.localdate() - timedelta(days=12)
    client.post(
        URL, {**profile_post, "injured": "on", "injury_area": "knee", "injured_since": since}
    )
    profile = RunnerProfile.objects.get(user=runner)
    assert (profile.injured, profile.injury_area, profile.injured_since) == (True, "knee", since)


def test_an_area_without_the_injured_flag_is_not_kept(client, runner, profile_post):
    client.force_login(runner)
    client.post(URL, {**profile_post, "injury_area": "knee"})
    profile = RunnerProfile.objects.get(user=runner)
    assert (profile.injured, profile.injury_area) == (False, "")


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"minutes_2": "301"}, "Minutes go from 0 to 300."),
        ({"minutes_2": "-5"}, "Minutes go from 0 to 300."),
        ({"minutes_2": "0"}, "How many minutes do you have on Wednesday?"),
        ({"long_run_day": "1"}, "Pick a long run day you can train on."),
        ({"race_date": "2020-05-01"}, "That date has passed. Pick a race still ahead of you."),
        ({"race_date": ""}, "When is the race?"),
        ({"race_distance": "other"}, "How long is the race, in km?"),
        ({"pb_distance": "5k"}, "What is your best time over that distance?"),
        ({"time_zone": "Mars/Olympus_Mons"}, "is not a time zone we know"),
        ({"time_zone": "../../etc/passwd"}, "is not a time zone we know"),
        ({"reminder_delay_minutes": "90"}, "Ensure this value is less than or equal to 60."),
        ({"quiet_hours_end": ""}, "Give both ends of the quiet hours, or neither."),
    ],
)
def test_bad_input_gets_a_clear_message_and_saves_nothing(
    client, runner, profile_post, change, message
):
    client.force_login(runner)
    response = client.post(URL, {**profile_post, **change})
    body = response.content.decode()
    assert response.status_code == 200
    assert message in body
    assert "nothing was saved yet" in body
    assert nothing_saved(runner)
    assert not Goal.objects.exists()


def test_a_week_without_a_training_day_is_refused(client, runner, profile_post):
    client.force_login(runner)
    no_days = {key: value for key, value in profile_post.items() if "available_" not in key}
    response = client.post(URL, {**no_days, "long_run_day": ""})
    assert "Pick at least one day you can train." in response.content.decode()
    assert nothing_saved(runner)
