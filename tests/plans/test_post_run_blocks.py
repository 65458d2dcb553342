"""Each run's post-run strength block: linked to its run, made by the builder's rules whoever
planned the run, moved and removed with it, and shown right under it on the week page."""

import datetime
import importlib

import pytest
from django.apps import apps
from django.urls import reverse

from exercises.models import Exercise
from plans.coaching.services import (
    ExerciseLine,
    TemplateSessionData,
    coach_session_add,
    coach_session_update,
    plan_assign,
    template_session_add,
)
from plans.models import PlanTemplate, Session, SessionKind, Source, Status
from plans.services import (
    monday_of,
    run_log_create,
    run_log_delete,
    session_mark,
    week_generate,
)
from tests.plans.factories import SessionExerciseFactory, SessionFactory, StrengthSessionFactory

pytestmark = pytest.mark.django_db

TODAY = datetime.date.today()
NEXT_MONDAY = monday_of(TODAY) + datetime.timedelta(days=7)
DAY = datetime.timedelta(days=1)


def coach_run(runner, day=NEXT_MONDAY, minutes=30, purpose="easy") -> Session:
    return coach_session_add(
        runner=runner, day=day, kind="run", title="Run", minutes=minutes, purpose=purpose
    )


def leg_heavy(block: Session) -> set[str]:
    return set(
        block.exercises.filter(exercise__leg_heavy=True).values_list("exercise__slug", flat=True)
    )


def test_every_generated_run_has_its_own_block_right_after_it(profile):
    week_generate(runner=profile.user, week_start=NEXT_MONDAY, today=TODAY)
    runs = Session.objects.filter(runner=profile.user, kind=SessionKind.RUN)
    assert runs.exists()
    for run in runs:
        assert run.block.post_run and run.block.date == run.date
        assert run.block.position == run.position + 1
    assert not Session.objects.filter(post_run=True, for_run__isnull=True).exists()


def test_a_coach_added_run_gets_a_block_by_the_builders_rules(profile):
    run = coach_run(profile.user)
    block = run.block
    assert (block.kind, block.source, block.date) == ("strength", Source.COACH, run.date)
    moves = list(block.exercises.select_related("exercise"))
    assert 3 <= len(moves) <= 5
    assert max(move.sets for move in moves) <= 2
    assert 10 <= block.minutes <= 20


def test_a_coach_added_session_that_is_not_a_run_gets_no_block(profile):
    swim = coach_session_add(
        runner=profile.user,
        day=NEXT_MONDAY,
        kind="cross_training",
        title="Swim",
        minutes=30,
        activity_id=Exercise.objects.get(slug="swimming").pk,
    )
    assert swim.block is None
    assert not Session.objects.filter(post_run=True).exists()


def test_the_block_before_a_long_run_spares_the_legs(profile):
    saturday = NEXT_MONDAY + 5 * DAY
    coach_run(profile.user, day=saturday + DAY, minutes=90, purpose="long")
    before_long = coach_run(profile.user, day=saturday)
    assert not leg_heavy(before_long.block)
    Session.objects.filter(purpose="long").delete()
    fresh = coach_run(profile.user, day=saturday - 2 * DAY)
    assert leg_heavy(fresh.block)  # with nothing hard the next day, the legs get work


def test_the_block_fits_what_the_runners_day_leaves(profile):
    """Mondays give 45 minutes, 40 after the buffer: a 30-minute run leaves 10."""
    assert coach_run(profile.user, minutes=30).block.minutes == 10
    assert coach_run(profile.user, day=NEXT_MONDAY + 6 * DAY, minutes=20).block.minutes <= 20


def test_changing_a_runs_minutes_keeps_its_block_and_moving_it_takes_the_block_along(profile):
    run = coach_run(profile.user)
    block = run.block
    coach_session_update(
        session=run, day=run.date, title="Run", minutes=25, purpose="easy", coach_note=""
    )
    assert Session.objects.get(pk=run.pk).block == block
    wednesday = NEXT_MONDAY + 2 * DAY
    coach_session_update(
        session=run, day=wednesday, title="Run", minutes=25, purpose="easy", coach_note=""
    )
    block.refresh_from_db()
    assert (block.date, block.for_run_id) == (wednesday, run.pk)


def test_a_block_already_skipped_stays_on_its_day_when_the_run_moves(profile):
    run = coach_run(profile.user)  # next week: its block can be skipped, not done yet
    session_mark(session=run.block, status=Status.SKIPPED)
    coach_session_update(
        session=run, day=NEXT_MONDAY + 2 * DAY, title="Run", minutes=30, purpose="easy",
        coach_note="",
    )  # fmt: skip
    assert Session.objects.get(pk=run.block.pk).date == NEXT_MONDAY


def test_removing_a_run_removes_its_block_but_not_one_already_skipped(client, profile, coach):
    removed, kept = coach_run(profile.user), coach_run(profile.user, day=NEXT_MONDAY + 2 * DAY)
    removed_block, done_block = removed.block, kept.block
    session_mark(session=done_block, status=Status.SKIPPED)
    client.force_login(coach)
    for run in (removed, kept):
        client.post(reverse("plans:session_delete", args=[run.pk]))
    assert not Session.objects.filter(pk__in=[removed.pk, removed_block.pk, kept.pk]).exists()
    done_block.refresh_from_db()
    assert (done_block.status, done_block.for_run) == (Status.SKIPPED, None)


def test_a_run_the_runner_adds_gets_a_block_and_undoing_it_removes_both(runner, profile):
    log = run_log_create(
        runner=runner, run_date=TODAY, distance_m=5000, duration_seconds=1800, effort=4
    )
    block = log.session.block
    assert (block.source, block.status, block.date) == (Source.RUNNER, Status.PLANNED, TODAY)
    run_log_delete(run_log=log)
    assert not Session.objects.filter(runner=runner).exists()


def test_logging_a_planned_run_adds_no_second_block(runner, profile):
    run = coach_run(runner, day=TODAY)
    run_log_create(runner=runner, run_date=TODAY, distance_m=5000, duration_seconds=1800, effort=4)
    assert Session.objects.filter(runner=runner, post_run=True).count() == 1
    assert Session.objects.get(pk=run.pk).status == Status.DONE


def _template(coach, *sessions: TemplateSessionData) -> PlanTemplate:
    template = PlanTemplate.objects.create(coach=coach, name="Block", weeks=1)
    for data in sessions:
        template_session_add(template=template, data=data)
    return template


RUN = TemplateSessionData(
    week_index=0, weekday=0, kind="run", purpose="easy", title="Easy run", minutes=30
)


def test_a_templates_own_block_after_a_run_is_that_runs_block(profile, coach):
    calf_raise = Exercise.objects.get(slug="calf-raise").pk
    own_block = TemplateSessionData(
        week_index=0, weekday=0, kind="strength", title="Coach's circuit", minutes=12,
        post_run=True, exercises=[ExerciseLine(calf_raise, sets=2, rep_min=12, rep_max=15)],
    )  # fmt: skip
    template = _template(coach, RUN, RUN, own_block)
    plan_assign(template=template, athletes=[profile.user], start=NEXT_MONDAY, coach=coach)
    first, second = Session.objects.filter(runner=profile.user, kind="run").order_by("position")
    assert second.block.title == "Coach's circuit"
    assert first.block.title == "Strength after your run"  # the builder's, for the other run
    assert Session.objects.filter(runner=profile.user, post_run=True).count() == 2


def test_assigning_a_template_keeps_the_block_of_a_run_already_skipped(profile, coach):
    week_generate(runner=profile.user, week_start=NEXT_MONDAY, today=TODAY)
    run = Session.objects.filter(runner=profile.user, kind="run").first()
    block = run.block
    session_mark(session=run, status=Status.SKIPPED)  # next week: skipped, not done yet
    planned_run = Session.objects.filter(runner=profile.user, kind="run").last()
    session_mark(session=planned_run.block, status=Status.SKIPPED)
    plan_assign(
        template=_template(coach, RUN),
        athletes=[profile.user],
        start=NEXT_MONDAY,
        coach=coach,
    )
    assert Session.objects.get(pk=block.pk).for_run_id == run.pk
    assert Session.objects.filter(pk=planned_run.pk).exists()  # its block was skipped: stays


def test_the_week_page_shows_each_block_under_its_own_run(client, profile):
    monday = monday_of(TODAY)
    first = SessionFactory(runner=profile.user, date=monday, position=0, title="Morning run")
    second = SessionFactory(runner=profile.user, date=monday, position=1, title="Evening run")
    for run, move in ((second, "lunge"), (first, "calf-raise")):
        block = StrengthSessionFactory(
            runner=profile.user, date=monday, position=5, for_run=run, title=f"After {run.title}"
        )
        SessionExerciseFactory(session=block, exercise=Exercise.objects.get(slug=move))
    client.force_login(profile.user)
    body = client.get(reverse("plans:week")).content.decode()
    order = [body.index(text) for text in ("Morning run", "After Morning run", "Evening run")]
    assert order == sorted(order)
    assert body.index("Evening run") < body.index("After Evening run")


def test_the_migration_links_each_existing_block_to_the_run_it_follows(runner, other_runner):
    monday = monday_of(TODAY)
    morning = SessionFactory(runner=runner, date=monday, position=0)
    morning_block = StrengthSessionFactory(runner=runner, date=monday, position=1)
    evening = SessionFactory(runner=runner, date=monday, position=2)
    evening_block = StrengthSessionFactory(runner=runner, date=monday, position=3)
    lone_block = StrengthSessionFactory(runner=runner, date=monday + DAY, position=0)
    theirs = SessionFactory(runner=other_runner, date=monday + DAY)
    migration = importlib.import_module("plans.migrations.0005_post_run_block_for_run")
    migration.link_blocks_to_their_runs(apps, None)
    links = dict(Session.objects.filter(post_run=True).values_list("pk", "for_run_id"))
    assert links == {
        morning_block.pk: morning.pk,
        evening_block.pk: evening.pk,
        lone_block.pk: None,
    }
    assert theirs.block is None
