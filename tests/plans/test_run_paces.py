"""The runner's baseline and the runs that carry it: stored wherever runs are written, shown
on the week page (in the runner's unit), the coach's view, the profile and the post-run email."""

import datetime
import importlib

import pytest
from django.apps import apps
from django.urls import reverse

from plans.coaching.services import coach_session_add, coach_session_update, plan_assign
from plans.models import PlanTemplate, Session, Source
from plans.paces import Effort, pace_zones_for, refreshed_vdot
from plans.services import monday_of, week_generate
from tests.accounts.factories import PersonalBestGoalFactory, RaceGoalFactory
from tests.plans.factories import RunLogFactory, SessionFactory

pytestmark = pytest.mark.django_db
TODAY = datetime.date.today()
NEXT_MONDAY = monday_of(TODAY) + datetime.timedelta(days=7)


def ten_k(minutes: float) -> Effort:
    return Effort(10_000, minutes * 60)


# The baseline and how logs may lift it


def test_a_fifty_minute_10k_personal_best_is_vdot_40(profile):
    PersonalBestGoalFactory(profile=profile)
    zones = pace_zones_for(profile)
    assert zones is not None and zones.vdot == 40.0


def test_without_a_personal_best_there_are_no_paces_even_with_logs(profile):
    RaceGoalFactory(profile=profile, target_time=datetime.timedelta(minutes=45))
    RunLogFactory.create_batch(3, runner=profile.user, date=TODAY, distance_m=10_000,
                               duration_seconds=45 * 60)  # fmt: skip
    assert pace_zones_for(profile) is None


def test_the_best_of_several_personal_bests_counts(profile):
    PersonalBestGoalFactory(profile=profile)
    PersonalBestGoalFactory(profile=profile, distance="5k", pb_time=datetime.timedelta(minutes=22))
    zones = pace_zones_for(profile)
    assert zones is not None and zones.vdot > 42


def test_one_absurd_log_does_not_speed_up_any_pace(profile):
    PersonalBestGoalFactory(profile=profile)
    before = pace_zones_for(profile)
    # A watch that lost the signal: 10 km in 31 minutes, plausible for someone, not for her.
    RunLogFactory(runner=profile.user, date=TODAY, distance_m=10_000, duration_seconds=31 * 60)
    # Faster than any human: ignored however many there are.
    RunLogFactory.create_batch(2, runner=profile.user, date=TODAY, distance_m=10_000,
                               duration_seconds=15 * 60)  # fmt: skip
    assert pace_zones_for(profile) == before


def test_two_fast_runs_lift_the_baseline_by_at_most_two_points(profile):
    # The second best of the runs sets it.
    assert refreshed_vdot(40.0, [ten_k(48), ten_k(49), ten_k(55)]) == pytest.approx(ten_k(49).vdot)
    assert refreshed_vdot(40.0, [ten_k(40), ten_k(41)]) == 42.0  # capped
    assert refreshed_vdot(40.0, [ten_k(40)]) == 40.0  # one run is not enough
    assert refreshed_vdot(40.0, [ten_k(60), ten_k(65)]) == 40.0  # easy runs never lower it
    assert refreshed_vdot(None, [ten_k(40), ten_k(41)]) is None


def test_only_recent_runs_of_3_km_and_15_minutes_count(profile):
    PersonalBestGoalFactory(profile=profile)
    long_ago = TODAY - datetime.timedelta(days=43)
    RunLogFactory.create_batch(2, runner=profile.user, date=long_ago, distance_m=10_000,
                               duration_seconds=46 * 60)  # fmt: skip
    RunLogFactory.create_batch(2, runner=profile.user, date=TODAY, distance_m=2_000,
                               duration_seconds=7 * 60)  # fmt: skip
    zones = pace_zones_for(profile)
    assert zones is not None and zones.vdot == 40.0
    RunLogFactory.create_batch(2, runner=profile.user, date=TODAY - datetime.timedelta(days=41),
                               distance_m=10_000, duration_seconds=49 * 60)  # fmt: skip
    lifted = pace_zones_for(profile)
    assert lifted is not None and lifted.vdot == round(ten_k(49).vdot, 1)


# Stored wherever runs are written


def runs_of(runner):
    return list(Session.objects.filter(runner=runner, kind="run", post_run=False))


def adds_up(run: Session) -> bool:
    return sum(step["minutes"] * step["repeat"] for step in run.structure) == run.minutes


def test_planned_runs_store_steps_with_paces_and_a_distance(profile):
    PersonalBestGoalFactory(profile=profile)
    week_generate(runner=profile.user, week_start=NEXT_MONDAY, today=TODAY)
    runs = runs_of(profile.user)
    assert runs
    for run in runs:
        assert adds_up(run) and run.distance_km > 0
        assert any(step["pace_per_km"] for step in run.structure)


def test_planned_runs_without_a_baseline_go_by_effort(profile):
    week_generate(runner=profile.user, week_start=NEXT_MONDAY, today=TODAY)
    runs = runs_of(profile.user)
    assert runs
    for run in runs:
        assert adds_up(run) and run.distance_km is None
        assert all(step["pace_per_km"] is None for step in run.structure)


def test_a_template_run_gets_steps_with_the_athletes_own_paces(profile, coach):
    PersonalBestGoalFactory(profile=profile)
    template = PlanTemplate.objects.create(coach=coach, name="Speed", weeks=1)
    template.sessions.create(week_index=0, weekday=2, kind="run", purpose="speed",
                             title="Intervals", minutes=45)  # fmt: skip
    plan_assign(template=template, athletes=[profile.user], start=NEXT_MONDAY, coach=coach)
    [run] = [r for r in runs_of(profile.user) if r.source == Source.TEMPLATE]
    assert adds_up(run) and run.distance_km > 0
    zones = {step["zone"] for step in run.structure}
    assert zones & {"interval", "repetition", "threshold"}


def test_a_coachs_run_gets_steps_and_they_follow_its_changes(profile, coach):
    PersonalBestGoalFactory(profile=profile)
    wednesday = NEXT_MONDAY + datetime.timedelta(days=2)
    run = coach_session_add(runner=profile.user, day=wednesday, kind="run", title="Hills",
                            minutes=40, purpose="hill")  # fmt: skip
    run.refresh_from_db()
    assert adds_up(run) and "hill" in {step["zone"] for step in run.structure}
    coach_session_update(session=run, day=wednesday, title="Easy", minutes=50, purpose="easy",
                         coach_note="")  # fmt: skip
    run.refresh_from_db()
    assert adds_up(run) and [step["zone"] for step in run.structure] == ["easy"]
    assert run.distance_km > 0


def test_existing_runs_get_steps_by_effort_from_the_data_migration(profile):
    migration = importlib.import_module("plans.migrations.0011_run_structure_backfill")
    run = SessionFactory(runner=profile.user, purpose="speed", minutes=40, date=NEXT_MONDAY)
    added = SessionFactory(runner=profile.user, source=Source.RUNNER, date=NEXT_MONDAY)
    migration.backfill(apps, None)
    run.refresh_from_db()
    added.refresh_from_db()
    assert adds_up(run) and all(step["pace_per_km"] is None for step in run.structure)
    assert added.structure == []


# Shown


def test_the_week_page_shows_each_runs_line_and_distance(client, profile):
    PersonalBestGoalFactory(profile=profile)
    client.force_login(profile.user)
    page = client.get(reverse("plans:week")).content.decode()
    assert 'data-testid="run-structure"' in page
    assert "@ 5:55–6:34/km" in page  # easy pace of a 50:00 10 km
    assert 'data-testid="run-distance">· ≈ ' in page and " km</span>" in page


def test_a_runner_in_miles_sees_paces_and_distances_in_miles(client, profile):
    profile.distance_unit = "mi"
    profile.save()
    PersonalBestGoalFactory(profile=profile)
    client.force_login(profile.user)
    page = client.get(reverse("plans:week")).content.decode()
    assert "@ 9:31–10:34/mi" in page
    assert "/km" not in page and " mi</span>" in page


def test_without_a_personal_best_the_week_shows_effort_and_no_distance(client, profile):
    client.force_login(profile.user)
    page = client.get(reverse("plans:week")).content.decode()
    assert "easy (conversational, RPE 3–4)" in page
    assert 'data-testid="run-distance"' not in page


def test_the_coach_sees_the_athletes_runs_with_their_paces(client, profile, coach):
    PersonalBestGoalFactory(profile=profile)
    client.force_login(coach)
    page = client.get(reverse("plans:athlete_week", args=[profile.user.pk])).content.decode()
    assert "@ 5:55–6:34/km" in page


def test_the_profile_shows_the_pace_zones_or_how_to_get_them(client, profile):
    client.force_login(profile.user)
    page = client.get(reverse("accounts:profile")).content.decode()
    assert 'data-testid="no-paces"' in page and "Add a personal best" in page
    PersonalBestGoalFactory(profile=profile)
    page = client.get(reverse("accounts:profile")).content.decode()
    assert 'data-testid="no-paces"' not in page
    assert "5:03–5:08/km" in page  # threshold
    assert "4:36–4:47/km" in page  # interval


def test_the_profile_page_reads_the_logs_in_one_query_however_many(
    client, profile, django_assert_num_queries
):
    PersonalBestGoalFactory(profile=profile)
    client.force_login(profile.user)
    url = reverse("accounts:profile")
    client.get(url)
    # The eight of tests/test_query_counts.py::test_profile_page and the recent logs.
    with django_assert_num_queries(9):
        assert client.get(url).status_code == 200
    RunLogFactory.create_batch(5, runner=profile.user, date=TODAY, distance_m=10_000,
                               duration_seconds=48 * 60)  # fmt: skip
    with django_assert_num_queries(9):
        page = client.get(url).content.decode()
    assert "5:03–5:08/km" not in page  # two runs of 48 minutes lifted the threshold pace
