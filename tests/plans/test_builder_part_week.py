"""A week planned from a later day (a runner who joins mid-week): the days left get their
share of the week, and the notes speak of those days only."""

from hypothesis import given, settings
from hypothesis import strategies as st

from plans.builder import DAY_KEYS, build_week
from tests.plans.seeded import SEEDED
from tests.plans.test_builder_examples import everywhere, free, runner

EVERY_DAY = free(**dict.fromkeys(DAY_KEYS, 60))


def test_a_week_planned_from_friday_holds_nothing_before_friday():
    week = build_week(runner(days=EVERY_DAY, first_day=4), SEEDED)
    assert all(not day.sessions for day in week.days[:4])
    assert any(day.sessions for day in week.days[4:])


def test_the_days_left_get_their_share_not_the_whole_weeks_runs():
    whole = build_week(runner(days=EVERY_DAY), SEEDED)
    part = build_week(runner(days=EVERY_DAY, first_day=4), SEEDED)
    assert len(everywhere(whole, "run")) == 4
    assert len(everywhere(part, "run")) == 2  # 4 runs × 3 of 7 days, rounded


def test_the_notes_of_a_part_week_name_the_days_left():
    notes = build_week(runner(first_day=4), SEEDED).notes  # free Tue, Thu, Sat and Sun
    assert "This week is planned from Friday" in notes[1]
    assert not any("You have only" in note or "this week has" in note for note in notes)
    assert not any("two longer strength sessions" in note for note in notes)


def test_a_long_run_day_already_past_is_named_as_such():
    notes = build_week(runner(days=EVERY_DAY, long_run_day=2, first_day=4), SEEDED).notes
    assert any("after your usual long-run day" in note for note in notes)


@settings(max_examples=30, deadline=None)
@given(
    first_day=st.integers(0, 6),
    minutes=st.lists(st.sampled_from([0, 30, 45, 90]), min_size=7, max_size=7),
)
def test_no_session_is_ever_planned_before_the_first_day(first_day, minutes):
    days = free(**{key: m for key, m in zip(DAY_KEYS, minutes, strict=True) if m})
    week = build_week(runner(days=days, first_day=first_day), SEEDED)
    assert all(not day.sessions for day in week.days[:first_day])
