"""A coach's runs held to the limits of the return from injury (the weeks the builder plans
itself follow them already)."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta

from plans.builder.phases import RETURN_EASY_RUN_MAX, RETURN_LONG_RUN_MAX, ReturnBlock
from plans.builder.placement import MIX

STAGE_ONE_RUNS = 2


@dataclass(frozen=True)
class CoachRun:
    day: date
    purpose: str
    minutes: int


def eased_runs(
    block: ReturnBlock, runner_type: str, runs: Sequence[CoachRun]
) -> list[CoachRun | None]:
    """Each run (given in date order) as the return allows it, None for one its week has no room
    for. Stage 1: at most two runs a week, easy, up to 30 minutes. Stage 2: at most the fewest
    runs of the mix, speed and hill runs become easy, a long run lasts up to 60 minutes."""
    (fewest_runs, _), _ = MIX[runner_type]
    per_week: Counter[date] = Counter()
    eased: list[CoachRun | None] = []
    for run in runs:
        monday = run.day - timedelta(days=run.day.weekday())
        stage = block.stage(monday)
        if stage == 0:
            eased.append(run)
            continue
        per_week[monday] += 1
        if per_week[monday] > (STAGE_ONE_RUNS if stage == 1 else fewest_runs):
            eased.append(None)
        elif stage == 1:
            eased.append(CoachRun(run.day, "easy", min(run.minutes, RETURN_EASY_RUN_MAX)))
        elif run.purpose == "long":
            eased.append(CoachRun(run.day, "long", min(run.minutes, RETURN_LONG_RUN_MAX)))
        else:
            purpose = "easy" if run.purpose in ("speed", "hill") else run.purpose
            eased.append(CoachRun(run.day, purpose, run.minutes))
    return eased
