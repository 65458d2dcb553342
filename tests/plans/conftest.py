import pytest

from tests.accounts.factories import RunnerProfileFactory


@pytest.fixture
def profile(runner):
    """`runner` onboarded: recreational, Mon/Wed/Fri/Sun 45 minutes, long run on Sunday."""
    return RunnerProfileFactory(user=runner, time_zone="UTC")


@pytest.fixture
def other_profile(other_runner):
    return RunnerProfileFactory(user=other_runner, time_zone="UTC")
