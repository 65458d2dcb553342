from datetime import UTC, datetime, timedelta

import pytest
from django.utils import timezone

from tests.accounts.factories import RunnerProfileFactory
from tests.activities import samples


@pytest.fixture
def profile(runner):
    """`runner` onboarded, in UTC, distances in km."""
    return RunnerProfileFactory(user=runner, time_zone="UTC")


@pytest.fixture
def today():
    return timezone.now().date()


def this_morning(hours_ago: float = 0) -> datetime:
    """A start time earlier today (UTC), so tests never make a run from the future."""
    now = timezone.now()
    start = datetime(now.year, now.month, now.day, tzinfo=UTC)
    return min(start + timedelta(hours=1), now - timedelta(hours=1 + hours_ago))


@pytest.fixture
def run_files():
    """The same 30-minute run from three kinds of watch, started earlier today."""
    track = samples.track(this_morning(), minutes=30)
    return {
        "run.gpx": samples.gpx(track),
        "run.tcx": samples.tcx(track),
        "run.fit": samples.fit(track),
    }
