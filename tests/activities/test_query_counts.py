"""The activities pages read the same number of queries however many imports there are."""

from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from activities import tasks
from activities.services import Upload, activity_import, batch_create
from tests.activities import samples
from tests.activities.conftest import this_morning

pytestmark = pytest.mark.django_db


def queries(client, url: str) -> int:
    with CaptureQueriesContext(connection) as captured:
        assert client.get(url).status_code == 200
    return len(captured)


def runs(count: int, first_day: int = 0) -> dict[str, bytes]:
    return {
        f"run{n}.gpx": samples.gpx(samples.track(this_morning() - timedelta(days=n), minutes=10))
        for n in range(first_day, first_day + count)
    }


def imported_batch(runner, files: dict[str, bytes]) -> int:
    batch = batch_create(
        runner=runner, uploaded_by=runner, uploads=[Upload("all.zip", samples.zipped(files))]
    )
    tasks.import_batch(batch.pk)
    return batch.pk


def test_the_upload_page_the_import_page_and_the_run_page_stay_flat(client, runner, profile):
    client.force_login(runner)
    small = imported_batch(runner, runs(1))
    upload_few = queries(client, reverse("activities:upload"))
    batch_few = queries(client, reverse("activities:batch", args=[small]))
    big = imported_batch(runner, runs(8, first_day=1))
    assert upload_few == 3  # user, profile, latest imports
    assert batch_few == 4  # user, the batch, its items with their activities, progress
    assert queries(client, reverse("activities:upload")) == upload_few
    assert queries(client, reverse("activities:batch", args=[big])) == batch_few


def test_the_run_page_reads_the_same_for_a_long_run(client, runner, profile):
    client.force_login(runner)
    short = activity_import(
        runner=runner, uploaded_by=runner, name="a.gpx",
        data=samples.gpx(samples.track(this_morning(hours_ago=5), minutes=5)),
    ).activity  # fmt: skip
    long = activity_import(
        runner=runner, uploaded_by=runner, name="b.gpx",
        data=samples.gpx(samples.track(this_morning(hours_ago=3), minutes=120)),
    ).activity  # fmt: skip
    few = queries(client, reverse("activities:detail", args=[short.pk]))
    assert few == 3  # user, the activity with its runner and session, the profile
    assert queries(client, reverse("activities:detail", args=[long.pk])) == few
