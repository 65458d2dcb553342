"""Days to race count from the runner's own today, on their week and on their coach's
dashboard: late in the UTC evening Auckland (UTC+13 in December) is a day ahead, early in the
UTC morning Honolulu (UTC−10) a day behind."""

from datetime import UTC, date, datetime

import pytest
from django.urls import reverse

from tests.accounts.factories import RaceGoalFactory, RunnerProfileFactory
from tests.factories import CoachingFactory

LATE_UTC = datetime(2026, 12, 4, 23, 30, tzinfo=UTC)  # Auckland: Saturday 5 December, 12:30
EARLY_UTC = datetime(2026, 12, 5, 0, 30, tzinfo=UTC)  # Honolulu: Friday 4 December, 14:30
RACE_DAY = date(2026, 12, 12)  # a Saturday: 7 days from Auckland's today, 8 from Honolulu's


@pytest.fixture
def auckland(runner):
    profile = RunnerProfileFactory(user=runner, time_zone="Pacific/Auckland")
    RaceGoalFactory(profile=profile, race_date=RACE_DAY, distance="half")
    return profile


@pytest.fixture
def honolulu(other_runner, coach):
    profile = RunnerProfileFactory(user=other_runner, time_zone="Pacific/Honolulu")
    RaceGoalFactory(profile=profile, race_date=RACE_DAY, distance="marathon")
    CoachingFactory(coach=coach, athlete=other_runner)
    return profile


def countdown(body: str) -> str:
    start = body.index('data-testid="race-countdown"')
    return body[start : body.index("</span>", start)]


@pytest.mark.parametrize(
    "moment, who, days",
    [(LATE_UTC, "auckland", 7), (EARLY_UTC, "auckland", 7), (EARLY_UTC, "honolulu", 8),
     (LATE_UTC, "honolulu", 8)],
)  # fmt: skip
def test_the_week_page_counts_the_days_from_the_runners_today(
    client, frozen_now, request, moment, who, days
):
    profile = request.getfixturevalue(who)
    frozen_now(moment)
    client.force_login(profile.user)
    body = client.get(reverse("plans:week")).content.decode()
    assert f"race in <strong>{days} days</strong> (12 Dec 2026)" in countdown(body)


@pytest.mark.parametrize("moment", [LATE_UTC, EARLY_UTC])
def test_the_dashboard_counts_each_athletes_days_from_their_own_today(
    client, coach, auckland, honolulu, frozen_now, moment
):
    frozen_now(moment)
    client.force_login(coach)
    body = client.get(reverse("plans:coach_dashboard")).content.decode()
    assert "Half marathon in <strong>7 days</strong>" in body  # Auckland
    assert "Marathon in <strong>8 days</strong>" in body  # Honolulu
