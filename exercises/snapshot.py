"""Plain data about the exercises a user may be given, for the pure plan builder."""

from dataclasses import dataclass

from django.db.models import Prefetch

from exercises.models import Exercise, Tag

_LISTS = ("muscles", "equipment", "places", "suits", "avoids")


@dataclass(frozen=True)
class ExerciseEntry:
    slug: str
    name: str
    kind: str
    muscles: frozenset[str]
    equipment: frozenset[str]
    places: frozenset[str]
    impact: str
    plyometric: bool
    running_sport: bool
    leg_heavy: bool
    suits: frozenset[str]
    avoids: frozenset[str]
    rep_min: int | None
    rep_max: int | None
    per_side: bool
    hold_seconds_min: int | None
    hold_seconds_max: int | None
    default_sets: int | None
    duration_min_seconds: int | None
    duration_max_seconds: int | None
    dose_text: str
    family: str  # the slug of the easiest variation this one grows from


def _families(exercises: list[Exercise]) -> dict[int, str]:
    """Each exercise's family: follow "easier" links (and the reverse of "harder") to the root."""
    easier_of = {e.pk: e.easier_id for e in exercises if e.easier_id}
    for e in exercises:
        if e.harder_id and e.harder_id not in easier_of:
            easier_of[e.harder_id] = e.pk
    slugs = {e.pk: e.slug for e in exercises}
    families = {}
    for exercise in exercises:
        root, seen = exercise.pk, {exercise.pk}
        while easier_of.get(root) in slugs and easier_of[root] not in seen:
            root = easier_of[root]
            seen.add(root)
        families[exercise.pk] = slugs[root]
    return families


def library_entries(user, *, kind: str | None = None) -> list[ExerciseEntry]:
    """Every exercise visible to `user` (of one `kind` if given), in six queries whatever the
    library's size."""
    exercises = Exercise.objects.visible_to(user)
    if kind is not None:
        exercises = exercises.filter(kind=kind)
    exercises = exercises.prefetch_related(
        *(
            Prefetch(name, queryset=Tag.objects.only("code"), to_attr=f"{name}_list")
            for name in _LISTS
        )
    )
    exercises = list(exercises)
    families = _families(exercises)
    return [_entry(exercise, families[exercise.pk]) for exercise in exercises]


def _entry(exercise: Exercise, family: str) -> ExerciseEntry:
    codes = {
        name: frozenset(tag.code for tag in getattr(exercise, f"{name}_list")) for name in _LISTS
    }
    return ExerciseEntry(
        slug=exercise.slug,
        name=exercise.name,
        kind=exercise.kind,
        impact=exercise.impact,
        plyometric=exercise.plyometric,
        running_sport=exercise.running_sport,
        leg_heavy=exercise.leg_heavy,
        rep_min=exercise.rep_min,
        rep_max=exercise.rep_max,
        per_side=exercise.per_side,
        hold_seconds_min=exercise.hold_seconds_min,
        hold_seconds_max=exercise.hold_seconds_max,
        default_sets=exercise.default_sets,
        duration_min_seconds=exercise.duration_min_seconds,
        duration_max_seconds=exercise.duration_max_seconds,
        dose_text=exercise.dose_text,
        family=family,
        **codes,
    )
