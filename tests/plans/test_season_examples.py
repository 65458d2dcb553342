"""Readable seasons: a 10 km, a half marathon and a marathon, each from a runner with a few
weeks behind them, on the real seeded library."""

from datetime import date, timedelta

from plans.builder import RACE_KM, Commitment, History, RunnerInput, WeekDone, build_season
from tests.plans.seeded import SEEDED

MONDAY = date(2027, 1, 4)
# Free every day but Tuesday and Saturday; an hour on weekdays, two on Sunday.
DAYS = tuple(
    Commitment(available=day not in (1, 5), minutes=120 if day == 6 else 60) for day in range(7)
)


def season(distance: str, weeks: int, runner_type: str = "recreational"):
    runner = RunnerInput(
        runner_type=runner_type,
        week_start=MONDAY,
        days=DAYS,
        race_date=MONDAY + timedelta(weeks=weeks - 1, days=6),
        race_km=RACE_KM[distance],
    )
    # Three weeks of about two hours done, the longest run 50 minutes.
    history = History(
        weeks=tuple(WeekDone(MONDAY - timedelta(weeks=k), 120, 120) for k in (3, 2, 1)),
        runs=((MONDAY - timedelta(days=1), 50),),
    )
    return build_season(runner, SEEDED, history)


def table(weeks):
    return [
        (w.week.phase, w.run_minutes, w.long_run, "lighter" if w.target.lighter else "")
        for w in weeks
    ]


def test_a_10k_season_of_ten_weeks_tapers_in_race_week_only():
    # Full weeks rise (never over 10 % on the last full one) with the long run, 10 % a week;
    # a lighter week every fourth week counted back from the taper.
    assert table(season("10k", 10)) == [
        ("build", 120, 55, ""),
        ("build", 90, 45, "lighter"),
        ("build", 125, 60, ""),
        ("build", 131, 66, ""),
        ("build", 137, 72, ""),
        ("build", 100, 50, "lighter"),
        ("peak", 144, 79, ""),
        ("peak", 151, 86, ""),
        ("peak", 155, 90, ""),
        ("race_week", 65, 25, ""),
    ]


def test_a_half_marathon_season_of_sixteen_weeks_rises_gently_and_tapers_for_two():
    weeks = table(season("half", 16))
    assert weeks == [
        ("base", 120, 55, ""),
        ("base", 125, 60, ""),
        ("base", 90, 45, "lighter"),
        ("base", 125, 60, ""),
        ("base", 125, 60, ""),
        ("build", 131, 66, ""),
        ("build", 95, 50, "lighter"),
        ("build", 137, 72, ""),
        ("build", 140, 75, ""),
        ("build", 140, 75, ""),
        ("build", 105, 55, "lighter"),
        ("peak", 147, 82, ""),
        ("peak", 155, 90, ""),
        ("peak", 155, 90, ""),
        ("taper", 85, 45, ""),
        ("race_week", 65, 25, ""),
    ]
    peak = max(minutes for _, minutes, _, _ in weeks[:-2])
    assert all(minutes <= 0.59 * peak for _, minutes, _, _ in weeks[-2:])


def test_a_marathon_season_of_twenty_weeks_tapers_for_three():
    # A competitive runner: four runs, one hard run kept to a quarter of the running.
    assert table(season("marathon", 20, "competitive")) == [
        ("base", 130, 50, ""),
        ("base", 95, 50, "lighter"),
        ("base", 140, 55, ""),
        ("base", 150, 60, ""),
        ("base", 165, 65, ""),
        ("base", 120, 50, "lighter"),
        ("base", 180, 60, ""),
        ("base", 191, 71, ""),
        ("build", 198, 78, ""),
        ("build", 145, 65, "lighter"),
        ("build", 205, 85, ""),
        ("build", 210, 90, ""),
        ("build", 210, 90, ""),
        ("build", 155, 75, "lighter"),
        ("peak", 215, 95, ""),
        ("peak", 215, 95, ""),
        ("peak", 215, 95, ""),
        ("taper", 125, 50, ""),
        ("taper", 115, 45, ""),
        ("race_week", 95, 25, ""),
    ]


def test_the_30_days_that_cap_a_run_count_from_the_day_of_the_longest_run_not_its_sunday():
    """A season whose long run falls early in the week: a run 31 days back no longer lets the
    next runs grow past 10 % of what was run since (it did when each week's longest run was
    dated on its Sunday). The runner is the one a property test found."""
    first = date(2026, 1, 5)
    runner = RunnerInput(
        runner_type="recreational",
        week_start=first,
        days=tuple(
            Commitment(available=day in (3, 4, 6), minutes=75 if day == 4 else 45)
            for day in range(7)
        ),
        long_run_day=0,
        race_date=date(2026, 3, 30),
        race_km=RACE_KM["5k"],
    )
    history = History(
        weeks=tuple(
            WeekDone(first - timedelta(weeks=k), planned=int(k == 1), done=0)
            for k in range(6, 0, -1)
        ),
        runs=((first - timedelta(days=3), 34),),
    )
    done = list(history.runs)
    for item in build_season(runner, SEEDED, history):
        since = item.week.week_start - timedelta(days=30)
        recent = [minutes for day, minutes in done if since <= day < item.week.week_start]
        ran = [
            (day.date, session.minutes)
            for day in item.week.days
            for session in day.sessions
            if session.kind == "run"
        ]
        assert all(minutes <= max(20, max(recent) * 1.1) for _, minutes in ran), item.week
        done += ran


def test_three_quarters_of_the_running_stay_easy_when_strength_takes_minutes_from_two_runs():
    """Strength sessions were given the easy minutes of two runs where the week could spare
    them for one only, leaving a hill run over a quarter of the running (found by the property
    test)."""
    first = date(2026, 1, 5)
    runner = RunnerInput(
        runner_type="competitive",
        week_start=first,
        days=tuple(
            Commitment(available=day >= 3, minutes=60 if day == 6 else 75 if day >= 3 else 0)
            for day in range(7)
        ),
        long_run_day=0,
        race_date=date(2026, 3, 16),
        race_km=RACE_KM["5k"],
    )
    for item in build_season(runner, SEEDED, History()):
        ran = [s for d in item.week.days for s in d.sessions if s.kind == "run"]
        hard = sum(s.minutes for s in ran if s.purpose in ("speed", "hill", "threshold"))
        assert hard <= 0.25 * sum(s.minutes for s in ran), item.week


def test_every_taper_week_is_cut_from_the_peak_before_the_taper_began():
    """A marathon's race week looked back six weeks from itself, past the peak the taper
    started from, and asked for less than 40 % of it (found by the property test)."""
    first = date(2026, 1, 5)
    runner = RunnerInput(
        runner_type="recreational",
        week_start=first,
        days=tuple(Commitment(available=False, minutes=0) for _ in range(7)),
        race_date=date(2026, 2, 23),
        race_km=RACE_KM["marathon"],
    )
    history = History(
        weeks=(WeekDone(first - timedelta(weeks=1), planned=76, done=0),),
        runs=((first - timedelta(days=3), 20),),
    )
    tapering = [
        item
        for item in build_season(runner, SEEDED, history)
        if item.week.phase in ("taper", "race_week")
    ]
    # 59, 55 and 45 % of the 76 minutes before the taper, down to five minutes
    assert [item.target.run_minutes for item in tapering] == [40, 40, 30]
