"""The season: which phase a week is in, how long its runs are, and the return from injury."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from plans.builder.types import RunnerInput
from plans.builder.vocabulary import DAY_NAMES, MONTHS

MIN_RUN = 20
MIN_LONG_RUN = 40
# How long the return to running lasts, by how long the injury lasted (in days): the days of
# stage 1 (two short easy runs) and of the whole return, both counted from the clearing day.
LIGHT_RETURN_BELOW = 7  # a few days off: one lighter week, stage 2 only
SHORT_RETURN_UP_TO = 21  # up to three weeks off: a week of each stage
LIGHT_RETURN = (0, 7)
SHORT_RETURN = (7, 14)
FULL_RETURN = (14, 28)
RETURN_EASY_RUN_MAX = 30
RETURN_LONG_RUN_MAX = 60

QUALITY_BY_PHASE: dict[str, tuple[str, ...]] = {
    "off_season": (),
    "base": ("hill",),
    "build": ("speed", "hill"),
    "peak": ("speed", "hill"),
    "taper": ("speed",),
    "race_week": (),
}
# Minutes of running by purpose; the long run grows with the phase.
RUN_MINUTES = {
    "recreational": {"easy": 30, "speed": 35, "hill": 35},
    "competitive": {"easy": 40, "speed": 45, "hill": 45},
}
LONG_RUN_MINUTES = {
    "recreational": {"off_season": 50, "base": 60, "build": 75, "peak": 90, "taper": 60},
    "competitive": {"off_season": 60, "base": 75, "build": 90, "peak": 105, "taper": 75},
}
# Strength only goes down in these phases: fewer moves, one set fewer.
TAPER_PHASES = ("taper", "race_week")
TAPER_RUN_SHARE = 0.75
RACE_WEEK_RUN_MAX = 25


# Taper weeks before race week, by race distance (km up to): 5 and 10 km taper in race week
# only, a half marathon one week before it, a marathon (or an unknown distance) two.
TAPER_WEEKS_BY_KM = ((10.0, 0), (21.1, 1))
LONG_TAPER_WEEKS = 2
PEAK_WEEKS = 3
BUILD_WEEKS = 6


def taper_weeks(race_km: float | None) -> int:
    """Taper weeks before race week for a race of race_km (None: unknown)."""
    if race_km is None:
        return LONG_TAPER_WEEKS
    for up_to, weeks in TAPER_WEEKS_BY_KM:
        if race_km <= up_to:
            return weeks
    return LONG_TAPER_WEEKS


def phase_for(week_start: date, race_date: date | None, race_km: float | None = None) -> str:
    """The season phase of the week starting on week_start, counted back from the race: race
    week, the taper (by race distance), three weeks of peak, six of build, base before."""
    if race_date is None or race_date < week_start:
        return "off_season"
    weeks_to_race = (race_date - week_start).days // 7
    taper = taper_weeks(race_km)
    if weeks_to_race == 0:
        return "race_week"
    if weeks_to_race <= taper:
        return "taper"
    if weeks_to_race <= taper + PEAK_WEEKS:
        return "peak"
    if weeks_to_race <= taper + PEAK_WEEKS + BUILD_WEEKS:
        return "build"
    return "base"


def is_injured(runner: RunnerInput) -> bool:
    """An injury not yet cleared by the start of the week."""
    cleared = runner.injury_cleared_on
    return runner.injury is not None and (cleared is None or cleared > runner.week_start)


@dataclass(frozen=True)
class ReturnBlock:
    """The way back to running after an injury cleared on `cleared_on`.

    Stages are counted in days from the clearing day, and a week takes the stage its Monday
    falls in (the week of the clearing, the first stage the block has): stage 1 for the first
    `easy_days`, stage 2 until `total_days`.
    """

    cleared_on: date
    easy_days: int
    total_days: int

    def stage(self, week_start: date) -> int:
        days_back = max(0, (week_start - self.cleared_on).days)
        if days_back < self.easy_days:
            return 1
        return 2 if days_back < self.total_days else 0

    @property
    def easy_until(self) -> date | None:
        """The Sunday that ends the last week of stage 1, if the block has one."""
        return _last_sunday(self.cleared_on, self.easy_days) if self.easy_days else None

    @property
    def ends_on(self) -> date:
        """The Sunday that ends the block's last week."""
        return _last_sunday(self.cleared_on, self.total_days)


def _last_sunday(cleared_on: date, days: int) -> date:
    last_monday = cleared_on + timedelta(days=days - 1)
    return last_monday + timedelta(days=6 - last_monday.weekday())


def return_block(
    *, cleared_on: date | None, injury_days: int | None, was_nothing: bool
) -> ReturnBlock | None:
    """The return after an injury of `injury_days` (None: unknown, so the full return)."""
    if cleared_on is None or was_nothing:
        return None
    if injury_days is None or injury_days > SHORT_RETURN_UP_TO:
        easy_days, total_days = FULL_RETURN
    elif injury_days < LIGHT_RETURN_BELOW:
        easy_days, total_days = LIGHT_RETURN
    else:
        easy_days, total_days = SHORT_RETURN
    return ReturnBlock(cleared_on, easy_days, total_days)


def return_stage(runner: RunnerInput) -> int:
    """0 when training as usual; 1 in the first part of the return from injury (two short easy
    runs), 2 in the second (no speed or hills, a shorter long run)."""
    if is_injured(runner):
        return 0
    block = return_block(
        cleared_on=runner.injury_cleared_on,
        injury_days=runner.injury_days,
        was_nothing=runner.injury_was_nothing,
    )
    return block.stage(runner.week_start) if block else 0


def quality_purposes(phase: str, stage: int) -> tuple[str, ...]:
    """The harder runs a week holds besides its long run, in the order they are placed."""
    if stage == 1:
        return ()
    quality = QUALITY_BY_PHASE[phase]
    if stage == 2:
        return tuple(p for p in quality if p not in ("speed", "hill"))
    return quality


def run_target(runner_type: str, purpose: str, phase: str, stage: int) -> int:
    """The minutes a run of this purpose aims for, before the day's budget has its say."""
    if purpose == "long":
        by_phase = LONG_RUN_MINUTES[runner_type]
        target = by_phase.get(phase, by_phase["base"])
    else:
        target = RUN_MINUTES[runner_type][purpose]
    if phase == "taper":
        target = int(target * TAPER_RUN_SHARE)
    elif phase == "race_week":
        target = min(target, RACE_WEEK_RUN_MAX)
    if stage == 1:
        target = min(target, RETURN_EASY_RUN_MAX)
    elif stage == 2 and purpose == "long":
        target = min(target, RETURN_LONG_RUN_MAX)
    return max(MIN_LONG_RUN if purpose == "long" else MIN_RUN, target // 5 * 5)


def phase_note(phase: str, week_start: date, race_date: date | None) -> str:
    """The week's first note. It names the race day rather than counting down to it: the
    note is read on every day of the week, and a count from Monday is wrong by Thursday."""
    if race_date is None or phase == "off_season":
        if race_date is not None:
            return "Your race is behind you: off-season, with more cross-training."
        return "Off-season (no race planned): more cross-training this week."
    race_day = f"{DAY_NAMES[race_date.weekday()]} {race_date.day} {MONTHS[race_date.month - 1]}"
    if phase == "race_week":
        return (
            f"Race week: your race is on {race_day}. Runs are short and easy, strength is "
            "light, and nothing is planned from the day before the race."
        )
    if phase == "taper":
        return f"Taper: your race is on {race_day}. Runs are shorter and strength work is lighter."
    return f"{phase.capitalize()} phase: your race is on {race_day}."


def return_note(stage: int) -> str:
    if stage == 1:
        return "Back from injury: this week holds at most two short easy runs."
    return "Back from injury: easy and long runs only for now, no speed or hills."
