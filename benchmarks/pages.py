"""Pages under load beside the baseline view, on the same gunicorn and the same concurrency."""

import dataclasses
import statistics
import time
from collections.abc import Callable
from dataclasses import dataclass

from django.conf import settings
from django.db import connection
from django.middleware.csrf import get_token
from django.test import Client, RequestFactory
from django.test.utils import CaptureQueriesContext

from accounts.models import User
from benchmarks.http import LoadResult, gunicorn_server, load
from benchmarks.report import PAGE_HEADERS, page_rows, table

CONCURRENCY = 8
REQUESTS = 800
RENDERS = 20
ROUNDS = 3  # so that one noisy second on a shared machine does not decide a ratio


@dataclass(frozen=True)
class Page:
    label: str
    path: str
    user: User | None = None
    # For a cached page: what makes its next GET render afresh (a write's version bump).
    changed: Callable[[], None] | None = None


def browser_cookies(user: User | None) -> str:
    """The cookies a returning browser sends: the session's (when signed in) and the CSRF
    token's, so that no request of the load pays for a browser's first visit."""
    request = RequestFactory().get("/")
    get_token(request)  # sets the new secret that the CSRF cookie carries
    cookies = {settings.CSRF_COOKIE_NAME: request.META["CSRF_COOKIE"]}
    if user is not None:
        client = Client()
        client.force_login(user)
        cookies[settings.SESSION_COOKIE_NAME] = client.cookies[settings.SESSION_COOKIE_NAME].value
    return "; ".join(f"{name}={value}" for name, value in cookies.items())


def _client(page: Page) -> Client:
    client = Client()
    if page.user is not None:
        client.force_login(page.user)
    return client


def _get(client: Client, path: str) -> None:
    response = client.get(path)
    if response.status_code != 200:
        raise RuntimeError(f"{path} answered {response.status_code}")


def median_round(results: list[LoadResult]) -> LoadResult:
    """The round with the median throughput, keeping the very first request's time (only the
    first round's met an empty cache)."""
    middle = sorted(results, key=lambda result: result.per_second)[len(results) // 2]
    return dataclasses.replace(middle, first_ms=results[0].first_ms)


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
    every_page = [baseline_page, *pages]
    rounds: dict[str, list[LoadResult]] = {page.label: [] for page in every_page}
    with gunicorn_server() as port:
        cookies = {page.label: browser_cookies(page.user) for page in every_page}
        for _ in range(ROUNDS):
            for page in every_page:
                rounds[page.label].append(
                    load(
                        port,
                        page.path,
                        cookie=cookies[page.label],
                        concurrency=CONCURRENCY,
                        requests=REQUESTS,
                    )
                )
    results = {
        page.label: (median_round(rounds[page.label]), count_queries(page)) for page in every_page
    }
    intro = (
        f"gunicorn, {CONCURRENCY} concurrent keep-alive clients, {REQUESTS} requests per page "
        f"after a warm-up, the pages taking turns for {ROUNDS} rounds (each figure from the "
        'median round); "first ms" is the page\'s very first request, with nothing of it '
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
