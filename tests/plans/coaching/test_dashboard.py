import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from plans.coaching.selectors import band
from plans.models import AthleteGroup
from plans.selectors import Tally
from plans.services import monday_of
from tests.accounts.factories import RaceGoalFactory, RunnerProfileFactory
from tests.factories import CoachFactory, CoachingFactory
from tests.plans.factories import RunLogFactory, SessionFactory

URL = "/coach/"
TODAY = timezone.localdate()
MONDAY = monday_of(TODAY)


@pytest.fixture
def coach(db):
    """A coach with no athletes yet: each test brings its own."""
    return CoachFactory(display_name="Cora Coach")


def athlete(coach, name, **profile):
    user = RunnerProfileFactory(user__display_name=name, time_zone="UTC", **profile).user
    CoachingFactory(coach=coach, athlete=user)
    return user


def rows(client, query=""):
    body = client.get(URL + query).content.decode()
    return body.split('data-testid="athlete-row"')[1:]


def test_the_url_is_the_documented_one():
    assert reverse("plans:coach_dashboard") == URL


def test_anonymous_visitors_are_sent_to_log_in(client):
    assert client.get(URL).url.startswith(reverse("accounts:login"))


def test_runners_get_404(client, runner):
    client.force_login(runner)
    assert client.get(URL).status_code == 404


def test_a_coach_sees_only_their_own_athletes(client, coach, other_coach):
    athlete(coach, "Mine")
    athlete(other_coach, "Theirs")
    client.force_login(coach)
    body = "".join(rows(client))
    assert "Mine" in body and "Theirs" not in body


@pytest.mark.parametrize(
    ("planned", "done", "colour"),
    [(100, 100, "green"), (100, 80, "green"), (100, 79, "amber"), (100, 50, "amber"),
     (100, 49, "red"), (100, 121, "amber"), (100, 150, "amber"), (100, 151, "red"),
     (0, 0, "none")],
)  # fmt: skip
def test_the_colour_band_follows_minutes_done_against_planned(planned, done, colour):
    assert band(Tally(planned=planned, done=done)) == colour


def test_a_row_shows_sessions_and_minutes_done_last_activity_injury_and_race(client, coach):
    ann = athlete(coach, "Ann", injured=True, injury_area="knee")
    RaceGoalFactory(profile=ann.runner_profile, race_date=TODAY + datetime.timedelta(days=20))
    SessionFactory(runner=ann, date=MONDAY, minutes=60, status="done")
    SessionFactory(runner=ann, date=MONDAY + datetime.timedelta(days=6), minutes=40)
    RunLogFactory(runner=ann, date=MONDAY)
    client.force_login(coach)
    [row] = rows(client)
    assert "1 / 2" in row and "(50%)" in row
    assert "60 of 100 min" in row and "band-amber" in row
    assert MONDAY.strftime("%-d %b") in row
    assert 'data-testid="injured">Knee' in row
    assert "10 km in <strong>20 days</strong>" in row


def test_a_run_the_athlete_added_counts_as_done_but_not_as_planned(client, coach):
    ann = athlete(coach, "Ann")
    SessionFactory(runner=ann, date=MONDAY, minutes=40)
    SessionFactory(runner=ann, date=MONDAY, minutes=30, status="done", source="runner")
    client.force_login(coach)
    [row] = rows(client)
    assert "1 / 1" in row
    assert "30 of 40 min" in row


def test_athletes_silent_for_seven_days_come_first(client, coach):
    busy = athlete(coach, "Aaron Busy")
    athlete(coach, "Zoe Quiet")
    RunLogFactory(runner=busy, date=TODAY)
    client.force_login(coach)
    first, second = rows(client)
    assert "Zoe Quiet" in first and 'data-testid="silent"' in first
    assert "Aaron Busy" in second and 'data-testid="silent"' not in second


def test_the_silence_the_page_speaks_of_is_the_one_it_sorts_by(client, coach, monkeypatch):
    monkeypatch.setattr("plans.coaching.selectors.SILENT_DAYS", 3)
    RunLogFactory(runner=athlete(coach, "Aaron Away"), date=TODAY - datetime.timedelta(days=4))
    RunLogFactory(runner=athlete(coach, "Bea Busy"), date=TODAY - datetime.timedelta(days=2))
    client.force_login(coach)
    body = client.get(URL).content.decode()
    first, second = rows(client)
    assert "nothing logged for 3 days come first" in body
    assert "Aaron Away" in first and "Nothing logged for 3+ days" in first
    assert "Bea Busy" in second and 'data-testid="silent"' not in second


def test_the_coach_groups_athletes_and_filters_by_group(client, coach):
    ann = athlete(coach, "Ann")
    athlete(coach, "Bob")
    client.force_login(coach)
    response = client.post(
        reverse("plans:athlete_group", args=[ann.pk]), {"name": "Tuesday club"}, follow=True
    )
    assert 'value="Tuesday club"' in response.content.decode()  # on Ann's week, saved
    assert AthleteGroup.objects.get(athlete=ann).name == "Tuesday club"
    [only] = rows(client, "?group=Tuesday+club")
    assert "Ann" in only


def test_another_coach_cannot_group_my_athlete(client, coach, other_coach):
    ann = athlete(coach, "Ann")
    client.force_login(other_coach)
    response = client.post(reverse("plans:athlete_group", args=[ann.pk]), {"name": "Mine"})
    assert response.status_code == 404
    assert not AthleteGroup.objects.exists()


def test_sorting_by_progress_puts_the_least_done_first(client, coach):
    for name, done in [("Ann", "done"), ("Bob", "planned")]:
        user = athlete(coach, name)
        SessionFactory(runner=user, date=MONDAY, status=done)
        RunLogFactory(runner=user, date=TODAY)
    client.force_login(coach)
    first, second = rows(client, "?sort=progress")
    assert "Bob" in first and "Ann" in second


def test_a_session_with_no_free_day_is_listed_for_the_coach(client, coach):
    ann = athlete(coach, "Ann")
    SessionFactory(runner=ann, date=TODAY + datetime.timedelta(days=8), needs_attention=True)
    client.force_login(coach)
    [row] = rows(client)
    assert "1 session needs a day" in row


def _athletes_with_a_week(coach, count):
    for index in range(count):
        user = athlete(coach, f"Athlete {index}")
        RaceGoalFactory(profile=user.runner_profile)
        SessionFactory(runner=user, date=MONDAY, status="done")
        SessionFactory(runner=user, date=MONDAY + datetime.timedelta(days=3))
        RunLogFactory(runner=user, date=MONDAY)
        AthleteGroup.objects.create(coach=coach, athlete=user, name=f"Group {index % 3}")


@pytest.mark.parametrize("count", [1, 300])
def test_the_dashboard_query_count_stays_flat_from_1_to_300_athletes(
    client, coach, count, django_assert_num_queries
):
    _athletes_with_a_week(coach, count)
    client.force_login(coach)
    # session, user, the coach's own profile (for their today), the coachings with athlete,
    # profile, group and last activity, the races ahead, each athlete's week counted by the
    # database, the assignments still running
    with django_assert_num_queries(7):
        response = client.get(URL)
    assert response.content.decode().count('data-testid="athlete-row"') == count
