import pytest

from accounts.access import athlete_for
from accounts.demo import load_demo_accounts
from accounts.models import Commitment, Goal, RunnerProfile
from accounts.selectors import next_race

pytestmark = pytest.mark.django_db


def test_the_demo_runner_is_onboarded_and_coached_by_the_demo_coach():
    users = load_demo_accounts()
    profile = users["runner"].runner_profile
    assert profile.runner_type == "recreational"
    assert [c.weekday for c in profile.commitments.filter(available=True)] == [0, 2, 4, 5, 6]
    assert profile.long_run_day == 6
    assert next_race(profile).goal.distance == "10k"
    assert profile.liked_activities == ["swimming", "cycling"]
    assert profile.equipment == ["none", "stability_ball", "dumbbells"]
    assert profile.places == ["home", "gym"]
    assert athlete_for(users["coach"], users["runner"].pk) == users["runner"]


def test_loading_the_demo_twice_changes_nothing():
    load_demo_accounts()
    counts = [m.objects.count() for m in (RunnerProfile, Commitment, Goal)]
    load_demo_accounts()
    assert [m.objects.count() for m in (RunnerProfile, Commitment, Goal)] == counts
