"""The benchmarks `make bench` runs, in order; each returns a markdown section body."""

from benchmarks.activities import activity_imports
from benchmarks.calendar import calendar_feed
from benchmarks.coach import coach_pages
from benchmarks.pages import measure
from benchmarks.planning import planning_for_everyone
from benchmarks.progress import progress_page
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
    "planning": planning_for_everyone,
    "activities": activity_imports,
    "progress": progress_page,
    "calendar": calendar_feed,
}
