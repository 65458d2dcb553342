import pytest

from exercises.validation import Problem, cue_problems, exercise_problems, range_problems
from exercises.vocabulary import Kind


def test_a_sound_strength_move_breaks_no_rule():
    values = {"kind": Kind.STRENGTH, "cues": ["Step up."], "rep_min": 8, "rep_max": 12}
    assert exercise_problems(values) == []


@pytest.mark.parametrize(
    ("low", "high", "message"),
    [
        ("rep_min", "rep_max", "The fewest reps (12) is more than this (10)"),
        ("hold_seconds_min", "hold_seconds_max", "The shortest hold (12) is more than this (10)"),
        (
            "duration_min_seconds",
            "duration_max_seconds",
            "The shortest time (12) is more than this (10)",
        ),
    ],
)
def test_a_range_that_starts_above_its_end_is_a_problem_at_its_high_end(low, high, message):
    [problem] = range_problems({low: 12, high: 10})
    assert problem.field == high
    assert problem.message.startswith(message)
    assert problem.rule == "a range starts above its end (12 > 10)"


@pytest.mark.parametrize("values", [{"rep_min": 10, "rep_max": 10}, {"rep_min": 12}, {}])
def test_an_equal_or_open_range_is_fine(values):
    assert range_problems(values) == []


def test_only_a_strength_move_needs_a_cue():
    assert cue_problems(kind=Kind.STRENGTH, cues=[]) == [
        Problem(
            field="cues",
            message="A strength move needs at least one form cue.",
            rule="a strength move needs at least one cue",
        )
    ]
    assert cue_problems(kind=Kind.CROSS_TRAINING, cues=[]) == []
    assert cue_problems(kind=None, cues=[]) == []


def test_every_broken_rule_is_reported_field_by_field():
    values = {"kind": Kind.STRENGTH, "rep_min": 9, "rep_max": 3, "hold_seconds_min": 5}
    assert [problem.field for problem in exercise_problems(values)] == ["cues", "rep_max"]
