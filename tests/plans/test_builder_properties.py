"""Each coaching rule of the weekly builder as a property over generated runners."""

from collections.abc import Sequence
from dataclasses import replace
from datetime import date, timedelta
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from plans.builder import (
    ACTIVITIES,
    EQUIPMENT,
    INJURY_AREAS,
    MIX,
    PLACES,
    RUNNING_MUSCLES,
    CoachRun,
    Commitment,
    LibraryEntry,
    RunnerInput,
    Week,
    build_week,
    day_budget,
    eased_runs,
    return_block,
)
from tests.plans.library import LIBRARY
from tests.plans.seeded import SEEDED

FIRST_MONDAY = date(2026, 1, 5)
EXAMPLES = 250
rule = settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=[HealthCheck.too_slow])


class Library:
    """A library the builder may be given, named so that a failing example says which."""

    def __init__(self, name: str, entries: Sequence[LibraryEntry]) -> None:
        self.name = name
        self.entries = tuple(entries)
        self.by_slug = {entry.slug: entry for entry in self.entries}

    def __repr__(self) -> str:
        return f"<{self.name} library>"


# The real seeded library as it is, and with the edge cases it lacks (a jump, a band move).
libraries = st.sampled_from([Library("seeded", SEEDED), Library("seeded + edge cases", LIBRARY)])

commitments = st.builds(
    Commitment,
    available=st.booleans(),
    minutes=st.one_of(st.integers(0, 300), st.sampled_from([0, 20, 30, 35, 45, 60, 90, 120])),
)


@st.composite
def runners(draw: st.DrawFn, library: Library, **fixed) -> RunnerInput:
    week_start = FIRST_MONDAY + timedelta(weeks=draw(st.integers(0, 150)))
    race_in = st.integers(-70, 210).map(lambda d: week_start + timedelta(days=d))
    cleared = st.integers(-42, 7).map(lambda d: week_start + timedelta(days=d))
    values: dict[str, Any] = {
        "runner_type": draw(st.sampled_from(sorted(MIX))),
        "week_start": week_start,
        "days": tuple(draw(st.lists(commitments, min_size=7, max_size=7))),
        "long_run_day": draw(st.integers(0, 6)),
        "race_date": draw(st.none() | race_in),
        "injury": draw(st.none() | st.none() | st.sampled_from(INJURY_AREAS)),
        "injury_cleared_on": draw(st.none() | cleared),
        "injury_days": draw(st.none() | st.integers(0, 60)),
        "injury_was_nothing": draw(st.booleans()),
        "likes": draw(st.frozensets(st.sampled_from(ACTIVITIES), max_size=4)),
        "equipment": draw(st.frozensets(st.sampled_from(EQUIPMENT))),
        "places": draw(st.frozensets(st.sampled_from(PLACES))),
        "allow_plyometrics": draw(st.booleans()),
        "recent_activities": draw(st.frozensets(st.sampled_from(sorted(library.by_slug)))),
    }
    for name, value in fixed.items():
        values[name] = draw(value) if isinstance(value, st.SearchStrategy) else value
    return RunnerInput(**values)


@st.composite
def cases(draw: st.DrawFn, **fixed) -> tuple[Library, RunnerInput]:
    """A library, and a runner whose recent activities come from it."""
    library = draw(libraries)
    return library, draw(runners(library, **fixed))


def sessions(week: Week, kind: str | None = None):
    for day in week.days:
        for session in day.sessions:
            if kind is None or session.kind == kind:
                yield day, session


def runs_per_day(week: Week) -> list[int]:
    return [sum(s.kind == "run" for s in day.sessions) for day in week.days]


def cross_days(week: Week) -> int:
    return sum(
        bool(day.sessions) and all(s.kind != "run" for s in day.sessions) for day in week.days
    )


def injured(runner: RunnerInput) -> bool:
    cleared = runner.injury_cleared_on
    return runner.injury is not None and (cleared is None or cleared > runner.week_start)


def has_kit(runner: RunnerInput, needs: frozenset[str]) -> bool:
    kit = set(runner.equipment) | {"none"}
    if "gym" in runner.places:
        kit |= {"dumbbells", "barbell", "leg_press_machine", "rowing_machine", "bike"}
        kit |= {"elliptical", "stability_ball", "mat", "resistance_band"}
    if "pool" in runner.places:
        kit.add("kickboard")
    return not needs or bool(needs & kit)


def used_entries(week: Week, library: Library):
    for _, session in sessions(week):
        if session.activity:
            yield library.by_slug[session.activity]
        for prescription in session.exercises:
            yield library.by_slug[prescription.slug]


def total_strength_sets(week: Week) -> int:
    return sum(p.sets for _, s in sessions(week) for p in s.exercises)


@rule
@given(cases())
def test_the_week_is_seven_days_of_well_formed_sessions(case):
    library, runner = case
    week = build_week(runner, library.entries)
    assert [day.date for day in week.days] == [
        runner.week_start + timedelta(days=i) for i in range(7)
    ]
    for _, session in sessions(week):
        assert session.title and session.minutes > 0
        if session.kind == "cross_training":
            assert session.activity in ACTIVITIES and session.minutes >= 20
            assert not session.exercises and session.purpose is None
        elif session.kind == "run":
            assert session.activity is None and not session.exercises
        else:
            assert session.kind in ("strength", "post_run_strength") and session.exercises
            assert all(p.sets >= 1 for p in session.exercises)


@rule
@given(cases())
def test_nothing_lands_on_a_day_the_runner_cannot_train(case):
    library, runner = case
    week = build_week(runner, library.entries)
    for day, commitment in zip(week.days, runner.days, strict=True):
        if not commitment.available:
            assert day.is_rest


@rule
@given(cases())
def test_every_day_fits_its_minutes_and_keeps_a_buffer(case):
    library, runner = case
    week = build_week(runner, library.entries)
    for day, commitment in zip(week.days, runner.days, strict=True):
        assert day.minutes <= day_budget(commitment.minutes)
        if day.sessions:
            assert day.minutes <= commitment.minutes - 5
            assert day.minutes <= commitment.minutes * 0.9


@rule
@given(cases())
def test_every_week_has_a_full_rest_day(case):
    library, runner = case
    week = build_week(runner, library.entries)
    assert any(day.is_rest for day in week.days)


@rule
@given(cases())
def test_runs_and_cross_training_stay_within_the_mix(case):
    library, runner = case
    week = build_week(runner, library.entries)
    (_, most_runs), (_, most_cross) = MIX[runner.runner_type]
    assert max(runs_per_day(week)) <= 1
    assert sum(runs_per_day(week)) <= most_runs
    if not injured(runner):
        assert cross_days(week) <= most_cross


@rule
@given(cases(injury=None, injury_cleared_on=None))
def test_a_short_mix_comes_with_a_note(case):
    library, runner = case
    week = build_week(runner, library.entries)
    (fewest_runs, _), (fewest_cross, _) = MIX[runner.runner_type]
    short = sum(runs_per_day(week)) < fewest_runs or cross_days(week) < fewest_cross
    if short and week.phase != "race_week":
        assert any("this week has" in note or "this week is rest" in note for note in week.notes)


@rule
@given(cases(injury=None, injury_cleared_on=None))
def test_a_runner_with_six_roomy_days_gets_the_full_mix(case):
    library, runner = case
    roomy = tuple(Commitment(True, 90) for _ in range(6)) + (Commitment(False, 0),)
    week = build_week(replace(runner, days=roomy), library.entries)
    (fewest_runs, most_runs), (fewest_cross, most_cross) = MIX[runner.runner_type]
    if week.phase != "race_week":
        assert fewest_runs <= sum(runs_per_day(week)) <= most_runs
        assert fewest_cross <= cross_days(week) <= most_cross


@rule
@given(cases(injury=None, injury_cleared_on=None))
def test_runs_come_before_cross_training(case):
    library, runner = case
    week = build_week(runner, library.entries)
    (fewest_runs, _), _ = MIX[runner.runner_type]
    if sum(runs_per_day(week)) < fewest_runs and week.phase != "race_week":
        for day, commitment in zip(week.days, runner.days, strict=True):
            if day.sessions and all(s.kind != "run" for s in day.sessions):
                assert day_budget(commitment.minutes) < 30


@rule
@given(cases())
def test_every_run_has_a_purpose_and_a_running_muscle_block_after_it(case):
    library, runner = case
    week = build_week(runner, library.entries)
    for day, run in sessions(week, "run"):
        assert run.purpose in ("easy", "long", "speed", "hill")
        assert run.minutes >= 20
        kinds = [s.kind for s in day.sessions]
        block = day.sessions[kinds.index("run") + 1]
        assert block.kind == "post_run_strength"
        assert 10 <= block.minutes <= 20
        assert 3 <= len(block.exercises) <= 5
        for prescription in block.exercises:
            assert library.by_slug[prescription.slug].muscles & RUNNING_MUSCLES
            assert prescription.sets <= 2  # a quick circuit while the legs are warm


@rule
@given(cases())
def test_the_long_run_is_on_the_preferred_day_when_it_has_room(case):
    library, runner = case
    week = build_week(runner, library.entries)
    longs = [day.date.weekday() for day, run in sessions(week, "run") if run.purpose == "long"]
    assert len(longs) <= 1
    preferred = runner.days[runner.long_run_day]
    if longs and preferred.available and day_budget(preferred.minutes) >= 50:
        assert longs == [runner.long_run_day]
    if longs:
        long_minutes = max(r.minutes for _, r in sessions(week, "run") if r.purpose == "long")
        assert all(r.minutes <= long_minutes for _, r in sessions(week, "run"))


@rule
@given(cases())
def test_two_longer_strength_sessions_or_a_note(case):
    library, runner = case
    week = build_week(runner, library.entries)
    strength = [s for _, s in sessions(week, "strength")]
    assert len(strength) <= 2
    for session in strength:
        assert 30 <= session.minutes <= 45
        assert session.exercises
    if len(strength) < 2 and week.phase != "race_week":
        assert any("strength sessions fit" in note for note in week.notes)


@rule
@given(cases())
def test_no_running_sports_no_unasked_plyometrics_no_missing_kit_or_place(case):
    library, runner = case
    week = build_week(runner, library.entries)
    for entry in used_entries(week, library):
        assert not entry.running_sport
        assert runner.allow_plyometrics or not entry.plyometric
        assert has_kit(runner, entry.equipment)
        assert not entry.places or entry.places & (runner.places | {"home"})


@rule
@given(cases())
def test_no_heavy_legs_the_day_before_a_long_or_speed_run(case):
    library, runner = case
    week = build_week(runner, library.entries)
    for today, tomorrow in zip(week.days, week.days[1:], strict=False):
        if any(s.kind == "run" and s.purpose in ("long", "speed") for s in tomorrow.sessions):
            for session in today.sessions:
                assert not any(library.by_slug[p.slug].leg_heavy for p in session.exercises)
                assert not (session.activity and library.by_slug[session.activity].leg_heavy)


@rule
@given(cases())
def test_legs_get_two_days_between_longer_strength_sessions(case):
    library, runner = case
    week = build_week(runner, library.entries)

    def heavy_legs(day) -> bool:
        return any(
            s.kind == "strength" and any(library.by_slug[p.slug].leg_heavy for p in s.exercises)
            for s in day.sessions
        )

    for today, tomorrow in zip(week.days, week.days[1:], strict=False):
        assert not (heavy_legs(today) and heavy_legs(tomorrow))


@rule
@given(cases())
def test_new_activities_start_small(case):
    library, runner = case
    week = build_week(runner, library.entries)
    for _, session in sessions(week, "cross_training"):
        is_new = session.activity not in runner.recent_activities
        assert session.is_new_activity == is_new
        if is_new:
            assert session.minutes <= 20
    for _, session in sessions(week):
        for prescription in session.exercises:
            entry = library.by_slug[prescription.slug]
            if entry.slug not in runner.recent_activities:
                assert prescription.sets <= max(1, entry.default_sets - 1)
                assert session.is_new_activity


@rule
@given(cases())
def test_a_harder_variation_waits_until_its_family_was_done_lately(case):
    library, runner = case
    week = build_week(runner, library.entries)
    practised = {library.by_slug[slug].family_key for slug in runner.recent_activities}
    for _, session in sessions(week):
        for prescription in session.exercises:
            entry = library.by_slug[prescription.slug]
            if entry.is_progression:
                assert entry.family_key in practised, entry.slug


@rule
@given(cases())
def test_the_taper_never_adds_strength(case):
    library, runner = case
    build = build_week(
        replace(runner, race_date=runner.week_start + timedelta(weeks=8)), library.entries
    )
    taper = build_week(
        replace(runner, race_date=runner.week_start + timedelta(days=14)), library.entries
    )
    assert (build.phase, taper.phase) == ("build", "taper")
    assert total_strength_sets(taper) <= total_strength_sets(build)
    assert len(list(sessions(taper, "strength"))) <= len(list(sessions(build, "strength")))
    for _, session in sessions(taper):
        for prescription in session.exercises:
            assert prescription.sets <= max(1, library.by_slug[prescription.slug].default_sets - 1)


@rule
@given(cases())
def test_the_off_season_holds_more_cross_training(case):
    library, runner = case
    season = build_week(
        replace(runner, race_date=runner.week_start + timedelta(weeks=8)), library.entries
    )
    off = build_week(replace(runner, race_date=None), library.entries)
    assert off.phase == "off_season"
    assert cross_days(off) >= cross_days(season)
    assert sum(runs_per_day(off)) <= sum(runs_per_day(season))


@rule
@given(cases())
def test_the_phase_follows_the_race_date_and_is_shown(case):
    library, runner = case
    week = build_week(runner, library.entries)
    if runner.race_date is None or runner.race_date < runner.week_start:
        expected = "off_season"
    else:
        weeks_out = (runner.race_date - runner.week_start).days // 7
        expected = (
            [
                "race_week",
                "taper",
                "taper",
                "peak",
                "peak",
                "peak",
                *["build"] * 6,
            ][weeks_out]
            if weeks_out < 12
            else "base"
        )
    assert week.phase == expected
    label = {"off_season": "ff-season", "race_week": "Race week"}.get(expected, expected)
    assert label.lower() in week.notes[0].lower()


@rule
@given(cases(injury=st.sampled_from(INJURY_AREAS), injury_cleared_on=None))
def test_an_injured_runner_does_not_run_and_cross_trains_kindly(case):
    library, runner = case
    week = build_week(runner, library.entries)
    assert not list(sessions(week, "run"))
    assert not list(sessions(week, "post_run_strength"))
    for _, session in sessions(week, "cross_training"):
        entry = library.by_slug[session.activity]
        assert runner.injury in entry.suits
        assert runner.injury not in entry.avoids
        assert entry.impact in ("none", "low")
    for entry in used_entries(week, library):
        assert runner.injury not in entry.avoids


def back_from(runner: RunnerInput, days_back: int, injury_days: int | None) -> RunnerInput:
    """The runner `days_back` days after clearing an injury of `injury_days` (a real one)."""
    return replace(
        runner,
        injury=None,
        injury_cleared_on=runner.week_start - timedelta(days=days_back),
        injury_days=injury_days,
        injury_was_nothing=False,
    )


def return_strictness(week: Week) -> int:
    """2 for a week of two short easy runs, 1 for a week without speed or hills, else 0."""
    notes = " ".join(week.notes)
    if "at most two short easy runs" in notes:
        return 2
    return 1 if "no speed or hills" in notes else 0


@rule
@given(cases(), st.integers(0, 27), st.none() | st.integers(22, 400))
def test_a_long_injury_keeps_the_full_month_of_return(case, days_back, injury_days):
    library, runner = case
    runner = back_from(runner, days_back, injury_days)
    week = build_week(runner, library.entries)
    runs = [run for _, run in sessions(week, "run")]
    assert all(run.purpose not in ("speed", "hill") for run in runs)
    if days_back < 14:
        assert len(runs) <= 2
        assert all(run.purpose == "easy" and run.minutes <= 30 for run in runs)
    else:
        (fewest_runs, _), _ = MIX[runner.runner_type]
        assert len(runs) <= fewest_runs
        assert all(run.minutes <= 60 for run in runs if run.purpose == "long")


@rule
@given(cases(), st.integers(-6, 35), st.integers(0, 60), st.integers(0, 60))
def test_the_return_never_lasts_longer_for_a_shorter_injury(case, days_back, one, other):
    library, runner = case
    shorter, longer = sorted((one, other))
    weeks = [
        build_week(back_from(runner, days_back, d), library.entries) for d in (shorter, longer)
    ]
    assert return_strictness(weeks[0]) <= return_strictness(weeks[1])


@rule
@given(cases(), st.integers(-6, 13), st.integers(0, 6))
def test_a_few_days_off_cost_at_most_one_lighter_week(case, days_back, injury_days):
    library, runner = case
    week = build_week(back_from(runner, days_back, injury_days), library.entries)
    full = build_week(back_from(runner, days_back, None), library.entries)
    assert return_strictness(week) == (1 if days_back < 7 else 0)
    assert return_strictness(full) == 2


@given(st.dates(date(2026, 1, 1), date(2030, 12, 31)), st.none() | st.integers(0, 400))
def test_the_return_ends_on_the_sunday_after_its_last_week(cleared_on, injury_days):
    block = return_block(cleared_on=cleared_on, injury_days=injury_days, was_nothing=False)
    assert block is not None
    last_monday = block.ends_on - timedelta(days=6)
    assert block.ends_on.weekday() == 6
    assert block.stage(last_monday) > 0 and block.stage(block.ends_on + timedelta(days=1)) == 0
    if block.easy_until is not None:
        assert block.stage(block.easy_until - timedelta(days=6)) == 1
        assert block.stage(block.easy_until + timedelta(days=1)) != 1


@rule
@given(cases(), st.integers(-6, 35), st.none() | st.integers(0, 400))
def test_it_was_nothing_gives_the_week_of_a_runner_never_injured(case, days_back, injury_days):
    library, runner = case
    nothing = replace(back_from(runner, days_back, injury_days), injury_was_nothing=True)
    never = replace(runner, injury=None, injury_cleared_on=None, injury_days=None)
    assert build_week(nothing, library.entries) == build_week(never, library.entries)


@rule
@given(cases(injury=None, injury_cleared_on=None))
def test_liked_activities_come_first_then_gentle_ones(case):
    library, runner = case
    week = build_week(runner, library.entries)
    usable = [
        entry
        for entry in library.entries
        if entry.kind == "cross_training"
        and not entry.running_sport
        and has_kit(runner, entry.equipment)
        and entry.places & (runner.places | {"home"})
    ]
    liked = {entry.slug for entry in usable if entry.slug in runner.likes}
    chosen = {session.activity for _, session in sessions(week, "cross_training")}
    if liked:
        assert chosen <= liked
    elif chosen:
        gentlest = min(("none", "low", "high").index(entry.impact) for entry in usable)
        assert {("none", "low", "high").index(library.by_slug[slug].impact) for slug in chosen} == {
            gentlest
        }


@settings(max_examples=100, deadline=None)
@given(st.data())
def test_the_same_runner_always_gets_the_same_week(data):
    library, runner = data.draw(cases())
    shuffled = data.draw(st.permutations(library.entries))
    assert build_week(runner, library.entries) == build_week(runner, shuffled)


coach_runs = st.lists(
    st.builds(
        CoachRun,
        day=st.dates(FIRST_MONDAY, FIRST_MONDAY + timedelta(weeks=8)),
        purpose=st.sampled_from(["easy", "long", "speed", "hill", ""]),
        minutes=st.integers(10, 180),
    ),
    max_size=30,
).map(lambda runs: sorted(runs, key=lambda run: run.day))


@rule
@given(
    st.dates(FIRST_MONDAY, FIRST_MONDAY + timedelta(weeks=6)),
    st.none() | st.integers(0, 60),
    st.sampled_from(sorted(MIX)),
    coach_runs,
)
def test_a_coachs_runs_keep_to_the_return_limits(
    cleared_on, injury_days, runner_type, runs
) -> None:
    block = return_block(cleared_on=cleared_on, injury_days=injury_days, was_nothing=False)
    assert block is not None
    eased = eased_runs(block, runner_type, runs)
    (fewest_runs, _), _ = MIX[runner_type]
    kept_per_week: dict[date, int] = {}
    for asked, kept in zip(runs, eased, strict=True):
        monday = asked.day - timedelta(days=asked.day.weekday())
        stage = block.stage(monday)
        if stage == 0:
            assert kept == asked
            continue
        if kept is None:
            continue
        kept_per_week[monday] = kept_per_week.get(monday, 0) + 1
        assert kept.day == asked.day and kept.minutes <= asked.minutes
        assert kept.purpose not in ("speed", "hill")
        if stage == 1:
            assert kept_per_week[monday] <= 2 and kept.purpose == "easy" and kept.minutes <= 30
        else:
            assert kept_per_week[monday] <= fewest_runs
            assert kept.purpose != "long" or kept.minutes <= 60
