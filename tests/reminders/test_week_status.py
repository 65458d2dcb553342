"""What a coach (or the runner) sees on a week: did the post-run reminder go out?"""

from datetime import timedelta

import pytest
from django.template.loader import render_to_string
from django.urls import reverse

from plans.models import Status
from plans.services import session_mark
from reminders.selectors import statuses_for
from reminders.services import reminders_send_due
from reminders.templatetags.reminders import reminder_badges
from tests.reminders.conftest import MONDAY, plan_run

pytestmark = pytest.mark.django_db


@pytest.fixture
def week(clock, profile):
    """Monday's reminder went out, Wednesday's is pending, Friday was skipped."""
    runs = [plan_run(profile.user, day=MONDAY + timedelta(days=d)) for d in (0, 2, 4)]
    session_mark(session=runs[2], status=Status.SKIPPED)
    clock.set(8, 0)
    reminders_send_due(seconds=5)
    return runs


def badge(run, sessions, profile, own=True) -> str:
    badges = reminder_badges(sessions, profile, MONDAY, own)
    return render_to_string("reminders/_status.html", {"session": run, "badges": badges})


def test_statuses_for_a_whole_week_take_one_query(week, django_assert_num_queries):
    with django_assert_num_queries(1):  # the reminders of the given sessions
        statuses = statuses_for(week)
    assert [statuses[run.pk] for run in week] == ["sent", "scheduled", "cancelled"]


def test_the_badge_says_in_plain_words_what_each_run_gets(week, profile):
    assert "Routine emailed" in badge(week[0], week, profile)
    assert "We’ll email you a routine after this run" in badge(week[1], week, profile)
    assert badge(week[2], week, profile).strip() == ""  # skipped: the badge says so already


def test_a_session_without_a_reminder_shows_no_badge(week, runner, profile):
    from tests.plans.factories import StrengthSessionFactory

    strength = StrengthSessionFactory(runner=runner, date=MONDAY)
    assert badge(strength, [*week, strength], profile).strip() == ""


def test_the_runners_coach_sees_on_the_athletes_week_which_reminders_went_out(
    client, week, coach, profile
):
    client.force_login(coach)
    url = reverse("plans:athlete_week_of", args=[profile.user.pk, MONDAY])
    body = client.get(url).content.decode()
    assert body.count('data-testid="reminder-status"') >= 2  # the page may plan more runs
    assert "Routine emailed" in body and "Routine email after this run" in body
    assert "We’ll email you" not in body  # the coach is not the one emailed
