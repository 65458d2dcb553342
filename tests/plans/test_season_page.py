"""The season page (/season/ and the coach's copy) and the pause form on it."""

import json
from datetime import timedelta

import pytest
from django.urls import reverse

from accounts.models import Commitment
from plans.models import PlanPause, Session
from plans.services import monday_of
from tests.accounts.factories import RaceGoalFactory

SEASON = "/season/"


def athlete_season_url(runner):
    return reverse("plans:athlete_season", args=[runner.pk])


def chart_data(response):
    body = response.content.decode()
    start = body.index('<script id="season-data" type="application/json">')
    text = body[start:].split(">", 1)[1].split("</script>", 1)[0]
    return json.loads(text)


@pytest.fixture
def half_16_weeks_out(profile):
    """Five free days and a half marathon on the Sunday 16 weeks from this week."""
    Commitment.objects.filter(profile=profile).update(available=False, minutes=0)
    Commitment.objects.filter(profile=profile, weekday__in=(0, 1, 3, 4, 6)).update(
        available=True, minutes=75
    )
    race_day = monday_of(profile.today()) + timedelta(weeks=15, days=6)
    RaceGoalFactory(profile=profile, distance="half", race_date=race_day)
    return profile


def test_the_urls_are_the_documented_ones(runner):
    assert reverse("plans:season") == SEASON
    assert athlete_season_url(runner) == f"/athletes/{runner.pk}/season/"


def test_anonymous_visitors_are_sent_to_log_in(client, profile):
    for url in (SEASON, athlete_season_url(profile.user)):
        response = client.get(url)
        assert response.status_code == 302
        assert response.url.startswith(reverse("accounts:login"))


def test_the_runner_sees_a_season_that_builds_gently_to_a_half_marathon(client, half_16_weeks_out):
    client.force_login(half_16_weeks_out.user)
    response = client.get(SEASON)
    assert response.status_code == 200
    body = response.content.decode()
    assert "My season" in body
    assert "Building to a Half marathon race on" in body
    assert body.count('data-testid="season-week"') == 16  # this week to race week
    data = chart_data(response)
    planned = data["planned"]
    assert len(planned) == 16
    # Full weeks rise by at most 10 % over the last full one; lighter weeks come in between.
    # (This week is planned from today, a Friday maybe: it is left out.)
    full = [m for m, lighter, taper in zip(planned, data["lighter"], data["taper"], strict=True)
            if not lighter and not taper][1:]  # fmt: skip
    assert all(b <= a * 1.1 for a, b in zip(full, full[1:], strict=False))
    assert full[-1] > full[0]
    assert sum(data["lighter"]) >= 3
    # A two-week taper: the week before race week and race week, each well under the peak.
    assert data["taper"] == [False] * 14 + [True, True]
    assert max(planned[-2:]) <= 0.59 * max(full)
    assert "Taper: less running, same sharpness." in body
    assert "A lighter week to absorb the last three." in body
    assert 'src="/static/vendor/chartjs/chart.umd.min.js"' in body
    assert 'src="/static/js/season.js"' in body


def test_the_runners_coach_sees_the_athletes_season_and_pauses(client, half_16_weeks_out, coach):
    runner = half_16_weeks_out.user
    today = half_16_weeks_out.today()
    PlanPause.objects.create(
        runner=runner, start=today + timedelta(days=9), end=today + timedelta(days=12)
    )
    client.force_login(coach)
    response = client.get(athlete_season_url(runner))
    assert response.status_code == 200
    body = response.content.decode()
    assert f"{runner}’s season" in body
    assert 'data-testid="pause"' in body
    assert 'data-testid="pause-form"' not in body  # the runner pauses, not the coach


@pytest.mark.parametrize("stranger", ["other_runner", "other_coach"])
def test_strangers_get_404_on_a_runners_season(client, profile, stranger, request):
    client.force_login(request.getfixturevalue(stranger))
    assert client.get(athlete_season_url(profile.user)).status_code == 404


def test_another_runner_sees_only_their_own_season(client, profile, other_profile):
    RaceGoalFactory(profile=profile, distance="marathon")
    client.force_login(other_profile.user)
    body = client.get(SEASON).content.decode()
    assert "My season" in body
    assert "Marathon" not in body


def test_a_runner_without_a_race_sees_a_maintenance_season(client, profile):
    client.force_login(profile.user)
    body = client.get(SEASON).content.decode()
    assert "No race planned, so this is a steady maintenance season" in body
    assert reverse("accounts:goal_new", args=[profile.user.pk]) in body
    assert body.count('data-testid="season-week"') == 12
    assert 'data-testid="taper"' not in body


def test_past_weeks_show_what_was_done(client, half_16_weeks_out):
    runner = half_16_weeks_out.user
    from plans.services import week_generate

    last_monday = monday_of(half_16_weeks_out.today()) - timedelta(weeks=1)
    week_generate(runner=runner, week_start=last_monday, today=last_monday)
    run = Session.objects.filter(runner=runner, date__lt=last_monday + timedelta(7), kind="run")
    run.filter(pk=run.first().pk).update(status="done")
    client.force_login(runner)
    data = chart_data(client.get(SEASON))
    assert len(data["planned"]) == 17
    assert data["done"][0] == run.first().minutes
    assert data["done"][2:] == [None] * 15  # nothing done yet in the weeks ahead


@pytest.mark.parametrize("weeks_to_race", [4, 24])
def test_the_season_page_reads_a_fixed_number_of_queries(
    client, profile, django_assert_num_queries, weeks_to_race
):
    race_day = monday_of(profile.today()) + timedelta(weeks=weeks_to_race, days=6)
    RaceGoalFactory(profile=profile, distance="marathon", race_date=race_day)
    client.force_login(profile.user)
    client.get(SEASON)  # plans this week and next
    with django_assert_num_queries(QUERIES):
        response = client.get(SEASON)
    assert response.status_code == 200


QUERIES = 12


# Pauses.


def pause(client, start, end, reason=""):
    return client.post(
        reverse("plans:pause_add"),
        {"start": start.isoformat(), "end": end.isoformat(), "reason": reason},
    )


def test_a_runner_pauses_the_plan_and_its_days_stay_free(client, half_16_weeks_out):
    runner = half_16_weeks_out.user
    today = half_16_weeks_out.today()
    client.force_login(runner)
    client.get(SEASON)
    start, end = today + timedelta(days=1), today + timedelta(days=6)
    response = pause(client, start, end, "Holiday")
    assert response.status_code == 302
    assert PlanPause.objects.filter(runner=runner, start=start, end=end, reason="Holiday").exists()
    assert not Session.objects.filter(runner=runner, date__range=(start, end)).exists()
    body = client.get(SEASON).content.decode()
    assert "Plan paused from" in body
    assert "(Holiday)" in body


@pytest.mark.parametrize(
    ("start_in", "end_in", "message"),
    [
        (-1, 3, "A pause can start today at the earliest."),
        (5, 4, "The last day of the pause cannot be before its first."),
        (0, 84, "A pause lasts at most 12 weeks."),
        (10, 12, "This overlaps your pause from"),
    ],
)
def test_a_wrong_pause_is_refused_with_a_clear_message_and_nothing_changes(
    client, profile, start_in, end_in, message
):
    today = profile.today()
    PlanPause.objects.create(
        runner=profile.user, start=today + timedelta(days=11), end=today + timedelta(days=20)
    )
    client.force_login(profile.user)
    response = pause(client, today + timedelta(days=start_in), today + timedelta(days=end_in))
    assert response.status_code == 400
    assert message in response.content.decode()
    assert PlanPause.objects.count() == 1


def test_the_longest_pause_next_to_another_is_allowed(client, profile):
    today = profile.today()
    PlanPause.objects.create(
        runner=profile.user, start=today + timedelta(days=84), end=today + timedelta(days=90)
    )
    client.force_login(profile.user)
    assert pause(client, today, today + timedelta(days=83)).status_code == 302
    assert PlanPause.objects.count() == 2


def test_the_runner_ends_a_pause_early_and_calls_off_a_future_one(client, profile):
    today = profile.today()
    going = PlanPause.objects.create(
        runner=profile.user, start=today - timedelta(days=3), end=today + timedelta(days=3)
    )
    future = PlanPause.objects.create(
        runner=profile.user, start=today + timedelta(days=10), end=today + timedelta(days=12)
    )
    client.force_login(profile.user)
    assert client.post(reverse("plans:pause_end", args=[going.pk])).status_code == 302
    going.refresh_from_db()
    assert going.end == today - timedelta(days=1)
    assert client.post(reverse("plans:pause_end", args=[future.pk])).status_code == 302
    assert not PlanPause.objects.filter(pk=future.pk).exists()


@pytest.mark.parametrize("who", ["other_runner", "coach", "other_coach"])
def test_only_the_runner_ends_their_pause(client, profile, who, request):
    today = profile.today()
    future = PlanPause.objects.create(
        runner=profile.user, start=today + timedelta(days=10), end=today + timedelta(days=12)
    )
    client.force_login(request.getfixturevalue(who))
    assert client.post(reverse("plans:pause_end", args=[future.pk])).status_code == 404
    assert PlanPause.objects.filter(pk=future.pk).exists()
