"""Goals are edited one by one; saving the profile never touches them, and past races stay."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from accounts.models import Goal, RunnerProfile
from tests.accounts.factories import RaceGoalFactory, RunnerProfileFactory

pytestmark = pytest.mark.django_db
TODAY = timezone.localdate()


@pytest.fixture
def profile(runner):
    profile = RunnerProfileFactory(user=runner, time_zone="UTC")
    RaceGoalFactory(profile=profile, distance="half", race_date=TODAY - timedelta(weeks=6))
    RaceGoalFactory(profile=profile, distance="marathon", race_date=TODAY + timedelta(weeks=12))
    RaceGoalFactory(profile=profile, distance="marathon", race_date=TODAY + timedelta(weeks=30))
    return profile


def goals_of(profile):
    return sorted((g.distance, g.race_date) for g in Goal.objects.filter(profile=profile))


@pytest.mark.parametrize("who", ["runner", "coach"])
def test_saving_the_profile_keeps_every_goal(client, profile, profile_post, who, request):
    """The bug: three goals became one (the past half and the second marathon went)."""
    before = goals_of(profile)
    user = request.getfixturevalue(who)
    client.force_login(user)
    url = reverse("accounts:profile" if who == "runner" else "accounts:athlete_edit",
                  args=[] if who == "runner" else [profile.user_id])  # fmt: skip
    response = client.post(url, {**profile_post, "runner_type": "competitive"})
    assert response.status_code == 302
    assert RunnerProfile.objects.get(pk=profile.pk).runner_type == "competitive"
    assert goals_of(profile) == before and len(before) == 3


def test_the_profile_page_lists_goals_and_keeps_past_races_as_history(client, profile):
    client.force_login(profile.user)
    page = client.get(reverse("accounts:profile")).content.decode()
    history = page.split('data-testid="past-races"')[1]
    assert "Half marathon race on" in history
    current = page.split('data-testid="goals"')[1].split('data-testid="past-races"')[0]
    assert current.count("Marathon race on") == 2 and "Half marathon" not in current
    past = profile.goals.get(distance="half")
    assert reverse("accounts:goal_edit", args=[profile.user_id, past.pk]) not in page


def new_url(profile):
    return reverse("accounts:goal_new", args=[profile.user_id])


def edit_url(goal):
    return reverse("accounts:goal_edit", args=[goal.profile.user_id, goal.pk])


def delete_url(goal):
    return reverse("accounts:goal_delete", args=[goal.profile.user_id, goal.pk])


def test_the_runner_adds_a_goal_and_the_others_stay(client, profile):
    client.force_login(profile.user)
    response = client.post(new_url(profile), {"kind": "process", "process_focus": "sleep"})
    assert response.url == reverse("accounts:profile")
    assert profile.goals.count() == 4
    response = client.post(new_url(profile), {"kind": "process", "process_focus": "sleep"})
    assert "already one of the goals" in response.content.decode()
    assert profile.goals.count() == 4


def test_a_goal_that_does_not_add_up_is_shown_back_with_what_was_typed(client, profile):
    client.force_login(profile.user)
    response = client.post(
        new_url(profile), {"kind": "race", "distance": "10k", "target_time": "0:49:00"}
    )
    body = response.content.decode()
    assert response.status_code == 200 and "When is the race?" in body
    assert 'value="00:49:00"' in body or 'value="0:49:00"' in body
    assert profile.goals.count() == 3


def test_the_coach_changes_one_goal_of_their_athlete(client, profile, coach):
    marathon = profile.goals.filter(distance="marathon").first()
    client.force_login(coach)
    later = TODAY + timedelta(weeks=14)
    response = client.post(
        edit_url(marathon), {"kind": "race", "distance": "marathon", "race_date": later}
    )
    assert response.url == reverse("accounts:athlete_edit", args=[profile.user_id])
    marathon.refresh_from_db()
    assert marathon.race_date == later and profile.goals.count() == 3


def test_a_past_race_cannot_be_changed_or_removed(client, profile):
    past = profile.goals.get(distance="half")
    client.force_login(profile.user)
    response = client.post(
        edit_url(past), {"kind": "race", "distance": "10k", "race_date": TODAY}, follow=True
    )
    assert "That race has passed" in response.content.decode()
    response = client.post(delete_url(past), follow=True)
    assert "That race has passed" in response.content.decode()
    past.refresh_from_db()
    assert past.distance == "half"


def test_a_goal_is_removed_after_a_confirmation(client, profile):
    marathon = profile.goals.filter(distance="marathon").first()
    client.force_login(profile.user)
    page = client.get(delete_url(marathon)).content.decode()
    assert "Remove this goal?" in page and profile.goals.count() == 3
    client.post(delete_url(marathon))
    assert profile.goals.count() == 2
    assert not Goal.objects.filter(pk=marathon.pk).exists()


def test_anonymous_is_sent_to_log_in(client, profile):
    goal = profile.goals.last()
    for url in (new_url(profile), edit_url(goal), delete_url(goal)):
        assert client.get(url).url.startswith(reverse("accounts:login"))
    assert client.post(delete_url(goal)).status_code == 302
    assert profile.goals.count() == 3


@pytest.mark.parametrize("stranger", ["other_runner", "other_coach"])
def test_anyone_else_gets_404_and_changes_nothing(client, profile, stranger, request):
    goal = profile.goals.last()
    client.force_login(request.getfixturevalue(stranger))
    for url in (new_url(profile), edit_url(goal), delete_url(goal)):
        assert client.get(url).status_code == 404
    assert client.post(delete_url(goal)).status_code == 404
    assert (
        client.post(new_url(profile), {"kind": "process", "process_focus": "sleep"}).status_code
        == 404
    )
    assert profile.goals.count() == 3
