"""The benchmarks `make bench` runs, in order; each returns a markdown section body."""

from benchmarks.activities import activity_imports
from benchmarks.coach import coach_pages
from benchmarks.pages import measure
from benchmarks.reminders import reminder_delivery
from benchmarks.season import season_and_builder
from benchmarks.week import week_page_and_builder


def server_baseline() -> str:
    """The server alone: the baseline view that page figures are compared with."""
    return measure([])


ALL = {
    "baseline": server_baseline,
    "week": week_page_and_builder,
    "season": season_and_builder,
    "coach": coach_pages,
    "reminders": reminder_delivery,
    "activities": activity_imports,
}
