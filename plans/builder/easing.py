"""A coach's runs held to the limits of the return from injury (the weeks the builder plans
itself follow them already)."""

from __future__ import annotations

from collections import defaultdict
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
    """Each run as the return allows it, None for one its week has no room for.

    Stage 1: the week's first two runs, easy, up to 30 minutes. Stage 2: the long run and then
    the earliest runs up to the fewest runs of the mix; speed and hill runs become easy and a
    long run lasts up to 60 minutes.
    """
    (fewest_runs, _), _ = MIX[runner_type]
    weeks: defaultdict[date, list[int]] = defaultdict(list)
    for index, run in enumerate(runs):
        weeks[run.day - timedelta(days=run.day.weekday())].append(index)
    eased: list[CoachRun | None] = [None] * len(runs)
    for monday, indexes in weeks.items():
        stage = block.stage(monday)
        if stage == 0:
            kept = indexes
        elif stage == 1:
            kept = sorted(indexes, key=lambda i: runs[i].day)[:STAGE_ONE_RUNS]
        else:
            first = sorted(indexes, key=lambda i: (runs[i].purpose != "long", runs[i].day))
            kept = first[:fewest_runs]
        for index in kept:
            eased[index] = _within(runs[index], stage)
    return eased


def _within(run: CoachRun, stage: int) -> CoachRun:
    if stage == 1:
        return CoachRun(run.day, "easy", min(run.minutes, RETURN_EASY_RUN_MAX))
    if stage == 2 and run.purpose == "long":
        return CoachRun(run.day, "long", min(run.minutes, RETURN_LONG_RUN_MAX))
    if stage == 2 and run.purpose in ("speed", "hill"):
        return CoachRun(run.day, "easy", run.minutes)
    return run
