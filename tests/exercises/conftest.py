import pytest

from tests.exercises.factories import ExerciseFactory


@pytest.fixture
def coach_exercise(coach):
    """An exercise of the runner's current coach: seen by the coach and the runner only."""
    return ExerciseFactory(owner=coach, name="Cora's hip hike", slug="coras-hip-hike")
