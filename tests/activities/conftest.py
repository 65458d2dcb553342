from datetime import UTC, datetime, timedelta

import pytest
from django.utils import timezone

from tests.accounts.factories import RunnerProfileFactory
from tests.activities import samples


@pytest.fixture
def profile(runner):
    """`runner` onboarded, in UTC, distances in km."""
    return RunnerProfileFactory(user=runner, time_zone="UTC")


NOW = datetime(2026, 11, 25, 14, 0, tzinfo=UTC)  # a Wednesday afternoon


@pytest.fixture(autouse=True)
def frozen_now(monkeypatch):
    """Every test here runs on the same Wednesday afternoon, whatever the real clock says."""
    monkeypatch.setattr(timezone, "now", lambda: NOW)
    return NOW


@pytest.fixture
def today():
    return NOW.date()


def this_morning(hours_ago: float = 0) -> datetime:
    """A start time earlier that Wednesday (UTC): never from the future."""
    return NOW - timedelta(hours=1 + hours_ago)


@pytest.fixture
def run_files():
    """The same 30-minute run from three kinds of watch, started earlier today."""
    track = samples.track(this_morning(), minutes=30)
    return {
        "run.gpx": samples.gpx(track),
        "run.tcx": samples.tcx(track),
        "run.fit": samples.fit(track),
    }
