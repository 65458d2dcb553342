"""Pages whose query count is not pinned beside their own tests: each is measured with a little
data and with a lot more, and the count must be the same and as pinned here."""

from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from accounts.models import Injury
from exercises.models import Cue, Exercise
from plans.cache import week_changed
from plans.coaching.services import ExerciseLine, TemplateSessionData, template_session_add
from plans.models import PlanTemplate
from tests.accounts.factories import RaceGoalFactory, RunnerProfileFactory
from tests.exercises.factories import ExerciseFactory

pytestmark = pytest.mark.django_db


def queries(client, url) -> int:
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200, url
    return len(captured)


def test_exercise_detail(client, runner):
    exercise = ExerciseFactory(cues=["One."])
    client.force_login(runner)
    url = reverse("exercises:detail", args=[exercise.slug])
    few = queries(client, url)
    Cue.objects.bulk_create(
        Cue(exercise=exercise, position=n, text=f"Step {n}.") for n in range(2, 30)
    )
    exercise.easier = Exercise.objects.get(slug="calf-raise")
    exercise.save()
    assert few == 8  # user, the exercise, cues, muscles, equipment, places, suits, avoids
    assert queries(client, url) == few


def test_profile_page(client, runner):
    profile = RunnerProfileFactory(user=runner)
    client.force_login(runner)
    url = reverse("accounts:profile")
    few = queries(client, url)
    assert few == 8  # and the calendar link
    RaceGoalFactory.create_batch(5, profile=profile)
    assert queries(client, url) == few


def test_athlete_profile_for_the_coach(client, runner, coach):
    profile = RunnerProfileFactory(user=runner)
    client.force_login(coach)
    url = reverse("accounts:athlete", args=[runner.pk])
    few = queries(client, url)
    assert few == 6  # user, the coaching, profile, commitments, goals, injuries
    RaceGoalFactory.create_batch(5, profile=profile)
    _injuries(profile)
    assert queries(client, url) == few


def _injuries(profile) -> None:
    """Four healed injuries, the last one cleared yesterday: its return is under way."""
    today = timezone.localdate()
    for weeks_ago in range(4, 0, -1):
        cleared = today - timedelta(weeks=weeks_ago - 1, days=1)
        Injury.objects.create(
            profile=profile,
            area="knee",
            started_on=cleared - timedelta(days=30),
            cleared_on=cleared,
        )


def _template(coach, sessions: int) -> PlanTemplate:
    template = PlanTemplate.objects.create(
        coach=coach, name="Block", runner_type="recreational", weeks=2
    )
    back = Exercise.objects.get(slug="back-extension").pk
    for index in range(sessions):
        template_session_add(
            template=template,
            data=TemplateSessionData(
                week_index=index % 2, weekday=index % 7, kind="strength", title="Strength",
                minutes=30, exercises=[ExerciseLine(back, sets=3, rep_min=10, rep_max=12)],
            ),
        )  # fmt: skip
    return template


def test_template_list_and_detail(client, coach):
    client.force_login(coach)
    template = _template(coach, 1)
    few_list = queries(client, reverse("plans:template_list"))
    few_detail = queries(client, reverse("plans:template_detail", args=[template.pk]))
    # The detail page's strength moves are read once for all eight exercise lines.
    assert (few_list, few_detail) == (2, 7)
    for _ in range(5):
        _template(coach, 1)
    for _ in range(12):
        _template(coach, 0)
    bigger = _template(coach, 14)
    assert queries(client, reverse("plans:template_list")) == few_list
    assert queries(client, reverse("plans:template_detail", args=[bigger.pk])) == few_detail


def test_the_athletes_week_with_the_coachs_tools(client, runner, coach):
    RunnerProfileFactory(user=runner)
    client.force_login(coach)
    url = reverse("plans:athlete_week", args=[runner.pk])
    queries(client, url)  # plans this week and next once
    week_changed(runner.pk)  # the next GET renders the week again
    few = queries(client, url)
    # the week page's 11, and 5 more for the coach: the coaching link, the group, strength
    # moves for the exercise lines, cross-training activities, and the athlete's injuries
    assert few == 16
    # From the cache: the user, the coaching link, the athlete's profile with its version.
    assert queries(client, url) == 3
    for _ in range(5):
        _template(coach, 3)
    _injuries(runner.runner_profile)
    week_changed(runner.pk)  # the injuries were written past the services
    assert queries(client, url) == few
    assert queries(client, url) == 3
    assert 'data-testid="return-block"' in client.get(url).content.decode()


def test_log_a_run_page(client, runner):
    RunnerProfileFactory(user=runner)
    client.force_login(runner)
    assert queries(client, reverse("plans:run_log_new")) == 2  # user, profile
