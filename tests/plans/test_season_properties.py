"""Each rule of the season as a property over generated runners and whole seasons (8-30
weeks to the race), on the real seeded library."""

from dataclasses import replace
from datetime import date, timedelta

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from plans.builder import (
    RACE_KM,
    Commitment,
    History,
    RunnerInput,
    SeasonWeek,
    WeekDone,
    build_season,
    day_budget,
    phase_for,
    run_minutes,
    week_target,
)
from plans.builder.season import (
    HOLD_BELOW,
    LIGHTER_EVERY,
    is_lighter,
    long_run_cap,
)
from tests.plans.seeded import SEEDED

FIRST_MONDAY = date(2026, 1, 5)
HARD = ("speed", "hill", "threshold")
rule = settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])

days = st.builds(
    Commitment,
    available=st.booleans(),
    minutes=st.sampled_from([0, 30, 45, 60, 75, 90, 120, 150]),
)


@st.composite
def seasons(draw: st.DrawFn) -> tuple[RunnerInput, History, tuple[SeasonWeek, ...]]:
    """A runner 8-30 weeks from a race of any distance, with or without a past, and the
    season the builder plans for them."""
    week_start = FIRST_MONDAY + timedelta(weeks=draw(st.integers(0, 100)))
    weeks = draw(st.integers(8, 30))
    runner = RunnerInput(
        runner_type=draw(st.sampled_from(["recreational", "competitive"])),
        week_start=week_start,
        days=tuple(draw(st.lists(days, min_size=7, max_size=7))),
        long_run_day=draw(st.integers(0, 6)),
        race_date=week_start + timedelta(weeks=weeks - 1, days=draw(st.integers(0, 6))),
        race_km=draw(st.sampled_from([*RACE_KM.values(), 15.0, 50.0])),
    )
    history = draw(histories(week_start))
    return runner, history, build_season(runner, SEEDED, history)


@st.composite
def histories(draw: st.DrawFn, week_start: date) -> History:
    if not draw(st.booleans()):
        return History()
    planned = draw(st.lists(st.integers(0, 400), min_size=1, max_size=6))
    weeks = tuple(
        WeekDone(
            week_start - timedelta(weeks=len(planned) - offset),
            planned=minutes,
            done=draw(st.integers(0, minutes + 30)),
        )
        for offset, minutes in enumerate(planned)
    )
    longest = draw(st.integers(20, 200))
    return History(weeks=weeks, runs=((week_start - timedelta(days=3), longest),))


def runs(item: SeasonWeek) -> list[tuple[date, str, int]]:
    return [
        (day.date, session.purpose or "", session.minutes)
        for day in item.week.days
        for session in day.sessions
        if session.kind == "run"
    ]


def is_full(runner: RunnerInput, item: SeasonWeek) -> bool:
    phase = phase_for(item.week.week_start, runner.race_date, runner.race_km)
    return not item.target.lighter and phase not in ("taper", "race_week")


def is_full_past(runner: RunnerInput, week: WeekDone) -> bool:
    phase = phase_for(week.week_start, runner.race_date, runner.race_km)
    lighter = is_lighter(week.week_start, runner.race_date, runner.race_km)
    return week.planned > 0 and not lighter and phase not in ("taper", "race_week")


@rule
@given(seasons())
def test_weekly_running_rises_at_most_ten_percent_over_the_last_full_week(season):
    runner, _, weeks = season
    last_full = None
    for item in weeks:
        if last_full is not None and is_full(runner, item):
            assert item.run_minutes <= max(last_full * 1.1, runner_floor(item))
        if is_full(runner, item) and item.run_minutes:
            last_full = item.run_minutes


def runner_floor(item: SeasonWeek) -> int:
    """A restart after a week with nothing planned starts from an hour at most."""
    return 60 if item.target.why[0].startswith("Rebuilding") else 0


@rule
@given(seasons())
def test_a_lighter_week_comes_at_least_every_fourth_week_and_is_a_quarter_lighter(season):
    runner, _, weeks = season
    full_in_a_row = 0
    last_full = None
    for item in weeks:
        phase = item.week.phase
        if phase in ("taper", "race_week"):
            break
        if item.target.lighter:
            full_in_a_row = 0
            if last_full:
                assert item.target.run_minutes <= 0.8 * last_full
                assert item.run_minutes <= 0.8 * last_full
        else:
            full_in_a_row += 1
            assert full_in_a_row < LIGHTER_EVERY
            last_full = item.run_minutes or last_full


@rule
@given(seasons())
def test_no_run_is_more_than_ten_percent_longer_than_the_longest_of_the_last_30_days(season):
    runner, history, weeks = season
    done = list(history.runs)
    for item in weeks:
        since = item.week.week_start - timedelta(days=30)
        recent = [minutes for day, minutes in done if since <= day < item.week.week_start]
        for _, _, minutes in runs(item):
            if recent:
                assert minutes <= max(20, max(recent) * 1.1)
        done += [(day, minutes) for day, _, minutes in runs(item)]


@rule
@given(seasons())
def test_the_long_run_is_capped_by_the_race_distance(season):
    runner, _, weeks = season
    cap = long_run_cap(runner.race_km)
    assert all(minutes <= cap for item in weeks for _, _, minutes in runs(item))


@rule
@given(seasons())
def test_at_least_three_quarters_of_the_running_is_easy(season):
    _, _, weeks = season
    for item in weeks:
        hard = sum(minutes for _, purpose, minutes in runs(item) if purpose in HARD)
        assert hard <= 0.25 * item.run_minutes
    total = sum(item.run_minutes for item in weeks)
    hard = sum(m for item in weeks for _, purpose, m in runs(item) if purpose in HARD)
    assert hard <= 0.25 * total


@rule
@given(seasons())
def test_the_taper_lasts_by_race_distance_and_cuts_volume_not_sharpness(season):
    runner, history, weeks = season
    km = runner.race_km
    assert km is not None
    expected = 1 if km <= 10 else 2 if km <= 21.1 else 3
    tapering = [item for item in weeks if item.week.phase in ("taper", "race_week")]
    assert len(tapering) == expected
    assert weeks[-1].week.phase == "race_week"
    # The peak: the most running of a full week in the six weeks before the taper, past
    # weeks included.
    since = tapering[0].week.week_start - timedelta(weeks=6)
    full = [w.planned for w in history.weeks if w.week_start >= since and is_full_past(runner, w)]
    full += [
        item.run_minutes
        for item in weeks
        if item.week.week_start >= since and is_full(runner, item) and item.run_minutes
    ]
    peak = max(full, default=0)
    if not peak:
        return
    for item in tapering:
        assert item.run_minutes <= 0.59 * peak  # at least 41 % less
        assert item.target.run_minutes >= 0.40 * peak - 5  # at most 60 % less (the ask)
    assert tapering[-1].run_minutes <= 0.7 * peak
    for item in tapering[:-1]:
        assert item.target.why == ("Taper: less running, same sharpness.",)


@rule
@given(seasons())
def test_availability_caps_every_day(season):
    runner, _, weeks = season
    for item in weeks:
        for index, day in enumerate(item.week.days):
            budget = day_budget(runner.days[index].minutes) if runner.days[index].available else 0
            assert day.minutes <= budget
        assert item.run_minutes <= item.target.run_minutes


@rule
@given(seasons())
def test_two_hard_runs_never_sit_on_consecutive_days(season):
    _, _, weeks = season
    hard_days = sorted(day for item in weeks for day, purpose, _ in runs(item) if purpose in HARD)
    assert all((b - a).days > 1 for a, b in zip(hard_days, hard_days[1:], strict=False))


@rule
@given(seasons())
def test_the_season_is_deterministic(season):
    runner, history, weeks = season
    assert build_season(runner, list(reversed(SEEDED)), history) == weeks


@st.composite
def last_weeks(draw: st.DrawFn) -> tuple[RunnerInput, History]:
    """A runner in a full week of their build, and how last week went."""
    week_start = FIRST_MONDAY + timedelta(weeks=draw(st.integers(0, 100)))
    race = week_start + timedelta(weeks=draw(st.sampled_from([10, 11, 14, 15, 18, 19])))
    runner = RunnerInput(
        runner_type=draw(st.sampled_from(["recreational", "competitive"])),
        week_start=week_start,
        days=tuple(Commitment(True, 90) for _ in range(7)),
        race_date=race,
        race_km=RACE_KM["half"],
    )
    planned = draw(st.integers(60, 300))
    done = draw(st.integers(0, 2 * planned))
    last = WeekDone(week_start - timedelta(weeks=1), planned=planned, done=done)
    return runner, History(weeks=(last,), runs=((week_start - timedelta(days=1), 60),))


@rule
@given(last_weeks())
def test_a_short_last_week_holds_rather_than_grows(case):
    runner, history = case
    (last,) = history.weeks
    target = week_target(runner, history)
    if is_lighter(runner.week_start, runner.race_date, runner.race_km):
        return
    if last.done < HOLD_BELOW * last.planned:
        assert target.run_minutes == last.planned
        assert target.why == ("Holding steady: last week's running was short.",)
    else:
        assert last.planned <= target.run_minutes <= last.planned * 1.1


@rule
@given(last_weeks(), st.integers(1, 6))
def test_a_missed_long_run_is_not_crammed_into_the_next_days(case, missed):
    """Whatever last week missed, this week asks no more than a normal week would."""
    runner, history = case
    (last,) = history.weeks
    normal = week_target(runner, replace(history, weeks=(replace(last, done=last.planned),)))
    short = week_target(runner, replace(history, weeks=(replace(last, done=0),)))
    assert short.run_minutes <= normal.run_minutes
    assert short.longest_run <= normal.longest_run
    week = build_season(runner, SEEDED, replace(history, weeks=(replace(last, done=0),)), 1)[0]
    assert run_minutes(week.week) <= normal.run_minutes


@rule
@given(last_weeks(), st.integers(0, 200))
def test_after_the_return_from_injury_volume_rebuilds_from_what_was_run(case, done):
    runner, history = case
    (last,) = history.weeks
    # Cleared five weeks ago after a long injury: the return (four weeks) ended last week.
    back = replace(
        runner,
        injury="knee",
        injury_cleared_on=runner.week_start - timedelta(weeks=4),
        injury_days=40,
    )
    ran = replace(history, weeks=(replace(last, done=done),))
    target = week_target(back, ran)
    if not is_lighter(runner.week_start, runner.race_date, runner.race_km):
        assert target.run_minutes == max(60, done // 5 * 5)
        assert target.why[0].startswith("Rebuilding from what you ran last week")
