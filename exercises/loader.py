"""Keeps the library rows in step with `exercises/library.py`: upsert by slug, never duplicate."""

from collections.abc import Iterable
from dataclasses import dataclass

from django.db import transaction

from exercises.library import LIBRARY, Entry
from exercises.models import FACET_VOCABULARY, TAG_FIELDS, Cue, Exercise, Tag
from exercises.snapshot import library_changed
from exercises.validation import exercise_problems

SCALAR_FIELDS = (
    "name",
    "kind",
    "description",
    "rep_min",
    "rep_max",
    "duration_min_seconds",
    "duration_max_seconds",
    "per_side",
    "hold_seconds_min",
    "hold_seconds_max",
    "default_sets",
    "impact",
    "plyometric",
    "running_sport",
    "leg_heavy",
)


@dataclass
class LoadReport:
    created: int = 0
    updated: int = 0


def check_entry(entry: Entry) -> None:
    """The same rules a coach's form enforces, so a bad edit to the library fails loudly."""
    problems = exercise_problems(vars(entry))
    if problems:
        raise ValueError(f"{entry.slug}: {'; '.join(problem.rule for problem in problems)}.")


def tags_ensure() -> dict[tuple[str, str], Tag]:
    """One Tag row per vocabulary word; labels and order follow the vocabulary."""
    existing = {(tag.facet, tag.code): tag for tag in Tag.objects.all()}
    for facet, vocabulary in FACET_VOCABULARY.items():
        for position, (code, label) in enumerate(vocabulary.choices):
            tag = existing.get((facet, code))
            if tag is None:
                existing[facet, code] = Tag.objects.create(
                    facet=facet, code=code, name=str(label), position=position
                )
            elif (tag.name, tag.position) != (label, position):
                tag.name, tag.position = str(label), position
                tag.save(update_fields=["name", "position"])
    return existing


@transaction.atomic
def load_library(entries: Iterable[Entry] = LIBRARY) -> LoadReport:
    entries = list(entries)
    for entry in entries:
        check_entry(entry)
    tags = tags_ensure()
    existing = {
        exercise.slug: exercise
        for exercise in Exercise.objects.library().prefetch_related("cues", *TAG_FIELDS)
    }
    report = LoadReport()
    by_slug, updated = {}, set()
    for entry in entries:
        exercise = existing.get(entry.slug)
        if exercise is None:
            exercise = Exercise(slug=entry.slug)
            _upsert(exercise, entry, tags, new=True)
            report.created += 1
        elif _upsert(exercise, entry, tags, new=False):
            updated.add(entry.slug)
        by_slug[entry.slug] = exercise
    for entry in entries:
        exercise = by_slug[entry.slug]
        easier, harder = by_slug.get(entry.easier), by_slug.get(entry.harder)
        if (exercise.easier_id, exercise.harder_id) != (easier and easier.pk, harder and harder.pk):
            exercise.easier, exercise.harder = easier, harder
            exercise.save(update_fields=["easier", "harder"])
            if entry.slug in existing:
                updated.add(entry.slug)
    report.updated = len(updated)
    library_changed()  # cues and tags went in bulk, which no signal announces
    return report


def _upsert(exercise: Exercise, entry: Entry, tags: dict, *, new: bool) -> bool:
    """Write what differs between the row and the entry; True if anything did."""
    changed = [name for name in SCALAR_FIELDS if getattr(exercise, name) != getattr(entry, name)]
    for name in changed:
        setattr(exercise, name, getattr(entry, name))
    if new or changed:
        exercise.save()
    for field, facet in TAG_FIELDS.items():
        wanted = {tags[facet, code] for code in getattr(entry, field)}
        if new or set(getattr(exercise, field).all()) != wanted:
            getattr(exercise, field).set(wanted)
            changed.append(field)
    if new or [cue.text for cue in exercise.cues.all()] != list(entry.cues):
        exercise.cues.all().delete()
        Cue.objects.bulk_create(
            Cue(exercise=exercise, position=position, text=text)
            for position, text in enumerate(entry.cues, start=1)
        )
        changed.append("cues")
    return bool(changed)
