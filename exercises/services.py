"""Writes that touch an exercise and its cues and tags together."""

from collections.abc import Iterable

from django.db import transaction
from django.utils.text import slugify

from accounts.models import User
from exercises.models import TAG_FIELDS, Cue, Exercise, Tag
from exercises.snapshot import library_changed


def exercise_slug(*, name: str, owner_id: int) -> str:
    """A coach's slugs carry the coach's id, so a later library entry never collides with one."""
    base = f"{slugify(name)[:100] or 'exercise'}-c{owner_id}"
    slug, counter = base, 2
    while Exercise.objects.filter(slug=slug).exists():
        slug, counter = f"{base}-{counter}", counter + 1
    return slug


@transaction.atomic
def exercise_create(
    *, owner: User, exercise: Exercise, cues: list[str], tags: dict[str, Iterable[Tag]]
) -> Exercise:
    exercise.owner = owner
    exercise.slug = exercise_slug(name=exercise.name, owner_id=owner.pk)
    exercise.save()
    _replace_tags_and_cues(exercise, cues=cues, tags=tags)
    return exercise


@transaction.atomic
def exercise_update(
    *, exercise: Exercise, cues: list[str], tags: dict[str, Iterable[Tag]]
) -> Exercise:
    exercise.save()
    _replace_tags_and_cues(exercise, cues=cues, tags=tags)
    return exercise


def _replace_tags_and_cues(
    exercise: Exercise, *, cues: list[str], tags: dict[str, Iterable[Tag]]
) -> None:
    for field in TAG_FIELDS:
        getattr(exercise, field).set(tags.get(field, ()))
    exercise.cues.all().delete()
    Cue.objects.bulk_create(
        Cue(exercise=exercise, position=position, text=text)
        for position, text in enumerate(cues, start=1)
    )
    library_changed()  # the cues went in bulk, which no signal announces
