import json

import pytest
from django.urls import reverse

from plans.models import PlanWeek, Session

URL = "/api/v1/plan-preview/"


def body(**changes):
    days = {
        key: {"available": key in ("mon", "wed", "fri", "sat", "sun"), "minutes": 60}
        for key in ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
    }
    data = {
        "runner_type": "recreational",
        "week_start": "2026-11-23",
        "days": days,
        "long_run_day": "sun",
        "race_date": "2027-03-07",
        "injury": None,
        "likes": ["swimming"],
        "equipment": ["stability_ball"],
    }
    data.update(changes)
    return data


def preview(client, data):
    return client.post(URL, json.dumps(data), content_type="application/json")


def test_the_url_is_the_documented_one():
    assert reverse("plans:plan_preview") == URL


def test_anonymous_callers_get_401(client):
    assert preview(client, body()).status_code == 401


def test_a_week_comes_back_with_seven_days_and_post_run_strength_on_run_days(client, runner):
    client.force_login(runner)
    response = preview(client, body())
    assert response.status_code == 200
    week = response.json()
    assert week["phase"] == "base"
    assert [day["date"] for day in week["days"]] == [f"2026-11-{day}" for day in range(23, 30)]
    for day in week["days"]:
        kinds = [session["kind"] for session in day["sessions"]]
        if "run" in kinds:
            blocks = [s for s in day["sessions"] if s["post_run_strength"]]
            assert len(blocks) == 1 and blocks[0]["kind"] == "strength"
            assert all(e["sets"] >= 1 and not e["plyometric"] for e in blocks[0]["exercises"])
    assert week["days"][1]["sessions"] == [
        {"kind": "rest", "purpose": None, "minutes": 0, "activity": None,
         "post_run_strength": False, "exercises": []}
    ]  # fmt: skip
    assert week["days"][6]["sessions"][0]["purpose"] == "long"


def test_nothing_is_saved(client, runner):
    client.force_login(runner)
    preview(client, body())
    assert not Session.objects.exists() and not PlanWeek.objects.exists()


def test_an_injured_runner_gets_no_runs(client, runner):
    client.force_login(runner)
    week = preview(client, body(injury="knee")).json()
    kinds = {s["kind"] for day in week["days"] for s in day["sessions"]}
    assert "run" not in kinds
    assert "cross_training" in kinds


@pytest.mark.parametrize(
    ("changes", "field", "message"),
    [
        ({"runner_type": "elite"}, "runner_type", "not one of the available choices"),
        ({"week_start": "2026-11-24"}, "week_start", "must start on a Monday"),
        ({"week_start": "next week"}, "week_start", "Enter a valid date"),
        ({"long_run_day": "someday"}, "long_run_day", "not one of the available choices"),
        ({"injury": "elbow"}, "injury", "not one of the available choices"),
        ({"likes": ["soccer"]}, "likes", "not one of the available choices"),
        ({"equipment": ["jetpack"]}, "equipment", "not one of the available choices"),
        ({"days": {"mon": {"available": True, "minutes": 60}}}, "days", "missing tue"),
        ({"days": "weekdays"}, "days", "mon … sun"),
    ],
)
def test_invalid_bodies_get_400_with_a_message_per_field(client, runner, changes, field, message):
    client.force_login(runner)
    response = preview(client, body(**changes))
    assert response.status_code == 400
    assert message in " ".join(response.json()["errors"][field])


def test_minutes_outside_0_to_300_are_named_per_day(client, runner):
    client.force_login(runner)
    data = body()
    data["days"]["tue"] = {"available": True, "minutes": 301}
    response = preview(client, data)
    assert response.status_code == 400
    assert "0–300" in response.json()["errors"]["days.tue"][0]


def test_a_week_with_no_training_day_is_refused(client, runner):
    client.force_login(runner)
    data = body()
    for day in data["days"].values():
        day["available"] = False
    response = preview(client, data)
    assert response.json()["errors"]["days"] == ["Make at least one day available for training."]


def test_a_body_that_is_not_json_is_refused(client, runner):
    client.force_login(runner)
    response = client.post(URL, "{nope", content_type="application/json")
    assert response.status_code == 400
    assert response.json()["errors"]["__all__"] == ["The body is not valid JSON."]


def test_only_post_is_allowed(client, runner):
    client.force_login(runner)
    assert client.get(URL).status_code == 405
