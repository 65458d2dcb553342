"""The dashboard's athlete rows as HTML, each rendered once for what it shows.

Rendering 50 rows through the template language cost most of a dashboard request. A row is
rendered from its `DashboardLine` alone, plain values and nothing else, and kept under those
values: the same values give the same HTML, so a kept row can never be out of date, and a
change to any of them (a write moves the athlete's summary, a new day, a new group) simply
misses."""

import threading
from collections import OrderedDict

from django.template.loader import render_to_string
from django.utils.safestring import SafeString, mark_safe

from plans.coaching.selectors import DashboardLine

KEPT_ROWS = 10_000  # per process; a row is about 1.5 KB
_kept: OrderedDict[DashboardLine, str] = OrderedDict()
_lock = threading.Lock()  # the development server answers from threads


def row_html(line: DashboardLine) -> SafeString:
    with _lock:
        html = _kept.get(line)
        if html is not None:
            _kept.move_to_end(line)
    if html is None:
        html = render_to_string("plans/coach/_dashboard_row.html", {"row": line})
        with _lock:
            _kept[line] = html
            while len(_kept) > KEPT_ROWS:
                _kept.popitem(last=False)
    return mark_safe(html)  # rendered by the template engine, which escaped it


def forget_kept_rows() -> None:
    """For tests that count what a first render costs."""
    with _lock:
        _kept.clear()
