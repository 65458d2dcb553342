"""Pages under load beside the baseline view, on the same gunicorn and the same concurrency."""

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


@dataclass(frozen=True)
class Page:
    label: str
    path: str
    user: User | None = None


def session_cookie(user: User | None) -> str:
    if user is None:
        return ""
    client = Client()
    client.force_login(user)
    return f"{settings.SESSION_COOKIE_NAME}={client.cookies[settings.SESSION_COOKIE_NAME].value}"


def count_queries(page: Page) -> int:
    client = Client()
    if page.user is not None:
        client.force_login(page.user)
    with CaptureQueriesContext(connection) as queries:
        response = client.get(page.path)
    if response.status_code != 200:
        raise RuntimeError(f"{page.path} answered {response.status_code}")
    return len(queries)


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
        "after a warm-up; queries counted in-process for one request."
    )
    return intro + "\n\n" + table(PAGE_HEADERS, page_rows(results, results[baseline_page.label][0]))
