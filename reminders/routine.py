"""The 10–20 minute strength routine a post-run email carries, as plain data.

It is the run's own post-run block, as the week page shows it. A run without one (planned
before runs carried their block, or nothing fitted then) gets what the builder's rules choose
for it now, the same rules that plan every block.
"""

from collections.abc import Iterable
from dataclasses import dataclass

from exercises.models import Cue, dose_text
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


def routine_for(run: Session) -> Routine:
    block = run.block
    if block is not None:
        rows = list(block.exercises.select_related("exercise"))
        if rows:
            return _stored_routine(block, rows)
    planned = planned_blocks([run]).get(run.pk)
    if planned is None:
        return Routine(moves=(), minutes=0)
    return _planned_routine(planned)


def _stored_routine(block: Session, rows: list[SessionExercise]) -> Routine:
    cues = _cues_by_slug(row.exercise.slug for row in rows)
    moves = tuple(
        Move(
            name=row.exercise.name,
            sets=row.sets,
            dose=row.amount_text,
            cues=cues.get(row.exercise.slug, ()),
        )
        for row in rows
    )
    return Routine(moves=moves, minutes=block.minutes)


def _planned_routine(planned: builder.Session) -> Routine:
    cues = _cues_by_slug(item.slug for item in planned.exercises)
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
            cues=cues.get(item.slug, ()),
        )
        for item in planned.exercises
    )
    return Routine(moves=moves, minutes=planned.minutes)


def _cues_by_slug(slugs: Iterable[str]) -> dict[str, tuple[str, ...]]:
    found: dict[str, list[str]] = {}
    cues = Cue.objects.filter(exercise__slug__in=list(slugs)).select_related("exercise")
    for cue in cues.order_by("position"):
        found.setdefault(cue.exercise.slug, []).append(cue.text)
    return {slug: tuple(texts[:CUES_PER_MOVE]) for slug, texts in found.items()}
