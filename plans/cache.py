"""The week page's cache.

A rendered week is stored under a key made of everything it depends on: the runner, their
week version, the library's revision, the week, the runner's today and who looks (the runner,
or which coach). Every write that changes what a runner's week shows calls `week_changed` in
its own transaction, which moves the version: the next GET misses and renders afresh, so a
stale week is never served. Versions live in the database, next to the data they describe, so
a version never moves without its change being committed, and a cache that loses keys only
costs a render.

The stored HTML holds no CSRF token: forms in it carry a placeholder that each response swaps
for its own viewer's token.
"""

import functools
import hashlib
import threading
from collections import OrderedDict
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from django.apps import apps
from django.conf import settings
from django.core.cache import cache
from django.db.models import F
from django.utils.crypto import salted_hmac

from plans.models import WeekVersion

WEEK_PAGE_SECONDS = 7 * 24 * 3600  # a week nobody changed still leaves the cache in time


@dataclass(frozen=True)
class WeekPage:
    """A cached week page: the body, and the page around it (navigation, footer) apart, so that
    a response with messages can be put together around the body."""

    head: str
    body: str
    tail: str


def week_changed(runner_id: int) -> None:
    """Call in the transaction of any write that changes what this runner's week page shows:
    their sessions, logs, plan weeks, profile, goals, coach's notes, reminders or account."""
    weeks_changed([runner_id])


def weeks_changed(runner_ids: Iterable[int]) -> None:
    """`week_changed` for many runners at once, in one query (two the first time)."""
    ids = sorted(set(runner_ids))
    if not ids:
        return
    moved = WeekVersion.objects.filter(runner_id__in=ids).update(number=F("number") + 1)
    if moved < len(ids):
        WeekVersion.objects.bulk_create(
            [WeekVersion(runner_id=pk, number=0) for pk in ids], ignore_conflicts=True
        )
        # Rows created just now start at 0, never read before: move every row once more so
        # that a concurrent creator's row moves as well.
        WeekVersion.objects.filter(runner_id__in=ids).update(number=F("number") + 1)


def week_version(runner_id: int) -> int:
    return (
        WeekVersion.objects.filter(runner_id=runner_id).values_list("number", flat=True).first()
        or 0
    )


def week_page_key(
    *,
    runner_id: int,
    since: str,
    version: int,
    library: str,
    week_start: date,
    today: date,
    viewer: str,
) -> str:
    """`since`: when the runner onboarded, so that a database reset (whose ids and versions
    start again) never meets a page cached before it. The code's digest, so that a deploy (or
    an edit while developing) that changes how a week is drawn never meets one either."""
    return (
        f"plans:week:{code_digest()}:{runner_id}:{since}:{version}:{library}:"
        f"{week_start.isoformat()}:{today.isoformat()}:{viewer}"
    )


def code_digest() -> str:
    """A digest of the project's own code and templates. Read once per process from the
    files' contents; while developing (DEBUG) from their sizes and times on every call, as a
    template can change under a running server."""
    if settings.DEBUG:
        stats = [(path, path.stat()) for path in _code_files()]
        stamps = [f"{path}:{stat.st_size}:{stat.st_mtime_ns}" for path, stat in stats]
        return hashlib.sha256("\n".join(stamps).encode()).hexdigest()[:12]
    return _contents_digest()


@functools.cache
def _contents_digest() -> str:
    digest = hashlib.sha256()
    for path in _code_files():
        digest.update(str(path.relative_to(settings.BASE_DIR)).encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()[:12]


def _template_dirs(engine: dict[str, Any]) -> list[str]:
    return list(engine.get("DIRS", []))


def _code_files() -> list[Path]:
    """The project's own Python files, templates and static files (a page names its style
    sheets and scripts by their content's hash); Django's and the libraries' (in a virtual
    environment, even one inside the project) change only with the lock file."""
    base = Path(settings.BASE_DIR)
    roots = [Path(config.path) for config in apps.get_app_configs()]
    roots += [Path(folder) for engine in settings.TEMPLATES for folder in _template_dirs(engine)]
    roots += [Path(folder) for folder in settings.STATICFILES_DIRS]
    roots.append(base / "config")  # the project's own package: settings, middleware, views
    files = {
        path
        for root in roots
        if base in root.parents and "site-packages" not in root.parts
        for path in root.rglob("*")
        if path.suffix in (".py", ".html", ".txt", ".css", ".js", ".svg")
    }
    return sorted(files)


def viewer_part(*, viewer_id: int, coach_edits: bool, shown: tuple[object, ...]) -> str:
    """Who looks (the runner, or which coach with their tools), and a digest of what the page
    around the week shows of the viewer and the request (`shown`)."""
    digest = hashlib.sha256(repr(shown).encode()).hexdigest()[:16]
    return f"{f'coach-{viewer_id}' if coach_edits else 'runner'}:{digest}"


# The pages this process served last, in front of the shared cache: a key names one page's
# exact content (a write moves the version, and with it the key), so a copy held here can be
# old but never wrong, and a busy runner's page costs no cache read and no unpickling.
LOCAL_PAGES = 256
_local: OrderedDict[str, WeekPage] = OrderedDict()
_local_lock = threading.Lock()  # the development server answers from threads


def cached_week(key: str) -> WeekPage | None:
    page = _local.get(key)
    if page is None:
        found = cache.get(key)
        if not isinstance(found, WeekPage):
            return None
        page = found
    _keep_locally(key, page)
    return page


def week_store(key: str, page: WeekPage) -> None:
    cache.set(key, page, timeout=WEEK_PAGE_SECONDS)
    _keep_locally(key, page)


def _keep_locally(key: str, page: WeekPage) -> None:
    with _local_lock:
        _local[key] = page
        _local.move_to_end(key)
        while len(_local) > LOCAL_PAGES:
            _local.popitem(last=False)


def forget_local_pages() -> None:
    """For tests, whose databases start again (and with them ids and versions) test by test."""
    with _local_lock:
        _local.clear()


def csrf_placeholder() -> str:
    """What the cached HTML holds where a form's CSRF token goes. Derived from SECRET_KEY so
    nobody can type it into a note and have a token appear in its place."""
    return _placeholder_for(settings.SECRET_KEY)


@functools.lru_cache(maxsize=4)
def _placeholder_for(secret: str) -> str:
    return "csrf-" + salted_hmac("plans.cache.csrf", "placeholder", secret=secret).hexdigest()[:32]
