"""The runner's calendar feed: built in-process and served under load, beside the baseline."""

import os
import statistics
import time
from datetime import timedelta

from django.core.cache import cache
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from benchmarks.activities import _baseline_seconds
from benchmarks.pages import Page, measure
from benchmarks.report import table
from benchmarks.week import seed_runner_with_a_year_of_history
from feeds.selectors import feed_window
from feeds.services import calendar_feed_renew
from plans.models import Session, SessionKind
from plans.services import monday_of, week_generate

REPEATS = 200
WEEKS_AHEAD = 8
# A speed session's steps, as the planner writes them: every run in the feed gets some.
STEPS = [
    {
        "part": "warm-up",
        "minutes": 10,
        "repeat": 1,
        "zone": "easy",
        "pace_per_km": ["6:00", "6:30"],
    },
    {
        "part": "main",
        "minutes": 3,
        "repeat": 5,
        "zone": "interval",
        "pace_per_km": ["4:40", "4:50"],
    },
    {"part": "recovery", "minutes": 2, "repeat": 5, "zone": "recovery", "pace_per_km": None},
    {"part": "cool-down", "minutes": 10, "repeat": 1, "zone": "easy", "pace_per_km": None},
]


def _seed():
    profile = seed_runner_with_a_year_of_history()
    monday = monday_of(profile.today())
    for weeks in range(2, WEEKS_AHEAD + 1):
        week_start = monday + timedelta(weeks=weeks)
        week_generate(runner=profile.user, week_start=week_start, today=profile.today())
    Session.objects.filter(runner=profile.user, kind=SessionKind.RUN).update(structure=STEPS)
    return profile


def _median_ms(
    client: Client, url: str, headers: dict[str, str] | None = None, *, cold: bool = False
) -> float:
    timings = []
    for _ in range(REPEATS):
        if cold:
            cache.clear()
        began = time.perf_counter()
        response = client.get(url, headers=headers or {})
        timings.append(time.perf_counter() - began)
        assert response.status_code in (200, 304)
    return statistics.median(timings) * 1000


def calendar_feed() -> str:
    """The runner's calendar feed (a year of history, eight weeks ahead) beside the baseline."""
    load = os.getloadavg()[0]
    profile = _seed()
    url = reverse(
        "feeds:calendar_feed", args=[calendar_feed_renew(owner=profile.user, kind="runner")]
    )
    client = Client()
    first = client.get(url)
    with CaptureQueriesContext(connection) as captured:
        client.get(url)
    in_window = Session.objects.filter(
        runner=profile.user, date__range=feed_window(profile.today())
    ).count()
    events = first.content.count(b"BEGIN:VEVENT")
    baseline_ms = _baseline_seconds(client) * 1000
    cold_ms = _median_ms(client, url, cold=True)
    full_ms = _median_ms(client, url)
    unchanged_ms = _median_ms(client, url, {"If-None-Match": first["ETag"]})
    in_process = table(
        ["request", "median ms", "× baseline request", "target"],
        [
            [f"feed after a change: written ({events} events, {len(first.content) // 1024} KB)",
             f"{cold_ms:.1f}", f"{cold_ms / baseline_ms:.0f}", "under 20 ms"],
            ["feed, plan unchanged: body from the cache", f"{full_ms:.1f}",
             f"{full_ms / baseline_ms:.0f}", "under 20 ms"],
            ["feed, unchanged (If-None-Match → 304)", f"{unchanged_ms:.1f}",
             f"{unchanged_ms / baseline_ms:.0f}", ""],
        ],
    )  # fmt: skip
    total = Session.objects.filter(runner=profile.user).count()
    under_load = measure([Page("calendar feed (10 weeks of sessions)", url)])
    return (
        f"Seeded runner: {total} sessions over a year and eight weeks ahead, {in_window} of them "
        f"in the feed's window (runs with structured steps, post-run blocks folded into their "
        f"runs); {len(captured)} queries a request.\n\n"
        f"In-process, median of {REPEATS}; the baseline view served in the same process took "
        f"{baseline_ms:.2f} ms. Load average when the run began: {load:.1f} on "
        f"{os.cpu_count()} cores (other work on the machine slows every row alike; compare "
        f"the × baseline columns).\n\n{in_process}\n\n{under_load}"
    )
