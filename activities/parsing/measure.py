"""From points to the numbers a runner reads: distance, moving and elapsed time, ascent, heart
rate, cadence, splits per km and per mile, and a few hundred points to draw."""

import math
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from statistics import fmean

from activities.parsing.track import FileRefused, Point, Recording

MOVING_METRES_PER_SECOND = 0.5  # slower than this between two points counts as standing still
LONGEST_GAP = timedelta(seconds=60)  # a longer gap is a pause, even if the runner moved
ASCENT_THRESHOLD_M = 3.0  # GPS and barometer noise below this is not climbing
CLOCK_SLACK = timedelta(minutes=10)
TRACK_POINTS = 300
UNITS = {"km": 1000.0, "mi": 1609.344}
EARTH_RADIUS_M = 6_371_000
# Outside these a number is a sensor's or a file's glitch, not a runner's: dropped or refused.
EARLIEST_START = datetime(1990, 1, 1, tzinfo=UTC)
LONGEST_RECORDING = timedelta(days=2)
FARTHEST_M = 1_000_000
HIGHEST_CLIMB_M = 20_000
HEART_RATE = (25, 250)
CADENCE = (1, 300)


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
    _refuse_impossible_times(points[0].time, points[-1].time)
    distances = _cumulative_distances(points)
    clock = _moving_clock(points, distances)
    device = recording.device
    hrs = _readings([point.hr for point in points], HEART_RATE)
    cadences = _readings([point.cadence for point in points], CADENCE)
    elapsed = (points[-1].time - points[0].time).total_seconds()
    distance_m = round(_kept(device.distance_m, (0, FARTHEST_M)) or distances[-1])
    if distance_m > FARTHEST_M:
        raise FileRefused("This recording covers over 1,000 km: it is not one activity.")
    return Measured(
        file_format=file_format,
        sport=recording.sport,
        started_at=points[0].time,
        distance_m=distance_m,
        moving_seconds=round(clock[-1]),
        elapsed_seconds=round(
            _kept(device.elapsed_seconds, (0, LONGEST_RECORDING.total_seconds())) or elapsed
        ),
        ascent_m=_round(
            _kept(device.ascent_m, (0, HIGHEST_CLIMB_M))
            if device.ascent_m is not None
            else _kept(_ascent(points), (0, HIGHEST_CLIMB_M))
        ),
        avg_hr=_round(_kept(device.avg_hr, HEART_RATE) or (fmean(hrs) if hrs else None)),
        max_hr=_round(_kept(device.max_hr, HEART_RATE) or (max(hrs) if hrs else None)),
        avg_cadence=_round(
            _kept(device.avg_cadence, CADENCE) or (fmean(cadences) if cadences else None)
        ),
        max_cadence=_round(
            _kept(device.max_cadence, CADENCE) or (max(cadences) if cadences else None)
        ),
        splits={unit: _splits(points, distances, clock, size) for unit, size in UNITS.items()},
        track=_track(points, distances, clock),
    )


def _refuse_impossible_times(start: datetime, end: datetime) -> None:
    if start < EARLIEST_START:
        raise FileRefused(
            f"This recording starts in {start.year}: the watch's clock was not set, so the "
            "run cannot be placed on a day."
        )
    if end - start > LONGEST_RECORDING:
        raise FileRefused("This recording lasts over two days: it is not one activity.")


def _readings(values: list[int | None], bounds: tuple[float, float]) -> list[int]:
    return [value for value in values if value is not None and _within(value, bounds)]


def _within(value: float | None, bounds: tuple[float, float]) -> bool:
    return value is not None and bounds[0] <= value <= bounds[1]


def _kept(value: float | None, bounds: tuple[float, float]) -> float | None:
    """The value when a body or a watch could have produced it, else None."""
    return value if _within(value, bounds) else None


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
