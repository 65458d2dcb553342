from django import template

from accounts.models import RunnerProfile
from plans.comeback import Comeback
from plans.comeback import comeback as comeback_of
from plans.forms import METRES_PER

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


CHIP_NAMES = {"run": "run", "cross_training": "cross", "strength": "strength", "rest": "rest"}


@register.filter
def chip(kind: str) -> str:
    """A session's kind (or "rest") → the classes of its chip in the brand's colours:
    "cross_training" → "rs-chip rs-chip-cross" (see static/css/app.css)."""
    return f"rs-chip rs-chip-{CHIP_NAMES.get(kind, 'neutral')}"
