"""The strength block after a run, whoever planned the run, chosen by the builder's own rules
(`StrengthRules.post_run_block`) from the runner's snapshot and library: the same moves, sets
and minutes the builder gives the runs it plans itself."""

from collections.abc import Sequence
from datetime import date, timedelta

from accounts.models import RunnerProfile
from plans import builder
from plans.builder.strength import BLOCK_MAX, BLOCK_MIN, StrengthRules
from plans.inputs import History, libraries_by_runner, monday_of, runner_input
from plans.models import RunPurpose, Session, SessionExercise, SessionKind

ONE_DAY = timedelta(days=1)
# The runs the legs must be fresh for: the builder spares them the day before.
HARD_PURPOSES = (RunPurpose.LONG, RunPurpose.SPEED)


def planned_blocks(runs: Sequence[Session]) -> dict[int, builder.Session]:
    """The block the builder's rules give each run, by the run's id, for runs of any runners
    in a fixed number of queries. A run whose runner has no profile, or for whom no move
    fits, gets none."""
    if not runs:
        return {}
    runner_ids = {run.runner_id for run in runs}
    profiles = {
        profile.user_id: profile
        for profile in RunnerProfile.objects.filter(user_id__in=runner_ids).prefetch_related(
            "commitments", "goals", "injuries"
        )
    }
    libraries = libraries_by_runner(runner_ids)
    weeks = sorted({monday_of(run.date) for run in runs})
    history = History(runner_ids, first_week=weeks[0], last_week=weeks[-1])
    spare_legs = _days_to_spare_the_legs(runs)
    blocks: dict[int, builder.Session] = {}
    for run in runs:
        profile = profiles.get(run.runner_id)
        if profile is None:
            continue
        week_start = monday_of(run.date)
        recent = history.recent(run.runner_id, week_start)
        runner = runner_input(profile, week_start=week_start, recent_activities=recent)
        block = StrengthRules.for_week(runner, libraries[run.runner_id]).post_run_block(
            avoid_legs=(run.runner_id, run.date) in spare_legs,
            max_minutes=_room_for_block(runner, run),
            # The builder turns its choice by the day; a second run that day turns it further.
            offset=run.date.weekday() + run.position,
        )
        if block.exercises:
            blocks[run.pk] = block
    return blocks


def _room_for_block(runner: builder.RunnerInput, run: Session) -> int:
    """What the runner's day leaves after the run, kept within the block's 10–20 minutes."""
    day = runner.days[run.date.weekday()]
    left = builder.day_budget(day.minutes) - run.minutes if day.available else 0
    return min(BLOCK_MAX, max(BLOCK_MIN, left))


def _days_to_spare_the_legs(runs: Sequence[Session]) -> set[tuple[int, date]]:
    """(runner, day) pairs whose block leaves out leg-heavy moves, as the builder does: the day
    before a long or speed run, and next to a strength session with leg-heavy moves."""
    runner_ids = {run.runner_id for run in runs}
    around = (min(run.date for run in runs) - ONE_DAY, max(run.date for run in runs) + ONE_DAY)
    hard_runs = Session.objects.filter(
        runner_id__in=runner_ids,
        date__range=around,
        kind=SessionKind.RUN,
        purpose__in=HARD_PURPOSES,
    ).values_list("runner_id", "date")
    heavy_strength = SessionExercise.objects.filter(
        session__runner_id__in=runner_ids,
        session__date__range=around,
        session__kind=SessionKind.STRENGTH,
        session__post_run=False,
        exercise__leg_heavy=True,
    ).values_list("session__runner_id", "session__date")
    spare = {(runner_id, day - ONE_DAY) for runner_id, day in hard_runs}
    for runner_id, day in heavy_strength:
        spare |= {(runner_id, day - ONE_DAY), (runner_id, day + ONE_DAY)}
    return spare
