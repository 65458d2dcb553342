"""The weekly builder on the runners a coach meets most often."""

import dataclasses
from datetime import date, timedelta
from typing import Any

import pytest

from exercises import vocabulary
from plans import builder
from plans.builder import DAY_KEYS, Commitment, RunnerInput, Week, build_week
from tests.plans.library import ACTIVITIES, BY_SLUG, LIBRARY, STRENGTH
from tests.plans.seeded import SEEDED, SEEDED_BY_SLUG

MONDAY = date(2026, 11, 23)


def free(**minutes: int) -> tuple[Commitment, ...]:
    """Commitments from keyword minutes, e.g. free(tue=60, sun=90); other days are busy."""
    return tuple(Commitment(day in minutes, minutes.get(day, 0)) for day in DAY_KEYS)


def runner(**changes: Any) -> RunnerInput:
    values: dict[str, Any] = {
        "runner_type": "recreational",
        "week_start": MONDAY,
        "days": free(tue=60, thu=60, sat=60, sun=90),
        "long_run_day": 6,
        "race_date": MONDAY + timedelta(weeks=10),
    }
    return RunnerInput(**(values | changes))


def on(week: Week, day: str, kind: str):
    return [s for s in week.days[DAY_KEYS.index(day)].sessions if s.kind == kind]


def everywhere(week: Week, kind: str):
    return [s for d in week.days for s in d.sessions if s.kind == kind]


def exercises_in(week: Week) -> set[str]:
    return {p.slug for d in week.days for s in d.sessions for p in s.exercises}


def total_sets(week: Week) -> int:
    return sum(p.sets for d in week.days for s in d.sessions for p in s.exercises)


def test_a_recreational_runner_with_four_days_runs_three_times_and_lifts_once():
    week = build_week(runner(), LIBRARY)

    runs = everywhere(week, "run")
    assert [r.purpose for r in runs] == ["speed", "easy", "long"]
    assert on(week, "sun", "run")[0].purpose == "long"
    assert len(everywhere(week, "post_run_strength")) == 3
    assert len(on(week, "sat", "strength")) == 1
    assert [d.is_rest for d in week.days] == [True, False, True, False, True, False, False]
    assert week.phase == "build"
    assert week.notes[0] == "Build phase: your race is on Monday 1 Feb."
    assert (
        "You have only four training days with enough time, so this week has three runs "
        "and one cross-training day." in week.notes
    )


def test_a_competitive_runner_with_six_days_runs_five_times_with_speed_and_hills():
    week = build_week(
        runner(
            runner_type="competitive",
            days=free(mon=60, tue=75, wed=60, thu=75, sat=60, sun=120),
        ),
        LIBRARY,
    )

    purposes = sorted(r.purpose for r in everywhere(week, "run"))
    assert purposes == ["easy", "easy", "hill", "long", "speed"]
    assert on(week, "sun", "run")[0].minutes == 90
    assert len(everywhere(week, "strength")) == 2
    assert week.days[DAY_KEYS.index("fri")].is_rest


def test_a_runner_with_only_two_days_gets_two_runs_and_is_told_why():
    week = build_week(runner(days=free(wed=60, sun=90)), LIBRARY)

    assert [r.purpose for r in everywhere(week, "run")] == ["easy", "long"]
    assert not everywhere(week, "cross_training")
    assert (
        "You have only two training days with enough time, so this week has two runs "
        "and no cross-training days." in week.notes
    )
    assert "Neither of the two longer strength sessions fits this week." in week.notes


def test_every_run_is_followed_by_a_short_running_muscle_routine():
    week = build_week(runner(), LIBRARY)

    for day in week.days:
        kinds = [s.kind for s in day.sessions]
        if "run" in kinds:
            block = day.sessions[kinds.index("run") + 1]
            assert block.kind == "post_run_strength"
            assert 10 <= block.minutes <= 20
            assert 3 <= len(block.exercises) <= 5


def test_the_day_before_the_long_run_holds_no_heavy_leg_work():
    week = build_week(runner(), LIBRARY)

    saturday = on(week, "sat", "strength")[0]
    assert saturday.exercises
    assert not any(BY_SLUG[p.slug].leg_heavy for p in saturday.exercises)


def test_an_injured_knee_swaps_every_run_for_gentle_pool_work_and_spares_the_knee():
    week = build_week(runner(injury="knee", places=frozenset({"home", "pool"})), LIBRARY)

    assert not everywhere(week, "run")
    assert {s.activity for s in everywhere(week, "cross_training")} <= {
        "swimming",
        "deep-water-running",
    }
    assert len(everywhere(week, "cross_training")) == 3
    lifted = {p.slug for s in everywhere(week, "strength") for p in s.exercises}
    assert lifted and not lifted & {"squat", "lunge", "leg-press", "overhead-forward-lunge"}
    assert week.notes[1].startswith("While your knee heals there are no runs")


def test_a_knee_injury_can_skate_when_the_runner_has_skates():
    week = build_week(
        runner(
            injury="knee",
            places=frozenset({"outdoors"}),
            equipment=frozenset({"skates"}),
            likes=frozenset({"ice-skating"}),
        ),
        LIBRARY,
    )

    assert {s.activity for s in everywhere(week, "cross_training")} == {"ice-skating"}


def test_running_comes_back_with_two_short_easy_runs_after_an_injury_clears():
    week = build_week(runner(injury_cleared_on=MONDAY - timedelta(days=3)), LIBRARY)

    runs = everywhere(week, "run")
    assert [r.purpose for r in runs] == ["easy", "easy"]
    assert all(r.minutes <= 30 for r in runs)
    assert "Back from injury: this week holds at most two short easy runs." in week.notes


def test_a_race_in_ten_weeks_is_the_build_phase_and_a_race_in_one_week_the_taper():
    build = build_week(runner(), LIBRARY)
    taper = build_week(runner(race_date=MONDAY + timedelta(weeks=1)), LIBRARY)

    assert (build.phase, taper.phase) == ("build", "taper")
    assert taper.notes[0].startswith("Taper: your race is on Monday 30 Nov.")
    assert total_sets(taper) < total_sets(build)
    build_long, taper_long = (on(w, "sun", "run")[0].minutes for w in (build, taper))
    assert taper_long < build_long


def test_race_week_keeps_the_runs_easy_and_frees_the_race_and_the_day_before():
    week = build_week(
        runner(race_date=MONDAY + timedelta(days=5), days=free(mon=60, tue=60, thu=60, fri=60)),
        LIBRARY,
    )

    assert week.phase == "race_week"
    assert {r.purpose for r in everywhere(week, "run")} == {"easy"}
    assert all(week.days[i].is_rest for i in (4, 5, 6))
    assert not everywhere(week, "strength")


def test_the_off_season_trades_a_run_for_cross_training():
    days = free(mon=60, tue=60, wed=60, thu=60, fri=60, sun=90)
    season = build_week(runner(days=days), LIBRARY)
    off = build_week(runner(days=days, race_date=None), LIBRARY)

    assert off.phase == "off_season"
    assert off.notes[0] == "Off-season (no race planned): more cross-training this week."
    assert (len(everywhere(season, "run")), len(everywhere(off, "run"))) == (4, 3)
    assert {r.purpose for r in everywhere(off, "run")} == {"easy", "long"}
    rest_or_run = [any(s.kind == "run" for s in d.sessions) or d.is_rest for d in off.days]
    assert rest_or_run.count(False) == 3


def test_a_liked_activity_is_chosen_and_starts_short_when_it_is_new():
    days = free(mon=60, tue=60, wed=60, thu=60, fri=60, sun=90)
    new = build_week(runner(days=days, likes=frozenset({"rowing"})), LIBRARY)
    familiar = build_week(
        runner(
            days=days,
            likes=frozenset({"rowing"}),
            recent_activities=frozenset({"rowing"}),
        ),
        LIBRARY,
    )

    (rowing,) = everywhere(new, "cross_training")
    assert (rowing.activity, rowing.minutes, rowing.is_new_activity) == ("rowing", 20, True)
    (rowing,) = everywhere(familiar, "cross_training")
    assert (rowing.activity, rowing.minutes, rowing.is_new_activity) == ("rowing", 30, False)


def test_running_sports_are_never_cross_training():
    outdoor_games = [BY_SLUG[slug] for slug in ("soccer", "rugby", "tennis")]
    week = build_week(
        runner(
            days=free(mon=60, tue=60, wed=60, thu=60, fri=60, sun=90),
            places=frozenset({"outdoors"}),
        ),
        list(STRENGTH) + outdoor_games,
    )

    assert {s.activity for s in everywhere(week, "cross_training")} == {"tennis"}


def test_a_runner_with_no_equipment_gets_only_moves_that_need_none():
    week = build_week(runner(places=frozenset({"outdoors"})), LIBRARY)

    assert exercises_in(week)
    for slug in exercises_in(week):
        assert "none" in BY_SLUG[slug].equipment


def test_plyometrics_appear_only_when_a_coach_allows_them():
    plain = build_week(runner(), LIBRARY)
    coached = build_week(runner(allow_plyometrics=True), LIBRARY)

    assert "jump-squat" not in exercises_in(plain)
    assert "jump-squat" in exercises_in(coached)


def test_the_same_runner_gets_the_same_week_every_time():
    shuffled = list(reversed(LIBRARY))

    assert build_week(runner(), LIBRARY) == build_week(runner(), shuffled)


def test_a_long_run_day_without_room_moves_the_long_run_and_says_so():
    week = build_week(runner(days=free(tue=60, thu=90, sat=60, sun=30)), LIBRARY)

    assert on(week, "thu", "run")[0].purpose == "long"
    assert "Sunday is too short for your long run this week, so it moves to Thursday." in (
        week.notes
    )


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"week_start": MONDAY + timedelta(days=1)}, "The week must start on a Monday."),
        ({"runner_type": "elite"}, "Runner type must be one of recreational, competitive."),
        ({"injury": "elbow"}, "Injury must be one of knee, achilles, shin, hip, back, ankle."),
        ({"likes": frozenset({"soccer"})}, "Unknown liked activity: soccer."),
        ({"days": free(mon=30)[:6]}, "Give exactly seven days, Monday to Sunday."),
    ],
)
def test_bad_input_is_refused_with_a_clear_message(changes, message):
    with pytest.raises(ValueError, match=message):
        build_week(runner(**changes), LIBRARY)


def test_the_builders_words_match_the_shared_vocabulary():
    assert set(builder.KINDS) == set(vocabulary.Kind.values)
    assert set(builder.MUSCLES) == set(vocabulary.Muscle.values)
    assert set(builder.EQUIPMENT) == set(vocabulary.Equipment.values)
    assert set(builder.PLACES) == set(vocabulary.Place.values)
    assert set(builder.IMPACTS) == set(vocabulary.Impact.values)
    assert set(builder.INJURY_AREAS) == set(vocabulary.InjuryArea.values)
    assert set(builder.ACTIVITIES) == set(vocabulary.Activity.values)


def test_the_test_library_speaks_the_shared_vocabulary():
    for entry in LIBRARY:
        assert entry.kind in builder.KINDS
        assert entry.muscles <= set(builder.MUSCLES)
        assert entry.equipment <= set(builder.EQUIPMENT)
        assert entry.places <= set(builder.PLACES)
        assert entry.impact in builder.IMPACTS
        assert entry.suits | entry.avoids <= set(builder.INJURY_AREAS)
    activities = {e.slug for e in LIBRARY if e.kind == "cross_training" and not e.running_sport}
    assert activities == set(builder.ACTIVITIES)


def test_a_runner_free_every_day_still_rests_the_day_after_the_long_run():
    week = build_week(runner(days=free(**dict.fromkeys(DAY_KEYS, 90))), LIBRARY)

    assert on(week, "sun", "run")[0].purpose == "long"
    assert [d.is_rest for d in week.days].count(True) == 1
    assert week.days[0].is_rest


def test_a_new_strength_move_starts_a_set_lighter_than_a_familiar_one():
    days = free(mon=60, tue=60, wed=60, thu=60, fri=60, sun=90)
    new = build_week(runner(days=days), LIBRARY)
    familiar = build_week(runner(days=days, recent_activities=frozenset({"plank"})), LIBRARY)

    def plank_sets(week: Week) -> set[int]:
        return {
            p.sets for s in everywhere(week, "strength") for p in s.exercises if p.slug == "plank"
        }

    assert plank_sets(new) == {2}
    assert plank_sets(familiar) == {3}


def test_a_harder_variation_comes_once_the_easier_move_was_done_lately():
    days = free(mon=60, tue=60, wed=60, thu=60, fri=60, sun=90)
    equipment = frozenset({"stability_ball", "dumbbells"})
    new = build_week(runner(days=days, equipment=equipment), LIBRARY)
    practised = build_week(
        runner(
            days=days,
            equipment=equipment,
            recent_activities=frozenset({"calf-raise", "stability-ball-leg-curl", "squat"}),
        ),
        LIBRARY,
    )

    harder = {"single-leg-calf-raise", "single-leg-stability-ball-leg-curl", "goblet-squat"}
    assert not exercises_in(new) & harder
    assert exercises_in(practised) & harder


def test_a_move_and_its_own_variation_never_share_a_session():
    curl = BY_SLUG["stability-ball-leg-curl"]
    single = dataclasses.replace(
        curl, slug="single-leg-curl", name="Single-leg curl", family=curl.slug
    )
    # So few moves that, without the rule, every session would take both curls.
    library = (curl, single, BY_SLUG["calf-raise"], BY_SLUG["back-extension"], *ACTIVITIES)
    week = build_week(runner(equipment=frozenset({"stability_ball"})), library)
    sessions_with_a_curl = [
        {p.slug for p in session.exercises} & {curl.slug, single.slug}
        for day in week.days
        for session in day.sessions
        if {p.slug for p in session.exercises} & {curl.slug, single.slug}
    ]
    assert sessions_with_a_curl
    assert all(len(curls) == 1 for curls in sessions_with_a_curl)


def test_the_post_run_block_needs_no_gym_machine_even_for_a_gym_member():
    week = build_week(runner(places=frozenset({"home", "gym"})), LIBRARY)
    for block in everywhere(week, "post_run_strength"):
        for move in block.exercises:
            needs = BY_SLUG[move.slug].equipment
            assert not needs or "none" in needs, move.slug


def test_a_runner_without_kit_gets_a_full_routine_after_the_run_before_the_long_run():
    # On the seeded library: every squat and lunge is leg-heavy, so Saturday's routine has to
    # come from bare-hands moves that spare the legs.
    week = build_week(runner(days=free(sat=35, sun=60), places=frozenset({"outdoors"})), SEEDED)

    assert on(week, "sun", "run")[0].purpose == "long"
    (block,) = on(week, "sat", "post_run_strength")
    assert len(block.exercises) >= 3
    for move in block.exercises:
        entry = SEEDED_BY_SLUG[move.slug]
        assert "none" in entry.equipment and not entry.leg_heavy, move.slug


def test_no_downhill_skiing_the_day_before_the_long_run():
    skier = runner(
        days=free(wed=60, thu=60, fri=60, sat=60, sun=120),
        likes=frozenset({"downhill-skiing"}),
        equipment=frozenset({"skis"}),
        places=frozenset({"outdoors"}),
        race_date=None,
    )
    week = build_week(skier, SEEDED)

    assert on(week, "sun", "run")[0].purpose == "long"
    assert not on(week, "sat", "cross_training")
    assert on(week, "sat", "strength")  # the day goes to the strength session instead


@pytest.mark.parametrize(
    ("injury_days", "easy_until", "ends_on"),
    [
        (None, date(2026, 12, 6), date(2026, 12, 20)),  # unknown: the full month
        (35, date(2026, 12, 6), date(2026, 12, 20)),
        (14, date(2026, 11, 29), date(2026, 12, 6)),  # two weeks off: a week of each stage
        (1, None, date(2026, 11, 29)),  # a day off: the rest of the week and the next, lighter
    ],
)
def test_the_return_from_an_injury_cleared_on_a_tuesday_scales_with_its_length(
    injury_days, easy_until, ends_on
):
    block = builder.return_block(
        cleared_on=date(2026, 11, 17), injury_days=injury_days, was_nothing=False
    )

    assert (block.easy_until, block.ends_on) == (easy_until, ends_on)


def test_a_knee_cleared_as_nothing_needs_no_return():
    assert builder.return_block(cleared_on=MONDAY, injury_days=30, was_nothing=True) is None


def test_a_day_off_keeps_the_long_run_but_drops_speed_and_hills():
    week = build_week(runner(injury_cleared_on=MONDAY - timedelta(days=1), injury_days=1), LIBRARY)

    assert [r.purpose for r in everywhere(week, "run")] == ["easy", "easy", "long"]
    assert on(week, "sun", "run")[0].minutes == 60
    assert "Back from injury: easy and long runs only for now, no speed or hills." in week.notes
