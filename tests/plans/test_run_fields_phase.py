"""A run a coach or a template sets gets its steps by the phase of its day, and that phase goes
by the race's distance: two weeks before a 10 km race is the peak (a threshold block), two
weeks before a marathon is the taper (a short set)."""

from datetime import date, timedelta

from plans.runs import run_fields

MONDAY = date(2027, 3, 1)
RACE_DAY = MONDAY + timedelta(weeks=2, days=4)


def zones(race_km: float | None) -> list[tuple[str, int, int]]:
    fields = run_fields(
        purpose="speed", minutes=40, day=MONDAY, race_date=RACE_DAY, paces=None, race_km=race_km
    )
    return [(step["zone"], step["minutes"], step["repeat"]) for step in fields["structure"]]


def test_two_weeks_before_a_10k_a_speed_run_is_the_peaks_threshold_block():
    assert zones(10.0) == [("easy", 10, 1), ("threshold", 20, 1), ("easy", 10, 1)]


def test_two_weeks_before_a_marathon_it_is_the_tapers_short_set():
    assert ("interval", 2, 4) in zones(42.195)
    assert ("threshold", 20, 1) not in zones(42.195)
