"""The season: how much running each week from this week to race day holds, and why.

Pure Python like the rest of the builder: what the runner did lately comes in as data
(`History`), and the same inputs always give the same season.

Rules this module decides (the planner then fits the week into the runner's days, so
availability still caps everything: a target is a ceiling, never a demand):
- Level: the running minutes of a full (load) week. It rises by at most 10 % a week over the
  last full week's plan, up to a peak by race distance and runner type; without a race it
  holds where the runner is (a steady maintenance season).
- A lighter week (25 % less than the level) at least every fourth week: counted back from the
  taper with a race (the week before the taper is always a full one), by the calendar without.
  The 10 % rise is counted from the last full week, so the week after a lighter one comes back
  to the level and at most 10 % over it.
- No run more than 10 % longer than the longest run of the previous 30 days (Frandsen et al.,
  BJSM 2025), never under the 20-minute shortest run; the long run is also capped by the race
  distance (5 km 75 minutes, 10 km 90, half marathon 135, marathon 180; no race 90).
- At least 75 % of the running is easy: the planner keeps hard runs (speed, hill, threshold) to
  at most a quarter of each week's minutes.
- The taper by race distance: 5 and 10 km taper in race week only, a half marathon the week
  before too, a marathon (or an unknown distance) the two weeks before. Taper weeks cut the
  volume by 41-60 % of the peak (Bosquet 2007: 59 %, 55 %, then 45 % in race week, so race
  week is well under 70 % of the peak) and keep their speed run: same sharpness, less running.
  Strength follows the phases' taper rules.
- It bends: when last week's done running fell under 70 % of its plan, the week holds the
  level instead of rising. A missed long run is not made up (nothing carries over). After a
  week with no running planned, an injury, its return (whose gradual rules in `phases` still
  apply) or a pause, the level restarts from what the runner ran last week (at least an hour),
  not from where the plan was.
- Each week says why it is as it is in one or two plain lines.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date, timedelta

from plans.builder.phases import (
    MIN_RUN,
    TAPER_PHASES,
    is_injured,
    phase_for,
    return_stage,
    taper_weeks,
)
from plans.builder.types import RunnerInput, Week, WeekTarget

RACE_KM = {"5k": 5.0, "10k": 10.0, "half": 21.0975, "marathon": 42.195}
GROWTH = 1.10
LONGEST_GROWTH = 1.10
LONGEST_WINDOW_DAYS = 30
HOLD_BELOW = 0.70
LIGHTER_SHARE = 0.75
LIGHTER_EVERY = 4
# Share of the peak by weeks before race day (0: race week).
TAPER_SHARES = {0: 0.45, 1: 0.55, 2: 0.59}
# Long-run caps in minutes by race distance (km up to).
LONG_RUN_CAPS = ((5.0, 75), (10.0, 90), (21.1, 135))
MARATHON_LONG_RUN_CAP = 180
NO_RACE_LONG_RUN_CAP = 90
# The highest level by runner type and race distance (km up to).
PEAKS = {
    "recreational": ((5.0, 180), (10.0, 210), (21.1, 270), (99.0, 360)),
    "competitive": ((5.0, 270), (10.0, 300), (21.1, 390), (99.0, 480)),
}
START_LEVEL = {"recreational": 120, "competitive": 180}
START_LONGEST = {"recreational": 50, "competitive": 60}
RESTART_FLOOR = 60
MAINTENANCE_WEEKS = 12
PEAK_LOOKBACK_WEEKS = 6  # the Django side reads as many weeks of history
SEASON_MAX_WEEKS = 52
LOAD_PHASES = ("off_season", "base", "build", "peak")


@dataclass(frozen=True)
class WeekDone:
    """One past week: the running minutes planned and done."""

    week_start: date
    planned: int
    done: int
    partial: bool = False  # planned from a later day (a runner who joined mid-week)


@dataclass(frozen=True)
class History:
    """What the runner ran before the week being planned: weeks (any order, gaps allowed) and
    dated long runs (at least the longest of the previous 30 days)."""

    weeks: tuple[WeekDone, ...] = ()
    runs: tuple[tuple[date, int], ...] = ()
    hard_days: tuple[date, ...] = ()  # days of hard runs (speed, hill, threshold)

    def week(self, week_start: date) -> WeekDone | None:
        return next((w for w in self.weeks if w.week_start == week_start), None)

    def longest_before(self, day: date) -> int | None:
        since = day - timedelta(days=LONGEST_WINDOW_DAYS)
        recent = [minutes for ran_on, minutes in self.runs if since <= ran_on < day]
        return max(recent, default=None)

    def plus(
        self, week: WeekDone, longest: tuple[date, int] | None, hard_days: tuple[date, ...]
    ) -> History:
        return History(
            weeks=(*self.weeks, week),
            runs=(*self.runs, longest) if longest else self.runs,
            hard_days=(*self.hard_days, *hard_days),
        )


@dataclass(frozen=True)
class SeasonWeek:
    week: Week
    target: WeekTarget

    @property
    def run_minutes(self) -> int:
        return run_minutes(self.week)

    @property
    def long_run(self) -> int:
        return longest_run(self.week)


def run_minutes(week: Week) -> int:
    return sum(s.minutes for d in week.days for s in d.sessions if s.kind == "run")


def longest_run(week: Week) -> int:
    return max((s.minutes for d in week.days for s in d.sessions if s.kind == "run"), default=0)


def longest_run_on(week: Week) -> tuple[date, int] | None:
    """The week's longest run and its day (the later day when two tie): the 30-day window
    that caps the next runs counts from that day."""
    runs = [(s.minutes, d.date) for d in week.days for s in d.sessions if s.kind == "run"]
    if not runs:
        return None
    minutes, day = max(runs)
    return day, minutes


HARD_PURPOSES = ("speed", "hill", "threshold")


def hard_days(week: Week) -> tuple[date, ...]:
    return tuple(
        day.date
        for day in week.days
        if any(s.kind == "run" and s.purpose in HARD_PURPOSES for s in day.sessions)
    )


def race_km(distance: str | None, km: float | None = None) -> float | None:
    """A goal's distance in km: a named distance or the number given."""
    if distance in RACE_KM:
        return RACE_KM[distance]
    return km


def long_run_cap(km: float | None) -> int:
    if km is None:
        return NO_RACE_LONG_RUN_CAP
    return next((cap for up_to, cap in LONG_RUN_CAPS if km <= up_to), MARATHON_LONG_RUN_CAP)


def peak_level(runner_type: str, km: float | None) -> int:
    caps = PEAKS[runner_type]
    return next((cap for up_to, cap in caps if (km or 0) <= up_to), caps[-1][1])


def is_lighter(week_start: date, race_date: date | None, km: float | None) -> bool:
    """A planned lighter week: every fourth week counted back from the taper (the week just
    before it is always a full one); by the calendar when there is no race ahead."""
    phase = phase_for(week_start, race_date, km)
    if phase in TAPER_PHASES:
        return False
    if race_date is None or phase == "off_season":
        return (week_start.toordinal() // 7) % LIGHTER_EVERY == LIGHTER_EVERY - 1
    weeks_before_taper = (race_date - week_start).days // 7 - taper_weeks(km)
    return weeks_before_taper % LIGHTER_EVERY == 0


def _round5(minutes: float) -> int:
    return int(minutes) // 5 * 5


def _load_weeks(runner: RunnerInput, history: History) -> list[WeekDone]:
    """Full weeks before this one, latest first."""
    earlier = sorted(
        (w for w in history.weeks if w.week_start < runner.week_start),
        key=lambda w: w.week_start,
        reverse=True,
    )
    return [
        w
        for w in earlier
        if w.planned > 0
        and not w.partial
        and phase_for(w.week_start, runner.race_date, runner.race_km) in LOAD_PHASES
        and not is_lighter(w.week_start, runner.race_date, runner.race_km)
    ]


def _was_off(runner: RunnerInput, week_start: date) -> bool:
    """The week starting on week_start was injured, returning from injury or paused."""
    before = replace(runner, week_start=week_start)
    week_end = week_start + timedelta(days=6)
    paused = any(first <= week_end and last >= week_start for first, last in runner.paused)
    return paused or is_injured(before) or bool(return_stage(before))


def _last_week(runner: RunnerInput, history: History) -> WeekDone | None:
    """Last week as run; a week off with no run at all counts as nothing planned."""
    monday = runner.week_start - timedelta(days=7)
    last = history.week(monday)
    if last is None and _was_off(runner, monday):
        return WeekDone(monday, planned=0, done=0)
    return last


def _restarts(runner: RunnerInput, last: WeekDone | None) -> bool:
    """Last week had no running planned, or was injured, returning or paused."""
    if last is None:
        return False
    return last.planned == 0 or _was_off(runner, last.week_start)


def _level(runner: RunnerInput, history: History) -> tuple[int, str]:
    """The level of a full week and the line that says why."""
    last = _last_week(runner, history)
    loads = _load_weeks(runner, history)
    peak = peak_level(runner.runner_type, runner.race_km)
    if _restarts(runner, last):
        assert last is not None
        level = max(RESTART_FLOOR, _round5(last.done))
        return level, f"Rebuilding from what you ran last week ({last.done} min), step by step."
    if not loads:
        return START_LEVEL[runner.runner_type], "Starting gently: this is where your season begins."
    level = loads[0].planned
    if last is not None and last.planned > 0 and last.done < HOLD_BELOW * last.planned:
        return level, "Holding steady: last week's running was short."
    if runner.race_date is None or runner.race_date < runner.week_start:
        return level, "A steady week: with no race ahead, your running holds where it is."
    if level >= peak:
        return level, "Holding at your peak running for this race."
    grown = min(peak, max(level, _round5(level * GROWTH)))
    return grown, "Building: a little more running than your last full week."


def _last_full(runner: RunnerInput, history: History, level: int) -> int:
    """The last full week's plan (the level when there is none yet)."""
    loads = _load_weeks(runner, history)
    return loads[0].planned if loads else level


def _peak(runner: RunnerInput, history: History, level: int) -> int:
    """The most running of a full week in the six weeks before runner.week_start (the level
    without one)."""
    since = runner.week_start - timedelta(weeks=PEAK_LOOKBACK_WEEKS)
    loads = [w.planned for w in _load_weeks(runner, history) if w.week_start >= since]
    return max(loads, default=level)


def _longest(runner: RunnerInput, history: History) -> int:
    recent = history.longest_before(runner.week_start)
    grown = START_LONGEST[runner.runner_type] if recent is None else recent * LONGEST_GROWTH
    # To the minute, not to five: 30 minutes may grow to 33, where 30 would never grow.
    return max(MIN_RUN, int(min(grown, long_run_cap(runner.race_km))))


def week_target(runner: RunnerInput, history: History) -> WeekTarget:
    """The season's ask of the week starting on runner.week_start."""
    phase = phase_for(runner.week_start, runner.race_date, runner.race_km)
    level, why = _level(runner, history)
    longest = _longest(runner, history)
    if phase in TAPER_PHASES and runner.race_date is not None:
        weeks_to_race = (runner.race_date - runner.week_start).days // 7
        share = TAPER_SHARES.get(weeks_to_race, TAPER_SHARES[max(TAPER_SHARES)])
        # Every week of the taper is cut from the same peak: the one before the taper began.
        taper_start = runner.week_start - timedelta(
            weeks=taper_weeks(runner.race_km) - weeks_to_race
        )
        peak = _peak(replace(runner, week_start=taper_start), history, level)
        minutes = _round5(peak * share)
        line = (
            "Race week: short and easy, so you start fresh."
            if phase == "race_week"
            else "Taper: less running, same sharpness."
        )
        return WeekTarget(run_minutes=minutes, longest_run=longest, why=(line,))
    if is_lighter(runner.week_start, runner.race_date, runner.race_km):
        full = _last_full(runner, history, level)
        return WeekTarget(
            run_minutes=_round5(min(level, full) * LIGHTER_SHARE),
            longest_run=longest,
            lighter=True,
            why=("A lighter week to absorb the last three.",),
        )
    return WeekTarget(run_minutes=level, longest_run=longest, why=(why,))


def season_length(runner: RunnerInput) -> int:
    """Weeks from runner.week_start to race week; a maintenance season without a race."""
    if runner.race_date is None or runner.race_date < runner.week_start:
        return MAINTENANCE_WEEKS
    return min(SEASON_MAX_WEEKS, (runner.race_date - runner.week_start).days // 7 + 1)
