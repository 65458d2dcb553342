from decimal import Decimal
from typing import Any

from django import template

from accounts.models import RunnerProfile
from plans.comeback import Comeback
from plans.comeback import comeback as comeback_of
from plans.forms import METRES_PER
from plans.runs import compact_line, distance_text, step_lines

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
