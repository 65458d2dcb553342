"""The real seeded library (`exercises/library.py`) as builder entries, without a database.

Each entry takes the path production takes: the loader's row, then the snapshot's
`ExerciseEntry`, then `plans.inputs.library_entry`. A DB test keeps this equal to
`plans.inputs.library_for` after `load_library()`.
"""

from collections.abc import Iterable

from exercises.library import LIBRARY as SEEDED_ENTRIES
from exercises.library import Entry
from exercises.models import dose_text
from exercises.snapshot import ExerciseEntry, family_roots
from plans.builder import LibraryEntry
from plans.inputs import library_entry


def _words(values: Iterable[str]) -> frozenset[str]:
    """Plain strings, as the tag codes come back from the database."""
    return frozenset(str(value) for value in values)


def exercise_entry(entry: Entry, family: str) -> ExerciseEntry:
    """What `exercises.snapshot.library_entries` gives for the row the loader writes."""
    return ExerciseEntry(
        slug=entry.slug,
        name=str(entry.name),
        kind=str(entry.kind),
        muscles=_words(entry.muscles),
        equipment=_words(entry.equipment),
        places=_words(entry.places),
        impact=str(entry.impact),
        plyometric=entry.plyometric,
        running_sport=entry.running_sport,
        leg_heavy=entry.leg_heavy,
        suits=_words(entry.suits),
        avoids=_words(entry.avoids),
        rep_min=entry.rep_min,
        rep_max=entry.rep_max,
        per_side=entry.per_side,
        hold_seconds_min=entry.hold_seconds_min,
        hold_seconds_max=entry.hold_seconds_max,
        default_sets=entry.default_sets,
        duration_min_seconds=entry.duration_min_seconds,
        duration_max_seconds=entry.duration_max_seconds,
        dose_text=dose_text(
            kind=entry.kind,
            rep_min=entry.rep_min,
            rep_max=entry.rep_max,
            per_side=entry.per_side,
            duration_min=entry.duration_min_seconds,
            duration_max=entry.duration_max_seconds,
        ),
        family=family,
    )


def families(entries: list[Entry]) -> dict[str, str]:
    """Slug -> family, by the snapshot's own rule; as in the loader, a link to a slug that is
    not in the list leads nowhere."""
    return family_roots({e.slug: (e.easier or None, e.harder or None) for e in entries})


def seeded_library(entries: Iterable[Entry] = SEEDED_ENTRIES) -> tuple[LibraryEntry, ...]:
    entries = list(entries)
    family_of = families(entries)
    return tuple(library_entry(exercise_entry(e, family_of[e.slug])) for e in entries)


SEEDED = seeded_library()
SEEDED_BY_SLUG = {entry.slug: entry for entry in SEEDED}
