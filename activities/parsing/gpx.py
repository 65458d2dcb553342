"""GPX through gpxpy, once defusedxml has accepted the text."""

from datetime import UTC, datetime
from xml.etree.ElementTree import Element

import gpxpy
import gpxpy.gpx

from activities.parsing.track import FileRefused, Point, Recording, sport_from
from activities.parsing.xml import safe_tree


def read(data: bytes) -> Recording:
    if safe_tree(data, "GPX").tag.rsplit("}", 1)[-1] != "gpx":
        raise FileRefused("This file is XML but not a GPX file.")
    try:
        document = gpxpy.parse(data.decode("utf-8-sig"))
    except UnicodeDecodeError as exc:
        raise FileRefused("This GPX file is not UTF-8 text.") from exc
    except gpxpy.gpx.GPXException as exc:
        raise FileRefused(f"This is not a GPX file we can read: {exc}.") from exc
    points = [
        _point(point)
        for track in document.tracks
        for segment in track.segments
        for point in segment.points
    ]
    if not points:
        raise FileRefused("This GPX file holds no track points.")
    timed = [point for point in points if point is not None]
    if not timed:
        raise FileRefused(
            "This GPX file has no times in it (a planned route, not a recorded run), so there "
            "is no telling when it was run or how long it took."
        )
    sport = document.tracks[0].type if document.tracks else None
    return Recording(sport=sport_from(sport, unknown="run"), points=timed)


def _point(point: gpxpy.gpx.GPXTrackPoint) -> Point | None:
    if point.time is None:
        return None
    extras = _extension_values(point.extensions)
    return Point(
        time=_utc(point.time),
        lat=point.latitude,
        lon=point.longitude,
        ele=point.elevation,
        hr=_int(extras.get("hr")),
        cadence=_int(extras.get("cad")),
    )


def _utc(moment: datetime) -> datetime:
    """GPX times are UTC; a time written without a zone is read as UTC too."""
    return moment.replace(tzinfo=UTC) if moment.tzinfo is None else moment.astimezone(UTC)


def _extension_values(extensions: list[Element]) -> dict[str, str]:
    """Garmin's TrackPointExtension and its look-alikes: `{…}hr`, `{…}cad` anywhere below."""
    values: dict[str, str] = {}
    for root in extensions:
        for element in root.iter():
            name = element.tag.rsplit("}", 1)[-1].lower()
            if element.text and element.text.strip():
                values.setdefault(name, element.text.strip())
    return values


def _int(text: str | None) -> int | None:
    try:
        return round(float(text)) if text is not None else None
    except ValueError:
        return None
