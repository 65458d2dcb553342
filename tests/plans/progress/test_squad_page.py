"""The coach's squad: compliance per week across their current athletes, in the dashboard's
bands."""

from datetime import date

import pytest
from django.urls import reverse

from accounts.models import Coaching
from plans.models import Session, Status
from plans.progress.selectors import squad_weeks
from tests.accounts.factories import RunnerProfileFactory
from tests.factories import CoachingFactory, UserFactory
from tests.plans.progress import history

pytestmark = pytest.mark.django_db


def _bob(coach):
    """Skipped his 60-minute run of 16 Nov; did his 30 minutes on Monday 23 Nov."""
    bob = RunnerProfileFactory(time_zone="UTC").user
    CoachingFactory(coach=coach, athlete=bob)
    Session.objects.create(
        runner=bob, date=date(2026, 11, 18), kind="run", title="Easy run", minutes=60,
        status=Status.SKIPPED,
    )  # fmt: skip
    Session.objects.create(
        runner=bob, date=date(2026, 11, 23), kind="run", title="Easy run", minutes=30,
        status=Status.DONE,
    )  # fmt: skip
    return bob


@pytest.fixture
def squad(runner, coach, other_coach, frozen_now):
    """Rita (the history), Bob, and Nina with nothing planned; an athlete who left and another
    coach's athlete do not count."""
    frozen_now(history.NOW)
    RunnerProfileFactory(user=runner, time_zone="UTC")
    history.build(runner)
    _bob(coach)
    CoachingFactory(coach=coach, athlete=UserFactory(display_name="Nina"))
    gone = _bob(coach)
    Coaching.objects.filter(athlete=gone).update(ended_at=history.NOW)
    _bob(other_coach)
    return coach


def test_each_week_counts_the_athletes_in_each_band_and_their_mean(squad):
    weeks, athletes = squad_weeks(squad, today=history.TODAY, weeks=12)
    assert athletes == 3 and len(weeks) == 12 and weeks[-1].monday == date(2026, 11, 23)
    by_monday = {week.monday: week for week in weeks}
    # Rita's week of 2 Nov counts from her first day: her extra run on the Monday does not;
    # Bob's plan began on 18 Nov and Nina has none: in no band before then, never failures.
    week = by_monday[date(2026, 11, 2)]
    assert week.bands == {"green": 0, "amber": 1, "red": 0, "none": 0}
    assert (week.mean, week.not_started) == (56, 2)
    week = by_monday[date(2026, 11, 9)]
    assert (week.bands["none"], week.mean, week.not_started) == (1, None, 2)
    week = by_monday[date(2026, 11, 16)]
    assert week.bands == {"green": 1, "amber": 0, "red": 1, "none": 0}
    assert (week.mean, week.not_started) == (54, 1)  # (107 + 0) / 2
    week = by_monday[date(2026, 11, 23)]
    assert week.bands == {"green": 1, "amber": 1, "red": 0, "none": 0}
    assert (week.mean, week.not_started) == (84, 1)  # (67 + 100) / 2
    assert all(week.due == 0 and week.not_started == 3 for week in weeks[:8])


def test_the_page_shows_the_chart_data_and_a_table(client, squad):
    client.force_login(squad)
    html = client.get(reverse("plans:squad")).content.decode()
    assert "your 3 current athletes" in html
    assert html.count('data-testid="squad-row"') == 12
    assert "<td>54%</td><td>1</td><td>0</td><td>1</td><td>0</td><td>1</td>" in html
    assert 'id="chart-data"' in html and "js/progress.js" in html


def test_the_dashboard_links_to_the_squad(client, squad):
    client.force_login(squad)
    html = client.get(reverse("plans:coach_dashboard")).content.decode()
    assert f'href="{reverse("plans:squad")}"' in html


def test_anonymous_is_sent_to_log_in_and_a_runner_gets_a_404(client, squad, runner, other_runner):
    response = client.get(reverse("plans:squad"))
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]
    for user in (runner, other_runner):
        client.force_login(user)
        assert client.get(reverse("plans:squad")).status_code == 404


def test_another_coach_sees_only_their_own_athletes(client, squad, other_coach):
    client.force_login(other_coach)
    html = client.get(reverse("plans:squad")).content.decode()
    assert "your 1 current athlete:" in html
    assert "<td>0%</td><td>0</td><td>0</td><td>1</td><td>0</td><td>0</td>" in html  # skipped


def test_a_coach_without_athletes_is_told_so(client, coach):
    Coaching.objects.filter(coach=coach).update(ended_at=history.NOW)
    client.force_login(coach)
    html = client.get(reverse("plans:squad")).content.decode()
    assert "No athletes yet" in html and "chart.umd" not in html


def test_query_count_is_flat_in_athletes_and_sessions(client, squad, django_assert_num_queries):
    client.force_login(squad)
    url = reverse("plans:squad")
    # session, user, the coach's profile (their today), athletes with their first days, sessions
    with django_assert_num_queries(4):
        client.get(url)
    for _ in range(5):
        _bob(squad)
    history.build(Coaching.objects.filter(coach=squad).first().athlete)
    with django_assert_num_queries(4):
        client.get(url)
