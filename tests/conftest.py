"""Service groups: a test that needs PostgreSQL, Redis or Chromium skips on a laptop without
them and says why; with REQUIRE_SERVICES=1 (set by .ci/run) the same test fails instead."""

import os
import shutil
import socket
from urllib.parse import urlparse

os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

import pytest  # noqa: E402

REQUIRE_SERVICES = os.environ.get("REQUIRE_SERVICES") == "1"
CHROMIUM = "/usr/bin/chromium"
_skipped_groups: dict[str, str] = {}


def _reachable(url: str, default_port: int) -> bool:
    parsed = urlparse(url)
    try:
        with socket.create_connection(
            (parsed.hostname or "127.0.0.1", parsed.port or default_port), 2
        ):
            return True
    except OSError:
        return False


def _service_problem(group: str) -> str | None:
    if group == "postgres":
        url = os.environ.get("DATABASE_URL", "")
        if not url.startswith(("postgres://", "postgresql://")):
            return "DATABASE_URL does not point at PostgreSQL"
        return None if _reachable(url, 5432) else f"PostgreSQL at {url} does not answer"
    if group == "redis":
        url = os.environ.get("CELERY_BROKER_URL", "")
        if not url.startswith("redis://"):
            return "CELERY_BROKER_URL does not point at Redis"
        return None if _reachable(url, 6379) else f"Redis at {url} does not answer"
    if group == "browser":
        return None if shutil.which(CHROMIUM) else f"Chromium is not installed at {CHROMIUM}"
    return None


def pytest_runtest_setup(item):
    for group in ("postgres", "redis", "browser"):
        if item.get_closest_marker(group) is None:
            continue
        problem = _service_problem(group)
        if problem is None:
            continue
        if REQUIRE_SERVICES:
            pytest.fail(f"{group} is required here (REQUIRE_SERVICES=1): {problem}")
        _skipped_groups[group] = problem
        pytest.skip(f"{group}: {problem}")


def pytest_terminal_summary(terminalreporter):
    if _skipped_groups:
        terminalreporter.section("skipped groups")
        for group, reason in sorted(_skipped_groups.items()):
            terminalreporter.write_line(f"{group} tests skipped: {reason}")


# The five standing users every protected page is tested with.
@pytest.fixture
def runner(db):
    from tests.factories import UserFactory

    return UserFactory(display_name="Rita Runner")


@pytest.fixture
def other_runner(db):
    from tests.factories import UserFactory

    return UserFactory(display_name="Oscar Other")


@pytest.fixture
def coach(runner):
    from tests.factories import CoachFactory, CoachingFactory

    coach = CoachFactory(display_name="Cora Coach")
    CoachingFactory(coach=coach, athlete=runner)
    return coach


@pytest.fixture
def other_coach(db):
    from tests.factories import CoachFactory

    return CoachFactory(display_name="Otto Coach")


@pytest.fixture
def frozen_now(monkeypatch):
    """Stops `timezone.now()` at the moment passed: `frozen_now(datetime(..., tzinfo=UTC))`."""
    from django.utils import timezone

    def freeze(moment):
        monkeypatch.setattr(timezone, "now", lambda: moment)

    return freeze


@pytest.fixture(autouse=True)
def outbox_worker(monkeypatch):
    """A worker that handles each queued email (and password reset request) at once, as a
    running one would; a test that wants them left waiting in the database sets `paused`."""
    from accounts import services as accounts_services
    from accounts import tasks as accounts_tasks
    from outbox import services, tasks

    state = {"paused": False}

    def send(email_id: int) -> None:
        if not state["paused"]:
            services.email_send(email_id=email_id)

    def handle_reset(request_id: int) -> None:
        if not state["paused"]:
            accounts_services.password_reset_handle(request_id=request_id)

    monkeypatch.setattr(tasks.send_email, "delay", send)
    monkeypatch.setattr(accounts_tasks.password_reset_handle, "delay", handle_reset)
    return state


@pytest.fixture(autouse=True)
def empty_cache():
    """Each test starts with an empty cache: ids and week versions start again with each
    test's rolled-back database, and a page cached by the previous test must not meet them;
    the API's throttles count in the cache too."""
    from django.core.cache import cache

    from plans.cache import forget_local_pages
    from plans.coaching.dashboard_rows import forget_kept_rows

    cache.clear()
    forget_local_pages()
    forget_kept_rows()
    yield
