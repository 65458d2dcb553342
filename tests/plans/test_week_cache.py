"""The cached week page: every write that changes what a week shows is on the next GET, for the
runner and for their coach (plans/cache.py). Each test loads the page first, so that it is in
the cache, then writes through the service (or the page) that real users go through."""

from datetime import UTC, date, datetime, timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from accounts.models import Coaching, Goal, GoalKind
from accounts.services import account_update, coaching_end, goal_save, profile_save
from activities.services import activity_delete, activity_import
from exercises.services import exercise_update
from plans import services
from plans.cache import week_version
from plans.coaching import services as coaching
from plans.models import PlanTemplate, Session, Status
from reminders import links
from reminders.models import Reminder
from reminders.services import reminders_send_due, reminders_turn_off
from tests.accounts.factories import RunnerProfileFactory
from tests.activities import samples
from tests.plans.factories import SessionExerciseFactory, SessionFactory, StrengthSessionFactory
from tests.reminders.conftest import Clock, plan_run

pytestmark = pytest.mark.django_db

MONDAY = date(2026, 11, 23)
WEDNESDAY = MONDAY + timedelta(days=2)


@pytest.fixture(autouse=True)
def clock(monkeypatch):
    """Wednesday 10:00 UTC: the runner's week is under way, with days behind and ahead."""
    clock = Clock(datetime(2026, 11, 25, 10, 0, tzinfo=UTC))
    monkeypatch.setattr(timezone, "now", clock)
    return clock


@pytest.fixture
def profile(runner):
    return RunnerProfileFactory(user=runner, time_zone="UTC", reminder_delay_minutes=15)


@pytest.fixture
def run(profile):
    return SessionFactory(runner=profile.user, date=WEDNESDAY, title="Cache check run")


@pytest.fixture
def own_week(client, runner, profile):
    """The runner's page for this week, loaded once so that the next GET may be a cached one."""
    client.force_login(runner)

    def page() -> str:
        return client.get(reverse("plans:week_of", args=[MONDAY])).content.decode()

    page()
    return page


@pytest.fixture
def coach_week(client, coach, profile):
    client.force_login(coach)

    def page() -> str:
        url = reverse("plans:athlete_week_of", args=[profile.user.pk, MONDAY])
        return client.get(url).content.decode()

    page()
    return page


def test_a_second_get_is_served_from_the_cache(own_week, django_assert_num_queries):
    with django_assert_num_queries(2):  # the user; the profile with its week version
        assert "Cache check run" not in own_week()


def _status_badge(text: str) -> str:
    return f'data-testid="status">{text}<'


def test_marking_done_on_the_page_shows_on_the_next_get(client, run, own_week):
    assert _status_badge("Done") not in own_week()
    client.post(reverse("plans:session_status", args=[run.pk]), {"status": "done"})
    assert _status_badge("Done") in own_week()


def test_skipping_shows(run, own_week):
    services.session_mark(session=run, status=Status.SKIPPED)
    assert _status_badge("Skipped") in own_week()


def test_undoing_shows(run, own_week):
    services.session_mark(session=run, status=Status.DONE)
    assert _status_badge("Done") in own_week()
    services.session_mark(session=run, status=Status.PLANNED)
    assert _status_badge("Done") not in own_week()


def test_logging_a_run_and_removing_the_log_show(runner, run, own_week):
    log, _ = services.run_log_add_by_hand(
        runner=runner, run_date=WEDNESDAY, distance_m=7300, duration_seconds=2400, effort=6,
        notes="Felt light",
    )  # fmt: skip
    assert "Felt light" in own_week()
    services.run_log_delete(run_log=log)
    assert "Felt light" not in own_week()


def test_moving_a_session_shows(run, own_week):
    services.session_move(session=run, day=WEDNESDAY + timedelta(days=1))
    assert 'data-testid="moved-from">Moved from Wednesday 25 Nov' in own_week()


def test_the_routine_ticked_off_from_the_email_shows(client, runner, profile):
    reminder = Reminder.objects.get(session=plan_run(runner, day=WEDNESDAY))
    block = StrengthSessionFactory(runner=runner, date=WEDNESDAY, for_run=reminder.session)
    SessionExerciseFactory(session=block)
    client.force_login(runner)
    url = reverse("plans:week_of", args=[MONDAY])
    assert "Done from the email" not in client.get(url).content.decode()
    client.post(links.done_path(reminder.pk))
    assert "Done from the email" in client.get(url).content.decode()


def test_an_imported_activity_and_its_removal_show(runner, run, own_week):
    started = datetime(2026, 11, 25, 8, 0, tzinfo=UTC)
    imported = activity_import(
        runner=runner, uploaded_by=runner, name="wed.gpx",
        data=samples.gpx(samples.track(started, minutes=30)),
    )  # fmt: skip
    assert 'data-testid="activity-link"' in own_week()
    activity_delete(activity=imported.activity)
    assert 'data-testid="activity-link"' not in own_week()


def test_the_coachs_added_edited_and_removed_sessions_show_on_both_views(
    runner, coach, profile, own_week, coach_week, client
):
    added = coaching.coach_session_add(
        runner=runner, day=WEDNESDAY, kind="run", title="Hill repeats", minutes=40,
        purpose="hill",
    )  # fmt: skip
    assert "Hill repeats" in coach_week()
    coaching.coach_session_update(
        session=added, day=WEDNESDAY, title="Hill sprints", minutes=40, purpose="hill",
        coach_note="Walk down",
    )  # fmt: skip
    assert "Hill sprints" in coach_week() and "Walk down" in coach_week()
    client.force_login(runner)
    assert "Hill sprints" in own_week()
    coaching.coach_session_delete(session=added)
    assert "Hill sprints" not in own_week()


def test_the_coachs_notes_show(runner, coach, run, own_week):
    services.session_mark(session=run, status=Status.DONE)
    coaching.coach_note_set(session=run, coach_note="Well paced")
    assert "Well paced" in own_week()
    coaching.week_note_set(runner=runner, week_start=MONDAY, text="Easy week", author=coach)
    assert 'data-testid="week-note"' in own_week()
    coaching.week_note_set(runner=runner, week_start=MONDAY, text="", author=coach)
    assert 'data-testid="week-note"' not in own_week()


@pytest.fixture
def template(coach):
    template = PlanTemplate.objects.create(coach=coach, name="Autumn block", weeks=1)
    run = coaching.TemplateSessionData(
        week_index=0, weekday=4, kind="run", purpose="easy", title="Template run", minutes=30
    )
    coaching.template_session_add(template=template, data=run)
    return template


def test_assigning_renaming_and_ending_a_template_show(runner, coach, template, own_week):
    [assignment] = coaching.plan_assign(
        template=template, athletes=[runner], start=MONDAY, coach=coach
    )
    assert "Autumn block" in own_week()
    template.name = "Winter block"
    coaching.template_save(template=template)
    assert "Winter block" in own_week()
    coaching.assignment_end(assignment=assignment)
    assert "Winter block" not in own_week()


def test_the_end_of_the_coaching_ends_its_template_on_the_week(runner, coach, template, own_week):
    coaching.plan_assign(template=template, athletes=[runner], start=MONDAY, coach=coach)
    assert "Autumn block" in own_week()
    coaching_end(coaching=Coaching.objects.get(coach=coach, athlete=runner))
    assert "Autumn block" not in own_week()


def test_profile_changes_show(runner, profile, own_week):
    services.run_log_add_by_hand(
        runner=runner, run_date=WEDNESDAY, distance_m=8000, duration_seconds=2400, effort=6
    )
    assert "8.0 km" in own_week() or "8 km" in own_week()
    profile_save(user=runner, profile_fields={"distance_unit": "mi"}, commitments=[], goals=[])
    assert " mi " in own_week()
    profile_save(
        user=runner, profile_fields={"injured": True, "injury_area": "knee"}, commitments=[],
        goals=[],
    )  # fmt: skip
    assert "Injury mode" in own_week()


def test_a_new_race_goal_shows(profile, own_week):
    assert 'data-testid="race-countdown"' not in own_week()
    race = {"kind": GoalKind.RACE, "distance": "10k", "race_date": MONDAY + timedelta(weeks=6)}
    goal_save(goal=Goal(profile=profile), fields=race)
    assert 'data-testid="race-countdown"' in own_week()


def test_reminder_states_show(runner, profile, client, clock):
    clock.set(6, 0, day=WEDNESDAY)
    plan_run(runner, day=WEDNESDAY)  # run at 07:00: its email is due after it
    client.force_login(runner)
    url = reverse("plans:week_of", args=[MONDAY])
    assert "Routine emailed" not in client.get(url).content.decode()
    clock.set(10, 0, day=WEDNESDAY)
    assert reminders_send_due(seconds=5) == 1
    assert "Routine emailed" in client.get(url).content.decode()
    reminders_turn_off(profile=profile)
    assert "No email: reminders are off" in client.get(url).content.decode()


def test_a_library_edit_shows(run, own_week, django_capture_on_commit_callbacks):
    block = StrengthSessionFactory(runner=run.runner, date=WEDNESDAY, for_run=run)
    item = SessionExerciseFactory(session=block)
    services.week_changed(run.runner_id)  # the factories write past the services
    assert "Calf raise" in own_week()
    exercise = item.exercise
    exercise.name = "Heel raise"
    with django_capture_on_commit_callbacks(execute=True):
        exercise_update(exercise=exercise, cues=["Rise slowly."], tags={})
    body = own_week()
    assert "Heel raise" in body and "Rise slowly." in body


def test_a_week_planned_later_shows(runner, profile, client):
    client.force_login(runner)
    later = MONDAY + timedelta(weeks=2)
    url = reverse("plans:week_of", args=[later])
    assert 'data-testid="week-empty"' in client.get(url).content.decode()
    services.week_generate(runner=runner, week_start=later, today=WEDNESDAY)
    assert 'data-testid="week-empty"' not in client.get(url).content.decode()


def test_the_runners_new_name_and_group_show_on_the_coachs_view(runner, coach, coach_week):
    account_update(user=runner, display_name="Rita Swift", email=runner.email)
    assert "Rita Swift’s week</h1>" in coach_week()
    coaching.athlete_group_set(coach=coach, athlete=runner, name="Tuesday club")
    assert 'value="Tuesday club"' in coach_week()


def test_every_write_service_moves_the_runners_week_version(runner, coach, run, profile):
    """A quick check of the services a page test above may not reach."""
    writes = [
        lambda: services.run_routine_done(run=run),
        lambda: services.weeks_regenerate(runner=runner, today=WEDNESDAY),
        lambda: profile_save(
            user=runner, profile_fields={"time_zone": "Europe/Paris"}, commitments=[], goals=[]
        ),
        lambda: account_update(user=runner, display_name="R", email=runner.email),
        lambda: coaching.athlete_group_set(coach=coach, athlete=runner, name=""),
        lambda: reminders_turn_off(profile=profile),
    ]
    for write in writes:
        before = week_version(runner.pk)
        write()
        assert week_version(runner.pk) > before


def test_another_runners_writes_leave_this_week_cached(
    runner, other_runner, own_week, django_assert_num_queries
):
    RunnerProfileFactory(user=other_runner, time_zone="UTC")
    services.session_mark(
        session=SessionFactory(runner=other_runner, date=WEDNESDAY), status=Status.DONE
    )
    with django_assert_num_queries(2):
        own_week()
    assert Session.objects.filter(runner=runner).exists()


def test_edits_in_the_admin_show(rf, run, own_week, admin_user):
    from django.contrib import admin

    from reminders.models import Reminder as ReminderModel

    request = rf.post("/admin/")
    request.user = admin_user
    run.title = "Renamed in the admin"
    admin.site._registry[Session].save_model(request, run, None, True)
    assert "Renamed in the admin" in own_week()
    plan_run(run.runner, day=WEDNESDAY)
    reminders = ReminderModel.objects.filter(session__runner=run.runner)
    assert reminders.exists()
    before = week_version(run.runner_id)
    admin.site._registry[ReminderModel].delete_queryset(request, reminders)
    assert week_version(run.runner_id) > before
    admin.site._registry[Session].delete_model(request, run)
    assert "Renamed in the admin" not in own_week()
