import pytest
from django.urls import reverse

from accounts.services import coaching_end
from tests.accounts.factories import RaceGoalFactory, RunnerProfileFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def url(runner):
    profile = RunnerProfileFactory(user=runner, injured=True, injury_area="knee")
    RaceGoalFactory(profile=profile)
    return reverse("accounts:athlete", args=[runner.pk])


def test_anonymous_is_sent_to_log_in(client, url):
    assert client.get(url).url.startswith(reverse("accounts:login"))


def test_the_runner_sees_their_own_profile(client, runner, url):
    client.force_login(runner)
    body = client.get(url).content.decode()
    assert "Recreational" in body
    assert "10 km race on" in body
    assert "Knee" in body
    assert "Edit your profile" in body


def test_the_runners_current_coach_sees_the_profile(client, runner, coach, url):
    client.force_login(coach)
    response = client.get(url)
    assert response.status_code == 200
    assert "Rita Runner" in response.content.decode()
    assert "Edit your profile" not in response.content.decode()


@pytest.mark.parametrize("stranger", ["other_runner", "other_coach"])
def test_anyone_else_gets_404(client, url, stranger, request):
    client.force_login(request.getfixturevalue(stranger))
    assert client.get(url).status_code == 404


def test_a_former_coach_gets_404(client, runner, coach, url):
    coaching_end(coaching=coach.coachings_given.get())
    client.force_login(coach)
    assert client.get(url).status_code == 404


def test_an_athlete_without_a_profile_yet_shows_so(client, coach, other_runner):
    coach.coachings_given.create(athlete=other_runner)
    client.force_login(coach)
    response = client.get(reverse("accounts:athlete", args=[other_runner.pk]))
    assert "No runner profile yet." in response.content.decode()
