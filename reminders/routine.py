"""The 10–20 minute strength routine a post-run email carries, as plain data.

It is the run's own post-run block, as the week page shows it. A run without one (planned
before runs carried their block, or nothing fitted then) gets what the builder's rules choose
for it now, the same rules that plan every block.
"""

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass

from exercises.models import dose_text
from exercises.snapshot import cues_by_slug
from exercises.vocabulary import Kind
from plans import builder
from plans.blocks import planned_blocks
from plans.models import Session, SessionExercise

CUES_PER_MOVE = 3


@dataclass(frozen=True)
class Move:
    name: str
    sets: int
    dose: str
    cues: tuple[str, ...]


@dataclass(frozen=True)
class Routine:
    moves: tuple[Move, ...]
    minutes: int


NO_ROUTINE = Routine(moves=(), minutes=0)


def routine_for(run: Session) -> Routine:
    return routines_for([run])[run.pk]


def routines_for(runs: Sequence[Session]) -> dict[int, Routine]:
    """Each run's routine by the run's id, in a fixed number of queries however many runs:
    their blocks, the blocks' moves, and for runs without one what the builder's rules choose
    (with the library from this process's copy)."""
    blocks = {
        block.for_run_id: block
        for block in Session.objects.filter(for_run__in=runs)
        if block.for_run_id is not None
    }
    rows: dict[int, list[SessionExercise]] = defaultdict(list)
    for row in SessionExercise.objects.filter(session__in=blocks.values()).select_related(
        "exercise"
    ):
        rows[row.session_id].append(row)
    stored = {run_id: (block, rows[block.pk]) for run_id, block in blocks.items() if rows[block.pk]}
    planned = planned_blocks([run for run in runs if run.pk not in stored])
    cues = cues_by_slug(
        [row.exercise.slug for _, block_rows in stored.values() for row in block_rows]
        + [item.slug for block in planned.values() for item in block.exercises]
    )
    routines = {run.pk: NO_ROUTINE for run in runs}
    routines.update({pk: _stored_routine(*stored[pk], cues) for pk in stored})
    routines.update({pk: _planned_routine(block, cues) for pk, block in planned.items()})
    return routines


def _stored_routine(
    block: Session, rows: list[SessionExercise], cues: dict[str, tuple[str, ...]]
) -> Routine:
    moves = tuple(
        Move(
            name=row.exercise.name,
            sets=row.sets,
            dose=row.amount_text,
            cues=cues.get(row.exercise.slug, ())[:CUES_PER_MOVE],
        )
        for row in rows
    )
    return Routine(moves=moves, minutes=block.minutes)


def _planned_routine(planned: builder.Session, cues: dict[str, tuple[str, ...]]) -> Routine:
    moves = tuple(
        Move(
            name=item.name,
            sets=item.sets,
            dose=dose_text(
                kind=Kind.STRENGTH,
                rep_min=item.rep_min,
                rep_max=item.rep_max,
                per_side=item.per_side,
                duration_min=item.duration_min,
                duration_max=item.duration_max,
            ),
            cues=cues.get(item.slug, ())[:CUES_PER_MOVE],
        )
        for item in planned.exercises
    )
    return Routine(moves=moves, minutes=planned.minutes)
