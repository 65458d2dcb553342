"""What every reader hands on: points in time order and the sport, plus any totals the device
itself recorded (FIT sessions carry them; they beat anything recomputed from the points)."""

from dataclasses import dataclass, field
from datetime import datetime


class FileRefused(Exception):
    """A file we will not import; the message is for the runner, in plain words."""


@dataclass(frozen=True)
class Point:
    time: datetime  # aware, UTC
    lat: float | None = None
    lon: float | None = None
    ele: float | None = None
    distance: float | None = None  # metres from the start, when the device recorded it
    hr: int | None = None
    cadence: int | None = None


@dataclass(frozen=True)
class DeviceTotals:
    distance_m: float | None = None
    elapsed_seconds: float | None = None
    ascent_m: float | None = None
    avg_hr: int | None = None
    max_hr: int | None = None
    avg_cadence: int | None = None
    max_cadence: int | None = None


@dataclass(frozen=True)
class Recording:
    sport: str  # one of activities.models.Sport's values
    points: list[Point]
    device: DeviceTotals = field(default_factory=DeviceTotals)


SPORT_WORDS = {
    "run": ("run", "running", "trail", "treadmill", "jog", "9"),
    "ride": ("ride", "cycling", "biking", "bike", "cycle", "e_biking", "1"),
    "swim": ("swim", "swimming"),
    "walk": ("walk", "walking"),
    "hike": ("hike", "hiking"),
    "row": ("row", "rowing"),
    "ski": ("ski", "skiing", "cross_country_skiing", "alpine_skiing", "nordic"),
    "elliptical": ("elliptical",),
}


def sport_from(text: str | None, *, unknown: str) -> str:
    """A device's sport name ("Running", "cycling", "trail_running", Strava's "9") as ours."""
    words = (text or "").strip().lower().replace("-", "_").replace(" ", "_")
    if not words:
        return unknown
    for sport, names in SPORT_WORDS.items():
        if words in names or any(part in names for part in words.split("_")):
            return sport
    return "other"
