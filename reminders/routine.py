"""The 10–20 minute strength routine a post-run email carries, as plain data.

It is the plan's post-run strength block for that day when there is one; otherwise a few
running-muscle moves from the library that suit the runner's equipment and injury.
"""

from dataclasses import dataclass

from exercises.models import Cue
from exercises.snapshot import ExerciseEntry, library_entries
from exercises.vocabulary import Equipment, Kind, Muscle
from plans.builder import BLOCK_SETS
from plans.models import Session, SessionKind

MIN_MINUTES, MAX_MINUTES = 10, 20
MOST_MOVES = 5
CUES_PER_MOVE = 3
# Rough timing for the estimate: a slow rep, a rest between sets, a moment to set up.
REP_SECONDS = 4
REST_SECONDS = 45
SETUP_SECONDS = 30
RUNNING_MUSCLES = (Muscle.CALVES, Muscle.GLUTES, Muscle.HAMSTRINGS, Muscle.QUADS, Muscle.CORE)


@dataclass(frozen=True)
class Move:
    name: str
    sets: int
    dose: str
    cues: tuple[str, ...]
    seconds: int


@dataclass(frozen=True)
class Routine:
    moves: tuple[Move, ...]
    planned_minutes: int | None = None  # the plan's own figure, as the week page shows it

    @property
    def minutes(self) -> int:
        """Kept within the 10–20 minutes a post-run block is meant to take."""
        estimate = self.planned_minutes or round(sum(move.seconds for move in self.moves) / 60)
        return min(max(estimate, MIN_MINUTES), MAX_MINUTES)


def post_run_session(run: Session) -> Session | None:
    return (
        Session.objects.filter(
            runner_id=run.runner_id, date=run.date, kind=SessionKind.STRENGTH, post_run=True
        )
        .order_by("position")
        .first()
    )


def routine_for(run: Session, profile) -> Routine:
    strength = post_run_session(run)
    if strength is not None:
        rows = list(strength.exercises.select_related("exercise"))
        if rows:
            cues = _cues_by_slug([row.exercise.slug for row in rows])
            moves = tuple(_planned_move(row, cues) for row in rows)
            return Routine(moves, planned_minutes=strength.minutes)
    return Routine(_library_moves(run.runner, profile))


def _planned_move(row, cues) -> Move:
    if row.rep_min or row.rep_max:
        work = (row.rep_max or row.rep_min) * REP_SECONDS
    else:
        work = row.duration_max or row.duration_min or 30
    return Move(
        name=row.exercise.name,
        sets=row.sets,
        dose=row.amount_text,
        cues=cues.get(row.exercise.slug, ()),
        seconds=_seconds(row.sets, work * (2 if row.per_side else 1)),
    )


def _library_moves(runner, profile) -> tuple[Move, ...]:
    usable = sorted(
        (
            entry
            for entry in library_entries(runner, kind=Kind.STRENGTH)
            if suits_runner(entry, profile)
        ),
        key=lambda entry: (Equipment.NONE not in entry.equipment, entry.name),
    )
    chosen: list[tuple[ExerciseEntry, int]] = []
    total = 0
    # One move per running muscle first, then more until the routine is long enough.
    wanted = [next((e for e in usable if muscle in e.muscles), None) for muscle in RUNNING_MUSCLES]
    for entry in [*wanted, *usable]:
        if entry is None or entry in (e for e, _ in chosen) or len(chosen) == MOST_MOVES:
            continue
        seconds = _library_seconds(entry)
        if total + seconds > MAX_MINUTES * 60 or (total >= MIN_MINUTES * 60 and len(chosen) >= 3):
            continue
        chosen.append((entry, seconds))
        total += seconds
    cues = _cues_by_slug([entry.slug for entry, _ in chosen])
    return tuple(
        Move(
            name=entry.name,
            sets=_library_sets(entry),
            dose=entry.dose_text,
            cues=cues.get(entry.slug, ()),
            seconds=seconds,
        )
        for entry, seconds in chosen
    )


def suits_runner(entry: ExerciseEntry, profile) -> bool:
    """Like the planner: no jumps, nothing the injury must avoid, the easiest variation of each
    move (this routine knows nothing of the runner's history), and any one of the entry's
    equipment alternatives will do."""
    if entry.kind != Kind.STRENGTH or entry.plyometric or entry.family != entry.slug:
        return False
    if profile.injured and profile.injury_area in entry.avoids:
        return False
    owned = {Equipment.NONE, *profile.equipment}
    return not entry.equipment or bool(entry.equipment & owned)


def _library_sets(entry: ExerciseEntry) -> int:
    """As the planner does after a run: a quick circuit of at most two sets."""
    return min(BLOCK_SETS, entry.default_sets or BLOCK_SETS)


def _library_seconds(entry: ExerciseEntry) -> int:
    reps = entry.rep_max or entry.rep_min
    if reps:
        work = reps * (REP_SECONDS + (entry.hold_seconds_max or 0))
    else:
        work = entry.duration_max_seconds or entry.duration_min_seconds or 30
    return _seconds(_library_sets(entry), work * (2 if entry.per_side else 1))


def _cues_by_slug(slugs) -> dict[str, tuple[str, ...]]:
    found: dict[str, list[str]] = {}
    cues = Cue.objects.filter(exercise__slug__in=slugs).select_related("exercise")
    for cue in cues.order_by("position"):
        found.setdefault(cue.exercise.slug, []).append(cue.text)
    return {slug: tuple(texts[:CUES_PER_MOVE]) for slug, texts in found.items()}


def _seconds(sets: int, work_per_set: int) -> int:
    return SETUP_SECONDS + sets * work_per_set + (sets - 1) * REST_SECONDS
