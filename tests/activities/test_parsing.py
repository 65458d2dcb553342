from datetime import UTC, datetime, timedelta

import pytest

from activities.parsing import FileRefused, parse
from tests.activities import samples

START = datetime(2026, 11, 23, 7, 0, tzinfo=UTC)
NOW = datetime(2026, 11, 24, tzinfo=UTC)


def _all_formats(track, sport="run"):
    return {
        "a.gpx": samples.gpx(track, sport={"run": "running", "ride": "cycling"}[sport]),
        "a.tcx": samples.tcx(track, sport=sport),
        "a.fit": samples.fit(track, sport=sport),
    }


def test_the_three_formats_give_the_same_numbers_for_the_same_run():
    track = samples.track(START, minutes=30, metres_per_second=3.0, climb=20)
    measured = {name: parse(name, data, now=NOW) for name, data in _all_formats(track).items()}
    for result in measured.values():
        assert result.sport == "run"
        assert result.started_at == START
        assert result.distance_m == 5400  # 30 minutes at 3 m/s
        assert (result.moving_seconds, result.elapsed_seconds) == (1800, 1800)
        assert result.ascent_m == 18  # a 20 m hill sampled every 5 s: its top is 19.96 m
        assert (result.avg_hr, result.max_hr) == (144, 149)
    assert [m.file_format for m in measured.values()] == ["gpx", "tcx", "fit"]


def test_splits_come_per_km_and_per_mile_with_the_part_left_over():
    track = samples.track(START, minutes=30, metres_per_second=3.0)
    result = parse("a.fit", samples.fit(track), now=NOW)
    km = result.splits["km"]
    assert [split["metres"] for split in km] == [1000] * 5 + [400]
    assert km[0]["seconds"] == pytest.approx(333.3, abs=0.1)  # 5:33 per km at 3 m/s
    assert [split["metres"] for split in result.splits["mi"]] == [
        1609,
        1609,
        1609,
        572,
    ]  # 5400 - 3 × 1609.344


def test_a_pause_counts_in_elapsed_time_but_not_in_moving_time():
    first = samples.track(START, minutes=10)
    second = samples.track(START + timedelta(minutes=15), minutes=10)
    resumed = [
        samples.Sample(s.time, s.lat + first[-1].lat - 51.4779, s.lon, s.ele,
                       s.distance + first[-1].distance, s.hr)
        for s in second[1:]
    ]  # fmt: skip
    result = parse("a.gpx", samples.gpx(first + resumed), now=NOW)
    assert result.elapsed_seconds == 25 * 60
    assert result.moving_seconds == 20 * 60 - 5  # the 5 s step out of the pause is not moving


def test_the_track_kept_for_drawing_has_a_few_hundred_points():
    track = samples.track(START, minutes=180, every=1)
    result = parse("a.gpx", samples.gpx(track), now=NOW)
    assert 250 <= len(result.track) <= 301
    assert result.track[0][:4] == [0.0, 0.0, 51.4779, 0.0]
    assert result.track[-1][0] == pytest.approx(180 * 60 * 3.0, rel=0.01)


@pytest.mark.parametrize("name", ["a.gpx", "a.tcx", "a.fit"])
def test_a_ride_is_read_as_a_ride(name):
    track = samples.track(START, minutes=20, metres_per_second=7)
    assert parse(name, _all_formats(track, "ride")[name], now=NOW).sport == "ride"


def test_a_gpx_without_a_sport_counts_as_a_run():
    data = samples.gpx(samples.track(START, minutes=5)).replace(b"<type>running</type>", b"")
    assert parse("a.gpx", data, now=NOW).sport == "run"


def test_a_fit_file_reports_the_watchs_own_totals():
    track = samples.track(START, minutes=20)
    data = samples.fit(track)
    assert parse("a.fit", data, now=NOW).distance_m == round(track[-1].distance)


def test_a_track_from_the_future_is_refused_but_one_from_just_now_is_not():
    track = samples.track(NOW - timedelta(minutes=20), minutes=25)
    with pytest.raises(FileRefused, match="ends in the future"):
        parse("a.gpx", samples.gpx(track), now=NOW - timedelta(minutes=10))
    assert parse("a.gpx", samples.gpx(track), now=NOW).distance_m > 0
