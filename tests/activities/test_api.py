"""`POST /api/v1/activities/`: one file a request, multipart field `file`."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse

from activities.models import Activity
from plans.models import Session, Status
from tests.activities.conftest import this_morning
from tests.plans.factories import SessionFactory

pytestmark = pytest.mark.django_db
URL = reverse("activities:api_activities")


def post(client, data: bytes, name: str = "run.fit", **extra):
    return client.post(URL, {"file": SimpleUploadedFile(name, data), **extra})


def test_anonymous_callers_get_401_in_json(client, run_files):
    response = post(client, run_files["run.fit"])
    assert response.status_code == 401
    assert response.json() == {"errors": {"__all__": ["Log in first."]}}
    assert not Activity.objects.exists()


def test_an_anonymous_curl_gets_json_401_and_a_session_without_its_csrf_token_403(
    runner, profile, run_files
):
    strict = Client(enforce_csrf_checks=True)
    assert post(strict, run_files["run.fit"]).status_code == 401
    strict.force_login(runner)
    no_token = post(strict, run_files["run.fit"])
    assert no_token.status_code == 403
    assert "CSRF" in no_token.json()["errors"]["__all__"][0]
    assert not Activity.objects.exists()
    strict.get(reverse("plans:week"))  # sets the CSRF cookie, as the page would
    token = strict.cookies["csrftoken"].value
    upload = {"file": SimpleUploadedFile("run.fit", run_files["run.fit"])}
    assert strict.post(URL, upload, HTTP_X_CSRFTOKEN=token).status_code == 201
    assert Activity.objects.count() == 1


def test_a_new_run_answers_201_with_its_numbers_and_the_session_it_matched(
    client, runner, profile, today, run_files
):
    run = SessionFactory(runner=runner, date=today)
    client.force_login(runner)
    response = post(client, run_files["run.fit"])
    assert response.status_code == 201
    activity = Activity.objects.get()
    assert response.json() == {
        "id": activity.pk,
        "sport": "run",
        "started_at": this_morning().isoformat(),
        "distance_m": 5400,
        "moving_seconds": 1800,
        "elapsed_seconds": 1800,
        "ascent_m": 18,
        "avg_hr": 144,
        "matched_session": run.pk,
        "duplicate_of": None,
    }
    run.refresh_from_db()
    assert run.status == Status.DONE


def test_the_same_run_again_answers_201_pointing_at_the_first(client, runner, profile, run_files):
    client.force_login(runner)
    first = post(client, run_files["run.fit"]).json()
    again = post(client, run_files["run.gpx"], name="run.gpx")
    assert again.status_code == 201
    assert again.json()["duplicate_of"] == first["id"] == again.json()["id"]
    assert Activity.objects.count() == 1 and Session.objects.filter(kind="run").count() == 1


def test_a_bad_file_answers_400_with_the_reason(client, runner, profile, run_files):
    client.force_login(runner)
    response = post(client, run_files["run.fit"][:-200])
    assert response.status_code == 400
    assert response.json() == {
        "errors": {"file": ["“run.fit”: This FIT file is cut short: it ends before its data does."]}
    }
    assert not Activity.objects.exists()


def test_no_file_or_a_zip_answers_400(client, runner, profile, run_files):
    client.force_login(runner)
    assert client.post(URL, {}).status_code == 400
    assert post(client, b"PK\x03\x04", name="all.zip").status_code == 400
    assert not Activity.objects.exists()


def test_a_coach_uploads_for_their_athlete_but_not_for_anyone_else(
    client, runner, profile, coach, other_coach, other_runner, run_files
):
    client.force_login(other_coach)
    response = post(client, run_files["run.fit"], athlete=runner.pk)
    assert response.status_code == 404 and not Activity.objects.exists()
    client.force_login(other_runner)
    assert post(client, run_files["run.fit"], athlete=runner.pk).status_code == 404
    client.force_login(coach)
    response = post(client, run_files["run.fit"], athlete=runner.pk)
    assert response.status_code == 201
    assert Activity.objects.get().runner == runner


def test_a_runners_own_upload_goes_to_their_own_week(
    client, runner, profile, other_runner, run_files
):
    client.force_login(other_runner)
    assert post(client, run_files["run.fit"]).status_code == 201
    assert Activity.objects.get().runner == other_runner


def test_get_is_not_allowed(client, runner):
    client.force_login(runner)
    assert client.get(URL).status_code == 405
