"""The month calendar: the runner's own at /calendar/, and per athlete for their coach."""

import re
from datetime import date

import pytest
from django.urls import reverse

from plans.models import RunLog
from tests.accounts.factories import RunnerProfileFactory
from tests.plans.progress import history

pytestmark = pytest.mark.django_db


@pytest.fixture
def rita(runner, frozen_now):
    frozen_now(history.NOW)
    RunnerProfileFactory(user=runner, time_zone="UTC")
    history.build(runner)
    return runner


def _day(html: str, day: str) -> str:
    """The markup of one day of the grid."""
    start = html.index(f'data-testid="day-{day}"')
    return html[start : html.index('class="calendar-day', start)]


def test_the_month_is_a_grid_of_whole_weeks_from_monday(client, rita):
    client.force_login(rita)
    html = client.get(reverse("plans:calendar")).content.decode()
    assert '<div class="text-muted fs-5" data-testid="month-title">November 2026</div>' in html
    days = re.findall(r'data-testid="day-(\d{4}-\d{2}-\d{2})"', html)
    assert len(days) == 42 and days[0] == "2026-10-26" and days[-1] == "2026-12-06"
    assert html.count("calendar-outside") == 6 + 6  # 26–31 Oct and 1–6 Dec
    assert "Today" in _day(html, "2026-11-26")


def test_each_day_shows_its_sessions_with_done_and_skipped_in_words(client, rita):
    client.force_login(rita)
    html = client.get(reverse("plans:calendar")).content.decode()
    wednesday = _day(html, "2026-11-04")
    assert wednesday.count('data-testid="chip"') == 1  # the block is folded into its run
    assert 'Easy run</span> <span class="chip-minutes">30 min</span>' in wednesday
    assert "✓ done" in wednesday and "+ routine ✓ done" in wednesday
    assert "✗ skipped" in _day(html, "2026-11-08") and "chip-long" in _day(html, "2026-11-08")
    assert "extra" in _day(html, "2026-11-19")
    saturday = _day(html, "2026-11-21")
    assert "+ routine" in saturday and "+ routine ✓" not in saturday
    assert "chip-strength" in _day(html, "2026-11-06") and "✓ done" in _day(html, "2026-11-06")
    assert 'data-testid="chip"' not in _day(html, "2026-11-10")


def test_a_run_log_whose_session_is_gone_shows_as_a_logged_run(client, rita):
    RunLog.objects.create(
        runner=rita, date=date(2026, 11, 10), distance_m=3000, duration_seconds=1260
    )
    client.force_login(rita)
    day = _day(client.get(reverse("plans:calendar")).content.decode(), "2026-11-10")
    assert "Run logged" in day and "21 min" in day and "✓ done" in day


def test_each_day_opens_its_week_and_months_lead_on(client, rita):
    client.force_login(rita)
    url = reverse("plans:calendar")
    html = client.get(url).content.decode()
    assert f'href="{reverse("plans:week_of", args=[date(2026, 11, 4)])}"' in _day(
        html, "2026-11-04"
    )
    assert f'href="{url}?month=2026-10"' in html and f'href="{url}?month=2026-12"' in html
    december = client.get(url, {"month": "2026-12"}).content.decode()
    assert "December 2026" in december and 'data-testid="day-2026-11-30"' in december
    assert 'data-testid="day-2026-11-29"' not in december
    assert client.get(reverse("plans:week_of", args=[date(2026, 11, 4)])).status_code == 200


def test_a_month_that_cannot_be_read_shows_this_month_with_a_word(client, rita):
    client.force_login(rita)
    url = reverse("plans:calendar")
    for asked in ("2026-13", "2026-00", "1999-12", "2101-01", "26-11", "2026-1", "x" * 300, "\x00"):
        html = client.get(url, {"month": asked}).content.decode()
        assert "could not be read" in html and "November 2026" in html, asked
    assert "could not be read" not in client.get(url, {"month": "2026-11"}).content.decode()


def test_the_first_and_last_months_have_no_way_further(client, rita):
    client.force_login(rita)
    url = reverse("plans:calendar")
    first = client.get(url, {"month": "2000-01"}).content.decode()
    assert "January 2000" in first and "previous-month" not in first and "next-month" in first
    last = client.get(url, {"month": "2100-12"}).content.decode()
    assert "December 2100" in last and "next-month" not in last and "previous-month" in last


# Who may see it


def test_anonymous_is_sent_to_log_in(client, rita):
    for url in (reverse("plans:calendar"), reverse("plans:athlete_calendar", args=[rita.pk])):
        response = client.get(url)
        assert response.status_code == 302 and "/accounts/login/" in response["Location"]


def test_another_runner_sees_only_their_own(client, rita, other_runner):
    RunnerProfileFactory(user=other_runner, time_zone="UTC")
    client.force_login(other_runner)
    assert client.get(reverse("plans:athlete_calendar", args=[rita.pk])).status_code == 404
    own = client.get(reverse("plans:calendar")).content.decode()
    assert "My calendar" in own and 'data-testid="chip"' not in own


def test_the_coach_sees_their_athletes_month_and_opens_their_weeks(client, rita, coach):
    client.force_login(coach)
    response = client.get(reverse("plans:athlete_calendar", args=[rita.pk]), {"month": "2026-11"})
    assert response.status_code == 200
    html = response.content.decode()
    assert "Rita Runner’s calendar" in html and "✗ skipped" in _day(html, "2026-11-08")
    week = reverse("plans:athlete_week_of", args=[rita.pk, date(2026, 11, 8)])
    assert f'href="{week}"' in html
    week_page = client.get(week).content.decode()
    assert reverse("plans:athlete_progress", args=[rita.pk]) in week_page
    assert reverse("plans:athlete_calendar", args=[rita.pk]) + "?month=2026-11" in week_page
    profile_page = client.get(reverse("accounts:athlete", args=[rita.pk])).content.decode()
    assert reverse("plans:athlete_calendar", args=[rita.pk]) in profile_page


def test_another_coach_gets_a_404(client, rita, other_coach):
    client.force_login(other_coach)
    assert client.get(reverse("plans:athlete_calendar", args=[rita.pk])).status_code == 404


def test_query_count_is_flat_in_sessions(client, rita, django_assert_num_queries):
    client.force_login(rita)
    url = reverse("plans:calendar")
    with django_assert_num_queries(4):  # user, profile, sessions, loose run logs
        client.get(url)
    history.build(rita)
    RunLog.objects.create(
        runner=rita, date=date(2026, 11, 10), distance_m=3000, duration_seconds=1260
    )
    with django_assert_num_queries(4):
        client.get(url)
