import pytest
from django.urls import reverse

from accounts.models import RunnerProfile
from tests.accounts.factories import RunnerProfileFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def url(runner):
    RunnerProfileFactory(user=runner)
    return reverse("accounts:athlete_edit", args=[runner.pk])


def test_anonymous_is_sent_to_log_in(client, url):
    assert client.get(url).url.startswith(reverse("accounts:login"))


def test_the_runner_is_sent_to_their_own_profile_page(client, runner, url):
    client.force_login(runner)
    assert client.get(url).url == reverse("accounts:profile")


def test_the_coach_edits_the_athletes_profile_and_the_athlete_keeps_it(
    client, runner, coach, url, profile_post
):
    client.force_login(coach)
    page = client.get(url).content.decode()
    assert "Rita Runner’s runner profile" in page
    response = client.post(url, {**profile_post, "runner_type": "competitive"})
    assert response.url == reverse("accounts:athlete", args=[runner.pk])
    profile = RunnerProfile.objects.get(user=runner)
    assert profile.runner_type == "competitive"
    assert not RunnerProfile.objects.filter(user=coach).exists()


@pytest.mark.parametrize("stranger", ["other_runner", "other_coach"])
def test_anyone_else_gets_404_and_changes_nothing(client, url, stranger, request, profile_post):
    client.force_login(request.getfixturevalue(stranger))
    assert client.get(url).status_code == 404
    assert client.post(url, {**profile_post, "runner_type": "competitive"}).status_code == 404
    assert RunnerProfile.objects.get().runner_type == "recreational"


def test_bad_input_from_the_coach_changes_nothing(client, coach, url, profile_post):
    client.force_login(coach)
    response = client.post(url, {**profile_post, "minutes_0": "400"})
    assert response.status_code == 200
    assert "nothing was saved" in response.content.decode()
    assert RunnerProfile.objects.get().commitments.get(weekday=0).minutes == 45


def test_the_coach_cannot_turn_emails_back_on_or_change_the_time_zone(
    client, runner, coach, url, profile_post
):
    """The athlete unsubscribed; a coach's save (even a forged one) leaves that as it is."""
    RunnerProfile.objects.filter(user=runner).update(reminders_enabled=False, time_zone="UTC")
    client.force_login(coach)
    page = client.get(url).content.decode()
    assert 'name="reminders_enabled"' not in page and 'name="time_zone"' not in page
    assert "Rita Runner’s own settings" in page
    response = client.post(url, {**profile_post, "runner_type": "competitive"})
    assert response.status_code == 302
    profile = RunnerProfile.objects.get(user=runner)
    assert profile.runner_type == "competitive"
    assert (profile.reminders_enabled, profile.time_zone) == (False, "UTC")
    assert (profile.reminder_delay_minutes, profile.quiet_hours_start) != (20, None)
