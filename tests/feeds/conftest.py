from datetime import UTC, date, datetime

import pytest

from feeds.services import calendar_feed_renew
from tests.accounts.factories import RunnerProfileFactory

# Wednesday 2 December 2026, 10:00 in New York (15:00 UTC).
NOW = datetime(2026, 12, 2, 15, 0, tzinfo=UTC)
TODAY = date(2026, 12, 2)
INTERVALS = [
    {
        "part": "warm-up",
        "minutes": 10,
        "repeat": 1,
        "zone": "easy",
        "pace_per_km": ["6:00", "6:30"],
    },
    {
        "part": "main",
        "minutes": 3,
        "repeat": 5,
        "zone": "interval",
        "pace_per_km": ["4:40", "4:50"],
    },
    {"part": "recovery", "minutes": 2, "repeat": 5, "zone": "recovery", "pace_per_km": None},
    {"part": "cool-down", "minutes": 10, "repeat": 1, "zone": "easy", "pace_per_km": None},
]


@pytest.fixture
def today(frozen_now):
    frozen_now(NOW)
    return TODAY


@pytest.fixture
def profile(runner, today):
    """Runs Mon, Wed, Fri and Sun at 07:00 in New York; no run time on the other days."""
    return RunnerProfileFactory(user=runner, time_zone="America/New_York")


@pytest.fixture
def feed_token(runner, profile):
    return calendar_feed_renew(owner=runner, kind="runner")
