"""`/api/v1/profile/`: the caller's own runner profile, read and changed with the profile
page's rules; a bad body changes nothing."""

import json

import pytest
from django.urls import reverse

from accounts.models import Commitment, RunnerProfile
from plans.models import Session

pytestmark = pytest.mark.django_db
URL = reverse("api:profile")


def patch(client, body):
    return client.patch(URL, json.dumps(body), content_type="application/json")


@pytest.mark.parametrize(
    ("who", "status"),
    [
        ("anonymous", 401),
        ("runner", 200),
        ("other_runner", 200),
        ("coach", 404),
        ("other_coach", 404),
    ],
)
def test_each_caller_sees_only_their_own_profile(
    client, request, runner, profile, other_profile, coach, other_coach, who, status
):
    if who != "anonymous":
        client.force_login(request.getfixturevalue(who))
    response = client.get(URL)
    assert response.status_code == status
    if who in ("runner", "other_runner"):
        assert response.json()["email"] == request.getfixturevalue(who).email
    if who in ("coach", "other_coach"):
        assert "No runner profile yet" in response.json()["errors"]["__all__"][0]


def test_the_profile_shows_the_week_days_as_the_form_holds_them(client, runner, profile):
    client.force_login(runner)
    data = client.get(URL).json()
    assert data["runner_type"] == "recreational" and data["time_zone"] == "UTC"
    assert data["long_run_day"] == "sun"
    assert data["days"]["mon"] == {"available": True, "minutes": 45, "usual_run_time": "07:00"}
    assert data["days"]["tue"]["available"] is False


def test_a_patch_changes_what_it_names_and_re_plans_the_days_ahead(client, runner, profile):
    client.force_login(runner)
    client.get(reverse("plans:week"))  # the week is planned
    response = patch(
        client,
        {"days": {"tue": {"available": True, "minutes": 60}}, "equipment": ["stability_ball"]},
    )
    assert response.status_code == 200, response.json()
    assert response.json()["days"]["tue"] == {
        "available": True, "minutes": 60, "usual_run_time": None
    }  # fmt: skip
    assert response.json()["days"]["mon"]["minutes"] == 45  # untouched
    assert Commitment.objects.get(profile=profile, weekday=1).minutes == 60
    assert RunnerProfile.objects.get(pk=profile.pk).equipment == ["stability_ball"]


@pytest.mark.parametrize(
    ("body", "field"),
    [
        ({"runner_type": 3}, "runner_type"),
        ({"runner_type": "elite"}, "runner_type"),
        ({"time_zone": "Mars/Olympus"}, "time_zone"),
        ({"time_zone": "x" * 10_000}, "time_zone"),
        ({"injured": "yes"}, "injured"),
        ({"injured": True}, "injury_area"),
        ({"injured_since": "9999-12-31", "injured": True, "injury_area": "knee"}, "injured_since"),
        ({"reminder_delay_minutes": 10**15}, "reminder_delay_minutes"),
        ({"quiet_hours_start": "22:00"}, "quiet_hours_end"),
        ({"days": {"mon": {"available": True, "minutes": 301}}}, "days.mon.minutes"),
        ({"days": {"mon": {"available": "1", "minutes": 30}}}, "days.mon.available"),
        ({"days": {"sun": {"available": True, "minutes": 0}}}, "days.sun.minutes"),
        ({"long_run_day": "tue"}, "long_run_day"),
        ({"likes": ["swimming"], "liked_activities": ["space-walk"]}, "liked_activities.0"),
        ({"days": [1, 2]}, "days"),
    ],
)
def test_a_bad_body_is_a_400_naming_the_field_and_changes_nothing(
    client, runner, profile, body, field
):
    client.force_login(runner)
    before = client.get(URL).json()
    response = patch(client, body)
    assert response.status_code == 400
    assert field in response.json()["errors"], response.json()
    assert client.get(URL).json() == before


def test_no_day_available_is_refused_under_days(client, runner, profile):
    client.force_login(runner)
    days = {key: {"available": False, "minutes": 0} for key in ("mon", "wed", "fri", "sun")}
    response = patch(client, {"days": days, "long_run_day": None})
    assert response.status_code == 400
    assert response.json()["errors"]["days"] == ["Pick at least one day you can train."]


def test_put_needs_every_field(client, runner, profile):
    client.force_login(runner)
    whole = client.get(URL).json()
    for name in ("email", "display_name", "today"):
        del whole[name]
    assert client.put(URL, json.dumps(whole), content_type="application/json").status_code == 200
    del whole["time_zone"]
    response = client.put(URL, json.dumps(whole), content_type="application/json")
    assert response.status_code == 400 and "time_zone" in response.json()["errors"]


def test_bodies_that_are_not_json_objects_are_400s(client, runner, profile):
    client.force_login(runner)
    for text in ("[1]", '"x"', "nul", '{"a": NaN}', "[" * 5000 + "]" * 5000):
        response = client.patch(URL, text, content_type="application/json")
        assert response.status_code == 400, text
    assert client.patch(URL, "x=1", content_type="text/plain").status_code == 415
    assert not Session.objects.exists()
