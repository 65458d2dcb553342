"""Activity imports: one 3-hour FIT file parsed, a .zip of 100 one-hour runs end to end, and
the week page's queries as activities pile up."""

import statistics
import time
from datetime import UTC, datetime, timedelta
from typing import cast
from unittest import mock

from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from accounts.models import RunnerProfile
from activities import services, tasks
from activities.models import Activity, BatchState, ImportBatch
from activities.parsing import parse
from benchmarks.report import table
from plans.inputs import monday_of
from tests.accounts.factories import RunnerProfileFactory
from tests.activities import samples

ZIP_RUNS = 100


def _fit_parse() -> tuple[float, int, int]:
    """Median seconds to parse a 3-hour FIT file with one record a second."""
    start = datetime(2026, 11, 1, 7, tzinfo=UTC)
    data = samples.fit(samples.track(start, minutes=180, every=1))
    timings = []
    for _ in range(5):
        began = time.perf_counter()
        parse("long.fit", data, now=timezone.now())
        timings.append(time.perf_counter() - began)
    return statistics.median(timings), len(data), 10_801


def _runs_zip(today: datetime) -> bytes:
    """100 one-hour runs at one point a second, one a day going back from the day before."""
    return samples.zipped(
        {
            f"run-{n:03}.gpx": samples.gpx(
                samples.track(today - timedelta(days=n + 1), minutes=60, every=1)
            )
            for n in range(ZIP_RUNS)
        }
    )


def _zip_import(client: Client, data: bytes) -> float:
    """Seconds from the upload's POST to the last file imported; the task runs in this process
    as a worker would run it (the broker's hand-off is left out)."""
    began = time.perf_counter()
    upload = SimpleUploadedFile("runs.zip", data)
    with mock.patch.object(services, "_queue_batch"):  # no worker here: this process runs it
        response = client.post(reverse("activities:upload"), {"files": upload})
    batch_id = int(response["Location"].rstrip("/").rsplit("/", 1)[-1])
    tasks.import_batch(batch_id)
    elapsed = time.perf_counter() - began
    assert ImportBatch.objects.get(pk=batch_id).state == BatchState.DONE
    return elapsed


def _baseline_seconds(client: Client) -> float:
    """Median seconds of the baseline view served in this process, the unit the figures are
    also given in."""
    url = reverse("bench-baseline")
    timings = []
    for _ in range(200):
        began = time.perf_counter()
        client.get(url)
        timings.append(time.perf_counter() - began)
    return statistics.median(timings)


def _week_queries(client: Client, day: datetime) -> int:
    url = reverse("plans:week_of", args=[monday_of(day.date())])
    with CaptureQueriesContext(connection) as captured:
        assert client.get(url).status_code == 200
    return len(captured)


def activity_imports() -> str:
    """Activity imports: a 3-hour FIT file parsed, a .zip of 100 one-hour runs imported."""
    fit_seconds, fit_bytes, records = _fit_parse()
    runner = cast(RunnerProfile, RunnerProfileFactory(time_zone="UTC")).user
    client = Client()
    client.force_login(runner)
    baseline = _baseline_seconds(client)
    morning = timezone.now().replace(second=0, microsecond=0) - timedelta(hours=6)
    _week_queries(client, morning)  # plans this week and next
    today_run = samples.fit(samples.track(morning, minutes=30))
    client.post(reverse("activities:upload"), {"files": SimpleUploadedFile("today.fit", today_run)})
    queries_one = _week_queries(client, morning)
    data = _runs_zip(morning)
    zip_seconds = _zip_import(client, data)
    imported = Activity.objects.count() - 1
    for hours in (3, 4, 5):
        extra = samples.fit(samples.track(morning + timedelta(hours=hours - 2), minutes=20))
        client.post(
            reverse("activities:upload"), {"files": SimpleUploadedFile(f"{hours}.fit", extra)}
        )
    queries_many = _week_queries(client, morning)
    return "\n\n".join(
        [
            table(
                ["measure", "result", "× baseline request", "target"],
                [
                    [
                        f"parse a 3-hour FIT file ({records:,} records, {fit_bytes // 1024} KB), "
                        "median of 5",
                        f"{fit_seconds:.2f} s",
                        f"{fit_seconds / baseline:,.0f}",
                        "under 1 s",
                    ],
                    [
                        f"import a .zip of {ZIP_RUNS} one-hour GPX runs (one point a second, "
                        f"{len(data) // (1024 * 1024)} MB) from POST to the last file imported",
                        f"{zip_seconds:.1f} s ({imported} imported)",
                        f"{zip_seconds / baseline:,.0f}",
                        "under 60 s",
                    ],
                    [
                        "week page queries with 1 imported run this week, then 4",
                        f"{queries_one}, then {queries_many}",
                        "",
                        "the same",
                    ],
                ],
            ),  # fmt: skip
            f"The baseline view served in this process took {baseline * 1000:.2f} ms (median of "
            "200); each time is also given as that many baseline requests. The .zip's task runs "
            "in the benchmark's process, as a worker runs it; the broker's hand-off (about a "
            "second on the embedded broker) is not counted.",
        ]
    )
