import pytest

from exercises.models import Exercise
from exercises.snapshot import library_entries

pytestmark = pytest.mark.django_db


def test_the_planner_gets_plain_data_for_every_visible_exercise(
    runner, coach_exercise, django_assert_num_queries
):
    library_entries(runner)  # this process reads the library once
    # the library's version stamp, the coaches, then the coach's exercise with its muscles,
    # equipment, places, suits and avoids
    with django_assert_num_queries(8):
        entries = {entry.slug: entry for entry in library_entries(runner)}

    assert len(entries) == Exercise.objects.library().count() + 1
    assert coach_exercise.slug in entries
    swimming = entries["swimming"]
    assert swimming.kind == "cross_training"
    assert swimming.impact == "none"
    assert "knee" in swimming.suits and "kickboard" in swimming.equipment
    assert "pool" in swimming.places
    assert entries["soccer"].running_sport is True
    lunge = entries["overhead-forward-lunge"]
    assert (lunge.rep_min, lunge.rep_max, lunge.per_side, lunge.leg_heavy) == (8, 8, True, True)
    assert lunge.dose_text == "8 per leg"
    assert "shoulders" in lunge.muscles


def test_a_stranger_does_not_get_a_coachs_exercise(other_runner, coach_exercise):
    assert coach_exercise.slug not in {entry.slug for entry in library_entries(other_runner)}


def test_variations_share_the_family_of_their_easiest_form(runner):
    entries = {entry.slug: entry for entry in library_entries(runner)}
    assert entries["single-leg-stability-ball-leg-curl"].family == "stability-ball-leg-curl"
    assert entries["stability-ball-leg-curl"].family == "stability-ball-leg-curl"
    assert entries["weighted-back-extension"].family == "back-extension"
    assert entries["swimming"].family == "swimming"
