"""What a run holds: warm-up, main set and cool-down, in steps with target paces.

Rules:
- The steps' minutes x repeat add up to the run's minutes, exactly.
- A run under 20 minutes is one easy step. Easy runs are steady easy running. Long runs are
  easy running; in the build and peak phases a long run of an hour or more finishes with
  steady marathon-pace minutes (a quarter of the run, 15 at most in the build, 20 at the peak).
- Speed runs warm up and cool down easy (10 minutes each from 40 minutes up, 5 below) and
  by phase hold: base and off-season, 1-minute repetitions with 2-minute jogs (up to 8);
  build, 3 minutes at interval pace with 2-minute jogs (up to 6); peak, one threshold block
  of up to 20 minutes; taper and race week, a shorter sharpening set of 2-minute intervals
  with 2-minute jogs (up to 4). Minutes the set leaves go to the warm-up and cool-down.
- Hill runs warm up and cool down the same way and hold 1-minute hill repeats, each with a
  2-minute jog back down (up to 10).
- Paces come from the runner's zones (long runs and warm-ups at easy pace, jogs slower than
  easy); hill repeats go by effort, since the slope sets the pace. Without zones no step has
  a pace and the effort words and RPE say how hard.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from plans.builder.paces import PaceRange, PaceZones

PARTS = ("warm-up", "main", "recovery", "cool-down")
STEP_ZONES = ("easy", "long", "marathon", "threshold", "interval", "repetition", "hill", "recovery")
EFFORTS = {  # how a step feels, for runs without paces
    "easy": "conversational, RPE 3–4",
    "long": "conversational, RPE 3–4",
    "marathon": "steady, RPE 5–6",
    "threshold": "comfortably hard, RPE 7",
    "interval": "hard, RPE 8",
    "repetition": "fast but relaxed, RPE 8–9",
    "hill": "hard, RPE 8",
    "recovery": "very easy, RPE 2",
}
SHORTEST_STRUCTURED = 20
LONG_WARM_UP_FROM = 40
LONG_FINISH_FROM = 60
LONG_FINISH_MAX = {"build": 15, "peak": 20}
RECOVERY_SLOWER = 1.10  # a jog between repeats: up to a tenth slower than easy

# (work minutes, jog minutes, most repeats, zone) of a speed run's set, by phase.
SPEED_SETS = {
    "off_season": (1, 2, 8, "repetition"),
    "base": (1, 2, 8, "repetition"),
    "build": (3, 2, 6, "interval"),
    "taper": (2, 2, 4, "interval"),
    "race_week": (2, 2, 4, "interval"),
}
THRESHOLD_BLOCK_MAX = 20
HILL_SET = (1, 2, 10, "hill")


@dataclass(frozen=True)
class Step:
    part: str
    minutes: int
    repeat: int
    zone: str
    pace: PaceRange | None = None

    @property
    def total_minutes(self) -> int:
        return self.minutes * self.repeat


def run_structure(
    purpose: str, minutes: int, phase: str, paces: PaceZones | None
) -> tuple[Step, ...]:
    """The steps of a run of `purpose` lasting `minutes` in `phase`."""
    if minutes < SHORTEST_STRUCTURED or purpose == "easy":
        plan = [("main", minutes, 1, "easy")]
    elif purpose == "long":
        plan = _long_run(minutes, phase)
    elif purpose == "hill":
        plan = _with_set(minutes, HILL_SET)
    elif purpose == "speed" and phase == "peak":
        plan = _threshold_run(minutes)
    elif purpose == "speed":
        plan = _with_set(minutes, SPEED_SETS.get(phase, SPEED_SETS["build"]))
    else:
        plan = [("main", minutes, 1, "easy")]
    return tuple(
        Step(part, length, repeat, zone, step_pace(zone, paces))
        for part, length, repeat, zone in plan
        if length > 0
    )


_Plan = list[tuple[str, int, int, str]]


def _long_run(minutes: int, phase: str) -> _Plan:
    finish = 0
    if phase in LONG_FINISH_MAX and minutes >= LONG_FINISH_FROM:
        finish = min(LONG_FINISH_MAX[phase], minutes // 4 // 5 * 5)
    return [("main", minutes - finish, 1, "long"), ("main", finish, 1, "marathon")]


def _ends(minutes: int) -> int:
    return 10 if minutes >= LONG_WARM_UP_FROM else 5


def _with_set(minutes: int, workout: tuple[int, int, int, str]) -> _Plan:
    work, jog, most, zone = workout
    ends = _ends(minutes)
    repeats = min(most, (minutes - 2 * ends) // (work + jog))
    left = minutes - 2 * ends - repeats * (work + jog)
    return [
        ("warm-up", ends + left // 2, 1, "easy"),
        ("main", work, repeats, zone),
        ("recovery", jog, repeats, "recovery"),
        ("cool-down", ends + left - left // 2, 1, "easy"),
    ]


def _threshold_run(minutes: int) -> _Plan:
    ends = _ends(minutes)
    block = min(THRESHOLD_BLOCK_MAX, minutes - 2 * ends)
    left = minutes - 2 * ends - block
    return [
        ("warm-up", ends + left // 2, 1, "easy"),
        ("main", block, 1, "threshold"),
        ("cool-down", ends + left - left // 2, 1, "easy"),
    ]


def step_pace(zone: str, paces: PaceZones | None) -> PaceRange | None:
    if paces is None or zone == "hill":
        return None
    if zone == "long":
        return paces.easy
    if zone == "recovery":
        return paces.easy[1], round(paces.easy[1] * RECOVERY_SLOWER)
    return paces.of(zone)


def estimated_km(steps: Sequence[Step], paces: PaceZones | None) -> float | None:
    """The distance the steps cover at the middle of their paces (hill repeats at threshold
    effort's pace on the flat, a fair guess for climbing hard); None without paces."""
    if paces is None or not steps:
        return None
    metres = 0.0
    for step in steps:
        fast, slow = step.pace or paces.threshold
        metres += step.total_minutes * 60 * 1000 / ((fast + slow) / 2)
    return round(metres / 1000, 1)
