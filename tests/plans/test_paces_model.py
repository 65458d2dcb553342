"""Daniels' VDOT and the pace zones it gives, against his published tables."""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from plans.builder.paces import (
    MARATHON_KM,
    ZONES,
    pace_zones,
    race_seconds,
    range_text,
    vdot_from_race,
    zones_from_race,
)


def clock(text: str) -> int:
    parts = [int(part) for part in text.split(":")]
    seconds = 0
    for part in parts:
        seconds = seconds * 60 + part
    return seconds


def per_400(text: str) -> int:
    """A track pace per 400 m, as seconds per km."""
    return round(clock(text) * 2.5)


# Daniels' Running Formula (3rd ed.): Table 5.1 for the marathon each VDOT runs (its pace is
# marathon pace), Table 5.2 for the training paces (easy as its range; interval and
# repetition as 400 m times). Seconds per km.
PUBLISHED = {
    30: {
        "easy": (clock("7:27"), clock("8:14")),
        "marathon": clock("4:49:17") / MARATHON_KM,
        "threshold": clock("6:24"),
        "interval": per_400("2:22"),
        "repetition": per_400("2:16"),
    },
    40: {
        "easy": (clock("5:56"), clock("6:38")),
        "marathon": clock("3:49:45") / MARATHON_KM,
        "threshold": clock("5:06"),
        "interval": per_400("1:53"),
        "repetition": per_400("1:46"),
    },
    50: {
        "easy": (clock("4:57"), clock("5:33")),
        "marathon": clock("3:10:49") / MARATHON_KM,
        "threshold": clock("4:15"),
        "interval": per_400("1:34"),
        "repetition": per_400("1:28"),
    },
    60: {
        "easy": (clock("4:17"), clock("4:48")),
        "marathon": clock("2:43:25") / MARATHON_KM,
        "threshold": clock("3:40"),
        "interval": per_400("1:21"),
        "repetition": per_400("1:15"),
    },
    70: {
        "easy": (clock("3:48"), clock("4:14")),
        "marathon": clock("2:23:10") / MARATHON_KM,
        "threshold": clock("3:15"),
        "interval": per_400("1:12"),
        "repetition": per_400("1:07"),
    },
}
WITHIN = 0.02


def within_two_percent_of(zone: tuple[int, int], published: float) -> bool:
    fast, slow = zone
    return fast * (1 - WITHIN) <= published <= slow * (1 + WITHIN)


@pytest.mark.parametrize("vdot", sorted(PUBLISHED))
@pytest.mark.parametrize("zone", ZONES)
def test_each_zone_is_within_two_percent_of_daniels_table(vdot, zone):
    zones = pace_zones(vdot)
    published = PUBLISHED[vdot][zone]
    if isinstance(published, tuple):  # easy: both ends of the range
        fast, slow = zones.easy
        assert abs(fast - published[0]) <= WITHIN * published[0]
        assert abs(slow - published[1]) <= WITHIN * published[1]
    else:
        assert within_two_percent_of(zones.of(zone), published), (zones.of(zone), published)


@pytest.mark.parametrize("vdot", sorted(PUBLISHED))
def test_the_marathon_a_vdot_predicts_is_daniels_marathon(vdot):
    published = PUBLISHED[vdot]["marathon"] * MARATHON_KM
    assert race_seconds(vdot, MARATHON_KM) == pytest.approx(published, rel=WITHIN)


def test_a_fifty_minute_10k_is_vdot_40_with_threshold_about_5_05():
    assert vdot_from_race(10, 50 * 60) == pytest.approx(40.0, abs=0.05)
    zones = zones_from_race(10, 50 * 60)
    assert zones is not None
    assert zones.vdot == 40.0
    fast, slow = zones.threshold
    assert fast <= clock("5:05") + 1 and clock("5:05") <= slow
    assert range_text(zones.interval) == "4:36–4:47/km"


def test_paces_read_per_km_or_per_mile():
    zones = pace_zones(40)
    assert range_text(zones.threshold, "km") == "5:03–5:08/km"
    assert range_text(zones.threshold, "mi") == "8:08–8:16/mi"


def test_a_race_outside_the_model_gives_no_zones():
    assert zones_from_race(10, 20 * 60) is None  # a 20-minute 10 km: beyond the world record
    assert zones_from_race(10, 5 * 3600) is None  # five hours for 10 km: a walk
    assert zones_from_race(0, 3000) is None
    assert zones_from_race(10, 40 * 60) is not None


races = st.tuples(
    st.sampled_from([1.5, 3, 5, 10, 15, 21.0975, 30, MARATHON_KM]), st.floats(0.0, 1.0)
).map(lambda race: (race[0], race[0] * (220 + race[1] * 330)))  # 3:40 to 9:10 per km


@given(races)
def test_zones_are_ordered_from_repetition_to_easy(race):
    zones = zones_from_race(*race)
    assert zones is not None
    ranges = [zones.of(zone) for zone in reversed(ZONES)]  # repetition first
    for faster, slower in zip(ranges, ranges[1:], strict=False):
        assert faster[0] <= faster[1]
        assert faster[1] <= slower[0], (faster, slower)


@given(races, st.floats(0.01, 0.15))
def test_a_faster_race_gives_faster_zones(race, faster_by):
    distance, seconds = race
    slow, fast = (
        zones_from_race(distance, seconds),
        zones_from_race(distance, seconds * (1 - faster_by)),
    )
    assert slow is not None and fast is not None
    assert fast.vdot > slow.vdot
    for zone in ZONES:
        assert fast.of(zone)[0] <= slow.of(zone)[0]
        assert fast.of(zone)[1] <= slow.of(zone)[1]
