"""A run imported first and then typed in by hand is one run: the hand log adds the effort and
notes the watch does not know."""

import pytest
from django.urls import reverse

from activities.services import activity_import
from plans.models import RunLog, Session
from tests.activities import samples
from tests.activities.conftest import this_morning

pytestmark = pytest.mark.django_db


def log_by_hand(client, today, distance: str):
    return client.post(
        reverse("plans:run_log_new"),
        {"run_date": today.isoformat(), "distance": distance, "duration": "31:00", "effort": "6",
         "notes": "Felt easy"},
        follow=True,
    )  # fmt: skip


def test_typing_in_an_imported_run_completes_it_instead_of_adding_another(
    client, runner, profile, today, run_files
):
    activity_import(runner=runner, uploaded_by=runner, name="run.fit", data=run_files["run.fit"])
    client.force_login(runner)
    response = log_by_hand(client, today, "5.5")
    assert "already recorded by your watch" in response.content.decode()
    log = RunLog.objects.get()
    assert (log.distance_m, log.duration_seconds, log.effort, log.notes) == (
        5400,
        1800,
        6,
        "Felt easy",
    )
    assert (
        Session.objects.filter(kind="run", source="runner").count() == 1
    )  # the one the import added


def test_a_different_run_typed_in_the_same_day_is_kept_apart(client, runner, profile, today):
    data = samples.fit(samples.track(this_morning(), minutes=30))
    activity_import(runner=runner, uploaded_by=runner, name="run.fit", data=data)
    client.force_login(runner)
    response = log_by_hand(client, today, "12")
    assert "Run saved as an extra run" in response.content.decode()
    assert RunLog.objects.count() == 2
