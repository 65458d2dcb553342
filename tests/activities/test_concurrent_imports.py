"""Two copies of one run arriving at the same moment (a phone app and a watch syncing together)
are imported once: each import holds the runner's row while it checks and writes."""

import threading

import pytest
from django.db import connection

from activities.models import Activity
from activities.services import activity_import
from plans.models import RunLog

pytestmark = [pytest.mark.postgres, pytest.mark.django_db(transaction=True)]


def test_the_same_run_uploaded_twice_at_once_is_imported_once(runner, profile, run_files):
    start = threading.Barrier(2)
    results = []

    def upload(name: str) -> None:
        start.wait()
        try:
            results.append(
                activity_import(
                    runner=runner, uploaded_by=runner, name=name, data=run_files[name]
                ).duplicate
            )
        finally:
            connection.close()

    threads = [threading.Thread(target=upload, args=[name]) for name in ("run.fit", "run.gpx")]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert sorted(results) == [False, True]
    assert Activity.objects.count() == 1 and RunLog.objects.count() == 1
