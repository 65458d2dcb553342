import pytest
from django.urls import reverse

from accounts.models import RunnerProfile
from accounts.selectors import next_race
from tests.accounts.factories import RaceGoalFactory, RunnerProfileFactory

URL = reverse("accounts:profile")
pytestmark = pytest.mark.django_db


@pytest.fixture
def profile(runner):
    profile = RunnerProfileFactory(user=runner, runner_type="competitive", time_zone="Asia/Tokyo")
    RaceGoalFactory(profile=profile, distance="half")
    return profile


def test_anonymous_is_sent_to_log_in(client):
    assert client.get(URL).url.startswith(reverse("accounts:login"))


def test_owner_sees_the_form_prefilled_with_their_answers(client, profile):
    client.force_login(profile.user)
    response = client.get(URL)
    body = response.content.decode()
    assert response.context["profile_form"].instance == profile
    assert 'value="Asia/Tokyo"' in body
    assert response.context["profile_form"]["runner_type"].value() == "competitive"
    assert [str(goal) for goal in response.context["goals"]["current"]] == ["Race: Half marathon"]
    assert response.context["week_form"].initial["minutes_6"] == 45


@pytest.mark.parametrize("stranger", ["other_runner", "coach", "other_coach"])
def test_anyone_else_only_ever_edits_their_own_profile(client, profile, stranger, request):
    client.force_login(request.getfixturevalue(stranger))
    response = client.get(URL, follow=True)
    assert "Asia/Tokyo" not in response.content.decode()
    assert RunnerProfile.objects.get().user == profile.user


def test_owner_changes_their_answers(client, profile, profile_post):
    client.force_login(profile.user)
    response = client.post(URL, {**profile_post, "runner_type": "competitive"})
    assert response.url == URL
    profile.refresh_from_db()
    assert (profile.runner_type, profile.time_zone) == ("competitive", "Europe/Madrid")
    assert profile.commitments.filter(available=True).count() == 4
    # Goals are not part of this form: the half marathon stays the only one.
    assert next_race(profile).goal.distance == "half"
    assert profile.goals.count() == 1


def test_a_bad_edit_changes_nothing(client, profile, profile_post):
    client.force_login(profile.user)
    response = client.post(URL, {**profile_post, "minutes_0": "400", "time_zone": "Nowhere/Land"})
    assert "Minutes go from 0 to 300." in response.content.decode()
    profile.refresh_from_db()
    assert profile.time_zone == "Asia/Tokyo"
    assert profile.commitments.get(weekday=0).minutes == 45
    assert profile.goals.get().distance == "half"


def test_the_runner_sees_their_current_coach_on_the_profile_page(client, profile, coach):
    client.force_login(profile.user)
    assert "Cora Coach coaches you." in client.get(URL).content.decode()


def test_profile_without_onboarding_goes_to_onboarding(client, runner):
    RunnerProfile.objects.create(user=runner)
    client.force_login(runner)
    assert client.get(URL).url == reverse("accounts:onboarding")


def test_a_coach_without_a_runner_profile_is_not_sent_to_runner_onboarding(client, coach):
    client.force_login(coach)
    response = client.get(URL)
    assert response.status_code == 200
    body = response.content.decode()
    assert "you have no runner profile" in body
    assert f'href="{reverse("accounts:account")}"' in body
    assert f'href="{reverse("accounts:onboarding")}"' in body  # theirs to choose
    assert not RunnerProfile.objects.filter(user=coach).exists()


def test_a_coach_who_runs_too_gets_their_runner_profile(client, coach):
    RunnerProfileFactory(user=coach)
    client.force_login(coach)
    response = client.get(URL)
    assert response.context["profile_form"].instance.user == coach
