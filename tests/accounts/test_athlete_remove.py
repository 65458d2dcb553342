import pytest
from django.urls import reverse

from accounts.models import Coaching

pytestmark = pytest.mark.django_db


@pytest.fixture
def url(runner):
    return reverse("accounts:athlete_remove", args=[runner.pk])


def test_anonymous_is_sent_to_log_in(client, url):
    assert client.post(url).url.startswith(reverse("accounts:login"))


def test_the_coach_is_asked_to_confirm_first(client, runner, coach, url):
    client.force_login(coach)
    assert "Remove Rita Runner?" in client.get(url).content.decode()
    assert Coaching.objects.current().filter(athlete=runner).exists()


def test_the_coach_removes_the_athlete_and_loses_access(client, runner, coach, url):
    client.force_login(coach)
    response = client.post(url, follow=True)
    assert "Rita Runner is no longer one of your athletes." in response.content.decode()
    assert not Coaching.objects.current().filter(athlete=runner).exists()
    assert Coaching.objects.filter(athlete=runner).count() == 1  # the history stays
    assert client.get(reverse("accounts:athlete", args=[runner.pk])).status_code == 404


@pytest.mark.parametrize("stranger", ["runner", "other_runner", "other_coach"])
def test_anyone_else_gets_404_and_nothing_changes(client, runner, coach, url, stranger, request):
    client.force_login(request.getfixturevalue(stranger))
    assert client.get(url).status_code == 404
    assert client.post(url).status_code == 404
    assert Coaching.objects.current().get(athlete=runner).coach == coach
