"""TCX through tcxreader, handed the tree defusedxml parsed (tcxreader would otherwise open
the file with the standard library's parser)."""

from datetime import UTC, datetime
from typing import Any

from tcxreader.tcxreader import TCXReader  # type: ignore[import-untyped]

from activities.parsing.track import FileRefused, Point, Recording, sport_from
from activities.parsing.xml import safe_tree

TCX_ROOT = "{http://www.garmin.com/xmlschemas/TrainingCenterDatabase/v2}TrainingCenterDatabase"


class _DefusedTCXReader(TCXReader):
    def _TCXReader__parse_tcx_file(self, data: bytes) -> tuple[Any, Any]:  # noqa: N802
        root = safe_tree(data, "TCX")
        if root.tag != TCX_ROOT:
            raise FileRefused("This file is XML but not a TCX activity.")
        return None, root


def read(data: bytes) -> Recording:
    try:
        exercise = _DefusedTCXReader().read(data, only_gps=False)
    except FileRefused:
        raise
    except (ValueError, TypeError, KeyError, AttributeError, ZeroDivisionError) as exc:
        raise FileRefused(f"This TCX file could not be read: {exc}.") from exc
    points = [_point(point) for point in exercise.trackpoints or []]
    timed = [point for point in points if point is not None]
    if not timed:
        raise FileRefused("This TCX file has no timed track points.")
    return Recording(sport=sport_from(exercise.activity_type, unknown="run"), points=timed)


def _point(point: Any) -> Point | None:
    if point.time is None:
        return None
    cadence = point.cadence if point.cadence is not None else point.tpx_ext.get("RunCadence")
    return Point(
        time=_utc(point.time),
        lat=point.latitude,
        lon=point.longitude,
        ele=point.elevation,
        distance=point.distance,
        hr=round(point.hr_value) if point.hr_value is not None else None,
        cadence=round(cadence) if cadence is not None else None,
    )


def _utc(moment: datetime) -> datetime:
    return moment.replace(tzinfo=UTC) if moment.tzinfo is None else moment.astimezone(UTC)
