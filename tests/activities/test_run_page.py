"""`/activities/<id>/`: the numbers, splits, route and profile, for the runner and their coach."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from activities.services import activity_import
from plans.inputs import monday_of
from tests.activities import samples
from tests.activities.conftest import this_morning
from tests.plans.factories import SessionFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def activity(runner, profile, today, run_files):
    SessionFactory(runner=runner, date=today, title="Easy run")
    return activity_import(
        runner=runner, uploaded_by=runner, name="run.fit", data=run_files["run.fit"]
    ).activity


def url(activity) -> str:
    return reverse("activities:detail", args=[activity.pk])


def test_only_the_runner_and_their_current_coach_see_a_run(
    client, activity, runner, coach, other_runner, other_coach
):
    assert client.get(url(activity)).status_code == 302
    for stranger in (other_runner, other_coach):
        client.force_login(stranger)
        assert client.get(url(activity)).status_code == 404
    for allowed in (runner, coach):
        client.force_login(allowed)
        assert client.get(url(activity)).status_code == 200


def test_a_coach_who_no_longer_coaches_the_runner_sees_nothing(client, activity, coach):
    from django.utils import timezone

    coach.coachings_given.update(ended_at=timezone.now())
    client.force_login(coach)
    assert client.get(url(activity)).status_code == 404


def test_the_page_shows_the_numbers_splits_route_and_profile(client, activity, runner, today):
    client.force_login(runner)
    page = client.get(url(activity)).content.decode()
    assert "5.4 km" in page
    assert 'data-testid="pace">5:33 /km' in page  # 1800 s over 5.4 km
    assert "144 avg · 149 max" in page
    assert page.count("<tr><td>") == 6  # five full km and the last 400 m
    assert "0.40 km" in page
    assert 'data-testid="route"' in page and 'data-testid="profile"' in page
    assert "Easy run" in page
    assert reverse("plans:week_of", args=[monday_of(today)]) in page


def test_times_and_distances_are_in_the_runners_own_zone_and_units(client, runner, profile):
    profile.time_zone, profile.distance_unit = "America/New_York", "mi"
    profile.save()
    start = this_morning(hours_ago=6)
    activity = activity_import(
        runner=runner,
        uploaded_by=runner,
        name="a.gpx",
        data=samples.gpx(samples.track(start, minutes=30)),
    ).activity
    client.force_login(runner)
    page = client.get(url(activity)).content.decode()
    local = start.astimezone(profile.zone)
    assert f"{local:%H:%M} (America/New_York)" in page
    assert "3.4 mi" in page and "Splits per mi" in page and "1.00 mi" in page


def test_a_ride_with_nothing_planned_says_the_week_is_unchanged(client, runner, profile):
    ride = samples.fit(samples.track(this_morning(), minutes=20, metres_per_second=7), sport="ride")
    activity = activity_import(runner=runner, uploaded_by=runner, name="r.fit", data=ride).activity
    client.force_login(runner)
    page = client.get(url(activity)).content.decode()
    assert "Ride" in page and 'data-testid="unmatched"' in page
    assert 'data-testid="speed">25.2 km/h' in page and 'data-testid="pace"' not in page


def test_the_week_links_each_imported_run_in_one_query_however_many(client, runner, profile, today):
    client.force_login(runner)
    week = reverse("plans:week")
    client.get(week)  # plans the week once
    first = activity_import(
        runner=runner, uploaded_by=runner, name="a.fit",
        data=samples.fit(samples.track(this_morning(hours_ago=2), minutes=20)),
    ).activity  # fmt: skip
    with CaptureQueriesContext(connection) as one:
        page = client.get(week).content.decode()
    assert page.count('data-testid="activity-link"') == 1 and url(first) in page
    for hours in (4, 6, 8):
        activity_import(
            runner=runner, uploaded_by=runner, name=f"{hours}.fit",
            data=samples.fit(samples.track(this_morning(hours_ago=hours), minutes=20)),
        )  # fmt: skip
    with CaptureQueriesContext(connection) as four:
        page = client.get(week).content.decode()
    assert page.count('data-testid="activity-link"') == 4
    assert len(one) == 12  # the week page's 11, and the activities behind its done sessions
    assert len(four) == len(one)


def test_a_run_whose_log_was_removed_on_the_week_says_it_no_longer_counts(client, activity, runner):
    from plans.services import run_log_delete

    client.force_login(runner)
    assert (
        'data-testid="matched">Done on the plan as <strong>Easy run'
        in client.get(url(activity)).content.decode()
    )
    run_log_delete(run_log=activity.run_log)
    page = client.get(url(activity)).content.decode()
    assert 'data-testid="not-counted"' in page and 'data-testid="matched"' not in page
    assert "The run it logged goes too." not in page
