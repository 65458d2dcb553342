import pytest
from django.http import Http404

from accounts.access import athlete_for, current_coaching
from accounts.services import coaching_end

pytestmark = pytest.mark.django_db


def test_a_runner_gets_themselves(runner):
    assert athlete_for(runner, runner.pk) == runner


def test_the_current_coach_gets_the_athlete(runner, coach):
    assert athlete_for(coach, runner.pk) == runner
    assert current_coaching(runner).coach == coach


@pytest.mark.parametrize("stranger", ["other_runner", "other_coach"])
def test_strangers_get_404(runner, coach, stranger, request):
    with pytest.raises(Http404):
        athlete_for(request.getfixturevalue(stranger), runner.pk)


def test_a_coach_cannot_reach_their_athlete_once_the_coaching_ended(runner, coach):
    coaching_end(coaching=coach.coachings_given.get())
    with pytest.raises(Http404):
        athlete_for(coach, runner.pk)
    assert current_coaching(runner) is None


def test_an_athlete_cannot_reach_their_coachs_profile(runner, coach):
    with pytest.raises(Http404):
        athlete_for(runner, coach.pk)
