"""Plain data about the exercises a user may be given, for the pure plan builder."""

from collections.abc import Collection, Hashable, Mapping
from dataclasses import dataclass, fields
from typing import Any, TypeVar

from django.contrib.auth import get_user_model
from django.db.models import Q, QuerySet

from accounts.models import User
from exercises.models import TAG_FIELDS, Exercise, Tag, tag_lists

K = TypeVar("K", bound=Hashable)


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


# The entry's fields an Exercise has under the same name (`dose_text` is a property there).
_COPIED_FIELDS = tuple(
    field.name for field in fields(ExerciseEntry) if field.name not in {*TAG_FIELDS, "family"}
)


def family_roots(links: Mapping[K, tuple[K | None, K | None]]) -> dict[K, K]:
    """Each key's family root, given key -> (easier key, harder key): follow "easier" links (and
    the reverse of "harder") to the easiest variation. Links to keys not in `links` lead nowhere.
    Pure, so it works on primary keys here and on slugs in the builder's tests."""
    easier_of = {key: easier for key, (easier, _) in links.items() if easier}
    for key, (_, harder) in links.items():
        if harder and harder not in easier_of:
            easier_of[harder] = key
    roots = {}
    for key in links:
        root, seen = key, {key}
        while easier_of.get(root) in links and easier_of[root] not in seen:
            root = easier_of[root]
            seen.add(root)
        roots[key] = root
    return roots


def _families(exercises: list[Exercise]) -> dict[int, str]:
    """Each exercise's family: the slug of the easiest variation it grows from."""
    roots = family_roots({e.pk: (e.easier_id, e.harder_id) for e in exercises})
    slugs = {e.pk: e.slug for e in exercises}
    return {pk: slugs[root] for pk, root in roots.items()}


def library_entries(user: User, *, kind: str | None = None) -> list[ExerciseEntry]:
    """Every exercise visible to `user` (of one `kind` if given), in six queries whatever the
    library's size."""
    exercises = Exercise.objects.visible_to(user)
    if kind is not None:
        exercises = exercises.filter(kind=kind)
    return [entry for _, entry in _owned_entries(exercises)]


def libraries_for(user_ids: Collection[int]) -> dict[int, list[ExerciseEntry]]:
    """What `library_entries` gives each of these users, in seven queries however many."""
    coaches: dict[int, set[int]] = {pk: set() for pk in user_ids}
    current = get_user_model().objects.filter(
        coachings_given__athlete__in=user_ids, coachings_given__ended_at__isnull=True
    )
    for coach_id, athlete_id in current.values_list("pk", "coachings_given__athlete"):
        coaches[athlete_id].add(coach_id)
    owners = set(user_ids).union(*coaches.values())
    entries = _owned_entries(Exercise.objects.filter(Q(owner__isnull=True) | Q(owner__in=owners)))
    return {
        pk: [
            entry
            for owner, entry in entries
            if owner is None or owner == pk or owner in coaches[pk]
        ]
        for pk in user_ids
    }


def _owned_entries(exercises: QuerySet[Exercise]) -> list[tuple[int | None, ExerciseEntry]]:
    """Each exercise's owner and entry; variations of a move are found across all of them."""
    found = list(exercises.prefetch_related(*tag_lists(tags=Tag.objects.only("code"))))
    families = _families(found)
    return [(exercise.owner_id, _entry(exercise, families[exercise.pk])) for exercise in found]


def _entry(exercise: Exercise, family: str) -> ExerciseEntry:
    copied = {name: getattr(exercise, name) for name in _COPIED_FIELDS}
    codes: dict[str, Any] = {
        name: frozenset(tag.code for tag in getattr(exercise, f"{name}_list"))
        for name in TAG_FIELDS
    }
    return ExerciseEntry(**copied, **codes, family=family)
