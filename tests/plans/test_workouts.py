"""The steps inside a run: readable examples, and the rules as properties."""

from dataclasses import replace

from hypothesis import given
from hypothesis import strategies as st

from plans.builder import build_week
from plans.builder.paces import pace_zones, zones_from_race
from plans.builder.workouts import STEP_ZONES, Step, estimated_km, run_structure
from tests.plans.test_builder_properties import cases, rule, sessions

PURPOSES = ("easy", "long", "speed", "hill")
PHASES = ("off_season", "base", "build", "peak", "taper", "race_week")
VDOT_40 = pace_zones(40)


def test_a_build_phase_speed_run_is_intervals_with_jogs():
    steps = run_structure("speed", 45, "build", VDOT_40)
    assert steps == (
        Step("warm-up", 10, 1, "easy", VDOT_40.easy),
        Step("main", 3, 5, "interval", (276, 287)),
        Step("recovery", 2, 5, "recovery", (394, 433)),
        Step("cool-down", 10, 1, "easy", VDOT_40.easy),
    )


def test_a_peak_speed_run_is_twenty_minutes_at_threshold():
    steps = run_structure("speed", 45, "peak", VDOT_40)
    assert [(s.part, s.minutes, s.zone) for s in steps] == [
        ("warm-up", 12, "easy"),
        ("main", 20, "threshold"),
        ("cool-down", 13, "easy"),
    ]


def test_a_hill_run_is_repeats_with_jog_downs_by_effort():
    steps = run_structure("hill", 35, "base", VDOT_40)
    assert [(s.part, s.minutes, s.repeat, s.zone, s.pace) for s in steps] == [
        ("warm-up", 5, 1, "easy", VDOT_40.easy),
        ("main", 1, 8, "hill", None),
        ("recovery", 2, 8, "recovery", (394, 433)),
        ("cool-down", 6, 1, "easy", VDOT_40.easy),
    ]


def test_a_long_run_in_the_build_finishes_at_marathon_pace_and_not_in_the_base():
    build = run_structure("long", 75, "build", VDOT_40)
    assert [(s.minutes, s.zone, s.pace) for s in build] == [
        (60, "long", VDOT_40.easy),
        (15, "marathon", VDOT_40.marathon),
    ]
    assert [(s.minutes, s.zone) for s in run_structure("long", 75, "base", VDOT_40)] == [
        (75, "long")
    ]


def test_an_easy_run_is_one_easy_step_with_its_distance():
    steps = run_structure("easy", 30, "build", VDOT_40)
    assert steps == (Step("main", 30, 1, "easy", VDOT_40.easy),)
    # 30 minutes at 5:55-6:34/km, about 6:15/km.
    assert estimated_km(steps, VDOT_40) == 4.8


def test_without_paces_runs_go_by_effort_and_have_no_distance():
    steps = run_structure("speed", 45, "build", None)
    assert all(step.pace is None for step in steps)
    assert estimated_km(steps, None) is None


zones = st.none() | st.integers(15 * 60, 70 * 60).map(lambda seconds: zones_from_race(10, seconds))


@given(st.sampled_from(PURPOSES), st.integers(1, 300), st.sampled_from(PHASES), zones)
def test_the_steps_add_up_to_the_run(purpose, minutes, phase, paces):
    steps = run_structure(purpose, minutes, phase, paces)
    assert sum(step.minutes * step.repeat for step in steps) == minutes
    assert all(step.minutes >= 1 and step.repeat >= 1 for step in steps)
    assert all(step.zone in STEP_ZONES for step in steps)
    if paces is None:
        assert all(step.pace is None for step in steps)
        assert estimated_km(steps, paces) is None
    else:
        assert all(step.pace is not None for step in steps if step.zone != "hill")


@given(st.sampled_from(PURPOSES), st.integers(20, 300), st.sampled_from(PHASES))
def test_a_structured_run_warms_up_before_hard_work(purpose, minutes, phase):
    steps = run_structure(purpose, minutes, phase, VDOT_40)
    hard = [i for i, s in enumerate(steps) if s.zone in ("threshold", "interval", "repetition")]
    if hard or any(s.zone == "hill" for s in steps):
        assert steps[0].part == "warm-up" and steps[-1].part == "cool-down"


@rule
@given(cases(), zones)
def test_every_planned_run_has_steps_adding_up_and_paces_only_with_a_baseline(case, paces):
    library, runner = case
    week = build_week(replace(runner, paces=paces), library.entries)
    for _, session in sessions(week):
        if session.kind != "run":
            assert session.structure == () and session.distance_km is None
            continue
        assert sum(step.minutes * step.repeat for step in session.structure) == session.minutes
        if paces is None:
            assert session.distance_km is None
            assert all(step.pace is None for step in session.structure)
        else:
            assert session.distance_km is not None and session.distance_km > 0


@rule
@given(cases(race_date=st.none()))
def test_a_faster_best_effort_gives_longer_runs_in_the_same_minutes(case):
    library, runner = case
    slower = build_week(replace(runner, paces=zones_from_race(10, 55 * 60)), library.entries)
    faster = build_week(replace(runner, paces=zones_from_race(10, 45 * 60)), library.entries)
    for (_, slow), (_, fast) in zip(sessions(slower, "run"), sessions(faster, "run"), strict=True):
        assert slow.minutes == fast.minutes
        assert fast.distance_km >= slow.distance_km
