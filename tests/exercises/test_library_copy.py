"""Each process keeps one copy of the library and reads it again only after it changed."""

import dataclasses

import pytest
from django.db import transaction

from exercises import library
from exercises.loader import load_library
from exercises.models import Exercise, Tag
from exercises.services import exercise_update
from exercises.snapshot import cues_by_slug, library_entries

pytestmark = pytest.mark.django_db


def entry(runner, slug):
    return {entry.slug: entry for entry in library_entries(runner)}[slug]


def test_an_unchanged_library_costs_its_version_and_the_coaches_only(
    runner, django_assert_num_queries
):
    library_entries(runner)
    # the version stamp, the runner's coaches, their own exercises (none, so no tags)
    with django_assert_num_queries(3):
        assert entry(runner, "calf-raise").name == "Calf raise"


def test_an_edit_in_the_admin_is_seen_by_the_next_read(runner):
    assert entry(runner, "calf-raise").name == "Calf raise"
    calf_raise = Exercise.objects.get(slug="calf-raise")
    calf_raise.name = "Calf raise on a step"
    calf_raise.save()
    assert entry(runner, "calf-raise").name == "Calf raise on a step"


def test_a_change_of_tags_alone_is_seen_by_the_next_read(runner):
    assert "pool" not in entry(runner, "calf-raise").places
    Exercise.objects.get(slug="calf-raise").places.add(Tag.objects.get(facet="place", code="pool"))
    assert "pool" in entry(runner, "calf-raise").places


def test_a_cue_changed_in_library_py_is_seen_after_the_next_load():
    assert cues_by_slug(["calf-raise"])["calf-raise"][0] != "Stand tall."
    entries = [
        dataclasses.replace(e, cues=("Stand tall.", *e.cues[1:])) if e.slug == "calf-raise" else e
        for e in library.LIBRARY
    ]
    load_library(entries)
    assert cues_by_slug(["calf-raise"])["calf-raise"][0] == "Stand tall."


def test_a_coachs_edit_of_their_own_exercise_is_seen_at_once(runner, coach_exercise):
    new_cues = ("Hips level.", "Slow down.")
    assert cues_by_slug([coach_exercise.slug])[coach_exercise.slug] != new_cues
    exercise_update(exercise=coach_exercise, cues=list(new_cues), tags={})
    assert cues_by_slug([coach_exercise.slug]) == {coach_exercise.slug: new_cues}


def test_a_copy_read_inside_a_transaction_rolled_back_is_not_kept(runner):
    with pytest.raises(RuntimeError), transaction.atomic():
        Exercise.objects.filter(slug="calf-raise").update(name="Never saved")
        Exercise.objects.get(slug="calf-raise").save()  # marks the library changed
        assert entry(runner, "calf-raise").name == "Never saved"
        raise RuntimeError("rolled back")
    assert entry(runner, "calf-raise").name == "Calf raise"
