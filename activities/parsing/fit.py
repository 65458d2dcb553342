"""FIT through fitdecode, with the CRC checked and every decoding error raised."""

import io
from datetime import UTC, datetime
from typing import Any

import fitdecode  # type: ignore[import-untyped]

from activities.parsing.track import DeviceTotals, FileRefused, Point, Recording, sport_from

DEGREES_PER_SEMICIRCLE = 180 / 2**31


def read(data: bytes) -> Recording:
    points: list[Point] = []
    sessions: list[Any] = []
    try:
        with fitdecode.FitReader(
            io.BytesIO(data),
            check_crc=fitdecode.CrcCheck.RAISE,
            error_handling=fitdecode.ErrorHandling.RAISE,
        ) as reader:
            for frame in reader:
                if frame.frame_type != fitdecode.FIT_FRAME_DATA:
                    continue
                if frame.name == "record":
                    point = _point(frame)
                    if point is not None:
                        points.append(point)
                elif frame.name == "session":
                    sessions.append(frame)
    except fitdecode.FitEOFError as exc:
        raise FileRefused("This FIT file is cut short: it ends before its data does.") from exc
    except fitdecode.FitCRCError as exc:
        raise FileRefused("This FIT file is damaged: its checksum does not match.") from exc
    except (fitdecode.FitError, ValueError, KeyError, TypeError) as exc:
        raise FileRefused("This is not a FIT activity file we can read.") from exc
    if not points:
        raise FileRefused("This FIT file has no timed records (is it an activity?).")
    points.sort(key=lambda point: point.time)
    session = sessions[0] if len(sessions) == 1 else None
    sport = _value(sessions[0], "sport") if sessions else None
    return Recording(
        sport=sport_from(str(sport) if sport is not None else None, unknown="run"),
        points=points,
        device=_totals(session) if session is not None else DeviceTotals(),
    )


def _value(frame: Any, name: str) -> Any:
    return frame.get_value(name, fallback=None)


def _point(frame: Any) -> Point | None:
    moment = _value(frame, "timestamp")
    if not isinstance(moment, datetime):
        return None
    lat, lon = _value(frame, "position_lat"), _value(frame, "position_long")
    altitude = _value(frame, "enhanced_altitude")
    return Point(
        time=moment.astimezone(UTC),
        lat=lat * DEGREES_PER_SEMICIRCLE if lat is not None else None,
        lon=lon * DEGREES_PER_SEMICIRCLE if lon is not None else None,
        ele=altitude if altitude is not None else _value(frame, "altitude"),
        distance=_value(frame, "distance"),
        hr=_value(frame, "heart_rate"),
        cadence=_value(frame, "cadence"),
    )


def _totals(session: Any) -> DeviceTotals:
    """A single-sport file's own totals; a multisport file's are recomputed from records."""
    return DeviceTotals(
        distance_m=_value(session, "total_distance"),
        elapsed_seconds=_value(session, "total_elapsed_time"),
        ascent_m=_value(session, "total_ascent"),
        avg_hr=_value(session, "avg_heart_rate"),
        max_hr=_value(session, "max_heart_rate"),
        avg_cadence=_value(session, "avg_cadence") or _value(session, "avg_running_cadence"),
        max_cadence=_value(session, "max_cadence") or _value(session, "max_running_cadence"),
    )
