"""From points to the numbers a runner reads: distance, moving and elapsed time, ascent, heart
rate, cadence, splits per km and per mile, and a few hundred points to draw."""

import math
from dataclasses import dataclass
from datetime import datetime, timedelta
from statistics import fmean

from activities.parsing.track import FileRefused, Point, Recording

MOVING_METRES_PER_SECOND = 0.5  # slower than this between two points counts as standing still
LONGEST_GAP = timedelta(seconds=60)  # a longer gap is a pause, even if the runner moved
ASCENT_THRESHOLD_M = 3.0  # GPS and barometer noise below this is not climbing
CLOCK_SLACK = timedelta(minutes=10)
TRACK_POINTS = 300
UNITS = {"km": 1000.0, "mi": 1609.344}
EARTH_RADIUS_M = 6_371_000


@dataclass(frozen=True)
class Measured:
    file_format: str
    sport: str
    started_at: datetime
    distance_m: int
    moving_seconds: int
    elapsed_seconds: int
    ascent_m: int | None
    avg_hr: int | None
    max_hr: int | None
    avg_cadence: int | None
    max_cadence: int | None
    splits: dict[str, list[dict[str, float]]]
    track: list[list[float | None]]  # [metres, moving seconds, lat, lon, elevation]


def measure(recording: Recording, *, file_format: str, now: datetime) -> Measured:
    points = recording.points
    if len(points) < 2 or points[-1].time <= points[0].time:
        raise FileRefused("This file holds less than a second of recording.")
    if points[-1].time > now + CLOCK_SLACK:
        raise FileRefused(
            f"This recording ends in the future ({points[-1].time:%Y-%m-%d %H:%M} UTC): the "
            "watch's clock is probably wrong, so the run would land on the wrong day."
        )
    distances = _cumulative_distances(points)
    clock = _moving_clock(points, distances)
    device = recording.device
    hrs = [point.hr for point in points if point.hr]
    cadences = [point.cadence for point in points if point.cadence]
    elapsed = (points[-1].time - points[0].time).total_seconds()
    return Measured(
        file_format=file_format,
        sport=recording.sport,
        started_at=points[0].time,
        distance_m=round(device.distance_m or distances[-1]),
        moving_seconds=round(clock[-1]),
        elapsed_seconds=round(device.elapsed_seconds or elapsed),
        ascent_m=_round(device.ascent_m if device.ascent_m is not None else _ascent(points)),
        avg_hr=device.avg_hr or _round(fmean(hrs) if hrs else None),
        max_hr=device.max_hr or (max(hrs) if hrs else None),
        avg_cadence=device.avg_cadence or _round(fmean(cadences) if cadences else None),
        max_cadence=device.max_cadence or (max(cadences) if cadences else None),
        splits={unit: _splits(points, distances, clock, size) for unit, size in UNITS.items()},
        track=_track(points, distances, clock),
    )


def _round(value: float | None) -> int | None:
    return round(value) if value is not None else None


def _haversine(a: Point, b: Point) -> float:
    if None in (a.lat, a.lon, b.lat, b.lon):
        return 0.0
    lat1, lon1, lat2, lon2 = map(math.radians, (a.lat, a.lon, b.lat, b.lon))  # type: ignore[arg-type]
    h = (
        math.sin((lat2 - lat1) / 2) ** 2
        + math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2
    )
    return 2 * EARTH_RADIUS_M * math.asin(math.sqrt(h))


def _cumulative_distances(points: list[Point]) -> list[float]:
    """The device's own distance where it recorded one (footpods, wheel sensors, smoothed
    GPS), else the sum of the straight lines between positions; never going backwards."""
    recorded = sum(point.distance is not None for point in points) > len(points) // 2
    distances = [0.0]
    for before, point in zip(points, points[1:], strict=False):
        if recorded:
            step = (point.distance or 0.0) - (before.distance or 0.0)
            if point.distance is None or before.distance is None:
                step = 0.0
        else:
            step = _haversine(before, point)
        distances.append(distances[-1] + max(step, 0.0))
    if recorded and points[0].distance:
        distances = [value + points[0].distance for value in distances]
    return distances


def _moving_clock(points: list[Point], distances: list[float]) -> list[float]:
    """Seconds spent moving up to each point: pauses and standing still do not count."""
    clock = [0.0]
    for index in range(1, len(points)):
        seconds = (points[index].time - points[index - 1].time).total_seconds()
        metres = distances[index] - distances[index - 1]
        moving = 0 < seconds <= LONGEST_GAP.total_seconds() and (
            metres / seconds >= MOVING_METRES_PER_SECOND
        )
        clock.append(clock[-1] + (seconds if moving else 0.0))
    return clock


def _ascent(points: list[Point]) -> float | None:
    elevations = [point.ele for point in points if point.ele is not None]
    if not elevations:
        return None
    climbed, low = 0.0, elevations[0]
    for elevation in elevations[1:]:
        if elevation - low >= ASCENT_THRESHOLD_M:
            climbed += elevation - low
            low = elevation
        elif elevation < low:
            low = elevation
    return climbed


def _at(target: float, distances: list[float], values: list[float], start: int) -> float:
    """`values` interpolated at the distance `target`, searching from index `start`."""
    index = start
    while distances[index] < target:
        index += 1
    if index == 0 or distances[index] == distances[index - 1]:
        return values[index]
    share = (target - distances[index - 1]) / (distances[index] - distances[index - 1])
    return values[index - 1] + share * (values[index] - values[index - 1])


def _splits(
    points: list[Point], distances: list[float], clock: list[float], size: float
) -> list[dict[str, float]]:
    """One row per full km (or mile) and one for the part left over (if 50 m or more)."""
    elevations = _filled([point.ele for point in points])
    splits = []
    start_d, start_t, start_e = distances[0], clock[0], elevations[0]
    index = 0
    while distances[-1] - start_d >= 50:
        end_d = min(start_d + size, distances[-1])
        while index < len(distances) - 1 and distances[index] < end_d:
            index += 1
        end_t = _at(end_d, distances, clock, max(index - 1, 0))
        end_e = (
            _at(end_d, distances, elevations, max(index - 1, 0)) if start_e is not None else None
        )
        splits.append(
            {
                "metres": round(end_d - start_d),
                "seconds": round(end_t - start_t, 1),
                "climb": round(end_e - start_e, 1) if end_e is not None else None,
            }
        )
        if end_d >= distances[-1]:
            break
        start_d, start_t, start_e = end_d, end_t, end_e
    return splits


def _filled(values: list[float | None]) -> list[float]:
    """Gaps filled from the nearest value before (or after, at the start); [] when none."""
    known = next((value for value in values if value is not None), None)
    if known is None:
        return [None] * len(values)  # type: ignore[list-item]
    filled = []
    for value in values:
        known = value if value is not None else known
        filled.append(known)
    return filled


def _track(
    points: list[Point], distances: list[float], clock: list[float]
) -> list[list[float | None]]:
    step = max(1, math.ceil(len(points) / TRACK_POINTS))
    indexes = list(range(0, len(points), step))
    if indexes[-1] != len(points) - 1:
        indexes.append(len(points) - 1)
    return [
        [
            round(distances[i], 1),
            round(clock[i], 1),
            _coordinate(points[i].lat),
            _coordinate(points[i].lon),
            _elevation(points[i].ele),
        ]
        for i in indexes
    ]


def _elevation(value: float | None) -> float | None:
    return round(value, 1) if value is not None else None


def _coordinate(value: float | None) -> float | None:
    return round(value, 6) if value is not None else None
