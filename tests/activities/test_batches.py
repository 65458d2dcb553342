"""Several files or a .zip: imported by a task, one transaction a file, progress on the page."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from activities import tasks
from activities.models import Activity, BatchState, ImportBatch, Outcome
from activities.services import Upload, batch_create
from plans.models import Session, Status
from tests.activities import samples
from tests.activities.conftest import this_morning

pytestmark = pytest.mark.django_db


def three_watches() -> dict[str, bytes]:
    """Three runs on three days, from three kinds of watch."""
    return {
        f"day{days}.{kind}": getattr(samples, kind)(
            samples.track(this_morning() - timedelta(days=days), minutes=30)
        )
        for days, kind in ((0, "fit"), (1, "gpx"), (2, "tcx"))
    }


def zip_batch(runner, files: dict[str, bytes]) -> ImportBatch:
    return batch_create(
        runner=runner,
        uploaded_by=runner,
        uploads=[Upload(name="export.zip", data=samples.zipped(files))],
    )


def test_a_zip_of_three_watches_lands_on_three_days_and_a_corrupt_file_is_refused_alone(
    runner, profile
):
    files = three_watches()
    files["broken.fit"] = files["day0.fit"][:-300]
    batch = zip_batch(runner, files)
    assert tasks.import_batch(batch.pk) == 4
    batch.refresh_from_db()
    assert (batch.state, bytes(batch.archive)) == (BatchState.DONE, b"")
    outcomes = dict(batch.items.values_list("name", "outcome"))
    assert outcomes == {
        "day0.fit": Outcome.IMPORTED, "day1.gpx": Outcome.IMPORTED,
        "day2.tcx": Outcome.IMPORTED, "broken.fit": Outcome.REFUSED,
    }  # fmt: skip
    assert batch.items.get(name="broken.fit").message == (
        "“broken.fit”: This FIT file is cut short: it ends before its data does."
    )
    days = sorted(
        Session.objects.filter(kind="run", status=Status.DONE).values_list("date", flat=True)
    )
    assert days == [(this_morning() - timedelta(days=n)).date() for n in (2, 1, 0)]


def test_running_the_task_again_or_uploading_again_changes_nothing(runner, profile):
    files = three_watches()
    batch = zip_batch(runner, files)
    tasks.import_batch(batch.pk)
    assert tasks.import_batch(batch.pk) == 0
    again = zip_batch(runner, files)
    tasks.import_batch(again.pk)
    assert set(again.items.values_list("outcome", flat=True)) == {Outcome.DUPLICATE}
    assert Activity.objects.count() == 3 and Session.objects.filter(kind="run").count() == 3


def test_a_batch_held_by_a_live_worker_is_left_alone_until_its_lease_runs_out(runner, profile):
    batch = zip_batch(runner, three_watches())
    ImportBatch.objects.filter(pk=batch.pk).update(
        state=BatchState.RUNNING, claimed_until=timezone.now() + timedelta(minutes=1)
    )
    assert tasks.import_batch(batch.pk) == 0
    assert tasks.sweep() == 0
    ImportBatch.objects.filter(pk=batch.pk).update(
        claimed_until=timezone.now() - timedelta(seconds=1)
    )
    assert tasks.import_batch(batch.pk) == 3


def test_the_sweep_starts_a_batch_whose_message_was_lost(runner, profile, monkeypatch):
    started = []
    monkeypatch.setattr(tasks.import_batch, "delay", started.append)
    batch = zip_batch(runner, three_watches())
    assert tasks.sweep() == 0  # just queued: its own message is on its way
    ImportBatch.objects.filter(pk=batch.pk).update(created_at=timezone.now() - timedelta(minutes=2))
    assert tasks.sweep() == 1 and started == [batch.pk]


def test_the_finished_page_says_what_became_of_each_file(client, runner, profile):
    files = three_watches()
    files["notes.txt"] = b"hello"
    batch = zip_batch(runner, files)
    tasks.import_batch(batch.pk)
    client.force_login(runner)
    page = client.get(reverse("activities:batch", args=[batch.pk])).content.decode()
    assert page.count('data-testid="item-imported"') == 3
    assert "“notes.txt” is not a file we can read" in page
    assert 'progress-done">4</span> of 4 files handled: finished.' in page
    assert 'data-testid="refresh"' not in page
    status = client.get(reverse("activities:batch_status", args=[batch.pk])).json()
    assert status == {"state": "done", "total": 4, "done": 4}


def test_only_the_runner_and_their_coach_see_an_import(
    client, runner, profile, coach, other_runner, other_coach
):
    batch = zip_batch(runner, three_watches())
    for url in (
        reverse("activities:batch", args=[batch.pk]),
        reverse("activities:batch_status", args=[batch.pk]),
    ):
        assert client.get(url).status_code == 302  # anonymous: to the login page
        for stranger in (other_runner, other_coach):
            client.force_login(stranger)
            assert client.get(url).status_code == 404
        for allowed in (runner, coach):
            client.force_login(allowed)
            assert client.get(url).status_code == 200
        client.logout()
