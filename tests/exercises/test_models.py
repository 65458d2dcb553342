import pytest
from django.db import IntegrityError, transaction
from django.utils import timezone

from accounts.models import Coaching
from exercises.models import TAG_FIELDS, Exercise, Tag
from exercises.vocabulary import Kind
from tests.exercises.factories import ExerciseFactory


@pytest.mark.parametrize(
    ("fields", "text"),
    [
        ({"rep_min": 10, "rep_max": 12}, "10–12 reps"),
        ({"rep_min": 8, "rep_max": 8, "per_side": True}, "8 per leg"),
        ({"kind": Kind.YOGA, "duration_min_seconds": 30, "duration_max_seconds": 60}, "30–60 s"),
        ({"kind": Kind.YOGA, "duration_min_seconds": 20, "per_side": True}, "20 s per side"),
        (
            {
                "kind": Kind.CROSS_TRAINING,
                "duration_min_seconds": 1200,
                "duration_max_seconds": 2700,
            },
            "20–45 min",
        ),
        ({}, ""),
    ],
)
def test_the_dose_reads_like_a_coach_would_say_it(fields, text):
    assert Exercise(**{"kind": Kind.STRENGTH, **fields}).dose_text == text


def test_the_hold_reads_in_seconds_at_the_top():
    assert Exercise(hold_seconds_min=2, hold_seconds_max=3).hold_text == "hold 2–3 s at the top"
    assert Exercise().hold_text == ""


@pytest.mark.django_db
def test_a_coachs_exercise_is_visible_to_the_coach_and_their_athlete_only(
    runner, other_runner, coach, other_coach, coach_exercise
):
    def sees(user):
        return Exercise.objects.visible_to(user).filter(pk=coach_exercise.pk).exists()

    assert sees(coach) and sees(runner)
    assert not sees(other_runner) and not sees(other_coach)
    assert Exercise.objects.visible_to(other_runner).filter(slug="back-extension").exists()


@pytest.mark.django_db
def test_an_athlete_stops_seeing_a_former_coachs_exercises(runner, coach, coach_exercise):
    Coaching.objects.filter(athlete=runner).update(ended_at=timezone.now())
    assert not Exercise.objects.visible_to(runner).filter(pk=coach_exercise.pk).exists()


@pytest.mark.django_db
def test_the_database_refuses_a_rep_range_that_starts_above_its_end():
    with pytest.raises(IntegrityError), transaction.atomic():
        ExerciseFactory(rep_min=12, rep_max=10)


@pytest.mark.django_db
def test_the_database_refuses_a_second_library_exercise_with_the_same_name():
    with pytest.raises(IntegrityError), transaction.atomic():
        ExerciseFactory(name="back EXTENSION")


@pytest.mark.django_db
def test_two_coaches_may_each_have_an_exercise_of_the_same_name(coach, other_coach):
    ExerciseFactory(owner=coach, name="Hip hike")
    ExerciseFactory(owner=other_coach, name="Hip hike")
    with pytest.raises(IntegrityError), transaction.atomic():
        ExerciseFactory(owner=coach, name="hip hike")


def test_tag_fields_name_every_tag_field_of_an_exercise_with_its_facet():
    tag_fields = {
        field.name: field.remote_field.limit_choices_to["facet"]
        for field in Exercise._meta.many_to_many
        if field.related_model is Tag
    }
    assert tag_fields == TAG_FIELDS
