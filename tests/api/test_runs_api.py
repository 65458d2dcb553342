"""`/api/v1/runs/`: log a run (it marks the day's planned run done), list and remove them."""

from datetime import date, timedelta

import pytest
from django.urls import reverse

from plans.models import RunLog, Session, Status
from tests.plans.factories import RunLogFactory, SessionFactory

pytestmark = pytest.mark.django_db
TODAY = date.today()
URL = reverse("api:runs")


def log(client, **changes):
    body = {"date": str(TODAY), "distance_m": 5000, "duration_seconds": 1800, "effort": 5}
    return client.post(URL, {**body, **changes}, content_type="application/json")


def test_a_run_logged_marks_the_planned_run_done(client, runner, profile):
    planned = SessionFactory(runner=runner, date=TODAY)
    client.force_login(runner)
    response = log(client, notes="Windy")
    assert response.status_code == 201
    assert response.json()["session"] == planned.pk and response.json()["merged"] is False
    assert Session.objects.get(pk=planned.pk).status == Status.DONE


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"date": str(TODAY + timedelta(days=1))}, "date"),
        ({"date": str(TODAY - timedelta(days=400))}, "date"),
        ({"date": 20261123}, "date"),
        ({"distance_m": "5000"}, "distance_m"),
        ({"distance_m": 10**15}, "distance_m"),
        ({"duration_seconds": 30}, "duration_seconds"),
        ({"effort": 11}, "effort"),
        ({"effort": True}, "effort"),
        ({"notes": "x" * 2001}, "notes"),
        ({"date": None}, "date"),
    ],
)
def test_a_bad_run_is_a_400_and_nothing_is_logged(client, runner, profile, changes, field):
    client.force_login(runner)
    response = log(client, **changes)
    assert response.status_code == 400
    assert field in response.json()["errors"]
    assert not RunLog.objects.exists() and not Session.objects.exists()


def test_a_missing_field_is_named(client, runner, profile):
    client.force_login(runner)
    response = client.post(URL, {"date": str(TODAY)}, content_type="application/json")
    assert set(response.json()["errors"]) == {"distance_m", "duration_seconds", "effort"}


@pytest.mark.parametrize(
    ("who", "status"),
    [
        ("anonymous", 401),
        ("runner", 204),
        ("other_runner", 404),
        ("coach", 404),
        ("other_coach", 404),
    ],
)
def test_only_the_runner_removes_their_run(
    client, request, runner, profile, coach, other_runner, other_coach, who, status
):
    run_log = RunLogFactory(runner=runner, date=TODAY)
    if who != "anonymous":
        client.force_login(request.getfixturevalue(who))
    url = reverse("api:run", args=[run_log.pk])
    assert client.get(url).status_code == (200 if status == 204 else status)
    assert client.delete(url).status_code == status
    assert RunLog.objects.exists() == (status != 204)


def test_the_list_is_yours_newest_first_in_flat_queries(
    client, runner, profile, other_runner, django_assert_num_queries
):
    RunLogFactory(runner=other_runner)
    for n in range(3):
        RunLogFactory(runner=runner, date=TODAY - timedelta(days=n))
    client.force_login(runner)
    # session, user, the page's count, the page's rows
    with django_assert_num_queries(3):
        page = client.get(URL).json()
    assert page["count"] == 3
    assert [run["date"] for run in page["results"]] == [
        str(TODAY - timedelta(days=n)) for n in range(3)
    ]
    for n in range(10):
        RunLogFactory(runner=runner, date=TODAY - timedelta(days=5 + n))
    with django_assert_num_queries(3):
        client.get(URL)
    assert client.get(URL, {"page": 99}).status_code == 404
