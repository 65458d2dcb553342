from datetime import time

import pytest
from django.core.exceptions import ValidationError

from accounts.models import RunnerProfile, validate_time_zone

pytestmark = pytest.mark.django_db


def test_the_profile_zone_is_the_iana_zone():
    assert RunnerProfile(time_zone="America/New_York").zone.key == "America/New_York"


@pytest.mark.parametrize("name", ["Mars/Base", "", "../etc/passwd", "Europe/"])
def test_unknown_time_zones_are_refused(name):
    with pytest.raises(ValidationError, match="not a time zone we know"):
        validate_time_zone(name)


@pytest.mark.parametrize(
    ("start", "end", "moment", "quiet"),
    [
        (time(22), time(7), time(23, 30), True),
        (time(22), time(7), time(6, 59), True),
        (time(22), time(7), time(7), False),
        (time(13), time(14), time(13, 30), True),
        (time(13), time(14), time(12), False),
        (None, None, time(3), False),
    ],
)
def test_quiet_hours_may_run_past_midnight(start, end, moment, quiet):
    profile = RunnerProfile(quiet_hours_start=start, quiet_hours_end=end)
    assert profile.in_quiet_hours(moment) is quiet
