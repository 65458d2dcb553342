"""Removing an import from its page: what it logged goes with it, what the runner typed stays."""

import pytest
from django.urls import reverse

from activities.models import Activity
from activities.services import activity_import
from plans.models import RunLog, Status
from tests.plans.factories import RunLogFactory, SessionFactory

pytestmark = pytest.mark.django_db


def _import(runner, data):
    return activity_import(runner=runner, uploaded_by=runner, name="run.fit", data=data).activity


def test_only_the_runner_and_their_coach_may_remove_an_import(
    client, runner, profile, coach, other_runner, other_coach, run_files
):
    activity = _import(runner, run_files["run.fit"])
    url = reverse("activities:delete", args=[activity.pk])
    for stranger in (other_runner, other_coach):
        client.force_login(stranger)
        assert client.post(url).status_code == 404
    client.force_login(runner)
    assert client.get(url).status_code == 405
    assert Activity.objects.exists()
    client.force_login(coach)
    response = client.post(url)
    assert response["Location"] == reverse("activities:athlete_upload", args=[runner.pk])
    assert not Activity.objects.exists()


def test_removing_an_import_plans_its_run_again_and_the_file_can_come_back(
    client, runner, profile, today, run_files
):
    run = SessionFactory(runner=runner, date=today)
    activity = _import(runner, run_files["run.fit"])
    client.force_login(runner)
    client.post(reverse("activities:delete", args=[activity.pk]))
    run.refresh_from_db()
    assert run.status == Status.PLANNED and not RunLog.objects.exists()
    again = activity_import(
        runner=runner, uploaded_by=runner, name="run.fit", data=run_files["run.fit"]
    )
    assert not again.duplicate
    run.refresh_from_db()
    assert run.status == Status.DONE


def test_removing_an_import_keeps_the_run_typed_in_by_hand(
    client, runner, profile, today, run_files
):
    run = SessionFactory(runner=runner, date=today, status=Status.DONE)
    hand = RunLogFactory(runner=runner, session=run, date=today, distance_m=5400)
    activity = _import(runner, run_files["run.fit"])
    assert activity.run_log == hand
    client.force_login(runner)
    client.post(reverse("activities:delete", args=[activity.pk]))
    assert RunLog.objects.get() == hand
    run.refresh_from_db()
    assert run.status == Status.DONE
