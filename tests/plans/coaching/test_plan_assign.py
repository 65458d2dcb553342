import datetime

import pytest

from plans.coaching.services import (
    ExerciseLine,
    TemplateSessionData,
    TrainingDays,
    assignment_end,
    place_session,
    plan_assign,
    template_session_add,
)
from plans.models import Assignment, PlanTemplate, Session, Source
from plans.services import week_generate, weeks_ensure
from plans.signals import runs_created
from tests.accounts.factories import PersonalBestGoalFactory, RunnerProfileFactory
from tests.factories import CoachingFactory
from tests.plans.coaching.conftest import NEXT_MONDAY, TODAY, slug
from tests.plans.factories import RunLogFactory, SessionFactory

DAY = datetime.timedelta(days=1)


def sessions_of(runner, **filters):
    return Session.objects.filter(runner=runner, **filters).order_by("date", "position")


def assign(template, *athletes, start=NEXT_MONDAY):
    return plan_assign(
        template=template, athletes=list(athletes), start=start, coach=template.coach
    )


def test_sessions_land_on_their_days_with_exercises_and_rep_ranges(profile, template):
    assign(template, profile.user)
    long_run = sessions_of(profile.user, source=Source.TEMPLATE, kind="run").get()
    assert long_run.date == NEXT_MONDAY + 6 * DAY
    assert (long_run.purpose, long_run.minutes) == ("long", 90)
    strength = sessions_of(
        profile.user, kind="strength", post_run=False, source=Source.TEMPLATE
    ).get()
    assert [item.dose_text for item in strength.exercises.all()] == [
        "3 × 10–12 reps",
        "3 × 6–8 reps",
    ]
    swim = sessions_of(profile.user, kind="cross_training", source=Source.TEMPLATE).get()
    assert swim.date == NEXT_MONDAY + 9 * DAY
    assert swim.activity.slug == "swimming"


def test_a_session_on_a_day_the_athlete_cannot_train_moves_to_the_nearest_free_day(
    profile, template
):
    assign(template, profile.user)  # trains Mon, Wed, Fri, Sun; strength was set for Tuesday
    strength = sessions_of(
        profile.user, kind="strength", post_run=False, source=Source.TEMPLATE
    ).get()
    assert strength.date == NEXT_MONDAY
    assert strength.placement_note.startswith("Moved from Tuesday")
    assert not strength.needs_attention


def test_a_session_with_no_free_day_in_its_week_is_flagged_not_dropped(template, coach):
    profile = RunnerProfileFactory(week=(), time_zone="UTC")
    CoachingFactory(coach=coach, athlete=profile.user)
    assign(template, profile.user)
    sessions = sessions_of(profile.user, source=Source.TEMPLATE, post_run=False)
    assert sessions.count() == 3
    assert all(session.needs_attention for session in sessions)
    assert sessions[0].placement_note == "No training day left free in this week."


def test_the_nearest_free_day_is_never_in_the_past():
    monday = datetime.date(2026, 11, 23)
    wednesday = monday + 2 * DAY
    days = TrainingDays(offered={0: 45, 4: 45}, taken={})
    placed = place_session(monday + DAY, 30, days, today=wednesday)
    assert placed is None  # Tuesday itself is over
    placed = place_session(wednesday, 30, days, today=wednesday)
    assert placed.day == monday + 4 * DAY


def test_what_the_athlete_kept_on_a_day_takes_its_room(profile, coach):
    """Trains Mon, Wed, Fri, Sun for 45 minutes; a Tuesday run of 30 would go to Monday or
    Wednesday, but the athlete already did 30 minutes on each."""
    template = PlanTemplate.objects.create(coach=coach, name="Tuesday", weeks=1)
    template_session_add(
        template=template,
        data=TemplateSessionData(
            week_index=0, weekday=1, kind="run", purpose="easy", title="Easy run", minutes=30
        ),
    )
    for weekday in (0, 2):
        SessionFactory(runner=profile.user, date=NEXT_MONDAY + weekday * DAY, status="done")
    assign(template, profile.user)
    moved = sessions_of(profile.user, source=Source.TEMPLATE, kind="run").get()
    assert moved.date == NEXT_MONDAY + 4 * DAY
    assert moved.placement_note == "Moved from Tuesday, not a training day."


def test_a_templates_post_run_block_moves_with_its_run(profile, coach):
    """Trains Mon, Wed, Fri, Sun for 45 minutes; a Tuesday run of 25 with its 15-minute block
    moves, and the block goes with it to the same day, as that run's own block."""
    template = PlanTemplate.objects.create(coach=coach, name="Tuesday", weeks=1)
    for data in [
        TemplateSessionData(
            week_index=0, weekday=1, kind="run", purpose="easy", title="Easy run", minutes=25
        ),
        TemplateSessionData(
            week_index=0, weekday=1, kind="strength", title="After the run", minutes=15,
            post_run=True,
            exercises=[
                ExerciseLine(exercise_id=slug("calf-raise"), sets=2, rep_min=12, rep_max=15)
            ],
        ),
    ]:  # fmt: skip
        template_session_add(template=template, data=data)
    SessionFactory(runner=profile.user, date=NEXT_MONDAY, status="done", minutes=20)
    assign(template, profile.user)
    run = sessions_of(profile.user, source=Source.TEMPLATE, kind="run").get()
    block = sessions_of(profile.user, source=Source.TEMPLATE, post_run=True).get()
    # Monday has 25 minutes left: room for the run alone, not for the run and its block.
    assert run.date == NEXT_MONDAY + 2 * DAY
    assert block.date == run.date
    assert block.for_run == run
    assert block.title == "After the run"


def test_generated_sessions_on_the_dates_go_and_done_ones_stay(profile, template):
    weeks_ensure(runner=profile.user, today=TODAY)
    generated_next_week = sessions_of(
        profile.user, date__gte=NEXT_MONDAY, source=Source.GENERATED, status="planned"
    )
    assert generated_next_week.exists()
    done = SessionFactory(runner=profile.user, date=NEXT_MONDAY + 4 * DAY, status="done")
    assign(template, profile.user)
    assert not generated_next_week.exists()
    assert Session.objects.filter(pk=done.pk).exists()


def test_a_planned_session_with_a_run_logged_is_not_replaced(profile, template):
    weeks_ensure(runner=profile.user, today=TODAY)
    plain, with_log = sessions_of(profile.user, date__gte=NEXT_MONDAY, kind="run")[:2]
    RunLogFactory(runner=profile.user, session=with_log, date=with_log.date)
    assign(template, profile.user)
    assert not Session.objects.filter(pk=plain.pk).exists()
    assert Session.objects.get(pk=with_log.pk).status == "planned"


def test_unassigning_keeps_a_template_session_with_a_run_logged(profile, template):
    assignment = assign(template, profile.user)[0]
    long_run = sessions_of(profile.user, kind="run", source=Source.TEMPLATE).get()
    RunLogFactory(runner=profile.user, session=long_run, date=long_run.date)
    swim = sessions_of(profile.user, title="Swim").get()
    assignment_end(assignment=assignment)
    assert Session.objects.filter(pk=long_run.pk).exists()
    assert not Session.objects.filter(pk=swim.pk).exists()


def test_regenerating_a_week_leaves_the_assigned_dates_alone(profile, template):
    assign(template, profile.user)
    week_generate(runner=profile.user, week_start=NEXT_MONDAY, today=TODAY)
    assert not sessions_of(profile.user, date__gte=NEXT_MONDAY, source=Source.GENERATED).exists()


def test_assigning_announces_every_run_it_creates_in_one_signal(profile, template):
    heard = []

    def listen(sessions, **kwargs):
        heard.append([session.title for session in sessions])

    runs_created.connect(listen)
    try:
        assign(template, profile.user)
    finally:
        runs_created.disconnect(listen)
    assert heard == [["Long run"]]


def test_a_new_assignment_ends_an_overlapping_one(profile, template):
    first = assign(template, profile.user)[0]
    assign(template, profile.user, start=NEXT_MONDAY + 7 * DAY)
    first.refresh_from_db()
    assert first.ended_at is not None
    assert sessions_of(profile.user, source=Source.TEMPLATE, kind="run").count() == 2
    swims = sessions_of(profile.user, source=Source.TEMPLATE, title="Swim")
    assert [swim.date for swim in swims] == [NEXT_MONDAY + 16 * DAY]  # the first one's went


def test_unassigning_restores_generated_sessions_for_the_days_ahead(profile, template):
    weeks_ensure(runner=profile.user, today=TODAY)
    assignment = assign(template, profile.user)[0]
    assignment_end(assignment=assignment)
    assert not sessions_of(profile.user, source=Source.TEMPLATE).exists()
    assert sessions_of(profile.user, date__gte=NEXT_MONDAY, source=Source.GENERATED).exists()
    assert Assignment.objects.active().count() == 0


def test_unassigning_keeps_what_the_athlete_already_did(profile, template):
    assignment = assign(template, profile.user)[0]
    long_run = sessions_of(profile.user, kind="run", source=Source.TEMPLATE).get()
    long_run.status = "done"
    long_run.save()
    assignment_end(assignment=assignment)
    assert Session.objects.filter(pk=long_run.pk).exists()


# SQLite inserts at most 999 values at a time: 10 athletes' 30 sessions fit in one batch.
@pytest.mark.parametrize("athletes", [1, 10])
def test_bulk_assignment_takes_the_same_number_of_queries_for_any_number_of_athletes(
    template, coach, athletes, django_assert_num_queries
):
    profiles = [RunnerProfileFactory(time_zone="UTC") for _ in range(athletes)]
    for profile in profiles:
        PersonalBestGoalFactory(profile=profile)
    # savepoint, profiles, their commitments, their injuries, their goals, template sessions, their
    # exercises, end overlapping assignments, sessions to replace (none here), insert
    # assignments, minutes kept on the dates, the logs that may lift their paces, insert
    # sessions, insert their exercises; the runs'
    # blocks by the builder's rules: profiles, commitments, goals, injuries, current coaches,
    # exercises and their five tag lists, recent activities and moves, hard runs and leg-heavy
    # strength next door, exercise ids, insert blocks, insert their exercises; the runs'
    # reminders (profiles, commitments, insert), the athletes' week versions (move, create the
    # missing rows, move again), release savepoint
    with django_assert_num_queries(35):
        assign(template, *(profile.user for profile in profiles))
    assert Session.objects.filter(source=Source.TEMPLATE, post_run=False).count() == 3 * athletes
    assert Session.objects.filter(source=Source.TEMPLATE, post_run=True).count() == athletes
