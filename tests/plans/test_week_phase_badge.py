"""The phase the week page names goes by the race's distance, as the plan's own notes do: a
5 or 10 km race tapers in its race week only, a marathon for three weeks."""

from datetime import timedelta

import pytest
from django.urls import reverse

from plans.services import monday_of
from tests.accounts.factories import RaceGoalFactory, RunnerProfileFactory

pytestmark = pytest.mark.django_db


def badge(client, profile) -> str:
    client.force_login(profile.user)
    body = client.get(reverse("plans:week")).content.decode()
    return body.split('data-testid="phase">', 1)[1].split("<", 1)[0]


@pytest.mark.parametrize(("distance", "phase"), [("10k", "Base"), ("marathon", "Build")])
def test_ten_weeks_out_a_10k_is_still_in_base_where_a_marathon_is_building(client, distance, phase):
    profile = RunnerProfileFactory(time_zone="UTC")
    race_day = monday_of(profile.today()) + timedelta(weeks=10, days=4)
    RaceGoalFactory(profile=profile, distance=distance, race_date=race_day)
    assert badge(client, profile) == phase
