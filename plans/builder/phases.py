"""The season: which phase a week is in, how long its runs are, and the return from injury."""

from __future__ import annotations

from datetime import date

from plans.builder.types import RunnerInput
from plans.builder.vocabulary import DAY_NAMES

MIN_RUN = 20
MIN_LONG_RUN = 40
RETURN_EASY_DAYS = 14
RETURN_STEADY_DAYS = 28
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


def phase_for(week_start: date, race_date: date | None) -> str:
    """The season phase of the week starting on week_start, counted back from the race."""
    if race_date is None or race_date < week_start:
        return "off_season"
    days_to_race = (race_date - week_start).days
    if days_to_race < 7:
        return "race_week"
    if days_to_race < 21:
        return "taper"
    if days_to_race < 42:
        return "peak"
    if days_to_race < 84:
        return "build"
    return "base"


def is_injured(runner: RunnerInput) -> bool:
    """An injury not yet cleared by the start of the week."""
    cleared = runner.injury_cleared_on
    return runner.injury is not None and (cleared is None or cleared > runner.week_start)


def return_stage(runner: RunnerInput) -> int:
    """0 when training as usual; 1 in the first fortnight back from injury, 2 in the second."""
    cleared = runner.injury_cleared_on
    if is_injured(runner) or cleared is None:
        return 0
    days_back = (runner.week_start - cleared).days
    if days_back < RETURN_EASY_DAYS:
        return 1
    return 2 if days_back < RETURN_STEADY_DAYS else 0


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
    if race_date is None or phase == "off_season":
        if race_date is not None:
            return "Your race is behind you: off-season, with more cross-training."
        return "Off-season (no race planned): more cross-training this week."
    days_away = (race_date - week_start).days
    if phase == "race_week":
        return (
            f"Race week: your race is on {DAY_NAMES[race_date.weekday()]}. Runs are short and "
            "easy, strength is light, and nothing is planned from the day before the race."
        )
    if phase == "taper":
        return (
            f"Taper: your race is {days_away} days away. Runs are shorter and strength work "
            "is lighter."
        )
    return f"{phase.capitalize()} phase: {days_away // 7} weeks to your race."


def return_note(stage: int) -> str:
    if stage == 1:
        return "Back from injury: this week holds at most two short easy runs."
    return "Back from injury: easy and long runs only for now, no speed or hills."
