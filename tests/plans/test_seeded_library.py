"""The builder's tests run on the seeded library built without a database; this keeps that
copy equal to what production hands the builder."""

import pytest

from exercises.loader import load_library
from exercises.models import Exercise
from plans.inputs import library_for
from tests.plans.seeded import SEEDED


def by_slug(entries):
    return sorted(entries, key=lambda entry: entry.slug)


@pytest.mark.django_db
def test_the_seeded_library_without_a_database_is_what_production_gives_the_builder(runner):
    Exercise.objects.library().delete()
    load_library()

    assert by_slug(SEEDED) == by_slug(library_for(runner))
