"""Pages under load beside the baseline view, on the same gunicorn and the same concurrency."""

import statistics
import time
from collections.abc import Callable
from dataclasses import dataclass

from django.conf import settings
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from accounts.models import User
from benchmarks.http import gunicorn_server, load
from benchmarks.report import PAGE_HEADERS, page_rows, table

CONCURRENCY = 8
REQUESTS = 800
RENDERS = 20


@dataclass(frozen=True)
class Page:
    label: str
    path: str
    user: User | None = None
    # For a cached page: what makes its next GET render afresh (a write's version bump).
    changed: Callable[[], None] | None = None


def session_cookie(user: User | None) -> str:
    if user is None:
        return ""
    client = Client()
    client.force_login(user)
    return f"{settings.SESSION_COOKIE_NAME}={client.cookies[settings.SESSION_COOKIE_NAME].value}"


def _client(page: Page) -> Client:
    client = Client()
    if page.user is not None:
        client.force_login(page.user)
    return client


def _get(client: Client, path: str) -> None:
    response = client.get(path)
    if response.status_code != 200:
        raise RuntimeError(f"{path} answered {response.status_code}")


def count_queries(page: Page) -> int:
    client = _client(page)
    with CaptureQueriesContext(connection) as queries:
        _get(client, page.path)
    return len(queries)


def render_after_a_write(page: Page) -> list[str]:
    """A cached page rendered afresh, as after a write: median ms in this process, queries."""
    assert page.changed is not None
    client = _client(page)
    _get(client, page.path)
    timings = []
    for _ in range(RENDERS):
        page.changed()
        started = time.perf_counter()
        _get(client, page.path)
        timings.append((time.perf_counter() - started) * 1000)
    page.changed()
    with CaptureQueriesContext(connection) as queries:
        _get(client, page.path)
    return [page.label, f"{statistics.median(timings):.1f}", str(len(queries))]


def measure(pages: list[Page]) -> str:
    """Markdown table: each page and the baseline, measured in one gunicorn run."""
    baseline_page = Page("baseline (tiny template)", "/bench/baseline/")
    results = {}
    with gunicorn_server() as port:
        for page in [baseline_page, *pages]:
            result = load(
                port,
                page.path,
                cookie=session_cookie(page.user),
                concurrency=CONCURRENCY,
                requests=REQUESTS,
            )
            results[page.label] = (result, count_queries(page))
    intro = (
        f"gunicorn, {CONCURRENCY} concurrent keep-alive clients, {REQUESTS} requests per page "
        'after a warm-up; "first ms" is the page\'s very first request, with nothing of it '
        "cached yet; queries counted in-process for one request of the steady state."
    )
    report = (
        intro + "\n\n" + table(PAGE_HEADERS, page_rows(results, results[baseline_page.label][0]))
    )
    cached = [page for page in pages if page.changed is not None]
    if cached:
        report += (
            f"\n\nThe same pages rendered afresh after a write moved their version (median of "
            f"{RENDERS}, in this process, no server):\n\n"
            + table(["page", "render ms", "queries"], [render_after_a_write(p) for p in cached])
        )
    return report
