from decimal import Decimal
from typing import Any

from django import template

from accounts.models import RunnerProfile
from plans.comeback import Comeback
from plans.comeback import comeback as comeback_of
from plans.forms import METRES_PER
from plans.runs import compact_line, distance_text, step_lines
from plans.selectors import DayView

register = template.Library()


@register.filter
def distance(metres: int, unit: str) -> str:
    """8000, "km" → "8.0 km"; the runner sees their own unit."""
    return f"{metres / float(METRES_PER[unit]):.1f} {unit}"


@register.filter
def clock(seconds: int) -> str:
    """2730 → "45:30"; 3930 → "1:05:30"."""
    hours, rest = divmod(int(seconds), 3600)
    minutes, seconds = divmod(rest, 60)
    return f"{hours}:{minutes:02}:{seconds:02}" if hours else f"{minutes}:{seconds:02}"


@register.simple_tag
def comeback(profile: RunnerProfile) -> Comeback | None:
    """The runner's return from injury if one is under way, from their prefetched injuries."""
    return comeback_of(profile, profile.injuries.all(), profile.today())


DAY_LINE_STATUS = {"done": "done", "skipped": "skipped", "planned": "not done"}


@register.filter
def day_line(day: DayView) -> str:
    """A past day in one line, for the folded phone week: "Easy run done · Strength skipped"."""
    parts = [
        f"{session.title} {DAY_LINE_STATUS.get(session.status, session.status)}"
        for session in day.sessions
    ]
    if day.extra_runs:
        count = len(day.extra_runs)
        parts.append(f"{count} extra run{'s' if count > 1 else ''}")
    if parts:
        return " · ".join(parts)
    return "Rest day" if day.is_rest else "Nothing planned"


@register.filter
def run_line(structure: list[dict[str, Any]], unit: str) -> str:
    """A run's steps in one line, paces in the runner's unit."""
    return compact_line(structure, unit) if structure else ""


@register.filter
def run_steps(structure: list[dict[str, Any]], unit: str) -> list[str]:
    return step_lines(structure, unit) if structure else []


@register.filter
def run_distance(km: Decimal | None, unit: str) -> str:
    """≈ 8.2 km (or mi); "" without paces."""
    return distance_text(km, unit)


CHIP_NAMES = {"run": "run", "cross_training": "cross", "strength": "strength", "rest": "rest"}


@register.filter
def chip(kind: str) -> str:
    """A session's kind (or "rest") → the classes of its chip in the brand's colours:
    "cross_training" → "rs-chip rs-chip-cross" (see static/css/app.css)."""
    return f"rs-chip rs-chip-{CHIP_NAMES.get(kind, 'neutral')}"
