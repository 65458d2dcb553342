"""Plain data about the exercises a user may be given, for the pure plan builder.

The library itself (the rows with no owner, their tags and cues) is read once per process and
kept while the library's version stamp stays the same: one small query tells whether it did.
A coach's own exercises are read each time, for the users asked about only."""

from collections.abc import Collection, Hashable, Iterable, Mapping
from dataclasses import dataclass, fields, replace
from typing import Any, TypeVar
from uuid import uuid4

from django.contrib.auth import get_user_model

from accounts.models import User
from exercises.models import TAG_FIELDS, Cue, Exercise, LibraryVersion, Tag, tag_lists

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


@dataclass(frozen=True)
class Library:
    """The shared library as plain data, as of one version stamp."""

    stamp: str
    entries: tuple[ExerciseEntry, ...]
    links: Mapping[int, tuple[int | None, int | None]]  # pk -> (easier pk, harder pk)
    pks: Mapping[str, int]  # slug -> pk
    cues: Mapping[str, tuple[str, ...]]  # slug -> its cues in order


_cached: Library | None = None


def library_changed() -> None:
    """Tell every process its copy of the library is out of date, in the caller's transaction.
    Saves and deletes of exercises, cues and tags call it through signals; a write that sends
    none (`bulk_create`, `QuerySet.update`) calls it itself."""
    stamp = uuid4().hex
    if not LibraryVersion.objects.filter(pk=1).update(stamp=stamp):
        LibraryVersion.objects.update_or_create(pk=1, defaults={"stamp": stamp})


def shared_library() -> Library:
    """The library as this process last read it, read again first if it changed since: one
    query when it did not."""
    global _cached
    stamp = LibraryVersion.objects.filter(pk=1).values_list("stamp", flat=True).first() or ""
    if _cached is None or _cached.stamp != stamp:
        _cached = _read_library(stamp)
    return _cached


def _read_library(stamp: str) -> Library:
    found = list(
        Exercise.objects.library().prefetch_related(*tag_lists(tags=Tag.objects.only("code")))
    )
    families = _families(found)
    cues: dict[str, list[str]] = {}
    for slug, text in Cue.objects.filter(exercise__owner__isnull=True).values_list(
        "exercise__slug", "text"
    ):
        cues.setdefault(slug, []).append(text)
    return Library(
        stamp=stamp,
        entries=tuple(_entry(exercise, families[exercise.pk]) for exercise in found),
        links={exercise.pk: (exercise.easier_id, exercise.harder_id) for exercise in found},
        pks={exercise.slug: exercise.pk for exercise in found},
        cues={slug: tuple(texts) for slug, texts in cues.items()},
    )


def cues_by_slug(slugs: Iterable[str]) -> dict[str, tuple[str, ...]]:
    """Each exercise's form cues in order: the library's from this process's copy, a coach's
    own exercises' in one query (none when all are the library's)."""
    library = shared_library()
    slugs = set(slugs)
    found = {slug: library.cues.get(slug, ()) for slug in slugs if slug in library.pks}
    others = slugs - found.keys()
    if others:
        rows = Cue.objects.filter(exercise__slug__in=others).order_by("position")
        for slug, text in rows.values_list("exercise__slug", "text"):
            found[slug] = (*found.get(slug, ()), text)
    return found


def library_entries(user: User, *, kind: str | None = None) -> list[ExerciseEntry]:
    """Every exercise visible to `user` (of one `kind` if given): three queries when neither
    the user nor their coach has exercises of their own, and the library did not change."""
    entries = libraries_for([user.pk])[user.pk]
    return [entry for entry in entries if kind is None or entry.kind == kind]


def libraries_for(user_ids: Collection[int]) -> dict[int, list[ExerciseEntry]]:
    """What `library_entries` gives each of these users, in a fixed number of queries however
    many: the library's version, the users' coaches and their own exercises (with tags)."""
    library = shared_library()
    coaches: dict[int, set[int]] = {pk: set() for pk in user_ids}
    current = get_user_model().objects.filter(
        coachings_given__athlete__in=user_ids, coachings_given__ended_at__isnull=True
    )
    for coach_id, athlete_id in current.values_list("pk", "coachings_given__athlete"):
        coaches[athlete_id].add(coach_id)
    owners = set(user_ids).union(*coaches.values())
    owned = list(
        Exercise.objects.filter(owner__in=owners).prefetch_related(
            *tag_lists(tags=Tag.objects.only("code"))
        )
    )
    shared = _with_families(library, owned)
    own = [(exercise.owner_id, entry) for exercise, entry in zip(owned, shared[1], strict=True)]
    return {
        pk: [
            *shared[0],
            *(entry for owner, entry in own if owner == pk or owner in coaches[pk]),
        ]
        for pk in user_ids
    }


def _with_families(
    library: Library, owned: list[Exercise]
) -> tuple[tuple[ExerciseEntry, ...], list[ExerciseEntry]]:
    """The library's entries and the owned exercises', with families found across all of them
    (a coach's variation may grow from a library move)."""
    if not owned:
        return library.entries, []
    links = {**library.links, **{e.pk: (e.easier_id, e.harder_id) for e in owned}}
    slugs = {**{pk: slug for slug, pk in library.pks.items()}, **{e.pk: e.slug for e in owned}}
    roots = family_roots(links)
    entries = tuple(
        entry
        if entry.family == slugs[roots[library.pks[entry.slug]]]
        else replace(entry, family=slugs[roots[library.pks[entry.slug]]])
        for entry in library.entries
    )
    return entries, [_entry(e, slugs[roots[e.pk]]) for e in owned]


def _entry(exercise: Exercise, family: str) -> ExerciseEntry:
    copied = {name: getattr(exercise, name) for name in _COPIED_FIELDS}
    codes: dict[str, Any] = {
        name: frozenset(tag.code for tag in getattr(exercise, f"{name}_list"))
        for name in TAG_FIELDS
    }
    return ExerciseEntry(**copied, **codes, family=family)
