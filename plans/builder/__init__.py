"""The weekly plan builder: a runner's snapshot and library entries in, one week out.

Pure Python: no Django, no clock, no randomness. Every tie is broken by an explicit order
(day index, then library slug), so the same inputs always give the same week.

Rules this module decides:
- Buffer: each day keeps at least 10 % of its minutes (and at least 5) free; what is left is
  rounded down to 5 minutes. Sessions never use more than that budget.
- Shortest useful sessions: a run is at least 20 minutes and always carries its 10-20 minute
  strength block, so a run day needs a 30-minute budget; a long run is at least 40 minutes;
  a cross-training activity is at least 20 minutes; a longer strength session 30-45 minutes.
- Mix: runs are placed first, on the days with room, spread apart, the long run on the
  preferred day (or, when that day is too short, on the roomiest day, with a note). One day is
  always left empty, so at most six days hold sessions. Cross-training days come from what is
  left. In-season a runner gets the most runs of their mix and the fewest cross-training days;
  off-season the fewest runs and the most cross-training days (race week and the second
  fortnight back from injury also take the fewest runs). When days run short the week holds
  fewer sessions and a note says so.
- Purposes: one long run (from two runs up, not in race week), then by phase: off-season none,
  base a hill run, build and peak a speed and a hill run (peak has the longest long run),
  taper one speed run, race week easy runs only. A week of three or more runs keeps at least
  one easy run.
- Post-run block after every run: 3-5 running-muscle strength moves of at most two sets,
  10-20 minutes estimated from sets x (reps x 3 s or the hold, both sides when per side) plus
  30 s rest per set.
- Two longer strength sessions (none in race week), mixing runner-specific moves with general
  ones (back, core, shoulders); they take the first and third cross-training days (an activity
  takes the second), then, outside the taper, any day with 30 spare minutes after its other
  sessions (an easy or hill run may be shortened, never below 20 minutes, to make room). A
  session holds up to 8 moves and is timed as a 5-minute warm-up, then its sets with 60 s of
  rest each (30-45 minutes).
- Leg-heavy moves and activities (downhill skiing) never sit on the day before a long or speed
  run (within the week), nor leg-heavy moves in a longer strength session the day after or
  before another one that has them.
- New activities (not in recent_activities) start small: a new cross-training activity lasts at
  most 20 minutes, a new strength move gets one set fewer. A harder variation (any move of a
  family but its easiest) waits until the runner has done a move of that family lately. The
  taper and race week take one set off every move and hold fewer moves (3 per block, 4 per
  session): strength only goes down.
- Injury mode (an injury not yet cleared by week_start): no runs; each run becomes low- or
  no-impact cross-training that suits the injured area and does not strain it (so does every
  other cross-training session); strength skips moves that strain it.
- Return to running (from injury_cleared_on), in two stages. Stage 1: at most two easy runs of
  up to 30 minutes. Stage 2: no speed or hill work, at most the fewest runs of the mix and a
  long run of up to 60 minutes. How long each lasts follows how long the injury lasted
  (injury_days), counted in days from the clearing day: cleared as "it was nothing", no return
  at all (the week of a runner never injured); under 7 days, stage 2 for 7 days; 7 to 21 days,
  stage 1 for 7 days, then stage 2 to day 14; longer, or unknown, stage 1 for 14 days, then
  stage 2 to day 28. A week takes the stage its Monday falls in (the week of the clearing, the
  block's first stage). A coach's template assigned over the return is held to the same
  limits (`eased_runs`): in stage 1 the first two runs of each week become easy runs of up to
  30 minutes; in stage 2 the long run (up to 60 minutes) and the earliest other runs up to the
  fewest of the mix stay, speed and hill runs becoming easy. Runs beyond the week's allowance
  are left out. The coach may choose to skip this.
- Plyometrics only when a coach allowed them; then one jump leads each post-run block that
  may hold leg-heavy work.
- Never: running-focused sports, equipment or places the runner lacks. Equipment and places on
  an entry are alternatives (any one will do; empty or "none" needs nothing; everyone has a
  home). A gym brings its machines, weights, balls, mats and bands; a pool its kickboards.
  Liked activities come first, then the lowest impact.
- Race week: the day before the race, the race day and the days after it stay free.
- A week planned from a later day (first_day, for a runner who joins mid-week) treats the days
  before it as not free, and its notes speak of the days left. Paused days are never free.
- A week target from the season (`season.week_target`: running minutes, the longest run, why
  lines) is a ceiling: the week's runs share its minutes (the long run first, five minutes at
  a time, none past the longest run), runs are dropped (easy ones first) when the minutes
  cannot give each its shortest length, and hard runs (speed, hill) keep to a quarter of the
  running, a hard run that cannot becoming easy. A long run shorter than 40 minutes is allowed
  when the season's longest run is shorter yet, so that it grows with it. The why lines lead
  the notes. Without a target the week is as the runner type and phase give it.
- Every run gets its structure once the week is placed (`workouts.run_structure`: warm-up,
  main set and cool-down adding up to its minutes, by purpose and phase) and, when the runner
  has pace zones (`paces`: Daniels' VDOT from a best effort), target paces and an estimated
  distance; without zones the steps go by effort (RPE) and there is no distance.
- Two hard runs never sit on consecutive days, nor on Monday after a hard Sunday
  (hard_day_before).
- The taper by race distance (race_km): 5 and 10 km race week only, a half marathon a week
  before it too, a marathon (or an unknown distance) two.

The package: `types` (input and output), `vocabulary`, `phases` (the phases and the return
from injury), `season` (how much running each week to race day holds, and why), `strength`
(who may do which move and how moves are picked), `placement` (the days of the week) and
`easing` (a coach's runs during the return from injury), `paces` (VDOT and pace zones) and
`workouts` (the steps inside a run). `build_week` plans one week;
`build_season` plans the weeks to race day, each from its season target.

Speed: the library is sorted once per library object, and strength picks are remembered by
everything they depend on, so a season (many weeks from one library) does not redo them.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import replace
from datetime import timedelta

from plans.builder.easing import CoachRun, eased_runs
from plans.builder.paces import PaceZones, pace_zones, range_text, vdot_from_race, zones_from_race
from plans.builder.phases import (
    RETURN_EASY_RUN_MAX,
    RETURN_LONG_RUN_MAX,
    ReturnBlock,
    phase_for,
    return_block,
)
from plans.builder.placement import MIX, Planner, day_budget
from plans.builder.season import (
    RACE_KM,
    History,
    SeasonWeek,
    WeekDone,
    hard_days,
    longest_run,
    longest_run_on,
    race_km,
    run_minutes,
    season_length,
    week_target,
)
from plans.builder.strength import RUNNING_MUSCLES
from plans.builder.types import (
    Commitment,
    Day,
    LibraryEntry,
    Prescription,
    RunnerInput,
    Session,
    Week,
    WeekTarget,
)
from plans.builder.vocabulary import (
    ACTIVITIES,
    DAY_KEYS,
    DAY_NAMES,
    EQUIPMENT,
    IMPACTS,
    INJURY_AREAS,
    KINDS,
    MUSCLES,
    PLACES,
    RUNNER_TYPES,
)
from plans.builder.workouts import Step, estimated_km, run_structure

__all__ = [
    "ACTIVITIES",
    "DAY_KEYS",
    "DAY_NAMES",
    "EQUIPMENT",
    "IMPACTS",
    "INJURY_AREAS",
    "KINDS",
    "MIX",
    "MUSCLES",
    "PLACES",
    "RETURN_EASY_RUN_MAX",
    "RETURN_LONG_RUN_MAX",
    "RUNNER_TYPES",
    "RUNNING_MUSCLES",
    "RACE_KM",
    "CoachRun",
    "Commitment",
    "Day",
    "History",
    "LibraryEntry",
    "PaceZones",
    "Prescription",
    "ReturnBlock",
    "RunnerInput",
    "SeasonWeek",
    "Session",
    "Step",
    "Week",
    "WeekDone",
    "WeekTarget",
    "build_season",
    "build_week",
    "day_budget",
    "eased_runs",
    "estimated_km",
    "longest_run",
    "longest_run_on",
    "pace_zones",
    "phase_for",
    "race_km",
    "range_text",
    "return_block",
    "run_minutes",
    "run_structure",
    "season_length",
    "structured_run",
    "vdot_from_race",
    "week_target",
    "zones_from_race",
]


def build_week(runner: RunnerInput, library: Sequence[LibraryEntry]) -> Week:
    """Plan the week starting on runner.week_start."""
    _validate(runner)
    return _with_structures(Planner(runner, library).week(), runner.paces)


def structured_run(session: Session, phase: str, paces: PaceZones | None) -> Session:
    """A run with its steps and estimated distance (anything else as it is)."""
    if session.kind != "run":
        return session
    steps = run_structure(session.purpose or "easy", session.minutes, phase, paces)
    return replace(session, structure=steps, distance_km=estimated_km(steps, paces))


def _with_structures(week: Week, paces: PaceZones | None) -> Week:
    """Runs get their structure after placement, so that whatever sets their minutes first
    (placement, trimming for strength) is what the steps add up to."""
    days = tuple(
        replace(day, sessions=tuple(structured_run(s, week.phase, paces) for s in day.sessions))
        for day in week.days
    )
    return replace(week, days=days)


def build_season(
    runner: RunnerInput,
    library: Sequence[LibraryEntry],
    history: History,
    weeks: int | None = None,
) -> tuple[SeasonWeek, ...]:
    """Plan `weeks` weeks (default: to race week, or a maintenance season) from
    runner.week_start, each from its season target; weeks ahead count as done as planned."""
    _validate(runner)
    season = []
    for offset in range(weeks or season_length(runner)):
        week_runner = replace(
            runner,
            week_start=runner.week_start + timedelta(weeks=offset),
            first_day=runner.first_day if offset == 0 else 0,
            target=None,
        )
        monday = week_runner.week_start
        if monday - timedelta(days=1) in history.hard_days:
            week_runner = replace(week_runner, hard_day_before=True)
        target = week_target(week_runner, history)
        week = _with_structures(
            Planner(replace(week_runner, target=target), library).week(), runner.paces
        )
        planned = run_minutes(week)
        history = history.plus(
            WeekDone(
                week.week_start, planned=planned, done=planned, partial=week_runner.first_day > 0
            ),
            longest_run_on(week),
            hard_days(week),
        )
        season.append(SeasonWeek(week=week, target=target))
    return tuple(season)


def _validate(runner: RunnerInput) -> None:
    problems = []
    if runner.runner_type not in RUNNER_TYPES:
        problems.append(f"Runner type must be one of {', '.join(RUNNER_TYPES)}.")
    if runner.week_start.weekday() != 0:
        problems.append("The week must start on a Monday.")
    if len(runner.days) != 7:
        problems.append("Give exactly seven days, Monday to Sunday.")
    elif any(not 0 <= day.minutes <= 24 * 60 for day in runner.days):
        problems.append("Minutes a day must be between 0 and 1440.")
    if not 0 <= runner.long_run_day <= 6:
        problems.append("The long-run day must be a weekday from 0 (Monday) to 6 (Sunday).")
    if not 0 <= runner.first_day <= 6:
        problems.append("The first day must be a weekday from 0 (Monday) to 6 (Sunday).")
    if runner.race_km is not None and not 0 < runner.race_km <= 1000:
        problems.append("A race distance must be between 0 and 1000 km.")
    if any(last < first for first, last in runner.paused):
        problems.append("A pause cannot end before it starts.")
    if runner.injury is not None and runner.injury not in INJURY_AREAS:
        problems.append(f"Injury must be one of {', '.join(INJURY_AREAS)}.")
    if runner.injury_days is not None and runner.injury_days < 0:
        problems.append("An injury cannot last fewer than 0 days.")
    _check_words(problems, "liked activity", runner.likes, ACTIVITIES)
    _check_words(problems, "equipment", runner.equipment, EQUIPMENT)
    _check_words(problems, "place", runner.places, PLACES)
    if problems:
        raise ValueError(" ".join(problems))


def _check_words(
    problems: list[str], label: str, given: Iterable[str], known: tuple[str, ...]
) -> None:
    unknown = sorted(set(given) - set(known))
    if unknown:
        problems.append(f"Unknown {label}: {', '.join(unknown)}.")
