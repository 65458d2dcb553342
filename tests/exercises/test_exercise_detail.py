import re

import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db


def _url(slug: str) -> str:
    return reverse("exercises:detail", args=[slug])


def test_anonymous_visitor_is_sent_to_log_in(client):
    response = client.get(_url("back-extension"))
    assert response.status_code == 302
    assert response.url.startswith(reverse("accounts:login"))


def test_back_extension_shows_numbered_cues_reps_sets_variation_and_muscles(client, runner):
    client.force_login(runner)
    response = client.get(_url("back-extension"))
    body = response.content.decode()
    assert response.status_code == 200
    cues = re.search(r'<ol class="cue-steps" data-testid="cues">(.*?)</ol>', body, re.S).group(1)
    assert cues.count("<li") == 4
    assert cues.index("Drape your hips and belly over the ball") < cues.index("Stay there for two")
    assert "10–12 reps, hold 2 s at the top" in body
    assert "2 sets" in body
    assert "Glutes, Core, Back" in body
    assert "Stability ball, Mat" in body
    assert "Knee, Achilles, Shin, Hip, Ankle injuries" in body
    assert (
        'Harder: <a href="/exercises/weighted-back-extension/">Weighted back extension</a>' in body
    )
    assert "Edit" not in body


def test_a_running_sport_says_it_never_counts_as_cross_training(client, runner):
    client.force_login(runner)
    body = client.get(_url("soccer")).content.decode()
    assert "never as cross-training" in body


def test_an_unknown_exercise_is_not_found(client, runner):
    client.force_login(runner)
    assert client.get(_url("moonwalk")).status_code == 404


@pytest.mark.parametrize(
    ("user_fixture", "status"),
    [("runner", 200), ("other_runner", 404), ("coach", 200), ("other_coach", 404)],
)
def test_a_coachs_exercise_opens_for_the_coach_and_their_athletes_only(
    client, request, coach_exercise, user_fixture, status
):
    client.force_login(request.getfixturevalue(user_fixture))
    response = client.get(coach_exercise.get_absolute_url())
    assert response.status_code == status
    if status == 200:
        assert "Added by Cora Coach" in response.content.decode()


def test_only_the_owning_coach_sees_the_edit_button(client, runner, coach, coach_exercise):
    edit_url = reverse("exercises:edit", args=[coach_exercise.slug])
    client.force_login(coach)
    assert edit_url in client.get(coach_exercise.get_absolute_url()).content.decode()
    client.force_login(runner)
    assert edit_url not in client.get(coach_exercise.get_absolute_url()).content.decode()
